/* check_content.c - `ownit check-content DIR`: validate a content folder.
 *
 * DIR is checked the way ownit would use it with --content DIR: laid over
 * the installed content file by file, so a folder holding only items.csv
 * is checked together with the installed red flags it refers to.  Every
 * problem goes to stderr as one FILE:LINE:COLUMN line; warnings do not
 * change the exit status.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/content/content.h"
#include "core/base/paths.h"

static void print_lines(char *const *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cli_say("", lines[i]);
}

static int check_dir(const char *dir)
{
	struct error err = {0};
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_usage("check-content: %s: not a directory", dir);
	/* Without an installed base the folder is checked on its own. */
	char *base = paths_content_base(&err);
	struct content_diags d;
	struct content *c = content_load(base, dir, &d, &err);
	free(base);
	print_lines(d.warnings, d.nwarnings);
	int rc = 0;
	if (!c && d.nerrors) {
		print_lines(d.errors, d.nerrors);
		rc = 2;
	} else if (!c) {
		rc = cli_fail(&err);
	} else {
		size_t team = 0;
		for (size_t k = 0; k < c->nteam; k++)
			team += !c->team[k].retired;
		int n = printf("content OK: %zu red flags, %zu statements, "
			       "%zu team statements, %zu pillars, %zu rungs, "
			       "%zu practices, %zu checks\n",
			       c->nflags, c->nasked, team, c->npillars,
			       c->nrungs, c->npractices, c->nchecks);
		rc = cli_stdout_done("writing the result", n < 0 ? errno : 0);
	}
	content_free(c);
	content_diags_free(&d);
	return rc;
}

int cmd_check_content(int argc, char **argv, struct cli_globals *g)
{
	static const struct option longopts[] = {
		CLI_GLOBAL_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (cli_global_option(c, optarg, g))
			continue;
		if (c == 'h') {
			puts("Usage: ownit check-content DIR\n"
			     "Check a content folder, laid over the installed "
			     "content, and print each\nproblem as "
			     "FILE:LINE:COLUMN: message.");
			return cli_stdout_done("writing the help", 0);
		}
		return cli_usage_hint();
	}
	if (argc - optind != 1)
		return cli_usage("check-content needs one folder: ownit "
				 "check-content DIR");
	return check_dir(argv[optind]);
}
