/* fuzz_dates.c - libFuzzer harness for the date parsers.
 *
 * The input is split at its first newline: the first part is what a
 * user types (a due date, an --since day, a stored timestamp), the second,
 * when it is a valid day, stands for "today".  Besides "no crash", the
 * harness checks what the parsers promise (dates.h), so a wrong answer
 * aborts as loudly as a bad read:
 *   - every failure is ERROR_INPUT with a message, never a runtime error;
 *   - a parsed due date is a valid day, and a relative one lies between
 *     today and ten years on;
 *   - a valid day survives the round trips through day numbers;
 *   - a valid timestamp reads back unchanged in UTC.
 * Build: ./configure CC=clang --enable-fuzzing. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_TODAY "2026-11-23"

static void fuzz_fail(const char *what, const char *in, const char *extra)
{
	fprintf(stderr, "fuzz_dates: %s: input \"%s\" (%s)\n", what, in,
		extra);
	abort();
}

static void check_input_error(const struct error *err, const char *in)
{
	if (err->kind != ERROR_INPUT || !err->msg[0])
		fuzz_fail("a parse failure is not a plain input error", in,
			  err->msg);
}

/* The first non-blank character of s. */
static int first_char(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (unsigned char)*s;
}

static void check_due(const char *in, const char *today)
{
	struct error err = {0};
	char out[DATES_DAY_SIZE];
	if (dates_parse_due(in, today, out, &err)) {
		check_input_error(&err, in);
		return;
	}
	if (!dates_valid_day(out))
		fuzz_fail("a parsed due date is not a valid day", in, out);
	if (isdigit(first_char(in)))
		return; /* an absolute day may be in the past */
	long ahead = dates_diff_days(today, out);
	if (ahead < 0 || ahead > 3650)
		fuzz_fail("a relative due date is out of range", in, out);
}

static void check_day(const char *in)
{
	struct error err = {0};
	char out[DATES_DAY_SIZE];
	char ts[DATES_TS_SIZE];
	if (!dates_valid_day(in))
		return;
	if (dates_add_days(in, 0, out, &err) || strcmp(out, in) != 0)
		fuzz_fail("a day does not survive +0 days", in, out);
	if (dates_add_days(in, 1, out, &err) == 0 &&
	    dates_valid_day(out) && dates_diff_days(in, out) != 1)
		fuzz_fail("the next day is not one day later", in, out);
	if (dates_weekday(in) < 0 || dates_weekday(in) > 6)
		fuzz_fail("weekday out of range", in, "");
	if (dates_day_start_utc(in, ts, &err) || !dates_valid_ts(ts) ||
	    strncmp(ts, in, 10) != 0)
		fuzz_fail("day start in UTC", in, err.msg);
}

static void check_ts(const char *in)
{
	struct error err = {0};
	char local[DATES_LOCAL_SIZE];
	char day[DATES_DAY_SIZE];
	if (!dates_valid_ts(in)) {
		if (dates_local_iso(in, local, &err) == 0)
			fuzz_fail("an invalid timestamp was converted", in,
				  local);
		check_input_error(&err, in);
		return;
	}
	/* TZ is UTC (set once below), so local time is the input itself;
	 * a leap second (:60) is normalised by the C library. */
	if (dates_local_iso(in, local, &err))
		fuzz_fail("a valid timestamp was refused", in, err.msg);
	if (strncmp(in + 17, "60", 2) != 0 &&
	    (strncmp(local, in, 19) != 0 || strcmp(local + 19, "+00:00")))
		fuzz_fail("a timestamp does not read back", in, local);
	if (dates_local_day(in, day, &err))
		fuzz_fail("local day of a valid timestamp", in, err.msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int tz_set;
	if (!tz_set) {
		setenv("TZ", "UTC", 1);
		tzset();
		tz_set = 1;
	}
	if (size > 256)
		return 0; /* nothing longer is a date; the parsers cap at 32 */
	char buf[257];
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *today = strchr(buf, '\n');
	if (today)
		*today++ = '\0';

	check_due(buf, FUZZ_TODAY);
	if (today && dates_valid_day(today))
		check_due(buf, today);
	check_day(buf);
	check_ts(buf);
	return 0;
}
