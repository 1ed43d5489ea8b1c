/* test_store_errors.c - what goes wrong on disk: privacy, foreign files,
 * newer versions, damage, a busy database, a full disk, empty files. */
#include "config.h"

#include "test_store.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sqlhelp.h"

static mode_t mode_of(const char *path)
{
	struct stat st;
	ck_assert_msg(lstat(path, &st) == 0, "%s missing", path);
	return st.st_mode & 07777;
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Opens t_db and asserts it is refused with a message containing want,
 * and that the file is byte for byte what it was. */
static void refused(int flags, const char *want, enum error_kind kind)
{
	size_t before_len = 0, after_len = 0;
	char *before = t_slurp(t_db, &before_len);
	struct error err = {0};
	struct store *s = store_open(t_db, flags, &err);
	ck_assert_msg(s == NULL, "opened, expected: %s", want);
	ck_assert_msg(strstr(err.msg, want) != NULL, "message \"%s\" lacks "
		      "\"%s\"", err.msg, want);
	ck_assert_int_eq(err.kind, kind);
	char *after = t_slurp(t_db, &after_len);
	ck_assert_int_eq(before_len, after_len);
	if (before_len)
		ck_assert_int_eq(memcmp(before, after, before_len), 0);
	free(before);
	free(after);
}

START_TEST(private_files)
{
	umask(022);
	snprintf(t_db, sizeof t_db, "%s/a/b/ownit.db", t_dir);
	struct error err = {0};
	struct store *s = store_open(t_db, STORE_CREATE, &err);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_msg(strstr(err.msg, "there is no folder"), "%s", err.msg);
	s = store_open(t_db, STORE_CREATE | STORE_MAKE_DIRS, &err);
	ck_assert_msg(s != NULL, "open failed: %s", err.msg);
	char path[600];
	snprintf(path, sizeof path, "%s/a", t_dir);
	ck_assert_int_eq(mode_of(path), 0700);
	snprintf(path, sizeof path, "%s/a/b", t_dir);
	ck_assert_int_eq(mode_of(path), 0700);
	ck_assert_int_eq(mode_of(t_db), 0600);
	t_person(s, "x");
	snprintf(path, sizeof path, "%s-wal", t_db);
	ck_assert_int_eq(mode_of(path), 0600);
	snprintf(path, sizeof path, "%s-shm", t_db);
	ck_assert_int_eq(mode_of(path), 0600);
	ck_assert_ptr_null(store_warning(s));
	store_close(s);

	/* Someone made it readable: opened, with a warning to show. */
	ck_assert_int_eq(chmod(t_db, 0644), 0);
	s = t_open();
	ck_assert_ptr_nonnull(store_warning(s));
	char want[2048];
	snprintf(want, sizeof want,
		 "%s can be read by other users (mode 0644): coaching notes "
		 "are private, run `chmod 600 %s`",
		 t_db, t_db);
	ck_assert_str_eq(store_warning(s), want);
	store_close(s);
}
END_TEST

START_TEST(pragmas_applied)
{
	struct store *s = t_open();
	store_close(s);
	sqlite3 *db = sqlhelp_open(t_db, 1);
	ck_assert_int_eq(sqlhelp_int(db, "PRAGMA application_id"), 0x6f776e49);
	ck_assert_int_eq(sqlhelp_int(db, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	char *mode = sqlhelp_text(db, "PRAGMA journal_mode");
	ck_assert_str_eq(mode, "wal");
	free(mode);
	/* Every table is STRICT. */
	ck_assert_int_eq(sqlhelp_int(db, "SELECT count(*) FROM sqlite_schema "
					 "WHERE type = 'table' "
					 "AND sql NOT LIKE '%) STRICT' "
					 "AND sql NOT LIKE "
					 "'%) STRICT, WITHOUT ROWID'"),
			 0);
	sqlite3_close(db);
}
END_TEST

START_TEST(symlink_refused)
{
	char target[600];
	snprintf(target, sizeof target, "%s/real.db", t_dir);
	ck_assert_int_eq(symlink(target, t_db), 0);
	refused(STORE_CREATE, "is a symbolic link", ERROR_INPUT);
	ck_assert_int_eq(access(target, F_OK), -1);
	/* Also when the target exists and is a real database. */
	char real[512];
	snprintf(real, sizeof real, "%s", t_db);
	snprintf(t_db, sizeof t_db, "%.300s", target);
	store_close(t_open());
	snprintf(t_db, sizeof t_db, "%s", real);
	refused(0, "is a symbolic link", ERROR_INPUT);
}
END_TEST

START_TEST(missing_and_exclusive)
{
	refused(0, "no database at", ERROR_INPUT);
	ck_assert_int_eq(access(t_db, F_OK), -1);
	store_close(t_open());
	refused(STORE_CREATE | STORE_EXCLUSIVE, "already exists", ERROR_INPUT);
	struct error err = {0};
	ck_assert_ptr_null(store_open("", STORE_CREATE, &err));
	ck_assert_str_eq(err.msg, "no database file given");
}
END_TEST

START_TEST(not_a_database)
{
	const char text[] = "name,role\nAda,Lead\nthis is a CSV file, not a "
			    "database; it must never be written over\n";
	write_file(t_db, text, sizeof text - 1);
	char want[1024];
	snprintf(want, sizeof want, "%s is not an ownit database", t_db);
	refused(STORE_CREATE, want, ERROR_INPUT);
	/* Shorter than an SQLite header. */
	write_file(t_db, "SQLite", 6);
	refused(STORE_CREATE, "not an SQLite file", ERROR_INPUT);
}
END_TEST

START_TEST(other_sqlite_database)
{
	sqlhelp_file_exec(t_db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	refused(STORE_CREATE, "an SQLite database of another program",
		ERROR_INPUT);
}
END_TEST

START_TEST(newer_version_refused)
{
	struct store *s = t_open();
	t_person(s, "Someone");
	struct error err = {0};
	ck_assert_int_eq(store_debug_exec(s, "PRAGMA user_version = 999", &err),
			 0);
	store_close(s);
	char want[2048];
	snprintf(want, sizeof want,
		 "%s was written by a newer ownit (database version 999, this "
		 "ownit knows up to %d); it was left untouched: upgrade ownit "
		 "to open it",
		 t_db, STORE_SCHEMA_VERSION);
	refused(STORE_CREATE, want, ERROR_INPUT);
	refused(0, "newer ownit", ERROR_INPUT);
}
END_TEST

START_TEST(corrupt_file)
{
	struct store *s = t_open();
	t_person(s, "Someone");
	store_close(s);
	/* Scribble over the schema page after the 100-byte file header:
	 * still "SQLite format 3" with our application id, but damaged. */
	int fd = open(t_db, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	char junk[3000];
	memset(junk, 0x5a, sizeof junk);
	ck_assert_int_eq(pwrite(fd, junk, sizeof junk, 100), sizeof junk);
	close(fd);
	char want[1024];
	snprintf(want, sizeof want, "%s is damaged", t_db);
	refused(STORE_CREATE, want, ERROR_RUNTIME);
	refused(STORE_CREATE, "run `ownit check` and restore a backup",
		ERROR_RUNTIME);
}
END_TEST

static int count_problem(const char *problem, void *ud)
{
	(void)problem;
	++*(int *)ud;
	return 0;
}

START_TEST(corrupt_data_found_by_check)
{
	struct store *s = t_open();
	int64_t p = t_person(s, "Someone");
	int64_t ses = t_session(s, p, NULL);
	char big[2000];
	memset(big, 'n', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	struct error err = {0};
	for (int i = 0; i < 40; i++) {
		char item[32];
		snprintf(item, sizeof item, "i-%d", i);
		struct store_answer a = {.session_id = ses, .item_id = item,
					 .statement = big, .value = 1};
		ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	}
	store_close(s);
	/* Damage pages in the middle of the file (answer data). */
	size_t len;
	free(t_slurp(t_db, &len));
	int fd = open(t_db, O_WRONLY);
	char junk[8192];
	memset(junk, 0xa5, sizeof junk);
	ck_assert_int_eq(pwrite(fd, junk, sizeof junk, (off_t)len / 2),
			 sizeof junk);
	close(fd);
	s = store_open(t_db, 0, &err);
	if (!s) { /* found already while reading the schema */
		ck_assert_ptr_nonnull(strstr(err.msg, "is damaged"));
		return;
	}
	int problems = 0;
	int r = store_check(s, count_problem, &problems, &err);
	ck_assert_msg(r != 0, "damage not found");
	if (r == 1)
		ck_assert_int_gt(problems, 0);
	store_close(s);
}
END_TEST

START_TEST(empty_file_is_new)
{
	int fd = open(t_db, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	close(fd);
	struct store *s = t_open();
	t_person(s, "Works");
	store_close(s);
	struct error err = {0};
	s = store_open(t_db, 0, &err);
	ck_assert_ptr_nonnull(s);
	int64_t id;
	ck_assert_int_eq(store_person_find(s, "works", &id, &err), 1);
	store_close(s);
}
END_TEST

START_TEST(empty_file_with_wal_refused)
{
	int fd = open(t_db, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	close(fd);
	char wal[600];
	snprintf(wal, sizeof wal, "%s-wal", t_db);
	char junk[4096];
	memset(junk, 0x33, sizeof junk);
	write_file(wal, junk, sizeof junk);
	refused(STORE_CREATE, "-wal beside it holds data", ERROR_INPUT);
	size_t len = 0;
	char *w = t_slurp(wal, &len);
	ck_assert_ptr_nonnull(w);
	ck_assert_int_eq(len, sizeof junk);
	ck_assert_int_eq(memcmp(w, junk, len), 0);
	free(w);
	ck_assert_int_eq(mode_of(t_db) & 0777, 0600);
}
END_TEST

START_TEST(busy_database)
{
	struct store *a = t_open();
	struct store *b = t_open();
	struct error err = {0};
	store_set_busy_timeout(b, 50);
	ck_assert_int_eq(store_tx_begin(a, &err), 0);
	t_person(a, "Holder");
	struct store_person p = {.name = "Waiter"};
	ck_assert_int_eq(store_person_add(b, &p, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_RUNTIME);
	char want[2048];
	snprintf(want, sizeof want,
		 "%s: the database is busy (another ownit is writing to it) "
		 "while adding a person; close the other one and try again",
		 t_db);
	ck_assert_str_eq(err.msg, want);
	/* The same call succeeds once the other writer is done. */
	ck_assert_int_eq(store_tx_commit(a, &err), 0);
	ck_assert_int_eq(store_person_add(b, &p, &err), 0);
	int64_t id;
	ck_assert_int_eq(store_person_find(a, "waiter", &id, &err), 1);
	ck_assert_int_eq(store_person_find(b, "holder", &id, &err), 1);
	store_close(a);
	store_close(b);
}
END_TEST

START_TEST(disk_full)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t ses = t_session(s, t_person(s, "P"), NULL);
	ck_assert_int_eq(store_note_save(s, ses, "small note", &err), 0);
	/* The limit cannot go below the current size: this pins it there. */
	ck_assert_int_eq(store_debug_exec(s, "PRAGMA max_page_count = 1", &err),
			 0);
	size_t n = 1 << 20;
	char *big = malloc(n + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	ck_assert_int_eq(store_note_save(s, ses, big, &err), -1);
	free(big);
	ck_assert_int_eq(err.kind, ERROR_RUNTIME);
	char want[2048];
	snprintf(want, sizeof want,
		 "%s: the disk is full while saving the note; nothing of it "
		 "was saved: free some space and try again",
		 t_db);
	ck_assert_str_eq(err.msg, want);
	/* What was saved before is still there, and intact. */
	char *body;
	ck_assert_int_eq(store_note_get(s, ses, &body, &err), 1);
	ck_assert_str_eq(body, "small note");
	free(body);
	ck_assert_int_eq(store_check(s, NULL, NULL, &err), 0);
	store_close(s);
}
END_TEST

TCase *store_errors_tcase(void)
{
	TCase *tc = tcase_create("errors");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_add_test(tc, private_files);
	tcase_add_test(tc, pragmas_applied);
	tcase_add_test(tc, symlink_refused);
	tcase_add_test(tc, missing_and_exclusive);
	tcase_add_test(tc, not_a_database);
	tcase_add_test(tc, other_sqlite_database);
	tcase_add_test(tc, newer_version_refused);
	tcase_add_test(tc, corrupt_file);
	tcase_add_test(tc, corrupt_data_found_by_check);
	tcase_add_test(tc, empty_file_is_new);
	tcase_add_test(tc, empty_file_with_wal_refused);
	tcase_add_test(tc, busy_database);
	tcase_add_test(tc, disk_full);
	return tc;
}
