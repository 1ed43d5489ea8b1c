/* test_utext.c - widths, clusters, wrap, sanitising and name folding of
 * Unicode text, independent of the terminal and of LC_CTYPE. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"
#include "unit.h"

/* "Zoé" typed with a combining acute, "नमस्ते" (conjuncts and vowel
 * signs), a woman technologist emoji (ZWJ sequence) and a heart with a
 * variation selector. */
#define ZOE_COMBINING "Zoe\xcc\x81"
#define NAMASTE "\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87"
#define TECHNOLOGIST "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"
#define HEART_VS "\xe2\x9d\xa4\xef\xb8\x8f"
#define RLO "\xe2\x80\xae"

START_TEST(widths_by_the_library)
{
	ck_assert_int_eq(utext_width("abc"), 3);
	/* The combining acute takes no cell of its own. */
	ck_assert_int_eq(utext_width(ZOE_COMBINING), 3);
	ck_assert_int_eq(utext_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	ck_assert_int_eq(utext_width("a\tb"), 4);
	ck_assert_int_eq(utext_width("a" RLO "b"), 3);
	ck_assert_int_eq(utext_cells(0x0301), 0);
	ck_assert_int_eq(utext_cells(0x200d), 0);
	ck_assert_int_eq(utext_cells(0xfe0f), 0);
}
END_TEST

static size_t to_ucs4(const char *s, uint32_t *out)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len;)
		i += utext_decode(s + i, len - i, &out[n++]);
	return n;
}

static size_t clusters(const char *s)
{
	uint32_t u[64];
	size_t len = to_ucs4(s, u), n = 0;
	for (size_t i = 0; i < len; i = utext_cluster_next(u, len, i))
		n++;
	return n;
}

START_TEST(clusters_keep_marks_and_joiners_together)
{
	ck_assert_uint_eq(clusters(ZOE_COMBINING), 3);
	ck_assert_uint_eq(clusters(TECHNOLOGIST), 1);
	ck_assert_uint_eq(clusters(HEART_VS), 1);
	/* न, म, स्ते: the virama joins, the vowel sign stays on its base. */
	ck_assert_uint_lt(clusters(NAMASTE), 6);
	uint32_t u[16];
	size_t len = to_ucs4(ZOE_COMBINING, u);
	ck_assert_uint_eq(utext_cluster_prev(u, len, len), 2);
	ck_assert_uint_eq(utext_cluster_next(u, len, 2), 4);
	ck_assert_uint_eq(utext_cluster_prev(u, len, 0), 0);
}
END_TEST

static char *row_of(const char *s, int width, size_t *next)
{
	size_t n = utext_row(s, width, next);
	char *r = strndup(s, n);
	ck_assert_ptr_nonnull(r);
	return r;
}

START_TEST(wrap_never_splits_a_cluster)
{
	size_t next;
	char *r = row_of("the quick brown", 10, &next);
	ck_assert_str_eq(r, "the quick");
	free(r);
	/* "Zoé" fits in 3 cells although it has 4 characters. */
	r = row_of(ZOE_COMBINING ZOE_COMBINING, 3, &next);
	ck_assert_str_eq(r, ZOE_COMBINING);
	free(r);
	r = row_of("a\nb", 10, &next);
	ck_assert_str_eq(r, "a");
	ck_assert_uint_eq(next, 2);
	free(r);
	ck_assert_int_eq(utext_rows("one two three", 5), 3);
	ck_assert_int_eq(utext_rows("", 5), 1);
}
END_TEST

START_TEST(sanitize_hides_controls_and_overrides)
{
	char *s = utext_sanitize("a" RLO "b\x1b[31mc\td\n\xff");
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "a\xef\xbf\xbd"
			    "b\xef\xbf\xbd[31mc\td\n\xef\xbf\xbd");
	free(s);
	s = utext_sanitize(ZOE_COMBINING " " TECHNOLOGIST);
	ck_assert_str_eq(s, ZOE_COMBINING " " TECHNOLOGIST);
	free(s);
}
END_TEST

START_TEST(sanitize_line_is_one_line)
{
	char *s = utext_sanitize_line("a\x1b]0;x\x07\tb\nc\r" RLO "d");
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "a\xef\xbf\xbd]0;x\xef\xbf\xbd b c"
			    "\xef\xbf\xbd\xef\xbf\xbd"
			    "d");
	free(s);
}
END_TEST

START_TEST(names_fold_in_every_script)
{
	ck_assert_int_eq(utext_fold_equal("ZO\xc3\x8b M\xc3\x9cLLER",
					  "zo\xc3\xab m\xc3\xbcller"),
			 1);
	/* Composed and decomposed are one name. */
	ck_assert_int_eq(utext_fold_equal("Zo\xc3\xa9", ZOE_COMBINING), 1);
	/* Greek and Cyrillic fold too (ASCII-only NOCASE did not). */
	ck_assert_int_eq(utext_fold_equal("\xce\x9f\xce\xb4\xcf\x85\xcf\x83"
					  "\xcf\x83\xce\xad\xce\xb1\xcf\x82",
					  "\xce\xbf\xce\xb4\xcf\x85\xcf\x83"
					  "\xcf\x83\xce\xad\xce\xb1\xcf\x82"),
			 1);
	ck_assert_int_eq(utext_fold_equal("\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd",
					  "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd"),
			 1);
	ck_assert_int_eq(utext_fold_equal("Zoe", "Zo\xc3\xa9"), 0);
	ck_assert_int_eq(utext_fold_contains("Zo\xc3\xab M\xc3\xbcller",
					     "M\xc3\x9cL"),
			 1);
	ck_assert_int_eq(utext_fold_contains("Amira", ""), 1);
	ck_assert_int_eq(utext_fold_contains("Amira", "bob"), 0);
	char *k = utext_fold("STRASSE Stra\xc3\x9f" "e");
	ck_assert_str_eq(k, "strasse strasse");
	free(k);
	char *n = utext_nfc(ZOE_COMBINING);
	ck_assert_str_eq(n, "Zo\xc3\xa9");
	free(n);
}
END_TEST

START_TEST(collation_follows_the_locale)
{
	if (!setlocale(LC_ALL, "de_DE.UTF-8"))
		ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	/* Whatever the locale, case alone never decides before letters and
	 * distinct names never compare equal. */
	ck_assert_int_lt(utext_collate("amira", 5, "Bob", 3), 0);
	ck_assert_int_gt(utext_collate("Bob", 3, "amira", 5), 0);
	ck_assert_int_ne(utext_collate("bob", 3, "Bob", 3), 0);
	ck_assert_int_eq(utext_collate("Bob", 3, "Bob", 3), 0);
	if (strcmp(setlocale(LC_COLLATE, NULL), "de_DE.UTF-8") == 0) {
		/* Ö sorts with O in German, not after Z as its bytes would. */
		ck_assert_int_lt(utext_collate("\xc3\x96zil", 6, "Paul", 4),
				 0);
	}
	setlocale(LC_ALL, "C");
	ck_assert_int_eq(utext_locale_is_utf8(), 0);
	setlocale(LC_ALL, "C.UTF-8");
	ck_assert_int_eq(utext_locale_is_utf8(), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("utext");
	TCase *tc = tcase_create("utext");
	tcase_add_test(tc, widths_by_the_library);
	tcase_add_test(tc, clusters_keep_marks_and_joiners_together);
	tcase_add_test(tc, wrap_never_splits_a_cluster);
	tcase_add_test(tc, sanitize_hides_controls_and_overrides);
	tcase_add_test(tc, sanitize_line_is_one_line);
	tcase_add_test(tc, names_fold_in_every_script);
	tcase_add_test(tc, collation_follows_the_locale);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
