/* csvimport_rows.c - the rules every field of a detail row must follow. */
#include "config.h"

#include "core/csvimport_int.h"

#include <string.h>

#include "core/dates.h"

#define BIT(c) (1u << (c))

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
		  BIT(DCOL_ROLE) | BIT(DCOL_TEAM)},
    [R_SESSION] = {"session",
		   BIT(DCOL_UUID) | BIT(DCOL_PERSON) | BIT(DCOL_KIND) |
		       BIT(DCOL_STATUS) | BIT(DCOL_TIME),
		   BIT(DCOL_COACH) | BIT(DCOL_CONTENT_VERSION) |
		       BIT(DCOL_STEP) | BIT(DCOL_CLOSED)},
    [R_ANSWER] = {"answer", BIT(DCOL_SESSION) | BIT(DCOL_ITEM) | BIT(DCOL_TIME),
		  BIT(DCOL_VALUE) | BIT(DCOL_TEXT) | BIT(DCOL_NOTE)},
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
};

static void check_presence(struct imp *im, const struct row *r, int *bad)
{
	unsigned req = csvimport_rtypes[r->type].required;
	unsigned ok =
	    req | csvimport_rtypes[r->type].optional | BIT(DCOL_RECORD);
	for (int c = 1; c < CSVEXPORT_DETAIL_COLUMNS; c++) {
		const char *name = csvexport_detail_header[c];
		if (r->f[c][0] && !(ok & BIT(c))) {
			csvimport_problem(im, r->line,
					  "%s row: column \"%s\" must be "
					  "empty",
					  csvimport_rtypes[r->type].name, name);
			*bad = 1;
		} else if (!r->f[c][0] && (req & BIT(c))) {
			csvimport_problem(im, r->line,
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
				    DCOL_REVIEWED_IN};
	for (size_t i = 0; i < sizeof uuids / sizeof *uuids; i++) {
		const char *v = r->f[uuids[i]];
		if (v[0] && !uuid_ok(v)) {
			csvimport_problem(im, r->line,
					  "column \"%s\": \"%.40s\" is "
					  "not a uuid",
					  csvexport_detail_header[uuids[i]], v);
			*bad = 1;
		}
	}
	static const int times[] = {DCOL_TIME, DCOL_CLOSED};
	for (size_t i = 0; i < 2; i++) {
		const char *v = r->f[times[i]];
		if (v[0] && !dates_valid_ts(v)) {
			csvimport_problem(
			    im, r->line,
			    "column \"%s\": bad time "
			    "\"%.40s\" (want YYYY-MM-DDTHH:MM:SSZ)",
			    csvexport_detail_header[times[i]], v);
			*bad = 1;
		}
	}
	const char *due = r->f[DCOL_DUE];
	if (due[0] && !dates_valid_day(due)) {
		csvimport_problem(im, r->line,
				  "column \"due\": bad date \"%.40s\" (want "
				  "YYYY-MM-DD)",
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
		csvimport_problem(im, r->line,
				  "column \"%s\": \"%.40s\" is not a whole "
				  "number from %d to %d",
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
		csvimport_problem(im, r->line,
				  "column \"%s\": unknown value \"%.40s\"",
				  csvexport_detail_header[c], r->f[c]);
		*bad = 1;
	}
}

static int session_status_parse(const char *v)
{
	return store_status_parse(v);
}

static void check_values(struct imp *im, struct row *r, int *bad)
{
	r->value = -1;
	r->step = -1;
	/* Answers run 0..4 on the frequency scale, ratings 1..5. */
	int lo = r->type == R_RATING ? 1 : 0;
	int hi = r->type == R_RATING ? 5 : 4;
	check_int(im, r, DCOL_VALUE, lo, hi, &r->value, bad);
	check_int(im, r, DCOL_ARCHIVED, 0, 1, &r->archived, bad);
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

int csvimport_check_row(struct imp *im, struct row *r)
{
	int bad = 0;
	check_presence(im, r, &bad);
	check_formats(im, r, &bad);
	check_values(im, r, &bad);
	return bad;
}
