/* charts.h - red-flag bars and trend sparklines on a text canvas.
 *
 * Bars show a red-flag score on the 0..4 frequency scale, one per row:
 *
 *     Vague updates       ━━━━━━━━━━━━━━━╸────┼───────┼──────  2.1
 *
 * the label, a track whose filled part has the colour of the score's band
 * (green, amber, red), ticks where the amber and red bands start (heavy
 * when the score has passed them), and the score.  A bar compared with
 * the team also marks the team's score on the same track (`◊`, `o` in
 * ASCII) and may say it in words after the status word:
 *
 *     Vague updates  ━━━━━━╸─┼──◊─┼────────  1.2 Fine  team 2.0 ±0.8
 *
 * The band thresholds come from the caller (the content's bands), never
 * from here.
 *
 * Sparklines show a pillar over a person's sessions, oldest left, newest
 * right, one cell per session (`▁▂▃▄▅▆▇█`; in ASCII a whole number on a
 * scale within 0..9 is its own digit, "23445", others `_.-=^`); a
 * missing value is a blank gap.
 *
 * Both draw into a caller's canvas so a report or a screen can compose them
 * with the radar; neither allocates.
 */
#ifndef OWNIT_CHARTS_H
#define OWNIT_CHARTS_H

#include "core/chart/canvas.h"
#include "core/base/error.h"

#define CHARTS_BAR_MAX 4.0 /* the top of the frequency scale */

/* One bar.  amber_at <= red_at, both within 0..CHARTS_BAR_MAX. */
struct charts_bar {
	const char *label; /* red flag title, sanitised before display */
	double score;      /* 0..CHARTS_BAR_MAX, NAN = not rated */
	double amber_at;   /* scores >= amber_at are amber */
	double red_at;     /* scores >= red_at are red */
	const char *note;  /* the status word after the score, in the
			    * band's style ("Act now"), or NULL; cut, never
			    * dropped, when the row is short */
	int has_team;	   /* 1: mark the team's score on the track */
	double team;	   /* the team's score, 0..CHARTS_BAR_MAX */
	const char *team_note; /* the team's figures in words, after the
				* status word; or NULL.  Shown whole only
				* where the track keeps TRACK_MIN cells
				* (8), else left out: the mark stays */
};

/* The band style of a score: CANVAS_STYLE_BAND_GREEN, _AMBER or _RED, or
 * CANVAS_STYLE_MISSING for NAN. */
enum canvas_style charts_band(double score, double amber_at, double red_at);

/* Draws n bars, one per row, from cell (x, y), w columns wide.  Labels
 * share a column as wide as the widest label (label_w > 0: that many
 * columns), and every status word is shown whole: the track shortens
 * first (to 8 cells), then the labels are cut (to a third of w), then the
 * status words (to six columns), with an ellipsis.  ERROR_INPUT naming the
 * bar when a score or threshold is out of range, or when w leaves no room
 * for a track of at least 8 cells. */
int charts_bars(struct canvas *c, int x, int y, int w, int label_w,
		const struct charts_bar *bars, int n, struct error *err);

/* The same bars for a column too narrow for labels beside the tracks:
 * each bar takes pitch rows from (x, y + pitch * i): its label, then its
 * track, then (pitch > 2) its team note under the track's start.  Every
 * track has the same length and scale, whatever its label. */
int charts_bars_stacked(struct canvas *c, int x, int y, int w, int pitch,
			const struct charts_bar *bars, int n,
			struct error *err);

/* Draws a sparkline of the last w of n values (oldest first) at (x, y),
 * scaled so lo is the lowest glyph and hi the highest; NAN is a gap.
 * Returns the cells used (min(n, w)).  lo < hi. */
int charts_sparkline(struct canvas *c, int x, int y, int w,
		     const double *values, int n, double lo, double hi,
		     enum canvas_style style);

#endif
