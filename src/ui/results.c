/* results.c - the results step: radar, red-flag bars, strongest signals
 * with their practices and ranked self-checks, and each rating against
 * the behaviour the answers report. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/charts.h"
#include "core/dates.h"
#include "core/radar.h"
#include "core/report.h"
#include "core/sessionfacts.h"
#include "ui/draw.h"
#include "ui/page.h"
#include "ui/session.h"
#include "ui/team_trends.h"

enum results_compare {
	RESULTS_PREVIOUS, /* the radar against the session before */
	RESULTS_EVIDENCE, /* against what the red flags say */
	RESULTS_TEAM,     /* against the team's view (team_trends.h) */
};

/* ------------------------------------------------------------ the page */

/* Fills one radar series from per-pillar values (NAN for none). */
static void series_fill(const struct content *c, struct radar_series *s,
			const double *v)
{
	int a = 0;
	s->centre = NAN;
	for (size_t i = 0; i < c->npillars; i++) {
		if (c->pillars[i].centre)
			s->centre = v[i];
		else if (a < RADAR_AXES)
			s->value[a++] = v[i];
	}
	while (a < RADAR_AXES)
		s->value[a++] = NAN;
}

static int rating_into(const struct store_rating *r, void *ud)
{
	const void *const *pair = ud;
	const struct content *c = pair[0];
	double *v = (double *)pair[1];
	long i = content_pillar_index(c, r->pillar_id);
	if (i >= 0)
		v[i] = r->value;
	return 0;
}

/* The radar input: this session's ratings against the previous
 * session's or against the evidence.  vals holds 3 * npillars doubles. */
static void radar_input_fill(struct app *app, const struct content *c,
			     int64_t session_id,
			     const struct score_result *res,
			     enum results_compare cmp, int *has_prev,
			     struct radar_input *in, double *vals,
			     char shorts[RADAR_AXES][32], char *legend,
			     size_t legend_size)
{
	double *self = vals, *prev = vals + c->npillars;
	double *evid = vals + 2 * c->npillars;
	struct error err;
	int64_t prev_id = 0;
	memset(in, 0, sizeof *in);
	for (size_t i = 0; i < c->npillars; i++) {
		const struct score_pillar *p = &res->pillars[i];
		self[i] = p->rated ? p->self : NAN;
		evid[i] = p->has_evidence ? p->evidence : NAN;
		prev[i] = NAN;
	}
	int a = 0;
	for (size_t i = 0; i < c->npillars; i++) {
		if (c->pillars[i].centre) {
			in->centre_name = c->pillars[i].name;
		} else if (a < RADAR_AXES) {
			/* The first word, for a chart too small for the
			 * whole name ("Trust", "Role-model"). */
			const char *name = c->pillars[i].name;
			size_t n = strcspn(name, " ");
			if (n >= sizeof shorts[a])
				n = sizeof shorts[a] - 1;
			memcpy(shorts[a], name, n);
			shorts[a][n] = '\0';
			in->axis_short[a] = shorts[a];
			in->axis_name[a++] = name;
		}
	}
	while (a < RADAR_AXES)
		in->axis_name[a++] = "-";
	if (!in->centre_name)
		in->centre_name = "Vision";
	error_clear(&err);
	/* Compare with the last complete session; an open one before it
	 * is often half done. */
	*has_prev = store_session_previous(app->store, session_id, 1, &prev_id,
					   &err) == 1 ||
		    store_session_previous(app->store, session_id, 0, &prev_id,
					   &err) == 1;
	in->series[0].name = "This session";
	series_fill(c, &in->series[0], self);
	in->nseries = 2;
	if (cmp == RESULTS_PREVIOUS && *has_prev) {
		const void *pair[2] = {c, prev};
		struct store_session ps;
		store_ratings_each(app->store, prev_id, rating_into, pair,
				   &err);
		snprintf(legend, legend_size, "Previous session");
		if (store_session_get(app->store, prev_id, &ps, &err) == 1) {
			char day[DATES_DAY_SIZE];
			if (dates_local_day(ps.started, day, &err) == 0)
				snprintf(legend, legend_size, "Previous %s",
					 day);
			store_session_clear(&ps);
		}
		series_fill(c, &in->series[1], prev);
	} else if (cmp == RESULTS_TEAM &&
		   team_results_series(app, session_id, prev, legend,
				       legend_size)) {
		series_fill(c, &in->series[1], prev);
	} else {
		snprintf(legend, legend_size, "Red-flag evidence");
		series_fill(c, &in->series[1], evid);
	}
	in->series[1].name = legend;
}

static struct canvas *radar_canvas(struct app *app,
				   const struct radar_input *in, int w,
				   int h, int extra_w)
{
	struct error err;
	error_clear(&err);
	struct canvas *cv =
		canvas_new(w + extra_w, h, app->ascii ? CANVAS_ASCII
						      : CANVAS_UTF8,
			   &err);
	if (!cv || radar_draw(cv, 0, 0, w, h, in, NULL, &err) < 0) {
		canvas_free(cv);
		session_fail(app, &err);
		return NULL;
	}
	return cv;
}

/* The report's red-flag bars, without their labels when the caller
 * draws the titles itself.  NULL when out of memory. */
static struct charts_bar *bars_new(const struct content *c,
				   const struct score_result *res,
				   int with_labels)
{
	struct charts_bar *bars = calloc(c->nflags + 1, sizeof *bars);
	if (!bars)
		return NULL;
	report_flag_bars(c, res, bars);
	for (size_t f = 0; f < c->nflags && !with_labels; f++)
		bars[f].label = "";
	return bars;
}

/* The red-flag bars, one a row with their labels, into cv at (x, y). */
static void bars_rows(struct app *app, const struct content *c,
		      const struct score_result *res, struct canvas *cv,
		      int x, int y, int w)
{
	struct charts_bar *bars = bars_new(c, res, 1);
	struct error err;
	error_clear(&err);
	if (!bars)
		error_set(&err, ERROR_RUNTIME, "out of memory");
	if (!bars ||
	    charts_bars(cv, x, y, w, 0, bars, (int)c->nflags, &err) < 0)
		session_fail(app, &err);
	free(bars);
}

/* The bars in a narrow column: each red flag's title on one row, its
 * bar and status word on the next, so no title is cut short. */
static void bars_column(struct app *app, const struct content *c,
			const struct score_result *res, struct canvas *cv,
			int x, int y, int w)
{
	struct charts_bar *bars = bars_new(c, res, 0);
	struct error err;
	if (!bars) {
		app_status(app, 1, "out of memory");
		return;
	}
	canvas_text(cv, x, y, w, "Red flags", CANVAS_STYLE_TITLE);
	for (int i = 0; i < (int)c->nflags; i++) {
		int ty = y + 2 + 3 * i;
		/* The band's name ends the bar itself (its note). */
		canvas_text(cv, x, ty, w, c->flags[i].title,
			    CANVAS_STYLE_LABEL);
		error_clear(&err);
		if (charts_bars(cv, x, ty + 1, w, 0, &bars[i], 1, &err) < 0) {
			session_fail(app, &err);
			break;
		}
	}
	free(bars);
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The radar and the bars, laid out for the page width and the rows in
 * view: side by side when there is room, the radar alone on a row with
 * the bars under it when not. */
static void charts_add(struct page *pg, struct app *app,
		       const struct content *c, const struct score_result *res,
		       const struct radar_input *in, int view_h)
{
	int width = page_width(pg);
	int column_h = 2 + 3 * (int)c->nflags - 1;
	struct error err;
	error_clear(&err);
	if (width >= 76) {
		int rw = width >= 100 ? clamp(width / 2, RADAR_MIN_WIDTH, 70)
				      : clamp(width * 11 / 20,
					      RADAR_MIN_WIDTH, 50);
		int rh = clamp(view_h, RADAR_MIN_HEIGHT, rw * 2 / 5 + 2);
		int bw = width - rw - 3;
		struct canvas *cv = radar_canvas(
			app, in, rw, rh > column_h ? rh : column_h, width - rw);
		if (!cv)
			return;
		bars_column(app, c, res, cv, rw + 3, 0, bw > 60 ? 60 : bw);
		page_canvas(pg, 0, cv);
		return;
	}
	int rw = clamp(width, RADAR_MIN_WIDTH, 60);
	int rh = clamp(view_h, RADAR_MIN_HEIGHT, rw * 2 / 5 + 2);
	int pad = (width - rw) / 2 > 0 ? (width - rw) / 2 : 0;
	page_canvas(pg, pad, radar_canvas(app, in, rw, rh, 0));
	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Red flags");
	struct canvas *bv = canvas_new(width, (int)c->nflags,
				       app->ascii ? CANVAS_ASCII
						  : CANVAS_UTF8,
				       &err);
	if (!bv) {
		session_fail(app, &err);
		return;
	}
	bars_rows(app, c, res, bv, 0, 0, width);
	page_canvas(pg, 0, bv);
}

static void table_add(struct page *pg, const struct radar_input *in,
		      enum canvas_mode mode)
{
	struct error err;
	char *t = radar_table(in, mode, &err);
	if (!t)
		return;
	page_blank(pg);
	for (char *line = t; *line;) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		page_text(pg, UI_NORMAL, 2, line);
		if (!end)
			break;
		line = end + 1;
	}
	free(t);
}

static const char *band_label(const struct content *c, double score)
{
	const struct content_band *b =
		content_band_for(c, CONTENT_BAND_FLAG, score);
	return b ? b->label : "";
}

/* The pillars a signal points to, each with what it means. */
static void signal_pillars(struct page *pg, const struct content *c,
			   const struct content_flag *fl)
{
	char buf[1024];
	for (size_t i = 0; i < fl->pillars.n; i++) {
		const struct content_pillar *p =
			&c->pillars[fl->pillars.idx[i]];
		snprintf(buf, sizeof buf, "%s: %s", p->name, p->summary);
		page_pair(pg, 4, i ? "" : "pillars", 11, buf, UI_NORMAL);
	}
}

/* The practices that answer a signal, each with its concrete actions. */
static void signal_practices(struct page *pg, const struct content *c,
			     const struct content_flag *fl, const char *bullet)
{
	char buf[1024];
	for (size_t i = 0; i < fl->practices.n; i++) {
		const struct content_practice *pr =
			&c->practices[fl->practices.idx[i]];
		snprintf(buf, sizeof buf, "%s: %s", pr->name, pr->summary);
		page_pair(pg, 4, i ? "" : "practice", 11, buf, UI_NORMAL);
		for (size_t a = 0; a < pr->nactions; a++)
			page_pair(pg, 15, bullet, 2, pr->actions[a], UI_DIM);
	}
}

/* The signal's self-checks, most relevant first. */
static void signal_checks(struct page *pg, const struct content *c,
			  size_t f, int regulated)
{
	size_t k[CONTENT_CHECKS_PER_FLAG];
	size_t n = content_checks_for_flag(c, f, regulated, k,
					   CONTENT_CHECKS_PER_FLAG);
	char buf[1024], topic[80];
	for (size_t i = 0; i < n; i++) {
		const struct content_check *ck = &c->checks[k[i]];
		snprintf(buf, sizeof buf, "%zu. %s: %s", i + 1,
			 report_topic_name(ck->topic, topic, sizeof topic),
			 ck->question);
		page_pair(pg, 4, i ? "" : "ask", 11, buf, UI_NORMAL);
	}
}

static void signals_add(struct page *pg, const struct content *c,
			const struct score_result *res, int regulated,
			int ascii)
{
	const char *dot = ascii ? "-" : "\xc2\xb7";
	const char *bullet = ascii ? "-" : "\xe2\x80\xa2";
	size_t shown[REPORT_SIGNALS];
	size_t n = report_signals(c, res, shown, REPORT_SIGNALS);
	char buf[512];
	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Strongest signals");
	if (res->nsignals == 0) {
		page_text(pg, UI_DIM, 2,
			  "No red flag rated yet: the diagnostic step "
			  "gives the signals.");
		return;
	}
	if (n == 0) {
		snprintf(buf, sizeof buf,
			 "Every red flag answered is in the healthy band "
			 "(%s): nothing stands out to work on.",
			 report_healthy_label(c));
		page_text(pg, UI_NORMAL, 2, buf);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		size_t f = shown[k];
		const struct content_flag *fl = &c->flags[f];
		char v[16];
		if (k)
			page_blank(pg);
		radar_format(score_shown(res->flags[f].score), 0,
			     CANVAS_ASCII, v);
		snprintf(buf, sizeof buf, "%zu. %s  %s %s %s", k + 1,
			 fl->title, v, dot,
			 band_label(c, res->flags[f].score));
		page_text(pg, UI_NORMAL, 1, buf);
		page_text(pg, UI_DIM, 4, fl->summary);
		signal_pillars(pg, c, fl);
		signal_practices(pg, c, fl, bullet);
		signal_checks(pg, c, f, regulated);
	}
}

/* Each pillar's rating against the behaviour the red-flag answers
 * report, the large differences in either direction. */
static void gap_add(struct page *pg, const struct content *c,
		    const struct score_result *res)
{
	char buf[512];
	int any = 0, flagged = 0;
	for (size_t i = 0; i < c->npillars; i++)
		any |= res->pillars[i].has_gap;
	if (!any)
		return;
	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Rating vs reported behaviour");
	for (size_t i = 0; i < c->npillars; i++) {
		const struct score_pillar *p = &res->pillars[i];
		int side = report_gap_side(p);
		if (!side)
			continue;
		flagged = 1;
		snprintf(buf, sizeof buf,
			 "%s: rated %d, the reported behaviour suggests "
			 "%.1f (%+.1f): rating well %s it",
			 c->pillars[i].name, p->self, p->evidence, p->gap,
			 side > 0 ? "above" : "below");
		page_text(pg, UI_WARN, 2, buf);
	}
	if (!flagged) {
		snprintf(buf, sizeof buf,
			 "Every rating lies within %.1f of what the red-flag "
			 "answers report.",
			 c->gap_threshold);
		page_text(pg, UI_DIM, 2, buf);
	}
}

/* Whether the person works in a regulated setting (0 when unknown). */
static int person_regulated(struct app *app, int64_t person_id)
{
	struct store_person p;
	struct error err;
	error_clear(&err);
	if (store_person_get(app->store, person_id, &p, &err) != 1)
		return 0;
	int r = p.regulated;
	store_person_clear(&p);
	return r;
}

/* Adds to pg (already reset to its width) the radar, the red-flag bars,
 * the two strongest signals with their pillars, practices and ranked
 * self-checks, and the rating vs reported behaviour; the radar is sized to fit view_h
 * rows.  *has_prev is set to whether an earlier session exists
 * (RESULTS_PREVIOUS falls back to the evidence when not).  Failures go
 * to the status line; what could be built stays. */
static void results_page_add(struct page *pg, struct app *app,
			     const struct content *c, int64_t session_id,
			     int regulated, enum results_compare cmp,
			     int view_h, int *has_prev)
{
	struct sessionfacts facts;
	struct error err;
	struct radar_input in;
	char legend[64];
	char shorts[RADAR_AXES][32];
	double *vals = calloc(3 * c->npillars + 1, sizeof *vals);
	const struct score_result *res = &facts.score;
	sessionfacts_init(&facts);
	error_clear(&err);
	if (!vals ||
	    sessionfacts_load(&facts, app->store, c, session_id, &err) < 0) {
		if (!vals)
			error_set(&err, ERROR_RUNTIME, "out of memory");
		session_fail(app, &err);
		sessionfacts_free(&facts);
		free(vals);
		return;
	}
	radar_input_fill(app, c, session_id, res, cmp, has_prev, &in, vals,
			 shorts, legend, sizeof legend);
	charts_add(pg, app, c, res, &in, view_h);
	table_add(pg, &in, app->ascii ? CANVAS_ASCII : CANVAS_UTF8);
	signals_add(pg, c, res, regulated, app->ascii);
	gap_add(pg, c, res);
	sessionfacts_free(&facts);
	free(vals);
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
	enum results_compare cmp;
	int has_prev;
	int stale; /* rebuild before the next draw */
};

static void results_enter(struct screen *s, struct app *app)
{
	struct results *r = s->data;
	(void)app;
	r->stale = 1;
}

static void results_draw(struct screen *s, struct app *app)
{
	struct results *r = s->data;
	const struct session_ctx *ctx = r->ctx;
	int w = ctx->cols;
	if (r->stale || page_width(r->pg) != w - 1) {
		page_reset(r->pg, w - 1);
		results_page_add(r->pg, app, ctx->content, ctx->session_id,
				 person_regulated(app, ctx->person_id), r->cmp,
				 ctx->rows, &r->has_prev);
		if (r->cmp == RESULTS_PREVIOUS && !r->has_prev)
			r->cmp = RESULTS_EVIDENCE;
		r->stale = 0;
	}
	page_draw(r->pg, app, ctx->top, ctx->left, ctx->rows, w);
}

static struct intent results_act(struct screen *s, struct app *app, int id,
				 struct key key)
{
	struct results *r = s->data;
	int h = r->ctx->rows;
	(void)key;
	switch (id) {
	case RS_TOGGLE:
		/* Previous session, red-flag evidence, then the team's view
		 * when a round beside this session may be shown. */
		if (r->cmp == RESULTS_EVIDENCE &&
		    team_results_series(app, r->ctx->session_id, NULL, NULL,
					0)) {
			r->cmp = RESULTS_TEAM;
		} else if (r->cmp != RESULTS_PREVIOUS && r->has_prev) {
			r->cmp = RESULTS_PREVIOUS;
		} else if (r->cmp != RESULTS_EVIDENCE) {
			r->cmp = RESULTS_EVIDENCE;
		} else {
			app_status(app, 0,
				   "No earlier session to compare with yet.");
			break;
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
	free(r);
	free(s);
}

static const struct screen_ops results_ops = {
	.title = "Results",
	.purpose = "The pillar radar, the red flags and what they point to; "
		   "t compares with the last session or the red-flag "
		   "evidence.",
	.actions = results_actions,
	.enter = results_enter,
	.draw = results_draw,
	.act = results_act,
	.destroy = results_destroy,
};

struct screen *results_step_new(struct session_ctx *ctx)
{
	struct screen *s = calloc(1, sizeof *s);
	struct results *r = calloc(1, sizeof *r);
	struct page *pg = page_new();
	if (!s || !r || !pg) {
		free(s);
		free(r);
		page_free(pg);
		return NULL;
	}
	r->ctx = ctx;
	r->pg = pg;
	r->cmp = RESULTS_PREVIOUS;
	r->stale = 1;
	s->ops = &results_ops;
	s->data = r;
	return s;
}
