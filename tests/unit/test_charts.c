/* test_charts.c - red-flag bars and sparklines. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "charthelp.h"
#include "core/chart/charts.h"
#include "core/base/glyph.h"
#include "unit.h"

START_TEST(test_band)
{
	ck_assert_int_eq(charts_band(0.0, 1.5, 2.5), CANVAS_STYLE_BAND_GREEN);
	ck_assert_int_eq(charts_band(1.49, 1.5, 2.5), CANVAS_STYLE_BAND_GREEN);
	ck_assert_int_eq(charts_band(1.5, 1.5, 2.5), CANVAS_STYLE_BAND_AMBER);
	ck_assert_int_eq(charts_band(2.5, 1.5, 2.5), CANVAS_STYLE_BAND_RED);
	ck_assert_int_eq(charts_band(4.0, 1.5, 2.5), CANVAS_STYLE_BAND_RED);
	ck_assert_int_eq(charts_band(NAN, 1.5, 2.5), CANVAS_STYLE_MISSING);
}
END_TEST

/* Stacked under their labels, bars still share one track: the same
 * length and ticks whatever each label and status word. */
START_TEST(test_bars_stacked_share_a_scale)
{
	struct error err = {0};
	struct canvas *c = canvas_new(40, 8, CANVAS_ASCII, &err);
	struct charts_bar b[] = {
	    {"Vague updates", 1.2, 1.5, 2.5, "Few signs", 0, 0.0, NULL},
	    {"Slow escalation", 2.0, 1.5, 2.5, "Discuss first", 0, 0.0,
	     NULL},
	    {"Not my job", 4.0, 1.5, 2.5, "Act", 0, 0.0, NULL},
	};
	ck_assert_int_eq(charts_bars_stacked(c, 0, 0, 40, 3, b, 3, &err), 0);
	char *s = charthelp_render(c, 0);
	/* 40 - blank - blank - score - longest note (14) = track 21; 4.0 of
	 * 4 fills it, and every score starts in column 23. */
	ck_assert_str_eq(s,
		"Vague updates\n"
		" ######-|-----|------- 1.2 Few signs\n"
		"\n"
		"Slow escalation\n"
		" #######|###--|------- 2.0 Discuss first\n"
		"\n"
		"Not my job\n"
		" #######|#####|####### 4.0 Act\n");
	free(s);
	canvas_free(c);
}
END_TEST

START_TEST(test_bars_utf8)
{
	struct error err = {0};
	struct canvas *c = canvas_new(40, 3, CANVAS_UTF8, &err);
	struct charts_bar b[] = {
	    {"Vague updates", 2.0, 1.0, 3.0, NULL, 0, 0.0, NULL},
	    {"Not my job", 3.25, 1.0, 3.0, "red", 0, 0.0, NULL},
	    {"Passive", NAN, 1.0, 3.0, NULL, 0, 0.0, NULL},
	};
	struct canvas_glyph g;
	char *s;

	ck_assert_int_eq(charts_bars(c, 0, 0, 40, 0, b, 3, &err), 0);
	s = charthelp_render(c, 0);
	/* label 13, blank, track 40-13-1-1-3-4 = 18, blank, score, note:
	 * 2.0 of 4 fills 9 of 18 cells; ticks at cells 4 and 13; 3.25
	 * fills 14.6 cells, the last half; it rounds half away from 0. */
	ck_assert_str_eq(s,
		"Vague updates ━━━━╋━━━━────┼──── 2.0\n"
		"Not my job    ━━━━╋━━━━━━━━╋╸─── 3.3 red\n"
		"Passive       ────┼────────┼──── \u2013\n");
	free(s);
	canvas_get(c, 14, 0, &g);
	ck_assert_int_eq(g.style, CANVAS_STYLE_BAND_AMBER);
	canvas_get(c, 18, 1, &g); /* the amber tick */
	ck_assert_int_eq(g.style, CANVAS_STYLE_BAND_AMBER);
	canvas_get(c, 15, 1, &g);
	ck_assert_int_eq(g.style, CANVAS_STYLE_BAND_RED);
	canvas_get(c, 24, 0, &g); /* unfilled track */
	ck_assert_int_eq(g.style, CANVAS_STYLE_RING);
	canvas_get(c, 37, 1, &g); /* the status word takes its band's look */
	ck_assert_int_eq(g.style, CANVAS_STYLE_BAND_RED);
	canvas_free(c);
}
END_TEST

/* The team's score is a second mark on the same track, its figures in
 * words after the status word where the track keeps eight cells; short
 * of that the words go, the mark and the status word stay whole. */
START_TEST(test_bars_team)
{
	struct error err = {0};
	struct canvas *c = canvas_new(60, 2, CANVAS_UTF8, &err);
	struct charts_bar b[] = {
	    {"Vague updates", 1.0, 1.0, 3.0, "ok", 1, 3.0,
	     "team 3.0 \u00b11.0"},
	    {"Not my job", 2.0, 1.0, 3.0, "watch", 0, 0.0, NULL},
	};
	struct canvas_glyph g;
	char *s;

	ck_assert_int_eq(charts_bars(c, 0, 0, 60, 0, b, 2, &err), 0);
	s = charthelp_render(c, 0);
	/* track 60-13-1-1-3-6-15 = 21: ticks at 5 and 15, the team's 3.0
	 * at cell 15 over the red tick. */
	ck_assert_str_eq(s, "Vague updates ━━━━━┼─────────\u25ca───── 1.0 ok   "
			    "  team 3.0 \u00b11.0\n"
			    "Not my job    ━━━━━╋━━━━╸────┼───── 2.0 watch\n");
	free(s);
	canvas_get(c, 14 + 15, 0, &g);
	ck_assert_int_eq(g.style, CANVAS_STYLE_SERIES_B);
	canvas_get(c, 47, 0, &g); /* the words in the series' look */
	ck_assert_int_eq(g.style, CANVAS_STYLE_SERIES_B);
	canvas_free(c);

	/* 40 columns: no room for the words, the mark stays. */
	c = canvas_new(40, 1, CANVAS_ASCII, &err);
	ck_assert_int_eq(charts_bars(c, 0, 0, 40, 0, b, 1, &err), 0);
	s = charthelp_render(c, 0);
	ck_assert_str_eq(s, "Vague updates ####|---------o---- 1.0 ok\n");
	free(s);
	canvas_free(c);

	b[0].team = 4.5;
	c = canvas_new(40, 1, CANVAS_UTF8, &err);
	ck_assert_int_eq(charts_bars(c, 0, 0, 40, 0, b, 1, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "team score"));
	canvas_free(c);
}
END_TEST

START_TEST(test_bars_ascii)
{
	struct error err = {0};
	struct canvas *c = canvas_new(30, 1, CANVAS_ASCII, &err);
	struct charts_bar b = {"Vague \xe2\x80\x9cupdates\xe2\x80\x9d",
			       1.0,
			       1.0,
			       3.0,
			       NULL,
			       0,
			       0.0,
			       NULL};
	char *s;

	ck_assert_int_eq(charts_bars(c, 0, 0, 30, 8, &b, 1, &err), 0);
	s = charthelp_render(c, 0);
	ck_assert_str_eq(s, "Vague ?~ ####|-------|---- 1.0\n");
	free(s);
	canvas_free(c);
}
END_TEST

/* A short row cuts the status word but keeps it. */
START_TEST(test_bars_status_kept)
{
	struct error err = {0};
	struct canvas *c = canvas_new(30, 1, CANVAS_UTF8, &err);
	struct charts_bar b = {"Slow escalation", 2.0, 1.5, 2.5,
			       "Worth watching",  0,   0.0, NULL};
	char *s;

	ck_assert_int_eq(charts_bars(c, 0, 0, 30, 0, &b, 1, &err), 0);
	s = charthelp_render(c, 0);
	ck_assert_str_eq(s, "Slow esca\u2026 \u2501\u2501\u2501\u254b\u2500"
			    "\u253c\u2500\u2500 2.0 Worth\u2026\n");
	free(s);
	canvas_free(c);
}
END_TEST

/* At 40 columns the whole title and the whole status word fit once the
 * track gives way: neither is cut (they were, at a quarter and a third of
 * the row). */
START_TEST(test_bars_words_before_track)
{
	struct error err = {0};
	struct canvas *c = canvas_new(60, 2, CANVAS_ASCII, &err);
	struct charts_bar b[] = {
	    {"Repeated missed commitments", 2.6, 1.5, 2.5, "Discuss first", 0,
	     0.0, NULL},
	    {"Vague updates", 1.6, 1.5, 2.5, "Worth a look", 0, 0.0, NULL},
	};
	char *s;

	ck_assert_int_eq(charts_bars(c, 0, 0, 58, 0, b, 2, &err), 0);
	s = charthelp_render(c, 0);
	/* label 27, blank, track 58-27-1-1-3-14 = 12, blank, score, note */
	ck_assert_str_eq(s, "Repeated missed commitments ####|##|---- "
			    "2.6 Discuss first\n"
			    "Vague updates               ####|--|---- "
			    "1.6 Worth a look\n");
	free(s);
	canvas_free(c);
}
END_TEST

/* A wide row keeps the track at a readable length, the score beside it. */
START_TEST(test_bars_wide_capped)
{
	struct error err = {0};
	struct canvas *c = canvas_new(160, 1, CANVAS_ASCII, &err);
	struct charts_bar b = {"Late", 0.0, 1.0, 3.0, "fine", 0, 0.0, NULL};
	char *s;

	ck_assert_int_eq(charts_bars(c, 0, 0, 160, 0, &b, 1, &err), 0);
	s = charthelp_render(c, 0);
	ck_assert_int_eq(strncmp(s, "Late ", 5), 0);
	ck_assert_uint_eq(strspn(s + 5, "-|"), 48);
	ck_assert_int_eq(strncmp(s + 5 + 48, " 0.0 fine", 9), 0);
	free(s);
	canvas_free(c);
}
END_TEST

START_TEST(test_bars_errors)
{
	struct error err = {0};
	struct canvas *c = canvas_new(30, 1, CANVAS_UTF8, &err);
	struct charts_bar b = {"Flag", 4.5, 1.0, 3.0, NULL, 0, 0.0, NULL};

	ck_assert_int_eq(charts_bars(c, 0, 0, 30, 0, &b, 1, &err), -1);
	ck_assert_str_eq(err.msg, "bar 1 (Flag): score 4.5 outside 0..4");
	b.score = 1;
	b.amber_at = 3.5;
	ck_assert_int_eq(charts_bars(c, 0, 0, 30, 0, &b, 1, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	b.amber_at = 1;
	ck_assert_int_eq(charts_bars(c, 0, 0, 14, 4, &b, 1, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "no room"));
	canvas_free(c);
}
END_TEST

START_TEST(test_sparkline)
{
	struct error err = {0};
	struct canvas *c = canvas_new(12, 2, CANVAS_UTF8, &err);
	struct canvas *a = canvas_new(12, 1, CANVAS_ASCII, &err);
	double v[] = {1, 2, NAN, 3, 4, 5};
	char *s;

	ck_assert_int_eq(charts_sparkline(c, 0, 0, 12, v, 6, 1, 5,
					  CANVAS_STYLE_SERIES_A), 6);
	/* Only the newest 3 fit: they end up at the right. */
	ck_assert_int_eq(charts_sparkline(c, 0, 1, 3, v, 6, 1, 5,
					  CANVAS_STYLE_SERIES_A), 3);
	s = charthelp_render(c, 0);
	ck_assert_str_eq(s, "\u2581\u2583 \u2585\u2586\u2588\n"
			    "\u2585\u2586\u2588\n");
	free(s);
	ck_assert_int_eq(charts_sparkline(a, 0, 0, 12, v, 6, 1, 5, 0), 6);
	s = charthelp_render(a, 0);
	/* Whole ratings on a 1..5 scale show as their digits. */
	ck_assert_str_eq(s, "12 345\n");
	free(s);
	double half[] = {1, 2.5, 5};
	canvas_clear(a);
	ck_assert_int_eq(charts_sparkline(a, 0, 0, 12, half, 3, 1, 5, 0), 3);
	s = charthelp_render(a, 0);
	ck_assert_str_eq(s, "1-5\n"); /* a fraction falls back to a height */
	free(s);
	ck_assert_int_eq(charts_sparkline(a, 0, 0, 12, v, 6, 5, 5, 0), 0);
	canvas_free(c);
	canvas_free(a);
}
END_TEST

/* The glyph table: every ASCII form printable ASCII, every UTF-8 form
 * one column wide, and glyph_cp the first character of glyph_str. */
START_TEST(test_glyph_table)
{
	for (int g = 0; g < GLYPH_COUNT; g++) {
		const char *a = glyph_str((enum glyph)g, CANVAS_ASCII);
		const char *u = glyph_str((enum glyph)g, CANVAS_UTF8);
		wchar_t wc;
		ck_assert_uint_gt(strlen(a), 0);
		for (const char *p = a; *p; p++)
			ck_assert(*p >= 0x20 && *p < 0x7f);
		ck_assert_uint_eq(glyph_cp((enum glyph)g, CANVAS_ASCII),
				  (unsigned char)a[0]);
		/* Every character one column. */
		for (const char *p = u; *p;) {
			wchar_t c;
			int n = mbtowc(&c, p, strlen(p));
			ck_assert_int_gt(n, 0);
			ck_assert_int_eq(wcwidth(c), 1);
			p += n;
		}
		ck_assert_int_gt(mbtowc(&wc, u, strlen(u)), 0);
		ck_assert_uint_eq(glyph_cp((enum glyph)g, CANVAS_UTF8),
				  (uint32_t)wc);
	}
	ck_assert_str_eq(glyph_str(GLYPH_ARROW, CANVAS_ASCII), "->");
	ck_assert_str_eq(glyph_str(GLYPH_TICK, CANVAS_UTF8), "\u253c");
	ck_assert_str_eq(glyph_str(GLYPH_COUNT, CANVAS_UTF8), "?");
	/* The forms the screens drew before they came from the table. */
	ck_assert_str_eq(glyph_str(GLYPH_JOIN, CANVAS_ASCII), ", ");
	ck_assert_str_eq(glyph_str(GLYPH_JOIN, CANVAS_UTF8), " \u00b7 ");
	ck_assert_str_eq(glyph_str(GLYPH_PROGRESS, CANVAS_ASCII), "=");
	ck_assert_str_eq(glyph_str(GLYPH_RUNS_ON, CANVAS_ASCII), "...");
	ck_assert_str_eq(glyph_str(GLYPH_PLUS_MINUS, CANVAS_ASCII), "+/-");
	ck_assert_str_eq(glyph_str(GLYPH_NO_VALUE, CANVAS_UTF8), "\u2013");
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
	    test_band,
	    test_bars_utf8,
	    test_bars_stacked_share_a_scale,
	    test_bars_ascii,
	    test_bars_team,
	    test_bars_status_kept,
	    test_bars_words_before_track,
	    test_bars_wide_capped,
	    test_bars_errors,
	    test_sparkline,
	    test_glyph_table,
	};

	setlocale(LC_ALL, "C.UTF-8");
	return UNIT_RUN_TESTS("charts", tests);
}
