/* export.c - `ownit export`: sessions as CSV, to a file or stdout, or as
 * a workbook. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/io/csvexport.h"
#include "core/base/dates.h"
#include "core/io/xlsxexport.h"

static void export_help(void)
{
	fputs("Usage: ownit export [OPTION]...\n"
	      "Write sessions as CSV: one row per session, or with --detail "
	      "every record,\nready for `ownit import` on another "
	      "machine.\n\n"
	      "  -o, --output FILE   write FILE (atomically) instead of "
	      "standard output\n"
	      "      --person NAME   only this person's sessions\n"
	      "      --since DATE    sessions started on or after DATE "
	      "(YYYY-MM-DD)\n"
	      "      --until DATE    sessions started on or before DATE\n"
	      "      --status S      open, complete or all (default all)\n"
	      "      --detail        one row per record, for import\n"
	      "      --xlsx FILE     write a spreadsheet workbook (.xlsx) "
	      "instead of CSV\n"
	      "      --raw           no ' before summary cells starting with "
	      "= + - @\n"
	      "      --bom           start with a UTF-8 byte order mark\n"
	      "  -h, --help          display this help and exit\n",
	      stdout);
}

enum {
	OPT_PERSON = 0x100,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_STATUS,
	OPT_DETAIL,
	OPT_RAW,
	OPT_BOM,
	OPT_XLSX,
};

static const struct option longopts[] = {
	{"output", required_argument, NULL, 'o'},
	{"person", required_argument, NULL, OPT_PERSON},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"status", required_argument, NULL, OPT_STATUS},
	{"detail", no_argument, NULL, OPT_DETAIL},
	{"raw", no_argument, NULL, OPT_RAW},
	{"bom", no_argument, NULL, OPT_BOM},
	{"xlsx", required_argument, NULL, OPT_XLSX},
	{"help", no_argument, NULL, 'h'},
	CLI_GLOBAL_LONGOPTS,
	{NULL, 0, NULL, 0},
};

struct export_args {
	struct csvexport_options o;
	const char *output;
	const char *xlsx;
	const char *person;
};

static int parse_args(int argc, char **argv, struct cli_globals *g,
		      struct export_args *a)
{
	int c;
	csvexport_options_init(&a->o);
	a->output = a->person = a->xlsx = NULL;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			a->output = optarg;
			break;
		case OPT_PERSON:
			a->person = optarg;
			break;
		case OPT_SINCE:
		case OPT_UNTIL:
			if (!dates_valid_day(optarg))
				return cli_usage("export: --%s wants a date "
						 "YYYY-MM-DD, not \"%s\"",
						 c == OPT_SINCE ? "since"
								: "until",
						 optarg);
			*(c == OPT_SINCE ? &a->o.since : &a->o.until) = optarg;
			break;
		case OPT_STATUS:
			if (strcmp(optarg, "all") == 0)
				a->o.status = -1;
			else if ((a->o.status = store_status_parse(optarg)) < 0)
				return cli_usage("export: --status is open, "
						 "complete or all, not \"%s\"",
						 optarg);
			break;
		case OPT_DETAIL:
			a->o.format = CSVEXPORT_DETAIL;
			break;
		case OPT_RAW:
			a->o.raw = 1;
			break;
		case OPT_BOM:
			a->o.bom = 1;
			break;
		case OPT_XLSX:
			a->xlsx = optarg;
			break;
		case 'h':
			export_help();
			return -1;
		default:
			if (!cli_global_option(c, optarg, g))
				return cli_usage_hint();
		}
	}
	if (optind < argc)
		return cli_usage("export: unexpected argument \"%s\"",
				 argv[optind]);
	if (csvexport_range_empty(&a->o))
		return cli_usage("export: --since %s is later than --until %s: "
				 "no day is in both",
				 a->o.since, a->o.until);
	if (a->output && !*a->output)
		return cli_usage("export: -o needs a file name");
	if (a->xlsx && !*a->xlsx)
		return cli_usage("export: --xlsx needs a file name");
	if (a->xlsx && (a->output || a->o.format == CSVEXPORT_DETAIL ||
			a->o.bom || a->o.raw))
		return cli_usage("export: --xlsx writes a workbook of its own; "
				 "it does not go with -o, --detail, --raw or "
				 "--bom");
	return 0;
}

int cmd_export(int argc, char **argv, struct cli_globals *g)
{
	struct export_args a;
	int rc = parse_args(argc, argv, g, &a);
	if (rc) /* -1: --help was printed */
		return rc < 0 ? cli_stdout_done("writing the help", 0) : rc;
	struct error err = {0};
	struct store *s = cli_store_open(g, 0, &err);
	if (!s)
		return cli_fail(&err);
	struct content *c = NULL;
	int status = 0;
	if (a.person) {
		int r = store_person_find(s, a.person, &a.o.person_id, &err);
		if (r == 0)
			error_set(&err, ERROR_INPUT,
				  "export: no person called \"%s\" (see "
				  "ownit list people)",
				  a.person);
		if (r <= 0)
			goto fail;
	}
	/* The detail format is the database itself and needs no content. */
	if ((a.xlsx || a.o.format == CSVEXPORT_SUMMARY) &&
	    !(c = cli_content_load(g, &err)))
		goto fail;
	size_t rows = 0;
	if (a.xlsx) {
		if (xlsxexport_write(s, c, &a.o, a.xlsx, &rows, &err))
			goto fail;
		fprintf(stderr, "ownit: wrote %zu %s to %s\n", rows,
			rows == 1 ? "session" : "sessions", a.xlsx);
		goto done;
	}
	if (csvexport_write(s, c, &a.o, a.output, a.output ? NULL : stdout,
			    &rows, &err))
		goto fail;
	if (a.output)
		fprintf(stderr, "ownit: wrote %zu %s to %s\n", rows,
			rows == 1 ? "row" : "rows", a.output);
	goto done;
fail:
	status = cli_fail(&err);
done:
	content_free(c);
	store_close(s);
	return status;
}
