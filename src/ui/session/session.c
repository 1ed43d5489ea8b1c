/* session.c - the session frame: header, step bar, and the steps.
 *
 * The frame owns one sub-screen per step (see session.h) and shows one
 * of them at a time.  Its own ops are a copy it keeps up to date: the key
 * table is the current step's table followed by the frame's keys, so the
 * key line and `?` help always show what works right now.  A step whose
 * keys follow its state (the summary's m, the follow-up's u) points its
 * ops at another table, and the frame merges that one in turn. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/base/utext.h"
#include "core/coaching/sessionsteps.h"
#include "ui/draw.h"
#include "ui/session/session.h"

enum {
	FRAME_NEXT = SESSION_FRAME_IDS,
	FRAME_PREV,
	FRAME_LEAVE,
	FRAME_HELP,
};

static const struct action frame_actions[] = {
	{0, L'\t', "Tab", "next step", "go to the next step (skipping is fine)",
	 FRAME_NEXT},
	{KEY_BTAB, 0, "S-Tab", NULL, "go back to the previous step",
	 FRAME_PREV},
	{0, UI_KEY_ESC, "Esc", "leave",
	 "leave the session; it stays open to resume", FRAME_LEAVE},
	{0, L'q', "q", NULL, "leave too, except where q is typed (notes)",
	 FRAME_LEAVE},
	{KEY_F(1), 0, "?/F1", NULL, "show the keys of this step", FRAME_HELP},
	{0, 0, NULL, NULL, NULL, 0},
};

/* The steps: core names them and says when each is done
 * (core/sessionsteps.h); here each gets the screen that shows it, in
 * enum store_step order. */
static struct screen *(*const step_new[STORE_STEP_COUNT])(
	struct session_ctx *) = {
	[STORE_STEP_FOLLOWUP] = followup_step_new,
	[STORE_STEP_FLAGS] = diagnostic_step_new,
	[STORE_STEP_PILLARS] = pillars_step_new,
	[STORE_STEP_RESULTS] = results_step_new,
	[STORE_STEP_LADDER] = ladder_step_new,
	[STORE_STEP_COMMITMENTS] = commit_step_new,
	[STORE_STEP_NOTES] = notes_step_new,
	[STORE_STEP_SUMMARY] = summary_step_new,
};

struct session {
	struct session_ctx ctx;
	struct screen *steps[STORE_STEP_COUNT];
	struct action *tables[STORE_STEP_COUNT];
	/* The step table each of tables was merged from. */
	const struct action *merged[STORE_STEP_COUNT];
	struct screen_ops ops;
	char started[DATES_LOCAL_SIZE];
	/* A completed session changed afterwards says so: the store's
	 * change count when last looked, and the last edit's local time. */
	long long changes;
	char edited[DATES_LOCAL_SIZE];
	/* The progress as last read, and the change count it was read at. */
	struct sessionsteps_state progress;
	int progress_read;
	long long progress_changes;
};

void session_fail(struct app *app, const struct error *err)
{
	app_status(app, 1, "%s", err->msg[0] ? err->msg : "failed");
}

int session_parse_due(const char *in, int optional, char *out, char *msg,
		      size_t msgsz)
{
	char today[DATES_DAY_SIZE];
	struct error err;
	out[0] = '\0';
	if (!in[0]) {
		if (optional)
			return 0;
		snprintf(msg, msgsz, "a due date is needed, e.g. +7d or fri");
		return -1;
	}
	dates_today(today);
	error_clear(&err);
	if (dates_parse_due_ahead(in, today, out, &err) < 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return -1;
	}
	return 0;
}

void session_bar(struct app *app, int y, int x, int w, size_t done,
		 size_t total)
{
	/* A line, not a block: progress is secondary to the statement. */
	const char *full = draw_glyph(app, GLYPH_PROGRESS);
	const char *empty = draw_glyph(app, GLYPH_BAR_EMPTY);
	int n = total ? (int)(done * (size_t)w / total) : 0;
	for (int i = 0; i < w; i++)
		draw_text(app, y, x + i, i < n ? full : empty, 1,
			  i < n ? UI_ACCENT : UI_DIM);
}

/* ------------------------------------------------------------ progress */

/* The marks of the step bar.  The store is read again only when
 * something was saved since the last reading (the store's change count
 * moved), not at every key; the rules are core's (sessionsteps.h). */
static void progress_refresh(struct session *se)
{
	struct session_ctx *ctx = &se->ctx;
	struct store *st = ctx->app->store;
	long long now = store_changes(st);
	if (!se->progress_read || now != se->progress_changes) {
		struct error err;
		error_clear(&err);
		if (sessionsteps_read(st, ctx->session_id, &se->progress,
				      &err) < 0) {
			session_fail(ctx->app, &err);
			return;
		}
		se->progress_read = 1;
		se->progress_changes = now;
	}
	struct sessionsteps_scope scope = {
		.asked = ctx->content->nasked,
		.pillars = ctx->content->npillars,
		.results_seen = ctx->visited[STORE_STEP_RESULTS],
		.complete = ctx->complete,
	};
	sessionsteps_done(&se->progress, &scope, ctx->done);
}

/* ---------------------------------------------------- edits after done */

static void edited_load(struct session *se)
{
	struct error err;
	char utc[STORE_TIME_SIZE];
	error_clear(&err);
	int r = store_session_edited(se->ctx.app->store, se->ctx.session_id,
				     utc, &err);
	if (r < 0)
		session_fail(se->ctx.app, &err);
	else if (r == 1 && dates_local_display(utc, se->edited, &err) < 0)
		snprintf(se->edited, sizeof se->edited, "%.19s", utc);
}

/* Called after anything the user did in the session: when it wrote to a
 * completed session, the edit is recorded with its time.
 * Marking complete or reopening is not an edit of what was said. */
static void edits_note(struct session *se, int was_complete)
{
	struct session_ctx *ctx = &se->ctx;
	struct store *st = ctx->app->store;
	long long now = store_changes(st);
	int toggled = was_complete != ctx->complete;
	if (now != se->changes && ctx->complete && !toggled) {
		struct error err;
		error_clear(&err);
		if (store_session_mark_edited(st, ctx->session_id, &err) < 0)
			session_fail(ctx->app, &err);
		else if (!se->edited[0])
			app_status(ctx->app, 0,
				   "This session was completed: the change "
				   "is kept and marked as an edit.");
		edited_load(se);
	}
	se->changes = store_changes(st);
}

/* --------------------------------------------------------------- steps */

/* The step's table, then the frame's: the first match wins, so a step
 * may take a key the frame would otherwise use. */
static struct action *table_merge(const struct action *step)
{
	size_t a = 0, b = 0;
	while (step && step[a].id)
		a++;
	while (frame_actions[b].id)
		b++;
	struct action *t = calloc(a + b + 1, sizeof *t);
	if (!t)
		return NULL;
	if (a)
		memcpy(t, step, a * sizeof *t);
	memcpy(t + a, frame_actions, (b + 1) * sizeof *t);
	return t;
}

static struct screen *step_top(struct session *se)
{
	return se->steps[se->ctx.step];
}

/* Merges the current step's table again when the step has changed it,
 * and makes the merged one the frame's.  Out of memory, the old table
 * stays: the keys still work, only the labels may be stale. */
static void table_follow(struct session *se)
{
	int i = se->ctx.step;
	const struct action *now = se->steps[i]->ops->actions;
	if (now != se->merged[i]) {
		struct action *t = table_merge(now);
		if (t) {
			free(se->tables[i]);
			se->tables[i] = t;
			se->merged[i] = now;
		} else {
			app_status(se->ctx.app, 1, "out of memory");
		}
	}
	se->ops.actions = se->tables[i];
}

static void step_show(struct session *se, int step)
{
	struct session_ctx *ctx = &se->ctx;
	struct error err;
	if (step < 0 || step >= STORE_STEP_COUNT)
		return;
	ctx->step = step;
	ctx->visited[step] = 1;
	struct screen *s = step_top(se);
	se->ops.purpose = s->ops->purpose;
	if (s->ops->enter)
		s->ops->enter(s, ctx->app);
	table_follow(se);
	error_clear(&err);
	if (!ctx->complete &&
	    store_session_set_step(ctx->app->store, ctx->session_id,
				   (enum store_step)step, &err) < 0)
		session_fail(ctx->app, &err);
	/* Where the user is is no edit of the session. */
	se->changes = store_changes(ctx->app->store);
	progress_refresh(se);
}

/* ---------------------------------------------------------------- draw */

/* How the steps other than the current one are named on the bar. */
enum bar_form { BAR_FULL, BAR_SHORT, BAR_NUMBER };

/* The current step always goes by its full name. */
static const char *bar_label(int i, enum bar_form form, int step)
{
	static const char *const numbers[STORE_STEP_COUNT] = {
		"1", "2", "3", "4", "5", "6", "7", "8"};
	if (i == step || form == BAR_FULL)
		return sessionsteps_name(i);
	return form == BAR_SHORT ? sessionsteps_short(i) : numbers[i];
}

/* Columns the bar takes: each name after a one-cell mark and a blank
 * that keeps the mark off the name, and the separators between them. */
static int bar_width(enum bar_form form, int step, int spaced)
{
	int w = 0;
	for (int i = 0; i < STORE_STEP_COUNT; i++) {
		const char *n = bar_label(i, form, step);
		w += utext_width(n) + 2;
		if (i)
			w += spaced ? 3 : 1;
	}
	return w;
}

/* The step bar in the widest form that fits: full names with spaced
 * separators, then tight separators, then short names for the other
 * steps, then numbers. */
static void draw_stepbar(struct session *se, struct app *app, int y)
{
	const struct session_ctx *ctx = &se->ctx;
	const char *sep = draw_glyph(app, GLYPH_STEP_NEXT);
	/* In ASCII a star: `+` read as part of the `>` separators. */
	const char *mark = draw_glyph(app, GLYPH_DONE);
	enum bar_form form = BAR_FULL;
	int spaced = 1;
	int avail = COLS - 2;
	if (bar_width(form, ctx->step, 1) > avail)
		spaced = 0;
	if (bar_width(form, ctx->step, spaced) > avail)
		form = BAR_SHORT;
	if (bar_width(form, ctx->step, spaced) > avail)
		form = BAR_NUMBER;
	int x = 1;
	for (int i = 0; i < STORE_STEP_COUNT; i++) {
		if (i) {
			if (spaced)
				x += draw_text(app, y, x, " ", 1, UI_DIM);
			x += draw_text(app, y, x, sep, 1, UI_DIM);
			if (spaced)
				x += draw_text(app, y, x, " ", 1, UI_DIM);
		}
		const char *n = bar_label(i, form, ctx->step);
		if (ctx->done[i])
			x += draw_text(app, y, x, mark, 1, UI_GOOD);
		else
			x += draw_text(app, y, x, " ", 1, UI_NORMAL);
		x += draw_text(app, y, x, " ", 1, UI_NORMAL);
		x += draw_text(app, y, x, n, COLS - x,
			       i == ctx->step ? UI_SELECTED
			       : ctx->done[i] ? UI_NORMAL
					      : UI_DIM);
	}
}

/* The steps' room: under the step bar (and a rule when there is room
 * for it), the status line kept free. */
static void session_layout(struct session_ctx *ctx)
{
	ctx->top = LINES > 20 ? 4 : 3;
	ctx->left = 1;
	ctx->cols = COLS - 2;
	ctx->rows = LINES - 2 - ctx->top;
}

/* The step reads what its next frame shows, in the room it will have. */
static void session_show(struct screen *s, struct app *app)
{
	struct session *se = s->data;
	session_layout(&se->ctx);
	struct screen *step = step_top(se);
	if (step->ops->show)
		step->ops->show(step, app);
}

static void session_draw(struct screen *s, struct app *app)
{
	struct session *se = s->data;
	struct session_ctx *ctx = &se->ctx;
	char head[512];
	const char *dot = draw_glyph(app, GLYPH_DOT);
	snprintf(head, sizeof head, "%s %s %s session %s started %s",
		 ctx->person, dot,
		 ctx->kind == STORE_KIND_SELF ? "self-assessment" : "coaching",
		 dot, se->started);
	char state[64];
	if (se->edited[0])
		snprintf(state, sizeof state, "%s, edited %s",
			 ctx->complete ? "complete" : "reopened", se->edited);
	else
		snprintf(state, sizeof state, "%s",
			 ctx->complete ? "complete" : "open");
	int sw = utext_width(state);
	draw_text(app, 1, 1, head, COLS - 3 - sw, UI_HEADING);
	draw_text(app, 1, COLS - 1 - sw, state, sw,
		  se->edited[0]    ? UI_WARN
		  : ctx->complete ? UI_GOOD
				  : UI_DIM);
	draw_stepbar(se, app, 2);
	session_layout(ctx);
	if (ctx->top == 4)
		draw_rule(app, 3, NULL, NULL);
	struct screen *step = step_top(se);
	step->ops->draw(step, app);
}

/* ----------------------------------------------------------------- act */

static struct intent request_apply(struct session *se)
{
	struct session_ctx *ctx = &se->ctx;
	enum session_request r = ctx->request;
	ctx->request = SESSION_STAY;
	switch (r) {
	case SESSION_NEXT:
		if (ctx->step + 1 < STORE_STEP_COUNT)
			step_show(se, ctx->step + 1);
		break;
	case SESSION_PREV:
		if (ctx->step > 0)
			step_show(se, ctx->step - 1);
		break;
	case SESSION_LEAVE:
		return intent_of(INTENT_POP);
	case SESSION_STAY:
		break;
	}
	return intent_of(INTENT_REDRAW);
}

static struct intent session_act(struct screen *s, struct app *app, int id,
				 struct key key)
{
	struct session *se = s->data;
	struct session_ctx *ctx = &se->ctx;
	struct screen *step = step_top(se);
	int typing = step->ops->wants_text && step->ops->wants_text(step);

	if (id >= SESSION_FRAME_IDS && !typing) {
		switch (id) {
		case FRAME_NEXT:
			ctx->request = SESSION_NEXT;
			break;
		case FRAME_PREV:
			ctx->request = SESSION_PREV;
			break;
		case FRAME_LEAVE:
			ctx->request = SESSION_LEAVE;
			break;
		case FRAME_HELP:
			return intent_push(help_screen_new(s));
		}
		return request_apply(se);
	}
	/* A step that takes text sees every key, the frame's too: it
	 * decides whether Esc closes its editor or leaves. */
	if (id >= SESSION_FRAME_IDS)
		id = id == FRAME_HELP ? id : 0;
	if (id == FRAME_HELP)
		return intent_push(help_screen_new(s));
	int was_complete = ctx->complete;
	struct intent in = step->ops->act(step, app, id, key);
	table_follow(se);
	edits_note(se, was_complete);
	if (in.kind == INTENT_PUSH || in.kind == INTENT_QUIT)
		return in;
	if (in.kind == INTENT_POP)
		ctx->request = SESSION_LEAVE;
	progress_refresh(se);
	return request_apply(se);
}

static void session_enter(struct screen *s, struct app *app)
{
	struct session *se = s->data;
	struct screen *step = step_top(se);
	int was_complete = se->ctx.complete;
	if (step->ops->enter)
		step->ops->enter(step, app);
	table_follow(se);
	/* A dialog over the session (a note, a commitment) may have saved. */
	edits_note(se, was_complete);
	progress_refresh(se);
}

static int session_wants_text(const struct screen *s)
{
	const struct session *se = s->data;
	const struct screen *step = se->steps[se->ctx.step];
	return step->ops->wants_text && step->ops->wants_text(step);
}

static void session_tick(struct screen *s, struct app *app)
{
	struct session *se = s->data;
	struct screen *step = step_top(se);
	if (step->ops->tick)
		step->ops->tick(step, app);
}

static void session_destroy(struct screen *s)
{
	struct session *se = s->data;
	for (int i = 0; i < STORE_STEP_COUNT; i++) {
		if (se->steps[i])
			se->steps[i]->ops->destroy(se->steps[i]);
		free(se->tables[i]);
	}
	free(se->ctx.person);
	free(se);
	free(s);
}

static const struct screen_ops session_ops_base = {
	.title = "Session",
	.purpose = "",
	.actions = frame_actions,
	.enter = session_enter,
	.show = session_show,
	.draw = session_draw,
	.act = session_act,
	.wants_text = session_wants_text,
	.tick = session_tick,
	.destroy = session_destroy,
};

/* ---------------------------------------------------------------- open */


/* The content's statement ids in the order the diagnostic asks them
 * (grouped by red flag) and its pillar ids, for store_session_resume. */
static int resume_find(struct session_ctx *ctx, struct error *err)
{
	const struct content *c = ctx->content;
	const char **items = calloc(c->nasked + 1, sizeof *items);
	const char **pillars = calloc(c->npillars + 1, sizeof *pillars);
	if (!items || !pillars) {
		free(items);
		free(pillars);
		return error_set(err, ERROR_RUNTIME, "out of memory");
	}
	size_t n = 0;
	for (size_t f = 0; f < c->nflags; f++)
		for (size_t i = 0; i < c->flags[f].items.n; i++)
			items[n++] = c->items[c->flags[f].items.idx[i]].id;
	for (size_t p = 0; p < c->npillars; p++)
		pillars[p] = c->pillars[p].id;
	int r = store_session_resume(ctx->app->store, ctx->session_id, items,
				     n, pillars, c->npillars, &ctx->resume,
				     err);
	free(items);
	free(pillars);
	return r;
}

static struct screen *session_open(struct app *app, int64_t session_id)
{
	struct error err;
	struct store_session ses;
	struct store_person person;
	error_clear(&err);
	if (!app_session_get(app, session_id, &ses))
		return NULL;
	if (!app_person_get(app, ses.person_id, &person)) {
		store_session_clear(&ses);
		return NULL;
	}
	/* The frame's ops are its own copy (see above), set once se is. */
	struct screen *s = screen_alloc(NULL, sizeof(struct session));
	struct session *se = s ? s->data : NULL;
	char *name = strdup(person.name);
	store_person_clear(&person);
	if (!s || !se || !name) {
		screen_free(s);
		free(name);
		store_session_clear(&ses);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	struct session_ctx *ctx = &se->ctx;
	ctx->app = app;
	ctx->content = app->content;
	ctx->session_id = session_id;
	ctx->person_id = ses.person_id;
	ctx->person = name;
	ctx->kind = ses.kind;
	ctx->complete = ses.status == STORE_SESSION_COMPLETE;
	se->changes = store_changes(app->store);
	if (dates_local_display(ses.started, se->started, &err) < 0)
		snprintf(se->started, sizeof se->started, "%s", ses.started);
	store_session_clear(&ses);
	se->ops = session_ops_base;
	s->ops = &se->ops;

	int ok = resume_find(ctx, &err) == 0;
	for (int i = 0; ok && i < STORE_STEP_COUNT; i++) {
		se->steps[i] = step_new[i](ctx);
		se->merged[i] =
		    se->steps[i] ? se->steps[i]->ops->actions : NULL;
		se->tables[i] =
		    se->merged[i] ? table_merge(se->merged[i]) : NULL;
		ok = se->steps[i] && se->tables[i];
	}
	if (!ok) {
		if (err.msg[0])
			session_fail(app, &err);
		else
			app_status(app, 1, "out of memory");
		session_destroy(s);
		return NULL;
	}
	ctx->step = (int)ctx->resume.step;
	if (ctx->step < 0 || ctx->step >= STORE_STEP_COUNT)
		ctx->step = STORE_STEP_FOLLOWUP;
	/* The first step is shown by the loop's enter call; only its
	 * place is set here. */
	ctx->visited[ctx->step] = 1;
	edited_load(se);
	se->ops.purpose = se->steps[ctx->step]->ops->purpose;
	se->ops.actions = se->tables[ctx->step];
	return s;
}

struct screen *session_screen_new(struct app *app, int64_t person_id,
				  int kind)
{
	struct error err;
	error_clear(&err);
	if (!app->store || !app->content) {
		app_status(app, 1, "no database or content is open");
		return NULL;
	}
	struct store_session ses;
	memset(&ses, 0, sizeof ses);
	ses.person_id = person_id;
	ses.kind = kind == STORE_KIND_SELF ? STORE_KIND_SELF
					   : STORE_KIND_COACHING;
	ses.status = STORE_SESSION_OPEN;
	ses.content_version = app->content->version;
	ses.step = -1;
	if (store_session_add(app->store, &ses, &err) < 0) {
		session_fail(app, &err);
		return NULL;
	}
	return session_open(app, ses.id);
}

struct screen *session_screen_resume(struct app *app, int64_t session_id)
{
	return session_open(app, session_id);
}
