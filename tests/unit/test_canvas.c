/* test_canvas.c - cells, safe text, Braille layers and rendering. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charthelp.h"
#include "core/chart/canvas.h"
#include "unit.h"

static void assert_render(const struct canvas *c, unsigned flags,
			  const char *want)
{
	char *s = charthelp_render(c, flags);

	ck_assert_str_eq(s, want);
	free(s);
}

START_TEST(test_new_bad_size)
{
	struct error err = {0};

	ck_assert_ptr_null(canvas_new(0, 5, CANVAS_UTF8, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "0x5"));
	ck_assert_ptr_null(canvas_new(5, CANVAS_MAX + 1, CANVAS_UTF8, &err));
}
END_TEST

START_TEST(test_blank_renders_newlines)
{
	struct canvas *c = charthelp_canvas(4, 3, CANVAS_UTF8);

	assert_render(c, 0, "\n\n\n");
	ck_assert_int_eq(canvas_dot_width(c), 8);
	ck_assert_int_eq(canvas_dot_height(c), 12);
	canvas_free(c);
}
END_TEST

START_TEST(test_text_plain_and_clipped)
{
	struct canvas *c = charthelp_canvas(10, 2, CANVAS_UTF8);

	ck_assert_int_eq(canvas_text(c, 1, 0, 20, "Clarity", 0), 7);
	/* Cut by the canvas edge: marked like any cut. */
	ck_assert_int_eq(canvas_text(c, 7, 1, 20, "abcdef", 0), 3);
	assert_render(c, 0, " Clarity\n       ab\u2026\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_text_truncated_with_ellipsis)
{
	struct canvas *c = charthelp_canvas(20, 1, CANVAS_UTF8);
	struct canvas *a = charthelp_canvas(20, 1, CANVAS_ASCII);

	ck_assert_int_eq(canvas_text(c, 0, 0, 6, "Trust and openness", 0), 6);
	assert_render(c, 0, "Trust\u2026\n");
	ck_assert_int_eq(canvas_text(a, 0, 0, 6, "Trust and openness", 0), 6);
	assert_render(a, 0, "Trust~\n");
	canvas_free(c);
	canvas_free(a);
}
END_TEST

START_TEST(test_text_sanitised)
{
	char out[64];
	int w;

	/* Controls never raw: ESC and BEL become '?', tab a space. */
	w = canvas_sanitize("a\033[31mb\ac\td", -1, CANVAS_UTF8, out,
			    sizeof out);
	ck_assert_str_eq(out, "a?[31mb?c d");
	ck_assert_int_eq(w, 11);
	/* C1 control U+009B (CSI) too. */
	canvas_sanitize("x\xc2\x9by", -1, CANVAS_UTF8, out, sizeof out);
	ck_assert_str_eq(out, "x?y");
	/* Combining acute dropped, wide CJK measured as 2 columns. */
	w = canvas_sanitize("e\xcc\x81\xe6\x97\xa5", -1, CANVAS_UTF8, out,
			    sizeof out);
	ck_assert_str_eq(out, "e\xe6\x97\xa5");
	ck_assert_int_eq(w, 3);
	/* Invalid UTF-8 and a lone continuation byte. */
	canvas_sanitize("a\xff\x80z", -1, CANVAS_UTF8, out, sizeof out);
	ck_assert_str_eq(out, "a??z");
	/* ASCII mode keeps 0x20..0x7E only. */
	w = canvas_sanitize("R\xc3\xb4le \xe6\x97\xa5", -1, CANVAS_ASCII,
			    out, sizeof out);
	ck_assert_str_eq(out, "R?le ?");
	ck_assert_int_eq(w, 6);
	/* Measuring only. */
	ck_assert_int_eq(canvas_sanitize("\xe6\x97\xa5\xe6\x97\xa5", -1,
					 CANVAS_UTF8, NULL, 0), 4);
}
END_TEST

START_TEST(test_wide_text_cut_by_width)
{
	struct canvas *c = charthelp_canvas(10, 1, CANVAS_UTF8);
	struct canvas_glyph g;

	/* Three wide glyphs in 4 columns: one glyph and the ellipsis fit
	 * (2 + 1), a second glyph would not (2 + 2 + 1). */
	ck_assert_int_eq(canvas_text(c, 0, 0, 4,
				     "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5",
				     0), 3);
	assert_render(c, 0, "\xe6\x97\xa5\u2026\n");
	ck_assert_int_eq(canvas_get(c, 0, 0, &g), 0);
	ck_assert_int_eq(g.width, 2);
	ck_assert_int_eq(canvas_get(c, 1, 0, &g), 0);
	ck_assert_uint_eq(g.cp, CANVAS_CONT);
	ck_assert_int_eq(g.width, 0);
	/* Overwriting the right half blanks the left half. */
	canvas_put(c, 1, 0, 'x', 0);
	assert_render(c, 0, " x\u2026\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_put_sanitises)
{
	struct canvas *c = charthelp_canvas(4, 1, CANVAS_ASCII);

	canvas_put(c, 0, 0, 0x2588, 0);
	canvas_put(c, 1, 0, 0x1b, 0);
	canvas_put(c, 2, 0, 'k', 0);
	canvas_put(c, 9, 0, 'k', 0); /* outside: ignored */
	assert_render(c, 0, "??k\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_braille_bits)
{
	struct canvas *c = charthelp_canvas(1, 1, CANVAS_UTF8);

	/* Dot (0,0) is dot 1, (1,3) dot 8. */
	canvas_dot(c, 0, 0, CANVAS_LAYER_LINE, CANVAS_STYLE_AXIS, 0);
	ck_assert_uint_eq(canvas_dots(c, 0, 0, CANVAS_LAYER_LINE), 0x01);
	canvas_dot(c, 1, 3, CANVAS_LAYER_LINE, CANVAS_STYLE_AXIS, 0);
	ck_assert_uint_eq(canvas_dots(c, 0, 0, CANVAS_LAYER_LINE), 0x81);
	canvas_dot(c, 0, 3, CANVAS_LAYER_LINE, CANVAS_STYLE_AXIS, 0);
	canvas_dot(c, 1, 0, CANVAS_LAYER_LINE, CANVAS_STYLE_AXIS, 0);
	ck_assert_uint_eq(canvas_dots(c, 0, 0, CANVAS_LAYER_LINE), 0xC9);
	assert_render(c, 0, "\u28c9\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_braille_merge_keeps_both_later_style)
{
	struct canvas *c = charthelp_canvas(2, 1, CANVAS_UTF8);
	struct canvas_glyph g;

	canvas_dot(c, 0, 0, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_A, 0);
	canvas_dot(c, 1, 1, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_B, 0);
	canvas_get(c, 0, 0, &g);
	ck_assert_uint_eq(g.cp, 0x2800 + 0x01 + 0x10);
	ck_assert_int_eq(g.style, CANVAS_STYLE_SERIES_B);
	/* The other order: A drawn last takes the cell. */
	canvas_dot(c, 3, 1, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_B, 0);
	canvas_dot(c, 2, 0, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_A, 0);
	canvas_get(c, 1, 0, &g);
	ck_assert_uint_eq(g.cp, 0x2811);
	ck_assert_int_eq(g.style, CANVAS_STYLE_SERIES_A);
	canvas_free(c);
}
END_TEST

START_TEST(test_layers_top_shows)
{
	struct canvas *c = charthelp_canvas(1, 1, CANVAS_UTF8);
	struct canvas_glyph g;

	canvas_dot(c, 0, 0, CANVAS_LAYER_GRID, CANVAS_STYLE_RING, '.');
	canvas_get(c, 0, 0, &g);
	ck_assert_uint_eq(g.cp, 0x2801);
	ck_assert_int_eq(g.style, CANVAS_STYLE_RING);
	canvas_dot(c, 1, 0, CANVAS_LAYER_FILL, CANVAS_STYLE_FILL_A, '.');
	canvas_get(c, 0, 0, &g);
	ck_assert_uint_eq(g.cp, 0x2808);
	ck_assert_int_eq(g.style, CANVAS_STYLE_FILL_A);
	canvas_dot(c, 0, 3, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_A, '*');
	canvas_get(c, 0, 0, &g);
	ck_assert_uint_eq(g.cp, 0x2840);
	ck_assert_int_eq(g.style, CANVAS_STYLE_SERIES_A);
	/* Lower layers keep their dots underneath. */
	ck_assert_uint_eq(canvas_dots(c, 0, 0, CANVAS_LAYER_GRID), 0x01);
	canvas_free(c);
}
END_TEST

START_TEST(test_text_hides_dots)
{
	struct canvas *c = charthelp_canvas(2, 1, CANVAS_UTF8);

	canvas_dot(c, 0, 0, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_A, 0);
	canvas_text(c, 0, 0, 1, "x", CANVAS_STYLE_LABEL);
	canvas_dot(c, 1, 1, CANVAS_LAYER_LINE, CANVAS_STYLE_SERIES_A, 0);
	assert_render(c, 0, "x\n");
	ck_assert_uint_eq(canvas_dots(c, 0, 0, CANVAS_LAYER_LINE), 0);
	canvas_free(c);
}
END_TEST

START_TEST(test_ascii_lines_by_slope)
{
	struct canvas *c = charthelp_canvas(12, 6, CANVAS_ASCII);

	canvas_line(c, 0.5, 0.5, 23.5, 0.5, 1, CANVAS_LAYER_LINE,
		    CANVAS_STYLE_AXIS, 0);
	canvas_line(c, 0.5, 4.5, 0.5, 23.5, 1, CANVAS_LAYER_LINE,
		    CANVAS_STYLE_AXIS, 0);
	canvas_line(c, 4.5, 4.5, 12.5, 12.5, 1, CANVAS_LAYER_LINE,
		    CANVAS_STYLE_AXIS, 0);
	canvas_line(c, 20.5, 4.5, 12.5, 12.5, 1, CANVAS_LAYER_LINE,
		    CANVAS_STYLE_AXIS, 0);
	assert_render(c, 0,
		      "------------\n"
		      "| \\\\    ///\n"
		      "|   \\\\///\n"
		      "|     /\n"
		      "|\n"
		      "|\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_line_pattern_and_every)
{
	struct canvas *c = charthelp_canvas(8, 1, CANVAS_UTF8);

	/* Every other dot along the top row of dots. */
	canvas_line(c, 0.5, 0.5, 15.5, 0.5, 2, CANVAS_LAYER_GRID,
		    CANVAS_STYLE_RING, 0);
	for (int x = 0; x < 8; x++)
		ck_assert_uint_eq(canvas_dots(c, x, 0, CANVAS_LAYER_GRID),
				  0x01);
	/* Dashes: two on, two off, on the second row of dots. */
	canvas_line_pattern(c, 0.5, 1.5, 15.5, 1.5, 0x3333, CANVAS_LAYER_LINE,
			    CANVAS_STYLE_SERIES_B, 0);
	for (int x = 0; x < 8; x++)
		ck_assert_uint_eq(canvas_dots(c, x, 0, CANVAS_LAYER_LINE),
				  x % 2 ? 0 : 0x12);
	canvas_free(c);
}
END_TEST

START_TEST(test_render_colour_and_trim)
{
	struct canvas *c = charthelp_canvas(10, 2, CANVAS_UTF8);

	canvas_text(c, 0, 0, 3, "ab", CANVAS_STYLE_LABEL);
	canvas_text(c, 3, 0, 3, "cd", CANVAS_STYLE_SERIES_A);
	assert_render(c, CANVAS_RENDER_COLOR,
		      "\033[0;1mab\033[0m \033[0;1;34mcd\033[0m\n\n");
	assert_render(c, 0, "ab cd\n\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_render_into_counts)
{
	struct canvas *c = charthelp_canvas(5, 2, CANVAS_UTF8);
	char small[4], big[64];

	canvas_text(c, 0, 0, 5, "hello", 0);
	canvas_text(c, 0, 1, 5, "w", 0);
	ck_assert_uint_eq(canvas_render_into(c, 0, NULL, 0), 8);
	ck_assert_uint_eq(canvas_render_into(c, 0, small, sizeof small), 8);
	ck_assert_str_eq(small, "hel");
	ck_assert_uint_eq(canvas_render_into(c, 0, big, sizeof big), 8);
	ck_assert_str_eq(big, "hello\nw\n");
	canvas_free(c);
}
END_TEST

START_TEST(test_resize_and_clear_rect)
{
	struct error err = {0};
	struct canvas *c = charthelp_canvas(3, 1, CANVAS_UTF8);

	canvas_text(c, 0, 0, 3, "abc", 0);
	ck_assert_int_eq(canvas_resize(c, 6, 2, &err), 0);
	assert_render(c, 0, "\n\n");
	canvas_text(c, 0, 0, 6, "abcdef", 0);
	canvas_text(c, 0, 1, 6, "ghijkl", 0);
	canvas_clear_rect(c, 2, 0, 2, 5);
	assert_render(c, 0, "ab  ef\ngh  kl\n");
	ck_assert_int_eq(canvas_resize(c, 0, 2, &err), -1);
	ck_assert_int_eq(canvas_width(c), 6);
	canvas_free(c);
}
END_TEST

START_TEST(test_style_names)
{
	ck_assert_str_eq(canvas_style_name(CANVAS_STYLE_SERIES_B), "series-b");
	ck_assert_str_eq(canvas_style_name(CANVAS_STYLE_COUNT), "?");
	ck_assert_str_eq(canvas_style_sgr(CANVAS_STYLE_BAND_RED), "31");
	for (int s = 0; s < CANVAS_STYLE_COUNT; s++)
		ck_assert_ptr_nonnull(canvas_style_name(s));
}
END_TEST

/* No style is written in yellow (33) or cyan (36), nor their bright forms:
 * on a white background they can hardly be read. */
START_TEST(test_style_colours_read_on_white)
{
	for (int s = 0; s < CANVAS_STYLE_COUNT; s++) {
		char sgr[32];
		snprintf(sgr, sizeof sgr, ";%s;", canvas_style_sgr(s));
		for (const char *bad = ";33;\0;36;\0;93;\0;96;\0"; *bad;
		     bad += strlen(bad) + 1)
			ck_assert_msg(!strstr(sgr, bad), "%s uses %s",
				      canvas_style_name(s), bad);
	}
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
	    test_new_bad_size,
	    test_blank_renders_newlines,
	    test_text_plain_and_clipped,
	    test_text_truncated_with_ellipsis,
	    test_text_sanitised,
	    test_wide_text_cut_by_width,
	    test_put_sanitises,
	    test_braille_bits,
	    test_braille_merge_keeps_both_later_style,
	    test_layers_top_shows,
	    test_text_hides_dots,
	    test_ascii_lines_by_slope,
	    test_line_pattern_and_every,
	    test_render_colour_and_trim,
	    test_render_into_counts,
	    test_resize_and_clear_rect,
	    test_style_names,
	    test_style_colours_read_on_white,
	};

	setlocale(LC_ALL, "C.UTF-8");
	return UNIT_RUN_TESTS("canvas", tests);
}
