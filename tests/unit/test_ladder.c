/* test_ladder.c - rung lookups and the climb, on the shipped ladder. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "core/content/content.h"
#include "core/coaching/ladder.h"
#include "unit.h"

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

/* Standing on a rung, the climb asks that rung's own question: the one
 * that gets a person off it.  Rungs 1 and 2 are asked too. */
START_TEST(question_of_the_rung_stood_on)
{
	for (int n = 1; n <= 8; n++)
		ck_assert_ptr_eq(ladder_question(c, n),
				 ladder_rung(c, n)->question);
	ck_assert_ptr_null(ladder_question(c, 0));
	ck_assert_ptr_null(ladder_question(c, 9));
	/* The words themselves: each moves off its own rung. */
	ck_assert_ptr_nonnull(strstr(ladder_question(c, 1), "not looked at"));
	ck_assert_ptr_nonnull(strstr(ladder_question(c, 2), "others did"));
	ck_assert_ptr_nonnull(strstr(ladder_question(c, 4), "nothing changes"));
	ck_assert_ptr_nonnull(strstr(ladder_question(c, 5), "yours to own"));
	ck_assert_ptr_nonnull(strstr(ladder_question(c, 8), "by when"));
	/* The first question of any climb is the one of today's rung. */
	for (int n = 1; n <= 8; n++) {
		const struct content_rung *route[8];
		ck_assert_uint_ge(ladder_route(c, n, route, 8), 1);
		ck_assert_int_eq(route[0]->number, n);
	}
}
END_TEST

static void assert_route(int from, const char *expect)
{
	const struct content_rung *route[8];
	size_t n = ladder_route(c, from, route, 8);
	char got[32] = "";
	for (size_t i = 0; i < n && i < 8; i++)
		got[i] = (char)('0' + route[i]->number);
	got[n < 8 ? n : 8] = '\0';
	ck_assert_str_eq(got, expect);
}

START_TEST(route_straight_to_acknowledge_reality)
{
	assert_route(1, "15678");
	assert_route(2, "25678");
	assert_route(3, "35678");
	assert_route(4, "45678");
	assert_route(5, "5678");
	assert_route(6, "678");
	assert_route(8, "8");
	assert_route(0, "");
	assert_route(9, "");
	const struct content_rung *two[2] = {NULL, NULL};
	ck_assert_uint_eq(ladder_route(c, 2, two, 2), 5);
	ck_assert_str_eq(two[1]->id, "acknowledge-reality");
	ck_assert_int_eq(ladder_after(c, 2, 2), 5);
	ck_assert_int_eq(ladder_after(c, 2, 5), 6);
	ck_assert_int_eq(ladder_after(c, 2, 7), 8);
	ck_assert_int_eq(ladder_after(c, 2, 8), 0);
	/* A rung skipped by the route, climbed by choice, leads one up. */
	ck_assert_int_eq(ladder_after(c, 1, 3), 4);
	ck_assert_int_eq(ladder_after(c, 1, 4), 5);
	ck_assert_int_eq(ladder_after(c, 6, 6), 7);
	ck_assert_int_eq(ladder_after(c, 0, 1), 0);
	ck_assert_int_eq(ladder_after(c, 1, 9), 0);
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
	tcase_add_test(t, question_of_the_rung_stood_on);
	tcase_add_test(t, route_straight_to_acknowledge_reality);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(ladder_suite());
}
