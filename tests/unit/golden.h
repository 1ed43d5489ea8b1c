/* golden.h - compare a chart's output with a file in tests/unit/golden.
 *
 * Golden files hold the exact bytes of a few charts.  When a change to
 * the drawing is deliberate, regenerate them with
 *
 *     OWNIT_REGEN_GOLDEN=1 make check TESTS="tests/unit/test_radar ..."
 *
 * (they are written into the source tree, $OWNIT_SRCDIR), look at the
 * diff, and commit it.  Without the variable a difference fails. */
#ifndef OWNIT_TEST_GOLDEN_H
#define OWNIT_TEST_GOLDEN_H

/* Fails the running Check test when got differs from golden/name. */
void golden(const char *name, const char *got);

#endif
