/* test_trend.c - the line chart of ratings over sessions. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charthelp.h"
#include "core/chart/trend.h"
#include "golden.h"
#include "unit.h"

#define NS 7

static const double clarity[NS] = {2, 2, 2, 3, 4, 4, 4};
static const double trust[NS] = {3, 5, 4, 5, 4, 5, NAN};
static const double vision[NS] = {1, 2, 3, 3, 4, 5, 5};
static const char *const days[NS] = {
	"2026-06-14", "2026-07-12", "2026-08-10", "2026-09-07",
	"2026-10-05", "2026-11-02", "2026-11-29"};

static struct trend_series series[3] = {
	{"Clarity", clarity},
	{"Trust and openness", trust},
	{"Connection to vision", vision},
};

static struct trend_input sample(void)
{
	return (struct trend_input){series, 3, NS, 1.0, 5.0, days};
}

static struct canvas *draw(const struct trend_input *in, int w, int h,
			   enum canvas_mode mode, struct trend_layout *l)
{
	struct error err = {0};
	struct canvas *c = charthelp_canvas(w, h, mode);

	ck_assert_msg(trend_draw(c, 0, 0, w, h, in, l, &err) == 0,
		      "trend_draw: %s", err.msg);
	return c;
}

/* Where a value of a session lands, in cells, by the chart's own rule:
 * the level rows are spread evenly over the plot's dot rows. */
static int value_row(const struct trend_layout *l, double v)
{
	double top = 4.0 * l->plot_y + 1.5, span = 4.0 * l->plot_h - 3.0;
	return (int)floor((top + span * (5.0 - v) / 4.0) / 4.0);
}

/* Each series wears its initial on every point, at its value's row, in
 * its own style; the newest point of each is there too. */
START_TEST(test_marks_on_points)
{
	struct trend_input in = sample();
	struct trend_layout l;
	struct canvas *c = draw(&in, 100, 20, CANVAS_ASCII, &l);

	ck_assert_int_eq(l.mark[0], 'C');
	ck_assert_int_eq(l.mark[1], 'T');
	ck_assert(l.legend_right);
	/* Clarity rises from 2 to 4: its first point low, its last high. */
	int found_first = 0, found_last = 0;
	for (int x = l.plot_x; x < l.plot_x + 3; x++)
		found_first |= charthelp_cell_is(c, x, value_row(&l, 2.0), 'C',
						 CANVAS_STYLE_SERIES_A);
	for (int x = l.plot_x + l.plot_w - 3; x < l.plot_x + l.plot_w; x++)
		found_last |= charthelp_cell_is(c, x, value_row(&l, 4.0), 'C',
						CANVAS_STYLE_SERIES_A);
	ck_assert(found_first);
	ck_assert(found_last);
	canvas_free(c);
}
END_TEST

/* The y axis is labelled at every whole rating, top to bottom, and the
 * first and last sessions are named under the x axis. */
START_TEST(test_axes_labelled)
{
	struct trend_input in = sample();
	struct trend_layout l;
	struct canvas *c = draw(&in, 100, 20, CANVAS_UTF8, &l);
	char row[2048];

	for (int v = 1; v <= 5; v++) {
		charthelp_row(c, value_row(&l, v), row, sizeof row);
		char want[8];
		snprintf(want, sizeof want, "%d \u2524", v);
		ck_assert_msg(strncmp(row, want, strlen(want)) == 0,
			      "level %d row: %s", v, row);
	}
	charthelp_row(c, l.plot_y + l.plot_h + 1, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "2026-06-14"));
	ck_assert_ptr_nonnull(strstr(row, "2026-11-29"));
	ck_assert(strstr(row, "2026-06-14") < strstr(row, "2026-11-29"));
	canvas_free(c);
}
END_TEST

/* Beside the plot, each series: its mark, its whole name, its newest
 * value (a session without the rating is skipped). */
START_TEST(test_legend)
{
	struct trend_input in = sample();
	struct trend_layout l;
	struct canvas *c = draw(&in, 100, 20, CANVAS_UTF8, &l);
	char row[2048];

	charthelp_row(c, 0, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "C Clarity"));
	ck_assert_ptr_nonnull(strstr(row, " 4.0"));
	charthelp_row(c, 1, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "T Trust and openness"));
	ck_assert_ptr_nonnull(strstr(row, " 5.0"));
	/* C is taken by Clarity: the next word that is not "to". */
	charthelp_row(c, 2, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "V Connection to vision"));
	ck_assert_ptr_nonnull(strstr(row, " 5.0"));
	canvas_free(c);
}
END_TEST

/* Initials that repeat give way to numbers; a narrow chart puts the
 * legend under the plot. */
START_TEST(test_clashing_marks_and_narrow)
{
	struct trend_input in = sample();
	struct trend_layout l;
	char row[2048];

	series[2].name = "Clarity";
	struct canvas *c = draw(&in, 40, 10, CANVAS_UTF8, &l);
	series[2].name = "Connection to vision";
	ck_assert_int_eq(l.mark[0], '1');
	ck_assert_int_eq(l.mark[2], '3');
	ck_assert(!l.legend_right);
	charthelp_row(c, 9, row, sizeof row);
	ck_assert_msg(strncmp(row, "1 Clar", 6) == 0, "legend: %s", row);
	canvas_free(c);
}
END_TEST

/* The plot takes the space it is given: twice the rows, twice the
 * distance between levels. */
START_TEST(test_scales_to_space)
{
	struct trend_input in = sample();
	struct trend_layout a, b;
	struct canvas *c1 = draw(&in, 80, 12, CANVAS_UTF8, &a);
	struct canvas *c2 = draw(&in, 160, 30, CANVAS_UTF8, &b);

	ck_assert_int_gt(b.plot_w, 2 * a.plot_w - 20);
	ck_assert_int_gt(value_row(&b, 1) - value_row(&b, 5),
			 2 * (value_row(&a, 1) - value_row(&a, 5)));
	canvas_free(c1);
	canvas_free(c2);
}
END_TEST

/* ASCII output is printable ASCII only, and every series draws a line
 * between its points, not just marks. */
START_TEST(test_ascii_and_lines)
{
	struct trend_input in = sample();
	struct error err = {0};
	char *s = trend_render(&in, 100, 20, CANVAS_ASCII, 0, &err);
	int lines = 0;

	ck_assert_ptr_nonnull(s);
	for (const char *p = s; *p; p++)
		ck_assert(*p == '\n' || (*p >= 0x20 && *p <= 0x7e));
	for (const char *p = s; *p; p++)
		lines += *p == '/' || *p == '\\' || *p == '-';
	ck_assert_int_gt(lines, 40);
	free(s);
	s = trend_render(&in, 100, 20, CANVAS_UTF8, 0, &err);
	/* Braille dots: U+2800..U+28FF are E2 A0..A3 xx in UTF-8. */
	ck_assert(strstr(s, "\xe2\xa0") || strstr(s, "\xe2\xa1") ||
		  strstr(s, "\xe2\xa2") || strstr(s, "\xe2\xa3"));
	free(s);
}
END_TEST

/* A steep stretch in ASCII is one character a row, a flat one one a
 * column: never a run of slashes side by side (it printed "///" when each
 * cell a line's dots touched showed a slash). */
START_TEST(test_ascii_reads_cleanly)
{
	static const double steep[NS] = {1, 5, 1, 5, 2, 4, 1};
	struct trend_series one[1] = {{"Steep", steep}};
	struct trend_input in = {one, 1, NS, 1.0, 5.0, days};
	struct error err = {0};
	static const int size[][2] = {{60, 16}, {100, 20}, {140, 30}};

	for (size_t k = 0; k < sizeof size / sizeof size[0]; k++) {
		char *s = trend_render(&in, size[k][0], size[k][1],
				       CANVAS_ASCII, 0, &err);
		ck_assert_ptr_nonnull(s);
		ck_assert_msg(!strstr(s, "//") && !strstr(s, "\\\\"),
			      "doubled slashes at %dx%d:\n%s", size[k][0],
			      size[k][1], s);
		free(s);
	}
}
END_TEST

/* The sample at three sizes, byte for byte. */
START_TEST(test_goldens)
{
	static const struct {
		const char *file;
		int w, h;
		enum canvas_mode mode;
	} g[] = {
		{"trend-60x16-ascii.txt", 60, 16, CANVAS_ASCII},
		{"trend-100x20-ascii.txt", 100, 20, CANVAS_ASCII},
		{"trend-140x30-ascii.txt", 140, 30, CANVAS_ASCII},
		{"trend-100x20-utf8.txt", 100, 20, CANVAS_UTF8},
	};
	struct trend_input in = sample();
	struct error err = {0};

	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		char *s = trend_render(&in, g[i].w, g[i].h, g[i].mode, 0,
				       &err);
		ck_assert_msg(s != NULL, "%s: %s", g[i].file, err.msg);
		golden(g[i].file, s);
		free(s);
	}
}
END_TEST

START_TEST(test_errors)
{
	struct trend_input in = sample();
	struct error err = {0};
	double bad[NS] = {1, 2, 3, 6, 1, 1, 1};
	struct trend_series s = {"Autonomy", bad};

	ck_assert_ptr_null(trend_render(&in, 20, 10, CANVAS_UTF8, 0, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "too small"));
	in.series = &s;
	in.nseries = 1;
	ck_assert_ptr_null(trend_render(&in, 80, 10, CANVAS_UTF8, 0, &err));
	ck_assert_str_eq(err.msg, "trend: Autonomy, session 4: value 6 "
				  "outside 1..5");
	in = sample();
	in.nseries = 7;
	ck_assert_ptr_null(trend_render(&in, 80, 10, CANVAS_UTF8, 0, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
}
END_TEST

/* One session: a mark in the middle, no line, no crash. */
START_TEST(test_one_session)
{
	struct trend_input in = sample();
	struct trend_layout l;
	struct canvas *c;

	in.n = 1;
	c = draw(&in, 60, 8, CANVAS_UTF8, &l);
	ck_assert(
	    charthelp_cell_is(c, l.plot_x + (l.plot_w - 1) / 2,
			      value_row(&l, 2.0), 'C', CANVAS_STYLE_SERIES_A) ||
	    charthelp_cell_is(c, l.plot_x + l.plot_w / 2, value_row(&l, 2.0),
			      'C', CANVAS_STYLE_SERIES_A));
	canvas_free(c);
}
END_TEST

/* Lines that meet at a point each keep their mark there, side by side:
 * three pillars rated 3 in the same session all show at that session. */
START_TEST(test_meeting_lines_all_named)
{
	static const double a[2] = {3, 4}, b[2] = {3, 2}, c3[2] = {3, 5};
	struct trend_series three[3] = {
	    {"Clarity", a}, {"Autonomy", b}, {"Feedback", c3}};
	struct trend_input in = {three, 3, 2, 1.0, 5.0, NULL};
	struct trend_layout l;
	/* Short enough that coinciding lines are not drawn apart. */
	struct canvas *c = draw(&in, 60, 9, CANVAS_UTF8, &l);
	int y = value_row(&l, 3.0);
	const struct {
		char mark;
		enum canvas_style style;
	} want[] = {{'C', CANVAS_STYLE_SERIES_A},
		    {'A', CANVAS_STYLE_SERIES_B},
		    {'F', CANVAS_STYLE_SERIES_C}};
	for (size_t k = 0; k < 3; k++) {
		int found = 0;
		for (int x = l.plot_x; x < l.plot_x + 4; x++)
			found |= charthelp_cell_is(c, x, y, want[k].mark,
						   want[k].style);
		char *out = charthelp_render(c, 0);
		ck_assert_msg(found, "mark %c at the first session:\n%s",
			      want[k].mark, out);
		free(out);
	}
	canvas_free(c);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
	    test_marks_on_points,
	    test_axes_labelled,
	    test_legend,
	    test_clashing_marks_and_narrow,
	    test_scales_to_space,
	    test_ascii_and_lines,
	    test_ascii_reads_cleanly,
	    test_goldens,
	    test_errors,
	    test_one_session,
	    test_meeting_lines_all_named,
	};

	setlocale(LC_ALL, "C.UTF-8");
	return UNIT_RUN_TESTS("trend", tests);
}
