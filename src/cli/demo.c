/* demo.c - `ownit demo FILE`: write the sample history into a new file. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/demo.h"
#include "core/store.h"

int cmd_demo(int argc, char **argv, struct cli_globals *g)
{
	static const struct option longopts[] = {
		CLI_GLOBAL_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1)
		if (!cli_global_option(c, optarg, g))
			return cli_usage_hint();
	if (optind != argc - 1)
		return cli_usage("demo needs exactly one FILE to create");
	const char *path = argv[optind];

	struct error err = {0};
	struct store *s = store_open(path, STORE_CREATE | STORE_EXCLUSIVE, &err);
	if (!s)
		return cli_fail(&err);
	/* The file is ours (STORE_EXCLUSIVE made it): a failed seed leaves
	 * nothing half-written behind. */
	if (demo_seed(s, NULL, &err)) {
		store_close(s);
		demo_remove(NULL, path);
		return cli_fail(&err);
	}
	store_close(s);
	printf("wrote sample coaching history for %d people to %s\n",
	       DEMO_PEOPLE, path);
	return fflush(stdout) == 0 ? 0 : 1;
}
