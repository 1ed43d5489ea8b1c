/* test_csvexport.c - both CSV formats, number formatting and the atomic
 * file write, on the seed database (tests/unit/csvseed.h). */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/io/csvexport.h"
#include "core/coaching/sessionfacts.h"
#include "core/store/store_export.h"
#include "csvseed.h"
#include "unit.h"

static struct seed sd;

static void setup(void)
{
	seed_make(&sd);
}

static void teardown(void)
{
	seed_free(&sd);
}

/* Runs an export into memory; returns the text (caller frees). */
static char *export_mem(const struct csvexport_options *o, size_t *rows)
{
	char *buf = NULL;
	size_t len = 0;
	struct error e = {0};
	FILE *fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	int rc = csvexport_write(sd.s, sd.c, o, NULL, fp, rows, &e);
	ck_assert_msg(rc == 0, "%s", e.msg);
	fclose(fp);
	return buf;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, "\r\n")); p += 2)
		n++;
	return n;
}

START_TEST(decimal_is_locale_free)
{
	char buf[32];
	/* A comma-decimal locale, when the system has one, must change
	 * nothing; the CLI test insists on de_DE.UTF-8 being there. */
	setlocale(LC_NUMERIC, "de_DE.UTF-8");
	ck_assert_str_eq(csvexport_decimal(2.25, buf), "2.25");
	ck_assert_str_eq(csvexport_decimal(3, buf), "3.00");
	ck_assert_str_eq(csvexport_decimal(0.125, buf), "0.13");
	ck_assert_str_eq(csvexport_decimal(1.875, buf), "1.88");
	ck_assert_str_eq(csvexport_decimal(4.0 / 3.0, buf), "1.33");
	ck_assert_str_eq(csvexport_decimal(-1.5, buf), "-1.50");
	ck_assert_str_eq(csvexport_decimal(-0.001, buf), "0.00");
	ck_assert_str_eq(csvexport_decimal(NAN, buf), "");
	setlocale(LC_NUMERIC, "C");
}
END_TEST

/* The 30 team columns of a session whose person has no team round. */
#define NO_TEAM ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"

static const char summary_header[] =
	"session_id,person,kind,coach,started_at,completed_at,status,"
	"content_version,flag_vague_updates,flag_slow_escalation,"
	"flag_not_my_job,flag_missed_commitments,flag_passive_agreement,"
	"pillar_clarity,pillar_trust_openness,pillar_autonomy,"
	"pillar_feedback_systems,pillar_role_modelling,vision,"
	"evidence_clarity,evidence_trust_openness,evidence_autonomy,"
	"evidence_feedback_systems,evidence_role_modelling,strongest_flag,"
	"ladder_situation,ladder_start,ladder_reached,commitments_made,"
	"commitments_kept,commitments_missed,notes,"
	"team_day,team_label,team_responses,team_flag_vague_updates,"
	"team_flag_slow_escalation,team_flag_not_my_job,"
	"team_flag_missed_commitments,team_flag_passive_agreement,"
	"team_spread_vague_updates,team_spread_slow_escalation,"
	"team_spread_not_my_job,team_spread_missed_commitments,"
	"team_spread_passive_agreement,team_gap_flag_vague_updates,"
	"team_gap_flag_slow_escalation,team_gap_flag_not_my_job,"
	"team_gap_flag_missed_commitments,"
	"team_gap_flag_passive_agreement,team_pillar_clarity,"
	"team_pillar_trust_openness,team_pillar_autonomy,"
	"team_pillar_feedback_systems,team_pillar_role_modelling,"
	"team_pillar_vision,team_gap_clarity,team_gap_trust_openness,"
	"team_gap_autonomy,team_gap_feedback_systems,"
	"team_gap_role_modelling,team_gap_vision"
	"\r\n";

START_TEST(summary_rows)
{
	struct csvexport_options o;
	csvexport_options_init(&o);
	size_t rows = 0;
	char *out = export_mem(&o, &rows);
	ck_assert_uint_eq(rows, 3);
	ck_assert_uint_eq(strncmp(out, summary_header, strlen(summary_header)),
			  0);
	char want1[1024];
	snprintf(want1, sizeof want1,
		 "%s,Ada,coaching,Dana,2026-03-02T09:00:00+00:00,"
		 "2026-03-02T12:00:00+00:00,complete,\"'2026.11.1\","
		 "3.00,2.00,,,,4.00,,,,,3.00,2.00,3.00,,2.00,3.00,vague-updates,"
		 "\"Release hand-over, \"\"again\"\"\",2,4,2,0,0,"
		 "\"'=SUM(A1) said \"\"Zoë\"\", then left;\nsecond line, "
		 "ünïcödé\"" NO_TEAM "\r\n",
		 sd.s1_uuid);
	const char *row1 = out + strlen(summary_header);
	ck_assert_uint_eq(strncmp(row1, want1, strlen(want1)), 0);
	char want2[512];
	snprintf(want2, sizeof want2,
		 "%s,Ada,coaching,Dana,2026-03-16T09:00:00+00:00,,open,"
		 "\"'2026.11.1\",,,,4.00,,2.00,,,,,,,,1.00,1.00,1.00,"
		 "missed-commitments,,,,0,1,1," NO_TEAM "\r\n",
		 sd.s2_uuid);
	const char *row2 = row1 + strlen(want1);
	ck_assert_uint_eq(strncmp(row2, want2, strlen(want2)), 0);
	ck_assert_ptr_nonnull(strstr(row2 + strlen(want2),
				     ",Bo,self,,2026-03-20T09:00:00+00:00,,"
				     "open,\"'2026.11.1\",,,,,,,,,,,,,,,,,,,,,0,0,"
				     "0," NO_TEAM "\r\n"));
	free(out);
}
END_TEST

START_TEST(summary_raw_and_filters)
{
	struct csvexport_options o;
	csvexport_options_init(&o);
	o.raw = 1;
	o.person_id = sd.ada;
	o.status = STORE_SESSION_COMPLETE;
	o.bom = 1;
	size_t rows = 0;
	char *out = export_mem(&o, &rows);
	ck_assert_uint_eq(rows, 1);
	ck_assert_uint_eq(strncmp(out, "\xef\xbb\xbfsession_id,", 14), 0);
	ck_assert_ptr_nonnull(strstr(out, ",\"=SUM(A1) said"));
	ck_assert_ptr_null(strstr(out, "'=SUM"));
	free(out);

	csvexport_options_init(&o);
	o.since = "2026-03-10";
	o.until = "2026-03-16";
	out = export_mem(&o, &rows);
	ck_assert_uint_eq(rows, 1);
	ck_assert_ptr_nonnull(strstr(out, sd.s2_uuid));
	free(out);
}
END_TEST

/* Counts the detail rows of one record type. */
static size_t records(const char *out, const char *type)
{
	char pat[32];
	size_t n = 0;
	snprintf(pat, sizeof pat, "\r\n%s,", type);
	for (const char *p = out; (p = strstr(p, pat)); p += 2)
		n++;
	return n;
}

START_TEST(detail_rows)
{
	struct csvexport_options o;
	csvexport_options_init(&o);
	o.format = CSVEXPORT_DETAIL;
	size_t rows = 0;
	char *out = export_mem(&o, &rows);
	ck_assert_str_eq(csvexport_detail_header[0], "record");
	static const char head[] =
		"record,uuid,person,session,name,role,team,archived,kind,"
		"coach,status,content_version,step,item,value,text,note,"
		"start_rung,reached_rung,rung,owner,due,reviewed_in,obstacle,"
		"time,closed,no_occasion,regulated,helped,differently,day,"
		"round,count\r\n";
	ck_assert_uint_eq(strncmp(out, head, strlen(head)), 0);
	ck_assert_uint_eq(records(out, "person"), 2);
	ck_assert_uint_eq(records(out, "session"), 3);
	ck_assert_uint_eq(records(out, "answer"), 7);
	ck_assert_uint_eq(records(out, "rating"), 3);
	ck_assert_uint_eq(records(out, "ladder"), 1);
	ck_assert_uint_eq(records(out, "ladder_step"), 2);
	ck_assert_uint_eq(records(out, "commitment"), 2);
	ck_assert_uint_eq(records(out, "note"), 1);
	ck_assert_uint_eq(rows, 21);
	ck_assert_uint_eq(count_lines(out), rows + 1);
	/* Detail is guarded too, reversibly: the note is quoted behind a '. */
	ck_assert_ptr_nonnull(strstr(out, ",\"'=SUM(A1) said"));
	/* The note-only answer has an empty value. */
	ck_assert_ptr_nonnull(strstr(out, ",not-my-job-1,,statement as seen,"
					  "only a note,"));
	/* The missed commitment names the session that reviewed it. */
	char want[256];
	snprintf(want, sizeof want, "Ask for one dissent,,,,,Ada,,%s,"
		 "Meetings were cancelled,", sd.s2_uuid);
	ck_assert_msg(strstr(out, want) != NULL, "%s", out);
	free(out);
}
END_TEST

START_TEST(guard_rule)
{
	static const char *const guarded[] = {
		"=1+1", "+4", "-x", "@a", "\tx", "\rx", "\nx", " lead", "007",
		"3.50", "1e5", "$5", "#NAME?", "#x", "'quoted", "''", "(1)",
		"2026-06-27", "TRUE", "false", "Err:509", "12345678901234567",
		".5", "%", "May 1", "march 2026", "Jan-5", "June 5, 2026",
		"DEC/1", "nov  3", NULL};
	static const char *const plain[] = {
		"", "0", "7", "42", "123456789012345", "Ada", "note", "é=x",
		"x=1", "Errand", "truth", "May", "Maybe 3", "Mayor 1",
		"Monday 5", "Ju 5", "March", "Sept", NULL};
	for (size_t i = 0; guarded[i]; i++)
		ck_assert_msg(csvexport_guard_needed(guarded[i]), "%s",
			      guarded[i]);
	for (size_t i = 0; plain[i]; i++)
		ck_assert_msg(!csvexport_guard_needed(plain[i]), "%s",
			      plain[i]);
}
END_TEST

static size_t dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

START_TEST(file_replaced_atomically)
{
	char path[160];
	struct error e = {0};
	struct csvexport_options o;
	csvexport_options_init(&o);
	snprintf(path, sizeof path, "%s/out.csv", sd.dir);
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("old", fp);
	fclose(fp);
	chmod(path, 0640);
	size_t before = dir_entries(sd.dir), rows = 0;
	ck_assert_int_eq(csvexport_write(sd.s, sd.c, &o, path, NULL, &rows,
					 &e),
			 0);
	ck_assert_uint_eq(rows, 3);
	ck_assert_uint_eq(dir_entries(sd.dir), before);
	char *text = seed_slurp(path, NULL);
	ck_assert_uint_eq(strncmp(text, summary_header,
				  strlen(summary_header)),
			  0);
	free(text);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0640);
}
END_TEST

START_TEST(missing_folder)
{
	char path[160];
	struct error e = {0};
	struct csvexport_options o;
	csvexport_options_init(&o);
	snprintf(path, sizeof path, "%s/nope/out.csv", sd.dir);
	ck_assert_int_eq(csvexport_write(sd.s, sd.c, &o, path, NULL, NULL,
					 &e),
			 -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "out.csv: the folder does not "
					    "exist"));
}
END_TEST

START_TEST(disk_full)
{
	struct error e = {0};
	struct csvexport_options o;
	csvexport_options_init(&o);
	o.format = CSVEXPORT_DETAIL;
	FILE *fp = fopen("/dev/full", "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(csvexport_write(sd.s, sd.c, &o, NULL, fp, NULL, &e),
			 -1);
	fclose(fp);
	ck_assert_int_eq(e.kind, ERROR_RUNTIME);
	ck_assert_ptr_nonnull(strstr(e.msg, "disk full"));
}
END_TEST

START_TEST(single_session)
{
	struct csvexport_options o;
	csvexport_options_init(&o);
	o.format = CSVEXPORT_DETAIL;
	o.session_id = sd.s3;
	size_t rows = 0;
	char *out = export_mem(&o, &rows);
	ck_assert_uint_eq(rows, 2); /* Bo and the session */
	ck_assert_uint_eq(records(out, "person"), 1);
	ck_assert_ptr_nonnull(strstr(out, "\r\nperson,"));
	ck_assert_ptr_nonnull(strstr(out, ",,,Bo,,,0,"));
	free(out);
}
END_TEST

/* The strongest flag is the strongest signal: a session whose every
 * scored flag is in the healthy band has none. */
START_TEST(summary_healthy_has_no_strongest_flag)
{
	struct error e = {0};
	struct store_answer a = {sd.s3, "vague-updates-1", "Said once.", 1,
				 NULL, "2026-03-20T09:05:00Z", 0};
	ck_assert_int_eq(store_answer_save(sd.s, &a, &e), 0);
	struct csvexport_options o;
	csvexport_options_init(&o);
	size_t rows = 0;
	char *out = export_mem(&o, &rows);
	char *bo = strstr(out, ",Bo,self,");
	ck_assert_ptr_nonnull(bo);
	while (bo > out && bo[-1] != '\n')
		bo--;
	/* No quoted comma in this row: split it by commas. */
	char *fields[40];
	int n = 0;
	for (char *p = bo; n < 40;) {
		fields[n++] = p;
		char *c = strpbrk(p, ",\r");
		if (!c || *c == '\r')
			break;
		*c = '\0';
		p = c + 1;
	}
	ck_assert_int_ge(n, 25);
	ck_assert_str_eq(fields[8], "1.00"); /* flag_vague_updates: healthy */
	ck_assert_str_eq(fields[24], "");    /* strongest_flag */
	free(out);
}
END_TEST

/* ------------------------------------------ what the summary reads */

/* Bo's sessions and follow-ups for the span rules: two sessions started
 * the same second (the id breaks the tie), the earlier never completed;
 * follow-ups made outside any session inside and outside each span, one
 * at a span's very start; one reviewed in a session, one still open, one
 * someone else owns. */
static void spans_seed(void)
{
	char sql[4096];
	struct error e = {0};
	long long bo = (long long)sd.bo;
	snprintf(sql, sizeof sql,
		 "INSERT INTO session (id, uuid, person_id, kind, started, "
		 " completed, status, content_version) VALUES "
		 "(101, '10000000-0000-4000-8000-000000000101', %lld, "
		 " 'self', '2026-05-01T10:00:00Z', '2026-05-01T11:00:00Z', "
		 " 'complete', 'x'), "
		 "(102, '10000000-0000-4000-8000-000000000102', %lld, "
		 " 'self', '2026-05-01T10:00:00Z', NULL, 'open', 'x'), "
		 "(103, '10000000-0000-4000-8000-000000000103', %lld, "
		 " 'self', '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z', "
		 " 'complete', 'x'), "
		 "(104, '10000000-0000-4000-8000-000000000104', %lld, "
		 " 'self', '2026-04-01T08:00:00Z', '2026-04-01T09:00:00Z', "
		 " 'complete', 'x');"
		 "INSERT INTO commitment (uuid, person_id, session_id, what, "
		 " owner, due, status, reviewed_session_id, created, reviewed) "
		 "VALUES "
		 "('20000000-0000-4000-8000-000000000001', %lld, 104, 'a', "
		 " NULL, '2026-04-10', 'missed', NULL, '2026-04-01T08:30:00Z', "
		 " '2026-04-20T12:00:00Z'), "
		 "('20000000-0000-4000-8000-000000000002', %lld, 101, 'b', "
		 " 'bo', '2026-05-15', 'renegotiated', NULL, "
		 " '2026-05-01T10:30:00Z', '2026-05-20T12:00:00Z'), "
		 "('20000000-0000-4000-8000-000000000003', %lld, 101, 'c', "
		 " 'Someone', NULL, 'kept', 103, '2026-05-01T10:31:00Z', "
		 " '2026-06-01T09:10:00Z'), "
		 "('20000000-0000-4000-8000-000000000004', %lld, 101, 'd', "
		 " NULL, NULL, 'open', NULL, '2026-05-01T10:32:00Z', NULL), "
		 "('20000000-0000-4000-8000-000000000005', %lld, 104, 'e', "
		 " '', '2026-04-05', 'missed', NULL, '2026-04-01T08:40:00Z', "
		 " '2026-05-01T10:00:00Z'), "
		 "('20000000-0000-4000-8000-000000000006', %lld, 103, 'f', "
		 " NULL, NULL, 'partly', NULL, '2026-06-01T09:20:00Z', "
		 " '2026-07-01T12:00:00Z');",
		 bo, bo, bo, bo, bo, bo, bo, bo, bo, bo);
	ck_assert_msg(store_debug_exec(sd.s, sql, &e) == 0, "%s", e.msg);
}

struct tally {
	int n, kept, partly, missed, renegotiated, evidence;
};

static int tally_extra(const struct store_session_extra *x, void *ud)
{
	*(struct store_session_extra *)ud = *x;
	return 0;
}

static enum score_review review_kind(enum store_cstatus st)
{
	return st == STORE_C_MISSED	    ? SCORE_REVIEW_MISSED
	       : st == STORE_C_RENEGOTIATED ? SCORE_REVIEW_RENEGOTIATED
					    : SCORE_REVIEW_OTHER;
}

static void tally_add(struct tally *t, enum store_cstatus st,
		      const char *owner, const char *due,
		      const char *reviewed, const char *person)
{
	struct score_commitment sc = {.owner = owner,
				      .due = due,
				      .review = review_kind(st),
				      .reviewed = reviewed};
	t->n++;
	t->kept += st == STORE_C_KEPT;
	t->partly += st == STORE_C_PARTLY;
	t->missed += st == STORE_C_MISSED;
	t->renegotiated += st == STORE_C_RENEGOTIATED;
	t->evidence += score_counts_missed(&sc, person);
}

static int tally_reviewed(const struct store_export_commitment *x, void *ud)
{
	tally_add(ud, x->c.status, x->c.owner, x->c.due, x->c.reviewed,
		  x->c.person_name);
	return 0;
}

static int tally_followup(const struct store_followup *f, void *ud)
{
	tally_add(ud, f->status, f->owner, f->due, f->reviewed,
		  f->person_name);
	return 0;
}

/* The summary reads a session's span with its ladder and note, and its
 * follow-ups with a query of its own: both must say what the listings
 * the report uses say, for every session, ties and open ends included. */
START_TEST(summary_reads_agree_with_listings)
{
	struct error e = {0};
	spans_seed();
	int64_t ids[] = {sd.s1, sd.s2, sd.s3, 101, 102, 103, 104};
	int outside = 0;
	struct sessionfacts f;
	sessionfacts_init(&f);
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		char from[STORE_TIME_SIZE], until[STORE_TIME_SIZE];
		ck_assert_int_eq(store_session_review_span(sd.s, ids[i], from,
							   until, &e),
				 1);
		struct store_session_extra x;
		memset(&x, 0, sizeof x);
		ck_assert_int_eq(
		    store_session_extra_each(sd.s, ids[i], tally_extra, &x, &e),
		    0);
		ck_assert_str_eq(x.span_from, from);
		ck_assert_str_eq(x.span_until, until);
		struct tally want = {0}, got = {0};
		ck_assert_int_eq(store_session_reviewed_each(
				     sd.s, ids[i], tally_reviewed, &want, &e),
				 0);
		ck_assert_int_eq(store_session_followups_each(
				     sd.s, &x, ids[i], tally_followup, &got, &e),
				 0);
		ck_assert_mem_eq(&got, &want, sizeof got);
		ck_assert_int_eq(sessionfacts_load(&f, sd.s, sd.c, ids[i], &e),
				 0);
		ck_assert_int_eq(f.kept, want.kept);
		ck_assert_int_eq(f.partly, want.partly);
		ck_assert_int_eq(f.missed, want.missed);
		ck_assert_int_eq(f.renegotiated, want.renegotiated);
		ck_assert_int_eq(f.missed_evidence, want.evidence);
		if (ids[i] >= 101)
			outside += want.n;
	}
	sessionfacts_free(&f);
	/* Not a comparison of empty lists: 101's span (from 104's
	 * completion to 102's start, the tie) takes the miss of 04-20;
	 * 102's (from its own start, before 101 completed, to 103's start)
	 * the miss made at exactly that start and the renegotiation; 103
	 * the review made in it; 104's short span nothing. */
	ck_assert_int_eq(outside, 4);
	char from[STORE_TIME_SIZE], until[STORE_TIME_SIZE];
	ck_assert_int_eq(store_session_review_span(sd.s, 102, from, until, &e),
			 1);
	ck_assert_str_eq(from, "2026-05-01T10:00:00Z");
	ck_assert_str_eq(until, "2026-06-01T09:00:00Z");
}
END_TEST

START_TEST(decimal_formats_without_printf)
{
	char buf[32];
	ck_assert_str_eq(csvexport_decimal(0, buf), "0.00");
	ck_assert_str_eq(csvexport_decimal(0.004, buf), "0.00");
	ck_assert_str_eq(csvexport_decimal(-0.005, buf), "-0.01");
	ck_assert_str_eq(csvexport_decimal(9.999, buf), "10.00");
	ck_assert_str_eq(csvexport_decimal(12345.678, buf), "12345.68");
	ck_assert_str_eq(csvexport_decimal(-4.05, buf), "-4.05");
	/* Capped so the cents always fit a long long. */
	ck_assert_str_eq(csvexport_decimal(1e300, buf), "10000000000000.00");
	ck_assert_str_eq(csvexport_decimal(INFINITY, buf), "");
}
END_TEST


int main(void)
{
	/* "now" is noon UTC on the seed's first day (see dates.h). */
	setenv("OWNIT_TODAY", "2026-03-02", 1);
	setenv("TZ", "UTC", 1);
	Suite *s = suite_create("csvexport");
	TCase *tc = tcase_create("export");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, decimal_is_locale_free);
	tcase_add_test(tc, summary_rows);
	tcase_add_test(tc, summary_healthy_has_no_strongest_flag);
	tcase_add_test(tc, summary_raw_and_filters);
	tcase_add_test(tc, detail_rows);
	tcase_add_test(tc, guard_rule);
	tcase_add_test(tc, file_replaced_atomically);
	tcase_add_test(tc, missing_folder);
	tcase_add_test(tc, disk_full);
	tcase_add_test(tc, single_session);
	tcase_add_test(tc, summary_reads_agree_with_listings);
	tcase_add_test(tc, decimal_formats_without_printf);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
