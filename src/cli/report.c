/* report.c - `ownit report SESSION`: a session's summary as text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/report/report.h"

static const struct option longopts[] = {
	{"width", required_argument, NULL, 'w'},
	{"help", no_argument, NULL, 'h'},
	CLI_GLOBAL_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static void report_help(void)
{
	fputs("Usage: ownit report [--width W] [--ascii] [--no-color] "
	      "SESSION\n"
	      "Print the summary of a session: red flags, the pillar radar, "
	      "strongest\nsignals with practices and self-checks, rating vs "
	      "reported behaviour,\nladder, commitments and notes.\nSESSION is the number or the id (or the start of the "
	      "id) that\n`ownit list sessions` shows.\n\n"
	      "  -w, --width W   lines of at most W columns (40..400, default "
	      "80)\n"
	      "  -h, --help      display this help and exit\n",
	      stdout);
}

int cmd_report(int argc, char **argv, struct cli_globals *g)
{
	int c, width = REPORT_WIDTH_DEFAULT;
	while ((c = getopt_long(argc, argv, "w:h", longopts, NULL)) != -1) {
		if (c == 'h') {
			report_help();
			return cli_stdout_done("writing the help", 0);
		}
		if (c == 'w') {
			if (cli_number("width", optarg, REPORT_WIDTH_MIN,
				       REPORT_WIDTH_MAX, &width))
				return 2;
		} else if (!cli_global_option(c, optarg, g)) {
			return cli_usage_hint();
		}
	}
	if (argc - optind != 1)
		return cli_usage("report needs one session: ownit report "
				 "SESSION (see ownit list sessions)");
	const char *what = argv[optind];
	struct error err = {0};
	struct content *ct = NULL;
	struct report *r = NULL;
	int64_t id = 0, status = 0;
	struct store *s = cli_store_open(g, 0, &err);
	if (!s)
		return cli_fail(&err);
	int found = report_find_session(s, what, &id, &err);
	if (found == 0)
		error_set(&err, ERROR_INPUT, "report: no session \"%s\" (see "
			  "ownit list sessions)", what);
	if (found <= 0)
		goto fail;
	if (!(ct = cli_content_load(g, &err)))
		goto fail;
	struct report_options o = {
	    .width = width,
	    .mode = cli_canvas_mode(g),
	};
	if (!(r = report_build(s, ct, id, &o, &err)))
		goto fail;
	if (report_write(r, stdout,
			 cli_use_color(g, stdout) ? CANVAS_RENDER_COLOR : 0,
			 &err))
		status = cli_fail_writing(&err, "writing the report");
	else
		status = cli_stdout_done("writing the report", 0);
	goto done;
fail:
	status = cli_fail(&err);
done:
	report_free(r);
	content_free(ct);
	store_close(s);
	return (int)status;
}
