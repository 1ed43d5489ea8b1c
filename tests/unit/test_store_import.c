/* test_store_import.c - what an import remembers (store_import.h): the
 * records it met, the follow-ups it links at the end, the notes it finds
 * by uuid, and the connection put back as it was afterwards. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/store/store_import.h"
#include "core/store/store_int.h"
#include "unit.h"

static char dir[256];
static struct store *s;

static void setup(void)
{
	char path[512];
	struct error err = {0};
	snprintf(dir, sizeof dir, "/tmp/ownit-test-import-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/ownit.db", dir);
	s = store_open(path, STORE_CREATE, &err);
	ck_assert_msg(s != NULL, "open failed: %s", err.msg);
}

static void teardown(void)
{
	char cmd[600];
	store_close(s);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* One integer the connection answers, e.g. a PRAGMA. */
static int64_t ask(const char *sql)
{
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t session_with_person(const char *name, char uuid[])
{
	struct error err = {0};
	struct store_person p = {.name = name};
	ck_assert_msg(store_person_add(s, &p, &err) == 0, "%s", err.msg);
	struct store_session ses = {.person_id = p.id,
				    .started = "2026-11-02T10:00:00Z",
				    .content_version = "2026.11.1",
				    .step = -1};
	ck_assert_msg(store_session_add(s, &ses, &err) == 0, "%s", err.msg);
	snprintf(uuid, STORE_UUID_SIZE, "%s", ses.uuid);
	return ses.id;
}

START_TEST(cache_grows_for_the_import_only)
{
	struct store_import_undo undo;
	struct error err = {0};
	int64_t before = ask("PRAGMA main.cache_size");
	ck_assert_int_eq(store_import_begin(s, &undo, &err), 0);
	/* Negative: KiB.  At least 4 MiB while the import runs. */
	ck_assert_int_le(ask("PRAGMA main.cache_size"), -4096);
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	store_tx_rollback(s);
	store_import_end(s, &undo);
	ck_assert_int_eq(ask("PRAGMA main.cache_size"), before);
	/* The temporary tables went with it. */
	ck_assert_int_eq(ask("SELECT count(*) FROM temp.sqlite_schema"), 0);
}
END_TEST

START_TEST(a_larger_cache_is_kept)
{
	struct store_import_undo undo;
	struct error err = {0};
	ck_assert_int_eq(sqlite3_exec(s->db, "PRAGMA cache_size = -10000",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(store_import_begin(s, &undo, &err), 0);
	ck_assert_int_eq(ask("PRAGMA main.cache_size"), -10000);
	store_import_end(s, &undo);
	ck_assert_int_eq(ask("PRAGMA main.cache_size"), -10000);
}
END_TEST

START_TEST(records_are_remembered_by_kind_and_uuid)
{
	static const char u[] = "0b6f3d52-1f0e-4a8c-9d1e-2c3b4a5d6e7f";
	struct store_import_undo undo;
	struct store_import_seen got;
	struct error err = {0};
	ck_assert_int_eq(store_import_begin(s, &undo, &err), 0);
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	ck_assert_int_eq(store_import_seen_get(s, 1, u, &got, &err), 0);
	struct store_import_seen in = {12, 34, {UINT64_MAX, 5}};
	ck_assert_int_eq(store_import_seen_put(s, 1, u, &in, 0, &err), 0);
	ck_assert_int_eq(store_import_seen_get(s, 1, u, &got, &err), 1);
	ck_assert_uint_eq(got.line, 12);
	ck_assert_int_eq(got.id, 34);
	/* All 64 bits come back through SQLite's signed integers. */
	ck_assert(got.digest[0] == UINT64_MAX && got.digest[1] == 5);
	/* Another kind with the same uuid is another record. */
	ck_assert_int_eq(store_import_seen_get(s, 2, u, &got, &err), 0);
	/* Met again: line and id stay, the digest only when asked. */
	struct store_import_seen again = {99, 77, {1, 2}};
	ck_assert_int_eq(store_import_seen_put(s, 1, u, &again, 0, &err), 0);
	ck_assert_int_eq(store_import_seen_get(s, 1, u, &got, &err), 1);
	ck_assert(got.line == 12 && got.id == 34 && got.digest[1] == 5);
	ck_assert_int_eq(store_import_seen_put(s, 1, u, &again, 1, &err), 0);
	ck_assert_int_eq(store_import_seen_get(s, 1, u, &got, &err), 1);
	ck_assert(got.line == 12 && got.id == 34);
	ck_assert(got.digest[0] == 1 && got.digest[1] == 2);
	store_tx_rollback(s);
	store_import_end(s, &undo);
}
END_TEST

START_TEST(follow_ups_are_linked_when_their_session_came)
{
	char here[STORE_UUID_SIZE], spare[STORE_UUID_SIZE];
	struct store_import_undo undo;
	struct error err = {0};
	int64_t made = session_with_person("Ana", spare);
	ck_assert_int_eq(store_import_begin(s, &undo, &err), 0);
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	int64_t later = session_with_person("Ben", here);
	int64_t ids[2];
	for (int i = 0; i < 2; i++) {
		struct store_commitment c = {
		    .person_id = 1,
		    .session_id = made,
		    .what = i ? "never followed up" : "followed up later",
		    .status = i ? STORE_C_OPEN : STORE_C_KEPT,
		};
		ck_assert_msg(store_commitment_add(s, &c, &err) == 0, "%s",
			      err.msg);
		ids[i] = c.id;
	}
	ck_assert_int_eq(store_import_review_later(s, ids[0], here, &err), 0);
	ck_assert_int_eq(
	    store_import_review_later(
		s, ids[1], "ffffffff-ffff-4fff-bfff-ffffffffffff", &err),
	    0);
	ck_assert_int_eq(store_import_link_reviews(s, &err), 0);
	ck_assert_int_eq(store_tx_commit(s, &err), 0);
	store_import_end(s, &undo);
	char sql[128];
	snprintf(sql, sizeof sql,
		 "SELECT reviewed_session_id FROM commitment WHERE id = %lld",
		 (long long)ids[0]);
	ck_assert_int_eq(ask(sql), later);
	snprintf(sql, sizeof sql,
		 "SELECT reviewed_session_id IS NULL FROM commitment "
		 "WHERE id = %lld",
		 (long long)ids[1]);
	ck_assert_int_eq(ask(sql), 1);
}
END_TEST

START_TEST(notes_are_found_by_uuid)
{
	char uuid[STORE_UUID_SIZE];
	struct error err = {0};
	int64_t ses = session_with_person("Ana", uuid);
	struct store_note n = {.session_id = ses,
			       .uuid = "5d0c7a14-2b9e-4f61-8a37-9e4c1b2d3f40",
			       .body = "kept the rota",
			       .updated = "2026-11-02T11:00:00Z"};
	ck_assert_msg(store_note_put(s, &n, &err) == 0, "%s", err.msg);
	int64_t found = 0;
	ck_assert_int_eq(store_note_find_uuid(s, n.uuid, &found, &err), 1);
	ck_assert_int_eq(found, ses);
	ck_assert_int_eq(store_note_find_uuid(s, uuid, &found, &err), 0);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store_import");
	TCase *tc = tcase_create("import");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, cache_grows_for_the_import_only);
	tcase_add_test(tc, a_larger_cache_is_kept);
	tcase_add_test(tc, records_are_remembered_by_kind_and_uuid);
	tcase_add_test(tc, follow_ups_are_linked_when_their_session_came);
	tcase_add_test(tc, notes_are_found_by_uuid);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
