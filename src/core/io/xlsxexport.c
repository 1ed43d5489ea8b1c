/* xlsxexport.c - sessions to a workbook, one streaming pass over the store.
 *
 * Every sheet is filled row by row as the sessions go by (constant-memory
 * mode only allows rows in order, each sheet keeping its own), and the
 * Radar sheet is written at the end from the one row per person kept.
 */
#include "config.h"

#include "core/io/xlsxexport.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/io/csvexport.h"
#include "core/io/csvexport_file.h"
#include "core/io/csvexport_team.h"
#include "core/base/dates.h"
#include "core/report/report.h"
#include "core/coaching/sessionfacts.h"
#include "core/store/store_export.h"

enum sheet {
	SH_SESSIONS,
	SH_ANSWERS,
	SH_RATINGS,
	SH_COMMITS,
	SH_NOTES,
	SH_COUNT
};

static const char *const sheet_names[SH_COUNT] = {
    "Sessions", "Answers", "Ratings", "Commitments", "Notes"};

/* The latest rated session of one person, for the Radar sheet. */
struct radar_row {
	int64_t person_id;
	char *name;
	char started[DATES_LOCAL_SIZE];
	int *self; /* per content pillar, 0 = not rated */
};

struct book {
	struct store *s;
	const struct content *c;
	const struct csvexport_options *o;
	struct error *err;
	lxw_workbook *wb;
	lxw_worksheet *ws[SH_COUNT];
	lxw_row_t row[SH_COUNT]; /* next row of each sheet */
	lxw_format *bold, *when, *day, *score;
	struct sessionfacts facts;
	struct teamview_cache rounds;	 /* the team rounds read so far */
	const struct store_session *ses; /* the session being written */
	lxw_col_t col; /* the next team column of the session's row */
	struct radar_row *people;
	size_t npeople, people_cap;
	size_t sessions;
};

/* ---------------------------------------------------------- the library */

/* libxlsxwriter is opened only when a workbook is written: linked in, it
 * and what it pulls in (minizip, zlib, libcrypto) were loaded and relocated
 * by every ownit start, a third of the time to the first frame.  Its
 * functions are called through this table, filled from the library
 * configure found (XLSX_SONAME); the header still gives every type. */
#define LXW_FUNCTIONS(X)                                                      \
	X(workbook_new_opt)                                                   \
	X(workbook_add_worksheet)                                             \
	X(workbook_add_format)                                                \
	X(workbook_add_chart)                                                 \
	X(workbook_close)                                                     \
	X(worksheet_write_string)                                             \
	X(worksheet_write_number)                                             \
	X(worksheet_write_datetime)                                           \
	X(worksheet_freeze_panes)                                             \
	X(worksheet_insert_chart_opt)                                         \
	X(format_set_bold)                                                    \
	X(format_set_num_format)                                              \
	X(chart_add_series)                                                   \
	X(chart_series_set_categories)                                        \
	X(chart_series_set_values)                                            \
	X(chart_series_set_name_range)                                        \
	X(chart_title_set_name)                                               \
	X(chart_legend_set_position)                                          \
	X(chart_axis_set_min)                                                 \
	X(chart_axis_set_max)                                                 \
	X(lxw_strerror)

#define LXW_MEMBER(name) __typeof__(name) *name;
static struct {
	LXW_FUNCTIONS(LXW_MEMBER)
} lxw;
#undef LXW_MEMBER

/* Fills the table once; the library stays loaded until ownit exits, as
 * a linked one would. */
static int library_load(struct error *err)
{
	static int loaded;
	if (loaded)
		return 0;
	void *h = dlopen(XLSX_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return error_set(err, ERROR_RUNTIME,
				 "cannot write a workbook: %s (the "
				 "libxlsxwriter library) cannot be loaded: %s",
				 XLSX_SONAME, dlerror());
	const char *missing = NULL;
	void *sym;
	/* POSIX lets dlsym's result be used as a function pointer; copying
	 * the bytes says so without a cast ISO C leaves undefined. */
#define LXW_BIND(name)                                                        \
	_Static_assert(sizeof sym == sizeof lxw.name, "pointer sizes");       \
	if (!missing && !(sym = dlsym(h, #name)))                             \
		missing = #name;                                              \
	else if (!missing)                                                    \
		memcpy(&lxw.name, &sym, sizeof sym);
	LXW_FUNCTIONS(LXW_BIND)
#undef LXW_BIND
	if (missing) {
		dlclose(h);
		return error_set(err, ERROR_RUNTIME,
				 "cannot write a workbook: %s has no %s "
				 "(a libxlsxwriter too old for ownit)",
				 XLSX_SONAME, missing);
	}
	loaded = 1;
	return 0;
}

/* ------------------------------------------------------------ cells */

static int lxw_fail(struct book *b, lxw_error e, const char *what)
{
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return error_set(b->err, ERROR_INPUT,
				 "%s of session %s is longer than a "
				 "spreadsheet cell holds (32767 characters); "
				 "export it as CSV instead",
				 what, b->ses ? b->ses->uuid : "?");
	return error_set(b->err, ERROR_RUNTIME, "writing the workbook: %s",
			 lxw.lxw_strerror(e));
}

static int text(struct book *b, enum sheet sh, lxw_col_t col, const char *v,
		const char *what)
{
	if (!v || !*v)
		return 0;
	lxw_error e =
	    lxw.worksheet_write_string(b->ws[sh], b->row[sh], col, v, NULL);
	return e ? lxw_fail(b, e, what) : 0;
}

static int number(struct book *b, enum sheet sh, lxw_col_t col, double v,
		  lxw_format *f)
{
	lxw_error e = lxw.worksheet_write_number(b->ws[sh], b->row[sh], col, v, f);
	return e ? lxw_fail(b, e, "a number") : 0;
}

/* A stored UTC time as a local date-time cell; NULL is a blank cell. */
static int when(struct book *b, enum sheet sh, lxw_col_t col, const char *utc)
{
	char local[DATES_LOCAL_SIZE];
	if (!utc || !*utc)
		return 0;
	if (dates_local_iso(utc, local, b->err))
		return -1;
	lxw_datetime dt = {0};
	if (sscanf(local, "%4d-%2d-%2dT%2d:%2d:%lf", &dt.year, &dt.month,
		   &dt.day, &dt.hour, &dt.min, &dt.sec) != 6)
		return error_set(b->err, ERROR_RUNTIME, "bad time \"%s\"",
				 local);
	lxw_error e =
	    lxw.worksheet_write_datetime(b->ws[sh], b->row[sh], col, &dt, b->when);
	return e ? lxw_fail(b, e, "a time") : 0;
}

/* A day "YYYY-MM-DD" as a date cell. */
static int day(struct book *b, enum sheet sh, lxw_col_t col, const char *d)
{
	lxw_datetime dt = {0};
	if (!d || !*d)
		return 0;
	if (sscanf(d, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) != 3)
		return text(b, sh, col, d, "a due date");
	lxw_error e =
	    lxw.worksheet_write_datetime(b->ws[sh], b->row[sh], col, &dt, b->day);
	return e ? lxw_fail(b, e, "a date") : 0;
}

/* Writes a header row of n names, freezes it and starts row 1. */
static int header(struct book *b, enum sheet sh, const char *const *names,
		  size_t n)
{
	for (size_t i = 0; i < n; i++) {
		lxw_error e = lxw.worksheet_write_string(b->ws[sh], 0, (lxw_col_t)i,
						     names[i], b->bold);
		if (e)
			return lxw_fail(b, e, "a header");
	}
	lxw.worksheet_freeze_panes(b->ws[sh], 1, 0);
	b->row[sh] = 1;
	return 0;
}

/* The session columns every record sheet starts with. */
static int record_head(struct book *b, enum sheet sh)
{
	return text(b, sh, 0, b->ses->uuid, "the session") ||
		       text(b, sh, 1, b->ses->person_name, "the person")
		   ? -1
		   : 0;
}

/* ------------------------------------------------------------ Sessions */

/* A column name from a content id, as in the summary CSV. */
static char *column_name(const char *prefix, const char *id)
{
	size_t n = strlen(prefix) + strlen(id) + 1;
	char *s = malloc(n);
	if (!s)
		return NULL;
	snprintf(s, n, "%s%s", prefix, id);
	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = '_';
	return s;
}

/* The team columns' names, after the leader's own (csvexport_team.h). */
struct team_names {
	char **names;
	size_t k, n;
};

static int team_name(void *ud, const char *name, struct error *err)
{
	struct team_names *t = ud;
	if (t->k == t->n || !(t->names[t->k] = strdup(name)))
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "workbook");
	t->k++;
	return 0;
}

static int sessions_header(struct book *b)
{
	static const char *const head[] = {
	    "session_id", "person",	  "kind",   "coach",
	    "started_at", "completed_at", "status", "content_version"};
	static const char *const tail[] = {
	    "strongest_flag",	  "ladder_situation",
	    "ladder_start",	  "ladder_reached",
	    "commitments_made",	  "commitments_kept",
	    "commitments_missed", "notes"};
	const struct content *c = b->c;
	size_t n = 8 + c->nflags + 2 * c->npillars - 1 + 8 + 3 + 3 * c->nflags +
		   2 * c->npillars;
	char **names = calloc(n, sizeof *names);
	if (!names)
		return error_errno(b->err, ERROR_RUNTIME, ENOMEM, "workbook");
	size_t k = 0;
	int oom = 0;
	for (size_t i = 0; i < 8; i++)
		oom |= !(names[k++] = strdup(head[i]));
	for (size_t i = 0; i < c->nflags; i++)
		oom |= !(names[k++] = column_name("flag_", c->flags[i].id));
	for (size_t i = 0; i < c->npillars; i++)
		if (i != c->centre)
			oom |= !(names[k++] =
				     column_name("pillar_", c->pillars[i].id));
	oom |= !(names[k++] = column_name("", c->pillars[c->centre].id));
	for (size_t i = 0; i < c->npillars; i++)
		if (i != c->centre)
			oom |= !(names[k++] = column_name("evidence_",
							  c->pillars[i].id));
	for (size_t i = 0; i < 8; i++)
		oom |= !(names[k++] = strdup(tail[i]));
	struct team_names tn = {names, k, n};
	struct csvexport_team_out o = {.name = team_name, .ud = &tn};
	int rc = oom ? error_errno(b->err, ERROR_RUNTIME, ENOMEM, "workbook")
		     : csvexport_team_names(c, &o, b->err);
	if (!rc)
		rc = header(b, SH_SESSIONS, (const char *const *)names, tn.k);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int score_cell(struct book *b, lxw_col_t col, int has, double v,
		      lxw_format *f)
{
	return has ? number(b, SH_SESSIONS, col, v, f) : 0;
}

static int sessions_scores(struct book *b, lxw_col_t *col)
{
	const struct content *c = b->c;
	const struct score_result *r = &b->facts.score;
	int rc = 0;
	for (size_t i = 0; i < c->nflags && !rc; i++)
		rc = score_cell(b, (*col)++, r->flags[i].has_score,
				r->flags[i].score, b->score);
	for (size_t i = 0; i < c->npillars && !rc; i++)
		if (i != c->centre)
			rc = score_cell(b, (*col)++, r->pillars[i].rated,
					r->pillars[i].self, NULL);
	if (!rc)
		rc = score_cell(b, (*col)++, r->pillars[c->centre].rated,
				r->pillars[c->centre].self, NULL);
	for (size_t i = 0; i < c->npillars && !rc; i++)
		if (i != c->centre)
			rc = score_cell(b, (*col)++, r->pillars[i].has_evidence,
					r->pillars[i].evidence, b->score);
	return rc;
}

/* The team's cells of the session's row, typed like the others: the
 * round's day a date, its label text, responses and figures numbers. */
static int team_day(void *ud, const char *d, struct error *err)
{
	struct book *b = ud;
	(void)err;
	return day(b, SH_SESSIONS, b->col++, d);
}

static int team_label(void *ud, const char *label, struct error *err)
{
	struct book *b = ud;
	(void)err;
	return text(b, SH_SESSIONS, b->col++, label, "a round's label");
}

static int team_responses(void *ud, int has, unsigned n, struct error *err)
{
	struct book *b = ud;
	(void)err;
	lxw_col_t col = b->col++;
	return has ? number(b, SH_SESSIONS, col, n, NULL) : 0;
}

static int team_figure(void *ud, int has, double v, struct error *err)
{
	struct book *b = ud;
	(void)err;
	lxw_col_t col = b->col++;
	return has ? number(b, SH_SESSIONS, col, v, b->score) : 0;
}

static int sessions_team(struct book *b, lxw_col_t col)
{
	struct csvexport_team_out o = {.day = team_day,
				       .label = team_label,
				       .responses = team_responses,
				       .figure = team_figure,
				       .ud = b};
	b->col = col;
	return csvexport_team_values(b->s, &b->rounds, b->c, b->ses,
				     &b->facts.score, &o, b->err);
}

static int sessions_row(struct book *b)
{
	const struct store_session *ses = b->ses;
	const struct sessionfacts *f = &b->facts;
	const struct score_result *r = &f->score;
	enum sheet sh = SH_SESSIONS;
	lxw_col_t col = 8;
	size_t top = 0; /* the strongest signal, as the CSV summary names it */
	size_t ntop = report_signals(b->c, r, &top, 1);
	if (record_head(b, sh) ||
	    text(b, sh, 2, store_kind_name(ses->kind), "the kind") ||
	    text(b, sh, 3, ses->coach, "the coach") ||
	    when(b, sh, 4, ses->started) || when(b, sh, 5, ses->completed) ||
	    text(b, sh, 6, store_status_name(ses->status), "the status") ||
	    text(b, sh, 7, ses->content_version, "the content version") ||
	    sessions_scores(b, &col) ||
	    text(b, sh, col, ntop ? b->c->flags[top].id : "",
		 "the strongest flag"))
		return -1;
	col++;
	if (f->has_ladder &&
	    (text(b, sh, col, f->situation, "the ladder situation") ||
	     number(b, sh, col + 1, f->start_rung, NULL) ||
	     number(b, sh, col + 2, f->reached_rung, NULL)))
		return -1;
	col += 3;
	if (number(b, sh, col, f->made, NULL) ||
	    number(b, sh, col + 1, f->kept, NULL) ||
	    number(b, sh, col + 2, f->missed, NULL) ||
	    text(b, sh, col + 3, f->note, "the note") ||
	    sessions_team(b, col + 4))
		return -1;
	b->row[sh]++;
	return 0;
}

/* ------------------------------------------------------ record sheets */

static int answer_row(const struct store_answer *a, void *ud)
{
	struct book *b = ud;
	enum sheet sh = SH_ANSWERS;
	if (record_head(b, sh) || text(b, sh, 2, a->item_id, "an answer") ||
	    (a->value >= 0 && number(b, sh, 3, a->value, NULL)) ||
	    text(b, sh, 4, a->statement, "a statement") ||
	    text(b, sh, 5, a->note, "an answer's note") ||
	    when(b, sh, 6, a->answered))
		return -1;
	b->row[sh]++;
	return 0;
}

static int rating_row(const struct store_rating *r, void *ud)
{
	struct book *b = ud;
	enum sheet sh = SH_RATINGS;
	if (record_head(b, sh) || text(b, sh, 2, r->pillar_id, "a rating") ||
	    number(b, sh, 3, r->value, NULL) ||
	    text(b, sh, 4, r->note, "a rating's note") ||
	    when(b, sh, 5, r->rated))
		return -1;
	b->row[sh]++;
	return 0;
}

static int commitment_row(const struct store_export_commitment *ec, void *ud)
{
	struct book *b = ud;
	const struct store_commitment *c = &ec->c;
	enum sheet sh = SH_COMMITS;
	if (record_head(b, sh) || text(b, sh, 2, c->uuid, "a commitment") ||
	    text(b, sh, 3, c->what, "a commitment") ||
	    text(b, sh, 4, c->owner, "a commitment's owner") ||
	    day(b, sh, 5, c->due) ||
	    text(b, sh, 6, store_cstatus_name(c->status), "a status") ||
	    text(b, sh, 7, c->obstacle, "a commitment's obstacle") ||
	    when(b, sh, 8, c->created) || when(b, sh, 9, c->reviewed))
		return -1;
	b->row[sh]++;
	return 0;
}

static int note_row(const struct store_note *n, void *ud)
{
	struct book *b = ud;
	enum sheet sh = SH_NOTES;
	if (record_head(b, sh) || text(b, sh, 2, n->body, "the note") ||
	    when(b, sh, 3, n->updated))
		return -1;
	b->row[sh]++;
	return 0;
}

/* --------------------------------------------------------------- Radar */

static struct radar_row *radar_person(struct book *b, int64_t id,
				      const char *name)
{
	for (size_t i = 0; i < b->npeople; i++)
		if (b->people[i].person_id == id)
			return &b->people[i];
	if (b->npeople == b->people_cap) {
		size_t cap = b->people_cap ? 2 * b->people_cap : 16;
		void *p = realloc(b->people, cap * sizeof *b->people);
		if (!p)
			return NULL;
		b->people = p;
		b->people_cap = cap;
	}
	struct radar_row *r = &b->people[b->npeople];
	memset(r, 0, sizeof *r);
	r->person_id = id;
	r->name = strdup(name ? name : "");
	r->self = calloc(b->c->npillars, sizeof *r->self);
	if (!r->name || !r->self) {
		free(r->name);
		free(r->self);
		return NULL;
	}
	b->npeople++;
	return r;
}

/* Keeps the pillar ratings of a rated session: sessions come oldest
 * first, so the last one kept is the person's latest. */
static int radar_keep(struct book *b)
{
	const struct score_result *r = &b->facts.score;
	if (!b->facts.nratings)
		return 0;
	struct radar_row *p =
	    radar_person(b, b->ses->person_id, b->ses->person_name);
	if (!p)
		return error_errno(b->err, ERROR_RUNTIME, ENOMEM, "workbook");
	for (size_t i = 0; i < b->c->npillars; i++)
		p->self[i] = r->pillars[i].rated ? r->pillars[i].self : 0;
	if (dates_local_iso(b->ses->started, p->started, b->err))
		return -1;
	return 0;
}

/* The radar chart of person i (data row i + 1), two charts a row below
 * the table. */
static int radar_chart(struct book *b, lxw_worksheet *ws, size_t i)
{
	lxw_chart *ch = lxw.workbook_add_chart(b->wb, LXW_CHART_RADAR);
	if (!ch)
		return error_set(b->err, ERROR_RUNTIME,
				 "writing the workbook: no chart");
	lxw_row_t row = (lxw_row_t)i + 1;
	lxw_col_t last = (lxw_col_t)(b->c->npillars + 1);
	lxw_chart_series *ser = lxw.chart_add_series(ch, NULL, NULL);
	if (!ser)
		return error_set(b->err, ERROR_RUNTIME,
				 "writing the workbook: no chart series");
	lxw.chart_series_set_categories(ser, "Radar", 0, 2, 0, last);
	lxw.chart_series_set_values(ser, "Radar", row, 2, row, last);
	lxw.chart_series_set_name_range(ser, "Radar", row, 0);
	lxw.chart_title_set_name(ch, b->people[i].name);
	lxw.chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	lxw_chart_axis *y = ch->y_axis;
	lxw.chart_axis_set_min(y, 0);
	lxw.chart_axis_set_max(y, 5);
	lxw_chart_options opt = {.x_scale = 1, .y_scale = 1};
	lxw_row_t at = (lxw_row_t)(b->npeople + 3 + (i / 2) * 16);
	lxw_col_t col = (lxw_col_t)((i % 2) * 8);
	lxw_error e = lxw.worksheet_insert_chart_opt(ws, at, col, ch, &opt);
	return e ? lxw_fail(b, e, "a chart") : 0;
}

static int radar_sheet(struct book *b, lxw_worksheet *ws)
{
	const struct content *c = b->c;
	lxw_error e = lxw.worksheet_write_string(ws, 0, 0, "person", b->bold);
	if (!e)
		e = lxw.worksheet_write_string(ws, 0, 1, "latest_rated_session",
					   b->bold);
	for (size_t k = 0; k < c->npillars && !e; k++)
		e = lxw.worksheet_write_string(ws, 0, (lxw_col_t)(k + 2),
					   c->pillars[k].name, b->bold);
	if (e)
		return lxw_fail(b, e, "the radar header");
	lxw.worksheet_freeze_panes(ws, 1, 0);
	for (size_t i = 0; i < b->npeople && !e; i++) {
		const struct radar_row *p = &b->people[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		lxw_datetime dt = {0};
		e = lxw.worksheet_write_string(ws, row, 0, p->name, NULL);
		if (!e &&
		    sscanf(p->started, "%4d-%2d-%2dT%2d:%2d:%lf", &dt.year,
			   &dt.month, &dt.day, &dt.hour, &dt.min, &dt.sec) == 6)
			e = lxw.worksheet_write_datetime(ws, row, 1, &dt, b->when);
		for (size_t k = 0; k < c->npillars && !e; k++)
			if (p->self[k])
				e = lxw.worksheet_write_number(ws, row,
							   (lxw_col_t)(k + 2),
							   p->self[k], NULL);
	}
	if (e)
		return lxw_fail(b, e, "the radar table");
	for (size_t i = 0; i < b->npeople; i++)
		if (radar_chart(b, ws, i))
			return -1;
	return 0;
}

/* ---------------------------------------------------------- the export */

static int each_session(const struct store_session *ses, void *ud)
{
	struct book *b = ud;
	b->ses = ses;
	if (sessionfacts_load(&b->facts, b->s, b->c, ses->id, b->err) ||
	    sessions_row(b) || radar_keep(b) ||
	    store_answers_each(b->s, ses->id, answer_row, b, b->err) ||
	    store_ratings_each(b->s, ses->id, rating_row, b, b->err) ||
	    store_session_commitments_each(b->s, ses->id, commitment_row, b,
					   b->err) ||
	    store_note_each(b->s, ses->id, note_row, b, b->err))
		return -1;
	b->ses = NULL;
	b->sessions++;
	return 0;
}

static int sessions(struct book *b)
{
	return csvexport_each_session(b->s, b->o, each_session, b, b->err);
}

static int headers(struct book *b)
{
	static const char *const answers[] = {"session_id", "person",	 "item",
					      "value",	    "statement", "note",
					      "answered_at"};
	static const char *const ratings[] = {
	    "session_id", "person", "pillar", "value", "note", "rated_at"};
	static const char *const commits[] = {
	    "session_id", "person", "commitment_id", "what",	"owner",
	    "due",	  "status", "obstacle",	     "made_at", "reviewed_at"};
	static const char *const notes[] = {"session_id", "person", "note",
					    "updated_at"};
	return sessions_header(b) || header(b, SH_ANSWERS, answers, 7) ||
		       header(b, SH_RATINGS, ratings, 6) ||
		       header(b, SH_COMMITS, commits, 10) ||
		       header(b, SH_NOTES, notes, 4)
		   ? -1
		   : 0;
}

static int book_open(struct book *b, const char *tmp)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	b->wb = lxw.workbook_new_opt(tmp, &opt);
	if (!b->wb)
		return error_set(b->err, ERROR_RUNTIME,
				 "%s: cannot start the workbook", tmp);
	for (int i = 0; i < SH_COUNT; i++)
		if (!(b->ws[i] = lxw.workbook_add_worksheet(b->wb, sheet_names[i])))
			return error_set(b->err, ERROR_RUNTIME,
					 "cannot add a worksheet");
	b->bold = lxw.workbook_add_format(b->wb);
	b->when = lxw.workbook_add_format(b->wb);
	b->day = lxw.workbook_add_format(b->wb);
	b->score = lxw.workbook_add_format(b->wb);
	if (!b->bold || !b->when || !b->day || !b->score)
		return error_errno(b->err, ERROR_RUNTIME, ENOMEM, "workbook");
	lxw.format_set_bold(b->bold);
	lxw.format_set_num_format(b->when, "yyyy-mm-dd hh:mm:ss");
	lxw.format_set_num_format(b->day, "yyyy-mm-dd");
	lxw.format_set_num_format(b->score, "0.00");
	return 0;
}

/* Writes everything into the workbook at tmp and closes it. */
static int book_write(struct book *b, const char *tmp)
{
	int rc = book_open(b, tmp);
	lxw_worksheet *radar = NULL;
	if (!rc && !(radar = lxw.workbook_add_worksheet(b->wb, "Radar")))
		rc = error_set(b->err, ERROR_RUNTIME, "cannot add a worksheet");
	if (!rc)
		rc =
		    headers(b) || sessions(b) || radar_sheet(b, radar) ? -1 : 0;
	if (b->wb) {
		lxw_error e = lxw.workbook_close(b->wb);
		if (e && !rc)
			rc = error_set(b->err, ERROR_RUNTIME,
				       "writing the workbook: %s",
				       lxw.lxw_strerror(e));
	}
	return rc;
}

int xlsxexport_write(struct store *s, const struct content *c,
		     const struct csvexport_options *o, const char *path,
		     size_t *rows, struct error *err)
{
	struct book b = {.s = s, .c = c, .o = o, .err = err};
	struct csvexport_file file;
	if (rows)
		*rows = 0;
	if (c->centre >= c->npillars)
		return error_set(err, ERROR_INPUT,
				 "the content has no centre pillar");
	if (library_load(err) || csvexport_check_target(s, path, err) ||
	    csvexport_file_open(&file, path, CSVEXPORT_FILE_BY_NAME, err))
		return -1;
	sessionfacts_init(&b.facts);
	teamview_cache_init(&b.rounds);
	int rc = book_write(&b, file.tmp);
	sessionfacts_free(&b.facts);
	teamview_cache_free(&b.rounds);
	for (size_t i = 0; i < b.npeople; i++) {
		free(b.people[i].name);
		free(b.people[i].self);
	}
	free(b.people);
	/* The workbook went to the temporary file by name; closing the
	 * stream opened on it syncs that file and renames it. */
	rc = csvexport_file_close(&file, rc == 0, 0, err);
	if (rc == 0 && rows)
		*rows = b.sessions;
	return rc;
}
