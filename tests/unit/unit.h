/* unit.h - how every unit test program runs its suite. */
#ifndef OWNIT_TEST_UNIT_H
#define OWNIT_TEST_UNIT_H

#include <check.h>
#include <stddef.h>

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

#define UNIT_RUN_TESTS(name, tests)                                            \
	unit_run_tests(name, tests, sizeof(tests) / sizeof(tests)[0])

#endif
