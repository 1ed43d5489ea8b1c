/* test_radar.c - radar geometry, label layout, output and goldens.
 *
 * Golden files: tests/unit/golden/radar-*.txt hold the exact bytes of a
 * few charts (see golden.h to regenerate them). */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charthelp.h"
#include "core/chart/radar.h"
#include "golden.h"
#include "unit.h"

static const char *const names[RADAR_AXES] = {
	"Clarity", "Trust and openness", "Autonomy", "Feedback systems",
	"Role-model behaviours"};

static struct radar_input sample(int nseries)
{
	struct radar_input in = {
		.centre_name = "Connection to vision",
		.series = {{"This session", {3.8, 2.4, 3.0, 2.1, 4.0}, 3.5},
			   {"Previous", {3.1, 2.0, 3.4, 2.6, 3.5}, 3.0}},
		.nseries = nseries,
	};

	for (int i = 0; i < RADAR_AXES; i++)
		in.axis_name[i] = names[i];
	return in;
}

static struct canvas *draw(const struct radar_input *in, int w, int h,
			   enum canvas_mode mode, struct radar_layout *l)
{
	struct error err = {0};
	struct canvas *c = charthelp_canvas(w, h, mode);

	ck_assert_msg(radar_draw(c, 0, 0, w, h, in, l, &err) == 0,
		      "radar_draw: %s", err.msg);
	return c;
}

/* ------------------------------------------------------------ geometry */

START_TEST(test_point_geometry)
{
	struct radar_input in = sample(2);
	struct radar_layout l;
	struct canvas *c = draw(&in, 80, 24, CANVAS_UTF8, &l);
	double x, y, prev = -1.0;

	ck_assert(l.radius > 30.0);
	for (int a = 0; a < RADAR_AXES; a++) {
		radar_point(&l, a, 5.0, &x, &y);
		ck_assert_double_eq_tol(hypot(x - l.cx, y - l.cy), l.radius,
					1e-9);
		radar_point(&l, a, 0.0, &x, &y);
		ck_assert_double_eq_tol(x, l.cx, 1e-9);
		ck_assert_double_eq_tol(y, l.cy, 1e-9);
		radar_point(&l, a, NAN, &x, &y);
		ck_assert_double_eq_tol(hypot(x - l.cx, y - l.cy), 0.0, 1e-9);
		prev = -1.0;
		for (double v = 0.5; v <= 5.0; v += 0.5) {
			double d;
			radar_point(&l, a, v, &x, &y);
			d = hypot(x - l.cx, y - l.cy);
			ck_assert(d > prev);
			ck_assert_double_eq_tol(d, l.radius * v / 5.0, 1e-9);
			prev = d;
		}
	}
	/* The first axis points straight up. */
	radar_point(&l, 0, 5.0, &x, &y);
	ck_assert_double_eq_tol(x, l.cx, 1e-9);
	ck_assert_double_eq_tol(y, l.cy - l.radius, 1e-9);
	/* Evenly spaced: 72 degrees between neighbours. */
	for (int a = 0; a < RADAR_AXES; a++) {
		double x1, y1, x2, y2, ang;
		radar_point(&l, a, 5.0, &x1, &y1);
		radar_point(&l, (a + 1) % RADAR_AXES, 5.0, &x2, &y2);
		ang = acos(((x1 - l.cx) * (x2 - l.cx) +
			    (y1 - l.cy) * (y2 - l.cy)) /
			   (l.radius * l.radius));
		ck_assert_double_eq_tol(ang, 2.0 * M_PI / 5.0, 1e-9);
	}
	canvas_free(c);
}
END_TEST

/* The dots really are where the geometry says: the rim vertex (value 5)
 * and every series A point are set on the dot grid, the centre is
 * covered by the centre score. */
START_TEST(test_dots_on_grid)
{
	struct radar_input in = sample(1);
	struct radar_layout l;
	struct canvas *c;

	in.series[0].value[2] = 5.0;
	c = draw(&in, 80, 24, CANVAS_UTF8, &l);
	for (int a = 0; a < RADAR_AXES; a++) {
		double x, y;
		int dx, dy;
		unsigned bit;
		radar_point(&l, a, 5.0, &x, &y);
		dx = (int)floor(x);
		dy = (int)floor(y);
		/* Each cell is 2x4 dots; find the dot's bit. */
		static const unsigned bits[4][2] = {
			{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
		bit = bits[dy % 4][dx % 2];
		if (a == 2) {
			/* Value 5 on axis 2: series A sits on the rim. */
			ck_assert_uint_ne(canvas_dots(c, dx / 2, dy / 4,
						      CANVAS_LAYER_LINE) & bit,
					  0);
		} else {
			ck_assert_uint_ne(canvas_dots(c, dx / 2, dy / 4,
						      CANVAS_LAYER_GRID) & bit,
					  0);
		}
		radar_point(&l, a, in.series[0].value[a], &x, &y);
		ck_assert_uint_ne(canvas_dots(c, (int)floor(x) / 2,
					      (int)floor(y) / 4,
					      CANVAS_LAYER_LINE), 0);
	}
	ck_assert_int_eq(l.centre.y, (int)floor(l.cy / 4));
	ck_assert(l.centre.x <= (int)floor(l.cx / 2) &&
		  (int)floor(l.cx / 2) < l.centre.x + l.centre.w);
	canvas_free(c);
}
END_TEST

/* Round, not squashed: the plot's extent in dots matches a regular
 * pentagon, so its width over height is 1.902 / 1.809. */
START_TEST(test_round_proportions)
{
	struct radar_input in = sample(1);
	struct radar_layout l;
	struct canvas *c = draw(&in, 160, 48, CANVAS_UTF8, &l);
	double xl, yl, xr, yr, xt, yt, xb, yb;

	radar_point(&l, 4, 5.0, &xl, &yl);
	radar_point(&l, 1, 5.0, &xr, &yr);
	radar_point(&l, 0, 5.0, &xt, &yt);
	radar_point(&l, 2, 5.0, &xb, &yb);
	ck_assert_double_eq_tol((xr - xl) / (yb - yt),
				2 * sin(0.4 * M_PI) / (1 + cos(0.2 * M_PI)),
				1e-9);
	/* Mirror symmetric about the vertical axis. */
	ck_assert_double_eq_tol(l.cx - xl, xr - l.cx, 1e-9);
	canvas_free(c);
}
END_TEST

/* ---------------------------------------------------------- legibility */

static int in_rim(const struct radar_layout *l, double x, double y);

static const unsigned dot_bit[4][2] = {
	{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

static int dot_set(const struct canvas *c, int x, int y,
		   enum canvas_layer layer)
{
	return (canvas_dots(c, x / 2, y / 4, layer) & dot_bit[y % 4][x % 2]) !=
	       0;
}

/* Distance from (x, y) to the outline of values v. */
static double outline_dist(const struct radar_layout *l, const double *v,
			   double x, double y)
{
	double best = INFINITY;

	for (int a = 0; a < RADAR_AXES; a++) {
		double ax, ay, bx, by, ex, ey, t;
		radar_point(l, a, v[a], &ax, &ay);
		radar_point(l, (a + 1) % RADAR_AXES, v[(a + 1) % RADAR_AXES],
			    &bx, &by);
		ex = bx - ax;
		ey = by - ay;
		t = ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey);
		t = fmax(0.0, fmin(1.0, t));
		best = fmin(best, hypot(ax + t * ex - x, ay + t * ey - y));
	}
	return best;
}

/* Walks the outline of values v dot by dot as a line is drawn, counting
 * the dots set on the line layer. */
static void outline_count(const struct canvas *c,
			  const struct radar_layout *l, const double *v,
			  int *set, int *total)
{
	*set = *total = 0;
	for (int a = 0; a < RADAR_AXES; a++) {
		double x0, y0, x1, y1;
		int steps;
		radar_point(l, a, v[a], &x0, &y0);
		radar_point(l, (a + 1) % RADAR_AXES, v[(a + 1) % RADAR_AXES],
			    &x1, &y1);
		steps = (int)ceil(fmax(fabs(x1 - x0), fabs(y1 - y0)));
		/* Leave out the ends: the value markers are there. */
		for (int i = 2; i <= steps - 2; i++) {
			double t = (double)i / steps;
			(*total)++;
			*set += dot_set(c, (int)floor(x0 + t * (x1 - x0)),
					(int)floor(y0 + t * (y1 - y0)),
					CANVAS_LAYER_LINE);
		}
	}
}

/* Two outlines far apart, so each can be looked at alone. */
static struct radar_input apart(void)
{
	struct radar_input in = sample(2);

	for (int a = 0; a < RADAR_AXES; a++) {
		in.series[0].value[a] = 4.5;
		in.series[1].value[a] = 2.0;
	}
	return in;
}

/* Without colour the two series must still be told apart: the current
 * one a solid line, two dots thick; the comparison dashed. */
START_TEST(test_outlines_solid_and_dashed)
{
	struct radar_input in = apart();
	struct radar_layout l;
	struct canvas *c = draw(&in, 80, 24, CANVAS_UTF8, &l);
	double x0, y0, x1, y1;
	int set, total;

	outline_count(c, &l, in.series[0].value, &set, &total);
	ck_assert_int_gt(total, 100);
	ck_assert_int_eq(set, total);
	/* The bottom edge is flat: the dot above each of its dots (towards
	 * the centre) is set too. */
	radar_point(&l, 2, 4.5, &x0, &y0);
	radar_point(&l, 3, 4.5, &x1, &y1);
	for (int x = (int)floor(x1) + 2; x <= (int)floor(x0) - 2; x++) {
		ck_assert(dot_set(c, x, (int)floor(y0), CANVAS_LAYER_LINE));
		ck_assert(dot_set(c, x, (int)floor(y0) - 1,
				  CANVAS_LAYER_LINE));
	}
	/* Dashes: about four dots in seven, never solid, never sparse
	 * enough to pass for the grid. */
	outline_count(c, &l, in.series[1].value, &set, &total);
	ck_assert_int_gt(total, 50);
	ck_assert_msg(set * 10 >= total * 4 && set * 10 <= total * 7,
		      "comparison: %d of %d dots set", set, total);
	canvas_free(c);
}
END_TEST

/* The grid stays out of the way: none inside the current session, a
 * blank halo round the comparison, and single dots far apart elsewhere. */
START_TEST(test_grid_stays_quiet)
{
	struct radar_input in = apart();
	struct radar_layout l;
	struct canvas *c = draw(&in, 80, 24, CANVAS_UTF8, &l);
	double rim[RADAR_AXES] = {5, 5, 5, 5, 5};
	int grid = 0, fill = 0;

	for (int y = 0; y < 4 * 24; y++)
		for (int x = 0; x < 2 * 80; x++) {
			double px = x + 0.5, py = y + 0.5;
			struct radar_layout shrunk = l;
			if (dot_set(c, x, y, CANVAS_LAYER_FILL))
				fill++;
			if (!dot_set(c, x, y, CANVAS_LAYER_GRID))
				continue;
			grid++;
			ck_assert_msg(outline_dist(&l, in.series[1].value, px,
						   py) >= 2.0,
				      "grid dot %d,%d next to the comparison",
				      x, y);
			/* Inside the 4.5 outline means inside the rim of
			 * a chart 0.9 times the size. */
			shrunk.radius = l.radius * 0.9;
			ck_assert_msg(!in_rim(&shrunk, px, py) ||
					      outline_dist(&l, rim, px, py) <
						      1.0,
				      "grid dot %d,%d inside the session", x,
				      y);
		}
	/* Five rings and five spokes at one dot in four: well under a
	 * dot per cell of their length. */
	ck_assert_int_gt(grid, 40);
	ck_assert_int_lt(grid, (int)(2.0 * M_PI * l.radius));
	/* The tint: a dot in one cell of four inside the session at most. */
	ck_assert_int_gt(fill, 10);
	ck_assert_int_lt(fill, (int)(M_PI * l.radius * l.radius * 0.81 /
				     32.0));
	for (int y = 0; y < 24; y++)
		for (int x = 0; x < 80; x++) {
			unsigned m = canvas_dots(c, x, y, CANVAS_LAYER_FILL);
			ck_assert_uint_eq(m & (m - 1), 0); /* one dot */
		}
	canvas_free(c);
}
END_TEST

/* In ASCII each part keeps its own characters: the current session in
 * strokes and stars, the comparison in `+`, the grid in `.` and `:`; no
 * tint, since `.` is the grid's. */
START_TEST(test_ascii_parts_apart)
{
	struct radar_input in = apart();
	struct radar_layout l;
	struct canvas *c = draw(&in, 80, 24, CANVAS_ASCII, &l);
	int seen[CANVAS_STYLE_COUNT] = {0};

	for (int y = 0; y < 23; y++)
		for (int x = 0; x < 80; x++) {
			struct canvas_glyph g;
			ck_assert_int_eq(canvas_get(c, x, y, &g), 0);
			ck_assert_uint_eq(canvas_dots(c, x, y,
						      CANVAS_LAYER_FILL), 0);
			seen[g.style]++;
			switch (g.style) {
			case CANVAS_STYLE_SERIES_A:
				ck_assert_ptr_nonnull(strchr("-|/\\*", g.cp));
				break;
			case CANVAS_STYLE_SERIES_B:
				/* its line, points and values */
				ck_assert_ptr_nonnull(
					strchr("+o0123456789.", g.cp));
				break;
			case CANVAS_STYLE_RING: /* dots, ring numbers */
				ck_assert_ptr_nonnull(strchr(".12345", g.cp));
				break;
			case CANVAS_STYLE_AXIS:
				ck_assert_uint_eq(g.cp, ':');
				break;
			default:
				break;
			}
		}
	ck_assert_int_gt(seen[CANVAS_STYLE_SERIES_A], 30);
	ck_assert_int_gt(seen[CANVAS_STYLE_SERIES_B], 10);
	ck_assert_int_gt(seen[CANVAS_STYLE_RING], 20);
	ck_assert_int_gt(seen[CANVAS_STYLE_AXIS], 3);
	canvas_free(c);
}
END_TEST

/* ------------------------------------------------------------- labels */

static int boxes_overlap(const struct radar_box *a, const struct radar_box *b)
{
	return a->w && b->w && a->x < b->x + b->w && b->x < a->x + a->w &&
	       a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Is dot-space point (x, y) inside the rim pentagon? */
static int in_rim(const struct radar_layout *l, double x, double y)
{
	double px[RADAR_AXES], py[RADAR_AXES];

	for (int a = 0; a < RADAR_AXES; a++)
		radar_point(l, a, 5.0, &px[a], &py[a]);
	for (int a = 0; a < RADAR_AXES; a++) {
		int b = (a + 1) % RADAR_AXES;
		double cross = (px[b] - px[a]) * (y - py[a]) -
			       (py[b] - py[a]) * (x - px[a]);
		if (cross < 0) /* clockwise on screen: inside is >= 0 */
			return 0;
	}
	return 1;
}

static void check_labels(int w, int h, int nseries, enum canvas_mode mode)
{
	struct radar_input in = sample(nseries);
	struct radar_layout l;
	struct canvas *c = draw(&in, w, h, mode, &l);
	int shown = 0;

	for (int a = 0; a < RADAR_AXES; a++) {
		const struct radar_box *b = &l.label[a];
		if (!b->w)
			continue;
		shown++;
		ck_assert_msg(b->x >= 0 && b->y >= 0 && b->x + b->w <= w &&
				      b->y + b->h <= h - 1,
			      "%dx%d: label %d outside", w, h, a);
		for (int k = a + 1; k < RADAR_AXES; k++)
			ck_assert_msg(!boxes_overlap(b, &l.label[k]),
				      "%dx%d: labels %d and %d overlap", w, h,
				      a, k);
		ck_assert(!boxes_overlap(b, &l.legend));
		ck_assert(!boxes_overlap(b, &l.centre));
		/* No dot of any label cell lies inside the rim. */
		for (int y = b->y; y < b->y + b->h; y++)
			for (int x = b->x; x < b->x + b->w; x++)
				for (int j = 0; j < 4; j++)
					for (int i = 0; i < 2; i++)
						ck_assert_msg(
							!in_rim(&l,
								2 * x + i + 0.5,
								4 * y + j + 0.5),
							"%dx%d: label %d on "
							"the plot at %d,%d",
							w, h, a, x, y);
	}
	ck_assert_int_eq(shown, RADAR_AXES);
	canvas_free(c);
}

START_TEST(test_labels_never_overlap)
{
	static const int size[][2] = {{36, 14}, {80, 24}, {160, 48},
				      {40, 30}, {120, 16}, {37, 15}};

	for (size_t i = 0; i < sizeof size / sizeof size[0]; i++)
		for (int n = 1; n <= 2; n++) {
			check_labels(size[i][0], size[i][1], n, CANVAS_UTF8);
			check_labels(size[i][0], size[i][1], n, CANVAS_ASCII);
		}
}
END_TEST

static char *render(const struct radar_input *in, int w, int h,
		    enum canvas_mode mode, unsigned flags)
{
	struct error err = {0};
	char *s = radar_render(in, w, h, mode, flags, &err);

	ck_assert_msg(s != NULL, "radar_render: %s", err.msg);
	return s;
}

START_TEST(test_labels_text)
{
	struct radar_input in = sample(2);
	char *s = render(&in, 80, 24, CANVAS_UTF8, 0);

	ck_assert_ptr_nonnull(strstr(s, "Clarity 3.8"));
	ck_assert_ptr_nonnull(strstr(s, "Autonomy 3.0"));
	ck_assert_ptr_nonnull(strstr(s, "Feedback systems 2.1"));
	ck_assert_ptr_nonnull(strstr(s, "3.5"));
	ck_assert_ptr_nonnull(strstr(s, "This session"));
	ck_assert_ptr_nonnull(strstr(s, "Previous"));
	free(s);
	/* Short of room, a name falls back to its first word, a name in its
	 * own right, rather than to letters cut off with an ellipsis. */
	static const int size[][2] = {{36, 14}, {44, 20}, {60, 20}};
	for (size_t i = 0; i < sizeof size / sizeof size[0]; i++) {
		s = render(&in, size[i][0], size[i][1], CANVAS_UTF8, 0);
		ck_assert_ptr_nonnull(strstr(s, "Clarity 3.8"));
		ck_assert_ptr_nonnull(strstr(s, "Role-model"));
		ck_assert_ptr_nonnull(strstr(s, "Trust"));
		ck_assert_ptr_nonnull(strstr(s, "Feedback"));
		ck_assert_msg(strstr(s, "\u2026") == NULL,
			      "%dx%d: a label cut short:\n%s", size[i][0],
			      size[i][1], s);
		free(s);
	}
	/* A caller's short name is used as it is. */
	in.axis_short[4] = "Role model";
	s = render(&in, 36, 14, CANVAS_UTF8, 0);
	ck_assert_ptr_nonnull(strstr(s, "Role model"));
	free(s);
	/* A single long word has no short form: it is cut, with an
	 * ellipsis. */
	in.axis_name[1] = "Trustworthinessandopenness";
	s = render(&in, 36, 14, CANVAS_UTF8, 0);
	ck_assert_ptr_nonnull(strstr(s, "Trust"));
	ck_assert_ptr_nonnull(strstr(s, "\u2026"));
	free(s);
}
END_TEST

START_TEST(test_missing_value)
{
	struct radar_input in = sample(1);
	struct radar_layout l;
	struct canvas *c;
	char *s;
	double x, y;

	in.series[0].value[0] = NAN;
	in.series[0].centre = NAN;
	s = render(&in, 80, 24, CANVAS_UTF8, 0);
	ck_assert_ptr_nonnull(strstr(s, "Clarity \u2013"));
	free(s);
	s = render(&in, 80, 24, CANVAS_ASCII, 0);
	ck_assert_ptr_nonnull(strstr(s, "Clarity -"));
	free(s);
	c = draw(&in, 80, 24, CANVAS_UTF8, &l);
	radar_point(&l, 0, NAN, &x, &y);
	ck_assert_double_eq(x, l.cx);
	ck_assert_double_eq(y, l.cy);
	canvas_free(c);
}
END_TEST

static void assert_ascii_only(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		ck_assert_msg(*p == '\n' || (*p >= 0x20 && *p <= 0x7E),
			      "byte 0x%02x at %ld", *p, (long)(p - (const unsigned char *)s));
}

START_TEST(test_ascii_only_printable)
{
	struct radar_input in = sample(2);
	static const int size[][2] = {{36, 14}, {80, 24}, {160, 48}};

	in.axis_name[1] = "Trust \xc3\xa9t openness \xe6\x97\xa5\033[31m";
	in.series[1].name = "Avant\xe2\x80\xa6";
	for (size_t i = 0; i < 3; i++) {
		char *s = render(&in, size[i][0], size[i][1], CANVAS_ASCII, 0);
		char *t = radar_table(&in, CANVAS_ASCII, NULL);
		assert_ascii_only(s);
		ck_assert_ptr_nonnull(t);
		assert_ascii_only(t);
		free(s);
		free(t);
	}
}
END_TEST

START_TEST(test_hostile_names_sanitised)
{
	struct radar_input in = sample(2);
	char *s, *t;

	in.axis_name[0] = "Cla\033]0;pwned\007rity";
	in.series[0].name = "now\r\n";
	s = render(&in, 80, 24, CANVAS_UTF8, CANVAS_RENDER_COLOR);
	t = radar_table(&in, CANVAS_UTF8, NULL);
	ck_assert_ptr_null(strstr(s, "\033]"));
	ck_assert_ptr_null(strchr(s, '\007'));
	ck_assert_ptr_null(strchr(s, '\r'));
	ck_assert_ptr_null(strchr(t, '\033'));
	free(s);
	free(t);
}
END_TEST

START_TEST(test_deterministic)
{
	struct radar_input in = sample(2);
	char *a = render(&in, 80, 24, CANVAS_UTF8, CANVAS_RENDER_COLOR);
	char *b = render(&in, 80, 24, CANVAS_UTF8, CANVAS_RENDER_COLOR);

	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_draw_into_region_leaves_rest)
{
	struct radar_input in = sample(1);
	struct error err = {0};
	struct canvas *c = canvas_new(90, 26, CANVAS_UTF8, &err);
	char *s;

	canvas_text(c, 0, 0, 90, "TITLE", CANVAS_STYLE_TITLE);
	canvas_text(c, 0, 25, 90, "FOOTER", 0);
	ck_assert_int_eq(radar_draw(c, 10, 1, 80, 24, &in, NULL, &err), 0);
	s = canvas_render(c, 0, &err);
	ck_assert(strncmp(s, "TITLE\n", 6) == 0);
	ck_assert_ptr_nonnull(strstr(s, "\nFOOTER\n"));
	free(s);
	ck_assert_int_eq(radar_draw(c, 60, 1, 40, 24, &in, NULL, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	canvas_free(c);
}
END_TEST

START_TEST(test_errors)
{
	struct radar_input in = sample(2);
	struct error err = {0};

	ck_assert_ptr_null(radar_render(&in, 35, 14, CANVAS_UTF8, 0, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "35x14"));
	in.series[1].value[3] = 5.5;
	ck_assert_ptr_null(radar_render(&in, 80, 24, CANVAS_UTF8, 0, &err));
	ck_assert_str_eq(err.msg, "radar: series 2, axis Feedback systems: "
				  "value 5.5 outside 0..5");
	in = sample(1);
	in.series[0].centre = -1;
	ck_assert_int_eq(radar_check(&in, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "centre"));
	in = sample(3);
	ck_assert_int_eq(radar_check(&in, &err), -1);
}
END_TEST

START_TEST(test_format)
{
	char b[16];

	ck_assert_str_eq(radar_format(3.84, 0, CANVAS_UTF8, b), "3.8");
	ck_assert_str_eq(radar_format(3.85, 0, CANVAS_UTF8, b), "3.9");
	ck_assert_str_eq(radar_format(0.7, 1, CANVAS_UTF8, b), "+0.7");
	ck_assert_str_eq(radar_format(-0.5, 1, CANVAS_UTF8, b), "-0.5");
	ck_assert_str_eq(radar_format(0.0, 1, CANVAS_UTF8, b), "0.0");
	ck_assert_str_eq(radar_format(NAN, 0, CANVAS_UTF8, b), "\u2013");
	ck_assert_str_eq(radar_format(NAN, 1, CANVAS_ASCII, b), "-");
}
END_TEST

START_TEST(test_table)
{
	struct radar_input in = sample(2);
	char *t;

	in.series[1].value[1] = NAN;
	t = radar_table(&in, CANVAS_UTF8, NULL);
	ck_assert_str_eq(t,
		"Pillar                 This session  Previous  Difference\n"
		"Clarity                         3.8       3.1        +0.7\n"
		"Trust and openness              2.4         \u2013           \u2013\n"
		"Autonomy                        3.0       3.4        -0.4\n"
		"Feedback systems                2.1       2.6        -0.5\n"
		"Role-model behaviours           4.0       3.5        +0.5\n"
		"Connection to vision            3.5       3.0        +0.5\n");
	free(t);
	in.nseries = 1;
	t = radar_table(&in, CANVAS_ASCII, NULL);
	ck_assert_str_eq(t,
		"Pillar                 This session\n"
		"Clarity                         3.8\n"
		"Trust and openness              2.4\n"
		"Autonomy                        3.0\n"
		"Feedback systems                2.1\n"
		"Role-model behaviours           4.0\n"
		"Connection to vision            3.5\n");
	free(t);
}
END_TEST

/* ------------------------------------------------------------ goldens */

/* ------------------------------------------------- reading without colour */

/* The middle names its pillar, and the comparison's centre follows. */
START_TEST(test_centre_named)
{
	struct radar_input in = sample(2);
	struct canvas *c = draw(&in, 80, 24, CANVAS_UTF8, NULL);

	ck_assert_msg(charthelp_has(c, "Vision 3.5 \u25ca3.0"), "centre label");
	canvas_free(c);
	in.nseries = 1;
	in.centre_short = "Purpose";
	c = draw(&in, 80, 24, CANVAS_ASCII, NULL);
	ck_assert(charthelp_has(c, "Purpose 3.5"));
	ck_assert(!charthelp_has(c, "Purpose 3.5 o"));
	canvas_free(c);
}
END_TEST

/* The rings are numbered 1..5 up the top spoke, quietly, in order. */
START_TEST(test_rings_numbered)
{
	struct radar_input in = sample(1);

	for (int mode = CANVAS_UTF8; mode <= CANVAS_ASCII; mode++) {
		in.series[0].value[0] = 2.0; /* keep the top spoke clear */
		struct radar_layout l;
		struct canvas *c = draw(&in, 80, 24, mode, &l);
		int x = (int)floor(l.cx / 2.0) + 1, last_y = 1000, seen = 0;
		for (int k = 1; k <= 5; k++) {
			int y = (int)floor((l.cy - l.radius * k / RADAR_MAX) / 4.0);
			struct canvas_glyph g;
			ck_assert_int_eq(canvas_get(c, x, y, &g), 0);
			if (k == 1 || k >= 3) {
				ck_assert_uint_eq(g.cp, (uint32_t)('0' + k));
				ck_assert_int_eq(g.style, CANVAS_STYLE_RING);
				ck_assert_int_lt(y, last_y);
				last_y = y;
				seen++;
			}
		}
		ck_assert_int_eq(seen, 4);
		canvas_free(c);
	}
}
END_TEST

/* The comparison has its own shape: a lozenge (`o`) on each of its
 * points, drawn over the current session where they meet, and its values
 * after the current ones in the labels. */
START_TEST(test_comparison_shape_and_values)
{
	struct radar_input in = sample(2);

	/* Equal on Autonomy: both points are in one place. */
	in.series[1].value[2] = in.series[0].value[2];
	for (int mode = CANVAS_UTF8; mode <= CANVAS_ASCII; mode++) {
		struct radar_layout l;
		struct canvas *c = draw(&in, 80, 24, mode, &l);
		uint32_t mark = mode == CANVAS_ASCII ? 'o' : 0x25CA;
		for (int a = 0; a < RADAR_AXES; a++) {
			double x, y;
			struct canvas_glyph g;
			radar_point(&l, a, in.series[1].value[a], &x, &y);
			ck_assert_int_eq(canvas_get(c, (int)floor(x / 2),
						    (int)floor(y / 4), &g), 0);
			ck_assert_uint_eq(g.cp, mark);
			ck_assert_int_eq(g.style, CANVAS_STYLE_SERIES_B);
		}
		ck_assert(charthelp_has(c, mode == CANVAS_ASCII
						? "Clarity 3.8 o3.1"
						: "Clarity 3.8 \u25ca3.1"));
		ck_assert(charthelp_has(c, mode == CANVAS_ASCII
						? "Autonomy 3.0 o3.0"
						: "Autonomy 3.0 \u25ca3.0"));
		ck_assert(charthelp_has(c, mode == CANVAS_ASCII ? "+o+" :
						"\u2812\u25ca\u2812"));
		canvas_free(c);
	}
}
END_TEST

/* Where the outlines share a stretch, the comparison is the one seen. */
START_TEST(test_comparison_on_top)
{
	struct radar_input in = sample(2);
	int shared = 0;

	for (int a = 0; a < RADAR_AXES; a++)
		in.series[1].value[a] = in.series[0].value[a];
	struct canvas *c = draw(&in, 80, 24, CANVAS_UTF8, NULL);
	for (int y = 0; y < 23; y++)
		for (int x = 0; x < 80; x++) {
			struct canvas_glyph g;
			ck_assert_int_eq(canvas_get(c, x, y, &g), 0);
			if (g.style == CANVAS_STYLE_SERIES_B)
				shared++;
		}
	/* Dashes of four dots in seven: most outline cells carry B. */
	ck_assert_int_gt(shared, 40);
	canvas_free(c);
}
END_TEST

static int is_a(const struct canvas *c, int x, int y, const char *chars)
{
	struct canvas_glyph g;

	return canvas_get(c, x, y, &g) == 0 &&
	       g.style == CANVAS_STYLE_SERIES_A && g.cp < 128 &&
	       strchr(chars, (int)g.cp);
}

/* An ASCII outline is one stroke: along each edge every step of its
 * longer side has exactly one cell of it near the true line (no gaps, no
 * doubled strokes), and no two slants stand side by side ("//"). */
START_TEST(test_ascii_outline_clean)
{
	struct radar_input in = sample(1);
	struct radar_layout l;
	struct canvas *c = draw(&in, 80, 24, CANVAS_ASCII, &l);

	for (int a = 0; a < RADAR_AXES; a++) {
		int b = (a + 1) % RADAR_AXES;
		double x0, y0, x1, y1;
		radar_point(&l, a, in.series[0].value[a], &x0, &y0);
		radar_point(&l, b, in.series[0].value[b], &x1, &y1);
		double cx0 = x0 / 2, cy0 = y0 / 4, cx1 = x1 / 2, cy1 = y1 / 4;
		int flat = fabs(cx1 - cx0) >= fabs(cy1 - cy0);
		int n = (int)floor(flat ? fabs(cx1 - cx0) : fabs(cy1 - cy0));
		for (int i = 2; i <= n - 2; i++) {
			double t = (double)i / n;
			int mx = (int)floor(cx0 + t * (cx1 - cx0));
			int my = (int)floor(cy0 + t * (cy1 - cy0));
			int hits = 0;
			for (int d = -1; d <= 1; d++)
				hits += flat ? is_a(c, mx, my + d, "-|/\\*")
					     : is_a(c, mx + d, my, "-|/\\*");
			ck_assert_msg(hits == 1, "edge %d, step %d: %d cells",
				      a, i, hits);
		}
	}
	for (int y = 0; y < 23; y++)
		for (int x = 0; x + 1 < 80; x++)
			ck_assert_msg(!(is_a(c, x, y, "/\\") &&
					is_a(c, x + 1, y, "/\\")),
				      "doubled slant at %d,%d", x, y);
	canvas_free(c);
}
END_TEST

START_TEST(test_goldens)
{
	struct radar_input two = sample(2), one = sample(1);
	static const struct {
		const char *file;
		int w, h, n;
		enum canvas_mode mode;
		unsigned flags;
	} g[] = {
		/* Plain UTF-8 is also what NO_COLOR gets. */
		{"radar-36x14-utf8.txt", 36, 14, 2, CANVAS_UTF8, 0},
		{"radar-36x14-ascii.txt", 36, 14, 2, CANVAS_ASCII, 0},
		{"radar-36x14-color.txt", 36, 14, 2, CANVAS_UTF8,
		 CANVAS_RENDER_COLOR},
		{"radar-80x24-utf8.txt", 80, 24, 2, CANVAS_UTF8, 0},
		{"radar-80x24-ascii.txt", 80, 24, 2, CANVAS_ASCII, 0},
		{"radar-80x24-color.txt", 80, 24, 2, CANVAS_UTF8,
		 CANVAS_RENDER_COLOR},
		{"radar-80x24-one.txt", 80, 24, 1, CANVAS_UTF8, 0},
		{"radar-160x48-utf8.txt", 160, 48, 2, CANVAS_UTF8, 0},
		{"radar-160x48-ascii.txt", 160, 48, 2, CANVAS_ASCII, 0},
		{"radar-160x48-color.txt", 160, 48, 2, CANVAS_UTF8,
		 CANVAS_RENDER_COLOR},
	};

	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		char *s = render(g[i].n == 2 ? &two : &one, g[i].w, g[i].h,
				 g[i].mode, g[i].flags);
		golden(g[i].file, s);
		free(s);
	}
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
	    test_point_geometry,
	    test_dots_on_grid,
	    test_round_proportions,
	    test_outlines_solid_and_dashed,
	    test_grid_stays_quiet,
	    test_ascii_parts_apart,
	    test_labels_never_overlap,
	    test_labels_text,
	    test_missing_value,
	    test_ascii_only_printable,
	    test_hostile_names_sanitised,
	    test_deterministic,
	    test_draw_into_region_leaves_rest,
	    test_errors,
	    test_format,
	    test_table,
	    test_centre_named,
	    test_rings_numbered,
	    test_comparison_shape_and_values,
	    test_comparison_on_top,
	    test_ascii_outline_clean,
	    test_goldens,
	};

	setlocale(LC_ALL, "C.UTF-8");
	return UNIT_RUN_TESTS("radar", tests);
}
