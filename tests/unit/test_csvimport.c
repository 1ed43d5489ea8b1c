/* test_csvimport.c - round trip, idempotence, merging and every kind of
 * broken input, on the seed database (tests/unit/csvseed.h). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/csvexport.h"
#include "core/io/csvimport.h"
#include "csvseed.h"
#include "unit.h"

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

static int find_no_occasion(const struct store_answer *a, void *ud)
{
	if (strcmp(a->item_id, "passive-agreement-2") == 0)
		*(int *)ud = a->no_occasion ? 1 + (a->value >= 0) : 0;
	return 0;
}

/* A "no occasion" answer leaves the value empty and says so in the last
 * column, and comes back from an import as it was. */
START_TEST(no_occasion_round_trip)
{
	struct error e = {0};
	struct store_session ses;
	ck_assert_int_eq(store_session_get(sd.s, sd.s1, &ses, &e), 1);
	struct store_answer a = {sd.s1, "passive-agreement-2", "Said late.",
				 -1, NULL, "2026-03-02T09:14:00Z", 1};
	ck_assert_int_eq(store_answer_save(sd.s, &a, &e), 0);
	size_t len;
	struct csvimport_counts n;
	char *one = detail_of(sd.s, &len);
	char want[256];
	snprintf(want, sizeof want,
		 "\r\nanswer,,,%s,,,,,,,,,,passive-agreement-2,,Said late.,,"
		 ",,,,,,,2026-03-02T09:14:00Z,,1,,,,,,\r\n",
		 ses.uuid);
	ck_assert_msg(strstr(one, want) != NULL, "%s", one);
	ck_assert_ptr_nonnull(strstr(one, ",vague-updates-1,3,"));
	ck_assert_msg(import(one, len, &n, &e) == 0, "%s\n%s", e.msg, diags);
	int got = -1;
	int64_t id;
	ck_assert_int_eq(store_session_find_uuid(dst, ses.uuid, &id, &e), 1);
	ck_assert_int_eq(store_answers_each(dst, id, find_no_occasion, &got,
					    &e),
			 0);
	ck_assert_int_eq(got, 1);
	/* A value beside "no occasion" is refused. */
	char *bad = malloc(strlen(one) + 2); /* room for the inserted '2' */
	ck_assert_ptr_nonnull(bad);
	memcpy(bad, one, strlen(one) + 1);
	char *at = strstr(bad, want);
	ck_assert_ptr_nonnull(at);
	char *v = strstr(at, "passive-agreement-2,,") + 20;
	memmove(v + 1, v, strlen(v) + 1);
	*v = '2';
	diags[0] = '\0';
	store_close(dst);
	dst = seed_empty(&sd, "dst2.db");
	ck_assert_int_eq(import(bad, strlen(bad), &n, &e), -1);
	ck_assert_ptr_nonnull(strstr(diags, "answer row: \"no_occasion\" is 1, "
					    "so \"value\" must be empty"));
	free(bad);
	free(one);
	store_session_clear(&ses);
}
END_TEST

/* The text with the last field of every record cut off: what an export
 * looked like before the no_occasion column (no field here holds a line
 * break or a comma after its last comma, in this seed). */
static char *without_last_column(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	ck_assert_ptr_nonnull(out);
	const char *line = text;
	for (const char *end; (end = strstr(line, "\r\n")); line = end + 2) {
		const char *cut = end;
		while (cut > line && cut[-1] != ',')
			cut--;
		ck_assert(cut > line);
		memcpy(o, line, (size_t)(cut - 1 - line));
		o += cut - 1 - line;
		memcpy(o, "\r\n", 2);
		o += 2;
	}
	*o = '\0';
	return out;
}

/* A file from the ownit before no_occasion (26 columns) still imports:
 * the missing column reads as empty. */
START_TEST(older_export_imports)
{
	size_t len;
	struct csvimport_counts n;
	struct error e = {0};
	char *now = detail_of(sd.s, &len);
	/* Seven columns came after "closed": no_occasion, regulated, helped,
	 * differently, and the team rounds' day, round and count. */
	char *old = without_last_column(now);
	for (int k = 1; k < 7; k++) {
		char *fewer = without_last_column(old);
		free(old);
		old = fewer;
	}
	ck_assert_ptr_null(strstr(old, "no_occasion"));
	ck_assert_ptr_nonnull(strstr(old, ",time,closed\r\n"));
	ck_assert_msg(import(old, strlen(old), &n, &e) == 0, "%s\n%s", e.msg,
		      diags);
	ck_assert_uint_eq(n.sessions_added, 3);
	size_t len2;
	char *again = detail_of(dst, &len2);
	ck_assert_uint_eq(len, len2);
	ck_assert_int_eq(memcmp(now, again, len), 0);
	/* Fewer columns than that is not an export. */
	char *older = without_last_column(old);
	diags[0] = '\0';
	store_close(dst);
	dst = seed_empty(&sd, "dst2.db");
	ck_assert_int_eq(import(older, strlen(older), &n, &e), -1);
	ck_assert_str_eq(diags, "in.csv:1: not an `ownit export --detail` "
				"file: header column 26 is \"\", expected "
				"\"closed\"\n");
	free(older);
	free(again);
	free(old);
	free(now);
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
	char *now = detail_of(sd.s, &len);
	/* The rows below are written in the 30 columns of an export from
	 * before team rounds, which an import still reads. */
	char *all = without_last_column(now);
	free(now);
	for (int k = 1; k < 3; k++) {
		char *fewer = without_last_column(all);
		free(all);
		all = fewer;
	}
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
		"bogus,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
		"person,x\r\n"
		"person,11111111-2222-4333-8444-555555555555,,,Cy,,,2,,,,,,,,,,"
		",,,,,,,2026-02-30T10:00:00Z,,,,,\r\n");
	must_fail(text, strlen(text),
		  "in.csv:4: unknown record type \"bogus\"\n"
		  "in.csv:5: 2 fields, expected 30\n"
		  "in.csv:6:25: column \"time\": bad time "
		  "\"2026-02-30T10:00:00Z\" (want YYYY-MM-DDTHH:MM:SSZ in "
		  "UTC, or YYYY-MM-DD HH:MM:SS as a spreadsheet writes it)\n"
		  "in.csv:6:8: column \"archived\": \"2\" is not a whole number "
		  "from 0 to 1\n");
}
END_TEST

START_TEST(rows_out_of_place)
{
	const char *text = with_rows(
		"answer,,,11111111-2222-4333-8444-555555555555,,,,,,,,,,"
		"x-1,2,text,,,,,,,,,2026-02-01T10:00:00Z,,,,,\r\n"
		"rating,,,,,,,,,,,,,clarity,6,,,,,,,,,,2026-02-01T10:00:00Z,,,,,"
		"\r\n");
	must_fail(text, strlen(text),
		  "in.csv:4: answer row: no session row above it\n"
		  "in.csv:5:4: rating row: column \"session\" is required\n"
		  "in.csv:5:15: column \"value\": \"6\" is not a whole number "
		  "from 1 to 5\n");
}
END_TEST

/* What a spreadsheet writes back: an evaluated cell is reported at its
 * column, never imported. */
START_TEST(spreadsheet_errors_reported)
{
	const char *text = with_rows(
		"person,11111111-2222-4333-8444-555555555555,,,Cy,Err:509,,0,"
		",,,,,,,,,,,,,,,,2026-02-01T10:00:00Z,,,,,\r\n"
		"person,11111111-2222-4333-8444-555555555556,,,#NAME?,,,0,"
		",,,,,,,,,,,,,,,,2026-02-01T10:00:00Z,,,,,\r\n");
	must_fail(text, strlen(text),
		  "in.csv:4:6: column \"role\": \"Err:509\" is a spreadsheet "
		  "error, not the exported value (the cell was evaluated as a "
		  "formula); export again and open it without editing that "
		  "cell\n"
		  "in.csv:5:5: column \"name\": \"#NAME?\" is a spreadsheet "
		  "error, not the exported value (the cell was evaluated as a "
		  "formula); export again and open it without editing that "
		  "cell\n");
}
END_TEST

/* Rewrites every "YYYY-MM-DDTHH:MM:SSZ" as a spreadsheet saves it,
 * "YYYY/MM/DD HH:MM:SS", every due day as "YYYY/MM/DD" (counted in days)
 * and every line end as LF; returns the length. */
static size_t as_spreadsheet_saves(char *t, int *days_out)
{
	size_t n = 0;
	int days = 0;
	for (size_t i = 0; t[i];) {
		const char *p = t + i;
		if (strlen(p) >= 20 && p[4] == '-' && p[7] == '-' &&
		    p[10] == 'T' && p[13] == ':' && p[19] == 'Z') {
			memmove(t + n, p, 19);
			t[n + 4] = t[n + 7] = '/';
			t[n + 10] = ' ';
			n += 19;
			i += 20;
		} else if (i && t[i - 1] == ',' && strlen(p) >= 11 &&
			   p[4] == '-' && p[7] == '-' && p[10] == ',') {
			memmove(t + n, p, 10); /* a due day */
			t[n + 4] = t[n + 7] = '/';
			n += 10;
			i += 10;
			days++;
		} else if (p[0] == '\r' && p[1] == '\n') {
			i++;
		} else {
			t[n++] = t[i++];
		}
	}
	t[n] = '\0';
	*days_out = days;
	return n;
}

START_TEST(spreadsheet_forms_accepted)
{
	size_t len, len2;
	struct csvimport_counts n;
	struct error e = {0};
	char *orig = detail_of(sd.s, &len);
	char *text = strdup(orig);
	ck_assert_ptr_nonnull(text);
	int days = 0;
	size_t slen = as_spreadsheet_saves(text, &days);
	ck_assert_ptr_null(strstr(text, "Z,"));
	ck_assert_int_gt(days, 0);
	ck_assert_msg(import(text, slen, &n, &e) == 0, "%s\n%s", e.msg, diags);
	char *back = detail_of(dst, &len2);
	ck_assert_str_eq(back, orig);
	free(orig);
	free(text);
	free(back);
}
END_TEST

/* Values behind the guard, and values starting with it, come back
 * exactly. */
START_TEST(guarded_values_round_trip)
{
	struct error e = {0};
	struct store_person p = {
		.name = "'lead", .role = "=1+1", .team = "007"};
	ck_assert_int_eq(store_person_add(sd.s, &p, &e), 0);
	size_t len, len2;
	struct csvimport_counts n;
	char *one = detail_of(sd.s, &len);
	ck_assert_ptr_nonnull(strstr(one, ",\"''lead\",\"'=1+1\",\"'007\","));
	ck_assert_msg(import(one, len, &n, &e) == 0, "%s\n%s", e.msg, diags);
	char *two = detail_of(dst, &len2);
	ck_assert_str_eq(one, two);
	int64_t id;
	ck_assert_int_eq(store_person_find(dst, "'lead", &id, &e), 1);
	free(one);
	free(two);
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
	memcpy(bad + len, "note,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n", 35);
	struct csvimport_counts n;
	struct error e = {0};
	ck_assert_int_eq(import(bad, len + 35, &n, &e), -1);
	ck_assert_int_eq(people_in(dst), 0);
	ck_assert_uint_eq(n.sessions_added, 0);
	free(bad);
	free(text);
}
END_TEST

/* The file is read on a second thread in batches (csvimport_pipe.c):
 * a bad header still stops the reading, so a CSV error further down
 * is not reported; and across many batches every record comes in order,
 * with the reader's own error after the last of them. */
START_TEST(wrong_header_stops_reading)
{
	must_fail("a,b\r\nx,\"y\"z\r\n", 14,
		  "in.csv:1: not an `ownit export --detail` file: header "
		  "column 1 is \"a\", expected \"record\"\n");
}
END_TEST

struct last_diag {
	size_t count;
	char last[512];
	int in_order;
	unsigned long line;
};

static void keep_last(const char *line, void *ud)
{
	struct last_diag *d = ud;
	unsigned long at = strtoul(line + strlen("in.csv:"), NULL, 10);
	if (at <= d->line)
		d->in_order = 0;
	d->line = at;
	d->count++;
	snprintf(d->last, sizeof d->last, "%s", line);
}

START_TEST(many_batches_in_order)
{
	enum { BOGUS = 12000 };
	static const char bogus[] = "bogus,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
	const char *head = with_rows("");
	size_t hlen = strlen(head), blen = sizeof bogus - 1;
	size_t len = hlen + BOGUS * blen + 3;
	char *text = malloc(len);
	ck_assert_ptr_nonnull(text);
	memcpy(text, head, hlen);
	for (size_t i = 0; i < BOGUS; i++)
		memcpy(text + hlen + i * blen, bogus, blen);
	memcpy(text + hlen + BOGUS * blen, "\"x\n", 3);
	struct last_diag d = {.in_order = 1};
	struct csvimport_counts n;
	struct error e = {0};
	ck_assert_int_eq(csvimport_mem(dst, "in.csv", text, len, keep_last, &d,
				       &n, &e),
			 -1);
	ck_assert_uint_eq(d.count, BOGUS + 1);
	ck_assert(d.in_order);
	/* The header and the seed's people come first. */
	unsigned long lines = 0;
	for (const char *p = head; (p = strchr(p, '\n')); p++)
		lines++;
	char want[128];
	snprintf(want, sizeof want,
		 "in.csv:%lu:1: quoted field not closed before the end of the "
		 "file",
		 lines + BOGUS + 1);
	ck_assert_str_eq(d.last, want);
	snprintf(want, sizeof want, "in.csv: %d problems; nothing was imported",
		 BOGUS + 1);
	ck_assert_str_eq(e.msg, want);
	ck_assert_int_eq(people_in(dst), 0);
	free(text);
}
END_TEST

/* The header's columns: how many fields a row of this export has. */
static size_t columns_of(const char *text)
{
	size_t n = 1;
	for (const char *p = text; *p != '\r'; p++)
		n += *p == ',';
	return n;
}

/* Appends a record of ncols fields to t at *at, fields i of f[] filled
 * (NULL: empty). */
static void put_record(char *t, size_t *at, size_t ncols, const char *const f[])
{
	for (size_t c = 0; c < ncols; c++)
		*at += (size_t)sprintf(t + *at, "%s%s", c ? "," : "",
				       f[c] ? f[c] : "");
	*at += (size_t)sprintf(t + *at, "\r\n");
}

/* A session with thousands of answers (past every size the import's
 * table of places starts at), then a second answer to one of its items:
 * the one problem names both lines.  Without that second answer, the
 * file imports, and a second session answering the same items is not a
 * repeat of the first. */
START_TEST(many_answers_one_item_twice)
{
	enum { ITEMS = 5000, TWICE = 17 };
	size_t len;
	char *seed = detail_of(sd.s, &len);
	size_t ncols = columns_of(seed);
	const char *srow = strstr(seed, "\r\nsession,");
	ck_assert_ptr_nonnull(srow);
	const char *person = srow + strlen("\r\nsession,") + 37;
	char person_uuid[37];
	memcpy(person_uuid, person, 36);
	person_uuid[36] = '\0';
	/* A record here is well under ncols + 160 bytes. */
	char *text = malloc(len + (2 * ITEMS + 4) * (ncols + 160));
	ck_assert_ptr_nonnull(text);
	memcpy(text, seed, len);
	size_t at = len;
	unsigned long line = 1;
	for (const char *p = seed; (p = strchr(p, '\n')); p++)
		line++;
	static const char *const uuid[2] = {
	    "0000beef-0000-4000-8000-0000000000a1",
	    "0000beef-0000-4000-8000-0000000000a2"};
	unsigned long first = 0, second = 0;
	size_t cut = 0;
	for (int s = 0; s < 2; s++) {
		const char *f[64] = {"session", uuid[s], person_uuid};
		f[8] = "self";
		f[10] = "open";
		f[24] = "2026-03-01T09:00:00Z";
		put_record(text, &at, ncols, f);
		line++;
		for (int i = 0; i < ITEMS + (s == 0); i++) {
			char item[32];
			snprintf(item, sizeof item, "item-%d",
				 i < ITEMS ? i : TWICE);
			const char *a[64] = {"answer", NULL, NULL, uuid[s]};
			a[13] = item;
			a[14] = "2";
			a[15] = "A statement";
			a[24] = "2026-03-01T09:01:00Z";
			if (s == 0 && i == TWICE)
				first = line;
			if (s == 0 && i == ITEMS) {
				second = line;
				cut = at;
			}
			put_record(text, &at, ncols, a);
			line++;
		}
	}
	struct csvimport_counts n;
	struct error e = {0};
	ck_assert_int_eq(import(text, at, &n, &e), -1);
	char want[256];
	snprintf(want, sizeof want,
		 "in.csv:%lu: session %s answers item \"item-%d\" twice; its "
		 "first answer is at in.csv:%lu, and a session keeps one "
		 "answer per item\n",
		 second, uuid[0], TWICE, first);
	ck_assert_str_eq(diags, want);
	/* The same file without the second answer. */
	size_t rest = strchr(text + cut, '\n') + 1 - text;
	memmove(text + cut, text + rest, at - rest);
	at -= rest - cut;
	diags[0] = '\0';
	ck_assert_msg(import(text, at, &n, &e) == 0, "%s\n%s", e.msg, diags);
	ck_assert_uint_eq(n.sessions_added, 3 + 2);
	ck_assert_int_eq(import(text, at, &n, &e), 0);
	ck_assert_uint_eq(n.sessions_added, 0);
	ck_assert_uint_eq(n.sessions_skipped, 3 + 2);
	free(text);
	free(seed);
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
	tcase_add_test(tc, no_occasion_round_trip);
	tcase_add_test(tc, older_export_imports);
	tcase_add_test(tc, second_import_changes_nothing);
	tcase_add_test(tc, people_matched_by_name_any_case);
	tcase_add_test(tc, broken_rows_all_reported);
	tcase_add_test(tc, rows_out_of_place);
	tcase_add_test(tc, csv_syntax_errors);
	tcase_add_test(tc, spreadsheet_errors_reported);
	tcase_add_test(tc, spreadsheet_forms_accepted);
	tcase_add_test(tc, guarded_values_round_trip);
	tcase_add_test(tc, wrong_header_and_empty);
	tcase_add_test(tc, valid_rows_before_a_bad_one_are_not_kept);
	tcase_add_test(tc, wrong_header_stops_reading);
	tcase_add_test(tc, many_batches_in_order);
	tcase_add_test(tc, many_answers_one_item_twice);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
