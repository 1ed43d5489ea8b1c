/* radar_layout.c - the radar's geometry and label layout.
 *
 * Everything is computed on the canvas dot grid, where dots are about
 * square, so a circle of radius R dots looks round.  Layout is a search:
 * start with the largest radius the rectangle allows, place each label
 * near its vertex in the wording and position of least cost (a label moved
 * away from its vertex or shortened costs more), and shrink the radius
 * while that still pays.  The plot's extent on each cell row is known in
 * closed form, so a placement test costs a few comparisons and a whole
 * chart lays out in microseconds without allocating.
 */
#include "config.h"

#include "core/chart/radar_int.h"

#include "core/base/glyph.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const double radar_ux[RADAR_AXES] = {
	0.0, 0.9510565162951535, 0.5877852522924731, -0.5877852522924731,
	-0.9510565162951535};
const double radar_uy[RADAR_AXES] = {
	-1.0, -0.3090169943749474, 0.8090169943749475, 0.8090169943749475,
	-0.3090169943749474};
/* How far below the centre the pentagon reaches, as a fraction of R. */
#define RADAR_BOTTOM 0.8090169943749475
/* Half the pentagon's width, as a fraction of R. */
#define RADAR_HALF_W 0.9510565162951535

/* Ways to write a label, most informative first. */
enum form_kind { FORM_FULL, FORM_WRAP, FORM_SHORT, FORM_WORDS, FORM_CHARS,
		 FORM_VALUE };

struct form {
	enum form_kind kind;
	int param; /* words kept, or columns kept */
	int split; /* the value on a line of its own */
};

#define MAX_FORMS 48

void radar_layout_point(const struct layout *l, int axis, double v,
			double *x, double *y)
{
	double d = isnan(v) ? 0.0 : l->r * v / RADAR_MAX;

	*x = l->cx + d * radar_ux[axis];
	*y = l->cy + d * radar_uy[axis];
}

void radar_value_b(const struct radar_input *in, double v,
		   enum canvas_mode mode, char out[24])
{
	char num[16];

	out[0] = '\0';
	if (in->nseries < 2)
		return;
	snprintf(out, 24, "%s%s", glyph_str(GLYPH_MARK_B, mode),
		 radar_format(v, 0, mode, num));
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
		vx[i] = l->cx + R * radar_ux[i];
		vy[i] = l->cy + R * radar_uy[i];
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

/* The name a label falls back to when the full one does not fit: the
 * caller's short name, or else the first word of the full name, which for
 * the pillars is a name in its own right ("Trust", "Role-model",
 * "Feedback") and reads better than any name cut short with an ellipsis.
 * Copied into buf, which holds NAME_BYTES. */
static const char *short_name(const struct radar_input *in, int axis,
			      char *buf)
{
	const char *full = in->axis_name[axis];
	size_t n;

	if (in->axis_short[axis])
		return in->axis_short[axis];
	n = words_len(full, 1);
	while (*full == ' ') {
		full++;
		n--;
	}
	if (n >= NAME_BYTES)
		n = NAME_BYTES - 1;
	memcpy(buf, full, n);
	buf[n] = '\0';
	return buf;
}

/* The forms worth trying for one axis, best first; every shortened form
 * comes in one line and with the value on a second line. */
static int forms_list(const struct radar_input *in, int axis,
		      enum canvas_mode mode, struct form *f)
{
	const char *full = in->axis_name[axis], *given = in->axis_short[axis];
	char buf[NAME_BYTES];
	int n = 0, words = word_count(given ? given : full), bw;

	f[n++] = (struct form){FORM_FULL, 0, 0};
	if (word_count(full) > 1)
		f[n++] = (struct form){FORM_WRAP, 0, 0};
	f[n++] = (struct form){FORM_FULL, 0, 1};
	if (given || word_count(full) > 1) {
		f[n++] = (struct form){FORM_SHORT, 0, 0};
		f[n++] = (struct form){FORM_SHORT, 0, 1};
	}
	/* Leading words with an ellipsis; without a given short name the
	 * first word alone is the short form above. */
	for (int j = words - 1; j >= (given ? 1 : 2) && n < MAX_FORMS - 3;
	     j--) {
		f[n++] = (struct form){FORM_WORDS, j, 0};
		f[n++] = (struct form){FORM_WORDS, j, 1};
	}
	bw = text_cols(mode, short_name(in, axis, buf));
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
		if (i == lb->lines - 1) {
			w += (w ? 1 : 0) + text_cols(mode, lb->value);
			if (lb->value_b[0])
				w += 1 + text_cols(mode, lb->value_b);
		}
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
	const char *base = in->axis_short[axis] ? in->axis_short[axis]
						: in->axis_name[axis];
	char tmp[NAME_BYTES], sbuf[NAME_BYTES];
	size_t n;

	lb->lines = 1;
	lb->name[0][0] = lb->name[1][0] = '\0';
	radar_format(in->series[0].value[axis], 0, mode, lb->value);
	radar_value_b(in, in->nseries > 1 ? in->series[1].value[axis] : NAN,
		      mode, lb->value_b);
	switch (f->kind) {
	case FORM_FULL:
		canvas_sanitize(in->axis_name[axis], NAME_COLS, mode,
				lb->name[0], NAME_BYTES);
		break;
	case FORM_WRAP:
		label_wrap(lb, in->axis_name[axis], mode);
		break;
	case FORM_SHORT:
		canvas_sanitize(short_name(in, axis, sbuf), NAME_COLS, mode,
				lb->name[0], NAME_BYTES);
		break;
	case FORM_WORDS:
		n = words_len(base, f->param);
		if (n > sizeof tmp - 8)
			n = sizeof tmp - 8;
		memcpy(tmp, base, n);
		strcpy(tmp + n, glyph_str(GLYPH_ELLIPSIS, mode));
		canvas_sanitize(tmp, NAME_COLS, mode, lb->name[0],
				NAME_BYTES);
		break;
	case FORM_CHARS:
		canvas_sanitize(short_name(in, axis, sbuf), f->param + 1, mode,
				lb->name[0], NAME_BYTES);
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
	double ux = radar_ux[axis], uy = radar_uy[axis];
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
 * a little further from its vertex beats a shortened one, and a name cut
 * short with an ellipsis ("Role…", "Rol…") comes only after everything
 * else, a smaller chart included: it is what makes a chart unreadable at
 * a glance. */
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
		return 250 + split + 4 * (full_cols - f->param);
	case FORM_CHARS:
		return 350 + split + 4 * (full_cols - f->param);
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
		/* forms_list writes fs->form[a]; it reads nothing from it. */
		// cppcheck-suppress uninitvar
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
void radar_layout_solve(struct layout *l, const struct radar_input *in)
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
