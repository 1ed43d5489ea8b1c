/* pending.c - commands that are not built yet say so honestly.
 *
 * Each command moves out of this file into its own src/cli/NAME.c when it
 * is implemented; until then it fails with exit status 1 rather than
 * pretending to work. */
#include "config.h"

#include <stdio.h>

#include "cli/cli.h"

static __attribute__((unused)) int not_yet(const char *name)
{
	fprintf(stderr, "ownit: '%s' is not available yet\n", name);
	return 1;
}

#define PENDING(fn, name)                                                     \
	int fn(int argc, char **argv, struct cli_globals *g)                  \
	{                                                                     \
		(void)argc;                                                   \
		(void)argv;                                                   \
		(void)g;                                                      \
		return not_yet(name);                                         \
	}

