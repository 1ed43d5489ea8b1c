/* summary.c - a session on one scrollable page: the session's step and
 * the summary screen that history opens.  It shows what `ownit report`
 * prints: who and when, the follow-up, the results, the ladder climb,
 * the commitments and the notes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/ladder.h"
#include "ui/draw.h"
#include "ui/page.h"
#include "ui/results.h"
#include "ui/session.h"

/* ------------------------------------------------------------ the page */

struct build {
	struct page *pg;
	const char *dot;
	int64_t session;
	int any;
};

static const char *cstatus_word(enum store_cstatus st)
{
	return store_cstatus_name(st);
}

static int followup_row(const struct store_commitment *c, void *ud)
{
	struct build *b = ud;
	char buf[1024];
	if (c->session_id == b->session)
		return 0;
	if (!b->any) {
		page_blank(b->pg);
		page_text(b->pg, UI_HEADING, 0, "Follow-up");
	}
	b->any = 1;
	snprintf(buf, sizeof buf, "[%s] %s", cstatus_word(c->status),
		 c->what);
	page_text(b->pg, c->status == STORE_C_MISSED ? UI_BAD : UI_NORMAL, 2,
		  buf);
	if (c->obstacle)
		page_pair(b->pg, 6, "in the way", 12, c->obstacle, UI_NORMAL);
	return 0;
}

static int commitment_row(const struct store_commitment *c, void *ud)
{
	struct build *b = ud;
	char buf[1024];
	b->any = 1;
	page_text(b->pg, UI_NORMAL, 2, c->what);
	snprintf(buf, sizeof buf, "%s %s %s%s", c->owner ? c->owner : "no owner",
		 b->dot, c->due ? "due " : "no due date", c->due ? c->due : "");
	page_text(b->pg, UI_DIM, 6, buf);
	return 0;
}

static int answer_note_row(const struct store_answer *a, void *ud)
{
	struct build *b = ud;
	if (!a->note)
		return 0;
	if (!b->any) {
		page_blank(b->pg);
		page_text(b->pg, UI_HEADING, 0, "Notes on statements");
	}
	b->any = 1;
	page_text(b->pg, UI_DIM, 2, a->statement);
	page_text(b->pg, UI_NORMAL, 6, a->note);
	return 0;
}

static int ladder_row(const struct store_ladder_step *st, void *ud)
{
	const void *const *pair = ud;
	struct build *b = (struct build *)pair[0];
	const struct content *c = pair[1];
	const struct content_rung *r = ladder_rung(c, st->rung);
	char label[64];
	snprintf(label, sizeof label, "%d %s", st->rung, r ? r->name : "");
	page_pair(b->pg, 2, label, 22, st->answer ? st->answer : "",
		  UI_NORMAL);
	return 0;
}

static void header_add(struct page *pg, struct app *app,
		       const struct store_session *ses, const char *dot)
{
	char when[DATES_LOCAL_SIZE], done[DATES_LOCAL_SIZE], buf[512];
	struct error err;
	if (dates_local_display(ses->started, when, &err) < 0)
		snprintf(when, sizeof when, "%s", ses->started);
	snprintf(buf, sizeof buf, "%s %s %s session %s %s",
		 ses->person_name ? ses->person_name : "?", dot,
		 ses->kind == STORE_KIND_SELF ? "self-assessment" : "coaching",
		 dot, when);
	page_text(pg, UI_HEADING, 0, buf);
	if (ses->status == STORE_SESSION_COMPLETE && ses->completed &&
	    dates_local_display(ses->completed, done, &err) == 0)
		snprintf(buf, sizeof buf, "complete since %s", done);
	else
		snprintf(buf, sizeof buf, "open");
	if (ses->coach) {
		size_t o = strlen(buf);
		snprintf(buf + o, sizeof buf - o, " %s coach %s", dot,
			 ses->coach);
	}
	page_text(pg, UI_DIM, 0, buf);
	(void)app;
}

static void summary_page_build(struct page *pg, struct app *app,
			       const struct content *c, int64_t session_id,
			       int view_h)
{
	const char *dot = app->ascii ? "-" : "\xc2\xb7";
	struct store_session ses;
	struct error err;
	struct build b = {pg, dot, session_id, 0};
	int has_prev;
	error_clear(&err);
	if (store_session_get(app->store, session_id, &ses, &err) != 1) {
		page_text(pg, UI_BAD, 0, "This session cannot be read.");
		if (err.msg[0])
			session_fail(app, &err);
		return;
	}
	header_add(pg, app, &ses, dot);
	store_session_clear(&ses);

	struct store_commitment_filter fu = {.followup_of = session_id};
	if (store_commitments_each(app->store, &fu, followup_row, &b, &err) <
	    0)
		session_fail(app, &err);

	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Results");
	results_page_add(pg, app, c, session_id, RESULTS_PREVIOUS, view_h,
			 &has_prev);

	b.any = 0;
	if (store_answers_each(app->store, session_id, answer_note_row, &b,
			       &err) < 0)
		session_fail(app, &err);

	struct store_ladder lad;
	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Accountability ladder");
	int r = store_ladder_get(app->store, session_id, &lad, &err);
	if (r == 1) {
		const struct content_rung *from = ladder_rung(c, lad.start_rung);
		const struct content_rung *to = ladder_rung(c, lad.reached_rung);
		char buf[256];
		page_pair(pg, 2, "situation", 12,
			  lad.situation ? lad.situation : "", UI_NORMAL);
		snprintf(buf, sizeof buf, "%d %s, climbed to %d %s",
			 lad.start_rung, from ? from->name : "",
			 lad.reached_rung, to ? to->name : "");
		page_pair(pg, 2, "today", 12, buf, UI_NORMAL);
		store_ladder_clear(&lad);
		const void *pair[2] = {&b, c};
		if (store_ladder_steps_each(app->store, session_id, ladder_row,
					    pair, &err) < 0)
			session_fail(app, &err);
	} else {
		page_text(pg, UI_DIM, 2, "No ladder in this session.");
	}

	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Commitments");
	b.any = 0;
	struct store_commitment_filter made = {.session_id = session_id};
	if (store_commitments_each(app->store, &made, commitment_row, &b,
				   &err) < 0)
		session_fail(app, &err);
	if (!b.any)
		page_text(pg, UI_DIM, 2, "None made in this session.");

	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Notes");
	char *note = NULL;
	r = store_note_get(app->store, session_id, &note, &err);
	if (r == 1)
		page_text(pg, UI_NORMAL, 2, note);
	else
		page_text(pg, UI_DIM, 2, "No notes.");
	free(note);
}

/* ----------------------------------------------------- screen and step */

enum {
	SM_COMPLETE = 1,
	SM_EXPORT,
	SM_UP,
	SM_DOWN,
	SM_PGUP,
	SM_PGDN,
	SM_HOME,
	SM_END,
	SM_BACK,
};

#define SUMMARY_SCROLL_ROWS                                                  \
	{KEY_UP, 0, "Up/Down", "scroll", "scroll (also k/j, PgUp/PgDn)",    \
	 SM_UP},                                                             \
		{0, L'k', "k", NULL, NULL, SM_UP},                           \
		{KEY_DOWN, 0, "Down", NULL, NULL, SM_DOWN},                  \
		{0, L'j', "j", NULL, NULL, SM_DOWN},                         \
		{KEY_PPAGE, 0, "PgUp", NULL, NULL, SM_PGUP},                 \
		{KEY_NPAGE, 0, "PgDn", NULL, NULL, SM_PGDN},                 \
		{0, L' ', "Space", NULL, NULL, SM_PGDN},                     \
		{KEY_HOME, 0, "Home/End", NULL, "top or bottom of the page", \
		 SM_HOME},                                                   \
		{KEY_END, 0, "End", NULL, NULL, SM_END}

static const struct action step_actions[] = {
	{0, L'm', "m", "mark complete",
	 "mark the session complete (m again reopens it)", SM_COMPLETE},
	{0, L'x', "x", "export", "export this session to CSV", SM_EXPORT},
	SUMMARY_SCROLL_ROWS,
	{0, 0, NULL, NULL, NULL, 0},
};

static const struct action screen_actions[] = {
	{0, 27, "Esc", "back", "back to the screen before", SM_BACK},
	{0, L'q', "q", NULL, NULL, SM_BACK},
	{0, L'm', "m", "mark complete",
	 "mark the session complete (m again reopens it)", SM_COMPLETE},
	{0, L'x', "x", "export", "export this session to CSV", SM_EXPORT},
	SUMMARY_SCROLL_ROWS,
	{0, 0, NULL, NULL, NULL, 0},
};

struct summary {
	struct session_ctx *ctx; /* NULL for the standalone screen */
	struct app *app;
	int64_t session_id;
	int64_t person_id;
	int complete;
	struct page *pg;
	int stale;
};

static void summary_enter(struct screen *s, struct app *app)
{
	struct summary *m = s->data;
	(void)app;
	m->stale = 1;
}

static void summary_draw(struct screen *s, struct app *app)
{
	struct summary *m = s->data;
	int top = 1, left = 0, rows = LINES - 3, cols = COLS;
	if (m->ctx) {
		top = m->ctx->top;
		left = m->ctx->left;
		rows = m->ctx->rows;
		cols = m->ctx->cols;
	} else {
		top = 2;
		left = 2;
		cols = COLS - 3;
		rows = LINES - 4;
	}
	if (m->stale || page_width(m->pg) != cols - 1) {
		page_reset(m->pg, cols - 1);
		summary_page_build(m->pg, app, app->content, m->session_id,
				   rows);
		m->stale = 0;
	}
	page_draw(m->pg, app, top, left, rows, cols);
}

static int rows_of(const struct summary *m)
{
	return m->ctx ? m->ctx->rows : LINES - 4;
}

static struct intent complete_toggle(struct summary *m, struct app *app)
{
	struct error err;
	error_clear(&err);
	int r = m->complete
			? store_session_reopen(app->store, m->session_id, &err)
			: store_session_complete(app->store, m->session_id,
						 &err);
	if (r < 0) {
		session_fail(app, &err);
		return intent_of(INTENT_REDRAW);
	}
	m->complete = !m->complete;
	if (m->ctx)
		m->ctx->complete = m->complete;
	app_status(app, 0, m->complete ? "Session marked complete."
				       : "Session open again.");
	m->stale = 1;
	return intent_of(INTENT_REDRAW);
}

static struct intent summary_act(struct screen *s, struct app *app, int id,
				 struct key key)
{
	struct summary *m = s->data;
	int h = rows_of(m);
	(void)key;
	switch (id) {
	case SM_BACK:
		return intent_of(INTENT_POP);
	case SM_COMPLETE:
		return complete_toggle(m, app);
	case SM_EXPORT: {
		struct screen *x =
			export_screen_new(app, m->person_id, m->session_id);
		return x ? intent_push(x) : intent_of(INTENT_REDRAW);
	}
	case SM_UP:
		page_scroll(m->pg, -1, h);
		break;
	case SM_DOWN:
		page_scroll(m->pg, 1, h);
		break;
	case SM_PGUP:
		page_scroll(m->pg, -(h - 1), h);
		break;
	case SM_PGDN:
		page_scroll(m->pg, h - 1, h);
		break;
	case SM_HOME:
		page_scroll(m->pg, -page_rows(m->pg), h);
		break;
	case SM_END:
		page_scroll(m->pg, page_rows(m->pg), h);
		break;
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void summary_destroy(struct screen *s)
{
	struct summary *m = s->data;
	page_free(m->pg);
	free(m);
	free(s);
}

static const struct screen_ops step_ops = {
	.title = "Summary",
	.purpose = "The whole session on one page, as `ownit report` prints "
		   "it; m marks it complete, x exports it.",
	.actions = step_actions,
	.enter = summary_enter,
	.draw = summary_draw,
	.act = summary_act,
	.destroy = summary_destroy,
};

static const struct screen_ops screen_ops = {
	.title = "Session summary",
	.purpose = "A session on one page, as `ownit report` prints it; m "
		   "marks it complete, x exports it.",
	.actions = screen_actions,
	.enter = summary_enter,
	.draw = summary_draw,
	.act = summary_act,
	.destroy = summary_destroy,
};

static struct screen *summary_make(struct app *app, int64_t session_id,
				   struct session_ctx *ctx)
{
	struct screen *s = calloc(1, sizeof *s);
	struct summary *m = calloc(1, sizeof *m);
	struct page *pg = page_new();
	if (!s || !m || !pg) {
		free(s);
		free(m);
		page_free(pg);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	m->ctx = ctx;
	m->app = app;
	m->session_id = session_id;
	m->pg = pg;
	m->stale = 1;
	s->ops = ctx ? &step_ops : &screen_ops;
	s->data = m;
	return s;
}

struct screen *summary_step_new(struct session_ctx *ctx)
{
	struct screen *s = summary_make(ctx->app, ctx->session_id, ctx);
	if (s) {
		struct summary *m = s->data;
		m->person_id = ctx->person_id;
		m->complete = ctx->complete;
	}
	return s;
}

struct screen *summary_screen_new(struct app *app, int64_t session_id)
{
	struct store_session ses;
	struct error err;
	error_clear(&err);
	if (!app->store || !app->content) {
		app_status(app, 1, "no database or content is open");
		return NULL;
	}
	int r = store_session_get(app->store, session_id, &ses, &err);
	if (r != 1) {
		if (r == 0)
			app_status(app, 1, "session %lld is gone",
				   (long long)session_id);
		else
			session_fail(app, &err);
		return NULL;
	}
	struct screen *s = summary_make(app, session_id, NULL);
	if (s) {
		struct summary *m = s->data;
		m->person_id = ses.person_id;
		m->complete = ses.status == STORE_SESSION_COMPLETE;
	}
	store_session_clear(&ses);
	return s;
}
