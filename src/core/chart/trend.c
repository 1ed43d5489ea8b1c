/* trend.c - the line chart of ratings over sessions. */
#include "config.h"

#include "core/chart/trend.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/glyph.h"
#include "core/chart/radar.h"

#define LEGEND_NAME_MAX 24  /* columns of a name in the legend beside */
#define LEGEND_RIGHT_MIN 60 /* charts this wide put the legend beside */
#define XLABEL_GAP 2

enum canvas_style trend_style(int k)
{
	static const enum canvas_style st[TREND_SERIES_MAX] = {
	    CANVAS_STYLE_SERIES_A, CANVAS_STYLE_SERIES_B, CANVAS_STYLE_SERIES_C,
	    CANVAS_STYLE_SERIES_D, CANVAS_STYLE_SERIES_E, CANVAS_STYLE_SERIES_F,
	};
	return k >= 0 && k < TREND_SERIES_MAX ? st[k] : CANVAS_STYLE_NONE;
}

int trend_check(const struct trend_input *in, struct error *err)
{
	if (in->nseries < 1 || in->nseries > TREND_SERIES_MAX)
		return error_set(err, ERROR_INPUT,
				 "trend: %d series, want 1 "
				 "to %d",
				 in->nseries, TREND_SERIES_MAX);
	if (in->n < 1 || in->n > TREND_POINTS_MAX)
		return error_set(err, ERROR_INPUT,
				 "trend: %d sessions, want "
				 "1 to %d",
				 in->n, TREND_POINTS_MAX);
	if (!(in->lo < in->hi) || in->lo != floor(in->lo) ||
	    in->hi != floor(in->hi) || in->hi - in->lo > 20)
		return error_set(err, ERROR_INPUT,
				 "trend: scale %g..%g is "
				 "not two whole numbers in order",
				 in->lo, in->hi);
	for (int k = 0; k < in->nseries; k++) {
		const struct trend_series *s = &in->series[k];
		if (!s->name || !s->value)
			return error_set(err, ERROR_INPUT,
					 "trend: series %d "
					 "has no name or values",
					 k + 1);
		for (int i = 0; i < in->n; i++)
			if (!isnan(s->value[i]) &&
			    (s->value[i] < in->lo || s->value[i] > in->hi))
				return error_set(err, ERROR_INPUT,
						 "trend: %s, session %d: "
						 "value %g outside %g..%g",
						 s->name, i + 1, s->value[i],
						 in->lo, in->hi);
	}
	return 0;
}

/* ------------------------------------------------------------ layout */

struct frame {
	struct canvas *c;
	const struct trend_input *in;
	int ascii;
	int x0, y0, w, h;
	int axis_x;	    /* the y axis column */
	int px, py, pw, ph; /* the plot area, cells */
	int legend_right, legend_w;
	double dx0, dx1;	/* dots of the first and last session */
	double dy_top, dy_span; /* dots of hi, and hi - lo */
	char mark[TREND_SERIES_MAX];
};

static int digits(double v)
{
	char buf[32];
	return snprintf(buf, sizeof buf, "%.0f", v);
}

static int mark_used(const struct frame *f, int k, char m)
{
	for (int j = 0; j < k; j++)
		if (f->mark[j] == m)
			return 1;
	return 0;
}

/* A series' mark: the initial of the first word of its name (of three
 * letters or more after the first) that no earlier series has taken, so
 * "Connection to vision" beside "Clarity" is V; 0 when none is free. */
static char mark_of(const struct frame *f, int k)
{
	const char *name = f->in->series[k].name;

	for (const char *w = name; *w; w++) {
		size_t len;
		char m;
		if (w != name && w[-1] != ' ')
			continue;
		len = strcspn(w, " ");
		m = *w >= 'a' && *w <= 'z' ? (char)(*w - 'a' + 'A') : *w;
		if ((w == name || len >= 3) && m >= 'A' && m <= 'Z' &&
		    !mark_used(f, k, m))
			return m;
	}
	return 0;
}

/* Each series' mark, or numbers for all when one has no letter free. */
static void marks_pick(struct frame *f)
{
	int clash = 0;

	for (int k = 0; k < f->in->nseries; k++) {
		f->mark[k] = mark_of(f, k);
		clash |= !f->mark[k];
	}
	if (clash)
		for (int k = 0; k < f->in->nseries; k++)
			f->mark[k] = (char)('1' + k);
}

static int legend_width(const struct frame *f)
{
	int name_w = 0;

	for (int k = 0; k < f->in->nseries; k++) {
		int nw = canvas_text_width(f->c, f->in->series[k].name);
		if (nw > name_w)
			name_w = nw;
	}
	if (name_w > LEGEND_NAME_MAX)
		name_w = LEGEND_NAME_MAX;
	/* gap, mark, blank, name, blank, latest value ("4.0") */
	return 2 + 2 + name_w + 1 + 3;
}

static void frame_make(struct frame *f)
{
	int below;

	f->legend_w = legend_width(f);
	f->legend_right = f->w >= LEGEND_RIGHT_MIN &&
			  f->w - f->legend_w >= TREND_MIN_WIDTH &&
			  f->h - 2 >= f->in->nseries;
	below = f->legend_right ? 0 : 1;
	f->axis_x = f->x0 + digits(f->in->hi) + 1;
	f->px = f->axis_x + 1;
	f->py = f->y0;
	f->pw = f->x0 + f->w - (f->legend_right ? f->legend_w : 0) - f->px;
	f->ph = f->h - 2 - below;
	/* A dot of margin at each end so end marks stay inside. */
	f->dx0 = 2.0 * f->px + 1.5;
	f->dx1 = 2.0 * (f->px + f->pw) - 1.5;
	f->dy_top = 4.0 * f->py + 1.5;
	f->dy_span = 4.0 * f->ph - 3.0;
	marks_pick(f);
}

static double point_x(const struct frame *f, int i)
{
	if (f->in->n == 1)
		return (f->dx0 + f->dx1) / 2.0;
	return f->dx0 + (f->dx1 - f->dx0) * i / (f->in->n - 1);
}

static double level_y(const struct frame *f, double v)
{
	return f->dy_top +
	       f->dy_span * (f->in->hi - v) / (f->in->hi - f->in->lo);
}

/* A series' point: its level moved by the series' offset, kept on the
 * plot (an offset at the top or bottom level would leave it). */
static double point_y(const struct frame *f, double v, double off)
{
	double y = level_y(f, v) + off;
	double lo = 4.0 * f->py, hi = 4.0 * (f->py + f->ph) - 0.5;
	return y < lo ? lo : y > hi ? hi : y;
}

/* Lines that coincide are drawn a dot apart, centred on the true level,
 * when the levels are far enough apart for that not to mislead (Braille
 * only: in ASCII a dot is a quarter of a row and would move whole rows). */
static double series_offset(const struct frame *f, int k)
{
	double per_level = f->dy_span / (f->in->hi - f->in->lo);

	if (f->ascii || per_level < 2.0 * f->in->nseries + 2.0)
		return 0.0;
	return k - (f->in->nseries - 1) / 2.0;
}

/* ------------------------------------------------------------ drawing */

static void draw_axes(struct frame *f)
{
	int base = f->py + f->ph; /* the x axis row */
	enum canvas_mode m = canvas_mode(f->c);

	for (int r = f->py; r < base; r++)
		canvas_put(f->c, f->axis_x, r, glyph_cp(GLYPH_RULE_V, m),
			   CANVAS_STYLE_AXIS);
	for (double v = f->in->lo; v <= f->in->hi; v += 1.0) {
		double dy = level_y(f, v);
		int row = (int)floor(dy / 4.0);
		char num[32];
		snprintf(num, sizeof num, "%.0f", v);
		canvas_text(f->c, f->axis_x - 1 - (int)strlen(num), row, 8, num,
			    CANVAS_STYLE_LABEL);
		canvas_put(f->c, f->axis_x, row, glyph_cp(GLYPH_AXIS_TEE, m),
			   CANVAS_STYLE_AXIS);
		/* A faint level line: a dot in four, a `.` in three cells. */
		canvas_line_pattern(f->c, f->dx0 - 1.0, dy, f->dx1 + 1.0, dy,
				    f->ascii ? 0x0001 : 0x1111,
				    CANVAS_LAYER_GRID, CANVAS_STYLE_RING, '.');
	}
	canvas_put(f->c, f->axis_x, base, glyph_cp(GLYPH_AXIS_CORNER, m),
		   CANVAS_STYLE_AXIS);
	for (int x = f->px; x < f->px + f->pw; x++)
		canvas_put(f->c, x, base, glyph_cp(GLYPH_BAR_EMPTY, m),
			   CANVAS_STYLE_AXIS);
	if (f->in->n > 1 && (f->dx1 - f->dx0) / (f->in->n - 1) < 4.0)
		return; /* sessions closer than two cells: no ticks */
	for (int i = 0; i < f->in->n; i++)
		canvas_put(f->c, (int)floor(point_x(f, i) / 2.0), base,
			   glyph_cp(GLYPH_AXIS_UP_TEE, m), CANVAS_STYLE_AXIS);
}

/* The session labels under the axis: the first and last always, others
 * centred on their point where they leave a gap to their neighbours. */
static void draw_xlabels(struct frame *f)
{
	const struct trend_input *in = f->in;
	int row = f->py + f->ph + 1, n = in->n;
	int left_end, right_start;

	if (!in->xlabel)
		return;
	int fx = (int)floor(point_x(f, 0) / 2.0);
	left_end = fx + canvas_text(f->c, fx, row, f->x0 + f->w - fx,
				    in->xlabel[0], CANVAS_STYLE_LEGEND);
	if (n < 2)
		return;
	int lw = canvas_text_width(f->c, in->xlabel[n - 1]);
	int lx = (int)floor(point_x(f, n - 1) / 2.0) + 1 - lw;
	if (lx < left_end + XLABEL_GAP)
		return;
	canvas_text(f->c, lx, row, lw, in->xlabel[n - 1], CANVAS_STYLE_LEGEND);
	right_start = lx;
	for (int i = 1; i < n - 1; i++) {
		int w = canvas_text_width(f->c, in->xlabel[i]);
		int x = (int)floor(point_x(f, i) / 2.0) - (w - 1) / 2;
		if (x < left_end + XLABEL_GAP ||
		    x + w + XLABEL_GAP > right_start)
			continue;
		left_end = x + canvas_text(f->c, x, row, w, in->xlabel[i],
					   CANVAS_STYLE_LEGEND);
	}
}

/* Sets the cell (cx, cy) of a series' ASCII line to ch. */
static void ascii_cell(struct frame *f, int cx, int cy, char ch, int k)
{
	canvas_dot(f->c, 2 * cx, 4 * cy, CANVAS_LAYER_LINE, trend_style(k), ch);
}

/* A line in ASCII is drawn in cells, not dots: one character per column
 * where it runs flatter than 1:1, '-' along a row and '/' or '\' where
 * it steps to the next, and one per row where it is steeper, '|' or a
 * slash where it steps sideways.  Dot by dot, each cell a steep stretch
 * touched showed a slash, which printed as runs of "///".  With dotted
 * set, every other cell is left out (a gap in the ratings). */
static void ascii_line(struct frame *f, double x0, double y0, double x1,
		       double y1, int dotted, int k)
{
	int c0 = (int)floor(x0 / 2.0), r0 = (int)floor(y0 / 4.0);
	int c1 = (int)floor(x1 / 2.0), r1 = (int)floor(y1 / 4.0);
	int dc = c1 - c0, dr = r1 - r0;
	int n = abs(dc) > abs(dr) ? abs(dc) : abs(dr);

	if (n == 0) {
		ascii_cell(f, c0, r0, '-', k);
		return;
	}
	for (int i = 0; i <= n; i++) {
		int c = c0 + (int)lround((double)i * dc / n);
		int r = r0 + (int)lround((double)i * dr / n);
		int nc = c0 + (int)lround((double)(i + 1) * dc / n);
		int nr = r0 + (int)lround((double)(i + 1) * dr / n);
		char ch;
		if (dotted && i % 2)
			continue;
		if (i == n) {
			nc = c;
			nr = r;
		}
		if (abs(dc) > abs(dr))
			ch = nr == r ? '-' : (nr < r) == (dc > 0) ? '/' : '\\';
		else
			ch = nc == c ? '|' : (nc > c) == (dr < 0) ? '/' : '\\';
		ascii_cell(f, c, r, ch, k);
	}
}

/* One series: solid between neighbouring sessions, dotted across
 * sessions without a rating. */
static void draw_line(struct frame *f, int k)
{
	const double *v = f->in->series[k].value;
	double off = series_offset(f, k);
	int prev = -1;

	for (int i = 0; i < f->in->n; i++) {
		if (isnan(v[i]))
			continue;
		if (prev >= 0 && f->ascii)
			ascii_line(f, point_x(f, prev), point_y(f, v[prev], off),
				   point_x(f, i), point_y(f, v[i], off),
				   i - prev > 1, k);
		else if (prev >= 0)
			canvas_line(f->c, point_x(f, prev),
				    point_y(f, v[prev], off), point_x(f, i),
				    point_y(f, v[i], off), i - prev > 1 ? 3 : 1,
				    CANVAS_LAYER_LINE, trend_style(k), 0);
		else
			canvas_dot(f->c, (int)floor(point_x(f, i)),
				   (int)floor(point_y(f, v[i], off)),
				   CANVAS_LAYER_LINE, trend_style(k), '*');
		prev = i;
	}
}

/* A plot cell no mark holds yet (marks are ASCII letters and digits;
 * lines are Braille, or punctuation in ASCII). */
static int mark_room(const struct frame *f, int cx, int cy)
{
	struct canvas_glyph g;
	if (cx < f->px || cx >= f->px + f->pw ||
	    canvas_get(f->c, cx, cy, &g) < 0)
		return 0;
	return !(g.cp < 128 && isalnum((int)g.cp));
}

/* Where a mark goes: at its point, or when lines meet there and another
 * mark has it, beside it (right first, then left), so that no mark hides
 * another and every line meeting there is named. */
static int mark_cell(const struct frame *f, int cx, int cy)
{
	for (int d = 0; d < TREND_SERIES_MAX; d++)
		if (mark_room(f, cx + d, cy))
			return cx + d;
	for (int d = 1; d < TREND_SERIES_MAX; d++)
		if (mark_room(f, cx - d, cy))
			return cx - d;
	return cx;
}

/* The series' mark on its points two cells apart or more, and always on
 * its newest point. */
static void draw_marks(struct frame *f, int k)
{
	const double *v = f->in->series[k].value;
	int spaced = f->in->n == 1 || (f->dx1 - f->dx0) / (f->in->n - 1) >= 4.0;
	int last = f->in->n - 1;

	while (last >= 0 && isnan(v[last]))
		last--;
	for (int i = 0; i <= last; i++) {
		if (isnan(v[i]) || (!spaced && i != last))
			continue;
		int cy =
		    (int)floor(point_y(f, v[i], series_offset(f, k)) / 4.0);
		int cx = mark_cell(f, (int)floor(point_x(f, i) / 2.0), cy);
		canvas_put(f->c, cx, cy, (uint32_t)(unsigned char)f->mark[k],
			   trend_style(k));
	}
}

static double latest(const struct trend_series *s, int n)
{
	for (int i = n - 1; i >= 0; i--)
		if (!isnan(s->value[i]))
			return s->value[i];
	return NAN;
}

/* Beside the plot: a row per series, mark, name and newest value. */
static void draw_legend_right(struct frame *f)
{
	int x = f->x0 + f->w - f->legend_w + 2;
	int name_w = f->legend_w - 2 - 2 - 1 - 3;

	for (int k = 0; k < f->in->nseries; k++) {
		char num[16];
		double v = latest(&f->in->series[k], f->in->n);
		int y = f->py + k;
		canvas_put(f->c, x, y, (uint32_t)(unsigned char)f->mark[k],
			   trend_style(k));
		canvas_text(f->c, x + 2, y, name_w, f->in->series[k].name,
			    CANVAS_STYLE_LABEL);
		radar_format(v, 0, canvas_mode(f->c), num);
		canvas_text(f->c, x + 2 + name_w + 1, y, 3, num,
			    isnan(v) ? CANVAS_STYLE_MISSING
				     : CANVAS_STYLE_VALUE);
	}
}

/* Under the chart: "C Clarity  T Trust..." with the names cut to share
 * the row evenly. */
static void draw_legend_below(struct frame *f)
{
	int ns = f->in->nseries, y = f->y0 + f->h - 1;
	int each = f->w / ns, x = f->x0;

	for (int k = 0; k < ns; k++, x += each) {
		canvas_put(f->c, x, y, (uint32_t)(unsigned char)f->mark[k],
			   trend_style(k));
		if (each > 4)
			canvas_text(f->c, x + 2, y, each - 4,
				    f->in->series[k].name, CANVAS_STYLE_LABEL);
	}
}

int trend_draw(struct canvas *c, int x, int y, int w, int h,
	       const struct trend_input *in, struct trend_layout *out,
	       struct error *err)
{
	struct frame f = {.c = c, .in = in, .x0 = x, .y0 = y, .w = w, .h = h};

	if (trend_check(in, err) < 0)
		return -1;
	if (w < TREND_MIN_WIDTH || h < TREND_MIN_HEIGHT)
		return error_set(err, ERROR_INPUT,
				 "trend: %dx%d is too small, "
				 "it needs at least %dx%d",
				 w, h, TREND_MIN_WIDTH, TREND_MIN_HEIGHT);
	if (x < 0 || y < 0 || x + w > canvas_width(c) ||
	    y + h > canvas_height(c))
		return error_set(err, ERROR_INPUT,
				 "trend: rectangle %dx%d at "
				 "%d,%d is outside the %dx%d canvas",
				 w, h, x, y, canvas_width(c), canvas_height(c));
	f.ascii = canvas_mode(c) == CANVAS_ASCII;
	frame_make(&f);
	canvas_clear_rect(c, x, y, w, h);
	draw_axes(&f);
	/* The first series last, so it is on top where lines cross. */
	for (int k = in->nseries - 1; k >= 0; k--)
		draw_line(&f, k);
	for (int k = in->nseries - 1; k >= 0; k--)
		draw_marks(&f, k);
	draw_xlabels(&f);
	if (f.legend_right)
		draw_legend_right(&f);
	else
		draw_legend_below(&f);
	if (out) {
		*out = (struct trend_layout){f.px, f.py,	   f.pw,
					     f.ph, f.legend_right, {0}};
		memcpy(out->mark, f.mark, sizeof out->mark);
	}
	return 0;
}

char *trend_render(const struct trend_input *in, int w, int h,
		   enum canvas_mode mode, unsigned flags, struct error *err)
{
	struct canvas *c;
	char *s = NULL;

	if (w < TREND_MIN_WIDTH || h < TREND_MIN_HEIGHT) {
		error_set(err, ERROR_INPUT,
			  "trend: %dx%d is too small, it "
			  "needs at least %dx%d",
			  w, h, TREND_MIN_WIDTH, TREND_MIN_HEIGHT);
		return NULL;
	}
	c = canvas_new(w, h, mode, err);
	if (!c)
		return NULL;
	if (trend_draw(c, 0, 0, w, h, in, NULL, err) == 0)
		s = canvas_render(c, flags, err);
	canvas_free(c);
	return s;
}
