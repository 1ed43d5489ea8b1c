/* common.c - what every command shares: global options, errors, help. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/base/utext.h"

int cli_global_option(int c, const char *arg, struct cli_globals *g)
{
	switch (c) {
	case CLI_OPT_DB:
		g->db = arg;
		return 1;
	case CLI_OPT_CONTENT:
		g->content = arg;
		return 1;
	case CLI_OPT_ASCII:
		g->ascii = 1;
		return 1;
	case CLI_OPT_NO_COLOR:
		g->no_color = 1;
		return 1;
	default:
		return 0;
	}
}

int cli_usage_hint(void)
{
	fputs("Try 'ownit --help' for more information.\n", stderr);
	return 2;
}

int cli_globals_only(int argc, char **argv, struct cli_globals *g)
{
	static const struct option longopts[] = {
		CLI_GLOBAL_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1)
		if (!cli_global_option(c, optarg, g))
			return cli_usage_hint();
	return 0;
}

int cli_number(const char *opt, const char *s, int min, int max, int *out)
{
	/* strtol alone would take " 7", "+7" and "-0" as numbers. */
	char *end = NULL;
	long n = 0;
	errno = 0;
	if (*s >= '0' && *s <= '9')
		n = strtol(s, &end, 10);
	if (!end || *end)
		return cli_usage("--%s: '%s' is not a whole number", opt, s);
	if (errno == ERANGE || n < min || n > max)
		return cli_usage("--%s: %s is outside %d..%d", opt, s, min,
				 max);
	*out = (int)n;
	return 0;
}

int cli_usage(const char *fmt, ...)
{
	/* A usage message quotes what was typed, which may hold an escape
	 * sequence: it goes out sanitised like every other message. */
	char msg[ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_say("ownit: ", msg);
	return cli_usage_hint();
}

void cli_say(const char *prefix, const char *line)
{
	char *safe = utext_sanitize_line(line);
	fprintf(stderr, "%s%s\n", prefix, safe ? safe : line);
	free(safe);
}

int cli_fail(const struct error *err)
{
	cli_say("ownit: ", err->msg[0] ? err->msg : "unknown error");
	return err->kind == ERROR_INPUT ? 2 : 1;
}

int cli_stdout_done(const char *what, int errnum)
{
	/* glibc drops what it could not write and clears nothing: the
	 * error flag stays, and a later fflush succeeds on an empty
	 * buffer, so the errno of a failed printf is only known to its
	 * caller. */
	int failed = errnum != 0 || ferror(stdout);
	errno = 0;
	if (fflush(stdout) != 0) {
		if (!errnum)
			errnum = errno;
		failed = 1;
	}
	if (!failed)
		return 0;
	struct error err = {0};
	error_write(&err, "standard output", errnum, what);
	return cli_fail(&err);
}

int cli_fail_writing(const struct error *err, const char *what)
{
	if (!ferror(stdout))
		return cli_fail(err);
	return cli_stdout_done(what, err->errnum);
}

void cli_version(FILE *out)
{
	fputs(PACKAGE_NAME " " PACKAGE_VERSION "\n"
	      "Copyright (c) 2026 the ownit authors.\n"
	      "License ISC: <https://opensource.org/license/isc-license-txt>.\n"
	      "This is free software: you are free to change and "
	      "redistribute it.\n"
	      "There is NO WARRANTY, to the extent permitted by law.\n",
	      out);
}

void cli_help(FILE *out)
{
	fputs(
"Usage: ownit [OPTION]...\n"
"  or:  ownit [OPTION]... COMMAND [ARG]...\n"
"Coach a team lead through the red flags of low ownership, the ownership\n"
"pillars and the accountability ladder; keep commitments and notes.\n"
"Without a command, ownit opens the coaching screens.\n"
"\n"
"Commands:\n"
"  check                   check the database's integrity\n"
"  check-content DIR       validate a content folder\n"
"  demo FILE               write sample coaching history into a new FILE\n"
"  export [-o FILE] ...    write session summaries (or --detail) as CSV\n"
"  import FILE             merge a --detail export into the database\n"
"  list people|sessions|commitments\n"
"                          print records as aligned text (--tsv for tabs)\n"
"  radar --scores LIST     draw a pillar radar chart to standard output\n"
"  report SESSION          print a session's summary, radar included\n"
"  survey print|import     a team round through a forms tool\n"
"  trend NAME              chart a person's pillar ratings over sessions\n"
"\n"
"Options:\n"
"      --db FILE           use database FILE\n"
"      --content DIR       read coaching content from DIR first\n"
"      --ascii             draw with ASCII characters only\n"
"      --no-color          do not use colours\n"
"      --demo              open the TUI on a throwaway sample database\n"
"  -h, --help              display this help and exit\n"
"  -V, --version           output version information and exit\n"
"\n"
"Environment:\n"
"  OWNIT_DB          database file (default $XDG_DATA_HOME/ownit/ownit.db,\n"
"                    that is ~/.local/share/ownit/ownit.db)\n"
"  OWNIT_CONTENT     content folder whose files replace the installed ones\n"
"  XDG_DATA_HOME     where the database lives by default\n"
"  XDG_CONFIG_HOME   ~/.config/ownit/content overrides installed content\n"
"  NO_COLOR          when set and not empty, no colours\n"
"  OWNIT_TEAM_MIN    responses a team round needs before any figure is\n"
"                    shown (3 and up; default 3)\n"
"\n"
"Exit status: 0 if OK, 1 on a runtime failure, 2 on bad usage or input.\n"
"\n"
"Report bugs to: " PACKAGE_BUGREPORT "\n"
"ownit home page: <https://github.com/ownit-coaching/ownit>\n",
	      out);
}
