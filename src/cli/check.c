/* check.c - `ownit check`: is the database sound? */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/store/store.h"

static int print_problem(const char *problem, void *ud)
{
	int *werr = ud;
	if (printf("%s\n", problem) >= 0)
		return 0;
	*werr = errno;
	return 1; /* stop: nobody will read the rest */
}

int cmd_check(int argc, char **argv, struct cli_globals *g)
{
	if (cli_globals_only(argc, argv, g))
		return 2;
	if (optind != argc)
		return cli_usage("check takes no arguments");

	struct error err = {0};
	/* Never create: checking a file that is not there is an error.
	 * STORE_CHECKING opens a damaged file too, to list its damage. */
	struct store *s = cli_store_open(g, STORE_CHECKING, &err);
	if (!s) /* exits as every command does on the same file */
		return cli_fail(&err);
	int werr = 0;
	int r = store_check(s, print_problem, &werr, &err);
	if (r == 0 && printf("ok\n") < 0)
		werr = errno;
	int status = 0;
	if (cli_stdout_done("writing the check's result", werr)) {
		status = 1; /* it said why; the findings did not get out */
	} else if (r < 0) {
		status = cli_fail(&err);
	} else if (r > 0) {
		fprintf(stderr, "ownit: %s has problems (listed above): keep "
			"a copy of it and restore a backup\n", store_path(s));
		status = 1;
	}
	store_close(s);
	return status;
}
