/* test_store_migrate.c - a version-1 database brought up to date.
 *
 * fixtures/store-v1.sql was made by schema step 1 with a little data; the
 * test loads it with SQLite directly (as an old ownit would have left it),
 * opens it with the store, and checks that everything is still there and
 * that the upgraded schema is exactly the one a new database gets.
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/store.h"
#include "core/store/store_int.h"
#include "sqlhelp.h"
#include "unit.h"

#ifndef FIXTURES
#define FIXTURES "tests/unit/fixtures"
#endif

static char dir[256], old_db[512], new_db[512];

static void setup(void)
{
	unit_tmpdir(dir, sizeof dir, "migrate");
	snprintf(old_db, sizeof old_db, "%s/v1.db", dir);
	snprintf(new_db, sizeof new_db, "%s/new.db", dir);
	setenv("OWNIT_TODAY", "2026-11-23", 1);
}

static void teardown(void)
{
	unit_rmdir(dir);
}

static char *read_fixture(void)
{
	FILE *f = fopen(FIXTURES "/store-v1.sql", "rb");
	ck_assert_msg(f != NULL, "cannot open %s", FIXTURES "/store-v1.sql");
	char *buf = malloc(1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void load_fixture(const char *path)
{
	char *sql = read_fixture();
	sqlhelp_file_exec(path, sql);
	free(sql);
}

/* The schema of a file as one string: type, name and SQL of every object,
 * sorted by name. */
static char *schema_of(const char *path)
{
	return sqlhelp_file_text(path,
				 "SELECT group_concat(type || ' ' || name || "
				 "' ' || coalesce(sql, ''), char(10)) FROM "
				 "(SELECT * FROM sqlite_schema ORDER BY name)");
}

static const char user_version[] = "PRAGMA user_version";

START_TEST(fixture_is_version_1)
{
	/* The fixture's schema is exactly what step 1 writes: if step 1 were
	 * ever edited, this fails. */
	load_fixture(old_db);
	sqlhelp_file_exec(new_db, store_schema_step(1));
	char *a = schema_of(old_db), *b = schema_of(new_db);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	ck_assert_int_eq(sqlhelp_file_int(old_db, user_version), 1);
	ck_assert_ptr_null(store_schema_step(STORE_SCHEMA_VERSION + 1));
	ck_assert_ptr_null(store_schema_step(0));
}
END_TEST

static int count_answers(const struct store_answer *a, void *ud)
{
	int *n = ud;
	if (*n == 1) {
		ck_assert_str_eq(a->item_id, "vague-updates-2");
		ck_assert_str_eq(a->statement,
				 "Old wording of the second statement");
		ck_assert_str_eq(a->note, "said twice, \"nearly done\"");
	}
	++*n;
	return 0;
}

/* Two people whose names fold alike (possible before version 4, which
 * folds beyond ASCII) both survive the migration. */
START_TEST(v4_keeps_names_that_fold_alike)
{
	load_fixture(old_db);
	sqlhelp_file_exec(old_db,
			  "INSERT INTO person (uuid, name, created) VALUES "
			  "('u-1', 'ZO\xc3\x8b', '2026-01-01T00:00:00Z'),"
			  "('u-2', 'zo\xc3\xab', '2026-01-01T00:00:00Z')");
	struct error err = {0};
	struct store *s = store_open(old_db, 0, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	int64_t id = 0;
	ck_assert_int_eq(store_person_find(s, "Zo\xc3\xab", &id, &err), 1);
	int64_t first = id;
	struct store_person p;
	ck_assert_int_eq(store_person_get(s, first, &p, &err), 1);
	ck_assert_str_eq(p.name, "ZO\xc3\x8b");
	store_person_clear(&p);
	ck_assert_int_eq(store_person_get(s, first + 1, &p, &err), 1);
	ck_assert_str_eq(p.name, "zo\xc3\xab");
	store_person_clear(&p);
	store_close(s);
}
END_TEST

START_TEST(migrates_to_current)
{
	load_fixture(old_db);
	struct error err = {0};
	struct store *s = store_open(old_db, 0, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);

	/* Every row survived. */
	int64_t id;
	ck_assert_int_eq(store_person_find(s, "nora lindqvist", &id, &err), 1);
	ck_assert_int_eq(id, 1);
	struct store_person p;
	ck_assert_int_eq(store_person_get(s, 2, &p, &err), 1);
	ck_assert_str_eq(p.name, "Émile, \"the new one\"");
	ck_assert_str_eq(p.uuid, "6c2d9d7f-8a1b-4e3c-8d4f-1b2c3d4e5f60");
	store_person_clear(&p);
	struct store_session ses;
	ck_assert_int_eq(store_session_get(s, 1, &ses, &err), 1);
	ck_assert_int_eq(ses.status, STORE_SESSION_COMPLETE);
	ck_assert_str_eq(ses.content_version, "2026.03.1");
	ck_assert_int_eq(ses.step, -1); /* new column, no value yet */
	store_session_clear(&ses);
	int n = 0;
	ck_assert_int_eq(store_answers_each(s, 1, count_answers, &n, &err), 0);
	ck_assert_int_eq(n, 2);
	struct store_ladder l;
	ck_assert_int_eq(store_ladder_get(s, 1, &l, &err), 1);
	ck_assert_int_eq(l.reached_rung, 5);
	store_ladder_clear(&l);
	struct store_commitment c;
	ck_assert_int_eq(store_commitment_get(s, 2, &c, &err), 1);
	ck_assert_int_eq(c.overdue, 1);
	store_commitment_clear(&c);
	char *body;
	ck_assert_int_eq(store_note_get(s, 1, &body, &err), 1);
	ck_assert_str_eq(body, "Line one, with a comma\nline two: \"quoted\" "
			       "— Zoë");
	free(body);

	/* Version 4: the note read with its version saves back over it,
	 * and not over a version it did not read. */
	int64_t v = -1;
	ck_assert_int_eq(store_note_get_versioned(s, 1, &body, &v, &err), 1);
	free(body);
	ck_assert_int_eq(v, 0); /* the column's default for an old session */
	int64_t stale = v;
	ck_assert_int_eq(store_note_save_if(s, 1, "migrated", &v, &err), 0);
	ck_assert_int_ne(v, stale);
	ck_assert_int_eq(store_note_save_if(s, 1, "stale", &stale, &err), 1);

	/* What version 2 added works. */
	ck_assert_int_eq(store_session_set_step(s, 2, STORE_STEP_PILLARS,
						&err),
			 0);
	ck_assert_int_eq(store_session_get(s, 2, &ses, &err), 1);
	ck_assert_int_eq(ses.step, STORE_STEP_PILLARS);
	store_session_clear(&ses);
	/* Version 4 keyed the old names: found in any case, and a second
	 * spelling of one is refused. */
	ck_assert_int_eq(store_person_find(s, "\xc3\x89MILE, \"THE NEW ONE\"",
					   &id, &err),
			 1);
	ck_assert_int_eq(id, 2);
	struct store_person again = {.name = "\xc3\xa9mile, \"the new one\""};
	ck_assert_int_eq(store_person_add(s, &again, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	/* What version 4 added works: an edit after completion is noted. */
	char when[STORE_TIME_SIZE];
	ck_assert_int_eq(store_session_complete(s, 2, &err), 0);
	ck_assert_int_eq(store_session_mark_edited(s, 2, &err), 1);
	ck_assert_int_eq(store_session_edited(s, 2, when, &err), 1);
	ck_assert_int_eq(store_check(s, NULL, NULL, &err), 0);
	store_close(s);

	ck_assert_int_eq(sqlhelp_file_int(old_db, user_version),
			 STORE_SCHEMA_VERSION);

	/* Migrated and new databases have the very same schema. */
	s = store_open(new_db, STORE_CREATE, &err);
	ck_assert_ptr_nonnull(s);
	store_close(s);
	char *a = schema_of(old_db), *b = schema_of(new_db);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "index session_by_person"));
	/* Version 4: what the exports walk a session by. */
	ck_assert_ptr_nonnull(strstr(a, "index answer_by_session"));
	ck_assert_ptr_nonnull(strstr(a, "index rating_by_session"));
	ck_assert_ptr_nonnull(strstr(a, "index commitment_followed_outside"));
	free(a);
	free(b);
	/* A session's answers and ratings come in the order given and its
	 * follow-ups made outside a session are found without reading the
	 * person's every commitment: no sort, no scan. */
	static const char *const walks[] = {
		"SELECT item_id FROM answer WHERE session_id = 1 "
		"ORDER BY rowid",
		"SELECT pillar_id FROM rating WHERE session_id = 1 "
		"ORDER BY rowid",
		"SELECT id FROM commitment WHERE reviewed_session_id IS NULL "
		"AND status <> 'open' AND person_id = 1",
	};
	sqlite3 *db = sqlhelp_open(old_db, 1);
	for (size_t i = 0; i < sizeof walks / sizeof *walks; i++) {
		char *plan = sqlhelp_plan(db, walks[i]);
		ck_assert_msg(!strstr(plan, "TEMP B-TREE") &&
				      !strstr(plan, "SCAN") &&
				      !strstr(plan, "commitment_by_person"),
			      "%s: %s", walks[i], plan);
		free(plan);
	}
	sqlite3_close(db);

	/* Opening again changes nothing more. */
	s = store_open(old_db, 0, &err);
	ck_assert_ptr_nonnull(s);
	store_close(s);
	ck_assert_int_eq(sqlhelp_file_int(old_db, user_version),
			 STORE_SCHEMA_VERSION);
}
END_TEST


static int tally_cb(const struct store_team_tally *t, void *ud)
{
	char *buf = ud;
	char line[128];
	snprintf(line, sizeof line, "%s=%d:%u;", t->item, t->value, t->count);
	strcat(buf, line);
	return 0;
}

static int round_cb(const struct store_team_round *r, void *ud)
{
	char *buf = ud;
	char line[160];
	snprintf(line, sizeof line, "%s %s %u|", r->day,
		 r->label ? r->label : "-", r->responses);
	strcat(buf, line);
	return 0;
}

/* Version 4: team rounds on a migrated file, kept as counts only. */
START_TEST(team_rounds_on_migrated_file)
{
	load_fixture(old_db);
	struct error err = {0};
	struct store *s = store_open(old_db, 0, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	struct store_team_round r = {.person_id = 1, .label = "Q4",
				     .content_version = "2026.12.2"};
	ck_assert_int_eq(store_team_round_add(s, &r, &err), 0);
	struct store_team_answer a1[] = {{"vague-updates-1", "In our team, a.", 3},
					 {"leader-owns-errors", "In our team, b.", 1}};
	struct store_team_answer a2[] = {{"vague-updates-1", "In our team, a.", 3}};
	ck_assert_int_eq(store_team_response_add(s, r.id, a1, 2, &err), 0);
	ck_assert_int_eq(store_team_response_add(s, r.id, a2, 1, &err), 0);
	/* A bad value rolls the member's whole response back. */
	struct store_team_answer bad[] = {{"vague-updates-2", "x", 2},
					  {"vague-updates-3", "y", 7}};
	ck_assert_int_eq(store_team_response_add(s, r.id, bad, 2, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	char buf[1024] = "";
	ck_assert_int_eq(store_team_tallies_each(s, r.id, tally_cb, buf, &err),
			 0);
	ck_assert_str_eq(buf, "leader-owns-errors=1:1;vague-updates-1=3:2;");
	struct store_team_round got;
	ck_assert_int_eq(store_team_round_get(s, r.id, &got, &err), 1);
	ck_assert_uint_eq(got.responses, 2);
	ck_assert_str_eq(got.day, "2026-11-23");
	ck_assert_str_eq(got.label, "Q4");
	ck_assert_str_eq(got.person_name, "Nora Lindqvist");
	store_team_round_clear(&got);

	/* A whole round at once; the same uuid again changes nothing. */
	struct store_team_round w = {.person_id = 1, .day = "2026-10-01",
				     .responses = 3,
				     .content_version = "2026.12.2"};
	struct store_team_tally t[] = {{"vague-updates-2", "In our team, c.",
					4, 3}};
	ck_assert_int_eq(store_team_round_put(s, &w, t, 1, &err), 0);
	struct store_team_round again = w;
	again.id = 0;
	ck_assert_int_eq(store_team_round_put(s, &again, t, 1, &err), 1);
	buf[0] = 0;
	ck_assert_int_eq(store_team_rounds_each(s, 1, round_cb, buf, &err), 0);
	ck_assert_str_eq(buf, "2026-10-01 - 3|2026-11-23 Q4 2|");
	buf[0] = 0;
	ck_assert_int_eq(store_team_tallies_each(s, w.id, tally_cb, buf, &err),
			 0);
	ck_assert_str_eq(buf, "vague-updates-2=4:3;");
	/* No day but a date. */
	struct store_team_round odd = {.person_id = 1,
				       .day = "2026-11-23T10:00:00Z",
				       .content_version = "x"};
	ck_assert_int_eq(store_team_round_add(s, &odd, &err), -1);
	ck_assert_int_eq(store_check(s, NULL, NULL, &err), 0);
	store_close(s);

	/* The tallies keep no insertion order: the table has no rowid. */
	sqlite3 *db = sqlhelp_open(old_db, 0);
	ck_assert_int_ne(sqlite3_exec(db, "SELECT rowid FROM team_tally", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	/* Deleting the leader deletes their rounds. */
	sqlhelp_exec(db, "PRAGMA foreign_keys=ON; DELETE FROM person "
			 "WHERE id = 1");
	ck_assert_int_eq(sqlhelp_int(db, "SELECT count(*) FROM team_tally"), 0);
	sqlite3_close(db);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store_migrate");
	TCase *tc = tcase_create("migrate");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fixture_is_version_1);
	tcase_add_test(tc, migrates_to_current);
	tcase_add_test(tc, v4_keeps_names_that_fold_alike);
	tcase_add_test(tc, team_rounds_on_migrated_file);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
