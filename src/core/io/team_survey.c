/* team_survey.c - the statements for a forms tool, and its responses read
 * back (see team_survey.h). */
#include "config.h"

#include "core/io/team_survey.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/io/csvfile.h"
#include "core/coaching/team.h"

/* Problems past this are counted, not listed: a file with a shifted
 * column would otherwise print one line per cell. */
#define SURVEY_PROBLEMS_MAX 100

#define SCALE_VALUES (CONTENT_SCALE_MAX + 1)

void team_survey_code(const char *id, char *buf, size_t size)
{
	size_t n = 0;
	for (; *id && n + 1 < size; id++)
		if (*id != '-')
			buf[n++] = *id;
	if (size)
		buf[n] = '\0';
}

/* ------------------------------------------------------------- print */

static int print_text(const struct content *c, FILE *fp)
{
	fprintf(fp, "Team statements (content %s)\n", c->version);
	fputs("Each member answers alone, for the team as a whole, on this "
	      "scale:\n ",
	      fp);
	for (int v = CONTENT_SCALE_MIN; v <= CONTENT_SCALE_MAX; v++)
		fprintf(fp, " %d %s", v, content_scale_label(c, v));
	fputs("\nName each question by its id (or the id without '-') or "
	      "its full wording.\n\n",
	      fp);
	unsigned n = 0;
	for (size_t k = 0; k < c->nteam; k++) {
		if (c->team[k].retired)
			continue;
		fprintf(fp, "%2u. %s\n    %s\n", ++n, c->team[k].id,
			c->team[k].statement);
	}
	return 0;
}

static int print_csv(const struct content *c, FILE *fp, struct error *err)
{
	struct csvfile_writer w;
	csvfile_writer_init(&w, fp);
	const char *head[] = {"id", "code", "statement"};
	if (csvfile_write_row(&w, head, 3, err))
		return -1;
	for (size_t k = 0; k < c->nteam; k++) {
		char code[80];
		if (c->team[k].retired)
			continue;
		team_survey_code(c->team[k].id, code, sizeof code);
		const char *row[] = {c->team[k].id, code,
				     c->team[k].statement};
		if (csvfile_write_row(&w, row, 3, err))
			return -1;
	}
	return csvfile_writer_flush(&w, err);
}

int team_survey_print(const struct content *c, enum team_survey_format fmt,
		      FILE *fp, struct error *err)
{
	size_t asked = 0;
	for (size_t k = 0; k < c->nteam; k++)
		asked += !c->team[k].retired;
	if (!asked)
		return error_set(err, ERROR_INPUT,
				 "content %s has no team statements (items.csv "
				 "needs its team column)",
				 c->version);
	int rc = fmt == TEAM_SURVEY_CSV ? print_csv(c, fp, err)
					: print_text(c, fp);
	if (rc == 0 && (ferror(fp) || fflush(fp) != 0))
		return error_errno(err, ERROR_RUNTIME, errno,
				   "writing the team statements");
	return rc;
}

/* -------------------------------------------------------------- read */

struct reading {
	const struct content *c;
	const char *name;
	unsigned long header_line;
	int have_header;
	size_t ncols;
	long *col_item; /* per column: team statement index, -1 ignored */
	unsigned (*count)[SCALE_VALUES];
	struct team_survey *out;
	size_t problems;
	void (*problem)(const char *line, void *ud);
	void *ud;
	struct error *err;
	int runtime;
};

static void problem(struct reading *rd, unsigned long line, size_t col,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(struct reading *rd, unsigned long line, size_t col,
		    const char *fmt, ...)
{
	if (++rd->problems > SURVEY_PROBLEMS_MAX || !rd->problem)
		return;
	char msg[ERROR_MSG_MAX], *s = NULL;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (asprintf(&s, "%s:%lu:%zu: %s", rd->name, line, col, msg) < 0) {
		rd->runtime = 1;
		error_errno(rd->err, ERROR_RUNTIME, ENOMEM, "%s", rd->name);
		return;
	}
	rd->problem(s, rd->ud);
	free(s);
}

/* A field without the blanks around it. */
static const char *trim(const struct csvfile_field *f, size_t *len)
{
	const char *s = f->data;
	size_t n = f->len;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*len = n;
	return s;
}

static int same(const char *a, size_t alen, const char *b)
{
	return strlen(b) == alen && strncasecmp(a, b, alen) == 0;
}

/* s starts with word (any case), followed by one of ".:)" or a blank:
 * the length to skip up to the wording, or 0. */
static size_t prefix(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	if (len <= n || strncasecmp(s, word, n) != 0 ||
	    !strchr(".:) \t", s[n]))
		return 0;
	n += s[n] != ' ' && s[n] != '\t';
	while (n < len && (s[n] == ' ' || s[n] == '\t'))
		n++;
	return n;
}

static long match_header(const struct content *c, const char *h, size_t n)
{
	for (size_t k = 0; k < c->nteam; k++) {
		const struct content_team_item *t = &c->team[k];
		char code[80];
		team_survey_code(t->id, code, sizeof code);
		if (same(h, n, t->id) || same(h, n, code) ||
		    same(h, n, t->statement))
			return (long)k;
		size_t skip = prefix(h, n, t->id);
		if (!skip)
			skip = prefix(h, n, code);
		if (skip && same(h + skip, n - skip, t->statement))
			return (long)k;
	}
	return -1;
}

/* A header that reads like one of ours but is not in this content: a
 * form built from other content, or a statement edited in the form. */
static int looks_like_statement(const char *h, size_t n)
{
	static const char lead[] = "in our team";
	return n >= sizeof lead - 1 && strncasecmp(h, lead, sizeof lead - 1) == 0;
}

static int read_header(struct reading *rd, const struct csvfile_record *rec)
{
	rd->have_header = 1;
	rd->header_line = rec->line;
	rd->ncols = rec->nfields;
	rd->col_item = malloc(rec->nfields * sizeof *rd->col_item);
	if (!rd->col_item)
		return error_errno(rd->err, ERROR_RUNTIME, ENOMEM, "%s",
				   rd->name);
	for (size_t i = 0; i < rec->nfields; i++) {
		size_t n;
		const char *h = trim(&rec->fields[i], &n);
		long k = match_header(rd->c, h, n);
		rd->col_item[i] = -1;
		if (k < 0) {
			if (looks_like_statement(h, n))
				problem(rd, rec->line, i + 1,
					"\"%.*s\" is not a team statement of "
					"content %s (`ownit survey print` "
					"lists them)",
					(int)(n > 200 ? 200 : n), h,
					rd->c->version);
			rd->out->ignored++;
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			if (rd->col_item[j] != k)
				continue;
			problem(rd, rec->line, i + 1,
				"statement \"%s\" is already in column %zu",
				rd->c->team[k].id, j + 1);
			k = -1;
			break;
		}
		rd->col_item[i] = k;
		rd->out->statements += k >= 0;
	}
	if (!rd->out->statements && !rd->problems)
		problem(rd, rec->line, 1,
			"no column names a team statement: head each "
			"question's column with its id or wording (`ownit "
			"survey print`)");
	return 0;
}

/* The value a cell gives, 0..4; -1 for empty; -2 after a problem. */
static int cell_value(struct reading *rd, const struct csvfile_field *f,
		      unsigned long line, size_t col)
{
	size_t n, d = 0;
	const char *s = trim(f, &n);
	if (!n)
		return -1;
	unsigned long v = 0;
	while (d < n && d < 6 && s[d] >= '0' && s[d] <= '9')
		v = v * 10 + (unsigned long)(s[d++] - '0');
	if (d == 0) {
		for (int k = CONTENT_SCALE_MIN; k <= CONTENT_SCALE_MAX; k++)
			if (same(s, n, content_scale_label(rd->c, k)))
				return k;
		problem(rd, line, col,
			"\"%.*s\" is not on the scale: give 0 to %d or its "
			"label (%s ... %s)",
			(int)(n > 60 ? 60 : n), s, CONTENT_SCALE_MAX,
			content_scale_label(rd->c, CONTENT_SCALE_MIN),
			content_scale_label(rd->c, CONTENT_SCALE_MAX));
		return -2;
	}
	if (d == n && v <= CONTENT_SCALE_MAX)
		return (int)v;
	if (v > CONTENT_SCALE_MAX || (d < n && s[d] >= '0' && s[d] <= '9')) {
		problem(rd, line, col,
			"value \"%.*s\" is out of range: the scale runs from "
			"0 to %d",
			(int)(n > 60 ? 60 : n), s, CONTENT_SCALE_MAX);
		return -2;
	}
	/* "3 - Often", "3. Often", "3 (Often)": the label must agree. */
	size_t r = d;
	while (r < n && strchr(" \t-.:(", s[r]))
		r++;
	size_t rn = n - r;
	if (rn && s[n - 1] == ')')
		rn--;
	if (same(s + r, rn, content_scale_label(rd->c, (int)v)))
		return (int)v;
	problem(rd, line, col,
		"\"%.*s\": %lu on the scale is \"%s\"", (int)(n > 60 ? 60 : n),
		s, v, content_scale_label(rd->c, (int)v));
	return -2;
}

static void read_row(struct reading *rd, const struct csvfile_record *rec)
{
	int answered = 0;
	for (size_t i = 0; i < rec->nfields; i++) {
		if (i >= rd->ncols) {
			if (rec->fields[i].len)
				problem(rd, rec->line, i + 1,
					"field beyond the last column of the "
					"header");
			continue;
		}
		if (rd->col_item[i] < 0)
			continue; /* never looked at: not ours to keep */
		int v = cell_value(rd, &rec->fields[i], rec->line, i + 1);
		if (v < 0)
			continue;
		rd->count[rd->col_item[i]][v]++;
		answered = 1;
	}
	if (answered)
		rd->out->responses++;
	else
		rd->out->blank_rows++;
}

static int on_record(const struct csvfile_record *rec, void *ctx,
		     struct error *err)
{
	struct reading *rd = ctx;
	(void)err;
	if (!rd->have_header) {
		if (read_header(rd, rec))
			return -1;
	} else {
		read_row(rd, rec);
	}
	return rd->runtime ? -1 : 0;
}

static int make_tallies(struct reading *rd)
{
	const struct content *c = rd->c;
	size_t n = 0;
	for (size_t k = 0; k < c->nteam; k++)
		for (int v = 0; v < SCALE_VALUES; v++)
			n += rd->count[k][v] > 0;
	struct store_team_tally *t = calloc(n + 1, sizeof *t);
	if (!t)
		return error_errno(rd->err, ERROR_RUNTIME, ENOMEM, "%s",
				   rd->name);
	n = 0;
	for (size_t k = 0; k < c->nteam; k++)
		for (int v = 0; v < SCALE_VALUES; v++)
			if (rd->count[k][v])
				t[n++] = (struct store_team_tally){
					c->team[k].id, c->team[k].statement,
					v, rd->count[k][v]};
	rd->out->tallies = t;
	rd->out->ntallies = n;
	return 0;
}

/* The verdict once the file is read: every problem, or a round too small
 * to keep. */
static int conclude(struct reading *rd, unsigned min)
{
	/* A file broken before its header was read has said so already. */
	if (!rd->have_header && !rd->problems)
		problem(rd, 1, 1,
			"empty file: a header row of statements and one row "
			"per respondent are needed");
	else if (!rd->problems && rd->out->responses < min)
		problem(rd, rd->header_line, 1,
			"%u responses: a team round needs at least %u, so "
			"that no answer can be told apart (nothing imported)",
			rd->out->responses, min);
	if (rd->problems > SURVEY_PROBLEMS_MAX && rd->problem) {
		char s[80];
		snprintf(s, sizeof s, "(%zu more problems not shown)",
			 rd->problems - SURVEY_PROBLEMS_MAX);
		rd->problem(s, rd->ud);
	}
	if (rd->problems)
		return error_set(rd->err, ERROR_INPUT,
				 "%s: %zu problem%s: nothing imported",
				 rd->name, rd->problems,
				 rd->problems == 1 ? "" : "s");
	return make_tallies(rd);
}

int team_survey_read(const struct content *c, const char *path, FILE *fp,
		     unsigned min,
		     void (*problem_cb)(const char *line, void *ud), void *ud,
		     struct team_survey *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	struct reading rd = {.c = c,
			     .name = path,
			     .out = out,
			     .problem = problem_cb,
			     .ud = ud,
			     .err = err};
	if (min < TEAM_MIN_RESPONSES)
		min = TEAM_MIN_RESPONSES;
	rd.count = calloc(c->nteam + 1, sizeof *rd.count);
	if (!rd.count)
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", path);
	struct error e = {0};
	int rc = csvfile_read_stream(path, fp, on_record, &rd, &e);
	if (rc < 0 && (rd.runtime || e.kind == ERROR_RUNTIME)) {
		if (!rd.runtime)
			*err = e;
	} else {
		if (rc < 0) { /* the file itself is broken: say where */
			rd.problems++;
			if (problem_cb)
				problem_cb(e.msg, ud);
		}
		rc = conclude(&rd, min);
	}
	free(rd.col_item);
	free(rd.count);
	return rc;
}

void team_survey_free(struct team_survey *s)
{
	free(s->tallies);
	memset(s, 0, sizeof *s);
}
