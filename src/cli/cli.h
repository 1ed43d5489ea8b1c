/* cli.h - the non-interactive commands and what they share.
 *
 * main.c parses the global options, then hands the rest of argv to one
 * cmd_* function (argv[0] is the command name, as getopt_long expects).
 * A command returns the process exit status: 0 ok, 1 runtime failure,
 * 2 usage or invalid input.  Global options may also follow the command
 * (`ownit export --db x.db`): every command's getopt table includes
 * CLI_GLOBAL_LONGOPTS and passes unknown codes to cli_global_option.
 */
#ifndef OWNIT_CLI_H
#define OWNIT_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "core/base/error.h"

struct cli_globals {
	const char *db;      /* --db FILE, or NULL for the default */
	const char *content; /* --content DIR, or NULL */
	int ascii;           /* --ascii: draw with ASCII only */
	int no_color;        /* --no-color (NO_COLOR is read where used) */
};

/* Option codes of the global options, above any character. */
enum {
	CLI_OPT_DB = 0x1000,
	CLI_OPT_CONTENT,
	CLI_OPT_ASCII,
	CLI_OPT_NO_COLOR,
};

#define CLI_GLOBAL_LONGOPTS                                                   \
	{"db", required_argument, NULL, CLI_OPT_DB},                          \
	{"content", required_argument, NULL, CLI_OPT_CONTENT},                \
	{"ascii", no_argument, NULL, CLI_OPT_ASCII},                          \
	{"no-color", no_argument, NULL, CLI_OPT_NO_COLOR}

/* Applies a global option; returns 1 if c was one, 0 otherwise. */
int cli_global_option(int c, const char *arg, struct cli_globals *g);

/* Prints "ownit: MESSAGE", sanitised as cli_say does, and the --help hint
 * to stderr; returns 2. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads the options of a command that has none of its own, leaving optind
 * at its first argument; returns 2 (getopt has said why) on any other
 * option, else 0. */
int cli_globals_only(int argc, char **argv, struct cli_globals *g);

/* Reads s, the value of option --opt, as a whole number from min to max
 * into *out; anything else is reported as cli_usage does (naming the
 * option and what was given) and gives 2. */
int cli_number(const char *opt, const char *s, int min, int max, int *out);

/* Reports a getopt_long failure (it has printed the reason); returns 2. */
int cli_usage_hint(void);

/* Prints "ownit: MESSAGE" for err to stderr; returns its exit status. */
int cli_fail(const struct error *err);

/* Ends what a command writes to standard output: flushes it and, when
 * a write to it failed (now, or before: errnum is that write's errno, 0
 * when not known), reports it as "ownit: standard output: ..." naming
 * what ("writing the list").  Every command that writes to standard
 * output reports a failed write through here, so they all word it the
 * same.  Returns 0, or the exit status 1. */
int cli_stdout_done(const char *what, int errnum);

/* Reports err as cli_fail does, unless standard output has failed: then
 * err is a writer stopped by it, and the failed write is reported as
 * cli_stdout_done does, with err's errno. */
int cli_fail_writing(const struct error *err, const char *what);

/* Prints prefix and line on one line of stderr, sanitised
 * (utext_sanitize_line): a message may quote a file's own bytes (an
 * imported value, a survey answer, a file name), and an escape sequence
 * or a line break in them must not reach the terminal as one. */
void cli_say(const char *prefix, const char *line);

/* The shared help and version texts. */
void cli_help(FILE *out);
void cli_version(FILE *out);

/* Commands. */
int cmd_check(int argc, char **argv, struct cli_globals *g);
int cmd_check_content(int argc, char **argv, struct cli_globals *g);
int cmd_demo(int argc, char **argv, struct cli_globals *g);
int cmd_export(int argc, char **argv, struct cli_globals *g);
int cmd_import(int argc, char **argv, struct cli_globals *g);
int cmd_list(int argc, char **argv, struct cli_globals *g);
int cmd_radar(int argc, char **argv, struct cli_globals *g);
int cmd_report(int argc, char **argv, struct cli_globals *g);
int cmd_survey(int argc, char **argv, struct cli_globals *g);
int cmd_trend(int argc, char **argv, struct cli_globals *g);

#endif
