/* unit.h - how every unit test program runs its suite, and where it
 * keeps its files. */
#ifndef OWNIT_TEST_UNIT_H
#define OWNIT_TEST_UNIT_H

#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* Runs every test of su with Check's normal report and gives main its
 * exit status: 0 when all passed. */
static inline int unit_run(Suite *su)
{
	SRunner *sr = srunner_create(su);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}

/* The main of a test program whose tests need no fixture: runs the n
 * tests as the one case of a suite called name (unit_run's status). */
static inline int unit_run_tests(const char *name, const TTest *const *tests,
				 size_t n)
{
	Suite *su = suite_create(name);
	TCase *tc = tcase_create("core");
	for (size_t i = 0; i < n; i++)
		tcase_add_test(tc, tests[i]);
	suite_add_tcase(su, tc);
	return unit_run(su);
}

/* A fresh folder of the test's own, /tmp/ownit-test-NAME-XXXXXX, made
 * into dir (n bytes). */
static inline void unit_tmpdir(char *dir, size_t n, const char *name)
{
	int len = snprintf(dir, n, "/tmp/ownit-test-%s-XXXXXX", name);
	ck_assert_msg(len > 0 && (size_t)len < n,
		      "no room for the folder of %s", name);
	ck_assert_msg(mkdtemp(dir) != NULL, "cannot make %s", dir);
}

/* Removes dir and all it holds, made writable first: some tests take
 * the permissions away. */
static inline void unit_rmdir(const char *dir)
{
	char cmd[4200];
	int len = snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'",
			   dir, dir);
	ck_assert(len > 0 && (size_t)len < sizeof cmd);
	ck_assert_int_eq(system(cmd), 0);
}

/* Makes a fresh folder (see unit_tmpdir) the test's HOME, with none of
 * the variables that would send ownit elsewhere set: where it looks
 * then follows from HOME alone. */
static inline void unit_home(char *dir, size_t n, const char *name)
{
	unit_tmpdir(dir, n, name);
	static const char *const elsewhere[] = {
	    "OWNIT_DB", "OWNIT_CONTENT", "XDG_DATA_HOME", "XDG_CONFIG_HOME"};
	ck_assert_int_eq(setenv("HOME", dir, 1), 0);
	for (size_t i = 0; i < sizeof elsewhere / sizeof *elsewhere; i++)
		ck_assert_int_eq(unsetenv(elsewhere[i]), 0);
}

#define UNIT_RUN_TESTS(name, tests)                                            \
	unit_run_tests(name, tests, sizeof(tests) / sizeof(tests)[0])

#endif
