/* team_trends.c - a person's team rounds on their history screen.
 *
 * One line per round, newest last, with the team's evidence for each
 * pillar, so the team's view can be followed from round to round beside
 * the leader's own trends above.  A round below the threshold says so
 * and shows no figure.  Once two rounds or more have figures, a last
 * line sketches each pillar's team evidence across them, as the
 * leader's own ratings are sketched when the screen is small.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/utext.h"
#include "core/chart/charts.h"
#include "core/content/content.h"
#include "core/store/store.h"
#include "core/coaching/team.h"
#include "core/coaching/teamview.h"
#include "ui/chart.h"
#include "ui/draw.h"
#include "ui/team_trends.h"

/* Rounds in the trend line at most, and the fewest cells a pillar's
 * sketch is worth drawing with. */
#define TEAM_TREND_ROUNDS 12
#define TEAM_TREND_MIN_CELLS 2

void team_trends_init(struct team_trends *tt)
{
	memset(tt, 0, sizeof *tt);
}

void team_trends_clear(struct team_trends *tt)
{
	for (size_t i = 0; i < tt->n; i++)
		teamview_clear(&tt->round[i]);
	teamview_trend_clear(&tt->trend);
	team_trends_init(tt);
}

struct rounds {
	int64_t id[TEAM_TRENDS_MAX];
	size_t n, total;
};

static int on_round(const struct store_team_round *r, void *ud)
{
	struct rounds *rs = ud;
	/* Oldest first: keep a sliding window of the newest. */
	if (rs->n == TEAM_TRENDS_MAX) {
		memmove(rs->id, rs->id + 1,
			(TEAM_TRENDS_MAX - 1) * sizeof *rs->id);
		rs->n--;
	}
	rs->id[rs->n++] = r->id;
	rs->total++;
	return 0;
}

/* A round that cannot be added up is left out of the list, as a round
 * with nothing to show; only the trend's failure is told. */
void team_trends_load(struct team_trends *tt, struct app *app,
		      int64_t person_id)
{
	struct rounds rs = {0};
	struct error err = {0};
	unsigned min;
	team_trends_clear(tt);
	if (!app->content || team_min_from_env(&min, &err) ||
	    store_team_rounds_each(app->store, person_id, on_round, &rs,
				   &err) ||
	    !rs.n)
		return;
	tt->total = rs.total;
	for (size_t i = 0; i < rs.n; i++) {
		struct teamview *v = &tt->round[tt->n];
		if (teamview_load_round(v, app->store, app->content, rs.id[i],
					min, NULL, &err) == 0)
			tt->n++;
		else
			teamview_clear(v);
	}
	err.msg[0] = 0;
	if (teamview_trend_load(&tt->trend, app->store, app->content, person_id,
				min, TEAM_TREND_ROUNDS, &err)) {
		app_status(app, 1, "%s", err.msg);
		teamview_trend_clear(&tt->trend);
	}
}

/* A pillar's name shortened to three columns ("Cla"), cut between whole
 * characters, never inside one. */
static void pillar_abbrev(const char *name, char out[32])
{
	size_t next;
	size_t n = utext_row(name, 3, &next);
	snprintf(out, 32, "%.*s", (int)n, name);
}

/* A round: its day, its label in twelve columns (cut by characters, not
 * bytes), its responses and each pillar's evidence, or why it has none. */
static void round_line(struct app *app, const struct teamview *v, int y)
{
	const struct content *c = app->content;
	enum ui_style style = v->result.shown ? UI_NORMAL : UI_DIM;
	char line[512];
	snprintf(line, sizeof line, " %s  ", v->round.day);
	int x = draw_text(app, y, 0, line, COLS, style);
	draw_text(app, y, x, v->round.label ? v->round.label : "", 12, style);
	x += 12;
	int n = snprintf(line, sizeof line, " %3u resp. ", v->round.responses);
	if (!v->result.shown)
		snprintf(line + n, sizeof line - (size_t)n,
			 " figures withheld (fewer than %u)", v->result.min);
	for (size_t p = 0;
	     v->result.shown && p < c->npillars && n < (int)sizeof line - 32;
	     p++) {
		const struct team_pillar *tp = &v->result.pillars[p];
		char name[32];
		pillar_abbrev(c->pillars[p].name, name);
		if (tp->shown)
			n += snprintf(line + n, sizeof line - (size_t)n,
				      " %s %.1f", name,
				      score_shown(tp->evidence));
		else
			n += snprintf(line + n, sizeof line - (size_t)n,
				      " %s -", name);
	}
	if (x < COLS)
		draw_text(app, y, x, line, COLS - x, style);
}

/* One pillar's sketch: its short name and the evidence across the
 * rounds in the team's style, k cells. */
static void trend_pillar(struct app *app, struct canvas *cv,
			 const struct teamview_trend *t, size_t p, size_t k,
			 int y, int x)
{
	char name[32];
	pillar_abbrev(app->content->pillars[p].name, name);
	draw_text(app, y, x, name, 3, UI_NORMAL);
	canvas_clear(cv);
	charts_sparkline(cv, 0, 0, (int)k, t->evidence + p * t->n, (int)t->n,
			 CONTENT_RATING_MIN, CONTENT_RATING_MAX,
			 CANVAS_STYLE_SERIES_B);
	chart_draw_rows(app, cv, 0, 1, y, x + 4, (int)k);
}

/* The cells of each pillar's sketch on the trend line, 0 when there is
 * no line: fewer than two rounds have figures, or the terminal is too
 * narrow for a sketch of each pillar.  head gets the line's start. */
static size_t trend_cells(const struct app *app, const struct teamview_trend *t,
			  char head[48], int *hw)
{
	const struct content *c = app->content;
	if (t->n < 2 || !c->npillars)
		return 0;
	*hw = snprintf(head, 48, " Trend, %zu rounds ", t->n);
	/* Per pillar: name, blank, sketch, two blanks. */
	int per = (COLS - *hw) / (int)c->npillars - 6;
	size_t k = per < 0 ? 0 : (size_t)per < t->n ? (size_t)per : t->n;
	return k < TEAM_TREND_MIN_CELLS ? 0 : k;
}

/* The trend line: 1 when drawn, 0 when there is none (trend_cells). */
static int trend_line(struct app *app, const struct teamview_trend *t, int y)
{
	const struct content *c = app->content;
	struct error err = {0};
	char head[48];
	int hw = 0;
	size_t k = trend_cells(app, t, head, &hw);
	if (!k)
		return 0;
	enum canvas_mode mode = draw_mode(app);
	struct canvas *cv = canvas_new((int)k, 1, mode, &err);
	if (!cv) {
		app_status(app, 1, "%s", err.msg);
		return 0;
	}
	draw_text(app, y, 0, head, hw, UI_DIM);
	for (size_t p = 0; p < c->npillars; p++)
		trend_pillar(app, cv, t, p, k, y, hw + (int)p * ((int)k + 6));
	canvas_free(cv);
	return 1;
}

int team_trends_rows(const struct team_trends *tt, const struct app *app)
{
	char head[48];
	int hw;
	if (!tt->total)
		return 0;
	return 1 + (int)tt->n + (trend_cells(app, &tt->trend, head, &hw) > 0);
}

int team_trends_draw(const struct team_trends *tt, struct app *app, int y)
{
	if (!tt->total)
		return 0;
	char extra[64];
	snprintf(extra, sizeof extra, "%zu rounds, the team's view per pillar",
		 tt->total);
	draw_rule(app, y, "Team rounds", extra);
	int used = 1;
	for (size_t i = 0; i < tt->n; i++)
		round_line(app, &tt->round[i], y + used++);
	return used + trend_line(app, &tt->trend, y + used);
}
