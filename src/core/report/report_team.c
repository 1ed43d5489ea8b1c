/* report_team.c - the team's view beside the leader's, in the report.
 *
 * The round nearest the session (teamview.h) with the leader's figures
 * beside the team's, flag by flag and pillar by pillar, and the gap
 * between them either way.  Below the threshold the section says so and
 * shows no figure at all.
 */
#include "config.h"

#include "core/report/report_int.h"

#include <math.h>
#include <stdio.h>

#include "core/chart/radar.h"
#include "core/coaching/team.h"
#include "core/coaching/teamview.h"

/* A figure as the report shows it (cut to one decimal, so it never reads
 * as more than it is), or a dash; right-aligned in w columns by display
 * width (the dash is one column but three bytes). */
static const char *fig(struct report *r, int has, double v, int is_signed,
		       int w, char buf[32])
{
	char num[16];
	double shown = v < 0 ? -score_shown(-v) : score_shown(v);
	radar_format(has ? shown : NAN, is_signed, r->mode, num);
	int width = canvas_sanitize(num, -1, r->mode, NULL, 0);
	snprintf(buf, 32, "%*s%s", w > width ? w - width : 0, "", num);
	return buf;
}

/* Names longer than this are cut, so a row fits 80 columns. */
#define NAME_MAX_W 28

static int name_width(const struct content *c, struct report *r)
{
	int w = 8;
	for (size_t i = 0; i < c->nflags; i++) {
		int n = canvas_sanitize(c->flags[i].title, NAME_MAX_W, r->mode,
					NULL, 0);
		w = n > w ? n : w;
	}
	for (size_t i = 0; i < c->npillars; i++) {
		int n = canvas_sanitize(c->pillars[i].name, NAME_MAX_W, r->mode,
					NULL, 0);
		w = n > w ? n : w;
	}
	return w;
}

static int flag_row(struct build *b, const struct teamview *v, size_t f,
		    int namew)
{
	struct report *r = b->r;
	const struct score_flag *sf = &b->cur.score.flags[f];
	const struct team_flag *tf = &v->result.flags[f];
	char name[128], you[32], team[32], spread[32], gap[32];
	int w = canvas_sanitize(b->c->flags[f].title, NAME_MAX_W, r->mode,
				name, sizeof name);
	fig(r, sf->has_score, sf->score, 0, 4, you);
	fig(r, tf->fig.shown, tf->fig.mean, 0, 4, team);
	fig(r, tf->fig.shown, tf->fig.spread, 0, 4, spread);
	fig(r, tf->has_gap, tf->gap, 1, 5, gap);
	return report_addf(
		r, tf->side ? CANVAS_STYLE_BAND_RED : CANVAS_STYLE_NONE, "  ",
		"  ", "%s%*s  %s  %s  %s %-5s  %s%s%s", name, namew - w, "", you,
		team, spread,
		tf->fig.shown ? team_spread_word(tf->fig.spread) : "", gap,
		tf->side ? "  " : "", team_gap_words(tf->side));
}

static int pillar_row(struct build *b, const struct teamview *v, size_t p,
		      int namew)
{
	struct report *r = b->r;
	const struct score_pillar *sp = &b->cur.score.pillars[p];
	const struct team_pillar *tp = &v->result.pillars[p];
	char name[128], you[32], team[32], gap[32];
	int w = canvas_sanitize(b->c->pillars[p].name, NAME_MAX_W, r->mode,
				name, sizeof name);
	fig(r, sp->rated, sp->self, 0, 4, you);
	fig(r, tp->shown, tp->evidence, 0, 4, team);
	fig(r, tp->has_gap, tp->gap, 1, 5, gap);
	return report_addf(
		r, tp->side ? CANVAS_STYLE_BAND_RED : CANVAS_STYLE_NONE, "  ",
		"  ", "%s%*s  %s  %s  %10s  %s%s%s", name, namew - w, "", you,
		team, "", gap, tp->side ? "  " : "", team_gap_words(tp->side));
}

static int sec_figures(struct build *b, const struct teamview *v)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	int namew = name_width(c, r);
	if (report_add_wrapped(r, CANVAS_STYLE_NONE, "  ", "  ",
			       "Your answers beside your team's. Red flags "
			       "0 .. 4 (higher = more warning signs), pillars "
			       "1 .. 5; spread is how far the team's answers "
			       "differ (0 = all alike). A gap is marked when "
			       "one side sees it clearly more favourably.") ||
	    report_addf(r, CANVAS_STYLE_LABEL, "  ", "  ",
			"%-*s  %4s  %4s  %-10s  %5s", namew, "Red flag", "You",
			"Team", "Spread", "Gap"))
		return -1;
	for (size_t f = 0; f < c->nflags; f++)
		if (flag_row(b, v, f, namew))
			return -1;
	if (report_addf(r, CANVAS_STYLE_LABEL, "  ", "  ",
			"%-*s  %4s  %4s  %10s  %5s", namew, "Pillar", "You",
			"Team", "", "Gap"))
		return -1;
	for (size_t p = 0; p < c->npillars; p++)
		if (pillar_row(b, v, p, namew))
			return -1;
	size_t hidden = 0;
	for (size_t k = 0; k < c->nteam; k++)
		hidden += v->result.items[k].answered > 0 &&
			  !v->result.items[k].shown;
	if (hidden && report_addf(r, CANVAS_STYLE_MISSING, "  ", "  ",
				  "%zu statements fewer than %u members "
				  "answered are left out.",
				  hidden, v->result.min))
		return -1;
	return 0;
}

int report_sec_team(struct build *b)
{
	struct report *r = b->r;
	unsigned min;
	if (team_min_from_env(&min, b->err))
		return -1;
	struct teamview v;
	if (teamview_load_session(&v, b->s, b->c, &r->session, min,
				  &b->cur.score, b->err)) {
		teamview_clear(&v);
		return -1;
	}
	if (!v.has_round)
		return 0;
	int rc = report_heading(r, REPORT_SEC_TEAM, "Team view") ||
		 report_addf(r, CANVAS_STYLE_RING, "  ", "  ",
			     "Round of %s%s%s%s%u responses", v.round.day,
			     v.round.label ? report_dot(r) : "",
			     v.round.label ? v.round.label : "", report_dot(r),
			     v.round.responses);
	if (!rc && !v.result.shown)
		rc = report_addf(r, CANVAS_STYLE_MISSING, "  ", "  ",
				 "Fewer than %u responses: no team figure is "
				 "shown, so that no answer can be told apart.",
				 v.result.min);
	else if (!rc)
		rc = sec_figures(b, &v);
	teamview_clear(&v);
	return rc ? report_nomem(b) : 0;
}
