/* test_ladder.c - rung lookups and the climb, on the shipped ladder. */
#include "config.h"

#include <check.h>

#include "core/content.h"
#include "core/ladder.h"

#define SHIPPED TEST_SRCDIR "/content"

static struct content *c;

static void setup(void)
{
	struct error e;
	c = content_load(SHIPPED, NULL, NULL, &e);
	ck_assert_ptr_nonnull(c);
}

static void teardown(void)
{
	content_free(c);
}

START_TEST(rungs_by_number_and_id)
{
	ck_assert_str_eq(ladder_rung(c, 1)->id, "unaware");
	ck_assert_str_eq(ladder_rung(c, 4)->id, "wait-and-hope");
	ck_assert_str_eq(ladder_rung(c, 8)->name, "Make it happen");
	ck_assert_ptr_null(ladder_rung(c, 0));
	ck_assert_ptr_null(ladder_rung(c, 9));
	ck_assert_int_eq(ladder_rung_by_id(c, "blame-others")->number, 2);
	ck_assert_int_eq(ladder_rung_by_id(c, "find-solutions")->number, 7);
	ck_assert_ptr_null(ladder_rung_by_id(c, "denial"));
}
END_TEST

START_TEST(the_line)
{
	ck_assert_int_eq(ladder_line(c), 5);
	ck_assert_int_eq(ladder_is_above(ladder_rung(c, 4)), 0);
	ck_assert_int_eq(ladder_is_above(ladder_rung(c, 5)), 1);
	ck_assert_int_eq(ladder_is_above(NULL), 0);
	for (int n = 1; n <= 8; n++)
		ck_assert_int_eq(ladder_is_above(ladder_rung(c, n)), n >= 5);
}
END_TEST

START_TEST(climb)
{
	const struct content_rung *path[8];
	ck_assert_uint_eq(ladder_path(c, 3, path, 8), 6);
	ck_assert_str_eq(path[0]->id, "excuses");
	ck_assert_str_eq(path[1]->id, "wait-and-hope");
	ck_assert_str_eq(path[2]->id, "acknowledge-reality");
	ck_assert_str_eq(path[5]->id, "make-it-happen");
	ck_assert_uint_eq(ladder_path(c, 8, path, 8), 1);
	ck_assert_str_eq(path[0]->id, "make-it-happen");
	ck_assert_uint_eq(ladder_path(c, 0, path, 8), 0);
	ck_assert_uint_eq(ladder_path(c, 9, path, 8), 0);
	const struct content_rung *two[2] = {NULL, NULL};
	ck_assert_uint_eq(ladder_path(c, 1, two, 2), 8);
	ck_assert_str_eq(two[1]->id, "blame-others");
	ck_assert_str_eq(ladder_next(c, ladder_rung(c, 4))->id,
			 "acknowledge-reality");
	ck_assert_ptr_null(ladder_next(c, ladder_rung(c, 8)));
	ck_assert_ptr_null(ladder_next(c, NULL));
	ck_assert_int_eq(ladder_distance(2, 8), 6);
	ck_assert_int_eq(ladder_distance(6, 5), -1);
}
END_TEST

START_TEST(every_rung_has_its_words)
{
	for (int n = 1; n <= 8; n++) {
		const struct content_rung *r = ladder_rung(c, n);
		ck_assert_int_eq(r->number, n);
		ck_assert_str_ne(r->sounds_like, "");
		ck_assert_str_ne(r->question, "");
	}
}
END_TEST

static Suite *ladder_suite(void)
{
	Suite *s = suite_create("ladder");
	TCase *t = tcase_create("ladder");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, rungs_by_number_and_id);
	tcase_add_test(t, the_line);
	tcase_add_test(t, climb);
	tcase_add_test(t, every_rung_has_its_words);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(ladder_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
