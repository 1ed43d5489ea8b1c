/* survey.c - `ownit survey print|import`: a team round through a forms
 * tool (Microsoft Forms, Google Forms, LimeSurvey). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/io/csvfile.h"
#include "core/base/dates.h"
#include "core/coaching/team.h"
#include "core/io/team_survey.h"

enum { OPT_FORMAT = 0x2000, OPT_PERSON, OPT_ROUND, OPT_DATE };

static const struct option longopts[] = {
	{"format", required_argument, NULL, OPT_FORMAT},
	{"person", required_argument, NULL, OPT_PERSON},
	{"round", required_argument, NULL, OPT_ROUND},
	{"date", required_argument, NULL, OPT_DATE},
	{"help", no_argument, NULL, 'h'},
	CLI_GLOBAL_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static void survey_help(void)
{
	fputs("Usage: ownit survey print [--format text|csv]\n"
	      "       ownit survey import FILE --person NAME [--round LABEL] "
	      "[--date DAY]\n"
	      "Ask a leader's team through a forms tool, anonymously.\n\n"
	      "print writes the team statements with their ids, to build "
	      "the form from.\nimport reads the responses CSV the tool "
	      "exports (one row per respondent;\ncolumns headed by a "
	      "statement's id or wording; other columns such as\nTimestamp "
	      "or e-mail are ignored and never stored) into a new team "
	      "round\nfor the leader NAME.  The whole file is checked first: "
	      "on any problem,\nor with fewer responses than the threshold "
	      "(3, or OWNIT_TEAM_MIN),\nnothing is imported.  FILE - reads "
	      "standard input.\n\n"
	      "      --format F    print as text (default) or csv (id, code, "
	      "statement)\n"
	      "      --person NAME the leader the team answered about\n"
	      "      --round LABEL a label for the round (\"Q1 offsite\"), "
	      "up to 60\n                    characters\n"
	      "      --date DAY    the round's day, YYYY-MM-DD (default "
	      "today)\n"
	      "  -h, --help        display this help and exit\n",
	      stdout);
}

struct survey_args {
	const char *format, *person, *round, *date;
};

static int survey_print(struct survey_args *a, struct cli_globals *g)
{
	enum team_survey_format fmt = TEAM_SURVEY_TEXT;
	if (a->format && strcmp(a->format, "csv") == 0)
		fmt = TEAM_SURVEY_CSV;
	else if (a->format && strcmp(a->format, "text") != 0)
		return cli_usage("survey print: --format is text or csv, not "
				 "\"%s\"",
				 a->format);
	struct error err = {0};
	struct content *c = cli_content_load(g, &err);
	int status = 0;
	if (!c)
		status = cli_fail(&err);
	else if (team_survey_print(c, fmt, stdout, &err))
		status = cli_fail_writing(&err, "writing the team statements");
	else
		status = cli_stdout_done("writing the team statements", 0);
	content_free(c);
	return status;
}

static void print_problem(const char *line, void *ud)
{
	(void)ud;
	cli_say("", line);
}

/* Reads the file and, when it is whole and large enough, stores it. */
static int survey_store(struct store *s, const struct content *c,
			const char *name, FILE *fp, struct survey_args *a,
			struct error *err)
{
	unsigned min;
	int64_t person;
	if (team_min_from_env(&min, err))
		return -1;
	int found = store_person_find(s, a->person, &person, err);
	if (found < 0)
		return -1;
	if (!found)
		return error_set(err, ERROR_INPUT,
				 "survey import: no person called \"%s\" (`ownit "
				 "list people`)",
				 a->person);
	struct team_survey sv;
	int rc = team_survey_read(c, name, fp, min, print_problem, NULL, &sv,
				  err);
	if (rc == 0) {
		struct store_team_round r = {.person_id = person,
					     .day = a->date,
					     .label = a->round,
					     .responses = sv.responses,
					     .content_version = c->version};
		rc = store_team_round_put(s, &r, sv.tallies, sv.ntallies, err);
	}
	if (rc == 0)
		printf("team round for %s%s%s: %u responses to %zu "
		       "statements imported; %zu other columns ignored%s\n",
		       a->person, a->round ? ", " : "",
		       a->round ? a->round : "", sv.responses, sv.statements,
		       sv.ignored,
		       sv.blank_rows ? "; rows with no answer skipped" : "");
	team_survey_free(&sv);
	return rc;
}

static int survey_import(int argc, char **argv, struct survey_args *a,
			 struct cli_globals *g)
{
	if (argc != 1)
		return cli_usage("survey import needs one file: ownit survey "
				 "import FILE --person NAME");
	if (!a->person || !a->person[0])
		return cli_usage("survey import: --person NAME says whose team "
				 "answered");
	if (a->date && !dates_valid_day(a->date))
		return cli_usage("survey import: --date is a day like "
				 "2026-12-01, not \"%s\"",
				 a->date);
	struct error err = {0};
	if (a->round &&
	    team_label_check(a->round, "survey import: --round", &err))
		return cli_usage("%s", err.msg);
	const char *path = argv[0];
	int from_stdin = strcmp(path, "-") == 0;
	FILE *fp = from_stdin ? stdin : csvfile_open(path, &err);
	if (!fp) {
		struct error open_err = err;
		error_set(&err, open_err.kind, "survey import: %s",
			  open_err.msg);
		return cli_fail(&err);
	}
	int status = 0;
	struct content *c = cli_content_load(g, &err);
	struct store *s = c ? cli_store_open(g, 0, &err) : NULL;
	if (!s || survey_store(s, c, from_stdin ? "stdin" : path, fp, a,
			       &err))
		status = cli_fail(&err);
	store_close(s);
	content_free(c);
	if (!from_stdin)
		fclose(fp);
	return status;
}

int cmd_survey(int argc, char **argv, struct cli_globals *g)
{
	struct survey_args a = {0};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			survey_help();
			return cli_stdout_done("writing the help", 0);
		case OPT_FORMAT:
			a.format = optarg;
			break;
		case OPT_PERSON:
			a.person = optarg;
			break;
		case OPT_ROUND:
			a.round = optarg;
			break;
		case OPT_DATE:
			a.date = optarg;
			break;
		default:
			if (!cli_global_option(c, optarg, g))
				return cli_usage_hint();
		}
	}
	if (optind >= argc)
		return cli_usage("survey needs print or import: ownit survey "
				 "print | ownit survey import FILE --person "
				 "NAME");
	const char *what = argv[optind];
	if (strcmp(what, "print") == 0) {
		if (argc - optind != 1 || a.person || a.round || a.date)
			return cli_usage("survey print takes only --format");
		return survey_print(&a, g);
	}
	if (strcmp(what, "import") == 0) {
		if (a.format)
			return cli_usage("survey import takes no --format");
		return survey_import(argc - optind - 1, argv + optind + 1, &a,
				     g);
	}
	return cli_usage("survey: unknown action \"%s\" (print or import)",
			 what);
}
