/* test_workspace.c - finding and opening the database and the content
 * the one way every caller does, and the paths that used to trip it. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store/workspace.h"
#include "unit.h"

static char tmp[64];

static void setup(void)
{
	unit_home(tmp, sizeof tmp, "workspace");
}

static void teardown(void)
{
	unit_rmdir(tmp);
}

static void in_tmp(char *buf, const char *name)
{
	snprintf(buf, PATH_MAX, "%s/%s", tmp, name);
}

static int exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

START_TEST(default_db_is_created_under_xdg_data)
{
	char xdg[PATH_MAX], want[PATH_MAX];
	in_tmp(xdg, "data");
	in_tmp(want, "data/ownit/ownit.db");
	setenv("XDG_DATA_HOME", xdg, 1);
	struct error err = {0};
	char *path = NULL;
	struct store *s = workspace_store_open(NULL, STORE_CREATE, &path, &err);
	ck_assert_msg(s != NULL, "open failed: %s", err.msg);
	ck_assert_str_eq(path, want);
	ck_assert_str_eq(store_path(s), want);
	store_close(s);
	free(path);
	ck_assert(exists(want));
}
END_TEST

/* Only ownit's own place is made: a file the user names, by --db or
 * OWNIT_DB, must be in a folder that is there. */
START_TEST(named_db_folder_is_not_created)
{
	char dir[PATH_MAX], db[PATH_MAX];
	in_tmp(dir, "typo");
	in_tmp(db, "typo/x.db");
	struct error err = {0};
	ck_assert_ptr_null(workspace_store_open(db, STORE_CREATE, NULL, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_msg(strstr(err.msg, dir), "the folder is named: %s", err.msg);
	setenv("OWNIT_DB", db, 1);
	ck_assert_ptr_null(
	    workspace_store_open(NULL, STORE_CREATE, NULL, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert(!exists(dir));
}
END_TEST

START_TEST(missing_db_names_the_path_it_looked_at)
{
	char db[PATH_MAX];
	in_tmp(db, "none.db");
	setenv("OWNIT_DB", db, 1);
	struct error err = {0};
	char *path = NULL;
	ck_assert_ptr_null(workspace_store_open(NULL, 0, &path, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, db));
	ck_assert_str_eq(path, db);
	free(path);
	ck_assert(!exists(db));
}
END_TEST

START_TEST(content_is_layered_and_loaded)
{
	struct error err = {0};
	struct content_diags d = {0};
	struct content *c = workspace_content_load(NULL, &d, &err);
	ck_assert_msg(c != NULL, "content failed: %s", err.msg);
	ck_assert_uint_eq(c->nflags, 5);
	ck_assert_uint_eq(d.nerrors, 0);
	content_diags_free(&d);
	content_free(c);
}
END_TEST

START_TEST(missing_user_content_folder_is_an_error)
{
	char dir[PATH_MAX];
	in_tmp(dir, "no-such-content");
	struct error err = {0};
	ck_assert_ptr_null(workspace_content_load(dir, NULL, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
}
END_TEST

/* ~/.local/share linked to another disk is an ordinary set-up. */
START_TEST(linked_folder_in_the_path_works)
{
	char real[PATH_MAX], link[PATH_MAX], db[PATH_MAX];
	in_tmp(real, "real");
	in_tmp(link, "linked");
	in_tmp(db, "linked/ownit.db");
	ck_assert_int_eq(mkdir(real, 0700), 0);
	ck_assert_int_eq(symlink(real, link), 0);
	struct error err = {0};
	struct store *s = workspace_store_open(db, STORE_CREATE, NULL, &err);
	ck_assert_msg(s != NULL, "open through a linked folder: %s", err.msg);
	struct store_person p = {.name = "Ada"};
	ck_assert_int_eq(store_person_add(s, &p, &err), 0);
	store_close(s);
	s = workspace_store_open(db, 0, NULL, &err);
	ck_assert_msg(s != NULL, "reopen: %s", err.msg);
	int64_t id = 0;
	ck_assert_int_eq(store_person_find(s, "Ada", &id, &err), 1);
	store_close(s);
}
END_TEST

START_TEST(linked_final_file_is_refused)
{
	char real[PATH_MAX], link[PATH_MAX];
	in_tmp(real, "real.db");
	in_tmp(link, "link.db");
	struct error err = {0};
	struct store *s = workspace_store_open(real, STORE_CREATE, NULL, &err);
	ck_assert_ptr_nonnull(s);
	store_close(s);
	ck_assert_int_eq(symlink(real, link), 0);
	ck_assert_ptr_null(workspace_store_open(link, 0, NULL, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "symbolic link"));
}
END_TEST

/* A folder where the -shm file should be: SQLite cannot set up WAL, and
 * the empty file made for the new database must not stay behind. */
START_TEST(failed_first_open_leaves_no_empty_file)
{
	char db[PATH_MAX], shm[PATH_MAX];
	in_tmp(db, "new.db");
	in_tmp(shm, "new.db-shm");
	ck_assert_int_eq(mkdir(shm, 0700), 0);
	struct error err = {0};
	ck_assert_ptr_null(workspace_store_open(db, STORE_CREATE, NULL, &err));
	ck_assert_msg(!exists(db), "a %s was left behind", db);
	ck_assert_msg(strstr(err.msg, "new.db-shm is not a regular file"),
		      "the -shm file is named: %s", err.msg);
	ck_assert(exists(shm));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("workspace");
	TCase *tc = tcase_create("workspace");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, default_db_is_created_under_xdg_data);
	tcase_add_test(tc, named_db_folder_is_not_created);
	tcase_add_test(tc, missing_db_names_the_path_it_looked_at);
	tcase_add_test(tc, content_is_layered_and_loaded);
	tcase_add_test(tc, missing_user_content_folder_is_an_error);
	tcase_add_test(tc, linked_folder_in_the_path_works);
	tcase_add_test(tc, linked_final_file_is_refused);
	tcase_add_test(tc, failed_first_open_leaves_no_empty_file);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
