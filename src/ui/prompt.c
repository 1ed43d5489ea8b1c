/* prompt.c - one-line text fields (ui/fields.h) in a box. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/prompt.h"

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
	PR_WORD,
};

static const struct action prompt_actions[] = {
	{0, L'\r', "Enter", "save", "save what is typed and close", PR_ACCEPT},
	{0, L'\n', "Enter", NULL, NULL, PR_ACCEPT},
	{KEY_ENTER, 0, "Enter", NULL, NULL, PR_ACCEPT},
	{0, UI_KEY_ESC, "Esc", "cancel", "close without saving", PR_CANCEL},
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
	{UI_KEY_WORD_RUBOUT, 0, "Alt+Backspace/^W", NULL,
	 "delete the word before the cursor", PR_WORD},
	{0, 23, "^W", NULL, NULL, PR_WORD},
	{0, 0, NULL, NULL, NULL, 0},
};

struct prompt {
	char *title;
	char *hint;
	int n;
	struct fields_def defs[PROMPT_FIELDS_MAX];
	struct fields *f;
	prompt_check_fn check;
	prompt_save_fn save;
	void *save_ud;
	struct prompt_result *out;
	char error[200];
};

static void prompt_draw(struct screen *s, struct app *app)
{
	struct prompt *p = s->data;
	int w = COLS - 6 < 72 ? COLS - 6 : 72;
	int h = 2 * p->n + 3 + (p->hint ? 1 : 0) + (p->error[0] ? 1 : 0);
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	draw_box(app, y, x, h, w, p->title);
	int r = y + 1;
	for (int i = 0; i < p->n; i++) {
		draw_text(app, r++, x + 2, p->defs[i].label, w - 4,
			  i == fields_current(p->f) ? UI_HEADING : UI_DIM);
		fields_draw_at(p->f, app, i, r++, x + 2, w - 4);
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
		p->out->text[i] = fields_get(p->f, i);
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
			ok &= (texts[i] = fields_get(p->f, i)) != NULL;
		int field = fields_current(p->f);
		int bad = ok ? p->check(texts, &field, p->error,
					sizeof p->error)
			     : 0;
		for (int i = 0; i < p->n; i++)
			free(texts[i]);
		if (bad) {
			if (field >= 0 && field < p->n)
				fields_focus(p->f, field);
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

static struct intent prompt_act(struct screen *s, struct app *app, int id,
				struct key key)
{
	struct prompt *p = s->data;
	if (id != PR_ACCEPT)
		p->error[0] = '\0';
	switch (id) {
	case PR_ACCEPT:
		return prompt_accept(p, app);
	case PR_CANCEL:
		prompt_result_clear(p->out);
		return intent_of(INTENT_POP);
	case PR_NEXT:
	case PR_PREV:
		if (p->n < 2)
			return intent_of(INTENT_NONE);
		fields_focus(p->f, (fields_current(p->f) +
				    (id == PR_NEXT ? 1 : p->n - 1)) %
					   p->n);
		return intent_of(INTENT_REDRAW);
	default:
		/* Editing keys, typed and pasted text: the field's own. */
		return fields_key(p->f, app, key) ? intent_of(INTENT_REDRAW)
						  : intent_of(INTENT_NONE);
	}
}

static int prompt_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void prompt_destroy(struct screen *s)
{
	struct prompt *p = s->data;
	fields_free(p->f);
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
	struct screen *s = screen_alloc(&prompt_ops, sizeof(struct prompt));
	struct prompt *p = s ? s->data : NULL;
	if (!s || !p) {
		screen_free(s);
		return NULL;
	}
	p->title = strdup(title ? title : "");
	p->hint = hint ? strdup(hint) : NULL;
	if (!p->title || (hint && !p->hint)) {
		free(p->title);
		free(p->hint);
		screen_free(s);
		return NULL;
	}
	p->n = n;
	for (int i = 0; i < n; i++)
		p->defs[i] = (struct fields_def){labels[i], 0, PROMPT_TEXT_MAX,
						 NULL};
	int bad = !(p->f = fields_new(p->defs, n));
	for (int i = 0; !bad && i < n; i++)
		bad = fields_set(p->f, i, initial ? initial[i] : NULL) != 0;
	if (bad) {
		fields_free(p->f);
		free(p->title);
		free(p->hint);
		screen_free(s);
		return NULL;
	}
	p->check = check;
	p->out = out;
	prompt_result_clear(out);
	return s;
}
