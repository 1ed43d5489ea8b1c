/* radar.c - the pillar radar chart: checking the input, drawing it.
 * Where things go is decided in radar_layout.c. */
#include "config.h"

#include "core/chart/radar.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/glyph.h"
#include "core/chart/radar_int.h"

static int is_missing(double v)
{
	return isnan(v);
}

char *radar_format(double v, int is_signed, enum canvas_mode mode,
		   char buf[16])
{
	int t;
	const char *sign = "";

	if (isnan(v)) {
		strcpy(buf, glyph_str(GLYPH_NO_VALUE, mode));
		return buf;
	}
	/* By hand, so a comma locale cannot change the bytes; clamped so
	 * the number always fits the buffer. */
	v = fmax(-99999.0, fmin(99999.0, v));
	t = (int)lround(v * 10.0);
	if (t < 0) {
		sign = "-";
		t = -t;
	} else if (is_signed && t > 0) {
		sign = "+";
	}
	snprintf(buf, 16, "%s%d.%d", sign, t / 10, t % 10);
	return buf;
}

static int value_ok(double v)
{
	return is_missing(v) || (v >= 0.0 && v <= RADAR_MAX);
}

int radar_check(const struct radar_input *in, struct error *err)
{
	if (in->nseries < 1 || in->nseries > 2)
		return error_set(err, ERROR_INPUT, "radar: %d series, want 1 "
				 "or 2", in->nseries);
	for (int i = 0; i < RADAR_AXES; i++)
		if (!in->axis_name[i])
			return error_set(err, ERROR_INPUT, "radar: axis %d has "
					 "no name", i + 1);
	for (int s = 0; s < in->nseries; s++) {
		const struct radar_series *se = &in->series[s];
		for (int i = 0; i < RADAR_AXES; i++)
			if (!value_ok(se->value[i]))
				return error_set(err, ERROR_INPUT,
						 "radar: series %d, axis %s: "
						 "value %g outside 0..5",
						 s + 1, in->axis_name[i],
						 se->value[i]);
		if (!value_ok(se->centre))
			return error_set(err, ERROR_INPUT, "radar: series %d, "
					 "centre: value %g outside 0..5",
					 s + 1, se->centre);
	}
	return 0;
}

void radar_point(const struct radar_layout *rl, int axis, double v,
		 double *dx, double *dy)
{
	double d = is_missing(v) ? 0.0 : rl->radius * v / RADAR_MAX;

	*dx = rl->cx + d * radar_ux[axis];
	*dy = rl->cy + d * radar_uy[axis];
}

/* ----------------------------------------------------------- drawing */

/* How the chart reads without colour, which is how it is most often seen
 * (NO_COLOR, a pasted email, --ascii), in order of weight:
 *
 *  - the current session: a solid outline two dots thick with a block on
 *    each value, the only heavy line on the chart;
 *  - the comparison: a thin dashed outline (four dots on, three off; in
 *    ASCII a `+` in every other cell), with a blank halo around it so the
 *    grid never runs into its gaps and it stays a line of dashes even
 *    where it runs along a ring;
 *  - the grid: single dots far apart, which read as faint paper and never
 *    as a line;
 *  - the shading inside the current session: no grid at all, and in
 *    Braille one dot in every fourth cell on a regular lattice.
 *
 * The shading used to be a dot in every cell and the grid ran under it:
 * three textures of single dots on top of one another, so neither outline
 * could be followed.  A blank inside is what makes the session read as one
 * filled shape against the dotted paper around it, and the lattice gives
 * it a tint that no line can be mistaken for.  ASCII has no room for a
 * tint, a `.` is already the grid's, so there the inside is left blank. */

#define B_DASH_ON 4
#define B_DASH_PERIOD 7
#define B_HALO 2.0 /* dots kept clear of the grid around the comparison */
#define CENTRE_NAME_COLS 12 /* the centre's name, cut beyond this */

/* A series' polygon in dot coordinates, with its bounding box: most dots
 * the masks are asked about lie outside it, and the box says so at once. */
struct poly {
	double x[RADAR_AXES], y[RADAR_AXES];
	double xlo, xhi, ylo, yhi;
};

static void poly_make(const struct layout *l, const double *v,
		      struct poly *p)
{
	p->xlo = p->xhi = l->cx;
	p->ylo = p->yhi = l->cy;
	for (int i = 0; i < RADAR_AXES; i++) {
		radar_layout_point(l, i, v[i], &p->x[i], &p->y[i]);
		p->xlo = fmin(p->xlo, p->x[i]);
		p->xhi = fmax(p->xhi, p->x[i]);
		p->ylo = fmin(p->ylo, p->y[i]);
		p->yhi = fmax(p->yhi, p->y[i]);
	}
}

static int poly_box(const struct poly *p, double x, double y, double d)
{
	return x >= p->xlo - d && x <= p->xhi + d && y >= p->ylo - d &&
	       y <= p->yhi + d;
}

/* Is point (x, y) inside the polygon?  It is star-shaped around the
 * centre, so it is enough to find the sector between two axes the point
 * lies in and the side of that sector's edge it is on. */
static int poly_inside(const struct layout *l, const struct poly *p,
		       double x, double y)
{
	double px = x - l->cx, py = y - l->cy;

	if (!poly_box(p, x, y, 0.0))
		return 0;
	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		/* Clockwise of axis i and anticlockwise of axis j (y grows
		 * downwards). */
		if (radar_ux[i] * py - radar_uy[i] * px < 0 ||
		    radar_ux[j] * py - radar_uy[j] * px > 0)
			continue;
		return (p->x[j] - p->x[i]) * (y - p->y[i]) -
			       (p->y[j] - p->y[i]) * (x - p->x[i]) >
		       0;
	}
	return 0;
}

/* Is point (x, y) nearer than d to the polygon's outline? */
static int poly_near(const struct poly *p, double x, double y, double d)
{
	if (!poly_box(p, x, y, d))
		return 0;
	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		double ex = p->x[j] - p->x[i], ey = p->y[j] - p->y[i];
		double len2 = ex * ex + ey * ey, t = 0.0, qx, qy;
		if ((x < p->x[i] - d && x < p->x[j] - d) ||
		    (x > p->x[i] + d && x > p->x[j] + d) ||
		    (y < p->y[i] - d && y < p->y[j] - d) ||
		    (y > p->y[i] + d && y > p->y[j] + d))
			continue;
		if (len2 > 0)
			t = fmax(0.0, fmin(1.0, ((x - p->x[i]) * ex +
						 (y - p->y[i]) * ey) / len2));
		qx = p->x[i] + t * ex - x;
		qy = p->y[i] + t * ey - y;
		if (qx * qx + qy * qy < d * d)
			return 1;
	}
	return 0;
}

/* Where the background (grid and shading) stays blank. */
struct mask {
	const struct poly *a; /* the current session: no grid inside */
	const struct poly *b; /* the comparison or NULL: a halo round it */
};

static int masked(const struct layout *l, const struct mask *m, int x,
		  int y, int grid)
{
	double px = x + 0.5, py = y + 0.5;

	if (!m)
		return 0;
	if (grid && poly_inside(l, m->a, px, py))
		return 1;
	return m->b && poly_near(m->b, px, py, B_HALO);
}

/* An ASCII line: from the cell of one end to the cell of the other, one
 * cell per step along the longer side (Bresenham), so it has neither gaps
 * nor doubled strokes.  A cell where the line moves on to the next row
 * (or column) shows the slant, the others `-` or `|`. */
static void stroke_cells(struct layout *l, double x0, double y0, double x1,
			 double y1, int on, int period, enum canvas_layer layer,
			 enum canvas_style style, char ascii,
			 const struct mask *m)
{
	int ax = (int)floor(x0 / 2.0), ay = (int)floor(y0 / 4.0);
	int bx = (int)floor(x1 / 2.0), by = (int)floor(y1 / 4.0);
	int flat = abs(bx - ax) >= abs(by - ay);

	/* Left to right (top to bottom when steep), so a run of `-` always
	 * ends in the slant that leads on: "--/" and never "/--". */
	if (flat ? bx < ax : by < ay) {
		int t = ax;
		ax = bx;
		bx = t;
		t = ay;
		ay = by;
		by = t;
	}
	int n = flat ? bx - ax : by - ay, d = flat ? by - ay : bx - ax;
	int sd = d < 0 ? -1 : 1;
	char slant = sd > 0 ? '\\' : '/';

	for (int i = 0, k = 0; i <= n; i++) {
		/* The minor coordinate of steps i and i + 1, rounded. */
		int mi = n ? (2 * i * d + sd * n) / (2 * n) : 0;
		int mn = n ? (2 * (i + 1) * d + sd * n) / (2 * n) : 0;
		int x = flat ? ax + i : ax + mi, y = flat ? ay + mi : ay + i;
		char ch = ascii;
		if (!ch)
			ch = i < n && mn != mi ? slant : flat ? '-' : '|';
		if (k++ % period < on && !masked(l, m, 2 * x, 4 * y + 1, 1))
			canvas_dot(l->c, 2 * x, 4 * y + 1, layer, style, ch);
	}
}

/* A line, on for `on` of every `period` steps and left out where the mask
 * says.  Steps are dots in Braille; in ASCII they are cells, since a cell
 * shows one character however many of its dots are set, and a pattern
 * counted in dots would come out solid. */
static void stroke(struct layout *l, double x0, double y0, double x1,
		   double y1, int on, int period, enum canvas_layer layer,
		   enum canvas_style style, char ascii, const struct mask *m)
{
	double dx = x1 - x0, dy = y1 - y0;
	int steps = (int)ceil(fmax(fabs(dx), fabs(dy)));

	if (l->mode == CANVAS_ASCII) {
		stroke_cells(l, x0, y0, x1, y1, on, period, layer, style,
			     ascii, m);
		return;
	}
	if (steps < 1)
		steps = 1;
	/* Counting dots, a sparse stroke can jump from dot to dot. */
	int skip = on == 1 ? period : 1;
	for (int i = 0; i <= steps; i += skip) {
		double t = (double)i / steps;
		int x = (int)floor(x0 + t * dx), y = (int)floor(y0 + t * dy);
		if (i % period < on && !masked(l, m, x, y, 1))
			canvas_dot(l->c, x, y, layer, style, ascii ? ascii : '.');
	}
}

/* Rings and spokes: a ring gets one dot in every four (every third cell
 * in ASCII) and always one on each axis, so the scale can still be
 * counted along a spoke; spokes start at ring 1, leaving the middle to
 * the centre score. */
static void draw_grid(struct layout *l, const struct mask *m)
{
	int ascii = l->mode == CANVAS_ASCII;

	for (int k = 1; k <= 5; k++)
		for (int i = 0; i < RADAR_AXES; i++) {
			int j = (i + 1) % RADAR_AXES;
			double x0, y0, x1, y1;
			radar_layout_point(l, i, k, &x0, &y0);
			radar_layout_point(l, j, k, &x1, &y1);
			stroke(l, x0, y0, x1, y1, 1, ascii ? 3 : 4,
			       CANVAS_LAYER_GRID, CANVAS_STYLE_RING, '.', m);
		}
	for (int i = 0; i < RADAR_AXES; i++) {
		double x0, y0, x1, y1;
		radar_layout_point(l, i, 1.0, &x0, &y0);
		radar_layout_point(l, i, RADAR_MAX, &x1, &y1);
		stroke(l, x0, y0, x1, y1, 1, ascii ? 3 : 4, CANVAS_LAYER_GRID,
		       CANVAS_STYLE_AXIS, ascii ? ':' : '.', m);
	}
}

/* The tint inside the current session: one dot in every fourth cell, on
 * a diagonal lattice fixed to the canvas, so it is even and the same from
 * one chart to the next.  Braille only. */
static void draw_tint(struct layout *l, const struct mask *m)
{
	const struct poly *a = m->a;
	int row0 = (int)floor(a->ylo / 4.0), row1 = (int)floor(a->yhi / 4.0);

	if (l->mode != CANVAS_UTF8)
		return;
	for (int cy = row0; cy <= row1; cy++)
		for (int cx = l->x0 + (4 - (l->x0 + 2 * cy) % 4) % 4;
		     cx < l->x0 + l->w; cx += 4) {
			int dx = 2 * cx, dy = 4 * cy + 1;
			if (poly_inside(l, a, dx + 0.5, dy + 0.5) &&
			    !masked(l, m, dx, dy, 0))
				canvas_dot(l->c, dx, dy, CANVAS_LAYER_FILL,
					   CANVAS_STYLE_FILL_A, '.');
		}
}

/* A 2 x 2 block of dots on a series point, so values stand out. */
static void draw_marker(struct layout *l, double x, double y,
			enum canvas_style style)
{
	int i = (int)floor(x - 0.5), j = (int)floor(y - 0.5);

	for (int dj = 0; dj < 2; dj++)
		for (int di = 0; di < 2; di++)
			canvas_dot(l->c, i + di, j + dj, CANVAS_LAYER_LINE,
				   style, '*');
}

/* The current session's outline, two dots thick in Braille: the edge and
 * a copy one dot further in, below or above a flat edge and beside a
 * steep one (an offset along the normal makes a ragged stroke). */
static void draw_outline_a(struct layout *l, const struct poly *a)
{
	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		double x0 = a->x[i], y0 = a->y[i], x1 = a->x[j], y1 = a->y[j];
		double ox = 0.0, oy = 0.0;
		stroke(l, x0, y0, x1, y1, 1, 1, CANVAS_LAYER_LINE,
		       CANVAS_STYLE_SERIES_A, 0, NULL);
		if (l->mode != CANVAS_UTF8)
			continue;
		if (fabs(x1 - x0) >= fabs(y1 - y0))
			oy = (y0 + y1) / 2.0 > l->cy ? -1.0 : 1.0;
		else
			ox = (x0 + x1) / 2.0 > l->cx ? -1.0 : 1.0;
		stroke(l, x0 + ox, y0 + oy, x1 + ox, y1 + oy, 1, 1,
		       CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_A, 0, NULL);
	}
}

static void draw_outline_b(struct layout *l, const struct poly *b)
{
	int ascii = l->mode == CANVAS_ASCII;

	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		stroke(l, b->x[i], b->y[i], b->x[j], b->y[j],
		       ascii ? 1 : B_DASH_ON, ascii ? 2 : B_DASH_PERIOD,
		       CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_B, '+', NULL);
	}
}

/* The comparison's point markers: a lozenge (`o` in ASCII), the shape
 * that tells it from the current session's blocks without colour. */
static void draw_marks_b(struct layout *l, const struct poly *b)
{
	uint32_t mark = glyph_cp(GLYPH_MARK_B, l->mode);

	for (int i = 0; i < RADAR_AXES; i++)
		canvas_put(l->c, (int)floor(b->x[i] / 2), (int)floor(b->y[i] / 4),
			   mark, CANVAS_STYLE_SERIES_B);
}

/* Everything but the text, lightest first: where two share a cell of a
 * layer, the later one's style wins, so the thin comparison is drawn over
 * the heavy current session and stays visible where they run together. */
static void draw_plot(struct layout *l, const struct radar_input *in)
{
	struct poly a, b;
	struct mask m = {&a, NULL};

	poly_make(l, in->series[0].value, &a);
	if (in->nseries > 1) {
		poly_make(l, in->series[1].value, &b);
		m.b = &b;
	}
	draw_grid(l, &m);
	draw_tint(l, &m);
	draw_outline_a(l, &a);
	for (int i = 0; i < RADAR_AXES; i++) {
		if (l->mode == CANVAS_ASCII)
			canvas_put(l->c, (int)floor(a.x[i] / 2),
				   (int)floor(a.y[i] / 4), '*',
				   CANVAS_STYLE_SERIES_A);
		else
			draw_marker(l, a.x[i], a.y[i], CANVAS_STYLE_SERIES_A);
	}
	if (m.b) {
		draw_outline_b(l, &b);
		draw_marks_b(l, &b);
	}
}

/* Is a cell only paper (grid, tint or blank), no series and no text? */
static int cell_quiet(const struct layout *l, int x, int y)
{
	struct canvas_glyph g;

	if (canvas_get(l->c, x, y, &g) != 0 ||
	    canvas_dots(l->c, x, y, CANVAS_LAYER_LINE))
		return 0;
	return g.style == CANVAS_STYLE_NONE || g.style == CANVAS_STYLE_RING ||
	       g.style == CANVAS_STYLE_AXIS || g.style == CANVAS_STYLE_FILL_A;
}

/* Numbers the rings 1..5 beside the top spoke, right of it or else left,
 * where the cell and both its neighbours are quiet: a number never hides
 * a point of either series nor sits where it would read as one of their
 * values. */
static void draw_scale(struct layout *l)
{
	int spoke = (int)floor(l->cx / 2.0);

	for (int k = 1; k <= 5; k++) {
		int y = (int)floor((l->cy - l->r * k / RADAR_MAX) / 4.0);
		for (int x = spoke + 1; x >= spoke - 1; x -= 2)
			if (cell_quiet(l, x - 1, y) && cell_quiet(l, x, y) &&
			    cell_quiet(l, x + 1, y)) {
				canvas_put(l->c, x, y, (uint32_t)('0' + k),
					   CANVAS_STYLE_RING);
				break;
			}
	}
}

static void draw_label(struct layout *l, int axis)
{
	const struct label *lb = &l->lab[axis];
	const struct radar_box *b = &l->box[axis];

	if (!b->w)
		return;
	for (int i = 0; i < lb->lines; i++) {
		int x = b->x, lw = lb->lw[i];
		if (radar_ux[axis] < -0.3)
			x += b->w - lw;
		else if (radar_ux[axis] <= 0.3)
			x += (b->w - lw) / 2;
		x += canvas_text(l->c, x, b->y + i, lw, lb->name[i],
				 CANVAS_STYLE_LABEL);
		if (i < lb->lines - 1)
			continue;
		if (lb->name[i][0])
			x += canvas_text(l->c, x, b->y + i, 1, " ",
					 CANVAS_STYLE_LABEL);
		x += canvas_text(
		    l->c, x, b->y + i, lw, lb->value,
		    strcmp(lb->value, glyph_str(GLYPH_NO_VALUE, l->mode))
			? CANVAS_STYLE_VALUE
			: CANVAS_STYLE_MISSING);
		if (lb->value_b[0]) {
			x += canvas_text(l->c, x, b->y + i, 1, " ",
					 CANVAS_STYLE_LABEL);
			canvas_text(l->c, x, b->y + i, lw, lb->value_b,
				    CANVAS_STYLE_SERIES_B);
		}
	}
}

/* The centre's name as the middle of the chart shows it: the short name,
 * else the last word of the full one with a capital ("Connection to
 * vision": "Vision"), which names the idea in most phrasings. */
static const char *centre_label(const struct radar_input *in,
				char word[NAME_BYTES])
{
	const char *name = in->centre_name, *sp;

	if (in->centre_short)
		return in->centre_short;
	if (!name)
		return NULL;
	sp = strrchr(name, ' ');
	snprintf(word, NAME_BYTES, "%s", sp && sp[1] ? sp + 1 : name);
	if (word[0] >= 'a' && word[0] <= 'z')
		word[0] = (char)(word[0] - 'a' + 'A');
	return word;
}

/* "Vision 3.0", and the comparison's "\u25ca2.0" after it, centred on
 * the middle of the chart. */
static void draw_centre(struct layout *l, const struct radar_input *in,
			struct radar_box *out)
{
	char num[16], vb[24], word[NAME_BYTES];
	const char *name = centre_label(in, word);
	double v = in->series[0].centre;
	int nw, w, x, y;

	radar_format(v, 0, l->mode, num);
	radar_value_b(in, in->nseries > 1 ? in->series[1].centre : NAN, l->mode,
		      vb);
	nw = name ? canvas_sanitize(name, CENTRE_NAME_COLS, l->mode, NULL, 0)
		  : 0;
	w = canvas_text_width(l->c, num) +
	    (vb[0] ? 1 + canvas_text_width(l->c, vb) : 0);
	/* The name goes first when the label would cover more than the
	 * third ring: a small chart keeps its middle readable, and the
	 * legend still says what the centre is. */
	if (nw && nw + 1 + w > (int)(0.6 * l->r))
		nw = 0;
	w += nw ? nw + 1 : 0;
	x = (int)floor(l->cx / 2.0) - (w - 1) / 2;
	y = (int)floor(l->cy / 4.0);
	*out = (struct radar_box){x, y, w, 1};
	/* Blank cells between the words, not grid dots. */
	for (int i = 0; i < w; i++)
		canvas_put(l->c, x + i, y, ' ', CANVAS_STYLE_NONE);
	if (nw)
		x += 1 + canvas_text(l->c, x, y, nw, name, CANVAS_STYLE_LABEL);
	x += canvas_text(l->c, x, y, w, num,
			 is_missing(v) ? CANVAS_STYLE_MISSING
				       : CANVAS_STYLE_VALUE);
	if (vb[0])
		canvas_text(l->c, x + 1, y, w, vb, CANVAS_STYLE_SERIES_B);
}

/* The legend: a swatch and name per series, then what the centre is.
 * Parts are dropped or cut from the end until the line fits. */
static void draw_legend(struct layout *l, const struct radar_input *in,
			struct radar_box *out)
{
	/* Each swatch is a short piece of its outline: heavy and solid,
	 * thin and dashed. */
	const char *swatch[2] = {glyph_str(GLYPH_SWATCH_A, l->mode),
				 glyph_str(GLYPH_SWATCH_B, l->mode)};
	const char *name[2] = {in->series[0].name ? in->series[0].name
						  : "current",
			       in->series[1].name ? in->series[1].name
						  : "comparison"};
	int sw[2], nw[2], cw = 0, total, cut, x, y = l->y0 + l->h - 1;
	char centre[NAME_BYTES + 16];

	snprintf(centre, sizeof centre, "centre: %s",
		 in->centre_name ? in->centre_name : "vision");
	for (int s = 0; s < 2; s++) {
		sw[s] = canvas_text_width(l->c, swatch[s]);
		nw[s] = canvas_text_width(l->c, name[s]);
		if (nw[s] > NAME_COLS)
			nw[s] = NAME_COLS;
	}
	total = sw[0] + 1 + nw[0];
	if (in->nseries > 1)
		total += 3 + sw[1] + 1 + nw[1];
	cw = canvas_text_width(l->c, centre);
	if (cw > NAME_COLS)
		cw = NAME_COLS;
	if (total + 3 + cw <= l->w)
		total += 3 + cw;
	else
		cw = 0;
	/* Still too wide: cut the names, the longer one first. */
	cut = total - l->w;
	while (cut > 0) {
		int s = (in->nseries > 1 && nw[1] > nw[0]) ? 1 : 0;
		if (nw[s] <= 1)
			break;
		nw[s]--;
		total--;
		cut--;
	}
	x = l->x0 + (l->w - total) / 2;
	if (x < l->x0)
		x = l->x0;
	*out = (struct radar_box){x, y, total, 1};
	for (int s = 0; s < in->nseries; s++) {
		if (s)
			x += 3;
		x += canvas_text(l->c, x, y, sw[s], swatch[s],
				 s ? CANVAS_STYLE_SERIES_B
				   : CANVAS_STYLE_SERIES_A);
		x += 1;
		x += canvas_text(l->c, x, y, nw[s], name[s],
				 CANVAS_STYLE_LEGEND);
	}
	if (cw)
		canvas_text(l->c, x + 3, y, cw, centre, CANVAS_STYLE_LEGEND);
}

int radar_draw(struct canvas *c, int x, int y, int w, int h,
	       const struct radar_input *in, struct radar_layout *out,
	       struct error *err)
{
	struct layout l;

	if (radar_check(in, err) < 0)
		return -1;
	if (w < RADAR_MIN_WIDTH || h < RADAR_MIN_HEIGHT)
		return error_set(err, ERROR_INPUT, "radar: %dx%d is too small, "
				 "it needs at least %dx%d", w, h,
				 RADAR_MIN_WIDTH, RADAR_MIN_HEIGHT);
	if (x < 0 || y < 0 || x + w > canvas_width(c) ||
	    y + h > canvas_height(c))
		return error_set(err, ERROR_INPUT, "radar: rectangle %dx%d at "
				 "%d,%d is outside the %dx%d canvas", w, h, x,
				 y, canvas_width(c), canvas_height(c));
	memset(&l.box, 0, sizeof l.box);
	l.c = c;
	l.mode = canvas_mode(c);
	l.x0 = x;
	l.y0 = y;
	l.w = w;
	l.h = h;
	l.top = y;
	l.bottom = y + h - 1; /* the last row is the legend's */
	radar_layout_solve(&l, in);

	canvas_clear_rect(c, x, y, w, h);
	draw_plot(&l, in);
	draw_scale(&l);
	for (int a = 0; a < RADAR_AXES; a++)
		draw_label(&l, a);
	if (out) {
		out->cx = l.cx;
		out->cy = l.cy;
		out->radius = l.r;
		memcpy(out->label, l.box, sizeof out->label);
		draw_centre(&l, in, &out->centre);
		draw_legend(&l, in, &out->legend);
	} else {
		struct radar_box dummy;
		draw_centre(&l, in, &dummy);
		draw_legend(&l, in, &dummy);
	}
	return 0;
}

char *radar_render(const struct radar_input *in, int w, int h,
		   enum canvas_mode mode, unsigned flags, struct error *err)
{
	struct canvas *c;
	char *s = NULL;

	if (w < RADAR_MIN_WIDTH || h < RADAR_MIN_HEIGHT) {
		error_set(err, ERROR_INPUT, "radar: %dx%d is too small, it "
			  "needs at least %dx%d", w, h, RADAR_MIN_WIDTH,
			  RADAR_MIN_HEIGHT);
		return NULL;
	}
	c = canvas_new(w, h, mode, err);
	if (!c)
		return NULL;
	if (radar_draw(c, 0, 0, w, h, in, NULL, err) == 0)
		s = canvas_render(c, flags, err);
	canvas_free(c);
	return s;
}
