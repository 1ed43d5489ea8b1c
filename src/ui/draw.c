/* draw.c - safe text, title line, key line and boxes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include <stdint.h>

#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/wrap.h"

/* The length of the printable ASCII at the start of s: one cell a byte,
 * no decoding needed.  Most text on screen is, so it is measured and
 * handed to curses a run at a time rather than a character at a time. */
static size_t ascii_run(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
		i++;
	return i;
}

enum canvas_mode draw_mode(const struct app *app)
{
	return app->ascii ? CANVAS_ASCII : CANVAS_UTF8;
}

const char *draw_glyph(const struct app *app, enum glyph g)
{
	return glyph_str(g, draw_mode(app));
}

/* Never a raw control or bidi override on the terminal: controls show
 * as ^X, bidi controls as a reverse "?" (they would reorder the rest of
 * the line, a name reading as another), both in reverse video. */
static void put_char(uint32_t uc, attr_t attr)
{
	if (utext_is_control(uc) || utext_is_bidi_control(uc)) {
		attron(A_REVERSE);
		if (utext_is_bidi_control(uc)) {
			addch('?');
		} else {
			addch('^');
			addch(uc == 0x7f ? '?' : (chtype)((uc & 0x1f) + '@'));
		}
		attroff(A_REVERSE);
		attron(attr);
		return;
	}
	if (uc >= 0x80 && !utext_locale_is_utf8()) {
		/* The terminal's character set cannot show it (LANG=C):
		 * a visible stand-in rather than nothing. */
		addch('?');
		return;
	}
	if (!utext_is_printable(uc))
		uc = UTEXT_REPLACEMENT;
	wchar_t buf[2] = {(wchar_t)uc, 0};
	addnwstr(buf, 1);
}

int draw_text(struct app *app, int y, int x, const char *utf8, int width,
	      enum ui_style style)
{
	/* Never past the right edge: curses would wrap to the next line. */
	if (x + width > COLS)
		width = COLS - x;
	if (width <= 0 || !utf8 || y < 0 || y >= LINES)
		return 0;
	attr_t attr = app_attr(app, style);
	int total = utext_width(utf8);
	int room = total > width ? width - 1 : width;
	size_t len = strlen(utf8);
	int used = 0;
	move(y, x);
	attron(attr);
	for (size_t i = 0; i < len;) {
		size_t run = ascii_run(utf8 + i, len - i);
		if (run) {
			size_t fit = (size_t)(room - used);
			if (run > fit)
				run = fit;
			if (run == 0)
				break;
			addnstr(utf8 + i, (int)run);
			used += (int)run;
			i += run;
			continue;
		}
		uint32_t uc;
		i += utext_decode(utf8 + i, len - i, &uc);
		int w = utext_cells(uc);
		if (used + w > room)
			break;
		put_char(uc, attr);
		used += w;
	}
	if (total > width) {
		addstr(draw_glyph(app, GLYPH_ELLIPSIS));
		used++;
	}
	attroff(attr);
	return used;
}

void draw_title(struct app *app, const char *title)
{
	attr_t attr = app_attr(app, UI_TITLE);
	attron(attr);
	mvhline(0, 0, ' ', COLS);
	attroff(attr);
	char line[256];
	snprintf(line, sizeof line, " ownit %s %s",
		 draw_glyph(app, GLYPH_DOT), title);
	draw_text(app, 0, 0, line, COLS, UI_TITLE);
}

static int keyline_entry_width(const struct action *a)
{
	return utext_width(a->keys) + 1 + utext_width(a->label) + 2;
}

static int keyline_entry(struct app *app, int y, int x, const struct action *a)
{
	int x0 = x;
	x += draw_text(app, y, x, a->keys, COLS - x, UI_KEY);
	x += draw_text(app, y, x, " ", 1, UI_KEYLINE);
	x += draw_text(app, y, x, a->label, COLS - x, UI_KEYLINE);
	x += draw_text(app, y, x, "  ", 2, UI_KEYLINE);
	return x - x0;
}

/* The most rows the status takes above the key line. */
#define STATUS_ROWS_MAX 3

/* The status above the key line, wrapped rather than cut: a message ends
 * with what to do about it, so that end must always show.  Past
 * STATUS_ROWS_MAX rows the start gives way, marked with an ellipsis. */
static void draw_status(struct app *app, int y)
{
	enum ui_style style = app->status_is_error ? UI_BAD : UI_HEADING;
	int rows = wrap_count(app->status, COLS);
	int skip = rows > STATUS_ROWS_MAX ? rows - STATUS_ROWS_MAX : 0;
	int shown = rows - skip;
	for (int i = 0; i < shown; i++) {
		move(y - shown + i, 0);
		clrtoeol();
	}
	if (!skip) {
		wrap_draw(app, y - shown, 0, COLS, 0, shown, app->status, style);
		return;
	}
	const char *more = draw_glyph(app, GLYPH_RUNS_ON);
	int mw = utext_width(more);
	draw_text(app, y - shown, 0, more, mw, style);
	/* The rows kept are wrapped again one ellipsis narrower, so the
	 * first of them fits beside it. */
	int n = wrap_count(app->status, COLS - mw);
	wrap_draw(app, y - shown, mw, COLS - mw, n - shown, shown, app->status,
		  style);
}

static int is_help_entry(const struct action *a)
{
	return (!a->code && a->ch == L'?') || a->code == KEY_F(1);
}

/* The way on (Tab) and the way back (Esc): on a narrow key line they
 * stay, as help does, since without them a step looks like a dead end. */
static int is_kept_entry(const struct action *a)
{
	return a->label && !a->code && (a->ch == L'\t' || a->ch == UI_KEY_ESC);
}

/* When the labelled keys do not all fit, those that do are shown, Tab's
 * and Esc's entries keep their places, and the help entry keeps its place
 * at the end: help lists the rest.  A table without a labelled help key
 * gets one, so every screen offers it. */
void draw_keyline(struct app *app, const struct action *actions,
		  enum draw_help mode)
{
	static const struct action help_q = {0, L'?', "?", "help", NULL, 1};
	static const struct action help_f1 = {KEY_F(1), 0, "F1", "help",
					      NULL, 1};
	int y = LINES - 1;
	int x = 0;
	if (app->status[0])
		draw_status(app, y);
	const struct action *help = NULL;
	int total = 0;
	for (const struct action *a = actions; a && a->id; a++) {
		if (!a->label)
			continue;
		if (is_help_entry(a) && mode == DRAW_HELP_KEYS && !help)
			help = a;
		else if (!is_help_entry(a))
			total += keyline_entry_width(a);
	}
	if (mode == DRAW_HELP_TYPING)
		help = &help_f1;
	else if (mode == DRAW_HELP_KEYS && !help)
		help = &help_q;
	int in_table = help && help != &help_q && help != &help_f1;
	int help_w = help ? keyline_entry_width(help) : 0;
	/* A help entry of the table's own stays where the table put it
	 * while everything fits. */
	int reserve = help && (!in_table || total + help_w > COLS) ? help_w
								   : 0;
	int kept_w = 0;
	for (const struct action *a = actions; a && a->id; a++)
		if (is_kept_entry(a))
			kept_w += keyline_entry_width(a);
	int full = 0;
	for (const struct action *a = actions; a && a->id; a++) {
		if (!a->label || (is_help_entry(a) && a != help) ||
		    (reserve && a == help))
			continue;
		int w = keyline_entry_width(a);
		if (is_kept_entry(a))
			kept_w -= w;
		else if (full || x + w > COLS - reserve - kept_w) {
			full = 1;
			continue;
		}
		x += keyline_entry(app, y, x, a);
	}
	if (reserve)
		keyline_entry(app, y, x, help);
}

void draw_rule(struct app *app, int y, const char *title, const char *extra)
{
	attr_t a = app_attr(app, UI_DIM);
	attron(a);
	if (app->ascii)
		mvhline(y, 0, '-', COLS);
	else
		mvhline_set(y, 0, WACS_HLINE, COLS);
	attroff(a);
	if (!title)
		return;
	int n = draw_text(app, y, 1, " ", 1, UI_NORMAL);
	n += draw_text(app, y, 1 + n, title, COLS - 4 - n, UI_HEADING);
	if (extra && n < COLS - 8) {
		n += draw_text(app, y, 1 + n, "  ", 2, UI_NORMAL);
		n += draw_text(app, y, 1 + n, extra, COLS - 4 - n, UI_DIM);
	}
	draw_text(app, y, 1 + n, " ", 1, UI_NORMAL);
}

void draw_box(struct app *app, int y, int x, int h, int w, const char *title)
{
	attr_t attr = app_attr(app, UI_NORMAL);
	attron(attr);
	for (int r = y; r < y + h; r++)
		mvhline(r, x, ' ', w);
	if (app->ascii) {
		mvhline(y, x + 1, '-', w - 2);
		mvhline(y + h - 1, x + 1, '-', w - 2);
		mvvline(y + 1, x, '|', h - 2);
		mvvline(y + 1, x + w - 1, '|', h - 2);
		mvaddch(y, x, '+');
		mvaddch(y, x + w - 1, '+');
		mvaddch(y + h - 1, x, '+');
		mvaddch(y + h - 1, x + w - 1, '+');
	} else {
		mvhline_set(y, x + 1, WACS_HLINE, w - 2);
		mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
		mvvline_set(y + 1, x, WACS_VLINE, h - 2);
		mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
		mvadd_wch(y, x, WACS_ULCORNER);
		mvadd_wch(y, x + w - 1, WACS_URCORNER);
		mvadd_wch(y + h - 1, x, WACS_LLCORNER);
		mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	}
	attroff(attr);
	if (title) {
		draw_text(app, y, x + 2, " ", 1, UI_HEADING);
		int n = draw_text(app, y, x + 3, title, w - 6, UI_HEADING);
		draw_text(app, y, x + 3 + n, " ", 1, UI_HEADING);
	}
}
