/* list.c - `ownit list people|sessions|commitments [--tsv]`.
 *
 * Aligned columns need every width before the first line is printed, so
 * the store is walked twice (measure, then print) rather than holding the
 * rows: memory stays flat however long the history.
 *
 * Text typed by users goes through safe_text: control characters are
 * shown as ^X (tab ^I, newline ^J), C1 controls as <U+0085> and invalid
 * UTF-8 as \xHH, so nothing from the database reaches the terminal raw
 * and every record stays on one line (also in --tsv output).
 *
 * Aligned output pads every cell to its column's widest, so one very
 * long cell would widen every line: cells are cut (by display width, with
 * an ellipsis) at CELL_MAX columns, the last column, which is not
 * padded, at LAST_MAX.  --tsv is for scripts and keeps every cell whole.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/base/dates.h"
#include "core/base/glyph.h"
#include "core/store/store.h"
#include "core/base/paths.h"
#include "core/base/utext.h"

#define MAX_COLS 8
#define CELL_MAX 32
#define LAST_MAX 80

struct table {
	int tsv;
	const char *ellipsis; /* marks a cut cell */
	size_t ellipsis_width;
	int printing; /* 0 measuring, 1 printing */
	size_t ncols;
	size_t width[MAX_COLS];
	int right[MAX_COLS]; /* numbers are right-aligned */
	int write_failed;    /* a line could not be written: stop there */
	int werr;	     /* its errno */
};

/* Length of the UTF-8 sequence at s (1..4), or 0 when it is invalid
 * (decoded by core/utext; a U+FFFD it gives back for bad bytes is told
 * from a real one by its bytes). */
static size_t utf8_seq(const unsigned char *s, uint32_t *cp)
{
	const char *c = (const char *)s;
	size_t n = utext_decode(c, strnlen(c, 4), cp);
	if (*cp == UTEXT_REPLACEMENT && memcmp(c, "\xef\xbf\xbd", 3) != 0)
		return 0;
	return n;
}

/* Writes the safe form of in to out (sized by safe_size) and returns
 * its display width.  Stops before the first character (or escape, kept
 * whole) that would take the width past limit. */
static size_t safe_text(const char *in, char *out, size_t limit)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t w = 0;
	char *o = out;
	while (*s) {
		char unit[16];
		size_t uw, used;
		uint32_t cp;
		size_t n = utf8_seq(s, &cp);
		if (n == 0) {
			snprintf(unit, sizeof unit, "\\x%02X", *s);
			uw = 4, used = 1;
		} else if (cp < 0x20 || cp == 0x7f) {
			unit[0] = '^';
			unit[1] = (char)(cp == 0x7f ? '?' : cp + '@');
			unit[2] = '\0';
			uw = 2, used = 1;
		} else if ((cp >= 0x80 && cp < 0xa0) ||
			   utext_is_bidi_control(cp)) {
			snprintf(unit, sizeof unit, "<U+%04X>", (unsigned)cp);
			uw = 8, used = n;
		} else {
			memcpy(unit, s, n);
			unit[n] = '\0';
			uw = (size_t)utext_cells(cp), used = n;
		}
		if (w + uw > limit)
			break;
		o = stpcpy(o, unit);
		w += uw;
		s += used;
	}
	*o = '\0';
	return w;
}

/* Room for the safe form of s: at worst an input byte becomes four
 * (\xHH; a two-byte C1 control becomes eight). */
static size_t safe_size(const char *s)
{
	return strlen(s) * 4 + 1;
}

/* Notes a failed write to standard output, with its errno. */
static void write_failed(struct table *t)
{
	t->werr = errno;
	t->write_failed = 1;
}

/* Measures or prints one row of cells (NULL cells print as "-"). */
static int table_row(struct table *t, const char *const *cells)
{
	for (size_t i = 0; i < t->ncols; i++) {
		const char *c = cells[i] ? cells[i] : (t->tsv ? "" : "-");
		int last = i + 1 == t->ncols;
		char *safe = malloc(safe_size(c) + strlen(t->ellipsis));
		if (!safe) {
			perror("ownit");
			return -1;
		}
		size_t max = last ? LAST_MAX : CELL_MAX;
		size_t w = safe_text(c, safe, SIZE_MAX);
		if (!t->tsv && w > max) {
			w = safe_text(c, safe, max - t->ellipsis_width);
			strcat(safe, t->ellipsis);
			w += t->ellipsis_width;
		}
		if (!t->printing) {
			if (w > t->width[i])
				t->width[i] = w;
		} else if (t->tsv) {
			if (printf("%s%s", safe,
				   i + 1 < t->ncols ? "\t" : "\n") < 0)
				write_failed(t);
		} else {
			size_t pad = t->width[i] - w;
			if ((t->right[i]
				 ? printf("%*s%s", (int)pad, "", safe)
				 : printf("%s%*s", safe, last ? 0 : (int)pad,
					  "")) < 0 ||
			    fputs(last ? "\n" : "  ", stdout) == EOF)
				write_failed(t);
		}
		free(safe);
		if (t->write_failed)
			return -1;
	}
	return 0;
}

struct lister {
	struct table t;
	int64_t person;
	int all;
};

static int people_row(const struct store_person_row *r, void *ud)
{
	struct lister *l = ud;
	char day[DATES_DAY_SIZE], open[24], overdue[24];
	const char *last = NULL;
	if (r->last_session && dates_local_day(r->last_session, day, NULL) == 0)
		last = day;
	snprintf(open, sizeof open, "%d", r->open);
	snprintf(overdue, sizeof overdue, "%d", r->overdue);
	const char *cells[] = {r->person.name, r->person.role, r->person.team,
			       last, open, overdue,
			       r->person.regulated ? "yes" : "no"};
	return table_row(&l->t, cells);
}

static int session_row(const struct store_session *ses, void *ud)
{
	struct lister *l = ud;
	char id[24], when[DATES_LOCAL_SIZE];
	const char *started = ses->started;
	if (started && dates_local_display(started, when, NULL) == 0)
		started = when;
	snprintf(id, sizeof id, "%lld", (long long)ses->id);
	const char *cells[] = {id,
			       started,
			       ses->person_name,
			       store_kind_name(ses->kind),
			       store_status_name(ses->status),
			       ses->coach};
	return table_row(&l->t, cells);
}

static int commitment_row(const struct store_commitment *c, void *ud)
{
	struct lister *l = ud;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	const char *cells[] = {id,
			       c->due,
			       c->overdue ? "overdue"
					  : store_cstatus_name(c->status),
			       c->person_name,
			       c->owner,
			       c->what};
	return table_row(&l->t, cells);
}

static int walk(struct store *s, const char *what, struct lister *l,
		struct error *err)
{
	if (strcmp(what, "people") == 0)
		return store_people_each(s, l->all, people_row, l, err);
	if (strcmp(what, "sessions") == 0)
		return store_sessions_each(s, l->person, 0, 0, session_row, l,
					   err);
	struct store_commitment_filter f = {.person_id = l->person,
					    .open_only = !l->all};
	return store_commitments_each(s, &f, commitment_row, l, err);
}

static int setup(const char *what, struct lister *l)
{
	static const char *const people[] = {"NAME", "ROLE", "TEAM",
					     "LAST SESSION", "OPEN",
					     "OVERDUE", "REGULATED"};
	static const char *const sessions[] = {"ID",     "STARTED", "PERSON",
					       "KIND",   "STATUS",  "COACH"};
	static const char *const commits[] = {"ID",     "DUE",   "STATUS",
					      "PERSON", "OWNER", "WHAT"};
	const char *const *head;
	if (strcmp(what, "people") == 0) {
		head = people;
		l->t.right[4] = l->t.right[5] = 1;
	} else if (strcmp(what, "sessions") == 0) {
		head = sessions;
		l->t.right[0] = 1;
	} else if (strcmp(what, "commitments") == 0) {
		head = commits;
		l->t.right[0] = 1;
	} else {
		return -1;
	}
	/* People also say whether they work in a regulated setting. */
	l->t.ncols = head == people ? 7 : 6;
	return table_row(&l->t, head) ? -2 : 0;
}

static void usage_text(void)
{
	fputs("Usage: ownit list people|sessions|commitments [--tsv] "
	      "[--person NAME] [--all]\n",
	      stdout);
}

int cmd_list(int argc, char **argv, struct cli_globals *g)
{
	static const struct option longopts[] = {
		CLI_GLOBAL_LONGOPTS,
		{"tsv", no_argument, NULL, 't'},
		{"person", required_argument, NULL, 'p'},
		{"all", no_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct lister l = {0};
	const char *person = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (cli_global_option(c, optarg, g))
			continue;
		switch (c) {
		case 't':
			l.t.tsv = 1;
			break;
		case 'p':
			person = optarg;
			break;
		case 'a':
			l.all = 1;
			break;
		case 'h':
			usage_text();
			return cli_stdout_done("writing the help", 0);
		default:
			return cli_usage_hint();
		}
	}
	l.t.ellipsis = glyph_str(GLYPH_RUNS_ON, cli_canvas_mode(g));
	l.t.ellipsis_width = (size_t)utext_width(l.t.ellipsis);
	if (optind != argc - 1)
		return cli_usage("list needs one of: people, sessions, "
				 "commitments");
	const char *what = argv[optind];
	if (strcmp(what, "people") && strcmp(what, "sessions") &&
	    strcmp(what, "commitments"))
		return cli_usage("list: unknown kind '%s' (people, sessions "
				 "or commitments)",
				 what);
	if (person && strcmp(what, "people") == 0)
		return cli_usage("list people: --person does not apply");

	struct error err = {0};
	struct store *s = cli_store_open(g, 0, &err);
	if (!s)
		return cli_fail(&err);
	int status = 0;
	if (person) {
		int r = store_person_find(s, person, &l.person, &err);
		if (r <= 0) {
			if (r == 0)
				error_set(&err, ERROR_INPUT,
					  "no person called \"%s\" (see "
					  "`ownit list people`)",
					  person);
			store_close(s);
			return cli_fail(&err);
		}
	}
	for (l.t.printing = 0; l.t.printing <= 1; l.t.printing++) {
		if (setup(what, &l) || walk(s, what, &l, &err)) {
			if (l.t.write_failed)
				status = cli_stdout_done("writing the list",
							 l.t.werr);
			else
				status = err.msg[0] ? cli_fail(&err) : 1;
			break;
		}
	}
	store_close(s);
	if (status == 0)
		status = cli_stdout_done("writing the list", 0);
	return status;
}
