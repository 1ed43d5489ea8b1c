/* results.c - the results step: radar, red-flag bars, strongest signals,
 * practices and self-checks, perception gap. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/charts.h"
#include "core/dates.h"
#include "core/radar.h"
#include "ui/draw.h"
#include "ui/results.h"
#include "ui/session.h"

/* ------------------------------------------------------------- scoring */

struct collect {
	struct score_answer *answers;
	size_t nanswers;
	struct score_rating *ratings;
	size_t nratings;
	char **ids; /* owned copies of the ids above */
	size_t nids, capids;
	int failed;
};

static const char *keep_id(struct collect *k, const char *id)
{
	if (k->nids == k->capids) {
		size_t cap = k->capids ? 2 * k->capids : 64;
		char **n = realloc(k->ids, cap * sizeof *n);
		if (!n)
			return NULL;
		k->ids = n;
		k->capids = cap;
	}
	char *s = strdup(id);
	if (s)
		k->ids[k->nids++] = s;
	return s;
}

static int collect_answer(const struct store_answer *a, void *ud)
{
	struct collect *k = ud;
	if (a->value < 0)
		return 0;
	struct score_answer *n =
		realloc(k->answers, (k->nanswers + 1) * sizeof *n);
	const char *id = n ? (k->answers = n, keep_id(k, a->item_id)) : NULL;
	if (!id)
		return k->failed = 1;
	k->answers[k->nanswers].item = id;
	k->answers[k->nanswers++].value = a->value;
	return 0;
}

static int collect_rating(const struct store_rating *r, void *ud)
{
	struct collect *k = ud;
	struct score_rating *n =
		realloc(k->ratings, (k->nratings + 1) * sizeof *n);
	const char *id = n ? (k->ratings = n, keep_id(k, r->pillar_id)) : NULL;
	if (!id)
		return k->failed = 1;
	k->ratings[k->nratings].pillar = id;
	k->ratings[k->nratings++].value = r->value;
	return 0;
}

struct missed {
	int64_t session;
	unsigned n;
};

static int count_missed(const struct store_commitment *c, void *ud)
{
	struct missed *m = ud;
	m->n += c->status == STORE_C_MISSED &&
		c->reviewed_session_id == m->session;
	return 0;
}

int session_score(struct store *st, const struct content *c,
		  int64_t session_id, struct score_result *out,
		  struct error *err)
{
	struct collect k;
	memset(&k, 0, sizeof k);
	memset(out, 0, sizeof *out);
	struct missed m = {session_id, 0};
	struct store_commitment_filter f = {.followup_of = session_id};
	int r = -1;
	if (store_answers_each(st, session_id, collect_answer, &k, err) < 0 ||
	    store_ratings_each(st, session_id, collect_rating, &k, err) < 0 ||
	    store_commitments_each(st, &f, count_missed, &m, err) < 0)
		goto done;
	if (k.failed) {
		error_set(err, ERROR_RUNTIME, "out of memory");
		goto done;
	}
	struct score_input in = {
		.answers = k.answers,
		.nanswers = k.nanswers,
		.ratings = k.ratings,
		.nratings = k.nratings,
		.missed = m.n,
	};
	r = score_compute(c, &in, out, err);
done:
	for (size_t i = 0; i < k.nids; i++)
		free(k.ids[i]);
	free(k.ids);
	free(k.answers);
	free(k.ratings);
	return r;
}

/* ------------------------------------------------------------ the page */

static double band_start(const struct content *c, const char *band,
			 double fallback)
{
	for (size_t i = 0; i < c->nbands; i++)
		if (c->bands[i].kind == CONTENT_BAND_FLAG &&
		    strcmp(c->bands[i].band, band) == 0)
			return c->bands[i].min;
	return fallback;
}

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

static void bars_fill(const struct content *c, const struct score_result *res,
		      struct charts_bar *bars, int *n, int with_labels)
{
	double amber = band_start(c, "amber", 1.5);
	double red = band_start(c, "red", 2.5);
	*n = 0;
	for (size_t f = 0; f < c->nflags && *n < 16; f++, (*n)++) {
		bars[*n].label = with_labels ? c->flags[f].title : "";
		bars[*n].score = res->flags[f].has_score ? res->flags[f].score
							 : NAN;
		bars[*n].amber_at = amber;
		bars[*n].red_at = red;
		bars[*n].note = NULL;
	}
}

/* The red-flag bars, one a row with their labels, into cv at (x, y). */
static void bars_rows(struct app *app, const struct content *c,
		      const struct score_result *res, struct canvas *cv,
		      int x, int y, int w)
{
	struct charts_bar bars[16];
	int n;
	struct error err;
	bars_fill(c, res, bars, &n, 1);
	error_clear(&err);
	if (charts_bars(cv, x, y, w, 0, bars, n, &err) < 0)
		session_fail(app, &err);
}

/* The bars in a narrow column: each red flag's title with its band on
 * one row, its bar on the next, so no title is cut short. */
static void bars_column(struct app *app, const struct content *c,
			const struct score_result *res, struct canvas *cv,
			int x, int y, int w)
{
	struct charts_bar bars[16];
	int n;
	struct error err;
	bars_fill(c, res, bars, &n, 0);
	canvas_text(cv, x, y, w, "Red flags", CANVAS_STYLE_TITLE);
	for (int i = 0; i < n; i++) {
		int ty = y + 2 + 3 * i;
		const struct content_band *b =
			isnan(bars[i].score)
				? NULL
				: content_band_for(c, CONTENT_BAND_FLAG,
						   bars[i].score);
		int bw = b ? canvas_text_width(cv, b->label) : 0;
		int tw = canvas_text_width(cv, c->flags[i].title);
		/* The band's name only when the title keeps its words. */
		if (tw + bw + 1 > w)
			bw = 0;
		canvas_text(cv, x, ty, w - bw - 1, c->flags[i].title,
			    CANVAS_STYLE_LABEL);
		if (b && bw)
			canvas_text(cv, x + w - bw, ty, bw, b->label,
				    charts_band(bars[i].score,
						bars[i].amber_at,
						bars[i].red_at));
		error_clear(&err);
		if (charts_bars(cv, x, ty + 1, w, 0, &bars[i], 1, &err) < 0) {
			session_fail(app, &err);
			return;
		}
	}
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

static void signals_add(struct page *pg, const struct content *c,
			const struct score_result *res, const char *dot)
{
	char buf[512];
	page_blank(pg);
	page_text(pg, UI_HEADING, 0, "Strongest signals");
	if (res->nsignals == 0) {
		page_text(pg, UI_DIM, 2,
			  "No red flag rated yet: the diagnostic step "
			  "gives the signals.");
		return;
	}
	for (size_t k = 0; k < res->nsignals && k < 2; k++) {
		size_t f = res->signals[k];
		const struct content_flag *fl = &c->flags[f];
		snprintf(buf, sizeof buf, "%zu. %s  %.1f %s %s", k + 1,
			 fl->title, res->flags[f].score, dot,
			 band_label(c, res->flags[f].score));
		page_text(pg, UI_NORMAL, 1, buf);
		size_t o = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < fl->pillars.n && o < sizeof buf; i++)
			o += (size_t)snprintf(
				buf + o, sizeof buf - o, "%s%s", i ? ", " : "",
				c->pillars[fl->pillars.idx[i]].name);
		page_pair(pg, 4, "pillars", 11, buf, UI_NORMAL);
		for (size_t i = 0; i < fl->practices.n; i++) {
			const struct content_practice *pr =
				&c->practices[fl->practices.idx[i]];
			snprintf(buf, sizeof buf, "%s: %s", pr->name,
				 pr->summary);
			page_pair(pg, 4, i ? "" : "practice", 11, buf,
				  UI_NORMAL);
		}
		int first = 1;
		for (size_t i = 0; i < c->nchecks; i++) {
			if (!content_check_fits_flag(c, i, f))
				continue;
			page_pair(pg, 4, first ? "ask" : "", 11,
				  c->checks[i].question, UI_NORMAL);
			first = 0;
		}
	}
}

static void gap_add(struct page *pg, const struct content *c,
		    const struct score_result *res)
{
	char buf[512];
	int any = 0;
	for (size_t i = 0; i < c->npillars; i++) {
		const struct score_pillar *p = &res->pillars[i];
		if (!p->gap_flagged)
			continue;
		if (!any) {
			page_blank(pg);
			page_text(pg, UI_HEADING, 0,
				  c->gap_label && c->gap_label[0]
					  ? c->gap_label
					  : "Perception gap");
		}
		any = 1;
		snprintf(buf, sizeof buf,
			 "%s: rated %d, the red flags suggest %.1f (%+.1f)",
			 c->pillars[i].name, p->self, p->evidence, p->gap);
		page_text(pg, UI_WARN, 2, buf);
	}
}

void results_page_add(struct page *pg, struct app *app,
		      const struct content *c, int64_t session_id,
		      enum results_compare cmp, int view_h, int *has_prev)
{
	struct score_result res;
	struct error err;
	struct radar_input in;
	char legend[64];
	char shorts[RADAR_AXES][32];
	double *vals = calloc(3 * c->npillars + 1, sizeof *vals);
	const char *dot = app->ascii ? "-" : "\xc2\xb7";
	memset(&res, 0, sizeof res);
	error_clear(&err);
	if (!vals || session_score(app->store, c, session_id, &res, &err) < 0) {
		if (!vals)
			error_set(&err, ERROR_RUNTIME, "out of memory");
		session_fail(app, &err);
		score_result_free(&res);
		free(vals);
		return;
	}
	radar_input_fill(app, c, session_id, &res, cmp, has_prev, &in, vals,
			 shorts, legend, sizeof legend);
	charts_add(pg, app, c, &res, &in, view_h);
	table_add(pg, &in, app->ascii ? CANVAS_ASCII : CANVAS_UTF8);
	signals_add(pg, c, &res, dot);
	gap_add(pg, c, &res);
	score_result_free(&res);
	free(vals);
}

/* ------------------------------------------------------------ the step */

enum {
	RS_TOGGLE = 1,
	RS_UP,
	RS_DOWN,
	RS_PGUP,
	RS_PGDN,
	RS_HOME,
	RS_END,
};

static const struct action results_actions[] = {
	{0, L't', "t", "compare",
	 "compare with the previous session or with the red-flag evidence",
	 RS_TOGGLE},
	{KEY_UP, 0, "Up/Down", "scroll", "scroll (also k/j, PgUp/PgDn)",
	 RS_UP},
	{0, L'k', "k", NULL, NULL, RS_UP},
	{KEY_DOWN, 0, "Down", NULL, NULL, RS_DOWN},
	{0, L'j', "j", NULL, NULL, RS_DOWN},
	{KEY_PPAGE, 0, "PgUp", NULL, NULL, RS_PGUP},
	{KEY_NPAGE, 0, "PgDn", NULL, NULL, RS_PGDN},
	{0, L' ', "Space", NULL, NULL, RS_PGDN},
	{KEY_HOME, 0, "Home/End", NULL, "top or bottom of the page", RS_HOME},
	{KEY_END, 0, "End", NULL, NULL, RS_END},
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
				 r->cmp, ctx->rows, &r->has_prev);
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
		if (r->cmp == RESULTS_EVIDENCE && !r->has_prev) {
			app_status(app, 0,
				   "No earlier session to compare with yet.");
			break;
		}
		r->cmp = r->cmp == RESULTS_PREVIOUS ? RESULTS_EVIDENCE
						    : RESULTS_PREVIOUS;
		r->stale = 1;
		break;
	case RS_UP:
		page_scroll(r->pg, -1, h);
		break;
	case RS_DOWN:
		page_scroll(r->pg, 1, h);
		break;
	case RS_PGUP:
		page_scroll(r->pg, -(h - 1), h);
		break;
	case RS_PGDN:
		page_scroll(r->pg, h - 1, h);
		break;
	case RS_HOME:
		page_scroll(r->pg, -page_rows(r->pg), h);
		break;
	case RS_END:
		page_scroll(r->pg, page_rows(r->pg), h);
		break;
	default:
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
