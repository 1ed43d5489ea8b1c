/* history.c - one person's sessions: the pillar trends across them on
 * top, the sessions newest first below, each with its five pillar
 * ratings.  Enter opens a session's summary. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"
#include "core/chart/canvas.h"
#include "core/chart/charts.h"
#include "core/content/content.h"
#include "core/base/dates.h"
#include "core/store/store.h"
#include "core/store/store_page.h"
#include "core/chart/trend.h"
#include "ui/chart.h"
#include "ui/draw.h"
#include "ui/team_trends.h"
#include "ui/list.h"
#include "ui/confirm.h"
#include "ui/screen.h"

/* The trend lines show at most this many of the newest sessions. */
#define TREND_MAX 48
/* Pillar columns in the list (the ring of the model; vision aside). */
#define HIST_PILLARS 8
/* Series of the trend chart: the ring, then vision. */
#define TREND_LINES (HIST_PILLARS + 1)
/* From this size on the trends are a line chart, not sparklines. */
#define CHART_MIN_COLS 90
#define CHART_MIN_LINES 30

enum {
	HI_OPEN = 1,
	HI_SEARCH,
	HI_BACK,
	HI_HELP,
	HI_RESUME,
	HI_DELETE,
	HI_MOVE, /* and the LIST_KEYS after it */
};

static const struct action hist_actions[] = {
	{0, L'\r', "Enter", "summary", "open the session's summary page",
	 HI_OPEN},
	{KEY_ENTER, 0, NULL, NULL, NULL, HI_OPEN},
	{0, L'r', "r", "resume", "carry on with the session when it is open",
	 HI_RESUME},
	{0, L'D', "D", "delete", "delete the session and all said in it "
	 "(asks you to type delete)", HI_DELETE},
	{0, L'/', "/", "filter", "show only sessions matching a text (date, "
	 "kind, status, coach)", HI_SEARCH},
	LIST_MOVE_ACTIONS(HI_MOVE),
	{0, UI_KEY_ESC, "Esc", "back", "clear the filter, or back to home", HI_BACK},
	{0, L'q', "q", NULL, "back to home", HI_BACK},
	{0, L'?', "?", "help", "show the keys of this screen", HI_HELP},
	{0, 0, NULL, NULL, NULL, 0},
};

struct session_row {
	int64_t id;
	char started[STORE_TIME_SIZE]; /* its key position in the list */
	char day[DATES_DAY_SIZE];
	/* Local start time; shown instead of the day when another session
	 * of the list started on the same day. */
	char when[DATES_LOCAL_SIZE];
	int same_day;
	int kind, status;
	char *coach;
	double score[TREND_LINES]; /* NAN: not rated */
};

struct history {
	struct app *app;
	int64_t person_id;
	char name[160];
	struct list *sessions;
	struct session_row *last_loaded; /* the row loaded just before */
	struct prompt_result confirm;    /* the typed "delete" */
	int64_t deleting;                /* the session it is asked for */
	size_t pillar[HIST_PILLARS]; /* content indices of the ring */
	int npillars;
	/* Trends: ratings of the newest sessions, oldest first; the last
	 * line is vision's. */
	double trend[TREND_LINES][TREND_MAX];
	char trend_day[TREND_MAX][DATES_DAY_SIZE];
	int ntrend;
	struct canvas *canvas;
	struct team_trends team;
};

static void session_row_free(void *p)
{
	struct session_row *r = p;
	free(r->coach);
	free(r);
}

/* Which column a pillar id has: the ring pillars in order, then vision
 * (npillars); -1 for ids the content does not know. */
static int pillar_column(const struct history *h, const char *id)
{
	const struct content *c = h->app->content;
	for (int i = 0; i < h->npillars; i++)
		if (strcmp(c->pillars[h->pillar[i]].id, id) == 0)
			return i;
	if (c->npillars && strcmp(c->pillars[c->centre].id, id) == 0)
		return h->npillars;
	return -1;
}

/* The name over score column p: a ring pillar, or vision after them. */
static const char *col_name(const struct history *h, int p)
{
	const struct content *c = h->app->content;
	return p < h->npillars ? c->pillars[h->pillar[p]].name
			       : c->pillars[c->centre].name;
}

struct ratings_fill {
	const struct history *h;
	double *score;
};

static int rating_cb(const struct store_rating *r, void *ud)
{
	struct ratings_fill *rf = ud;
	int col = pillar_column(rf->h, r->pillar_id);
	if (col >= 0)
		rf->score[col] = r->value;
	return 0;
}

/* score[i] of each ring pillar, then vision, for one session (NAN when
 * not rated); score has TREND_LINES entries. */
static int ratings_read(const struct history *h, int64_t sid, double *score,
			struct error *err)
{
	for (int i = 0; i < TREND_LINES; i++)
		score[i] = NAN;
	struct ratings_fill rf = {h, score};
	return store_ratings_each(h->app->store, sid, rating_cb, &rf, err) < 0
		       ? -1
		       : 0;
}

/* ---------------------------------------------------------- list pages */

struct sessions_load {
	struct history *h;
	struct list *l;
	int oom;
	struct error *err;
};

/* Rows come newest first, so sessions of one day are neighbours: both
 * of a pair show their start time. */
static void same_day_mark(struct history *h, struct session_row *r,
			  const char *started)
{
	struct error err = {0};
	if (!started || dates_local_display(started, r->when, &err) != 0)
		r->when[0] = '\0';
	struct session_row *prev = h->last_loaded;
	if (prev && strcmp(prev->day, r->day) == 0)
		prev->same_day = r->same_day = 1;
	h->last_loaded = r;
}

static int session_cb(const struct store_session *s, void *ud)
{
	struct sessions_load *sl = ud;
	struct session_row *r = calloc(1, sizeof *r);
	if (!r)
		return sl->oom = 1;
	r->id = s->id;
	snprintf(r->started, sizeof r->started, "%s",
		 s->started ? s->started : "");
	if (!s->started || dates_local_day(s->started, r->day, NULL) != 0)
		snprintf(r->day, sizeof r->day, "%s", "?");
	same_day_mark(sl->h, r, s->started);
	r->kind = s->kind;
	r->status = s->status;
	r->coach = s->coach ? strdup(s->coach) : NULL;
	if (s->coach && !r->coach) {
		session_row_free(r);
		return sl->oom = 1;
	}
	/* One small query per row, for the rows of one window only. */
	if (ratings_read(sl->h, s->id, r->score, sl->err) != 0) {
		session_row_free(r);
		return -1;
	}
	return list_add(sl->l, r) ? (sl->oom = 1) : 0;
}

/* The store pages and filters in SQL: only the rows of the window are
 * read, next to a row shown (by its start and id) or at an offset. */
static int sessions_read(struct history *h, struct list *l,
			 const struct store_page *q, struct error *err)
{
	h->last_loaded = NULL;
	struct sessions_load sl = {h, l, 0, err};
	if (store_sessions_page(h->app->store, h->person_id, q, session_cb,
				&sl, err) < 0)
		return -1;
	if (sl.oom)
		return error_set(err, ERROR_RUNTIME, "out of memory");
	return 0;
}

static int sessions_load(void *ud, struct list *l, size_t offset,
			 size_t limit, struct error *err)
{
	struct store_page q = {.filter = list_filter(l), .offset = offset,
			       .limit = limit};
	return sessions_read(ud, l, &q, err);
}

static int sessions_near(void *ud, struct list *l, const void *from, int dir,
			 size_t limit, struct error *err)
{
	const struct session_row *r = from;
	struct store_page q = {.filter = list_filter(l),
			       .from_set = r != NULL,
			       .from_text = r ? r->started : NULL,
			       .from_id = r ? r->id : 0,
			       .backward = dir < 0,
			       .limit = limit};
	return sessions_read(ud, l, &q, err);
}

static int sessions_count(void *ud, size_t *n, struct error *err)
{
	struct history *h = ud;
	struct store_page q = {.filter = list_filter(h->sessions)};
	return store_sessions_count(h->app->store, h->person_id, &q, n, err);
}

/* --------------------------------------------------------------- trends */

struct trend_load {
	int64_t id[TREND_MAX];
	char day[TREND_MAX][DATES_DAY_SIZE];
	int n;
};

static int trend_cb(const struct store_session *s, void *ud)
{
	struct trend_load *tl = ud;
	if (!s->started || dates_local_day(s->started, tl->day[tl->n], NULL))
		snprintf(tl->day[tl->n], DATES_DAY_SIZE, "%s", "?");
	tl->id[tl->n++] = s->id;
	return tl->n == TREND_MAX;
}

static int any_rated(const double *score)
{
	for (int p = 0; p < TREND_LINES; p++)
		if (!isnan(score[p]))
			return 1;
	return 0;
}

/* Reads the ratings of the newest TREND_MAX sessions, oldest first,
 * leaving out sessions with no rating at all (an open one just begun). */
static void trends_load(struct history *h)
{
	struct trend_load tl = {.n = 0};
	struct error err = {0};
	h->ntrend = 0;
	if (store_sessions_each(h->app->store, h->person_id, TREND_MAX, 0,
				trend_cb, &tl, &err) < 0) {
		app_status(h->app, 1, "%s", err.msg);
		return;
	}
	for (int i = tl.n - 1; i >= 0; i--) {
		double score[TREND_LINES];
		if (ratings_read(h, tl.id[i], score, &err) != 0) {
			app_status(h->app, 1, "%s", err.msg);
			return;
		}
		if (!any_rated(score))
			continue;
		for (int p = 0; p < TREND_LINES; p++)
			h->trend[p][h->ntrend] = score[p];
		memcpy(h->trend_day[h->ntrend], tl.day[i], DATES_DAY_SIZE);
		h->ntrend++;
	}
}

static void history_enter(struct screen *s, struct app *app)
{
	struct history *h = s->data;
	prompt_result_clear(&h->confirm);
	h->deleting = 0;
	list_reload(h->sessions);
	trends_load(h);
	team_trends_load(&h->team, app, h->person_id);
}

/* -------------------------------------------------------------- drawing */

static enum ui_style score_style(const struct app *app, double v)
{
	const struct content_band *b =
		content_band_for(app->content, CONTENT_BAND_PILLAR, v);
	if (!b)
		return UI_NORMAL;
	if (strcmp(b->band, "low") == 0)
		return UI_BAD;
	if (strcmp(b->band, "strong") == 0 || strcmp(b->band, "high") == 0)
		return UI_GOOD;
	return UI_WARN;
}

/* The first and the latest rating of a trend: "2 -> 5". */
static void trend_ends_draw(struct app *app, const double *v, int n, int y,
			    int x)
{
	int first = 0, last = n - 1;
	while (first < n && isnan(v[first]))
		first++;
	while (last >= 0 && isnan(v[last]))
		last--;
	if (first >= n) {
		draw_text(app, y, x, "not rated", 9, UI_DIM);
		return;
	}
	char num[8];
	snprintf(num, sizeof num, "%.0f", v[first]);
	if (first == last) {
		draw_text(app, y, x, num, 2, score_style(app, v[first]));
		return;
	}
	x += draw_text(app, y, x, num, 2, score_style(app, v[first]));
	char arrow[8];
	snprintf(arrow, sizeof arrow, " %s ", draw_glyph(app, GLYPH_ARROW));
	x += draw_text(app, y, x, arrow, 4, UI_DIM);
	snprintf(num, sizeof num, "%.0f", v[last]);
	draw_text(app, y, x, num, 2, score_style(app, v[last]));
}

/* The rows the line chart takes on a large terminal, 0 on a small one:
 * about half the screen, the sessions list keeps the rest. */
static int trend_chart_rows(const struct history *h)
{
	if (COLS < CHART_MIN_COLS || LINES < CHART_MIN_LINES || !h->ntrend)
		return 0;
	int rows = (LINES - 4) / 2;
	return rows > 24 ? 24 : rows;
}

static int canvas_ready(struct history *h, struct app *app, int w, int rows)
{
	struct error err = {0};
	enum canvas_mode mode = draw_mode(app);
	if (h->canvas && canvas_mode(h->canvas) != mode) {
		canvas_free(h->canvas);
		h->canvas = NULL;
	}
	if (!h->canvas)
		h->canvas = canvas_new(w, rows, mode, &err);
	else if (canvas_resize(h->canvas, w, rows, &err) == 0)
		canvas_clear(h->canvas);
	else
		return 0;
	return h->canvas != NULL;
}

/* The line chart of every pillar and vision over the sessions. */
static int trend_chart_draw(struct history *h, struct app *app, int y,
			    int rows)
{
	const struct content *c = app->content;
	struct trend_series series[TREND_SERIES_MAX];
	const char *days[TREND_MAX];
	int ns = 0;
	char title[128];

	snprintf(title, sizeof title, "Pillar trends, %d session%s, oldest "
		 "left", h->ntrend, h->ntrend == 1 ? "" : "s");
	draw_rule(app, y, title, NULL);
	for (int p = 0; p < h->npillars && ns < TREND_SERIES_MAX - 1; p++)
		series[ns++] = (struct trend_series){
			c->pillars[h->pillar[p]].name, h->trend[p]};
	if (c->npillars)
		series[ns++] = (struct trend_series){
			c->pillars[c->centre].name, h->trend[h->npillars]};
	for (int i = 0; i < h->ntrend; i++)
		days[i] = h->trend_day[i];
	struct trend_input in = {series, ns, h->ntrend, CONTENT_RATING_MIN,
				 CONTENT_RATING_MAX, days};
	struct error err = {0};
	if (!canvas_ready(h, app, COLS - 2, rows - 1) ||
	    trend_draw(h->canvas, 0, 0, COLS - 2, rows - 1, &in, NULL,
		       &err) < 0) {
		app_status(app, 1, "%s", err.msg[0] ? err.msg : "out of memory");
		return rows;
	}
	chart_draw_rows(app, h->canvas, 0, rows - 1, y + 1, 1, COLS - 2);
	return rows;
}

/* One line per pillar: name, sparkline of its ratings, last rating. */
static int trends_draw(struct history *h, struct app *app, int y)
{
	char title[256];
	int chart_rows = trend_chart_rows(h);
	if (chart_rows)
		return trend_chart_draw(h, app, y, chart_rows);
	int label_w = COLS >= 80 ? 24 : 18;
	int spark_w = COLS - 2 - label_w - 2 - 8;
	if (spark_w > TREND_MAX)
		spark_w = TREND_MAX;
	int n = h->ntrend < spark_w ? h->ntrend : spark_w;
	snprintf(title, sizeof title,
		 n ? "Pillar trends, last %d session%s, newest right"
		   : "Pillar trends",
		 n, n == 1 ? "" : "s");
	draw_rule(app, y, title, NULL);
	struct error err = {0};
	enum canvas_mode mode = draw_mode(app);
	if (!h->canvas || canvas_mode(h->canvas) != mode ||
	    canvas_height(h->canvas) != 1) {
		canvas_free(h->canvas);
		h->canvas = canvas_new(TREND_MAX, 1, mode, &err);
	}
	/* The ring, then vision (its line is the last of h->trend). */
	int nlines = h->npillars + (app->content->npillars > 0);
	for (int p = 0; p < nlines; p++) {
		int ry = y + 1 + p;
		draw_text(app, ry, 2, col_name(h, p), label_w, UI_NORMAL);
		if (!n || !h->canvas) {
			if (p == 0)
				draw_text(app, ry, 2 + label_w + 2,
					  "no sessions yet", spark_w, UI_DIM);
			continue;
		}
		canvas_clear(h->canvas);
		const double *v = h->trend[p] + (h->ntrend - n);
		charts_sparkline(h->canvas, 0, 0, n, v, n, CONTENT_RATING_MIN,
				 CONTENT_RATING_MAX, CANVAS_STYLE_SERIES_A);
		chart_draw_rows(app, h->canvas, 0, 1, ry, 2 + label_w + 2, n);
		trend_ends_draw(app, v, n, ry, 2 + label_w + 2 + n + 2);
	}
	return 1 + nlines;
}

/* Column heads: the first four letters of each pillar's name. */
static void head_pillar(struct app *app, int y, int x, const char *name)
{
	char buf[32];
	size_t o = 0;
	int chars = 0;
	for (size_t i = 0; name[i] && o < sizeof buf - 5; i++) {
		if (((unsigned char)name[i] & 0xc0) != 0x80 && chars++ == 4)
			break;
		buf[o++] = name[i];
	}
	buf[o] = '\0';
	draw_text(app, y, x, buf, 4, UI_HEADING);
}

#define COL_DAY 1
#define COL_KIND 13
#define COL_STATUS 23
#define COL_SCORES 33
/* Score columns: narrower below 72 columns so five fit in 60. */
#define SCORE_W (COLS >= 72 ? 6 : 5)
#define COACH_MIN 14

/* Score columns: the ring pillars, then vision where it fits with the
 * coach still readable (on narrow terminals the trends show it). */
static int score_cols(const struct history *h)
{
	int vision = COL_SCORES + (h->npillars + 1) * SCORE_W + 9 <= COLS;
	return h->npillars + (vision && h->app->content->npillars);
}

/* The width of pillar p's column: its whole name when every name fits
 * with room left for the coach, else the short column. */
static int score_w(const struct history *h, int p)
{
	int total = COL_SCORES + COACH_MIN;
	for (int i = 0; i < score_cols(h); i++)
		total += utext_width(col_name(h, i)) + 2;
	if (total > COLS)
		return SCORE_W;
	int w = utext_width(col_name(h, p)) + 2;
	return w < SCORE_W ? SCORE_W : w;
}

static int score_x(const struct history *h, int p)
{
	int x = COL_SCORES;
	for (int i = 0; i < p; i++)
		x += score_w(h, i);
	return x;
}

static void list_header(struct history *h, struct app *app, int y)
{
	draw_text(app, y, COL_DAY, "Started", 10, UI_HEADING);
	draw_text(app, y, COL_KIND, "Kind", 8, UI_HEADING);
	draw_text(app, y, COL_STATUS, "Status", 8, UI_HEADING);
	for (int p = 0; p < score_cols(h); p++) {
		const char *name = col_name(h, p);
		if (score_w(h, p) > SCORE_W)
			draw_text(app, y, score_x(h, p), name, score_w(h, p) - 2,
				  UI_HEADING);
		else
			head_pillar(app, y, score_x(h, p), name);
	}
	int cx = score_x(h, score_cols(h));
	if (cx + 8 < COLS)
		draw_text(app, y, cx, "Coach", COLS - cx - 1, UI_HEADING);
}

static void session_draw_row(void *ud, struct app *app, const void *row,
			     int y, int x, int w, int selected)
{
	struct history *h = ud;
	const struct session_row *r = row;
	enum ui_style base = selected ? UI_SELECTED : UI_NORMAL;
	int open = r->status == STORE_SESSION_OPEN;
	/* "11-29 09:30": the year is the neighbours' too. */
	if (r->same_day && strlen(r->when) >= 16)
		draw_text(app, y, x + COL_DAY, r->when + 5, 11, base);
	else
		draw_text(app, y, x + COL_DAY, r->day, 10, base);
	draw_text(app, y, x + COL_KIND, store_kind_name(r->kind), 8, base);
	draw_text(app, y, x + COL_STATUS, store_status_name(r->status), 8,
		  selected ? base : open ? UI_WARN : UI_NORMAL);
	for (int p = 0; p < score_cols(h); p++) {
		char num[16];
		double v = r->score[p];
		/* Right-aligned in four cells, the blanks left plain: with
		 * eight colours amber has a black ground, which would join
		 * neighbouring columns into slabs. */
		snprintf(num, sizeof num, isnan(v) ? "-" : "%.0f", v);
		int len = (int)strlen(num);
		draw_text(app, y, x + score_x(h, p) + 4 - len, num, len,
			  selected ? base
			  : isnan(v) ? UI_DIM
				     : score_style(app, v));
	}
	int cx = x + score_x(h, score_cols(h));
	if (r->coach && cx + 8 < x + w)
		draw_text(app, y, cx, r->coach, x + w - cx, base);
}

/* The rows of the sessions list under the trends, their rule and the
 * column heads, and the filter's line when there is one. */
static int sessions_rows(struct history *h, const struct app *app)
{
	int nlines = h->npillars + (app->content->npillars > 0);
	int chart = trend_chart_rows(h);
	int y = 1 + (chart ? chart : 1 + nlines) +
		team_trends_rows(&h->team, app) + 2;
	int filter = list_filtering(h->sessions) || list_filter(h->sessions)[0];
	return LINES - 2 - y - filter;
}

static void history_show(struct screen *s, struct app *app)
{
	struct history *h = s->data;
	list_show(h->sessions, app, sessions_rows(h, app));
}

static void history_draw(struct screen *s, struct app *app)
{
	struct history *h = s->data;
	int y = 1;
	y += trends_draw(h, app, y);
	y += team_trends_draw(&h->team, app, y);
	char title[256];
	snprintf(title, sizeof title, "Sessions of %s, newest first", h->name);
	draw_rule(app, y++, title, NULL);
	list_header(h, app, y++);
	/* The rows history_show read for. */
	int list_h = sessions_rows(h, app);
	list_draw(h->sessions, app, y, 0, list_h, COLS);
	if (list_filtering(h->sessions) || list_filter(h->sessions)[0])
		list_filter_draw(h->sessions, app, y + list_h, 1, COLS - 2);
	if (!list_current(h->sessions) && !list_failed(h->sessions))
		draw_text(app, y, 2,
			  list_filter(h->sessions)[0]
				  ? "No session matches the filter."
				  : "No sessions yet: n on home starts one.",
			  COLS - 4, UI_DIM);
}

/* -------------------------------------------------------------- actions */

static struct intent history_open(struct history *h, struct app *app)
{
	const struct session_row *r = list_selected(h->sessions, app);
	if (!r)
		return intent_of(INTENT_NONE);
	return intent_push(summary_screen_new(app, r->id));
}

static struct intent history_resume(struct history *h, struct app *app)
{
	const struct session_row *r = list_selected(h->sessions, app);
	if (!r)
		return intent_of(INTENT_NONE);
	if (r->status != STORE_SESSION_OPEN) {
		app_status(app, 0, "That session is complete: Enter shows its "
				   "summary, m there reopens it.");
		return intent_of(INTENT_REDRAW);
	}
	return intent_push(session_screen_resume(app, r->id));
}

static int delete_save(void *ud, struct app *app,
		       const struct prompt_result *r)
{
	struct history *h = ud;
	struct error err = {0};
	(void)r;
	if (store_session_delete(app->store, h->deleting, &err) < 0) {
		app_status(app, 1, "not deleted: %s", err.msg);
		return -1;
	}
	app_status(app, 0, "Session deleted, with everything said in it.");
	return 0;
}

/* Deleting cannot be undone (the database wipes what it deletes), so
 * the word itself is asked for, not a key that could slip. */
static struct intent history_delete(struct history *h, struct app *app)
{
	const struct session_row *r = list_selected(h->sessions, app);
	if (!r)
		return intent_of(INTENT_NONE);
	char title[96];
	snprintf(title, sizeof title, "Delete the session of %s", r->day);
	h->deleting = r->id;
	return intent_push(confirm_delete_new(
		title,
		"Its answers, ratings, ladder, notes and the commitments made "
		"in it go for good; Esc keeps it.",
		delete_save, h, &h->confirm));
}

static struct intent history_act(struct screen *s, struct app *app, int id,
				 struct key key)
{
	struct history *h = s->data;
	struct list *l = h->sessions;
	if (list_filtering(l)) {
		list_filter_key(l, app, key);
		return intent_of(INTENT_REDRAW);
	}
	if (list_move_key(l, app, id, HI_MOVE))
		return intent_of(INTENT_REDRAW);
	switch (id) {
	case HI_OPEN:
		return history_open(h, app);
	case HI_RESUME:
		return history_resume(h, app);
	case HI_DELETE:
		return history_delete(h, app);
	case HI_SEARCH:
		list_filter_begin(l);
		break;
	case HI_BACK:
		if (key.ch == UI_KEY_ESC && list_filter(l)[0]) {
			list_filter_begin(l);
			list_filter_key(l, app, key);
			break;
		}
		return intent_of(INTENT_POP);
	case HI_HELP:
		return intent_push(help_screen_new(s));
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static int history_wants_text(const struct screen *s)
{
	const struct history *h = s->data;
	return list_filtering(h->sessions);
}

static void history_destroy(struct screen *s)
{
	struct history *h = s->data;
	if (h) {
		list_free(h->sessions);
		canvas_free(h->canvas);
		team_trends_clear(&h->team);
		prompt_result_clear(&h->confirm);
		free(h);
	}
	free(s);
}

static const struct list_ops sessions_ops = {
	.load = sessions_load,
	.draw_row = session_draw_row,
	.free_row = session_row_free,
	.load_near = sessions_near,
	.count = sessions_count,
};

static const struct screen_ops history_ops = {
	.title = "History",
	.purpose = "A person's sessions with the trend of each pillar; open "
	       "one to read its summary.",
	.actions = hist_actions,
	.enter = history_enter,
	.show = history_show,
	.draw = history_draw,
	.act = history_act,
	.wants_text = history_wants_text,
	.destroy = history_destroy,
};

struct screen *history_screen_new(struct app *app, int64_t person_id)
{
	struct store_person p;
	if (!app_person_get(app, person_id, &p))
		return NULL;
	struct screen *s = screen_alloc(&history_ops, sizeof(struct history));
	struct history *h = s ? s->data : NULL;
	if (h)
		h->sessions = list_new(&sessions_ops, h);
	if (!s || !h || !h->sessions) {
		store_person_clear(&p);
		screen_free(s);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	h->app = app;
	h->person_id = person_id;
	snprintf(h->name, sizeof h->name, "%s", p.name);
	store_person_clear(&p);
	const struct content *c = app->content;
	for (size_t i = 0; i < c->npillars && h->npillars < HIST_PILLARS; i++)
		if (!c->pillars[i].centre)
			h->pillar[h->npillars++] = i;
	return s;
}
