/* test_paths.c - where the database and the content are looked for. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/paths.h"
#include "unit.h"

static char tmp[PATH_MAX];

static void setup(void)
{
	unit_home(tmp, sizeof tmp, "paths");
}

static void teardown(void)
{
	unit_rmdir(tmp);
}

static void assert_db(const char *flag, const char *want)
{
	struct error err = {0};
	char *db = paths_db(flag, NULL, &err);
	ck_assert_msg(db != NULL, "paths_db failed: %s", err.msg);
	ck_assert_str_eq(db, want);
	free(db);
}

START_TEST(db_flag_wins)
{
	setenv("OWNIT_DB", "/env/ownit.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	assert_db("/flag/ownit.db", "/flag/ownit.db");
}
END_TEST

START_TEST(db_env_before_xdg)
{
	setenv("OWNIT_DB", "/env/ownit.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	assert_db(NULL, "/env/ownit.db");
}
END_TEST

START_TEST(db_empty_env_ignored)
{
	setenv("OWNIT_DB", "", 1);
	setenv("XDG_DATA_HOME", "/xdg/", 1);
	assert_db(NULL, "/xdg/ownit/ownit.db");
}
END_TEST

START_TEST(db_xdg_unset_uses_home)
{
	char want[PATH_MAX + 64];
	snprintf(want, sizeof want, "%s/.local/share/ownit/ownit.db", tmp);
	assert_db(NULL, want);
}
END_TEST

START_TEST(db_xdg_empty_uses_home)
{
	char want[PATH_MAX + 64];
	setenv("XDG_DATA_HOME", "", 1);
	snprintf(want, sizeof want, "%s/.local/share/ownit/ownit.db", tmp);
	assert_db(NULL, want);
}
END_TEST

START_TEST(db_xdg_relative_ignored)
{
	char want[PATH_MAX + 64];
	setenv("XDG_DATA_HOME", "relative/data", 1);
	snprintf(want, sizeof want, "%s/.local/share/ownit/ownit.db", tmp);
	assert_db(NULL, want);
}
END_TEST

START_TEST(db_empty_flag_is_input_error)
{
	struct error err = {0};
	ck_assert_ptr_null(paths_db("", NULL, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_str_eq(err.msg, "--db: empty file name");
}
END_TEST

START_TEST(home_relative_falls_back_to_passwd)
{
	struct error err = {0};
	setenv("HOME", "not/absolute", 1);
	char *home = paths_home(&err);
	ck_assert_ptr_nonnull(home);
	ck_assert_int_eq(home[0], '/');
	free(home);
}
END_TEST

START_TEST(make_parents_creates_0700)
{
	struct error err = {0};
	char file[PATH_MAX + 32];
	snprintf(file, sizeof file, "%s/a/b/c/ownit.db", tmp);
	mode_t old = umask(022);
	ck_assert_int_eq(paths_make_parents(file, &err), 0);
	umask(old);
	char dir[PATH_MAX + 32];
	snprintf(dir, sizeof dir, "%s/a/b/c", tmp);
	struct stat st;
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	snprintf(dir, sizeof dir, "%s/a", tmp);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	/* Twice is fine: the directories already exist. */
	ck_assert_int_eq(paths_make_parents(file, &err), 0);
}
END_TEST

START_TEST(make_parents_file_in_the_way)
{
	struct error err = {0};
	char file[PATH_MAX + 32];
	snprintf(file, sizeof file, "%s/plain", tmp);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	snprintf(file, sizeof file, "%s/plain/ownit.db", tmp);
	ck_assert_int_eq(paths_make_parents(file, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "plain: not a directory"));
}
END_TEST

static void make_dir(const char *sub, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", tmp, sub);
	struct error err = {0};
	char file[PATH_MAX + 64];
	snprintf(file, sizeof file, "%s/x", out);
	ck_assert_int_eq(paths_make_parents(file, &err), 0);
}

START_TEST(content_base_prefers_source_when_uninstalled)
{
	struct error err = {0};
	char inst[PATH_MAX + 32], src[PATH_MAX + 32];
	make_dir("share/ownit/content", inst, sizeof inst);
	make_dir("src/content", src, sizeof src);
	char *base = paths_content_base_for("/build/src/ownit", "/usr/bin",
					    inst, src, &err);
	ck_assert_str_eq(base, src);
	free(base);
	base = paths_content_base_for("/usr/bin/ownit", "/usr/bin", inst, src,
				      &err);
	ck_assert_str_eq(base, inst);
	free(base);
}
END_TEST

START_TEST(content_base_falls_back)
{
	struct error err = {0};
	char inst[PATH_MAX + 32], src[PATH_MAX + 32];
	make_dir("src/content", src, sizeof src);
	snprintf(inst, sizeof inst, "%s/missing", tmp);
	char *base = paths_content_base_for("/usr/bin/ownit", "/usr/bin", inst,
					    src, &err);
	ck_assert_str_eq(base, src);
	free(base);
	snprintf(src, sizeof src, "%s/missing-too", tmp);
	ck_assert_ptr_null(paths_content_base_for("/usr/bin/ownit", "/usr/bin",
						  inst, src, &err));
	ck_assert_int_eq(err.kind, ERROR_RUNTIME);
	ck_assert_ptr_nonnull(strstr(err.msg, "no content folder"));
}
END_TEST

START_TEST(content_user_order)
{
	struct error err = {0};
	char flag[PATH_MAX + 32], env[PATH_MAX + 32], xdg[PATH_MAX + 32];
	make_dir("flag", flag, sizeof flag);
	make_dir("env", env, sizeof env);
	make_dir("conf/ownit/content", xdg, sizeof xdg);

	/* Nothing set and no ~/.config/ownit/content: no user folder. */
	char *dir = paths_content_user(NULL, &err);
	ck_assert_ptr_null(dir);
	ck_assert_int_eq(err.kind, ERROR_NONE);

	char conf[PATH_MAX + 32];
	snprintf(conf, sizeof conf, "%s/conf", tmp);
	setenv("XDG_CONFIG_HOME", conf, 1);
	dir = paths_content_user(NULL, &err);
	ck_assert_str_eq(dir, xdg);
	free(dir);

	setenv("OWNIT_CONTENT", env, 1);
	dir = paths_content_user(NULL, &err);
	ck_assert_str_eq(dir, env);
	free(dir);

	dir = paths_content_user(flag, &err);
	ck_assert_str_eq(dir, flag);
	free(dir);
}
END_TEST

START_TEST(content_user_missing_is_input_error)
{
	struct error err = {0};
	setenv("OWNIT_CONTENT", "/nonexistent/ownit-content", 1);
	ck_assert_ptr_null(paths_content_user(NULL, &err));
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_str_eq(err.msg, "OWNIT_CONTENT: /nonexistent/ownit-content: "
				  "not a directory");
}
END_TEST

START_TEST(join_trims_slashes)
{
	struct error err = {0};
	char *p = paths_join("/a/b//", "c.csv", &err);
	ck_assert_str_eq(p, "/a/b/c.csv");
	free(p);
	p = paths_join("/", "c.csv", &err);
	ck_assert_str_eq(p, "/c.csv");
	free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("paths");
	TCase *tc = tcase_create("paths");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, db_flag_wins);
	tcase_add_test(tc, db_env_before_xdg);
	tcase_add_test(tc, db_empty_env_ignored);
	tcase_add_test(tc, db_xdg_unset_uses_home);
	tcase_add_test(tc, db_xdg_empty_uses_home);
	tcase_add_test(tc, db_xdg_relative_ignored);
	tcase_add_test(tc, db_empty_flag_is_input_error);
	tcase_add_test(tc, home_relative_falls_back_to_passwd);
	tcase_add_test(tc, make_parents_creates_0700);
	tcase_add_test(tc, make_parents_file_in_the_way);
	tcase_add_test(tc, content_base_prefers_source_when_uninstalled);
	tcase_add_test(tc, content_base_falls_back);
	tcase_add_test(tc, content_user_order);
	tcase_add_test(tc, content_user_missing_is_input_error);
	tcase_add_test(tc, join_trims_slashes);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
