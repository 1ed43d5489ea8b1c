/* summary.c - a session on one scrollable page: the session's step and
 * the summary screen that history opens.  The page is the core report
 * (core/report.h), the very lines `ownit report` prints, built for the
 * width on screen and scrolled. */
#include "config.h"

#include <stdlib.h>

#include "ui/draw.h"
#include "ui/page.h"
#include "ui/session/session.h"

/* ------------------------------------------------------------ the page */

/* Rebuilds the report of the session at width cells into pg; *rep is
 * the report the page borrows from, replaced here. */
static void summary_page_build(struct page *pg, struct app *app,
			       int64_t session_id, int width, int rows,
			       struct report **rep)
{
	struct report_options opt = {
		.width = width,
		.mode = draw_mode(app),
		.radar_rows = rows,
	};
	page_build_report(pg, app, session_id, &opt, rep,
			  "This session cannot be read.", "");
}

/* ----------------------------------------------------- screen and step */

enum {
	SM_COMPLETE = 1,
	SM_EXPORT,
	SM_BACK,
	SM_SCROLL, /* SM_SCROLL + enum page_key */
};

/* m's entry follows the session's state, so the key line says what m
 * does now: the open and done tables differ in that entry alone, and the
 * History screen's have Esc and q before it. */
#define SM_MARK_OPEN                                                           \
	{0, L'm', "m", "mark complete",                                        \
	 "mark the session complete (m again reopens it)", SM_COMPLETE}
#define SM_MARK_DONE                                                           \
	{0, L'm', "m", "reopen",                                               \
	 "open the session again (m again marks it complete)", SM_COMPLETE}
#define SM_BACK_KEYS                                                           \
	{0, UI_KEY_ESC, "Esc", "back", "back to the screen before", SM_BACK},  \
	    {0, L'q', "q", NULL, NULL, SM_BACK}
#define SM_REST_KEYS                                                           \
	{0, L'x', "x", "export", "export this session to CSV", SM_EXPORT},     \
	    PAGE_SCROLL_ACTIONS(SM_SCROLL), {0, 0, NULL, NULL, NULL, 0}

static const struct action step_open_actions[] = {SM_MARK_OPEN,
						  SM_REST_KEYS};
static const struct action step_done_actions[] = {SM_MARK_DONE,
						  SM_REST_KEYS};
static const struct action screen_open_actions[] = {
	SM_BACK_KEYS, SM_MARK_OPEN, SM_REST_KEYS};
static const struct action screen_done_actions[] = {
	SM_BACK_KEYS, SM_MARK_DONE, SM_REST_KEYS};

struct summary {
	/* The screen's ops are this copy, whose key table follows the
	 * session's state (summary_keys). */
	struct screen_ops ops;
	struct session_ctx *ctx; /* NULL for the standalone screen */
	int64_t session_id;
	int64_t person_id;
	int complete;
	struct page *pg;
	struct report *rep; /* the page's lines and charts */
	int stale;
	int built_rows; /* the height the page was built for */
};

/* The key table for the session as it stands: m offers to reopen a
 * completed session and to mark an open one complete. */
static void summary_keys(struct summary *m)
{
	if (m->ctx)
		m->ops.actions =
		    m->complete ? step_done_actions : step_open_actions;
	else
		m->ops.actions =
		    m->complete ? screen_done_actions : screen_open_actions;
}

static void summary_enter(struct screen *s, struct app *app)
{
	struct summary *m = s->data;
	(void)app;
	/* The session frame's state, which another step may have changed. */
	if (m->ctx)
		m->complete = m->ctx->complete;
	summary_keys(m);
	m->stale = 1;
}

/* Where the page goes: the session frame's room for its steps, or the
 * screen below the title. */
struct summary_box {
	int top, left, rows, cols;
};

static struct summary_box summary_box(const struct summary *m)
{
	if (m->ctx)
		return (struct summary_box){m->ctx->top, m->ctx->left,
					    m->ctx->rows, m->ctx->cols};
	return (struct summary_box){2, 2, LINES - 4, COLS - 3};
}

/* Builds the page again after a change, or for another size. */
static void summary_show(struct screen *s, struct app *app)
{
	struct summary *m = s->data;
	struct summary_box b = summary_box(m);
	if (!m->stale && page_width(m->pg) == b.cols - 1 &&
	    m->built_rows == b.rows)
		return;
	summary_page_build(m->pg, app, m->session_id, b.cols - 1, b.rows,
			   &m->rep);
	m->stale = 0;
	m->built_rows = b.rows;
}

static void summary_draw(struct screen *s, struct app *app)
{
	struct summary *m = s->data;
	struct summary_box b = summary_box(m);
	page_draw(m->pg, app, b.top, b.left, b.rows, b.cols);
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
	summary_keys(m);
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
	default:
		if (!page_scroll_key(m->pg, id, SM_SCROLL, h))
			return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void summary_destroy(struct screen *s)
{
	struct summary *m = s->data;
	page_free(m->pg);
	report_free(m->rep);
	free(m);
	free(s);
}

static const struct screen_ops step_ops = {
	.title = "Summary",
	.purpose = "The whole session on one page, as `ownit report` prints "
	       "it; m marks it complete or reopens it, x exports it.",
	.actions = step_open_actions,
	.enter = summary_enter,
	.show = summary_show,
	.draw = summary_draw,
	.act = summary_act,
	.destroy = summary_destroy,
};

static const struct screen_ops screen_ops = {
	.title = "Session summary",
	.purpose = "A session on one page, as `ownit report` prints it; m "
	       "marks it complete or reopens it, x exports it.",
	.actions = screen_open_actions,
	.enter = summary_enter,
	.show = summary_show,
	.draw = summary_draw,
	.act = summary_act,
	.destroy = summary_destroy,
};

static struct screen *summary_make(struct app *app, int64_t session_id,
				   struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(ctx ? &step_ops : &screen_ops, sizeof(struct summary));
	struct summary *m = s ? s->data : NULL;
	struct page *pg = page_new();
	if (!s || !m || !pg) {
		screen_free(s);
		page_free(pg);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	m->ops = *s->ops;
	s->ops = &m->ops;
	m->ctx = ctx;
	m->session_id = session_id;
	m->pg = pg;
	m->stale = 1;
	return s;
}

struct screen *summary_step_new(struct session_ctx *ctx)
{
	struct screen *s = summary_make(ctx->app, ctx->session_id, ctx);
	if (s) {
		struct summary *m = s->data;
		m->person_id = ctx->person_id;
		m->complete = ctx->complete;
		summary_keys(m);
	}
	return s;
}

struct screen *summary_screen_new(struct app *app, int64_t session_id)
{
	struct store_session ses;
	if (!app_session_get(app, session_id, &ses))
		return NULL;
	struct screen *s = summary_make(app, session_id, NULL);
	if (s) {
		struct summary *m = s->data;
		m->person_id = ses.person_id;
		m->complete = ses.status == STORE_SESSION_COMPLETE;
		summary_keys(m);
	}
	store_session_clear(&ses);
	return s;
}
