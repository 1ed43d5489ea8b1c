/* ladder.c - the accountability ladder: a situation, today's rung, then a
 * climb along the coach's route (see ladder_route), asking on each rung
 * the question that gets the person off it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/coaching/ladder.h"
#include "core/coaching/sessionfacts.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/session/session.h"
#include "ui/wrap.h"

enum {
	LD_UP = 1,
	LD_DOWN,
	LD_ENTER,
	LD_SITUATION,
	LD_TODAY,
};

static const struct action ladder_actions[] = {
	{KEY_UP, 0, "Up/Down", "rung", "move along the ladder (also k/j)",
	 LD_UP},
	{0, L'k', "k", NULL, NULL, LD_UP},
	{KEY_DOWN, 0, "Down", NULL, NULL, LD_DOWN},
	{0, L'j', "j", NULL, NULL, LD_DOWN},
	{0, L'\r', "Enter", "choose/answer",
	 "place today's rung, or answer the question of the rung you "
	 "stand on",
	 LD_ENTER},
	{KEY_ENTER, 0, "Enter", NULL, NULL, LD_ENTER},
	{0, L's', "s", "situation", "write or change the situation",
	 LD_SITUATION},
	{0, L't', "t", "today", "choose today's rung again", LD_TODAY},
	{0, 0, NULL, NULL, NULL, 0},
};

enum phase { PH_SITUATION, PH_CHOOSE, PH_CLIMB };

enum { TAG_SITUATION = 1, TAG_ANSWER = 100 };

struct ladder {
	struct session_ctx *ctx;
	enum phase phase;
	char *situation;
	char *suggested; /* the situation offered, to tell it from one typed */
	int start, reached;
	char *answer[CONTENT_RUNGS + 1]; /* by rung number */
	int cursor;                      /* rung number */
	struct prompt_result pr;
};

static int step_load(const struct store_ladder_step *st, void *ud)
{
	struct ladder *l = ud;
	if (st->rung < 1 || st->rung > CONTENT_RUNGS)
		return 0;
	free(l->answer[st->rung]);
	l->answer[st->rung] = st->answer ? strdup(st->answer) : NULL;
	return 0;
}

/* The first rung of the route from today's whose question has no answer
 * yet, or 0 once the whole route is answered. */
static int next_rung(const struct ladder *l)
{
	const struct content *c = l->ctx->content;
	for (int r = l->start; ladder_rung(c, r);
	     r = ladder_after(c, l->start, r))
		if (!l->answer[r])
			return r;
	return 0;
}

/* 1 when rung r lies on the route from today's rung. */
static int on_route(const struct ladder *l, int r)
{
	const struct content *c = l->ctx->content;
	for (int n = l->start; ladder_rung(c, n); n = ladder_after(c, l->start, n))
		if (n == r)
			return 1;
	return 0;
}

static void load(struct ladder *l, struct app *app);

/* Another ownit changed the ladder since this screen read it: show
 * theirs (read again) and say what it is, then what keys does. */
static void ladder_changed(struct ladder *l, struct app *app,
			   const char *keys)
{
	load(l, app);
	if (!l->situation) {
		app_status(app, 1, "changed elsewhere: the ladder is gone; %s",
			   keys);
		return;
	}
	const struct content_rung *r = ladder_rung(l->ctx->content, l->start);
	app_status(app, 1,
		   "changed elsewhere: another ownit set the situation "
		   "\"%.60s\", today on %d %s; %s",
		   l->situation, l->start, r ? r->name : "?", keys);
}

/* Saves the ladder with this situation and today's rung over the ones
 * this screen read: 0 saved, 1 changed elsewhere (nothing written,
 * theirs shown with keys saying what the keys do), -1 failed. */
static int ladder_write(struct ladder *l, struct app *app,
			const char *situation, int start, const char *keys)
{
	struct store_ladder sl = {
		.session_id = l->ctx->session_id,
		.situation = situation,
		.start_rung = start,
		.reached_rung = l->reached > start ? l->reached : start,
	};
	struct store_ladder seen = {
		.session_id = l->ctx->session_id,
		.situation = l->situation,
		.start_rung = l->start,
	};
	struct error err;
	error_clear(&err);
	int r = store_ladder_save_if(app->store, &sl, &seen, &err);
	if (r < 0) {
		session_fail(app, &err);
		return -1;
	}
	if (r == 1)
		ladder_changed(l, app, keys);
	return r;
}

static void load(struct ladder *l, struct app *app)
{
	struct store_ladder sl;
	struct error err;
	error_clear(&err);
	for (int r = 0; r <= CONTENT_RUNGS; r++) {
		free(l->answer[r]);
		l->answer[r] = NULL;
	}
	int found = store_ladder_get(app->store, l->ctx->session_id, &sl,
				     &err);
	if (found < 0) {
		session_fail(app, &err);
		return;
	}
	if (found == 0) {
		l->phase = PH_SITUATION;
		return;
	}
	free(l->situation);
	l->situation = sl.situation ? strdup(sl.situation) : NULL;
	l->start = sl.start_rung;
	l->reached = sl.reached_rung;
	store_ladder_clear(&sl);
	if (store_ladder_steps_each(app->store, l->ctx->session_id, step_load,
				    l, &err) < 0)
		session_fail(app, &err);
	if (l->phase == PH_SITUATION) {
		l->phase = PH_CLIMB;
		int n = next_rung(l);
		l->cursor = n ? n : l->start;
	}
}

/* The suggested situation: the strongest red flag of the session. */
static char *suggestion(const struct ladder *l, struct app *app)
{
	struct sessionfacts facts;
	struct error err;
	const struct content *c = l->ctx->content;
	char buf[512] = "";
	sessionfacts_init(&facts);
	error_clear(&err);
	if (sessionfacts_load(&facts, app->store, c, l->ctx->session_id,
			      &err) == 0 &&
	    facts.score.nsignals > 0)
		snprintf(buf, sizeof buf, "%s: ",
			 c->flags[facts.score.signals[0]].title);
	sessionfacts_free(&facts);
	return strdup(buf);
}

/* 1 when text is the suggestion as offered, blanks at the end aside (a
 * prompt gives text left untouched back as it was set). */
static int same_words(const char *text, const char *suggested)
{
	size_t n = strlen(suggested), t = strlen(text);
	while (n && suggested[n - 1] == ' ')
		n--;
	while (t && text[t - 1] == ' ')
		t--;
	return t == n && strncmp(text, suggested, n) == 0;
}

/* The situation prompt's save: the ladder changes only once the store
 * has it, so a failed write leaves both as they were and the prompt
 * open with the text as typed. */
static int situation_save(struct ladder *l, struct app *app,
			  const char *text)
{
	if (!text[0]) {
		app_status(app, 1, "The situation cannot be empty.");
		return -1;
	}
	if (l->suggested && !l->situation && same_words(text, l->suggested)) {
		app_status(app, 1, "That is only the suggestion: add the "
				   "situation itself after it.");
		return -1;
	}
	char *copy = strdup(text);
	if (!copy) {
		app_status(app, 1, "out of memory");
		return -1;
	}
	int first = l->start == 0;
	int start = first ? ladder_line(l->ctx->content) - 1 : l->start;
	if (ladder_write(l, app, copy, start,
			 "Enter saves yours over it, Esc keeps theirs") != 0) {
		free(copy);
		return -1;
	}
	free(l->situation);
	l->situation = copy;
	l->start = start;
	free(l->suggested);
	l->suggested = NULL;
	if (first) {
		l->phase = PH_CHOOSE;
		l->cursor = l->start;
	}
	return 0;
}

/* A rung's answer; an empty one is not saved. */
static int answer_save(struct ladder *l, struct app *app, int rung,
		       const char *text)
{
	struct store_ladder_step st = {
		.session_id = l->ctx->session_id,
		.rung = rung,
		.answer = text,
	};
	struct error err;
	error_clear(&err);
	if (!text[0])
		return 0;
	int r = store_ladder_step_save_if(app->store, &st, l->answer[rung],
					  &err);
	if (r < 0) {
		session_fail(app, &err);
		return -1;
	}
	if (r == 1) {
		load(l, app);
		app_status(app, 1,
			   "changed elsewhere: another ownit answered this "
			   "rung: \"%.60s\"; Enter saves yours over it, Esc "
			   "keeps theirs",
			   l->answer[rung] ? l->answer[rung] : "");
		return -1;
	}
	free(l->answer[rung]);
	l->answer[rung] = strdup(text);
	/* Answered, the person stands on the next rung of the route; the
	 * store counted only the rung answered, so the ladder row follows. */
	int after = ladder_after(l->ctx->content, l->start, rung);
	int reached = after ? after : rung;
	if (reached > l->reached) {
		int was = l->reached;
		l->reached = reached;
		/* The answer is in; a situation changed elsewhere is only
		 * shown. */
		if (ladder_write(l, app, l->situation, l->start,
				 "your answer is saved") < 0)
			l->reached = was;
	}
	int n = next_rung(l);
	l->cursor = n ? n : after ? after : rung;
	if (!n)
		app_status(app, 0, "Top of the ladder. Tab turns it into "
				   "commitments.");
	return 0;
}

/* The prompts' save (see prompt_saving). */
static int prompt_save(void *ud, struct app *app,
		       const struct prompt_result *pr)
{
	struct ladder *l = ud;
	if (pr->tag == TAG_SITUATION)
		return situation_save(l, app, pr->text[0]);
	if (pr->tag > TAG_ANSWER)
		return answer_save(l, app, pr->tag - TAG_ANSWER, pr->text[0]);
	return 0;
}

static void ladder_enter(struct screen *s, struct app *app)
{
	struct ladder *l = s->data;
	prompt_result_clear(&l->pr);
	enum phase keep = l->phase;
	int start = l->start;
	load(l, app);
	if (keep == PH_CHOOSE)
		l->phase = PH_CHOOSE;
	/* Today's rung placed by another ownit: the climb goes on from
	 * there, not from where this screen last stood. */
	if (l->phase == PH_CLIMB && start && l->start != start) {
		int n = next_rung(l);
		l->cursor = n ? n : l->start;
	}
	if (l->phase == PH_CLIMB && !next_rung(l) && l->start)
		l->cursor = l->cursor ? l->cursor : CONTENT_RUNGS;
}

/* The ladder, top rung first, with the line drawn between below and
 * above; returns the rows used. */
static int ladder_picture(struct ladder *l, struct app *app, int y, int x,
			  int w)
{
	const struct content *c = l->ctx->content;
	int line = ladder_line(c);
	int row = y;
	const char *rail = draw_glyph(app, GLYPH_RULE_V);
	for (int r = CONTENT_RUNGS; r >= 1; r--) {
		const struct content_rung *rung = ladder_rung(c, r);
		if (!rung)
			continue;
		/* The cursor shows from the start, so the first Up/Down
		 * moves something the eye already sees. */
		int here = r == l->cursor;
		int climbed = l->start && r >= l->start && l->answer[r];
		char num[8];
		snprintf(num, sizeof num, "%d", r);
		draw_text(app, row, x, here ? ">" : " ", 1, UI_ACCENT);
		draw_text(app, row, x + 1, rail, 1, UI_DIM);
		draw_text(app, row, x + 2, num, 1,
			  rung->above ? UI_GOOD : UI_BAD);
		draw_text(app, row, x + 3, rail, 1, UI_DIM);
		enum ui_style st = here ? UI_SELECTED
				   : r == l->start ? UI_ACCENT
				   : climbed ? UI_NORMAL
					     : UI_DIM;
		int n = draw_text(app, row, x + 5, rung->name, w - 12, st);
		if (r == l->start)
			n += 1 + draw_text(app, row, x + 6 + n, "today",
					   w - 7 - n, UI_ACCENT);
		if (climbed)
			draw_text(app, row, x + 6 + n,
				  draw_glyph(app, GLYPH_DONE), 1, UI_GOOD);
		row++;
		if (r == line) {
			/* The line between ownership and the victim
			 * stance. */
			attron(app_attr(app, UI_WARN));
			if (app->ascii)
				mvhline(row, x, '=', w - 1);
			else
				mvhline_set(row, x, WACS_D_HLINE, w - 1);
			attroff(app_attr(app, UI_WARN));
			draw_text(app, row, x + 3, " the line ", w - 4,
				  UI_WARN);
			row++;
		}
	}
	return row - y;
}

/* Where the answer leads: the next rung of the route, or that this rung
 * is off the usual route (climbed one at a time by choice). */
static int route_hint(struct ladder *l, struct app *app, int rung, int y,
		      int x, int w, int bottom)
{
	const struct content *c = l->ctx->content;
	const struct content_rung *next =
		ladder_rung(c, ladder_after(c, l->start, rung));
	char buf[160];
	if (++y >= bottom)
		return 1;
	if (!on_route(l, rung))
		snprintf(buf, sizeof buf, "Off the usual route: one rung at a "
					  "time from here.");
	else if (next)
		snprintf(buf, sizeof buf, "Answered, it leads to %d %s.",
			 next->number, next->name);
	else
		snprintf(buf, sizeof buf, "The top: its answer becomes the "
					  "commitment draft (Tab).");
	return 1 + wrap_draw(app, y, x, w, 0, bottom - y, buf, UI_DIM);
}

/* Every answer given so far, one line each from today's rung up, cut to
 * the width, so the whole climb stays in view while one rung is open. */
static void climb_answers(struct ladder *l, struct app *app, int y, int x,
			  int w, int bottom)
{
	const struct content *c = l->ctx->content;
	int shown = 0;
	for (int r = l->start; r >= 1 && r <= CONTENT_RUNGS; r++) {
		const struct content_rung *rung = ladder_rung(c, r);
		if (!rung || !l->answer[r])
			continue;
		if (!shown) {
			if (y + 2 >= bottom)
				return;
			draw_text(app, ++y, x, "Your climb", w, UI_HEADING);
			y++;
			shown = 1;
		}
		if (y >= bottom)
			return;
		char num[8];
		snprintf(num, sizeof num, "%d ", r);
		int n = draw_text(app, y, x, num, w, UI_DIM);
		n += draw_text(app, y, x + n, rung->name, w - n, UI_DIM);
		n += draw_text(app, y, x + n, ": ", w - n, UI_DIM);
		draw_text(app, y++, x + n, l->answer[r], w - n, UI_NORMAL);
	}
}

static void ladder_panel(struct ladder *l, struct app *app, int y, int x,
			 int w, int bottom)
{
	const struct content *c = l->ctx->content;
	if (y >= bottom)
		return;
	draw_text(app, y++, x, "Situation", w, UI_HEADING);
	if (!l->situation) {
		y += wrap_draw(app, y, x, w, 0, bottom - y,
			       "Pick one real situation to work on. Enter "
			       "writes it (a suggestion from the strongest red "
			       "flag is filled in).",
			       UI_DIM);
		return;
	}
	int sr = wrap_count(l->situation, w);
	y += wrap_draw(app, y, x, w, 0, sr > 3 ? 3 : sr, l->situation,
		       UI_NORMAL);
	y++;
	if (y >= bottom)
		return;
	if (l->phase == PH_CHOOSE) {
		const struct content_rung *r = ladder_rung(c, l->cursor);
		draw_text(app, y++, x, "Where do you stand today?", w,
			  UI_HEADING);
		if (r && y < bottom)
			y += wrap_draw(app, y, x, w, 0, bottom - y - 1,
				       r->sounds_like, UI_DIM);
		if (y < bottom)
			draw_text(app, y, x, "Up/Down, then Enter", w,
				  UI_DIM);
		return;
	}
	const struct content_rung *r = ladder_rung(c, l->cursor);
	if (!r)
		return;
	if (l->cursor < l->start) {
		draw_text(app, y++, x, r->name, w, UI_HEADING);
		y += wrap_draw(app, y, x, w, 0, bottom - y - 1,
			       "Below today's rung.", UI_DIM);
		return;
	}
	char head[128];
	snprintf(head, sizeof head, "On %d %s", r->number, r->name);
	draw_text(app, y++, x, head, w, UI_HEADING);
	const char *question = ladder_question(c, r->number);
	int q = wrap_count(question, w);
	y += wrap_draw(app, y, x, w, 0, q, question, UI_NORMAL);
	if (y >= bottom)
		return;
	if (l->answer[r->number])
		y += wrap_draw(app, y, x + 2, w - 2, 0, bottom - y - 1,
			       l->answer[r->number], UI_ACCENT);
	else
		draw_text(app, y++, x, "Enter to answer", w, UI_DIM);
	y += route_hint(l, app, r->number, y, x, w, bottom);
	climb_answers(l, app, y, x, w, bottom);
}

static void ladder_draw(struct screen *s, struct app *app)
{
	struct ladder *l = s->data;
	const struct session_ctx *ctx = l->ctx;
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int bottom = ctx->top + ctx->rows;
	int lw = w / 2 > 32 ? 32 : w / 2;
	ladder_picture(l, app, y, x, lw);
	ladder_panel(l, app, y, x + lw + 2, w - lw - 2, bottom);
}

static struct intent ask(struct ladder *l, int tag, const char *title,
			 const char *label, const char *init)
{
	const char *labels[] = {label};
	const char *inits[] = {init};
	l->pr.tag = tag;
	struct screen *p = prompt_new(title, "Enter saves, Esc cancels", 1,
				      labels, inits, NULL, &l->pr);
	return intent_push(prompt_saving(p, prompt_save, l));
}

static struct intent ladder_act(struct screen *s, struct app *app, int id,
				struct key key)
{
	struct ladder *l = s->data;
	(void)key;
	switch (id) {
	case LD_UP:
		l->cursor += l->cursor < CONTENT_RUNGS;
		break;
	case LD_DOWN:
		l->cursor -= l->cursor > 1;
		break;
	case LD_SITUATION:
	situation:
		if (!l->situation) {
			free(l->suggested);
			l->suggested = suggestion(l, app);
		}
		return ask(l, TAG_SITUATION, "Situation",
			   "One real situation, in a sentence",
			   l->situation ? l->situation : l->suggested);
	case LD_TODAY:
		if (!l->situation)
			goto situation;
		l->phase = PH_CHOOSE;
		l->cursor = l->start;
		break;
	case LD_ENTER:
		if (l->phase == PH_SITUATION)
			goto situation;
		if (l->phase == PH_CHOOSE) {
			/* Today's rung changes once it is stored, so a
			 * failed write can be tried again with Enter. */
			if (ladder_write(l, app, l->situation, l->cursor,
					 "Enter places yours over it, any "
					 "other key keeps theirs") == 0) {
				l->start = l->cursor;
				l->phase = PH_CLIMB;
				int n = next_rung(l);
				l->cursor = n ? n : l->start;
			}
			break;
		}
		if (l->cursor < l->start) {
			app_status(app, 0, "The climb starts on today's rung "
					   "(Up), or t to place today "
					   "again.");
			break;
		}
		return ask(l, TAG_ANSWER + l->cursor,
			   ladder_rung(l->ctx->content, l->cursor)->name,
			   ladder_question(l->ctx->content, l->cursor),
			   l->answer[l->cursor]);
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void ladder_destroy(struct screen *s)
{
	struct ladder *l = s->data;
	for (int r = 0; r <= CONTENT_RUNGS; r++)
		free(l->answer[r]);
	free(l->situation);
	free(l->suggested);
	prompt_result_clear(&l->pr);
	free(l);
	free(s);
}

static const struct screen_ops ladder_ops = {
	.title = "Ladder",
	.purpose = "Take one real situation, place where you stand on the "
		   "accountability ladder today, and climb it rung by rung.",
	.actions = ladder_actions,
	.enter = ladder_enter,
	.draw = ladder_draw,
	.act = ladder_act,
	.destroy = ladder_destroy,
};

struct screen *ladder_step_new(struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(&ladder_ops, sizeof(struct ladder));
	struct ladder *l = s ? s->data : NULL;
	if (!s || !l) {
		screen_free(s);
		return NULL;
	}
	l->ctx = ctx;
	l->phase = PH_SITUATION;
	l->cursor = ladder_line(ctx->content) - 1;
	return s;
}
