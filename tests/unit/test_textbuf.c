/* test_textbuf.c - the note editor's text without a terminal: word wrap,
 * cursor moves by characters, rows and row ends, editing across lines,
 * UTF-8 in and out, display widths. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/textbuf.h"
#include "unit.h"

static struct textbuf t;

static void setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	textbuf_init(&t, 1000);
}

static void teardown(void)
{
	textbuf_free(&t);
}

static void set(const char *s, int width)
{
	ck_assert_int_eq(textbuf_set_utf8(&t, s), 0);
	ck_assert_int_eq(textbuf_layout(&t, width), 0);
}

/* Row r as UTF-8, for comparing. */
static const char *row(size_t r)
{
	static char buf[256];
	size_t o = 0;
	ck_assert_uint_lt(r, t.nrows);
	for (size_t k = t.rows[r].start; k < t.rows[r].end; k++) {
		int n = wctomb(buf + o, t.text[k]);
		ck_assert_int_gt(n, 0);
		o += (size_t)n;
	}
	buf[o] = '\0';
	return buf;
}

static void type(const char *s)
{
	for (; *s; s++)
		ck_assert_int_eq(textbuf_insert(&t, (wchar_t)*s), 0);
}

static void expect_text(const char *want)
{
	char *got = textbuf_utf8(&t);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(empty_text_has_one_row)
{
	ck_assert_uint_eq(t.nrows, 1);
	ck_assert_uint_eq(t.rows[0].start, 0);
	ck_assert_uint_eq(t.rows[0].end, 0);
	ck_assert_uint_eq(textbuf_cursor_row(&t), 0);
	ck_assert_int_eq(textbuf_cursor_col(&t), 0);
	ck_assert_int_eq(t.dirty, 0);
	expect_text("");
}
END_TEST

START_TEST(wraps_after_the_last_blank_that_fits)
{
	set("the quick brown fox jumps", 10);
	ck_assert_uint_eq(t.nrows, 3);
	ck_assert_str_eq(row(0), "the quick");
	ck_assert_str_eq(row(1), "brown fox");
	ck_assert_str_eq(row(2), "jumps");
}
END_TEST

START_TEST(a_blank_at_the_edge_is_the_break)
{
	/* "abcde" fills 5 cells; the blank after it starts the next row. */
	set("abcde fgh", 5);
	ck_assert_uint_eq(t.nrows, 2);
	ck_assert_str_eq(row(0), "abcde");
	ck_assert_str_eq(row(1), "fgh");
}
END_TEST

START_TEST(a_long_word_is_cut)
{
	set("abcdefghij xy", 4);
	ck_assert_uint_eq(t.nrows, 4);
	ck_assert_str_eq(row(0), "abcd");
	ck_assert_str_eq(row(1), "efgh");
	ck_assert_str_eq(row(2), "ij");
	ck_assert_str_eq(row(3), "xy");
}
END_TEST

START_TEST(line_breaks_start_rows)
{
	set("one\n\ntwo\n", 20);
	ck_assert_uint_eq(t.nrows, 4);
	ck_assert_str_eq(row(0), "one");
	ck_assert_str_eq(row(1), "");
	ck_assert_str_eq(row(2), "two");
	ck_assert_str_eq(row(3), "");
	/* The cursor is at the end: on the empty last row. */
	ck_assert_uint_eq(textbuf_cursor_row(&t), 3);
}
END_TEST

START_TEST(wide_and_control_characters_take_two_cells)
{
	ck_assert_int_eq(textbuf_cells(L'a'), 1);
	ck_assert_int_eq(textbuf_cells(L'\u00e9'), 1);
	ck_assert_int_eq(textbuf_cells(L'\u65e5'), 2);
	ck_assert_int_eq(textbuf_cells(0x1b), 2);
	ck_assert_int_eq(textbuf_cells(0x7f), 2);
	ck_assert_int_eq(textbuf_cells(0x85), 2);
	/* Four CJK characters in rows of five cells: two a row. */
	set("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x96\x87", 5);
	ck_assert_uint_eq(t.nrows, 2);
	ck_assert_str_eq(row(0), "\xe6\x97\xa5\xe6\x9c\xac");
	ck_assert_int_eq(textbuf_cursor_col(&t), 4);
}
END_TEST

START_TEST(utf8_round_trip_and_bad_bytes)
{
	set("Z\xc3\xb6\xc3\xab \xc3\x85ngstr\xc3\xb6m", 40);
	ck_assert_uint_eq(t.len, 12);
	expect_text("Z\xc3\xb6\xc3\xab \xc3\x85ngstr\xc3\xb6m");
	set("a\xff" "b", 40);
	ck_assert_uint_eq(t.len, 3);
	ck_assert_int_eq(t.text[1], 0xFFFD);
	expect_text("a\xef\xbf\xbd" "b");
}
END_TEST

START_TEST(typing_and_deleting_across_lines)
{
	textbuf_layout(&t, 20);
	type("ab\ncd");
	ck_assert_int_eq(t.dirty, 1);
	expect_text("ab\ncd");
	ck_assert_uint_eq(textbuf_cursor_row(&t), 1);
	textbuf_move(&t, TEXTBUF_ROW_START, 0);
	ck_assert_uint_eq(t.cur, 3);
	textbuf_backspace(&t); /* joins the lines */
	expect_text("abcd");
	ck_assert_uint_eq(t.cur, 2);
	ck_assert_uint_eq(t.nrows, 1);
	textbuf_delete(&t);
	expect_text("abd");
	textbuf_move(&t, TEXTBUF_ROW_END, 0);
	textbuf_delete(&t); /* nothing under the cursor at the end */
	textbuf_move(&t, TEXTBUF_ROW_START, 0);
	textbuf_backspace(&t); /* nothing before the start */
	expect_text("abd");
}
END_TEST

START_TEST(up_and_down_keep_the_column)
{
	set("abcdefgh\nab\nabcdefgh", 20);
	textbuf_move(&t, TEXTBUF_UP, 2);
	ck_assert_uint_eq(textbuf_cursor_row(&t), 0);
	textbuf_move(&t, TEXTBUF_ROW_START, 0);
	for (int i = 0; i < 6; i++)
		textbuf_move(&t, TEXTBUF_RIGHT, 0);
	ck_assert_int_eq(textbuf_cursor_col(&t), 6);
	textbuf_move(&t, TEXTBUF_DOWN, 1);
	/* The short row ends at column 2... */
	ck_assert_uint_eq(textbuf_cursor_row(&t), 1);
	ck_assert_int_eq(textbuf_cursor_col(&t), 2);
	textbuf_move(&t, TEXTBUF_DOWN, 1);
	/* ...and the next long one takes column 6 again. */
	ck_assert_uint_eq(textbuf_cursor_row(&t), 2);
	ck_assert_int_eq(textbuf_cursor_col(&t), 6);
	/* A page past either end stops at the first or last row. */
	textbuf_move(&t, TEXTBUF_DOWN, 50);
	ck_assert_uint_eq(textbuf_cursor_row(&t), 2);
	textbuf_move(&t, TEXTBUF_UP, 50);
	ck_assert_uint_eq(textbuf_cursor_row(&t), 0);
	ck_assert_int_eq(textbuf_cursor_col(&t), 6);
	/* A sideways move sets a new column to keep. */
	textbuf_move(&t, TEXTBUF_LEFT, 0);
	textbuf_move(&t, TEXTBUF_DOWN, 2);
	ck_assert_int_eq(textbuf_cursor_col(&t), 5);
}
END_TEST

START_TEST(moves_stop_at_the_ends)
{
	set("ab", 10);
	textbuf_move(&t, TEXTBUF_RIGHT, 0);
	ck_assert_uint_eq(t.cur, 2);
	textbuf_move(&t, TEXTBUF_LEFT, 0);
	textbuf_move(&t, TEXTBUF_LEFT, 0);
	textbuf_move(&t, TEXTBUF_LEFT, 0);
	ck_assert_uint_eq(t.cur, 0);
}
END_TEST

START_TEST(row_ends_of_wrapped_rows)
{
	set("hello world again", 11);
	ck_assert_str_eq(row(0), "hello world");
	ck_assert_str_eq(row(1), "again");
	textbuf_move(&t, TEXTBUF_UP, 1);
	textbuf_move(&t, TEXTBUF_ROW_END, 0);
	ck_assert_uint_eq(t.cur, 11);
	textbuf_move(&t, TEXTBUF_ROW_START, 0);
	ck_assert_uint_eq(t.cur, 0);
}
END_TEST

START_TEST(relayout_after_a_resize_keeps_the_text)
{
	set("one two three four five", 9);
	ck_assert_uint_eq(t.nrows, 3);
	ck_assert_int_eq(textbuf_layout(&t, 40), 0);
	ck_assert_uint_eq(t.nrows, 1);
	ck_assert_int_eq(textbuf_layout(&t, 0), 0); /* taken as 1 */
	ck_assert_int_eq(t.width, 1);
	expect_text("one two three four five");
	ck_assert_uint_eq(t.cur, t.len);
}
END_TEST

/* The limit stops typing; text set from the store is never cut (the
 * person form cut names at 120 characters when saving another field). */
START_TEST(a_full_buffer_refuses_more)
{
	textbuf_free(&t);
	textbuf_init(&t, 3);
	set("abcdef", 10);
	expect_text("abcdef");
	ck_assert_int_eq(textbuf_insert(&t, L'x'), -1);
	expect_text("abcdef");
	set("ab", 10);
	ck_assert_int_eq(textbuf_insert(&t, L'x'), 0);
	ck_assert_int_eq(textbuf_insert(&t, L'y'), -1);
	expect_text("abx");
}
END_TEST

/* "Zoé" typed with a combining acute, a ZWJ emoji and a variation
 * selector: one cursor step, one Backspace each, nothing reordered. */
START_TEST(clusters_move_and_delete_whole)
{
	set("Zoe\xcc\x81!", 20);
	ck_assert_int_eq(textbuf_cursor_col(&t), 4);
	textbuf_move(&t, TEXTBUF_LEFT, 0);
	textbuf_move(&t, TEXTBUF_LEFT, 0);
	ck_assert_uint_eq(t.cur, 2);
	textbuf_move(&t, TEXTBUF_RIGHT, 0);
	ck_assert_uint_eq(t.cur, 4);
	textbuf_backspace(&t);
	expect_text("Zo!");
	set("a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"
	    "\xe2\x9d\xa4\xef\xb8\x8f", 20);
	textbuf_backspace(&t);
	expect_text("a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	textbuf_backspace(&t);
	expect_text("a");
	/* Typing a mark after a letter keeps it on that letter. */
	set("", 20);
	type("Zoe");
	ck_assert_int_eq(textbuf_insert(&t, 0x0301), 0);
	expect_text("Zoe\xcc\x81");
	ck_assert_int_eq(textbuf_cursor_col(&t), 3);
}
END_TEST

START_TEST(word_delete_and_cut)
{
	set("one two  three", 40);
	textbuf_delete_word(&t);
	expect_text("one two  ");
	textbuf_delete_word(&t);
	expect_text("one ");
	set("keep this", 40);
	textbuf_move(&t, TEXTBUF_START, 0);
	ck_assert_uint_eq(t.cur, 0);
	textbuf_cut(&t, 4, 9);
	expect_text("keep");
	textbuf_move(&t, TEXTBUF_END, 0);
	ck_assert_uint_eq(t.cur, 4);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("textbuf");
	TCase *tc = tcase_create("textbuf");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, empty_text_has_one_row);
	tcase_add_test(tc, wraps_after_the_last_blank_that_fits);
	tcase_add_test(tc, a_blank_at_the_edge_is_the_break);
	tcase_add_test(tc, a_long_word_is_cut);
	tcase_add_test(tc, line_breaks_start_rows);
	tcase_add_test(tc, wide_and_control_characters_take_two_cells);
	tcase_add_test(tc, utf8_round_trip_and_bad_bytes);
	tcase_add_test(tc, typing_and_deleting_across_lines);
	tcase_add_test(tc, up_and_down_keep_the_column);
	tcase_add_test(tc, moves_stop_at_the_ends);
	tcase_add_test(tc, row_ends_of_wrapped_rows);
	tcase_add_test(tc, relayout_after_a_resize_keeps_the_text);
	tcase_add_test(tc, a_full_buffer_refuses_more);
	tcase_add_test(tc, clusters_move_and_delete_whole);
	tcase_add_test(tc, word_delete_and_cut);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
