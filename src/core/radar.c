/* radar.c - the pillar radar chart: geometry, plot and label layout.
 *
 * Everything is computed on the canvas dot grid, where dots are about
 * square, so a circle of radius R dots looks round.  Layout is a search:
 * start with the largest radius the height allows, try to place each label
 * near its vertex (full name first, shorter forms after), and shrink the
 * radius until every label finds room.  The plot's extent on each cell row
 * is known in closed form, so a placement test costs a few comparisons and
 * a whole chart renders in microseconds without allocating.
 */
#include "config.h"

#include "core/radar.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Axis directions, clockwise from straight up; y grows downwards. */
static const double axis_ux[RADAR_AXES] = {
	0.0, 0.9510565162951535, 0.5877852522924731, -0.5877852522924731,
	-0.9510565162951535};
static const double axis_uy[RADAR_AXES] = {
	-1.0, -0.3090169943749474, 0.8090169943749475, 0.8090169943749475,
	-0.3090169943749474};
/* How far below the centre the pentagon reaches, as a fraction of R. */
#define RADAR_BOTTOM 0.8090169943749475
/* Half the pentagon's width, as a fraction of R. */
#define RADAR_HALF_W 0.9510565162951535

#define NAME_COLS 40 /* longest label name shown, in columns */
#define NAME_BYTES (NAME_COLS * 4 + 8)

/* Ways to write a label, most informative first.  `level` says from which
 * search phase on a form may be used: 1 full forms only, 2 shortened, 3
 * just the value. */
enum form_kind { FORM_FULL, FORM_WRAP, FORM_SHORT, FORM_WORDS, FORM_CHARS,
		 FORM_VALUE };

struct form {
	enum form_kind kind;
	int param; /* words kept, or columns kept */
	int split; /* the value on a line of its own */
};

#define MAX_FORMS 48

/* A label made concrete: one or two lines, the value on the last. */
struct label {
	char name[2][NAME_BYTES];
	char value[16];
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

static double clamp_value(double v)
{
	return is_missing(v) ? 0.0 : v;
}

static void point(const struct layout *l, int axis, double v, double *x,
		  double *y)
{
	double d = l->r * clamp_value(v) / RADAR_MAX;

	*x = l->cx + d * axis_ux[axis];
	*y = l->cy + d * axis_uy[axis];
}

void radar_point(const struct radar_layout *rl, int axis, double v,
		 double *dx, double *dy)
{
	double d = rl->radius * clamp_value(v) / RADAR_MAX;

	*dx = rl->cx + d * axis_ux[axis];
	*dy = rl->cy + d * axis_uy[axis];
}

/* ------------------------------------------------------- plot extent */

/* The x range of the rim pentagon (grown by `grow` dots) over the band of
 * dot rows [ya, yb]; returns 0 when the band misses it.  The pentagon is
 * convex, so the range comes from the band's edges and the vertices in it. */
static int rim_span(const struct layout *l, double grow, double ya,
		    double yb, double *xa, double *xb)
{
	double vx[RADAR_AXES], vy[RADAR_AXES];
	double lo = INFINITY, hi = -INFINITY;
	double R = l->r + grow;

	for (int i = 0; i < RADAR_AXES; i++) {
		vx[i] = l->cx + R * axis_ux[i];
		vy[i] = l->cy + R * axis_uy[i];
		if (vy[i] >= ya && vy[i] <= yb) {
			lo = fmin(lo, vx[i]);
			hi = fmax(hi, vx[i]);
		}
	}
	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		double ys[2] = {ya, yb};
		for (int k = 0; k < 2; k++) {
			double y = ys[k], t;
			if ((y < vy[i] && y < vy[j]) ||
			    (y > vy[i] && y > vy[j]) || vy[i] == vy[j])
				continue;
			t = (y - vy[i]) / (vy[j] - vy[i]);
			lo = fmin(lo, vx[i] + t * (vx[j] - vx[i]));
			hi = fmax(hi, vx[i] + t * (vx[j] - vx[i]));
		}
	}
	if (lo > hi)
		return 0;
	*xa = lo;
	*xb = hi;
	return 1;
}

/* Which cells of each row the plot covers, so labels can keep off it. */
static void plot_extent(struct layout *l)
{
	for (int row = l->y0; row < l->y0 + l->h; row++) {
		double xa, xb;
		int i = row - l->y0;
		if (rim_span(l, 1.0, 4.0 * row, 4.0 * row + 4.0, &xa, &xb)) {
			l->plot_lo[i] = (int)floor(xa / 2.0);
			l->plot_hi[i] = (int)floor(xb / 2.0);
		} else {
			l->plot_lo[i] = 1;
			l->plot_hi[i] = 0;
		}
	}
}

/* --------------------------------------------------------- the labels */

static int text_cols(enum canvas_mode mode, const char *s)
{
	return canvas_sanitize(s, -1, mode, NULL, 0);
}

static const char *base_name(const struct radar_input *in, int axis)
{
	return in->axis_short[axis] ? in->axis_short[axis]
				    : in->axis_name[axis];
}

static int word_count(const char *s)
{
	int n = 0, in_word = 0;

	for (; *s; s++) {
		if (*s == ' ') {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			n++;
		}
	}
	return n;
}

/* The byte length of the first `words` words of s. */
static size_t words_len(const char *s, int words)
{
	int n = 0, in_word = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (s[i] == ' ') {
			if (in_word && n == words)
				return i;
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			n++;
		}
	}
	return i;
}

/* The forms worth trying for one axis, best first; every shortened form
 * comes in one line and with the value on a second line. */
static int forms_list(const struct radar_input *in, int axis,
		      enum canvas_mode mode, struct form *f)
{
	const char *full = in->axis_name[axis], *base = base_name(in, axis);
	int n = 0, words = word_count(base), bw;

	f[n++] = (struct form){FORM_FULL, 0, 0};
	if (word_count(full) > 1)
		f[n++] = (struct form){FORM_WRAP, 0, 0};
	f[n++] = (struct form){FORM_FULL, 0, 1};
	if (in->axis_short[axis]) {
		f[n++] = (struct form){FORM_SHORT, 0, 0};
		f[n++] = (struct form){FORM_SHORT, 0, 1};
	}
	for (int j = words - 1; j >= 1 && n < MAX_FORMS - 3; j--) {
		f[n++] = (struct form){FORM_WORDS, j, 0};
		f[n++] = (struct form){FORM_WORDS, j, 1};
	}
	bw = text_cols(mode, base);
	if (bw > NAME_COLS)
		bw = NAME_COLS;
	for (int k = bw - 1; k >= 3 && n < MAX_FORMS - 2; k--) {
		f[n++] = (struct form){FORM_CHARS, k, 0};
		f[n++] = (struct form){FORM_CHARS, k, 1};
	}
	f[n++] = (struct form){FORM_VALUE, 0, 0};
	return n;
}

static void label_measure(struct label *lb, enum canvas_mode mode)
{
	lb->w = 0;
	for (int i = 0; i < lb->lines; i++) {
		int w = text_cols(mode, lb->name[i]);
		if (i == lb->lines - 1)
			w += (w ? 1 : 0) + text_cols(mode, lb->value);
		lb->lw[i] = w;
		if (w > lb->w)
			lb->w = w;
	}
}

/* Splits full at the space nearest its middle into two lines. */
static void label_wrap(struct label *lb, const char *full,
		       enum canvas_mode mode)
{
	size_t len = strlen(full), best = 0, mid = len / 2;
	char tmp[NAME_BYTES];

	for (size_t i = 0; i < len; i++)
		if (full[i] == ' ' &&
		    (!best || labs((long)i - (long)mid) <
				      labs((long)best - (long)mid)))
			best = i;
	if (best >= sizeof tmp)
		best = sizeof tmp - 1;
	memcpy(tmp, full, best);
	tmp[best] = '\0';
	canvas_sanitize(tmp, NAME_COLS, mode, lb->name[0], NAME_BYTES);
	canvas_sanitize(full + best + 1, NAME_COLS, mode, lb->name[1],
			NAME_BYTES);
	lb->lines = 2;
}

static void label_make(const struct radar_input *in, int axis,
		       const struct form *f, enum canvas_mode mode,
		       struct label *lb)
{
	const char *base = base_name(in, axis);
	char tmp[NAME_BYTES];
	size_t n;

	lb->lines = 1;
	lb->name[0][0] = lb->name[1][0] = '\0';
	radar_format(in->series[0].value[axis], 0, mode, lb->value);
	switch (f->kind) {
	case FORM_FULL:
		canvas_sanitize(in->axis_name[axis], NAME_COLS, mode,
				lb->name[0], NAME_BYTES);
		break;
	case FORM_WRAP:
		label_wrap(lb, in->axis_name[axis], mode);
		break;
	case FORM_SHORT:
		canvas_sanitize(base, NAME_COLS, mode, lb->name[0],
				NAME_BYTES);
		break;
	case FORM_WORDS:
		n = words_len(base, f->param);
		if (n > sizeof tmp - 8)
			n = sizeof tmp - 8;
		memcpy(tmp, base, n);
		strcpy(tmp + n, mode == CANVAS_ASCII ? "~" : "\u2026");
		canvas_sanitize(tmp, NAME_COLS, mode, lb->name[0],
				NAME_BYTES);
		break;
	case FORM_CHARS:
		canvas_sanitize(base, f->param + 1, mode, lb->name[0],
				NAME_BYTES);
		break;
	case FORM_VALUE:
		break;
	}
	if (f->split && lb->lines == 1) {
		lb->lines = 2;
		lb->name[1][0] = '\0';
	}
	label_measure(lb, mode);
}

/* Can a label box sit at (x, y)?  Inside the rectangle, a blank column
 * away from the plot and two from labels already placed. */
static int box_free(const struct layout *l, int x, int y, int w, int h,
		    int placed)
{
	if (x < l->x0 || x + w > l->x0 + l->w || y < l->top ||
	    y + h > l->bottom)
		return 0;
	for (int row = y; row < y + h; row++) {
		int i = row - l->y0;
		if (l->plot_lo[i] <= l->plot_hi[i] &&
		    x <= l->plot_hi[i] + 1 && x + w >= l->plot_lo[i])
			return 0;
	}
	for (int k = 0; k < RADAR_AXES; k++) {
		const struct radar_box *b = &l->box[k];
		if (!(placed & (1 << k)) || b->w == 0)
			continue;
		if (y < b->y + b->h && y + h > b->y && x < b->x + b->w + 2 &&
		    x + w + 2 > b->x)
			return 0;
	}
	return 1;
}

/* Where to look for a label's box, as (dx, dy) cell offsets from the
 * ideal place, in order of cost 4 dx^2 + 16 dy^2 (a row is twice as far as
 * a column), ties by row (0, -1, 1, ...) then right before left.  A table,
 * because the search runs for every label of every render.  Made by a
 * throwaway script from |dx| <= 14, |dy| <= 3. */
static const signed char search[][2] = {
	{0, 0}, {1, 0}, {-1, 0}, {2, 0}, {-2, 0}, {0, -1}, {0, 1}, {1, -1},
	{-1, -1}, {1, 1}, {-1, 1}, {2, -1}, {-2, -1}, {2, 1}, {-2, 1}, {3, 0},
	{-3, 0}, {3, -1}, {-3, -1}, {3, 1}, {-3, 1}, {4, 0}, {-4, 0}, {0, -2},
	{0, 2}, {1, -2}, {-1, -2}, {1, 2}, {-1, 2}, {4, -1}, {-4, -1}, {4, 1},
	{-4, 1}, {2, -2}, {-2, -2}, {2, 2}, {-2, 2}, {5, 0}, {-5, 0}, {3, -2},
	{-3, -2}, {3, 2}, {-3, 2}, {5, -1}, {-5, -1}, {5, 1}, {-5, 1},
	{4, -2}, {-4, -2}, {4, 2}, {-4, 2}, {6, 0}, {-6, 0}, {0, -3}, {0, 3},
	{1, -3}, {-1, -3}, {1, 3}, {-1, 3}, {6, -1}, {-6, -1}, {6, 1},
	{-6, 1}, {2, -3}, {-2, -3}, {2, 3}, {-2, 3}, {5, -2}, {-5, -2},
	{5, 2}, {-5, 2}, {3, -3}, {-3, -3}, {3, 3}, {-3, 3}, {7, 0}, {-7, 0},
	{6, -2}, {-6, -2}, {6, 2}, {-6, 2}, {4, -3}, {-4, -3}, {4, 3},
	{-4, 3}, {7, -1}, {-7, -1}, {7, 1}, {-7, 1}, {5, -3}, {-5, -3},
	{5, 3}, {-5, 3}, {8, 0}, {-8, 0}, {7, -2}, {-7, -2}, {7, 2}, {-7, 2},
	{8, -1}, {-8, -1}, {8, 1}, {-8, 1}, {6, -3}, {-6, -3}, {6, 3},
	{-6, 3}, {8, -2}, {-8, -2}, {8, 2}, {-8, 2}, {9, 0}, {-9, 0}, {9, -1},
	{-9, -1}, {9, 1}, {-9, 1}, {7, -3}, {-7, -3}, {7, 3}, {-7, 3},
	{9, -2}, {-9, -2}, {9, 2}, {-9, 2}, {10, 0}, {-10, 0}, {8, -3},
	{-8, -3}, {8, 3}, {-8, 3}, {10, -1}, {-10, -1}, {10, 1}, {-10, 1},
	{10, -2}, {-10, -2}, {10, 2}, {-10, 2}, {9, -3}, {-9, -3}, {9, 3},
	{-9, 3}, {11, 0}, {-11, 0}, {11, -1}, {-11, -1}, {11, 1}, {-11, 1},
	{10, -3}, {-10, -3}, {10, 3}, {-10, 3}, {11, -2}, {-11, -2}, {11, 2},
	{-11, 2}, {12, 0}, {-12, 0}, {12, -1}, {-12, -1}, {12, 1}, {-12, 1},
	{11, -3}, {-11, -3}, {11, 3}, {-11, 3}, {12, -2}, {-12, -2}, {12, 2},
	{-12, 2}, {13, 0}, {-13, 0}, {13, -1}, {-13, -1}, {13, 1}, {-13, 1},
	{12, -3}, {-12, -3}, {12, 3}, {-12, 3}, {13, -2}, {-13, -2}, {13, 2},
	{-13, 2}, {14, 0}, {-14, 0}, {14, -1}, {-14, -1}, {14, 1}, {-14, 1},
	{13, -3}, {-13, -3}, {13, 3}, {-13, 3}, {14, -2}, {-14, -2}, {14, 2},
	{-14, 2}, {14, -3}, {-14, -3}, {14, 3}, {-14, 3},
};

/* Places one label near its vertex: the ideal box hangs off the vertex in
 * the axis direction; the free box nearest to it wins.  Returns how far
 * it had to move (a cost), or -1 when there is no room. */
static int label_place(struct layout *l, int axis, const struct label *lb,
		       int placed, struct radar_box *out)
{
	double ux = axis_ux[axis], uy = axis_uy[axis];
	double ax = l->cx + (l->r + 2.0) * ux, ay = l->cy + (l->r + 2.0) * uy;
	double left, top;
	int ix, iy;

	if (ux > 0.3)
		left = ax;
	else if (ux < -0.3)
		left = ax - 2.0 * lb->w;
	else
		left = ax - lb->w; /* centred: w cells are 2w dots */
	if (uy < -0.5)
		top = ay - 4.0 * lb->lines;
	else if (uy > 0.5)
		top = ay;
	else
		top = ay - 2.0 * lb->lines;
	ix = (int)lround(left / 2.0);
	iy = (int)lround(top / 4.0);
	/* Nearest first: the offsets are sorted by cost. */
	for (size_t k = 0; k < sizeof search / sizeof search[0]; k++) {
		int x = ix + search[k][0], y = iy + search[k][1];
		if (!box_free(l, x, y, lb->w, lb->lines, placed))
			continue;
		*out = (struct radar_box){x, y, lb->w, lb->lines};
		return 4 * search[k][0] * search[k][0] +
		       16 * search[k][1] * search[k][1];
	}
	return -1;
}

/* What a form gives up, in the same units as a placement's cost: a label
 * a little further from its vertex beats a shortened one. */
static int form_penalty(const struct form *f, int full_cols)
{
	int split = f->split ? 20 : 0;

	switch (f->kind) {
	case FORM_FULL:
		return split;
	case FORM_WRAP:
		return 12;
	case FORM_SHORT:
		return 40 + split;
	case FORM_WORDS:
		return 60 + split + 4 * (full_cols - f->param);
	case FORM_CHARS:
		return 100 + split + 4 * (full_cols - f->param);
	case FORM_VALUE:
		break;
	}
	return 1000;
}

/* The forms of every axis, and the labels made from the first few of
 * them: labels do not depend on the radius, so the radius search makes
 * each label once. */
#define CACHED_FORMS 8

struct forms {
	struct form form[RADAR_AXES][MAX_FORMS];
	int n[RADAR_AXES];
	int full[RADAR_AXES]; /* columns of the full name */
	struct label lab[RADAR_AXES][CACHED_FORMS];
	unsigned char made[RADAR_AXES][CACHED_FORMS];
	struct label spare;
};

static void forms_init(struct forms *fs, const struct radar_input *in,
		       enum canvas_mode mode)
{
	for (int a = 0; a < RADAR_AXES; a++) {
		fs->n[a] = forms_list(in, a, mode, fs->form[a]);
		fs->full[a] = text_cols(mode, in->axis_name[a]);
	}
	memset(fs->made, 0, sizeof fs->made);
}

static const struct label *forms_label(struct forms *fs,
				       const struct radar_input *in, int a,
				       int f, enum canvas_mode mode)
{
	struct label *lb = f < CACHED_FORMS ? &fs->lab[a][f] : &fs->spare;

	if (f >= CACHED_FORMS || !fs->made[a][f]) {
		label_make(in, a, &fs->form[a][f], mode, lb);
		if (f < CACHED_FORMS)
			fs->made[a][f] = 1;
	}
	return lb;
}

/* Places every label, each with the form and position of least cost, in
 * a fixed order (top, the upper pair, the lower pair).  Returns the total
 * cost, or -1 when some label found no room or the total reaches limit
 * (a better layout is already known). */
static int labels_place(struct layout *l, const struct radar_input *in,
			struct forms *fs, int limit)
{
	static const int order[RADAR_AXES] = {0, 1, 4, 2, 3};
	int placed = 0, total = 0;

	for (int k = 0; k < RADAR_AXES; k++) {
		int a = order[k], best = -1;
		struct radar_box box;

		for (int f = 0; f < fs->n[a]; f++) {
			int pen = form_penalty(&fs->form[a][f], fs->full[a]);
			const struct label *lb;
			int cost;
			if (best >= 0 && pen >= best)
				break;
			lb = forms_label(fs, in, a, f, l->mode);
			cost = label_place(l, a, lb, placed, &box);
			if (cost >= 0 && (best < 0 || cost + pen < best)) {
				best = cost + pen;
				l->lab[a] = *lb;
				l->box[a] = box;
			}
		}
		if (best < 0)
			return -1;
		total += best;
		if (total >= limit)
			return -1;
		placed |= 1 << a;
	}
	return total;
}

/* ------------------------------------------------------------ layout */

/* Puts the centre for radius r: centred in the rows between the top and
 * bottom label rows, on a dot centre so the chart is symmetric. */
static void layout_centre(struct layout *l, double r)
{
	double avail = 4.0 * (l->bottom - l->top - 2);
	double need = r * (1.0 + RADAR_BOTTOM) + 1.0;
	double top = 4.0 * (l->top + 1) + (avail - need) / 2.0;

	l->r = r;
	l->cx = 2.0 * l->x0 + l->w - 0.5;
	l->cy = floor(top + r) + 0.5;
	plot_extent(l);
}

static double radius_max(const struct layout *l)
{
	double by_h = (4.0 * (l->bottom - l->top - 2) - 1.0) /
		      (1.0 + RADAR_BOTTOM);
	double by_w = (2.0 * l->w - 24.0) / (2.0 * RADAR_HALF_W);

	return floor(fmin(by_h, by_w));
}

/* What giving up the whole radius would cost, against a label's cost:
 * shrinking by a tenth weighs about as much as cutting a name to a word. */
#define RADIUS_COST 1600
#define RADIUS_MIN_FRACTION 0.6

/* Finds the radius and label forms of least total cost: the radius given
 * up plus every label's distance from its vertex and shortening. */
static void layout_solve(struct layout *l, const struct radar_input *in)
{
	struct forms fs;
	int best = INT_MAX;
	double rmax = radius_max(l), rbest = -1.0;
	double rmin = floor(rmax * RADIUS_MIN_FRACTION);

	forms_init(&fs, in, l->mode);
	for (double r = rmax; r >= rmin; r -= 1.0) {
		int given_up = (int)(RADIUS_COST * (rmax - r) / rmax), cost;
		if (given_up >= best)
			break;
		layout_centre(l, r);
		cost = labels_place(l, in, &fs, best - given_up);
		if (cost >= 0 && given_up + cost < best) {
			best = given_up + cost;
			rbest = r;
		}
	}
	if (rbest >= 0) {
		/* Redo the winner: the search left the last try behind. */
		layout_centre(l, rbest);
		labels_place(l, in, &fs, INT_MAX);
		return;
	}
	/* Nothing fits: keep the smallest radius and leave out the labels
	 * that found no room (the numbers table has them). */
	layout_centre(l, rmin);
	for (int a = 0; a < RADAR_AXES; a++) {
		struct form v = {FORM_VALUE, 0, 0};
		int placed = 0;
		for (int k = 0; k < a; k++)
			placed |= l->box[k].w ? 1 << k : 0;
		label_make(in, a, &v, l->mode, &l->lab[a]);
		if (label_place(l, a, &l->lab[a], placed, &l->box[a]) < 0)
			l->box[a] = (struct radar_box){0, 0, 0, 0};
	}
}

/* ----------------------------------------------------------- drawing */

static void draw_polygon(struct layout *l, const double *v, double scale,
			 int every, enum canvas_style style, char ascii,
			 enum canvas_layer layer)
{
	for (int i = 0; i < RADAR_AXES; i++) {
		int j = (i + 1) % RADAR_AXES;
		double x0, y0, x1, y1;
		point(l, i, v ? v[i] : scale, &x0, &y0);
		point(l, j, v ? v[j] : scale, &x1, &y1);
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
		point(l, i, RADAR_MAX, &x, &y);
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
		point(l, i, v[i], &px[i], &py[i]);
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
			point(l, i, v[i], &x0, &y0);
			point(l, j, v[j], &x1, &y1);
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
		point(l, i, in->series[0].value[i], &x, &y);
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
		if (axis_ux[axis] < -0.3)
			x += b->w - lw;
		else if (axis_ux[axis] <= 0.3)
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
	layout_solve(&l, in);

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

/* ------------------------------------------------------ numbers table */

#define TABLE_NAME_COLS 30
#define TABLE_HEAD_COLS 14

struct table_buf {
	char *s;
	size_t len, cap;
	int failed;
};

static void tb_add(struct table_buf *t, const char *s, size_t n)
{
	if (t->failed)
		return;
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *p = realloc(t->s, cap);
		if (!p) {
			t->failed = 1;
			return;
		}
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void tb_pad(struct table_buf *t, int n)
{
	for (; n > 0; n--)
		tb_add(t, " ", 1);
}

/* A cell of `cols` columns: text sanitised, then padded on the left
 * (right-aligned numbers) or the right (names). */
static void tb_cell(struct table_buf *t, const char *text, int cols,
		    int right, enum canvas_mode mode)
{
	char buf[TABLE_NAME_COLS * 4 + 8];
	int w = canvas_sanitize(text, cols, mode, buf, sizeof buf);

	if (right)
		tb_pad(t, cols - w);
	tb_add(t, buf, strlen(buf));
	if (!right)
		tb_pad(t, cols - w);
}

static void tb_row(struct table_buf *t, const struct radar_input *in,
		   const char *name, int name_cols, const int *col,
		   const double *v, enum canvas_mode mode)
{
	char num[16];

	tb_cell(t, name, name_cols, 0, mode);
	for (int s = 0; s < in->nseries; s++) {
		tb_pad(t, 2);
		tb_cell(t, radar_format(v[s], 0, mode, num), col[s], 1, mode);
	}
	if (in->nseries > 1) {
		double d = (isnan(v[0]) || isnan(v[1])) ? NAN : v[0] - v[1];
		tb_pad(t, 2);
		tb_cell(t, radar_format(d, 1, mode, num), col[2], 1, mode);
	}
	tb_add(t, "\n", 1);
}

char *radar_table(const struct radar_input *in, enum canvas_mode mode,
		  struct error *err)
{
	struct table_buf t = {NULL, 0, 0, 0};
	const char *head[3];
	int name_cols = 6, col[3], n = in->nseries > 1 ? 3 : 1;
	double v[2];

	if (radar_check(in, err) < 0)
		return NULL;
	head[0] = in->series[0].name ? in->series[0].name : "Value";
	head[1] = in->series[1].name ? in->series[1].name : "Comparison";
	head[2] = "Difference";
	for (int i = 0; i <= RADAR_AXES; i++) {
		const char *name = i < RADAR_AXES ? in->axis_name[i]
						  : in->centre_name;
		int w = canvas_sanitize(name ? name : "", TABLE_NAME_COLS,
					mode, NULL, 0);
		if (w > name_cols)
			name_cols = w;
	}
	/* Each column as wide as its heading, numbers right-aligned. */
	for (int k = 0; k < n; k++) {
		col[k] = canvas_sanitize(head[k], TABLE_HEAD_COLS, mode, NULL,
					 0);
		if (col[k] < 5)
			col[k] = 5;
	}
	tb_cell(&t, "Pillar", name_cols, 0, mode);
	for (int k = 0; k < n; k++) {
		tb_pad(&t, 2);
		tb_cell(&t, head[k], col[k], 1, mode);
	}
	tb_add(&t, "\n", 1);
	for (int i = 0; i < RADAR_AXES; i++) {
		v[0] = in->series[0].value[i];
		v[1] = in->series[1].value[i];
		tb_row(&t, in, in->axis_name[i], name_cols, col, v, mode);
	}
	v[0] = in->series[0].centre;
	v[1] = in->series[1].centre;
	tb_row(&t, in, in->centre_name ? in->centre_name : "Centre",
	       name_cols, col, v, mode);
	if (t.failed || !t.s) {
		free(t.s);
		error_set(err, ERROR_RUNTIME, "radar table: out of memory");
		return NULL;
	}
	return t.s;
}
