/* import.c - `ownit import FILE`: merge a detail export into the db. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/io/csvfile.h"
#include "core/io/csvimport.h"

static const struct option longopts[] = {
	{"help", no_argument, NULL, 'h'},
	CLI_GLOBAL_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static void print_problem(const char *line, void *ud)
{
	(void)ud;
	cli_say("", line);
}

int cmd_import(int argc, char **argv, struct cli_globals *g)
{
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs("Usage: ownit import FILE\n"
			      "Merge a file written by `ownit export --detail` "
			      "into the database.\nPeople are matched by name; "
			      "sessions already present are skipped.\nThe file "
			      "is checked whole first: on any problem nothing "
			      "is imported.\nFILE - reads standard input.\n",
			      stdout);
			return cli_stdout_done("writing the help", 0);
		}
		if (!cli_global_option(c, optarg, g))
			return cli_usage_hint();
	}
	if (argc - optind != 1)
		return cli_usage("import needs one file: ownit import FILE");
	const char *path = argv[optind];
	int from_stdin = strcmp(path, "-") == 0;
	struct error err = {0};
	FILE *fp = from_stdin ? stdin : csvfile_open(path, &err);
	if (!fp) {
		struct error open_err = err;
		error_set(&err, open_err.kind, "import: %s", open_err.msg);
		return cli_fail(&err);
	}
	int status = 0;
	struct store *s = cli_store_open(g, STORE_CREATE, &err);
	struct csvimport_counts n;
	if (!s || csvimport_stream(s, from_stdin ? "stdin" : path, fp,
				   print_problem, NULL, &n, &err)) {
		status = cli_fail(&err);
	} else {
		int w =
		    printf("imported %zu rows: people %zu added, %zu skipped; "
			   "sessions %zu added, %zu skipped; commitments %zu "
			   "added, %zu skipped\n",
			   n.rows, n.people_added, n.people_skipped,
			   n.sessions_added, n.sessions_skipped,
			   n.commitments_added, n.commitments_skipped);
		if (w >= 0 && (n.rounds_added || n.rounds_skipped))
			w = printf("team rounds %zu added, %zu skipped\n",
				   n.rounds_added, n.rounds_skipped);
		status = cli_stdout_done(
		    "writing the summary (the rows were imported)",
		    w < 0 ? errno : 0);
	}
	store_close(s);
	if (!from_stdin)
		fclose(fp);
	return status;
}
