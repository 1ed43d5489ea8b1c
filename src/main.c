/* main.c - parse the global options and hand over to a command or the TUI. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ui/ui.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv, struct cli_globals *g);
};

static const struct command commands[] = {
	{"check", cmd_check},
	{"check-content", cmd_check_content},
	{"demo", cmd_demo},
	{"export", cmd_export},
	{"import", cmd_import},
	{"list", cmd_list},
	{"radar", cmd_radar},
	{"report", cmd_report},
	{"survey", cmd_survey},
	{"trend", cmd_trend},
};

static const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_GLOBAL_LONGOPTS,
		{"demo", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli_globals g = {0};
	int demo = 0;

	setlocale(LC_ALL, "");
	argv[0] = (char *)"ownit"; /* getopt's messages say "ownit: ..." */
	/* '+' stops at the first command name, so that a command's own
	 * options are left for it to parse. */
	int c;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		if (cli_global_option(c, optarg, &g))
			continue;
		switch (c) {
		case 'D':
			demo = 1;
			break;
		case 'h':
			cli_help(stdout);
			return cli_stdout_done("writing the help", 0);
		case 'V':
			cli_version(stdout);
			return cli_stdout_done("writing the version", 0);
		default:
			return cli_usage_hint();
		}
	}

	if (optind < argc) {
		const struct command *cmd = command_find(argv[optind]);
		if (!cmd)
			return cli_usage("unrecognized command '%s'",
					 argv[optind]);
		if (demo)
			return cli_usage("--demo starts the TUI and takes no "
					 "command (did you mean 'ownit demo "
					 "FILE'?)");
		int first = optind;
		optind = 0; /* glibc: 0 fully resets getopt for the command */
		/* getopt names argv[0] in its messages: "ownit export: ..." */
		static char name[64];
		snprintf(name, sizeof name, "ownit %s", cmd->name);
		argv[first] = name;
		return cmd->run(argc - first, argv + first, &g);
	}

	struct ui_options opts = {
		.db = g.db,
		.content = g.content,
		.ascii = g.ascii,
		.no_color = g.no_color,
		.demo = demo,
	};
	return ui_run(&opts);
}
