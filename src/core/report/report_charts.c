/* report_charts.c - the report's charts: the red-flag bars, the pillar
 * radar with its numbers, and how they are laid out.
 *
 * A printed report stacks its sections.  A screen asks for them side by
 * side (report_options.beside) so a wide terminal is used: the sections of
 * each column are built into a report of the column's width, exactly as
 * they would be built alone, and the columns are then pasted cell by cell
 * into one canvas.  So there is one way to draw each section, whatever
 * the layout.
 */
#include "config.h"

#include "core/report/report_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart/charts.h"
#include "core/base/glyph.h"
#include "core/chart/radar.h"

/* Below this a flag's title and its bar no longer share a row. */
#define BARS_ONE_ROW 60
#define COLUMN_GAP 3
#define TABLE_WIDTH 70 /* the radar's table with its longest headings */

/* ------------------------------------------------------------ red flags */

/* Where a band of a kind starts (the amber and red thresholds). */
static double band_start(const struct content *c, const char *band,
			 double fallback)
{
	for (size_t i = 0; i < c->nbands; i++)
		if (c->bands[i].kind == CONTENT_BAND_FLAG &&
		    strcmp(c->bands[i].band, band) == 0)
			return c->bands[i].min;
	return fallback;
}

/* The status word of a bar: its band's label, so the bar reads without
 * colour. */
static const char *flag_status(const struct content *c,
			       const struct charts_bar *b)
{
	const struct content_band *band;

	if (isnan(b->score))
		return "not rated";
	band = content_band_for(c, CONTENT_BAND_FLAG, b->score);
	return band ? band->label : NULL;
}

void report_flag_bars(const struct content *c, const struct score_result *sr,
		      struct charts_bar *bars)
{
	double amber = band_start(c, "amber", 1.5),
	       red = band_start(c, "red", 2.5);
	if (red < amber)
		red = amber;
	for (size_t i = 0; i < c->nflags; i++) {
		bars[i].label = c->flags[i].title;
		/* Shown cut to one decimal, so the figure and its colour
		 * agree with the band of the exact score (score.h). */
		bars[i].score = sr->flags[i].has_score
				    ? score_shown(sr->flags[i].score)
				    : NAN;
		bars[i].amber_at = amber;
		bars[i].red_at = red;
		bars[i].note = flag_status(c, &bars[i]);
	}
}

/* The team's score as a second mark on each bar and its figures in
 * words, notes[f] holding them; a flag too few members answered keeps
 * neither, so nothing shows what a member or two said. */
static void flag_bars_team(struct build *b, struct charts_bar *bars,
			   char (*notes)[48])
{
	const char *pm = glyph_str(GLYPH_PLUS_MINUS, b->r->mode);
	for (size_t f = 0; f < b->c->nflags; f++) {
		char mean[16], spread[16];
		if (isnan(b->team_flag[f]))
			continue;
		bars[f].has_team = 1;
		bars[f].team = score_shown(b->team_flag[f]);
		radar_format(bars[f].team, 0, b->r->mode, mean);
		radar_format(score_shown(b->team_spread[f]), 0, b->r->mode,
			     spread);
		snprintf(notes[f], sizeof notes[f], "team %s %s%s", mean, pm,
			 spread);
		bars[f].team_note = notes[f];
	}
}

/* What the team's mark is, and which flags lack it. */
static int flags_team_key(struct build *b)
{
	size_t withheld = 0;
	for (size_t f = 0; f < b->c->nflags; f++)
		withheld += isnan(b->team_flag[f]);
	if (report_addf(b->r, CANVAS_STYLE_SERIES_B, "", "  ",
			"%s your team's score, %s its spread (0: all agree)",
			glyph_str(GLYPH_MARK_B, b->r->mode),
			glyph_str(GLYPH_PLUS_MINUS, b->r->mode)))
		return report_nomem(b);
	if (withheld &&
	    report_addf(b->r, CANVAS_STYLE_MISSING, "", "  ",
			"No team mark on %zu %s: too few members answered "
			"%s.",
			withheld, withheld == 1 ? "flag" : "flags",
			withheld == 1 ? "it" : "them"))
		return report_nomem(b);
	return 0;
}

/* What the tick marks on the tracks are. */
static int flags_key(struct build *b, double amber, double red)
{
	char a[16], rd[16];
	const struct content_band *ba =
	    content_band_for(b->c, CONTENT_BAND_FLAG, amber);
	const struct content_band *br =
	    content_band_for(b->c, CONTENT_BAND_FLAG, red);

	radar_format(amber, 0, b->r->mode, a);
	radar_format(red, 0, b->r->mode, rd);
	return report_addf(b->r, CANVAS_STYLE_RING, "", "  ",
			   "%s marks where a band starts: %s from %s, %s "
			   "from %s",
			   glyph_str(GLYPH_TICK, b->r->mode),
			   ba ? ba->label : "amber", a, br ? br->label : "red",
			   rd)
		   ? report_nomem(b)
		   : 0;
}

/* Statements answered "no occasion / can't say", per red flag: they are
 * answered but not in the scores above, and a reader should know. */
static int no_occasion_line(struct build *b)
{
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	char list[1024];
	size_t n = 0, total = 0;
	list[0] = '\0';
	for (size_t f = 0; f < c->nflags; f++) {
		size_t k = sr->flags[f].no_occasion;
		if (!k || n >= sizeof list)
			continue;
		total += k;
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s %zu",
				      n ? ", " : "", c->flags[f].title, k);
	}
	if (!total)
		return 0;
	return report_addf(b->r, CANVAS_STYLE_NONE, "", "  ",
			   "No occasion / can't say (not scored): %s", list)
		   ? report_nomem(b)
		   : 0;
}

/* Whether any bar has the team's figures in words. */
static int any_team_note(const struct charts_bar *bars, int n)
{
	for (int i = 0; i < n; i++)
		if (bars[i].team_note)
			return 1;
	return 0;
}

/* The bars into a new canvas: one row each, or in a narrow column each
 * flag's title on a row of its own above its bar, so no title is cut,
 * and the team's figures (which the bar's row has no room for) on a row
 * below it. */
static struct canvas *bars_canvas(struct build *b, struct charts_bar *bars)
{
	struct report *r = b->r;
	int n = (int)b->c->nflags, stacked = r->width < BARS_ONE_ROW;
	int pitch = any_team_note(bars, n) ? 4 : 3;
	struct canvas *cv =
	    canvas_new(r->width, stacked ? pitch * n - 1 : n, r->mode, b->err);
	int rc = cv ? 0 : -1;
	if (cv && !stacked)
		rc = charts_bars(cv, 0, 0, r->width, 0, bars, n, b->err);
	else if (cv)
		rc = charts_bars_stacked(cv, 0, 0, r->width, pitch, bars, n,
					 b->err);
	if (rc) {
		canvas_free(cv);
		return NULL;
	}
	return cv;
}

static int sec_flags(struct build *b)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	size_t none = 0;
	for (size_t f = 0; f < c->nflags; f++)
		none += sr->flags[f].no_occasion;
	if (sr->nsignals == 0 && !none)
		return 0;
	const char *title = "Red flags (0 never .. 4 almost always)";
	/* A column too narrow for the scale's words keeps its numbers. */
	if (canvas_sanitize(title, -1, r->mode, NULL, 0) > r->width)
		title = "Red flags (0 .. 4)";
	if (report_heading(r, REPORT_SEC_FLAGS, title))
		return report_nomem(b);
	if (sr->nsignals == 0)
		return no_occasion_line(b); /* no bar has a score to draw */
	struct charts_bar *bars = calloc(c->nflags, sizeof *bars);
	char(*notes)[48] = calloc(c->nflags, sizeof *notes);
	if (!bars || !notes) {
		free(bars);
		free(notes);
		return report_nomem(b);
	}
	report_flag_bars(c, sr, bars);
	if (report_compares_team(b))
		flag_bars_team(b, bars, notes);
	struct canvas *cv = bars_canvas(b, bars);
	double amber = bars[0].amber_at, red = bars[0].red_at;
	free(bars);
	free(notes);
	if (!cv)
		return -1;
	if (report_add_canvas(r, cv))
		return report_nomem(b);
	if (flags_key(b, amber, red))
		return -1;
	if (report_compares_team(b) && flags_team_key(b))
		return -1;
	return no_occasion_line(b);
}

/* ---------------------------------------------------------------- radar */

/* The pillars drawn as axes: every one but the centre, in file order. */
static size_t axes_of(const struct content *c, size_t *axis, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < c->npillars; i++)
		if (i != c->centre && n < max)
			axis[n++] = i;
	return c->npillars ? c->npillars - 1 : 0;
}

static double self_of(const struct sessionfacts *f, size_t p)
{
	const struct score_pillar *sp = &f->score.pillars[p];
	return sp->rated ? (double)sp->self : NAN;
}

static double evidence_of(const struct sessionfacts *f, size_t p)
{
	const struct score_pillar *sp = &f->score.pillars[p];
	return sp->has_evidence ? sp->evidence : NAN;
}

/* The numbers without a chart (content with other than five pillars). */
static int pillar_list(struct build *b)
{
	const struct content *c = b->c;
	char v1[16], v2[16];
	for (size_t i = 0; i < c->npillars; i++)
		if (report_addf(
			b->r, CANVAS_STYLE_NONE, "  ", "    ",
			"%s: self %s, evidence %s", c->pillars[i].name,
			radar_format(self_of(&b->cur, i), 0, b->r->mode, v1),
			radar_format(evidence_of(&b->cur, i), 0, b->r->mode,
				     v2)))
			return report_nomem(b);
	return 0;
}

static int add_table(struct build *b, const struct radar_input *in)
{
	char *t = radar_table_fit(in, b->r->mode, b->r->width, b->err);
	if (!t)
		return -1;
	int rc = 0;
	for (char *p = t; *p && !rc;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		rc = report_add_wrapped(b->r, CANVAS_STYLE_NONE, "", "", p);
		p = nl ? nl + 1 : p + strlen(p);
	}
	free(t);
	return rc ? report_nomem(b) : 0;
}

/* Whether the session has anything to put on the radar. */
static int radar_wanted(const struct build *b)
{
	return b->cur.nratings > 0 || b->cur.score.nsignals > 0;
}

/* Fills in: this session's ratings (or, unrated, its evidence) against
 * the comparison the report was asked for.  prevname holds 64 bytes.
 * Returns 0, or -1 when the content has no five axes. */
static int radar_input_fill(const struct build *b, struct radar_input *in,
			    char *prevname)
{
	const struct content *c = b->c;
	size_t axis[RADAR_AXES];
	int rated = b->cur.nratings > 0;
	int evidence = b->cur.score.nsignals > 0;
	const struct sessionfacts *second = NULL;
	if (axes_of(c, axis, RADAR_AXES) != RADAR_AXES)
		return -1;
	memset(in, 0, sizeof *in);
	in->centre_name = c->pillars[c->centre].name;
	in->series[0].name = rated ? "This session" : "Red-flag evidence";
	if (report_compares_team(b)) {
		in->series[1].name = b->team_name;
	} else if (rated && report_compares_previous(b)) {
		snprintf(prevname, 64, "Previous %s", b->prev_day);
		in->series[1].name = prevname;
		second = &b->prev;
	} else if (rated && evidence) {
		in->series[1].name = "Red-flag evidence";
	}
	in->nseries = in->series[1].name ? 2 : 1;
	for (int a = 0; a < RADAR_AXES; a++) {
		size_t p = axis[a];
		in->axis_name[a] = c->pillars[p].name;
		in->series[0].value[a] =
		    rated ? self_of(&b->cur, p) : evidence_of(&b->cur, p);
		in->series[1].value[a] =
		    report_compares_team(b) ? b->team[p]
		    : second		    ? self_of(second, p)
					    : evidence_of(&b->cur, p);
	}
	in->series[0].centre = rated ? self_of(&b->cur, c->centre)
				     : evidence_of(&b->cur, c->centre);
	in->series[1].centre = report_compares_team(b) ? b->team[c->centre]
			       : second ? self_of(second, c->centre)
					: evidence_of(&b->cur, c->centre);
	return 0;
}

/* The chart's rows: in print about a third of the width, beside other
 * columns as tall as their width allows; never more than the rows a
 * screen gave for the chart and its heading. */
static int radar_height(const struct report *r)
{
	int h = r->beside ? r->width * 2 / 5 + 2 : r->width * 2 / 7;
	if (h > 24 && !r->beside)
		h = 24;
	if (r->radar_rows && h > r->radar_rows - 1)
		h = r->radar_rows - 1;
	return h < RADAR_MIN_HEIGHT ? RADAR_MIN_HEIGHT : h;
}

enum radar_part { RADAR_CHART = 1, RADAR_NUMBERS = 2 };

static int sec_radar(struct build *b, unsigned parts)
{
	struct report *r = b->r;
	struct radar_input in;
	char prevname[64];
	if (!radar_wanted(b))
		return 0;
	if ((parts & RADAR_CHART) &&
	    report_heading(r, REPORT_SEC_RADAR, "Pillars (1 .. 5)"))
		return report_nomem(b);
	if (radar_input_fill(b, &in, prevname))
		return parts & RADAR_NUMBERS ? pillar_list(b) : 0;
	if (parts & RADAR_CHART) {
		int h = radar_height(r);
		struct canvas *cv = canvas_new(r->width, h, r->mode, b->err);
		if (!cv)
			return -1;
		if (radar_draw(cv, 0, 0, r->width, h, &in, NULL, b->err)) {
			canvas_free(cv);
			return -1;
		}
		if (report_add_canvas(r, cv))
			return report_nomem(b);
	}
	if (!(parts & RADAR_NUMBERS))
		return 0;
	r->section = REPORT_SEC_RADAR;
	if ((parts & RADAR_CHART) && report_blank(r))
		return report_nomem(b);
	return add_table(b, &in);
}

/* -------------------------------------------------------------- columns */

/* A report of w columns to build one column into. */
static struct report *column_new(struct build *b, int w)
{
	struct report *col = calloc(1, sizeof *col);
	if (!col) {
		report_nomem(b);
		return NULL;
	}
	*col = (struct report){.width = w,
			       .mode = b->r->mode,
			       .radar_rows = b->r->radar_rows,
			       .sections = b->r->sections,
			       .compare = b->r->compare,
			       .beside = 1,
			       .has_prev = b->r->has_prev,
			       .has_team = b->r->has_team};
	memcpy(col->dot, b->r->dot, sizeof col->dot);
	return col;
}

/* Copies line l into row y of dst from column x, at most w columns. */
static void column_paste(struct canvas *dst, int x, int y, int w,
			 const struct report_line *l)
{
	if (!l->canvas) {
		canvas_text(dst, x, y, w, l->text, l->style);
		return;
	}
	for (int cx = 0; cx < canvas_width(l->canvas) && cx < w; cx++) {
		struct canvas_glyph g;
		if (canvas_get(l->canvas, cx, l->row, &g) ||
		    g.cp == CANVAS_CONT || (g.cp == ' ' && !g.style))
			continue;
		canvas_text(dst, x + cx, y, g.width, g.utf8, g.style);
	}
}

/* Adds the two columns side by side to b's report as one chart. */
static int columns_join(struct build *b, const struct report *left,
			const struct report *right)
{
	int h =
	    (int)(left->nlines > right->nlines ? left->nlines : right->nlines);
	int rx = left->width + COLUMN_GAP;
	if (h == 0)
		return 0;
	struct canvas *cv = canvas_new(b->r->width, h, b->r->mode, b->err);
	if (!cv)
		return -1;
	for (size_t i = 0; i < left->nlines; i++)
		column_paste(cv, 0, (int)i, left->width, &left->lines[i]);
	for (size_t i = 0; i < right->nlines; i++)
		column_paste(cv, rx, (int)i, right->width, &right->lines[i]);
	if (b->r->nlines && report_blank(b->r))
		return report_nomem(b);
	return report_add_canvas(b->r, cv) ? report_nomem(b) : 0;
}

/* Builds the left column with fill_left and the right with fill_right
 * (lw and rw columns wide) and joins them. */
static int columns(struct build *b, int lw, int rw,
		   int (*fill_left)(struct build *),
		   int (*fill_right)(struct build *))
{
	struct report *main = b->r;
	struct report *left = column_new(b, lw);
	struct report *right = left ? column_new(b, rw) : NULL;
	int rc = -1;
	if (left && right) {
		b->r = left;
		rc = fill_left(b);
		b->r = right;
		rc = rc ? rc : fill_right(b);
		b->r = main;
		rc = rc ? rc : columns_join(b, left, right);
	}
	b->r = main;
	report_free(left);
	report_free(right);
	return rc;
}

static int wanted(const struct build *b, enum report_section sec)
{
	return !b->r->sections || (b->r->sections & (1u << sec));
}

static int want_flags(struct build *b)
{
	return wanted(b, REPORT_SEC_FLAGS) ? sec_flags(b) : 0;
}

static int want_chart(struct build *b)
{
	return wanted(b, REPORT_SEC_RADAR) ? sec_radar(b, RADAR_CHART) : 0;
}

static int want_numbers(struct build *b)
{
	return wanted(b, REPORT_SEC_RADAR) ? sec_radar(b, RADAR_NUMBERS) : 0;
}

static int want_advice(struct build *b)
{
	if (wanted(b, REPORT_SEC_SIGNALS) && report_sec_signals(b))
		return -1;
	return wanted(b, REPORT_SEC_GAP) ? report_sec_gap(b) : 0;
}

/* Wide: the radar's numbers, the bars and the advice beside the radar,
 * where all of them have room for their labels. */
static int right_wide(struct build *b)
{
	return want_numbers(b) || want_flags(b) || want_advice(b) ? -1 : 0;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

int report_sec_charts(struct build *b)
{
	int w = b->r->width;
	int both = radar_wanted(b) && b->cur.score.nsignals > 0;
	if (b->r->beside && w >= REPORT_WIDE && radar_wanted(b)) {
		/* The right column as wide as the radar's table needs. */
		int lw =
		    clamp(w - COLUMN_GAP - TABLE_WIDTH, RADAR_MIN_WIDTH, 70);
		return columns(b, lw, w - lw - COLUMN_GAP, want_chart,
			       right_wide);
	}
	if (b->r->beside && w >= 76 && both) {
		int lw = clamp(w * 11 / 20, RADAR_MIN_WIDTH, 50);
		int rw = w - lw - COLUMN_GAP;
		if (columns(b, lw, rw > 60 ? 60 : rw, want_chart, want_flags))
			return -1;
		b->r->section = REPORT_SEC_RADAR;
		if (report_blank(b->r))
			return report_nomem(b);
		return want_numbers(b) || want_advice(b) ? -1 : 0;
	}
	if (want_flags(b))
		return -1;
	if (wanted(b, REPORT_SEC_RADAR) &&
	    sec_radar(b, RADAR_CHART | RADAR_NUMBERS))
		return -1;
	return want_advice(b);
}
