/* trend.h - a line chart of ratings over sessions.
 *
 * One line per series (a pillar) across the sessions, oldest left, newest
 * right, in Braille dots on a text canvas:
 *
 *     5 ┤                 ⢀⣀⣀T⣀⣀⡀                C Clarity            4
 *     4 ┤     ⣀⣀⣀⣀⡠⠔⠊⠉⠉⠉⠁      ⠈⠉⠑⠒⠤C            T Trust and openness 5
 *     3 ┤  C⠊⠉        ...                          ...
 *     1 ┼──┴────────┴────────┴──────────┴
 *         2026-06-14                2026-11-02
 *
 * Each series also has a mark, the first letter of its name (or a digit
 * when letters repeat), put on its points where they stand at least two
 * cells apart and always on its newest one: without colour, in NO_COLOR or
 * ASCII, the mark says which line is which, and the legend says what the
 * mark stands for.  Where lines meet at a point, their marks sit side by
 * side there, so every line through it is named.  Lines that would lie on top of each other (ratings are
 * whole numbers, so they often do) are drawn a dot or two apart when the
 * chart has room between its levels.
 *
 * The y axis runs from lo to hi with a label and a faint dotted line at
 * every whole number; the x axis has a tick per session when they are two
 * cells apart or more, and the first and last session's label under its
 * ends (and others where they fit).  The legend sits right of the plot
 * when the chart is wide enough and under it otherwise.
 *
 * Everything is drawn into a rectangle of a caller's canvas, so the TUI
 * and the command line show the same chart; nothing allocates but
 * trend_render.
 */
#ifndef OWNIT_TREND_H
#define OWNIT_TREND_H

#include "core/chart/canvas.h"
#include "core/base/error.h"

#define TREND_SERIES_MAX 6 /* one per series style, A to F */
#define TREND_POINTS_MAX 500
/* The smallest rectangle a chart fits in. */
#define TREND_MIN_WIDTH 24
#define TREND_MIN_HEIGHT 6

/* One line.  value has n entries (the input's n); NAN is a session
 * without this rating, which the line skips. */
struct trend_series {
	const char *name; /* legend text, sanitised before display */
	const double *value;
};

struct trend_input {
	const struct trend_series *series;
	int nseries;		   /* 1..TREND_SERIES_MAX */
	int n;			   /* sessions, 1..TREND_POINTS_MAX */
	double lo, hi;		   /* the scale, lo < hi, whole numbers */
	const char *const *xlabel; /* n labels (dates) or NULL */
};

/* Where the plot landed, for tests. */
struct trend_layout {
	int plot_x, plot_y, plot_w, plot_h; /* cells of the plot area */
	int legend_right;		    /* 1: beside the plot */
	char mark[TREND_SERIES_MAX];	    /* each series' mark */
};

/* The canvas style of series k: SERIES_A, SERIES_B, then C to F. */
enum canvas_style trend_style(int k);

/* Checks an input: counts, scale, values in lo..hi or NAN.  ERROR_INPUT
 * naming the series and session on failure. */
int trend_check(const struct trend_input *in, struct error *err);

/* Draws the chart into the rectangle (x, y, w, h) of c, which must lie in
 * the canvas and be at least TREND_MIN_WIDTH x TREND_MIN_HEIGHT.  Fills
 * *out when not NULL. */
int trend_draw(struct canvas *c, int x, int y, int w, int h,
	       const struct trend_input *in, struct trend_layout *out,
	       struct error *err);

/* Renders a w x h chart to a malloc'd string (see canvas_render for
 * flags).  The caller frees it. */
char *trend_render(const struct trend_input *in, int w, int h,
		   enum canvas_mode mode, unsigned flags, struct error *err);

#endif
