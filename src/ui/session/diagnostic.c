/* diagnostic.c - the red-flag diagnostic: one statement at a time, grouped
 * by red flag, rated on the frequency scale over the last four weeks, or
 * answered "no occasion / can't say".  Nothing is chosen until the user
 * chooses: the cursor starts on no value.  Every answer is saved on the
 * key press that gives it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/session/scale_keys.h"
#include "ui/session/session.h"
#include "ui/wrap.h"

enum {
	DG_NOTE = SCALE_OWN,
	DG_NONE,
};

/* The window every statement is asked about. */
static const char diag_prompt[] =
	"In the last four weeks, how often did this happen?";

/* Values of a position besides 0..4. */
#define UNANSWERED (-1)
#define NO_OCCASION (-2)
/* The cursor on the "no occasion" row, below the scale, and on no row. */
#define SEL_NO_OCCASION (CONTENT_SCALE_MAX + 1)
#define SEL_NONE (-1)

static const struct action diag_actions[] = {
	{0, L'0', "0-4", "rate", "rate the statement (0 never .. 4 almost "
				 "always)", SCALE_RATE},
	SCALE_DIGIT(1),
	SCALE_DIGIT(2),
	SCALE_DIGIT(3),
	SCALE_DIGIT(4),
	/* Not on the key line: the row below the scale shows its key. */
	{0, L'-', "-", NULL,
	 "no occasion to see it, or can't say (not scored)", DG_NONE},
	SCALE_KEYS("choose", "choose on the scale", "statement",
		   "previous / next statement", "rate with the value chosen",
		   "take back the answer to this statement",
		   "after a change in another ownit: save your answer over "
		   "it"),
	{0, L'n', "n", "note", "attach a note to this statement", DG_NOTE},
	{0, 0, NULL, NULL, NULL, 0},
};

struct diag {
	struct session_ctx *ctx;
	size_t n;       /* statements */
	size_t *order;  /* item index of each position, grouped by flag */
	int *value;     /* per position: 0..4, UNANSWERED or NO_OCCASION */
	char **note;    /* per position, NULL none */
	size_t cur;     /* position shown */
	int sel;        /* row under the cursor: 0..4, SEL_NO_OCCASION or
	                 * SEL_NONE */
	int placed;     /* cur was set from the resume point */
	struct prompt_result pr;
	/* An answer another ownit changed first, shown now; ^O saves this
	 * one over it, any other key leaves theirs. */
	int mine;       /* the value refused, UNANSWERED for none */
	size_t mine_at; /* its position */
};

static size_t pos_of_item(const struct diag *d, long item)
{
	for (size_t p = 0; p < d->n; p++)
		if ((long)d->order[p] == item)
			return p;
	return d->n;
}

static int answer_load(const struct store_answer *a, void *ud)
{
	struct diag *d = ud;
	long item = content_item_index(d->ctx->content, a->item_id);
	size_t p = item < 0 ? d->n : pos_of_item(d, item);
	if (p == d->n)
		return 0; /* a statement the content no longer has */
	d->value[p] = a->no_occasion ? NO_OCCASION : a->value;
	free(d->note[p]);
	d->note[p] = a->note ? strdup(a->note) : NULL;
	return 0;
}

static size_t answered(const struct diag *d)
{
	size_t k = 0;
	for (size_t p = 0; p < d->n; p++)
		k += d->value[p] != UNANSWERED;
	return k;
}

/* The closing quote after the last row of a statement shown whole; the
 * wrap width leaves it room. */
static void quote_close(struct app *app, int y, int x, int width,
			const char *text)
{
	const char *row = text;
	size_t next = 0, len = wrap_row(row, width, &next);
	while (next && row[next]) {
		row += next;
		len = wrap_row(row, width, &next);
	}
	char last[1024];
	if (len >= sizeof last)
		return;
	memcpy(last, row, len);
	last[len] = '\0';
	draw_text(app, y, x + utext_width(last),
		  draw_glyph(app, GLYPH_QUOTE_CLOSE), 1, UI_DIM);
}

/* The cursor shows the answer given, and nothing before there is one, so
 * no rating is suggested. */
static void sel_reset(struct diag *d)
{
	int v = d->value[d->cur];
	d->sel = v == NO_OCCASION ? SEL_NO_OCCASION
		 : v == UNANSWERED ? SEL_NONE
				   : v;
}

/* Everything as stored now, for a screen that was behind. */
static void answers_reload(struct diag *d)
{
	struct error err;
	for (size_t p = 0; p < d->n; p++) {
		d->value[p] = UNANSWERED;
		free(d->note[p]);
		d->note[p] = NULL;
	}
	error_clear(&err);
	if (store_answers_each(d->ctx->app->store, d->ctx->session_id,
			       answer_load, d, &err) < 0)
		session_fail(d->ctx->app, &err);
}

/* "3 (often)", "no occasion" or "no answer", for the status line. */
static void value_name(const struct diag *d, int value, char *buf,
		       size_t size)
{
	const char *label = value >= 0
				    ? content_scale_label(d->ctx->content, value)
				    : NULL;
	if (value == NO_OCCASION)
		snprintf(buf, size, "no occasion");
	else if (value == UNANSWERED)
		snprintf(buf, size, "no answer");
	else
		snprintf(buf, size, "%d (%s)", value, label ? label : "?");
}

/* The save was refused: show what is stored now and say so. */
/* Another ownit answered p first: reads the answers again and shows
 * theirs, named into theirs. */
static void theirs_show(struct diag *d, size_t p, char *theirs, size_t n)
{
	answers_reload(d);
	d->cur = p;
	sel_reset(d);
	value_name(d, d->value[p], theirs, n);
}

static void changed_elsewhere(struct diag *d, size_t p, int value,
			      int by_note)
{
	char theirs[64], yours[64];
	theirs_show(d, p, theirs, sizeof theirs);
	value_name(d, value, yours, sizeof yours);
	if (by_note) {
		app_status(d->ctx->app, 1,
			   "changed elsewhere: another ownit answered %s%s; "
			   "Enter saves your note over it, Esc keeps theirs",
			   theirs, d->note[p] ? " with a note" : "");
		return;
	}
	d->mine = value;
	d->mine_at = p;
	app_status(d->ctx->app, 1,
		   "changed elsewhere: another ownit answered %s; ^O saves "
		   "yours, %s, over it; any other key keeps theirs",
		   theirs, yours);
}

/* The answer at p as this screen read it: what a save or a take-back
 * expects to find. */
static struct store_answer answer_seen(const struct diag *d, size_t p)
{
	int was = d->value[p];
	return (struct store_answer){
		.value = was >= 0 ? was : -1,
		.note = d->note[p],
		.no_occasion = was == NO_OCCASION,
	};
}

/* Saves an answer over the one this screen read; 1 when another ownit
 * changed that meanwhile (nothing saved, theirs shown), -1 on failure. */
static int answer_save(struct diag *d, size_t p, int value, const char *note,
		       int by_note)
{
	const struct content_item *it = &d->ctx->content->items[d->order[p]];
	struct store_answer a = {
		.session_id = d->ctx->session_id,
		.item_id = it->id,
		.statement = it->statement,
		.value = value >= 0 ? value : -1,
		.note = note && note[0] ? note : NULL,
		.no_occasion = value == NO_OCCASION,
	};
	struct store_answer seen = answer_seen(d, p);
	struct error err;
	error_clear(&err);
	int r = store_answer_save_if(d->ctx->app->store, &a, &seen, &err);
	if (r < 0) {
		session_fail(d->ctx->app, &err);
		return -1;
	}
	if (r == 1) {
		changed_elsewhere(d, p, value, by_note);
		return 1;
	}
	d->value[p] = value;
	if (note != d->note[p]) {
		free(d->note[p]);
		d->note[p] = a.note ? strdup(a.note) : NULL;
	}
	return 0;
}

/* Takes back the answer at p, as this screen read it.  Another ownit's
 * answer given since is not thrown away unseen: it is shown, and Delete
 * again takes that back. */
static void answer_clear(struct diag *d, size_t p)
{
	const struct content_item *it = &d->ctx->content->items[d->order[p]];
	struct store_answer a = {.session_id = d->ctx->session_id,
				 .item_id = it->id};
	struct store_answer seen = answer_seen(d, p);
	struct error err;
	error_clear(&err);
	int r = store_answer_delete_if(d->ctx->app->store, &a, &seen, &err);
	if (r < 0) {
		session_fail(d->ctx->app, &err);
		return;
	}
	if (r == 1) {
		char theirs[64];
		theirs_show(d, p, theirs, sizeof theirs);
		app_status(d->ctx->app, 1,
			   "changed elsewhere: another ownit answered %s%s; "
			   "Delete again takes theirs back, any other key "
			   "keeps it",
			   theirs, d->note[p] ? " with a note" : "");
		return;
	}
	d->value[p] = UNANSWERED;
	free(d->note[p]);
	d->note[p] = NULL;
	sel_reset(d);
}

/* The note prompt's save: the value stays as it was.  A failed write
 * keeps the prompt open with the note as typed. */
static int note_save(void *ud, struct app *app, const struct prompt_result *r)
{
	struct diag *d = ud;
	(void)app;
	return answer_save(d, d->cur, d->value[d->cur], r->text[0], 1) ? -1
									 : 0;
}

static void diag_enter(struct screen *s, struct app *app)
{
	struct diag *d = s->data;
	(void)app;
	prompt_result_clear(&d->pr);
	d->mine = UNANSWERED;
	answers_reload(d);
	if (!d->placed) {
		d->placed = 1;
		if (d->ctx->resume.item < d->n)
			d->cur = d->ctx->resume.item;
		sel_reset(d);
	}
}

static void diag_draw(struct screen *s, struct app *app)
{
	struct diag *d = s->data;
	const struct session_ctx *ctx = d->ctx;
	const struct content *c = ctx->content;
	const struct content_item *it = &c->items[d->order[d->cur]];
	const struct content_flag *fl = &c->flags[it->flag];
	const char *dot = draw_glyph(app, GLYPH_DOT);
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int bottom = ctx->top + ctx->rows;
	int roomy = ctx->rows >= 17;
	size_t k = 0;
	while (fl->items.idx[k] != d->order[d->cur])
		k++;

	char line[160], count[40];
	snprintf(line, sizeof line, "flag %zu/%zu %s statement %zu/%zu",
		 it->flag + 1, c->nflags, dot, k + 1, fl->items.n);
	draw_text(app, y, x, line, w, UI_DIM);
	snprintf(count, sizeof count, "%zu/%zu rated", answered(d), d->n);
	int cw = utext_width(count);
	draw_text(app, y, x + w - cw, count, cw, UI_DIM);
	y++;
	session_bar(app, y++, x, w, answered(d), d->n);
	y += roomy;
	draw_text(app, y++, x, fl->title, w, UI_HEADING);
	draw_text(app, y++, x, diag_prompt, w, UI_DIM);
	y += roomy;
	int srows = wrap_count(it->statement, w - 4);
	int room = bottom - y - 7 - (d->note[d->cur] ? 1 : 0);
	if (srows > room)
		srows = room > 1 ? room : 1;
	draw_text(app, y, x, draw_glyph(app, GLYPH_QUOTE_OPEN), 1, UI_DIM);
	int shown = wrap_draw(app, y, x + 2, w - 4, 0, srows, it->statement,
			      UI_NORMAL);
	if (shown == wrap_count(it->statement, w - 4))
		quote_close(app, y + shown - 1, x + 2, w - 4, it->statement);
	y += shown;
	y += roomy || bottom - y > 7;

	/* The scale, one value a row, then "no occasion"; the cursor and the
	 * answer marked. */
	for (int v = CONTENT_SCALE_MIN; v <= SEL_NO_OCCASION && y < bottom;
	     v++, y++) {
		int none = v == SEL_NO_OCCASION;
		const char *label = none ? "No occasion / can't say"
				       : content_scale_label(c, v);
		int chosen = none ? d->value[d->cur] == NO_OCCASION
				  : d->value[d->cur] == v;
		if (none)
			snprintf(line, sizeof line, " -  %s", label);
		else
			snprintf(line, sizeof line, " %d  %-15s", v,
				 label ? label : "");
		draw_text(app, y, x + 1, v == d->sel ? ">" : " ", 1,
			  UI_ACCENT);
		int n = draw_text(app, y, x + 3, line, w - 3,
				  v == d->sel ? UI_SELECTED : UI_NORMAL);
		if (chosen) {
			n += draw_text(app, y, x + 4 + n,
				       draw_glyph(app, GLYPH_CHOSEN), 1,
				       UI_ACCENT);
			draw_text(app, y, x + 4 + n, " your answer",
				  w - n - 4, UI_ACCENT);
		}
	}
	if (d->note[d->cur] && y < bottom) {
		draw_text(app, y, x, "Note:", 6, UI_DIM);
		draw_text(app, y, x + 6, d->note[d->cur], w - 6, UI_NORMAL);
	}
}

static void move_to(struct diag *d, size_t p)
{
	if (p >= d->n)
		return;
	d->cur = p;
	sel_reset(d);
}

static void rate(struct diag *d, int value)
{
	if (answer_save(d, d->cur, value, d->note[d->cur], 0))
		return;
	if (d->cur + 1 < d->n) {
		move_to(d, d->cur + 1);
	} else {
		sel_reset(d);
		app_status(d->ctx->app, 0,
			   answered(d) == d->n
				   ? "All statements rated: Tab goes on to the "
				     "pillars."
				   : "Last statement: Left goes back to the "
				     "ones left open.");
	}
}

static struct intent diag_act(struct screen *s, struct app *app, int id,
			      struct key key)
{
	struct diag *d = s->data;
	int mine = d->mine;
	d->mine = UNANSWERED;
	switch (id) {
	case SCALE_MINE:
		if (mine == UNANSWERED)
			app_status(app, 0,
				   "^O saves your answer over one changed in "
				   "another ownit; nothing is waiting.");
		else if (answer_save(d, d->mine_at, mine, d->note[d->mine_at],
				     0) == 0)
			app_status(app, 0,
				   "Your answer is saved over the other one.");
		break;
	case SCALE_RATE:
		rate(d, (int)(key.ch - L'0'));
		break;
	case DG_NONE:
		rate(d, NO_OCCASION);
		break;
	case SCALE_ENTER:
		if (d->sel == SEL_NONE)
			app_status(app, 0,
				   "Nothing chosen yet: press 0-4, or - for no "
				   "occasion.");
		else
			rate(d, d->sel == SEL_NO_OCCASION ? NO_OCCASION
							  : d->sel);
		break;
	case SCALE_UP:
		/* From no row, Up starts at the bottom and Down at the top. */
		if (d->sel == SEL_NONE)
			d->sel = SEL_NO_OCCASION;
		else
			d->sel -= d->sel > CONTENT_SCALE_MIN;
		break;
	case SCALE_DOWN:
		if (d->sel == SEL_NONE)
			d->sel = CONTENT_SCALE_MIN;
		else
			d->sel += d->sel < SEL_NO_OCCASION;
		break;
	case SCALE_PREV:
		if (d->cur > 0)
			move_to(d, d->cur - 1);
		break;
	case SCALE_NEXT:
		move_to(d, d->cur + 1);
		break;
	case DG_NOTE: {
		static const char *const labels[] = {"Note on this statement"};
		const char *init[] = {d->note[d->cur]};
		struct screen *p =
			prompt_new("Note", "Enter saves, Esc cancels", 1,
				   labels, init, NULL, &d->pr);
		return intent_push(prompt_saving(p, note_save, d));
	}
	case SCALE_CLEAR:
		answer_clear(d, d->cur);
		break;
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void diag_destroy(struct screen *s)
{
	struct diag *d = s->data;
	for (size_t p = 0; p < d->n; p++)
		free(d->note[p]);
	free(d->note);
	free(d->value);
	free(d->order);
	prompt_result_clear(&d->pr);
	free(d);
	free(s);
}

static const struct screen_ops diag_ops = {
	.title = "Red flags",
	.purpose = "In the last four weeks, how often did each of these "
		   "happen in the team?  One statement at a time; every "
		   "answer is saved at once.  When there was no occasion to "
		   "see it, or you can't say, answer - : it is not scored.",
	.actions = diag_actions,
	.enter = diag_enter,
	.draw = diag_draw,
	.act = diag_act,
	.destroy = diag_destroy,
};

struct screen *diagnostic_step_new(struct session_ctx *ctx)
{
	const struct content *c = ctx->content;
	struct screen *s = screen_alloc(&diag_ops, sizeof(struct diag));
	struct diag *d = s ? s->data : NULL;
	if (!s || !d || c->nitems == 0)
		goto fail;
	d->ctx = ctx;
	d->order = calloc(c->nitems, sizeof *d->order);
	d->value = calloc(c->nitems, sizeof *d->value);
	d->note = calloc(c->nitems, sizeof *d->note);
	if (!d->order || !d->value || !d->note)
		goto fail;
	for (size_t f = 0; f < c->nflags; f++)
		for (size_t i = 0; i < c->flags[f].items.n; i++)
			d->order[d->n++] = c->flags[f].items.idx[i];
	for (size_t p = 0; p < d->n; p++)
		d->value[p] = UNANSWERED;
	d->sel = SEL_NONE;
	d->mine = UNANSWERED;
	return s;
fail:
	if (d) {
		free(d->order);
		free(d->value);
		free(d->note);
	}
	screen_free(s);
	return NULL;
}
