/* fields.c - the one-line text field over core/textbuf, and forms of
 * them (see fields.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/textbuf.h"
#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/fields.h"

#define CTRL_KEY(c) ((c) & 0x1f)

struct field {
	struct textbuf tb;
	char *set;     /* the text as set, given back while not edited */
	size_t scroll; /* the first character shown */
	int choice;
	int disabled;
};

struct fields {
	const struct fields_def *defs;
	struct field *f;
	int n, cur;
};

static int field_width(const struct fields_def *d)
{
	return d->width > 0 && d->width <= FIELDS_WIDTH_MAX ? d->width
							  : FIELDS_WIDTH_MAX;
}

static size_t field_max(const struct fields_def *d)
{
	return d->max > 0 ? (size_t)d->max : FIELDS_MAX_DEFAULT;
}

static int choice_count(const struct fields_def *d)
{
	int n = 0;
	while (d->choices && d->choices[n])
		n++;
	return n;
}

struct fields *fields_new(const struct fields_def *defs, int n)
{
	struct fields *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->f = calloc((size_t)n, sizeof *f->f);
	if (!f->f) {
		free(f);
		return NULL;
	}
	f->defs = defs;
	f->n = n;
	for (int i = 0; i < n; i++)
		textbuf_init(&f->f[i].tb, field_max(&defs[i]));
	return f;
}

void fields_free(struct fields *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->n; i++) {
		textbuf_free(&f->f[i].tb);
		free(f->f[i].set);
	}
	free(f->f);
	free(f);
}

int fields_set(struct fields *f, int i, const char *utf8)
{
	struct field *fd = &f->f[i];
	char *copy = strdup(utf8 ? utf8 : "");
	if (!copy || textbuf_set_utf8(&fd->tb, copy) < 0) {
		free(copy);
		return -1;
	}
	free(fd->set);
	fd->set = copy;
	fd->tb.dirty = 0;
	fd->scroll = 0;
	return 0;
}

void fields_set_choice(struct fields *f, int i, int choice)
{
	int n = choice_count(&f->defs[i]);
	if (n > 0)
		f->f[i].choice = (choice % n + n) % n;
}

/* Edited text without the blanks around it: a stray space typed before
 * a name must not make it a different name. */
static char *trimmed(const struct textbuf *t)
{
	char *s = textbuf_utf8(t);
	if (!s)
		return NULL;
	size_t len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	size_t lead = strspn(s, " ");
	memmove(s, s + lead, len - lead + 1);
	return s;
}

char *fields_get(struct fields *f, int i)
{
	const struct field *fd = &f->f[i];
	if (!fd->tb.dirty)
		return strdup(fd->set ? fd->set : "");
	return trimmed(&fd->tb);
}

int fields_choice(struct fields *f, int i)
{
	return f->f[i].choice;
}

int fields_edited(const struct fields *f, int i)
{
	return f->f[i].tb.dirty;
}

int fields_current(const struct fields *f)
{
	return f->cur;
}

void fields_focus(struct fields *f, int i)
{
	if (i < 0 || i >= f->n)
		return;
	f->cur = i;
	textbuf_move(&f->f[i].tb, TEXTBUF_END, 0);
}

void fields_disable(struct fields *f, int i)
{
	f->f[i].disabled = 1;
	if (f->cur == i)
		for (int k = 1; k < f->n; k++)
			if (!f->f[(i + k) % f->n].disabled) {
				f->cur = (i + k) % f->n;
				break;
			}
}

int fields_label_width(const struct fields *f)
{
	int w = 0;
	for (int i = 0; i < f->n; i++) {
		int lw = utext_width(f->defs[i].label ? f->defs[i].label : "");
		if (lw > w)
			w = lw;
	}
	return w;
}

/* ------------------------------------------------------------------ draw */

/* A choice field shows every word, the chosen one in brackets. */
static void draw_choices(struct fields *f, struct app *app, int i, int y,
			 int x)
{
	const struct fields_def *d = &f->defs[i];
	int cur = fields_current(f) == i;
	for (int c = 0; d->choices[c]; c++) {
		int chosen = c == f->f[i].choice;
		x += draw_text(app, y, x, chosen ? "[" : " ", 1, UI_NORMAL);
		x += draw_text(app, y, x, d->choices[c], FIELDS_WIDTH_MAX,
			       chosen ? (cur ? UI_SELECTED : UI_ACCENT)
				      : UI_DIM);
		x += draw_text(app, y, x, chosen ? "] " : "  ", 2, UI_NORMAL);
	}
}

/* Cells of characters [a, b). */
static int cells_of(const struct textbuf *t, size_t a, size_t b)
{
	int w = 0;
	for (size_t k = a; k < b; k++)
		w += textbuf_cells(t->text[k]);
	return w;
}

/* Keeps the cursor inside the w cells shown, one cell spare for it at
 * the end; scrolls by whole clusters. */
static void scroll_to_cursor(struct field *fd, int w)
{
	const struct textbuf *t = &fd->tb;
	/* Text that fits whole, with the cursor past its end, shows from
	 * its start: a scroll left over from a narrower frame (the count
	 * took room) never hides its beginning. */
	if (cells_of(t, 0, t->len) <= w - 1) {
		fd->scroll = 0;
		return;
	}
	if (fd->scroll > t->cur || fd->scroll > t->len)
		fd->scroll = textbuf_cluster_prev(t, t->cur);
	while (fd->scroll < t->cur && cells_of(t, fd->scroll, t->cur) > w - 1)
		fd->scroll = textbuf_cluster_next(t, fd->scroll);
}

/* Draws the cluster of characters [a, b) at (y, x) in cw cells. */
static void cluster_draw(struct app *app, const struct textbuf *t, size_t a,
			 size_t b, int y, int x, int cw, attr_t extra)
{
	char buf[64];
	size_t o = 0;
	for (size_t k = a; k < b && o + 5 < sizeof buf; k++)
		o += utext_encode((uint32_t)t->text[k], buf + o);
	buf[o] = '\0';
	attron(extra);
	draw_text(app, y, x, buf, cw, UI_NORMAL);
	attroff(extra);
}

/* "37/40" when the text is within a quarter of its limit, so the limit is
 * seen before it bites; "" otherwise, and always for a field w cells wide
 * that shows its whole limit (a date): there the count would only take
 * the room the text needs. */
static void count_text(const struct fields_def *d, const struct textbuf *t,
		       int w, char *buf, size_t sz)
{
	size_t max = field_max(d);
	buf[0] = '\0';
	if (w > 0 && max < (size_t)w)
		return;
	if (t->len * 4 >= max * 3)
		snprintf(buf, sz, "%zu/%zu", t->len, max);
}

void fields_draw_at(struct fields *f, struct app *app, int i, int y, int x,
		    int w)
{
	if (f->defs[i].choices) {
		draw_choices(f, app, i, y, x);
		return;
	}
	if (x + w > COLS)
		w = COLS - x;
	struct field *fd = &f->f[i];
	int focus = fields_current(f) == i;
	char count[32] = "";
	if (focus)
		count_text(&f->defs[i], &fd->tb, w, count, sizeof count);
	int cw = (int)strlen(count);
	if (cw && w - cw - 1 >= 4) {
		draw_text(app, y, x + w - cw, count, cw,
			  fd->tb.len >= field_max(&f->defs[i]) ? UI_BAD
								 : UI_DIM);
		w -= cw + 1;
	}
	if (w <= 0)
		return;
	attron(A_UNDERLINE);
	mvhline(y, x, ' ', w);
	attroff(A_UNDERLINE);
	const struct textbuf *t = &fd->tb;
	scroll_to_cursor(fd, w);
	int col = 0;
	for (size_t a = fd->scroll; a < t->len;) {
		size_t b = textbuf_cluster_next(t, a);
		int ccw = cells_of(t, a, b);
		if (ccw == 0)
			ccw = 1; /* a lone mark shows on a cell of its own */
		if (col + ccw > w)
			break;
		int cursor = focus && a == t->cur;
		cluster_draw(app, t, a, b, y, x + col, ccw,
			     cursor ? A_REVERSE : A_UNDERLINE);
		col += ccw;
		a = b;
	}
	/* The terminal cursor stays hidden (it would sit on the key line);
	 * the field shows its own, past the end when it is there. */
	if (focus && t->cur >= t->len && col < w)
		mvchgat(y, x + col, 1, A_REVERSE, 0, NULL);
}

void fields_draw_field(struct fields *f, struct app *app, int i, int y,
		       int x)
{
	fields_draw_at(f, app, i, y, x, field_width(&f->defs[i]));
}

void fields_draw(struct fields *f, struct app *app, int i, int y, int x,
		 int fx)
{
	int cur = fields_current(f) == i;
	draw_text(app, y, x, f->defs[i].label, fx - x - 1,
		  cur ? UI_HEADING : UI_NORMAL);
	fields_draw_field(f, app, i, y, fx);
}

/* ------------------------------------------------------------------- keys */

static int choice_key(struct fields *f, int i, struct key k)
{
	const struct fields_def *d = &f->defs[i];
	if (k.code == KEY_LEFT) {
		fields_set_choice(f, i, f->f[i].choice - 1);
		return 1;
	}
	if (k.code == KEY_RIGHT || (!k.code && k.ch == L' ')) {
		fields_set_choice(f, i, f->f[i].choice + 1);
		return 1;
	}
	if (k.code || k.ch < L' ')
		return 0;
	/* A typed letter picks the word it starts. */
	for (int c = 0; d->choices[c]; c++) {
		if ((wint_t)d->choices[c][0] == k.ch) {
			fields_set_choice(f, i, c);
			return 1;
		}
	}
	return 1;
}

int fields_edit_key(struct textbuf *t, struct key k, enum textbuf_move home,
		    enum textbuf_move end)
{
	switch (k.code) {
	case KEY_LEFT:
		textbuf_move(t, TEXTBUF_LEFT, 0);
		return 1;
	case KEY_RIGHT:
		textbuf_move(t, TEXTBUF_RIGHT, 0);
		return 1;
	case KEY_HOME:
		textbuf_move(t, home, 0);
		return 1;
	case KEY_END:
		textbuf_move(t, end, 0);
		return 1;
	case KEY_BACKSPACE:
		textbuf_backspace(t);
		return 1;
	case KEY_DC:
		textbuf_delete(t);
		return 1;
	case UI_KEY_WORD_RUBOUT:
		textbuf_delete_word(t);
		return 1;
	case 0:
		break;
	default:
		return 0;
	}
	if (k.pasted)
		return 0;
	switch (k.ch) {
	case CTRL_KEY('a'):
		textbuf_move(t, home, 0);
		return 1;
	case CTRL_KEY('e'):
		textbuf_move(t, end, 0);
		return 1;
	case CTRL_KEY('d'):
		textbuf_delete(t);
		return 1;
	case CTRL_KEY('w'):
		textbuf_delete_word(t);
		return 1;
	default:
		return 0;
	}
}

/* The shared editing keys, and the cuts a one-line field adds: ^K to
 * the end, ^U to the start.  1 when k was one of them. */
static int edit_key(struct textbuf *t, struct key k)
{
	if (fields_edit_key(t, k, TEXTBUF_START, TEXTBUF_END))
		return 1;
	if (k.code || k.pasted)
		return 0;
	if (k.ch == CTRL_KEY('k')) {
		textbuf_cut(t, t->cur, t->len);
		return 1;
	}
	if (k.ch == CTRL_KEY('u')) {
		textbuf_cut(t, 0, t->cur);
		return 1;
	}
	return 0;
}

/* The character k puts into a one-line field, or 0 when it is no text:
 * typed control characters are keys, pasted ones are text (a line break
 * becomes a blank, as a field has one line). */
static wint_t text_of(struct key k)
{
	if (k.code)
		return 0;
	if (k.pasted)
		return k.ch == L'\r' || k.ch == L'\n' ? L' ' : k.ch;
	if (k.ch < L' ' || k.ch == 0x7f || (k.ch >= 0x80 && k.ch < 0xa0))
		return 0;
	return k.ch;
}

static int text_key(struct fields *f, struct app *app, int i, wint_t ch)
{
	struct field *fd = &f->f[i];
	if (ch >= 0x80 && !utext_locale_is_utf8()) {
		/* Curses could not decode it: it would be stored as
		 * nonsense or vanish.  Say so instead. */
		app_status(app, 1, "Only ASCII can be typed: the locale is "
				   "not UTF-8 (try LANG=C.UTF-8).");
		return 1;
	}
	if (textbuf_insert(&fd->tb, (wchar_t)ch) < 0 &&
	    fd->tb.len >= fd->tb.max) {
		app_status(app, 1, "%s takes at most %zu characters.",
			   f->defs[i].label ? f->defs[i].label : "This field",
			   fd->tb.max);
	}
	return 1;
}

static void focus_step(struct fields *f, int step)
{
	int i = f->cur;
	for (int k = 0; k < f->n; k++) {
		i = (i + step + f->n) % f->n;
		if (!f->f[i].disabled)
			break;
	}
	fields_focus(f, i);
}

int fields_key(struct fields *f, struct app *app, struct key k)
{
	int next = !k.pasted && ((!k.code && k.ch == L'\t') ||
				 k.code == KEY_DOWN);
	int prev = k.code == KEY_BTAB || k.code == KEY_UP;
	if (next || prev) {
		if (f->n < 2)
			return 0;
		focus_step(f, next ? 1 : -1);
		return 1;
	}
	int i = fields_current(f);
	if (f->defs[i].choices)
		return k.pasted ? 1 : choice_key(f, i, k);
	if (edit_key(&f->f[i].tb, k))
		return 1;
	wint_t ch = text_of(k);
	return ch ? text_key(f, app, i, ch) : 0;
}

/* -------------------------------------------------------------- dialogs */

void fields_dialog(struct app *app, int h, int want, const char *title,
		   int *y, int *x, int *w)
{
	*w = want < COLS - 4 ? want : COLS - 4;
	if (h > LINES - 3)
		h = LINES - 3;
	*y = (LINES - 1 - h) / 2;
	*x = (COLS - *w) / 2;
	draw_box(app, *y, *x, h, *w, title);
}

int fields_wrap(struct app *app, int y, int x, int w, int nlines,
		const char *text, enum ui_style style)
{
	const char *p = text ? text : "";
	int used = 0;
	while (*p == ' ')
		p++;
	while (*p && used < nlines) {
		/* The last line takes the rest, cut with an ellipsis. */
		size_t next, n = used < nlines - 1 ? utext_row(p, w, &next)
						   : strlen(p);
		if (used == nlines - 1)
			next = n;
		char *row = strndup(p, n);
		if (!row)
			return used;
		draw_text(app, y + used, x, row, w, style);
		free(row);
		used++;
		p += next;
		while (*p == ' ')
			p++;
	}
	return used;
}

int fields_is_enter(struct key k)
{
	return !k.pasted &&
	       (k.code == KEY_ENTER ||
		(!k.code && (k.ch == L'\r' || k.ch == L'\n')));
}
