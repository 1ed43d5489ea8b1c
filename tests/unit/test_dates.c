/* test_dates.c - timestamps, calendar days and due-date parsing. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/dates.h"
#include "unit.h"

static void due_ok(const char *in, const char *today, const char *want)
{
	char out[DATES_DAY_SIZE];
	struct error err = {0};
	int r = dates_parse_due(in, today, out, &err);
	ck_assert_msg(r == 0, "\"%s\" refused: %s", in, err.msg);
	ck_assert_str_eq(out, want);
}

static void due_bad(const char *in, const char *want_in_msg)
{
	char out[DATES_DAY_SIZE];
	struct error err = {0};
	ck_assert_int_eq(dates_parse_due(in, "2026-11-23", out, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_msg(strstr(err.msg, want_in_msg) != NULL,
		      "message for \"%s\" lacks \"%s\": %s", in, want_in_msg,
		      err.msg);
}

/* Making or renegotiating a commitment refuses every past form alike,
 * the calendar one included; today and later pass. */
START_TEST(due_ahead)
{
	char out[DATES_DAY_SIZE];
	struct error err = {0};
	ck_assert_int_eq(
		dates_parse_due_ahead("2026-11-22", "2026-11-23", out, &err),
		-1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "2026-11-22 is in the past"));
	ck_assert_ptr_nonnull(strstr(err.msg, "today is 2026-11-23"));
	error_clear(&err);
	ck_assert_int_eq(
		dates_parse_due_ahead("yesterday", "2026-11-23", out, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "in the past"));
	ck_assert_int_eq(
		dates_parse_due_ahead("2026-11-23", "2026-11-23", out, &err), 0);
	ck_assert_str_eq(out, "2026-11-23");
	ck_assert_int_eq(dates_parse_due_ahead("+1d", "2026-11-23", out, &err),
			 0);
	ck_assert_str_eq(out, "2026-11-24");
	/* The lenient parser still takes a past day (import, history). */
	ck_assert_int_eq(dates_parse_due("2020-01-01", "2026-11-23", out, &err),
			 0);
}
END_TEST

START_TEST(valid_days)
{
	ck_assert_int_eq(dates_valid_day("2026-11-23"), 1);
	ck_assert_int_eq(dates_valid_day("2024-02-29"), 1);
	ck_assert_int_eq(dates_valid_day("2000-02-29"), 1);
	ck_assert_int_eq(dates_valid_day("1900-02-29"), 0);
	ck_assert_int_eq(dates_valid_day("2026-02-29"), 0);
	ck_assert_int_eq(dates_valid_day("2026-02-30"), 0);
	ck_assert_int_eq(dates_valid_day("2026-04-31"), 0);
	ck_assert_int_eq(dates_valid_day("2026-13-01"), 0);
	ck_assert_int_eq(dates_valid_day("2026-00-10"), 0);
	ck_assert_int_eq(dates_valid_day("2026-1-10"), 0);
	ck_assert_int_eq(dates_valid_day("2026-01-10x"), 0);
	ck_assert_int_eq(dates_valid_day(""), 0);
	ck_assert_int_eq(dates_valid_day(NULL), 0);
}
END_TEST

START_TEST(valid_timestamps)
{
	ck_assert_int_eq(dates_valid_ts("2026-11-23T09:30:00Z"), 1);
	ck_assert_int_eq(dates_valid_ts("2026-11-23T24:00:00Z"), 0);
	ck_assert_int_eq(dates_valid_ts("2026-11-23 09:30:00Z"), 0);
	ck_assert_int_eq(dates_valid_ts("2026-11-23T09:30:00"), 0);
	ck_assert_int_eq(dates_valid_ts("2026-02-30T09:30:00Z"), 0);
}
END_TEST

START_TEST(arithmetic)
{
	char out[DATES_DAY_SIZE];
	ck_assert_int_eq(dates_add_days("2026-12-31", 1, out, NULL), 0);
	ck_assert_str_eq(out, "2027-01-01");
	ck_assert_int_eq(dates_add_days("2024-03-01", -1, out, NULL), 0);
	ck_assert_str_eq(out, "2024-02-29");
	ck_assert_int_eq(dates_add_days("2026-11-23", -365, out, NULL), 0);
	ck_assert_str_eq(out, "2025-11-23");
	ck_assert_int_eq(dates_add_days("2026-02-30", 1, out, NULL), -1);
	ck_assert_int_eq(dates_diff_days("2026-11-23", "2026-12-25"), 32);
	ck_assert_int_eq(dates_diff_days("2026-12-25", "2026-11-23"), -32);
	ck_assert_int_eq(dates_weekday("2026-11-23"), 0); /* a Monday */
	ck_assert_int_eq(dates_weekday("2026-11-29"), 6);
	ck_assert_int_eq(dates_weekday("1970-01-01"), 3);
}
END_TEST

START_TEST(due_forms)
{
	/* 2026-11-23 is a Monday. */
	due_ok("2026-12-05", "2026-11-23", "2026-12-05");
	due_ok("  2026-12-05 ", "2026-11-23", "2026-12-05");
	due_ok("today", "2026-11-23", "2026-11-23");
	due_ok("TODAY", "2026-11-23", "2026-11-23");
	due_ok("+7d", "2026-11-23", "2026-11-30");
	due_ok("+1d", "2026-12-31", "2027-01-01");
	due_ok("+2w", "2026-11-23", "2026-12-07");
	due_ok("+2W", "2026-11-23", "2026-12-07");
	due_ok("fri", "2026-11-23", "2026-11-27");
	due_ok("Friday", "2026-11-23", "2026-11-27");
	due_ok("mon", "2026-11-23", "2026-11-30"); /* next, not today */
	due_ok("sun", "2026-11-23", "2026-11-29");
	due_ok("tue", "2026-11-28", "2026-12-01");
	due_ok("2026-01-01", "2026-11-23", "2026-01-01");
}
END_TEST

START_TEST(due_refused)
{
	due_bad("2026-02-30", "\"2026-02-30\" is not a calendar day");
	due_bad("2026-13-01", "not a calendar day");
	due_bad("26-12-01", "not a calendar day");
	due_bad("+0d", "\"+0d\" is today");
	due_bad("+0w", "is today");
	due_bad("yesterday", "\"yesterday\" is in the past");
	due_bad("-3d", "in the past");
	due_bad("+7", "+N followed by d");
	due_bad("+d", "+N followed by d");
	due_bad("+7dd", "+N followed by d");
	due_bad("+99999d", "more than ten years");
	due_bad("soon", "\"soon\" not understood");
	due_bad("fr", "not understood");
	due_bad("", "empty");
	due_bad("   ", "empty");
}
END_TEST

/* The example the screens show is a week ahead of whatever today is, and
 * the messages name the same one, so typing it is always accepted. */
START_TEST(due_example)
{
	char ex[DATES_DAY_SIZE], out[DATES_DAY_SIZE];
	dates_due_example("2026-11-23", ex);
	ck_assert_str_eq(ex, "2026-11-30");
	dates_due_example("2026-12-28", ex);
	ck_assert_str_eq(ex, "2027-01-04");
	dates_due_example("2028-02-25", ex);
	ck_assert_str_eq(ex, "2028-03-03");
	ck_assert_int_eq(dates_parse_due_ahead(ex, "2028-02-25", out, NULL), 0);
	ck_assert_str_eq(out, ex);
	dates_due_example("9999-12-30", ex);
	ck_assert_str_eq(ex, "");
	dates_due_example("2026-02-30", ex);
	ck_assert_str_eq(ex, "");
	due_bad("soon", "try 2026-11-30, +7d");
	due_bad("", "such as 2026-11-30, +7d");
}
END_TEST

START_TEST(today_hook)
{
	char day[DATES_DAY_SIZE], now[DATES_TS_SIZE];
	setenv("OWNIT_TODAY", "2026-02-14", 1);
	dates_today(day);
	dates_now(now);
	ck_assert_str_eq(day, "2026-02-14");
	ck_assert_str_eq(now, "2026-02-14T12:00:00Z");
	/* A malformed hook is ignored: the real clock answers. */
	setenv("OWNIT_TODAY", "2026-02-30", 1);
	dates_today(day);
	dates_now(now);
	ck_assert_int_eq(dates_valid_day(day), 1);
	ck_assert_int_eq(dates_valid_ts(now), 1);
	ck_assert_str_ne(day, "2026-02-30");
	unsetenv("OWNIT_TODAY");
}
END_TEST

START_TEST(local_times)
{
	char out[DATES_LOCAL_SIZE], day[DATES_DAY_SIZE], ts[DATES_TS_SIZE];
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	ck_assert_int_eq(dates_local_iso("2026-11-23T09:30:00Z", out, NULL), 0);
	ck_assert_str_eq(out, "2026-11-23T10:30:00+01:00");
	ck_assert_int_eq(dates_local_iso("2026-07-01T23:30:00Z", out, NULL), 0);
	ck_assert_str_eq(out, "2026-07-02T01:30:00+02:00");
	ck_assert_int_eq(dates_local_display("2026-07-01T23:30:00Z", out,
					     NULL),
			 0);
	ck_assert_str_eq(out, "2026-07-02 01:30");
	ck_assert_int_eq(dates_local_day("2026-07-01T23:30:00Z", day, NULL),
			 0);
	ck_assert_str_eq(day, "2026-07-02");
	ck_assert_int_eq(dates_day_start_utc("2026-07-02", ts, NULL), 0);
	ck_assert_str_eq(ts, "2026-07-01T22:00:00Z");
	setenv("TZ", "America/St_Johns", 1); /* a half-hour offset */
	tzset();
	ck_assert_int_eq(dates_local_iso("2026-11-23T12:00:00Z", out, NULL), 0);
	ck_assert_str_eq(out, "2026-11-23T08:30:00-03:30");
	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert_int_eq(dates_local_iso("2026-11-23T09:30:00Z", out, NULL), 0);
	ck_assert_str_eq(out, "2026-11-23T09:30:00+00:00");
	struct error err = {0};
	ck_assert_int_eq(dates_local_iso("yesterday", out, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "\"yesterday\""));
	ck_assert_int_eq(dates_day_start_utc("2026-02-30", ts, &err), -1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dates");
	TCase *tc = tcase_create("dates");
	tcase_add_test(tc, valid_days);
	tcase_add_test(tc, valid_timestamps);
	tcase_add_test(tc, arithmetic);
	tcase_add_test(tc, due_forms);
	tcase_add_test(tc, due_refused);
	tcase_add_test(tc, due_example);
	tcase_add_test(tc, due_ahead);
	tcase_add_test(tc, today_hook);
	tcase_add_test(tc, local_times);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
