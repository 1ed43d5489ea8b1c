/* demo.c - `ownit demo FILE`: write the sample history into a new file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include <stdlib.h>

#include "cli/cli.h"
#include "core/content/content.h"
#include "core/coaching/demo.h"
#include "core/store/store.h"
#include "core/store/workspace.h"

int cmd_demo(int argc, char **argv, struct cli_globals *g)
{
	if (cli_globals_only(argc, argv, g))
		return 2;
	if (optind != argc - 1)
		return cli_usage("demo needs exactly one FILE to create");
	const char *path = argv[optind];
	if (!path[0])
		return cli_usage("demo: FILE is empty: name the new database "
				 "file");

	struct error err = {0};
	/* The same content layers the TUI reads, so statement texts and ids
	 * match what the screens will show. */
	struct content *content = workspace_content_load(g->content, NULL,
							 &err);
	if (!content)
		return cli_fail(&err);
	struct store *s = workspace_store_open(
		path, STORE_CREATE | STORE_EXCLUSIVE, NULL, &err);
	if (!s) {
		content_free(content);
		return cli_fail(&err);
	}
	/* The file is ours (STORE_EXCLUSIVE made it): a failed seed leaves
	 * nothing half-written behind. */
	int r = demo_seed(s, content, &err);
	store_close(s);
	content_free(content);
	if (r) {
		demo_remove(NULL, path);
		return cli_fail(&err);
	}
	int n = printf("wrote sample coaching history for %d people to %s\n",
		       DEMO_PEOPLE, path);
	return cli_stdout_done("writing the summary (the database was written)",
			       n < 0 ? errno : 0);
}
