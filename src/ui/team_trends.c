/* team_trends.c - a person's team rounds on their history screen.
 *
 * One line per round, newest last, with the team's evidence for each
 * pillar, so the team's view can be followed from round to round beside
 * the leader's own trends above.  A round below the threshold says so
 * and shows no figure.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/content.h"
#include "core/store.h"
#include "core/team.h"
#include "core/teamview.h"
#include "ui/draw.h"
#include "ui/team_trends.h"

/* Rounds shown at most: the newest ones. */
#define TEAM_TRENDS_MAX 4

struct rounds {
	int64_t id[TEAM_TRENDS_MAX];
	size_t n, total;
};

static int on_round(const struct store_team_round *r, void *ud)
{
	struct rounds *rs = ud;
	/* Oldest first: keep a sliding window of the newest. */
	if (rs->n == TEAM_TRENDS_MAX) {
		memmove(rs->id, rs->id + 1, (TEAM_TRENDS_MAX - 1) * sizeof *rs->id);
		rs->n--;
	}
	rs->id[rs->n++] = r->id;
	rs->total++;
	return 0;
}

static void round_line(struct app *app, const struct teamview *v, int y)
{
	const struct content *c = app->content;
	char line[512];
	int n = snprintf(line, sizeof line, " %s  %-12.12s %3u resp. ",
			 v->round.day, v->round.label ? v->round.label : "",
			 v->round.responses);
	if (!v->result.shown) {
		snprintf(line + n, sizeof line - (size_t)n,
			 " figures withheld (fewer than %u)", v->result.min);
		draw_text(app, y, 0, line, COLS, UI_DIM);
		return;
	}
	for (size_t p = 0; p < c->npillars && n < (int)sizeof line - 16; p++) {
		const struct team_pillar *tp = &v->result.pillars[p];
		if (tp->shown)
			n += snprintf(line + n, sizeof line - (size_t)n,
				      " %.3s %.1f", c->pillars[p].name,
				      score_shown(tp->evidence));
		else
			n += snprintf(line + n, sizeof line - (size_t)n,
				      " %.3s -", c->pillars[p].name);
	}
	draw_text(app, y, 0, line, COLS, UI_NORMAL);
}

int team_trends_draw(struct app *app, int64_t person_id, int y)
{
	struct rounds rs = {0};
	struct error err = {0};
	unsigned min;
	if (!app->content || team_min_from_env(&min, &err) ||
	    store_team_rounds_each(app->store, person_id, on_round, &rs,
				   &err) ||
	    !rs.n)
		return 0;
	char extra[64];
	snprintf(extra, sizeof extra, "%zu rounds, the team's view per pillar",
		 rs.total);
	draw_rule(app, y, "Team rounds", extra);
	int used = 1;
	for (size_t i = 0; i < rs.n; i++) {
		struct teamview v;
		if (teamview_load_round(&v, app->store, app->content, rs.id[i],
					min, NULL, &err) == 0)
			round_line(app, &v, y + used++);
		teamview_clear(&v);
	}
	return used;
}
