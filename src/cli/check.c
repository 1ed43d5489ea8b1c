/* check.c - `ownit check`: is the database sound? */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/paths.h"
#include "core/store.h"

static int print_problem(const char *problem, void *ud)
{
	(void)ud;
	printf("%s\n", problem);
	return 0;
}

int cmd_check(int argc, char **argv, struct cli_globals *g)
{
	static const struct option longopts[] = {
		CLI_GLOBAL_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1)
		if (!cli_global_option(c, optarg, g))
			return cli_usage_hint();
	if (optind != argc)
		return cli_usage("check takes no arguments");

	struct error err = {0};
	char *path = paths_db(g->db, &err);
	if (!path)
		return cli_fail(&err);
	/* Never create: checking a file that is not there is an error. */
	struct store *s = store_open(path, 0, &err);
	if (!s) {
		free(path);
		cli_fail(&err);
		return 1; /* a database that cannot be opened is not ok */
	}
	if (store_warning(s))
		fprintf(stderr, "ownit: warning: %s\n", store_warning(s));
	int r = store_check(s, print_problem, NULL, &err);
	store_close(s);
	if (r < 0) {
		free(path);
		cli_fail(&err);
		return 1;
	}
	if (r == 0)
		printf("ok\n");
	else
		fprintf(stderr, "ownit: %s has problems (listed above): keep "
			"a copy of it and restore a backup\n", path);
	free(path);
	if (fflush(stdout) != 0)
		return 1;
	return r == 0 ? 0 : 1;
}
