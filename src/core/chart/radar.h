/* radar.h - the pillar radar chart.
 *
 * Five axes, one per pillar, evenly spaced with the first pointing straight
 * up and the rest clockwise; dotted rings at 1..5, numbered along the top
 * spoke; each axis labelled outside the rim with its name and the current
 * value ("Clarity 3.8"); the centre score named in the middle ("Vision
 * 3.0"); one or two series (the current one a heavy solid outline over a
 * light tint, the comparison a thin dashed one with a lozenge on each
 * point, drawn over the current one, its values after the current ones in
 * every label: "Clarity 3.8 \u25ca3.0"); a legend line at the bottom.  The grid is
 * kept faint and out of the way of both outlines, so the chart reads
 * without colour (see radar.c).  A value v lies at v/5 of the radius on
 * its axis; a missing value (NAN) lies at the centre and is labelled with
 * a dash.
 *
 * The chart is drawn into a rectangle of a canvas, so a report can put it
 * beside or under other charts; radar_render() is the one-call version.
 * Geometry is computed on the canvas dot grid, whose dots are about square,
 * so the chart is round whatever the cell size.  Labels are shortened (and
 * at the very worst left out; the numbers table always has them) so that
 * they never overlap the plot, each other or the rectangle's edge.
 *
 * The input is plain data: callers fill it from the content model and the
 * store; this module knows nothing of either.
 */
#ifndef OWNIT_RADAR_H
#define OWNIT_RADAR_H

#include "core/chart/canvas.h"
#include "core/base/error.h"

#define RADAR_AXES 5
#define RADAR_MAX 5.0 /* the rim */
/* The smallest rectangle a radar fits in. */
#define RADAR_MIN_WIDTH 36
#define RADAR_MIN_HEIGHT 14

/* One set of scores.  Values run 0..RADAR_MAX; NAN means missing. */
struct radar_series {
	const char *name;           /* legend text, e.g. "This session" */
	double value[RADAR_AXES];   /* per axis, in axis order */
	double centre;              /* the centre score (vision) */
};

/* What to draw.  series[0] is the current one (series A, heavy);
 * series[1], when nseries is 2, the comparison (series B, dashed).
 * Strings are UTF-8 and are sanitised before display; short names are
 * optional (NULL: the full name is cut when space is short). */
struct radar_input {
	const char *axis_name[RADAR_AXES];  /* "Clarity", ... clockwise */
	const char *axis_short[RADAR_AXES]; /* "Trust", ... or NULL */
	const char *centre_name;            /* "Connection to vision" */
	const char *centre_short;           /* "Vision" (NULL: the name, cut) */
	struct radar_series series[2];
	int nseries;                        /* 1 or 2 */
};

/* A rectangle of cells, relative to the canvas; w == 0 means none. */
struct radar_box {
	int x, y, w, h;
};

/* Where things landed, for callers that annotate the chart and for tests.
 * Dot coordinates are continuous and relative to the whole canvas. */
struct radar_layout {
	double cx, cy;                      /* centre, in dots */
	double radius;                      /* rim, in dots */
	struct radar_box label[RADAR_AXES]; /* each axis label's cells */
	struct radar_box centre;            /* the centre score's cells */
	struct radar_box legend;            /* the legend line */
};

/* Checks an input: names present, nseries 1 or 2, values in 0..5 or NAN.
 * ERROR_INPUT naming the axis and series on failure. */
int radar_check(const struct radar_input *in, struct error *err);

/* Draws the chart into the rectangle (x, y, w, h) of c, which must lie
 * inside the canvas and be at least RADAR_MIN_WIDTH x RADAR_MIN_HEIGHT.
 * Cells of the rectangle are overwritten; nothing outside is touched.
 * Fills *out when not NULL.  Never allocates. */
int radar_draw(struct canvas *c, int x, int y, int w, int h,
	       const struct radar_input *in, struct radar_layout *out,
	       struct error *err);

/* The point of value v on axis i (0..RADAR_AXES-1) in dot coordinates,
 * for a layout filled by radar_draw.  NAN gives the centre. */
void radar_point(const struct radar_layout *l, int axis, double v,
		 double *dx, double *dy);

/* Renders a w x h chart to a malloc'd string (see canvas_render for
 * flags).  The caller frees it. */
char *radar_render(const struct radar_input *in, int w, int h,
		   enum canvas_mode mode, unsigned flags, struct error *err);

/* The numbers behind the chart as a malloc'd plain-text table: one row
 * per axis and one for the centre, columns pillar, each series' value and,
 * with two series, the difference (current minus comparison).  Missing
 * values show a dash.  Lines end in "\n"; at most 80 columns. */
char *radar_table(const struct radar_input *in, enum canvas_mode mode,
		  struct error *err);

/* The same at most cols columns wide (up to 80): the series headings
 * are cut, down to ten columns each, before the table is wider. */
char *radar_table_fit(const struct radar_input *in, enum canvas_mode mode,
		      int cols, struct error *err);

/* Formats v with one decimal and a '.' whatever the locale ("3.8"), or a
 * dash for NAN ("–", "-" in ASCII); signed adds '+' to positive values.
 * buf needs 16 bytes.  Returns buf. */
char *radar_format(double v, int is_signed, enum canvas_mode mode,
		   char buf[16]);

#endif
