/* results.c - the results step: radar, red-flag bars, strongest signals
 * with their practices and ranked self-checks, and each rating against
 * the behaviour the answers report.  It is a view of the core report
 * (core/report.h): those sections of it, laid out side by side for the
 * screen, compared with the previous session or the red-flag evidence. */
#include "config.h"

#include <stdlib.h>

#include "core/report/report.h"
#include "ui/draw.h"
#include "ui/page.h"
#include "ui/session/session.h"

/* ------------------------------------------------------------ the page */

/* The sections of the core report that make the results. */
#define RESULTS_SECTIONS                                                   \
	(REPORT_SECTION(REPORT_SEC_FLAGS) | REPORT_SECTION(REPORT_SEC_RADAR) | \
	 REPORT_SECTION(REPORT_SEC_SIGNALS) | REPORT_SECTION(REPORT_SEC_GAP))

/* Rebuilds the results of the session at width cells into pg from the
 * core report, laid out for a screen with view_h rows for the radar; *rep
 * is the report the page borrows from, replaced here. */
static void results_page_build(struct page *pg, struct app *app,
			       int64_t session_id, enum report_compare cmp,
			       int width, int view_h, struct report **rep)
{
	struct report_options opt = {
		.width = width,
		.mode = draw_mode(app),
		.radar_rows = view_h,
		.sections = RESULTS_SECTIONS,
		.compare = cmp,
		.beside = 1,
	};
	page_build_report(pg, app, session_id, &opt, rep,
			  "The results cannot be read.",
			  "Nothing rated yet: the red-flag and pillar steps "
			  "give the results.");
}

/* ------------------------------------------------------------ the step */

enum {
	RS_TOGGLE = 1,
	RS_SCROLL, /* RS_SCROLL + enum page_key */
};

static const struct action results_actions[] = {
	{0, L't', "t", "compare",
	 "compare with the previous session, the red-flag evidence or the "
	 "team's view",
	 RS_TOGGLE},
	PAGE_SCROLL_ACTIONS(RS_SCROLL),
	{0, 0, NULL, NULL, NULL, 0},
};

struct results {
	struct session_ctx *ctx;
	struct page *pg;
	struct report *rep; /* the page's lines and charts */
	enum report_compare cmp;
	int stale;	/* rebuild before the next draw */
	int built_rows; /* the height the page was built for */
};

static void results_enter(struct screen *s, struct app *app)
{
	struct results *r = s->data;
	(void)app;
	r->stale = 1;
}

/* Builds the page again after a change, or for another size. */
static void results_show(struct screen *s, struct app *app)
{
	struct results *r = s->data;
	const struct session_ctx *ctx = r->ctx;
	int w = ctx->cols;
	if (!r->stale && page_width(r->pg) == w - 1 &&
	    r->built_rows == ctx->rows)
		return;
	results_page_build(r->pg, app, ctx->session_id, r->cmp, w - 1,
			   ctx->rows, &r->rep);
	if (r->cmp == REPORT_COMPARE_TEAM && r->rep &&
	    !report_has_team(r->rep)) {
		/* No round beside this session may be shown: round the
		 * cycle back to the previous session. */
		r->cmp = REPORT_COMPARE_PREVIOUS;
		results_page_build(r->pg, app, ctx->session_id, r->cmp, w - 1,
				   ctx->rows, &r->rep);
	}
	r->stale = 0;
	r->built_rows = ctx->rows;
}

static void results_draw(struct screen *s, struct app *app)
{
	struct results *r = s->data;
	const struct session_ctx *ctx = r->ctx;
	page_draw(r->pg, app, ctx->top, ctx->left, ctx->rows, ctx->cols);
}

static struct intent results_act(struct screen *s, struct app *app, int id,
				 struct key key)
{
	struct results *r = s->data;
	int h = r->ctx->rows;
	(void)key;
	switch (id) {
	case RS_TOGGLE:
		/* Previous session, red-flag evidence, the team's view, and
		 * round again; a comparison with nothing to show is passed
		 * (the team's in results_show). */
		if (r->cmp == REPORT_COMPARE_PREVIOUS)
			r->cmp = REPORT_COMPARE_EVIDENCE;
		else if (r->cmp == REPORT_COMPARE_EVIDENCE)
			r->cmp = REPORT_COMPARE_TEAM;
		else
			r->cmp = REPORT_COMPARE_PREVIOUS;
		if (r->cmp == REPORT_COMPARE_PREVIOUS && r->rep &&
		    !report_has_previous(r->rep)) {
			r->cmp = REPORT_COMPARE_EVIDENCE;
			app_status(app, 0,
				   "No earlier session or team round to compare "
				   "with yet.");
		}
		r->stale = 1;
		break;
	default:
		if (!page_scroll_key(r->pg, id, RS_SCROLL, h))
			return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void results_destroy(struct screen *s)
{
	struct results *r = s->data;
	page_free(r->pg);
	report_free(r->rep);
	free(r);
	free(s);
}

static const struct screen_ops results_ops = {
	.title = "Results",
	.purpose = "The pillar radar, the red flags and what they point to; "
	       "t compares with the last session, the red-flag "
	       "evidence or the team's view.",
	.actions = results_actions,
	.enter = results_enter,
	.show = results_show,
	.draw = results_draw,
	.act = results_act,
	.destroy = results_destroy,
};

struct screen *results_step_new(struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(&results_ops, sizeof(struct results));
	struct results *r = s ? s->data : NULL;
	struct page *pg = page_new();
	if (!s || !r || !pg) {
		screen_free(s);
		page_free(pg);
		return NULL;
	}
	r->ctx = ctx;
	r->pg = pg;
	r->cmp = REPORT_COMPARE_PREVIOUS;
	r->stale = 1;
	return s;
}
