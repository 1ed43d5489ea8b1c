/* csvimport_rows.c - the rules every field of a detail row must follow. */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/base/dates.h"

#define BIT(c) (UINT64_C(1) << (c))

/* Reports a problem with one field: "NAME:LINE:COLUMN: message", the
 * column 1-based like a spreadsheet's. */
static void field_problem(struct imp *im, const struct row *r, int col,
			  const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void field_problem(struct imp *im, const struct row *r, int col,
			  const char *fmt, ...)
{
	char where[48];
	snprintf(where, sizeof where, "%lu:%d", r->line, col + 1);
	va_list ap;
	va_start(ap, fmt);
	csvimport_vproblem(im, where, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------- field rules */

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in lower-case hex, as made by
 * store_uuid. */
static int uuid_ok(const char *u)
{
	for (int i = 0; i < 36; i++) {
		char ch = u[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (ch != '-')
				return 0;
		} else if (!((ch >= '0' && ch <= '9') ||
			     (ch >= 'a' && ch <= 'f'))) {
			return 0;
		}
	}
	return u[36] == '\0';
}

/* A decimal integer lo..hi and nothing else. */
static int int_in(const char *v, int lo, int hi, int *out)
{
	if (!*v || strlen(v) > 6)
		return 0;
	int x = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		x = x * 10 + (*p - '0');
	}
	if (x < lo || x > hi)
		return 0;
	*out = x;
	return 1;
}

/* Which columns each record type must fill and which it may fill; all
 * others must be empty, so a row shifted by a column is caught. */
const struct csvimport_rtype csvimport_rtypes[R_COUNT] = {
    [R_PERSON] = {"person",
		  BIT(DCOL_UUID) | BIT(DCOL_NAME) | BIT(DCOL_ARCHIVED) |
		      BIT(DCOL_TIME),
		  BIT(DCOL_ROLE) | BIT(DCOL_TEAM) | BIT(DCOL_REGULATED)},
    [R_SESSION] = {"session",
		   BIT(DCOL_UUID) | BIT(DCOL_PERSON) | BIT(DCOL_KIND) |
		       BIT(DCOL_STATUS) | BIT(DCOL_TIME),
		   BIT(DCOL_COACH) | BIT(DCOL_CONTENT_VERSION) |
		       BIT(DCOL_STEP) | BIT(DCOL_CLOSED)},
    [R_ANSWER] = {"answer", BIT(DCOL_SESSION) | BIT(DCOL_ITEM) | BIT(DCOL_TIME),
		  BIT(DCOL_VALUE) | BIT(DCOL_TEXT) | BIT(DCOL_NOTE) |
		      BIT(DCOL_NO_OCCASION)},
    [R_RATING] = {"rating",
		  BIT(DCOL_SESSION) | BIT(DCOL_ITEM) | BIT(DCOL_VALUE) |
		      BIT(DCOL_TIME),
		  BIT(DCOL_NOTE)},
    [R_LADDER] = {"ladder",
		  BIT(DCOL_SESSION) | BIT(DCOL_START_RUNG) |
		      BIT(DCOL_REACHED_RUNG) | BIT(DCOL_TIME),
		  BIT(DCOL_TEXT)},
    [R_STEP] = {"ladder_step",
		BIT(DCOL_SESSION) | BIT(DCOL_RUNG) | BIT(DCOL_TIME),
		BIT(DCOL_TEXT)},
    [R_COMMITMENT] = {"commitment",
		      BIT(DCOL_UUID) | BIT(DCOL_PERSON) | BIT(DCOL_SESSION) |
			  BIT(DCOL_STATUS) | BIT(DCOL_TEXT) | BIT(DCOL_TIME),
		      BIT(DCOL_OWNER) | BIT(DCOL_DUE) | BIT(DCOL_REVIEWED_IN) |
			  BIT(DCOL_OBSTACLE) | BIT(DCOL_CLOSED) |
			  BIT(DCOL_HELPED) | BIT(DCOL_DIFFERENTLY)},
    [R_NOTE] = {"note",
		BIT(DCOL_UUID) | BIT(DCOL_SESSION) | BIT(DCOL_TEXT) |
		    BIT(DCOL_TIME),
		0},
    [R_TEAM_ROUND] = {"team_round",
		      BIT(DCOL_UUID) | BIT(DCOL_PERSON) | BIT(DCOL_DAY) |
			  BIT(DCOL_COUNT),
		      BIT(DCOL_CONTENT_VERSION) | BIT(DCOL_TEXT)},
    [R_TEAM_TALLY] = {"team_tally",
		      BIT(DCOL_ROUND) | BIT(DCOL_ITEM) | BIT(DCOL_TEXT) |
			  BIT(DCOL_VALUE) | BIT(DCOL_COUNT),
		      0},
};

static void check_presence(struct imp *im, const struct row *r, int *bad)
{
	uint64_t req = csvimport_rtypes[r->type].required;
	uint64_t ok =
	    req | csvimport_rtypes[r->type].optional | BIT(DCOL_RECORD);
	for (int c = 1; c < CSVEXPORT_DETAIL_COLUMNS; c++) {
		const char *name = csvexport_detail_header[c];
		if (r->f[c][0] && !(ok & BIT(c))) {
			field_problem(im, r, c,
				      "%s row: column \"%s\" must be empty",
				      csvimport_rtypes[r->type].name, name);
			*bad = 1;
		} else if (!r->f[c][0] && (req & BIT(c))) {
			field_problem(im, r, c,
				      "%s row: column \"%s\" is required",
				      csvimport_rtypes[r->type].name, name);
			*bad = 1;
		}
	}
}

/* Checks the format of every filled column. */
static void check_formats(struct imp *im, struct row *r, int *bad)
{
	static const int uuids[] = {DCOL_UUID, DCOL_PERSON, DCOL_SESSION,
				    DCOL_REVIEWED_IN, DCOL_ROUND};
	for (size_t i = 0; i < sizeof uuids / sizeof *uuids; i++) {
		const char *v = r->f[uuids[i]];
		if (v[0] && !uuid_ok(v)) {
			field_problem(im, r, uuids[i],
				      "column \"%s\": \"%.40s\" is not a uuid",
				      csvexport_detail_header[uuids[i]], v);
			*bad = 1;
		}
	}
	static const int times[] = {DCOL_TIME, DCOL_CLOSED};
	for (size_t i = 0; i < 2; i++) {
		const char *v = r->f[times[i]];
		if (v[0] && !dates_valid_ts(v)) {
			field_problem(im, r, times[i],
				      "column \"%s\": bad time \"%.40s\" (want "
				      "YYYY-MM-DDTHH:MM:SSZ in UTC, or "
				      "YYYY-MM-DD HH:MM:SS as a spreadsheet "
				      "writes it)",
				      csvexport_detail_header[times[i]], v);
			*bad = 1;
		}
	}
	const char *day = r->f[DCOL_DAY];
	if (day[0] && !dates_valid_day(day)) {
		field_problem(im, r, DCOL_DAY,
			      "column \"day\": bad date \"%.40s\" (want "
			      "YYYY-MM-DD)",
			      day);
		*bad = 1;
	}
	const char *due = r->f[DCOL_DUE];
	if (due[0] && !dates_valid_day(due)) {
		field_problem(im, r, DCOL_DUE,
			      "column \"due\": bad date \"%.40s\" (want "
			      "YYYY-MM-DD or YYYY/MM/DD)",
			      due);
		*bad = 1;
	}
}

/* Parses a number column when filled; says what range it wants. */
static void check_int(struct imp *im, struct row *r, int c, int lo, int hi,
		      int *out, int *bad)
{
	if (!r->f[c][0])
		return;
	if (!int_in(r->f[c], lo, hi, out)) {
		field_problem(im, r, c,
			      "column \"%s\": \"%.40s\" is not a whole number "
			      "from %d to %d",
			      csvexport_detail_header[c], r->f[c], lo, hi);
		*bad = 1;
	}
}

/* Parses a name column (kind, status, step) with a store name table. */
static void check_name(struct imp *im, struct row *r, int c,
		       int (*parse)(const char *), int *out, int *bad)
{
	if (!r->f[c][0])
		return;
	*out = parse(r->f[c]);
	if (*out < 0) {
		field_problem(im, r, c, "column \"%s\": unknown value \"%.40s\"",
			      csvexport_detail_header[c], r->f[c]);
		*bad = 1;
	}
}

static int session_status_parse(const char *v)
{
	return store_status_parse(v);
}

/* 1 when s holds nothing but spaces: the store keeps no such name. */
static int blank(const char *s)
{
	return s[strspn(s, " ")] == '\0';
}

static void check_values(struct imp *im, struct row *r, int *bad)
{
	if (r->type == R_PERSON && r->f[DCOL_NAME][0] &&
	    blank(r->f[DCOL_NAME])) {
		field_problem(im, r, DCOL_NAME,
			      "column \"name\": a person's name must not be "
			      "blank");
		*bad = 1;
	}
	r->value = -1;
	r->step = -1;
	/* Answers run 0..4 on the frequency scale, ratings 1..5. */
	int lo = r->type == R_RATING ? 1 : 0;
	int hi = r->type == R_RATING ? 5 : 4;
	check_int(im, r, DCOL_VALUE, lo, hi, &r->value, bad);
	check_int(im, r, DCOL_ARCHIVED, 0, 1, &r->archived, bad);
	r->no_occasion = 0;
	check_int(im, r, DCOL_NO_OCCASION, 0, 1, &r->no_occasion, bad);
	if (r->no_occasion && r->value >= 0) {
		csvimport_problem(im, r->line,
				  "answer row: \"no_occasion\" is 1, so "
				  "\"value\" must be empty");
		*bad = 1;
	}
	check_int(im, r, DCOL_REGULATED, 0, 1, &r->regulated, bad);
	/* A count of members: a round may have none yet, a count of
	 * answers is at least one. */
	check_int(im, r, DCOL_COUNT, r->type == R_TEAM_TALLY, 1000000,
		  &r->count, bad);
	check_int(im, r, DCOL_START_RUNG, STORE_RUNG_MIN, STORE_RUNG_MAX,
		  &r->start, bad);
	check_int(im, r, DCOL_REACHED_RUNG, STORE_RUNG_MIN, STORE_RUNG_MAX,
		  &r->reached, bad);
	check_int(im, r, DCOL_RUNG, STORE_RUNG_MIN, STORE_RUNG_MAX, &r->rung,
		  bad);
	check_name(im, r, DCOL_KIND, store_kind_parse, &r->kind, bad);
	check_name(im, r, DCOL_STATUS,
		   r->type == R_COMMITMENT ? store_cstatus_parse
					   : session_status_parse,
		   &r->status, bad);
	check_name(im, r, DCOL_STEP, store_step_parse, &r->step, bad);
	if (r->type == R_LADDER && !*bad && r->reached < r->start) {
		csvimport_problem(im, r->line,
				  "the reached rung (%d) is below the "
				  "start rung (%d)",
				  r->reached, r->start);
		*bad = 1;
	}
}

/* ------------------------------------------------- spreadsheet round trip */

/* What a spreadsheet writes in place of a formula it could not evaluate
 * (Calc's "Err:NNN" and the "#...!" family shared by Calc, Excel and
 * gnumeric).  Export guards every free-text value starting with '#' and
 * never writes "Err:" in a typed column, so an unguarded one came from a
 * spreadsheet. */
static int spreadsheet_error(const char *v)
{
	static const char *const errors[] = {
		"#NAME?", "#VALUE!", "#REF!",  "#DIV/0!", "#N/A",
		"#NUM!",  "#NULL!",  "#SPILL!", "#CALC!", "#FIELD!",
		"#GETTING_DATA", "#UNKNOWN!", "#BLOCKED!", NULL};
	/* Every field passes here: most are let go at the first byte. */
	if (v[0] != '#' && v[0] != 'E')
		return 0;
	for (size_t i = 0; errors[i]; i++)
		if (strcmp(v, errors[i]) == 0)
			return 1;
	return strncmp(v, "Err:", 4) == 0 && strlen(v) == 7 &&
	       strspn(v + 4, "0123456789") == 3;
}

/* Copies "YYYY?MM?DD" with sep as both separators into out as
 * "YYYY-MM-DD"; 0 when v does not start that way. */
static int day_from(const char *v, char sep, char *out)
{
	static const char shape[] = "dddd-dd-dd";
	for (int i = 0; i < 10; i++) {
		if (shape[i] == 'd' ? (v[i] < '0' || v[i] > '9') : v[i] != sep)
			return 0;
		out[i] = shape[i] == 'd' ? v[i] : '-';
	}
	out[10] = '\0';
	return 1;
}

/* A UTC time as a spreadsheet writes back the one export wrote:
 * "2026/06/10 16:00:00" or "2026-06-10 16:00:00" (the zone dropped, the
 * clock unchanged), rewritten to "2026-06-10T16:00:00Z". */
static void normal_time(const char **v, char out[DATES_TS_SIZE])
{
	const char *s = *v;
	if (strlen(s) != 19 || s[10] != ' ')
		return;
	if (!day_from(s, '-', out) && !day_from(s, '/', out))
		return;
	snprintf(out + 10, DATES_TS_SIZE - 10, "T%.8sZ", s + 11);
	*v = out;
}

/* A due day as "2026/06/27", rewritten to "2026-06-27". */
static void normal_day(const char **v, char out[DATES_DAY_SIZE])
{
	if (strlen(*v) == 10 && day_from(*v, '/', out))
		*v = out;
}

/* Undoes what export and a spreadsheet did to the fields: a field that a
 * spreadsheet evaluated is an error (its value is gone), one leading
 * guard is removed, and the date forms a spreadsheet writes are read as
 * the ones export wrote. */
static void check_spreadsheet(struct imp *im, struct row *r, int *bad)
{
	for (int c = 1; c < CSVEXPORT_DETAIL_COLUMNS; c++) {
		if (spreadsheet_error(r->f[c])) {
			field_problem(im, r, c,
				      "column \"%s\": \"%s\" is a spreadsheet "
				      "error, not the exported value (the cell "
				      "was evaluated as a formula); export "
				      "again and open it without editing that "
				      "cell",
				      csvexport_detail_header[c], r->f[c]);
			*bad = 1;
		} else if (r->f[c][0] == CSVEXPORT_GUARD) {
			r->f[c]++;
		}
	}
	normal_time(&r->f[DCOL_TIME], r->time_buf[0]);
	normal_time(&r->f[DCOL_CLOSED], r->time_buf[1]);
	normal_day(&r->f[DCOL_DUE], r->day_buf);
}

int csvimport_check_row(struct imp *im, struct row *r)
{
	int bad = 0;
	check_spreadsheet(im, r, &bad);
	check_presence(im, r, &bad);
	check_formats(im, r, &bad);
	check_values(im, r, &bad);
	return bad;
}
