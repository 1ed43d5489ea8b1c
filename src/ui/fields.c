/* fields.c - one-line input fields on ncurses' form library. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/fields.h"

#define FIELDS_MAX_DEFAULT 200
#define CTRL_KEY(c) ((c) & 0x1f)

struct fields {
	FORM *form;
	FIELD **field; /* n + 1, NULL-ended as the form library wants */
	int *choice;   /* per field: the chosen word of a choice field */
	WINDOW *pad;   /* the form's own window, copied onto the screen */
	const struct fields_def *defs;
	int n;
};

static int field_width(const struct fields_def *d)
{
	return d->width > 0 && d->width <= FIELDS_WIDTH_MAX ? d->width
							  : FIELDS_WIDTH_MAX;
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
	f->defs = defs;
	f->n = n;
	f->field = calloc((size_t)n + 1, sizeof *f->field);
	f->choice = calloc((size_t)n, sizeof *f->choice);
	/* A pad, not a window: resizeterm never cuts pads down, so a
	 * terminal shrunk below the form's size cannot eat typed text. */
	f->pad = newpad(n, FIELDS_WIDTH_MAX);
	if (!f->field || !f->choice || !f->pad)
		goto fail;
	for (int i = 0; i < n; i++) {
		FIELD *fld = new_field(1, field_width(&defs[i]), i, 0, 0, 0);
		if (!fld)
			goto fail;
		f->field[i] = fld;
		/* Text longer than the field scrolls sideways; typing at
		 * the start never wipes the field; the end of a field does
		 * not jump to the next one. */
		field_opts_off(fld, O_STATIC | O_BLANK | O_AUTOSKIP);
		set_max_field(fld, defs[i].max > 0 ? defs[i].max
						   : FIELDS_MAX_DEFAULT);
		if (defs[i].choices) {
			field_opts_off(fld, O_EDIT);
			set_field_buffer(fld, 0, defs[i].choices[0]);
		} else {
			set_field_back(fld, A_UNDERLINE);
		}
	}
	f->form = new_form(f->field);
	if (!f->form)
		goto fail;
	form_opts_off(f->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	set_form_win(f->form, f->pad);
	set_form_sub(f->form, f->pad);
	if (post_form(f->form) != E_OK)
		goto fail;
	return f;
fail:
	fields_free(f);
	return NULL;
}

void fields_free(struct fields *f)
{
	if (!f)
		return;
	if (f->form) {
		unpost_form(f->form);
		free_form(f->form);
	}
	for (int i = 0; f->field && i < f->n; i++)
		if (f->field[i])
			free_field(f->field[i]);
	if (f->pad)
		delwin(f->pad);
	free(f->field);
	free(f->choice);
	free(f);
}

void fields_set(struct fields *f, int i, const char *utf8)
{
	set_field_buffer(f->field[i], 0, utf8 ? utf8 : "");
	if (f->field[i] == current_field(f->form))
		form_driver(f->form, REQ_END_LINE);
}

void fields_set_choice(struct fields *f, int i, int choice)
{
	int n = choice_count(&f->defs[i]);
	if (n == 0)
		return;
	f->choice[i] = (choice % n + n) % n;
	set_field_buffer(f->field[i], 0, f->defs[i].choices[f->choice[i]]);
}

char *fields_get(struct fields *f, int i)
{
	/* The form keeps what is typed in its window until validation
	 * copies it to the field's buffer. */
	form_driver(f->form, REQ_VALIDATION);
	const char *b = field_buffer(f->field[i], 0);
	char *s = strdup(b ? b : "");
	if (!s)
		return NULL;
	size_t len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	size_t lead = strspn(s, " ");
	memmove(s, s + lead, len - lead + 1);
	return s;
}

int fields_choice(struct fields *f, int i)
{
	return f->choice[i];
}

int fields_current(const struct fields *f)
{
	return field_index(current_field(f->form));
}

void fields_focus(struct fields *f, int i)
{
	set_current_field(f->form, f->field[i]);
	form_driver(f->form, REQ_END_LINE);
}

void fields_disable(struct fields *f, int i)
{
	field_opts_off(f->field[i], O_ACTIVE);
}

int fields_label_width(const struct fields *f)
{
	int w = 0;
	for (int i = 0; i < f->n; i++) {
		int lw = draw_text_width(f->defs[i].label ? f->defs[i].label
							  : "");
		if (lw > w)
			w = lw;
	}
	return w;
}

/* A choice field shows every word, the chosen one in brackets. */
static void draw_choices(struct fields *f, struct app *app, int i, int y,
			 int x)
{
	const struct fields_def *d = &f->defs[i];
	int cur = fields_current(f) == i;
	for (int c = 0; d->choices[c]; c++) {
		int chosen = c == f->choice[i];
		x += draw_text(app, y, x, chosen ? "[" : " ", 1, UI_NORMAL);
		x += draw_text(app, y, x, d->choices[c], FIELDS_WIDTH_MAX,
			       chosen ? (cur ? UI_SELECTED : UI_ACCENT)
				      : UI_DIM);
		x += draw_text(app, y, x, chosen ? "] " : "  ", 2, UI_NORMAL);
	}
}

void fields_draw_field(struct fields *f, struct app *app, int i, int y,
		       int x)
{
	if (f->defs[i].choices) {
		draw_choices(f, app, i, y, x);
		return;
	}
	int w = field_width(&f->defs[i]);
	if (x + w > COLS)
		w = COLS - x;
	if (w <= 0)
		return;
	copywin(f->pad, stdscr, i, 0, y, x, y, x + w - 1, FALSE);
	if (fields_current(f) != i)
		return;
	/* The terminal cursor stays hidden (it would sit on the key
	 * line); the field shows its own. */
	int cy, cx;
	pos_form_cursor(f->form);
	getyx(f->pad, cy, cx);
	if (cy == i && cx < w)
		mvchgat(y, x + cx, 1, A_REVERSE, 0, NULL);
}

void fields_draw(struct fields *f, struct app *app, int i, int y, int x,
		 int fx)
{
	int cur = fields_current(f) == i;
	draw_text(app, y, x, f->defs[i].label, fx - x - 1,
		  cur ? UI_HEADING : UI_NORMAL);
	fields_draw_field(f, app, i, y, fx);
}

static int choice_key(struct fields *f, int i, struct key k)
{
	const struct fields_def *d = &f->defs[i];
	if (k.code == KEY_LEFT) {
		fields_set_choice(f, i, f->choice[i] - 1);
		return 1;
	}
	if (k.code == KEY_RIGHT || (!k.code && k.ch == L' ')) {
		fields_set_choice(f, i, f->choice[i] + 1);
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

static int request_for(struct key k)
{
	switch (k.code) {
	case KEY_LEFT:
		return REQ_PREV_CHAR;
	case KEY_RIGHT:
		return REQ_NEXT_CHAR;
	case KEY_HOME:
		return REQ_BEG_LINE;
	case KEY_END:
		return REQ_END_LINE;
	case KEY_BACKSPACE:
		return REQ_DEL_PREV;
	case KEY_DC:
		return REQ_DEL_CHAR;
	case 0:
		break;
	default:
		return 0;
	}
	switch (k.ch) {
	case CTRL_KEY('a'):
		return REQ_BEG_LINE;
	case CTRL_KEY('e'):
		return REQ_END_LINE;
	case CTRL_KEY('k'):
		return REQ_CLR_EOL;
	case CTRL_KEY('u'):
		return REQ_CLR_FIELD;
	default:
		return 0;
	}
}

int fields_key(struct fields *f, struct key k)
{
	int next = (!k.code && k.ch == L'\t') || k.code == KEY_DOWN;
	int prev = k.code == KEY_BTAB || k.code == KEY_UP;
	if (next || prev) {
		if (f->n < 2)
			return 0;
		form_driver(f->form, next ? REQ_NEXT_FIELD : REQ_PREV_FIELD);
		form_driver(f->form, REQ_END_LINE);
		return 1;
	}
	int i = fields_current(f);
	if (f->defs[i].choices)
		return choice_key(f, i, k);
	int req = request_for(k);
	if (req) {
		form_driver(f->form, req);
		return 1;
	}
	if (!k.code && k.ch >= L' ' && k.ch != 0x7f) {
		form_driver_w(f->form, OK, (wchar_t)k.ch);
		return 1;
	}
	return 0;
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
	char buf[512];
	int used = 0;
	const char *p = text;
	while (*p && used < nlines) {
		while (*p == ' ')
			p++;
		/* The longest run of whole words that fits in w columns;
		 * the last line takes the rest and is cut with an ellipsis. */
		size_t len = strlen(p), cut = len;
		if (used < nlines - 1 && draw_text_width(p) > w) {
			cut = 0;
			for (size_t i = 1; i <= len && i < sizeof buf; i++) {
				if (p[i] != ' ' && p[i] != '\0')
					continue;
				memcpy(buf, p, i);
				buf[i] = '\0';
				if (draw_text_width(buf) > w)
					break;
				cut = i;
			}
			if (cut == 0)
				cut = len;
		}
		if (cut >= sizeof buf)
			cut = sizeof buf - 1;
		memcpy(buf, p, cut);
		buf[cut] = '\0';
		draw_text(app, y + used, x, buf, w, style);
		used++;
		p += cut;
	}
	return used;
}

int fields_is_enter(struct key k)
{
	return k.code == KEY_ENTER ||
	       (!k.code && (k.ch == L'\r' || k.ch == L'\n'));
}
