/* radar.c - the pillar radar chart: checking the input, drawing it.
 * Where things go is decided in radar_layout.c. */
#include "config.h"

#include "core/radar.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/radar_layout.h"

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
		strcpy(buf, mode == CANVAS_ASCII ? "-" : "\u2013");
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

static void draw_polygon(struct layout *l, const double *v, double scale,
			 int every, enum canvas_style style, char ascii,
			 enum canvas_layer layer)
{
	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		double x0, y0, x1, y1;
		radar_layout_point(l, i, v ? v[i] : scale, &x0, &y0);
		radar_layout_point(l, j, v ? v[j] : scale, &x1, &y1);
		canvas_line(l->c, x0, y0, x1, y1, every, layer, style, ascii);
	}
}

static void draw_grid(struct layout *l)
{
	int ascii = l->mode == CANVAS_ASCII;

	for (int k = 1; k <= 5; k++)
		draw_polygon(l, NULL, k, ascii ? 4 : 3, CANVAS_STYLE_RING, '.',
			     CANVAS_LAYER_GRID);
	for (int i = 0; i < RADAR_AXES; i++) {
		double x, y;
		radar_layout_point(l, i, RADAR_MAX, &x, &y);
		canvas_line(l->c, l->cx, l->cy, x, y, ascii ? 3 : 2,
			    CANVAS_LAYER_GRID, CANVAS_STYLE_AXIS,
			    ascii ? '.' : 0);
	}
}

/* The shading: a sparse diagonal stipple with one dot in every cell, so
 * the grid under it is hidden.  In ASCII every cell gets a fill "dot" too,
 * shown as `.` in every other cell and as a blank in the rest. */
static void fill_dot(struct layout *l, int i, int j)
{
	if (l->mode == CANVAS_ASCII) {
		if (i % 2 == 0 && j % 4 == 1)
			canvas_dot(l->c, i, j, CANVAS_LAYER_FILL,
				   CANVAS_STYLE_FILL_A,
				   (i / 2 + j / 4) % 2 ? ' ' : '.');
	} else if (j % 2 == 1 && (i + j / 2) % 4 == 0) {
		canvas_dot(l->c, i, j, CANVAS_LAYER_FILL, CANVAS_STYLE_FILL_A,
			   '.');
	}
}

/* Shades the inside of series A with a sparse even pattern, row by row:
 * the polygon is star-shaped around the centre but not always convex, so
 * an even-odd scanline fill. */
static void draw_fill(struct layout *l, const double *v)
{
	double px[RADAR_AXES], py[RADAR_AXES], ylo = INFINITY, yhi = -INFINITY;

	for (int i = 0; i < RADAR_AXES; i++) {
		radar_layout_point(l, i, v[i], &px[i], &py[i]);
		ylo = fmin(ylo, py[i]);
		yhi = fmax(yhi, py[i]);
	}
	for (int j = (int)floor(ylo); j <= (int)floor(yhi); j++) {
		double y = j + 0.5, xs[RADAR_AXES];
		int n = 0;
		for (int i = 0; i < RADAR_AXES; i++) {
			int k = (i + 1) % RADAR_AXES;
			if ((py[i] <= y) == (py[k] <= y))
				continue;
			xs[n++] = px[i] +
				  (y - py[i]) / (py[k] - py[i]) * (px[k] - px[i]);
		}
		for (int a = 1; a < n; a++) /* n <= 5: insertion sort */
			for (int b = a; b > 0 && xs[b] < xs[b - 1]; b--) {
				double t = xs[b];
				xs[b] = xs[b - 1];
				xs[b - 1] = t;
			}
		for (int p = 0; p + 1 < n; p += 2)
			for (int i = (int)ceil(xs[p] - 0.5);
			     i + 0.5 <= xs[p + 1]; i++)
				fill_dot(l, i, j);
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

static void draw_series(struct layout *l, const struct radar_input *in)
{
	int ascii = l->mode == CANVAS_ASCII;

	if (in->nseries > 1) {
		const double *v = in->series[1].value;
		for (int i = 0; i < RADAR_AXES; i++) {
			int j = (i + 1) % RADAR_AXES;
			double x0, y0, x1, y1;
			radar_layout_point(l, i, v[i], &x0, &y0);
			radar_layout_point(l, j, v[j], &x1, &y1);
			canvas_line_pattern(l->c, x0, y0, x1, y1,
					    ascii ? 0x5555 : 0x3333,
					    CANVAS_LAYER_LINE,
					    CANVAS_STYLE_SERIES_B, '+');
		}
	}
	draw_fill(l, in->series[0].value);
	draw_polygon(l, in->series[0].value, 0, 1, CANVAS_STYLE_SERIES_A,
		     0, CANVAS_LAYER_LINE);
	for (int i = 0; i < RADAR_AXES; i++) {
		double x, y;
		radar_layout_point(l, i, in->series[0].value[i], &x, &y);
		if (ascii)
			canvas_put(l->c, (int)floor(x / 2), (int)floor(y / 4),
				   '*', CANVAS_STYLE_SERIES_A);
		else
			draw_marker(l, x, y, CANVAS_STYLE_SERIES_A);
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
		canvas_text(l->c, x, b->y + i, lw, lb->value,
			    strcmp(lb->value, "-") && strcmp(lb->value, "\u2013")
				    ? CANVAS_STYLE_VALUE
				    : CANVAS_STYLE_MISSING);
	}
}

static void draw_centre(struct layout *l, const struct radar_input *in,
			struct radar_box *out)
{
	char buf[16];
	double v = in->series[0].centre;
	int w, x, y;

	radar_format(v, 0, l->mode, buf);
	w = canvas_text_width(l->c, buf);
	x = (int)floor(l->cx / 2.0) - (w - 1) / 2;
	y = (int)floor(l->cy / 4.0);
	canvas_text(l->c, x, y, w, buf,
		    is_missing(v) ? CANVAS_STYLE_MISSING : CANVAS_STYLE_VALUE);
	*out = (struct radar_box){x, y, w, 1};
}

/* The legend: a swatch and name per series, then what the centre is.
 * Parts are dropped or cut from the end until the line fits. */
static void draw_legend(struct layout *l, const struct radar_input *in,
			struct radar_box *out)
{
	int ascii = l->mode == CANVAS_ASCII;
	const char *swatch[2] = {ascii ? "*" : "\u28ff",
				 ascii ? "++" : "\u2812\u2812"};
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
	draw_grid(&l);
	draw_series(&l, in);
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
