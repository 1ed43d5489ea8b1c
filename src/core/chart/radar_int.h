/* radar_int.h - what radar.c and radar_layout.c share: where the chart
 * and its labels go.
 *
 * radar.c draws, radar_layout.c decides the geometry: the radius and
 * centre, and each label's wording and box.  Shared only between the two;
 * everyone else uses core/chart/radar.h.
 */
#ifndef OWNIT_RADAR_INT_H
#define OWNIT_RADAR_INT_H

#include "core/chart/radar.h"

/* Axis directions, clockwise from straight up; y grows downwards. */
extern const double radar_ux[RADAR_AXES];
extern const double radar_uy[RADAR_AXES];

#define NAME_COLS 40 /* longest label name shown, in columns */
#define NAME_BYTES (NAME_COLS * 4 + 8)

/* A label made concrete: one or two lines, the values on the last (the
 * comparison's after its marker, empty with one series). */
struct label {
	char name[2][NAME_BYTES];
	char value[16];
	char value_b[24];
	int lines;
	int lw[2]; /* width of each line */
	int w;
};

/* The chart being laid out; cell coordinates are absolute. */
struct layout {
	struct canvas *c;
	enum canvas_mode mode;
	int x0, y0, w, h;
	int top, bottom;   /* rows labels may use: [top, bottom) */
	double cx, cy, r;
	int plot_lo[CANVAS_MAX], plot_hi[CANVAS_MAX];
	struct radar_box box[RADAR_AXES];
	struct label lab[RADAR_AXES];
};

/* Fills in the centre, radius, labels and their boxes for the rectangle
 * and input already set in l (c, mode, x0, y0, w, h, top, bottom). */
void radar_layout_solve(struct layout *l, const struct radar_input *in);

/* The comparison's value as shown beside the current one ("\u25ca3.0",
 * "o3.0" in ASCII); empty with one series. */
void radar_value_b(const struct radar_input *in, double v,
		   enum canvas_mode mode, char out[24]);

/* The point of value v (NAN: the centre) on an axis, in dots. */
void radar_layout_point(const struct layout *l, int axis, double v,
			double *x, double *y);

#endif
