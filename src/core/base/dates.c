/* dates.c - timestamps and due dates.
 *
 * Calendar arithmetic is done on day numbers (days since 1970-01-01,
 * proleptic Gregorian), never through mktime, so a daylight-saving change
 * cannot shift a due date by a day.
 */
#include "config.h"

#include "core/base/dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(long y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/* Reads exactly n digits. */
static int digits(const char *s, int n, long *out)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int parse_day(const char *s, long *y, int *m, int *d)
{
	long yy, mm, dd;
	if (strlen(s) < 10 || digits(s, 4, &yy) || s[4] != '-' ||
	    digits(s + 5, 2, &mm) || s[7] != '-' || digits(s + 8, 2, &dd))
		return -1;
	if (yy < 1900 || mm < 1 || mm > 12 || dd < 1 ||
	    dd > days_in_month(yy, (int)mm))
		return -1;
	*y = yy;
	*m = (int)mm;
	*d = (int)dd;
	return 0;
}

int dates_valid_day(const char *s)
{
	long y;
	int m, d;
	return s && strlen(s) == 10 && parse_day(s, &y, &m, &d) == 0;
}

static long day_number(const char *day)
{
	long y;
	int m, d;
	if (parse_day(day, &y, &m, &d))
		return 0;
	return days_from_civil(y, m, d);
}

/* The last day a "YYYY-MM-DD" can hold: arithmetic past it would wrap
 * round to year 0000 when formatted. */
static long last_day_number(void)
{
	return days_from_civil(9999, 12, 31);
}

static void format_day(long z, char out[DATES_DAY_SIZE])
{
	long y;
	int m, d;
	civil_from_days(z, &y, &m, &d);
	/* By hand: snprintf cannot prove to the compiler that it fits. */
	long v[3] = {y % 10000, m, d};
	int w[3] = {4, 2, 2};
	char *p = out;
	for (int i = 0; i < 3; i++) {
		for (int k = w[i] - 1; k >= 0; k--) {
			p[k] = (char)('0' + v[i] % 10);
			v[i] /= 10;
		}
		p += w[i];
		*p++ = i < 2 ? '-' : '\0';
	}
}

int dates_valid_ts(const char *s)
{
	long hh, mi, ss;
	if (!s || strlen(s) != 20)
		return 0;
	char day[DATES_DAY_SIZE];
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!dates_valid_day(day) || s[10] != 'T' || digits(s + 11, 2, &hh) ||
	    s[13] != ':' || digits(s + 14, 2, &mi) || s[16] != ':' ||
	    digits(s + 17, 2, &ss) || s[19] != 'Z')
		return 0;
	/* A leap second (:60) is allowed, except after the last second
	 * the format can hold: it would roll over into year 10000. */
	if (ss == 60 && strcmp(day, "9999-12-31") == 0)
		return 0;
	return hh < 24 && mi < 60 && ss < 61;
}

/* OWNIT_TODAY when it is set and valid, else NULL. */
static const char *fixed_today(void)
{
	const char *t = getenv("OWNIT_TODAY");
	return t && dates_valid_day(t) ? t : NULL;
}

void dates_now(char buf[DATES_TS_SIZE])
{
	const char *fixed = fixed_today();
	if (fixed) {
		snprintf(buf, DATES_TS_SIZE, "%.10sT12:00:00Z", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, DATES_TS_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void dates_today(char buf[DATES_DAY_SIZE])
{
	const char *fixed = fixed_today();
	if (fixed) {
		snprintf(buf, DATES_DAY_SIZE, "%.10s", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, DATES_DAY_SIZE, "%Y-%m-%d", &tm);
}

int dates_add_days(const char *day, int n, char out[DATES_DAY_SIZE],
		   struct error *err)
{
	if (!dates_valid_day(day))
		return error_set(err, ERROR_INPUT, "not a valid day: \"%s\"",
				 day ? day : "");
	long z = day_number(day) + n;
	if (z > last_day_number() || z < days_from_civil(1900, 1, 1))
		return error_set(err, ERROR_INPUT,
				 "%s %+d days falls outside 1900..9999", day,
				 n);
	format_day(z, out);
	return 0;
}

long dates_diff_days(const char *a, const char *b)
{
	return day_number(b) - day_number(a);
}

int dates_weekday(const char *day)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday = 0). */
	long z = day_number(day) + 3;
	return (int)(((z % 7) + 7) % 7);
}

static const char *const weekdays[7] = {"monday", "tuesday", "wednesday",
					"thursday", "friday", "saturday",
					"sunday"};

/* A weekday name, short ("fri") or full ("friday"); -1 if none. */
static int weekday_parse(const char *s)
{
	size_t n = strlen(s);
	for (int i = 0; i < 7; i++)
		if ((n == 3 || n == strlen(weekdays[i])) &&
		    strncasecmp(s, weekdays[i], n) == 0)
			return i;
	return -1;
}

static int parse_relative(const char *s, const char *in, long today,
			  long *out, struct error *err)
{
	char *end;
	long n = strtol(s + 1, &end, 10);
	if (end == s + 1 || !isdigit((unsigned char)s[1]) ||
	    (tolower((unsigned char)*end) != 'd' &&
	     tolower((unsigned char)*end) != 'w') ||
	    end[1] != '\0')
		return error_set(err, ERROR_INPUT,
				 "due date \"%.12s\": +N followed by d or w, "
				 "like +7d or +2w",
				 in);
	if (tolower((unsigned char)*end) == 'w')
		n = n > 1000 ? 100000 : n * 7;
	if (n < 1)
		return error_set(err, ERROR_INPUT,
				 "due date \"%.12s\" is today: write today, "
				 "or +1d for later",
				 in);
	if (n > 3650)
		return error_set(err, ERROR_INPUT,
				 "due date \"%.12s\" is more than ten years "
				 "away",
				 in);
	*out = today + n;
	return 0;
}

void dates_due_example(const char *today, char out[DATES_DAY_SIZE])
{
	out[0] = '\0';
	if (dates_valid_day(today) &&
	    day_number(today) + 7 <= last_day_number())
		format_day(day_number(today) + 7, out);
}

int dates_parse_due(const char *in, const char *today,
		    char out[DATES_DAY_SIZE], struct error *err)
{
	char s[32];
	const char *p = in ? in : "";
	while (isspace((unsigned char)*p))
		p++;
	size_t n = strlen(p);
	while (n > 0 && isspace((unsigned char)p[n - 1]))
		n--;
	if (!dates_valid_day(today))
		return error_set(err, ERROR_RUNTIME,
				 "today (\"%s\") is not a valid day",
				 today ? today : "");
	char example[DATES_DAY_SIZE];
	dates_due_example(today, example);
	if (n == 0)
		return error_set(err, ERROR_INPUT,
				 "due date is empty: write a day such as "
				 "%s, +7d, +2w or fri",
				 example);
	if (n >= sizeof s)
		return error_set(err, ERROR_INPUT,
				 "due date \"%.40s...\" is too long", p);
	memcpy(s, p, n);
	s[n] = '\0';
	long t = day_number(today), z = 0;
	long y;
	int m, d;

	if (isdigit((unsigned char)s[0])) {
		if (n != 10 || parse_day(s, &y, &m, &d))
			return error_set(err, ERROR_INPUT,
					 "due date \"%.12s\" is not a calendar "
					 "day: write YYYY-MM-DD",
					 s);
		z = days_from_civil(y, m, d);
	} else if (s[0] == '+') {
		if (parse_relative(s, s, t, &z, err))
			return -1;
	} else if (strcasecmp(s, "today") == 0) {
		z = t;
	} else if (strcasecmp(s, "yesterday") == 0 || s[0] == '-') {
		return error_set(err, ERROR_INPUT,
				 "due date \"%.12s\" is in the past: "
				 "today or later",
				 s);
	} else {
		int wd = weekday_parse(s);
		if (wd < 0)
			return error_set(err, ERROR_INPUT,
					 "due date \"%.12s\" not understood: "
					 "try %s, +7d, +2w or fri",
					 s, example);
		int ahead = (wd - dates_weekday(today) + 7) % 7;
		z = t + (ahead ? ahead : 7);
	}
	if (z > last_day_number())
		return error_set(err, ERROR_INPUT,
				 "due date \"%.12s\" falls after 9999-12-31",
				 s);
	format_day(z, out);
	return 0;
}

int dates_parse_due_ahead(const char *in, const char *today,
			  char out[DATES_DAY_SIZE], struct error *err)
{
	if (dates_parse_due(in, today, out, err) < 0)
		return -1;
	/* Both are valid YYYY-MM-DD days here, so text order is day order. */
	if (strcmp(out, today) < 0)
		return error_set(err, ERROR_INPUT,
				 "due date %s is in the past (today is %s): a "
				 "commitment is due today or later",
				 out, today);
	return 0;
}

/* Parses a stored timestamp into seconds since the epoch. */
static int ts_parse(const char *utc, time_t *out, struct error *err)
{
	if (!dates_valid_ts(utc))
		return error_set(err, ERROR_INPUT,
				 "not a timestamp (YYYY-MM-DDTHH:MM:SSZ): "
				 "\"%s\"",
				 utc ? utc : "");
	long hh = 0, mi = 0, ss = 0;
	digits(utc + 11, 2, &hh);
	digits(utc + 14, 2, &mi);
	digits(utc + 17, 2, &ss);
	*out = (time_t)(day_number(utc) * 86400L + hh * 3600 + mi * 60 + ss);
	return 0;
}

static int local_tm(const char *utc, struct tm *tm, struct error *err)
{
	time_t t;
	if (ts_parse(utc, &t, err))
		return -1;
	if (!localtime_r(&t, tm))
		return error_set(err, ERROR_RUNTIME,
				 "cannot convert \"%s\" to local time", utc);
	return 0;
}

int dates_local_iso(const char *utc, char out[DATES_LOCAL_SIZE],
		    struct error *err)
{
	struct tm tm;
	if (local_tm(utc, &tm, err))
		return -1;
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	strftime(out, DATES_LOCAL_SIZE, "%Y-%m-%dT%H:%M:%S", &tm);
	size_t n = strlen(out);
	if (n + 7 > DATES_LOCAL_SIZE)
		return error_set(err, ERROR_RUNTIME, "cannot format \"%s\"",
				 utc);
	int hh = (int)((off / 3600) % 100), mm = (int)((off / 60) % 60);
	out[n++] = sign;
	out[n++] = (char)('0' + hh / 10);
	out[n++] = (char)('0' + hh % 10);
	out[n++] = ':';
	out[n++] = (char)('0' + mm / 10);
	out[n++] = (char)('0' + mm % 10);
	out[n] = '\0';
	return 0;
}

int dates_local_display(const char *utc, char out[DATES_LOCAL_SIZE],
			struct error *err)
{
	struct tm tm;
	if (local_tm(utc, &tm, err))
		return -1;
	strftime(out, DATES_LOCAL_SIZE, "%Y-%m-%d %H:%M", &tm);
	return 0;
}

int dates_local_day(const char *utc, char out[DATES_DAY_SIZE],
		    struct error *err)
{
	struct tm tm;
	if (local_tm(utc, &tm, err))
		return -1;
	strftime(out, DATES_DAY_SIZE, "%Y-%m-%d", &tm);
	return 0;
}

int dates_day_start_utc(const char *day, char out[DATES_TS_SIZE],
			struct error *err)
{
	long y;
	int m, d;
	if (!day || strlen(day) != 10 || parse_day(day, &y, &m, &d))
		return error_set(err, ERROR_INPUT,
				 "\"%s\" is not a calendar day (YYYY-MM-DD)",
				 day ? day : "");
	struct tm tm = {0};
	tm.tm_year = (int)y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return error_set(err, ERROR_INPUT,
				 "day \"%s\" is out of range", day);
	struct tm g;
	gmtime_r(&t, &g);
	strftime(out, DATES_TS_SIZE, "%Y-%m-%dT%H:%M:%SZ", &g);
	return 0;
}
