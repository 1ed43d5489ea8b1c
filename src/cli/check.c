/* check.c - `ownit check`: is the database sound? */
#include "config.h"

#include <stdio.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/store/store.h"

static int print_problem(const char *problem, void *ud)
{
	(void)ud;
	printf("%s\n", problem);
	return 0;
}

int cmd_check(int argc, char **argv, struct cli_globals *g)
{
	if (cli_globals_only(argc, argv, g))
		return 2;
	if (optind != argc)
		return cli_usage("check takes no arguments");

	struct error err = {0};
	/* Never create: checking a file that is not there is an error. */
	struct store *s = cli_store_open(g, 0, &err);
	if (!s) {
		cli_fail(&err);
		return 1; /* a database that cannot be opened is not ok */
	}
	int r = store_check(s, print_problem, NULL, &err);
	if (r < 0)
		cli_fail(&err);
	else if (r == 0)
		printf("ok\n");
	else
		fprintf(stderr, "ownit: %s has problems (listed above): keep "
			"a copy of it and restore a backup\n", store_path(s));
	store_close(s);
	if (r < 0 || fflush(stdout) != 0)
		return 1;
	return r == 0 ? 0 : 1;
}
