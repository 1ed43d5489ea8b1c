/* unit.h - how every unit test program runs its suite. */
#ifndef OWNIT_TEST_UNIT_H
#define OWNIT_TEST_UNIT_H

#include <check.h>

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

#endif
