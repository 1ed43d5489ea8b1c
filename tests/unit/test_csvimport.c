/* test_csvimport.c - round trip, idempotence, merging and every kind of
 * broken input, on the seed database (tests/unit/csvseed.h). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvexport.h"
#include "core/csvimport.h"
#include "csvseed.h"

static struct seed sd;
static struct store *dst;

/* The problems an import reported, one per line. */
static char diags[8192];

static void on_diag(const char *line, void *ud)
{
	(void)ud;
	strncat(diags, line, sizeof diags - strlen(diags) - 2);
	strcat(diags, "\n");
}

static void setup(void)
{
	seed_make(&sd);
	dst = seed_empty(&sd, "dst.db");
	diags[0] = '\0';
}

static void teardown(void)
{
	store_close(dst);
	seed_free(&sd);
}

static char *detail_of(struct store *s, size_t *len)
{
	char *buf = NULL;
	struct error e = {0};
	struct csvexport_options o;
	csvexport_options_init(&o);
	o.format = CSVEXPORT_DETAIL;
	FILE *fp = open_memstream(&buf, len);
	ck_assert_ptr_nonnull(fp);
	ck_assert_msg(csvexport_write(s, sd.c, &o, NULL, fp, NULL, &e) == 0,
		      "%s", e.msg);
	fclose(fp);
	return buf;
}

static int import(const char *text, size_t len, struct csvimport_counts *n,
		  struct error *e)
{
	return csvimport_mem(dst, "in.csv", text, len, on_diag, NULL, n, e);
}

static int on_person(const struct store_person_row *p, void *ud)
{
	(void)p;
	(*(int *)ud)++;
	return 0;
}

static int people_in(struct store *s)
{
	int n = 0;
	struct error e = {0};
	ck_assert_int_eq(store_people_each(s, 1, on_person, &n, &e), 0);
	return n;
}

START_TEST(round_trip_is_byte_identical)
{
	size_t len1, len2;
	struct csvimport_counts n;
	struct error e = {0};
	char *one = detail_of(sd.s, &len1);
	ck_assert_msg(import(one, len1, &n, &e) == 0, "%s\n%s", e.msg, diags);
	ck_assert_uint_eq(n.rows, 21);
	ck_assert_uint_eq(n.people_added, 2);
	ck_assert_uint_eq(n.sessions_added, 3);
	ck_assert_uint_eq(n.commitments_added, 2);
	char *two = detail_of(dst, &len2);
	ck_assert_uint_eq(len1, len2);
	ck_assert_int_eq(memcmp(one, two, len1), 0);
	free(one);
	free(two);
}
END_TEST

START_TEST(second_import_changes_nothing)
{
	size_t len, len2;
	struct csvimport_counts n;
	struct error e = {0};
	char *text = detail_of(sd.s, &len);
	ck_assert_int_eq(import(text, len, &n, &e), 0);
	char *before = detail_of(dst, &len2);
	ck_assert_int_eq(import(text, len, &n, &e), 0);
	ck_assert_uint_eq(n.people_added, 0);
	ck_assert_uint_eq(n.people_skipped, 2);
	ck_assert_uint_eq(n.sessions_added, 0);
	ck_assert_uint_eq(n.sessions_skipped, 3);
	ck_assert_uint_eq(n.commitments_added, 0);
	ck_assert_uint_eq(n.commitments_skipped, 2);
	char *after = detail_of(dst, &len2);
	ck_assert_str_eq(before, after);
	free(text);
	free(before);
	free(after);
}
END_TEST

START_TEST(people_matched_by_name_any_case)
{
	struct error e = {0};
	struct store_person p = {.name = "ADA"};
	ck_assert_int_eq(store_person_add(dst, &p, &e), 0);
	size_t len;
	struct csvimport_counts n;
	char *text = detail_of(sd.s, &len);
	ck_assert_int_eq(import(text, len, &n, &e), 0);
	ck_assert_uint_eq(n.people_added, 1);   /* Bo */
	ck_assert_uint_eq(n.people_skipped, 1); /* Ada is ADA */
	ck_assert_int_eq(people_in(dst), 2);
	struct store_session ses;
	int64_t id;
	ck_assert_int_eq(store_session_find_uuid(dst, sd.s1_uuid, &id, &e), 1);
	ck_assert_int_eq(store_session_get(dst, id, &ses, &e), 1);
	ck_assert_str_eq(ses.person_name, "ADA");
	store_session_clear(&ses);
	free(text);
}
END_TEST

/* Imports text that must fail with exactly the problems in want; the
 * database stays empty. */
static void must_fail(const char *text, size_t len, const char *want)
{
	struct csvimport_counts n;
	struct error e = {0};
	ck_assert_int_eq(import(text, len, &n, &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(diags, want);
	ck_assert_ptr_nonnull(strstr(e.msg, "nothing was imported"));
	ck_assert_int_eq(people_in(dst), 0);
}

/* The header and a valid person row, then a line of the test's own. */
static char *with_rows(const char *rows)
{
	static char buf[4096];
	size_t len;
	char *all = detail_of(sd.s, &len);
	char *end = strstr(all, "\r\nsession,");
	ck_assert_ptr_nonnull(end);
	end[2] = '\0';
	snprintf(buf, sizeof buf, "%s%s", all, rows);
	free(all);
	return buf;
}

START_TEST(broken_rows_all_reported)
{
	const char *text = with_rows(
		"bogus,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
		"person,x\r\n"
		"person,11111111-2222-4333-8444-555555555555,,,Cy,,,2,,,,,,,,,,"
		",,,,,,,2026-02-30T10:00:00Z,,,\r\n");
	must_fail(text, strlen(text),
		  "in.csv:4: unknown record type \"bogus\"\n"
		  "in.csv:5: 2 fields, expected 28\n"
		  "in.csv:6: column \"time\": bad time "
		  "\"2026-02-30T10:00:00Z\" (want YYYY-MM-DDTHH:MM:SSZ)\n"
		  "in.csv:6: column \"archived\": \"2\" is not a whole number "
		  "from 0 to 1\n");
}
END_TEST

START_TEST(rows_out_of_place)
{
	const char *text = with_rows(
		"answer,,,11111111-2222-4333-8444-555555555555,,,,,,,,,,"
		"x-1,2,text,,,,,,,,,2026-02-01T10:00:00Z,,,\r\n"
		"rating,,,,,,,,,,,,,clarity,6,,,,,,,,,,2026-02-01T10:00:00Z,,,"
		"\r\n");
	must_fail(text, strlen(text),
		  "in.csv:4: answer row: no session row above it\n"
		  "in.csv:5: rating row: column \"session\" is required\n"
		  "in.csv:5: column \"value\": \"6\" is not a whole number "
		  "from 1 to 5\n");
}
END_TEST

START_TEST(csv_syntax_errors)
{
	const char *quote = with_rows("person,\"unterminated\r\n");
	must_fail(quote, strlen(quote),
		  "in.csv:4:2: quoted field not closed before the end of the "
		  "file\n");
	diags[0] = '\0';
	char nul[4200];
	const char *base = with_rows("");
	size_t len = strlen(base);
	memcpy(nul, base, len);
	memcpy(nul + len, "person,a\0b\r\n", 12);
	struct csvimport_counts n;
	struct error e = {0};
	ck_assert_int_eq(import(nul, len + 12, &n, &e), -1);
	ck_assert_ptr_nonnull(strstr(diags, "in.csv:4:"));
	ck_assert_int_eq(people_in(dst), 0);
}
END_TEST

START_TEST(wrong_header_and_empty)
{
	must_fail("a,b\r\n1,2\r\n", 10,
		  "in.csv:1: not an `ownit export --detail` file: header "
		  "column 1 is \"a\", expected \"record\"\n");
	diags[0] = '\0';
	must_fail("", 0, "in.csv:1: empty file: no header row\n");
}
END_TEST

START_TEST(valid_rows_before_a_bad_one_are_not_kept)
{
	size_t len;
	char *text = detail_of(sd.s, &len);
	char *bad = malloc(len + 64);
	ck_assert_ptr_nonnull(bad);
	memcpy(bad, text, len);
	memcpy(bad + len, "note,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n", 33);
	struct csvimport_counts n;
	struct error e = {0};
	ck_assert_int_eq(import(bad, len + 33, &n, &e), -1);
	ck_assert_int_eq(people_in(dst), 0);
	ck_assert_uint_eq(n.sessions_added, 0);
	free(bad);
	free(text);
}
END_TEST

int main(void)
{
	setenv("OWNIT_TODAY", "2026-03-02", 1);
	setenv("TZ", "UTC", 1);
	Suite *s = suite_create("csvimport");
	TCase *tc = tcase_create("import");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, round_trip_is_byte_identical);
	tcase_add_test(tc, second_import_changes_nothing);
	tcase_add_test(tc, people_matched_by_name_any_case);
	tcase_add_test(tc, broken_rows_all_reported);
	tcase_add_test(tc, rows_out_of_place);
	tcase_add_test(tc, csv_syntax_errors);
	tcase_add_test(tc, wrong_header_and_empty);
	tcase_add_test(tc, valid_rows_before_a_bad_one_are_not_kept);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
