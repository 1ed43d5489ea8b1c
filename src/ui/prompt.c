/* prompt.c - one-line text fields in a box (see prompt.h for why they are
 * hand-written). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/wrap.h"

enum {
	PR_ACCEPT = 1,
	PR_CANCEL,
	PR_NEXT,
	PR_PREV,
	PR_LEFT,
	PR_RIGHT,
	PR_HOME,
	PR_END,
	PR_BACKSPACE,
	PR_DELETE,
	PR_KILL_START,
	PR_KILL_END,
};

static const struct action prompt_actions[] = {
	{0, L'\r', "Enter", "save", "save what is typed and close", PR_ACCEPT},
	{0, L'\n', "Enter", NULL, NULL, PR_ACCEPT},
	{KEY_ENTER, 0, "Enter", NULL, NULL, PR_ACCEPT},
	{0, 27, "Esc", "cancel", "close without saving", PR_CANCEL},
	{0, L'\t', "Tab", "next field", "next field (Shift-Tab: previous)",
	 PR_NEXT},
	{KEY_DOWN, 0, "Down", NULL, NULL, PR_NEXT},
	{KEY_BTAB, 0, "S-Tab", NULL, NULL, PR_PREV},
	{KEY_UP, 0, "Up", NULL, NULL, PR_PREV},
	{KEY_LEFT, 0, "Left/Right", NULL, "move the cursor", PR_LEFT},
	{KEY_RIGHT, 0, "Right", NULL, NULL, PR_RIGHT},
	{KEY_HOME, 0, "Home/^A", NULL, "start of the field", PR_HOME},
	{0, 1, "^A", NULL, NULL, PR_HOME},
	{KEY_END, 0, "End/^E", NULL, "end of the field", PR_END},
	{0, 5, "^E", NULL, NULL, PR_END},
	{KEY_BACKSPACE, 0, "Backspace", NULL, "delete before the cursor",
	 PR_BACKSPACE},
	{KEY_DC, 0, "Delete", NULL, "delete under the cursor", PR_DELETE},
	{0, 4, "^D", NULL, NULL, PR_DELETE},
	{0, 21, "^U", NULL, "delete to the start", PR_KILL_START},
	{0, 11, "^K", NULL, "delete to the end", PR_KILL_END},
	{0, 0, NULL, NULL, NULL, 0},
};

struct field {
	const char *label;
	wchar_t text[PROMPT_TEXT_MAX + 1];
	size_t len, cur;
};

struct prompt {
	char *title;
	char *hint;
	int n, focus;
	struct field f[PROMPT_FIELDS_MAX];
	prompt_check_fn check;
	prompt_save_fn save;
	void *save_ud;
	struct prompt_result *out;
	char error[200];
};

static void field_set(struct field *f, const char *utf8)
{
	f->len = 0;
	size_t len = utf8 ? strlen(utf8) : 0;
	for (size_t i = 0; i < len && f->len < PROMPT_TEXT_MAX;) {
		wchar_t wc;
		i += wrap_decode(utf8 + i, len - i, &wc);
		/* A field is one line: a newline from stored text becomes a
		 * blank rather than a hidden break. */
		f->text[f->len++] = wc == L'\n' ? L' ' : wc;
	}
	f->text[f->len] = 0;
	f->cur = f->len;
}

/* The field as trimmed UTF-8 (malloc'd), or NULL when out of memory. */
static char *field_utf8(const struct field *f)
{
	size_t a = 0, b = f->len;
	while (a < b && f->text[a] == L' ')
		a++;
	while (b > a && f->text[b - 1] == L' ')
		b--;
	char *s = malloc((b - a) * MB_CUR_MAX + 1);
	if (!s)
		return NULL;
	size_t o = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = a; i < b; i++) {
		size_t n = wcrtomb(s + o, f->text[i], &st);
		if (n == (size_t)-1) {
			s[o] = '?';
			n = 1;
			memset(&st, 0, sizeof st);
		}
		o += n;
	}
	s[o] = '\0';
	return s;
}

/* Draws a field's text in w cells, scrolled so the cursor shows, with the
 * cursor cell in reverse video (the loop draws the key line after us, so
 * the terminal's own cursor cannot be left here). */
static void field_draw(struct app *app, const struct field *f, int y, int x,
		       int w, int focus)
{
	size_t start = 0;
	int width = 0;
	for (size_t i = 0; i < f->cur; i++)
		width += wrap_cells(f->text[i]);
	while (width > w - 1 && start < f->cur)
		width -= wrap_cells(f->text[start++]);
	move(y, x);
	attron(A_UNDERLINE);
	hline(' ', w);
	attroff(A_UNDERLINE);
	int col = 0;
	for (size_t i = start; i <= f->len && col < w; i++) {
		wchar_t wc = i < f->len ? f->text[i] : L' ';
		int cw = wrap_cells(wc);
		if (col + cw > w)
			break;
		char buf[MB_LEN_MAX * 2 + 1];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(buf, wc, &st);
		if (n == (size_t)-1) {
			buf[0] = '?';
			n = 1;
		}
		buf[n] = '\0';
		int cursor = focus && i == f->cur;
		attron(cursor ? A_REVERSE : A_UNDERLINE);
		draw_text(app, y, x + col, buf, cw, UI_NORMAL);
		attroff(cursor ? A_REVERSE : A_UNDERLINE);
		col += cw;
	}
}

static void prompt_draw(struct screen *s, struct app *app)
{
	struct prompt *p = s->data;
	int w = COLS - 6 < 72 ? COLS - 6 : 72;
	int h = 2 * p->n + 3 + (p->hint ? 1 : 0) + (p->error[0] ? 1 : 0);
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	draw_box(app, y, x, h, w, p->title);
	int r = y + 1;
	for (int i = 0; i < p->n; i++) {
		draw_text(app, r++, x + 2, p->f[i].label, w - 4,
			  i == p->focus ? UI_HEADING : UI_DIM);
		field_draw(app, &p->f[i], r++, x + 2, w - 4, i == p->focus);
	}
	r++;
	if (p->error[0])
		draw_text(app, r++, x + 2, p->error, w - 4, UI_BAD);
	if (p->hint)
		draw_text(app, r, x + 2, p->hint, w - 4, UI_DIM);
}

static void prompt_result_fill(struct prompt *p)
{
	prompt_result_clear(p->out);
	for (int i = 0; i < p->n; i++) {
		p->out->text[i] = field_utf8(&p->f[i]);
		if (!p->out->text[i]) {
			prompt_result_clear(p->out);
			return;
		}
	}
	p->out->done = 1;
}

static struct intent prompt_accept(struct prompt *p, struct app *app)
{
	if (p->check) {
		char *texts[PROMPT_FIELDS_MAX] = {0};
		int ok = 1;
		for (int i = 0; i < p->n; i++)
			ok &= (texts[i] = field_utf8(&p->f[i])) != NULL;
		int field = p->focus;
		int bad = ok ? p->check(texts, &field, p->error,
					sizeof p->error)
			     : 0;
		for (int i = 0; i < p->n; i++)
			free(texts[i]);
		if (bad) {
			if (field >= 0 && field < p->n)
				p->focus = field;
			return intent_of(INTENT_REDRAW);
		}
	}
	prompt_result_fill(p);
	if (!p->out->done) {
		app_status(app, 1, "out of memory: the text was not kept");
		return intent_of(INTENT_POP);
	}
	if (p->save && p->save(p->save_ud, app, p->out) != 0) {
		/* The fields still hold the text: the opener must not see
		 * a result it would take for saved. */
		prompt_result_clear(p->out);
		snprintf(p->error, sizeof p->error,
			 "Not saved: Enter tries again, Esc drops the text.");
		return intent_of(INTENT_REDRAW);
	}
	return intent_of(INTENT_POP);
}

static void field_insert(struct field *f, wchar_t wc)
{
	if (f->len >= PROMPT_TEXT_MAX)
		return;
	memmove(f->text + f->cur + 1, f->text + f->cur,
		(f->len - f->cur + 1) * sizeof *f->text);
	f->text[f->cur++] = wc;
	f->len++;
}

static void field_cut(struct field *f, size_t a, size_t b)
{
	memmove(f->text + a, f->text + b, (f->len - b + 1) * sizeof *f->text);
	f->len -= b - a;
	f->cur = a;
}

static struct intent prompt_act(struct screen *s, struct app *app, int id,
				struct key key)
{
	struct prompt *p = s->data;
	struct field *f = &p->f[p->focus];
	if (id != PR_ACCEPT)
		p->error[0] = '\0';
	switch (id) {
	case PR_ACCEPT:
		return prompt_accept(p, app);
	case PR_CANCEL:
		prompt_result_clear(p->out);
		return intent_of(INTENT_POP);
	case PR_NEXT:
		p->focus = (p->focus + 1) % p->n;
		break;
	case PR_PREV:
		p->focus = (p->focus + p->n - 1) % p->n;
		break;
	case PR_LEFT:
		f->cur -= f->cur > 0;
		break;
	case PR_RIGHT:
		f->cur += f->cur < f->len;
		break;
	case PR_HOME:
		f->cur = 0;
		break;
	case PR_END:
		f->cur = f->len;
		break;
	case PR_BACKSPACE:
		if (f->cur > 0)
			field_cut(f, f->cur - 1, f->cur);
		break;
	case PR_DELETE:
		if (f->cur < f->len)
			field_cut(f, f->cur, f->cur + 1);
		break;
	case PR_KILL_START:
		field_cut(f, 0, f->cur);
		break;
	case PR_KILL_END:
		field_cut(f, f->cur, f->len);
		break;
	default:
		/* Typed text; other keys and control characters are not
		 * text and are ignored. */
		if (!key.code && key.ch >= L' ' && key.ch != 0x7f &&
		    !(key.ch >= 0x80 && key.ch < 0xa0))
			field_insert(f, (wchar_t)key.ch);
		else
			return intent_of(INTENT_NONE);
		break;
	}
	return intent_of(INTENT_REDRAW);
}

static int prompt_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void prompt_destroy(struct screen *s)
{
	struct prompt *p = s->data;
	free(p->title);
	free(p->hint);
	free(p);
	free(s);
}

static const struct screen_ops prompt_ops = {
	.title = "Edit",
	.purpose = "Type the answer; Enter keeps it, Esc leaves it as it was.",
	.actions = prompt_actions,
	.overlay = 1,
	.draw = prompt_draw,
	.act = prompt_act,
	.wants_text = prompt_wants_text,
	.destroy = prompt_destroy,
};

void prompt_result_clear(struct prompt_result *r)
{
	for (int i = 0; i < PROMPT_FIELDS_MAX; i++) {
		free(r->text[i]);
		r->text[i] = NULL;
	}
	r->done = 0;
}

struct screen *prompt_saving(struct screen *s, prompt_save_fn save,
			     void *ud)
{
	if (s) {
		struct prompt *p = s->data;
		p->save = save;
		p->save_ud = ud;
	}
	return s;
}

struct screen *prompt_new(const char *title, const char *hint, int n,
			  const char *const *labels,
			  const char *const *initial, prompt_check_fn check,
			  struct prompt_result *out)
{
	if (n < 1 || n > PROMPT_FIELDS_MAX)
		return NULL;
	struct screen *s = calloc(1, sizeof *s);
	struct prompt *p = calloc(1, sizeof *p);
	if (!s || !p) {
		free(s);
		free(p);
		return NULL;
	}
	p->title = strdup(title ? title : "");
	p->hint = hint ? strdup(hint) : NULL;
	if (!p->title || (hint && !p->hint)) {
		free(p->title);
		free(p->hint);
		free(p);
		free(s);
		return NULL;
	}
	p->n = n;
	for (int i = 0; i < n; i++) {
		p->f[i].label = labels[i];
		field_set(&p->f[i], initial ? initial[i] : NULL);
	}
	p->check = check;
	p->out = out;
	prompt_result_clear(out);
	s->ops = &prompt_ops;
	s->data = p;
	return s;
}
