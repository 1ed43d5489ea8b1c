/* csvexport.c - sessions to CSV, one streaming pass over the store.
 *
 * Rows are written field by field through csvfile's writer into a buffered
 * stream; the few values that need formatting (numbers, local times, the
 * safety prefix) go through buffers that live as long as the export, so
 * the hot path does not allocate.
 */
#include "config.h"

#include "core/io/csvexport.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/io/csvexport_file.h"
#include "core/io/csvexport_team.h"
#include "core/io/csvfile.h"
#include "core/base/dates.h"
#include "core/report/report.h"
#include "core/coaching/sessionfacts.h"
#include "core/store/store_export.h"

const char *const csvexport_detail_header[CSVEXPORT_DETAIL_COLUMNS] = {
	"record",   "uuid",         "person",       "session",
	"name",     "role",         "team",         "archived",
	"kind",     "coach",        "status",       "content_version",
	"step",     "item",         "value",        "text",
	"note",     "start_rung",   "reached_rung", "rung",
	"owner",    "due",          "reviewed_in",  "obstacle",
	"time",     "closed",       "no_occasion",  "regulated",
	"helped",   "differently",  "day",          "round",
	"count",
};

void csvexport_options_init(struct csvexport_options *o)
{
	memset(o, 0, sizeof *o);
	o->format = CSVEXPORT_SUMMARY;
	o->status = -1;
}

int csvexport_range_empty(const struct csvexport_options *o)
{
	/* Valid YYYY-MM-DD days: text order is day order. */
	return o->since && o->until && strcmp(o->since, o->until) > 0;
}

/* Writes v's decimal digits so that they end just before end, and returns
 * where they start: the export formats every number without printf. */
static char *digits_before(char *end, unsigned long long v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

char *csvexport_decimal(double v, char buf[32])
{
	/* Integer arithmetic, so LC_NUMERIC never turns the point into a
	 * comma (printf's %f would). */
	if (!isfinite(v)) {
		buf[0] = '\0';
		return buf;
	}
	double r = round(fabs(v) * 100.0);
	if (r > 1e15)
		r = 1e15;
	unsigned long long cents = (unsigned long long)r;
	char tmp[32];
	char *end = tmp + sizeof tmp;
	*--end = '\0';
	*--end = (char)('0' + cents % 10);
	*--end = (char)('0' + cents / 10 % 10);
	*--end = '.';
	char *p = digits_before(end, cents / 100);
	if (v < 0 && cents)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
	return buf;
}

/* ------------------------------------------------------------ writing */

struct out {
	struct csvfile_writer w;
	struct store *s;
	const struct content *c;
	const struct csvexport_options *o;
	struct error *err;
	size_t rows;
	int raw;
	struct sessionfacts facts;
	struct teamview_cache rounds; /* the team rounds beside the rows */
	char *scratch; /* the safety-prefixed copy of a field */
	size_t scratch_cap;
	char session_uuid[STORE_UUID_SIZE];
	csvexport_row_fn row_fn; /* detail rows to a function, not CSV */
	void *row_ud;
};

/* A cell a spreadsheet would take for a formula. */
static int risky(const char *v)
{
	return v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
	       v[0] == '\t' || v[0] == '\r';
}

/* "0" or up to 15 digits without a leading zero: a spreadsheet turns it
 * into a number and writes the same digits back. */
static int plain_integer(const char *v)
{
	size_t n = strspn(v, "0123456789");
	return n > 0 && n <= 15 && !v[n] && (v[0] != '0' || n == 1);
}

/* 1 when v starts with an English month, in full or its first three
 * letters, then a separator and a number: gnumeric reads "May 1",
 * "Jan-5", "June 5, 2026" and "March 2026" as dates, in any letter case. */
static int month_led(const char *v)
{
	static const char *const months[] = {"january", "february", "march",
					     "april",	"may",	    "june",
					     "july",	"august",   "september",
					     "october", "november", "december"};
	size_t len = 0;
	while ((v[len] | 0x20) >= 'a' && (v[len] | 0x20) <= 'z')
		len++;
	for (size_t m = 0; m < sizeof months / sizeof *months; m++)
		if ((len == 3 || len == strlen(months[m])) &&
		    strncasecmp(v, months[m], len) == 0) {
			const char *p = v + len;
			if (!*p || !strchr(" -/.,", *p))
				return 0;
			p += strspn(p + 1, " ") + 1;
			return *p >= '0' && *p <= '9';
		}
	return 0;
}

int csvexport_guard_needed(const char *v)
{
	unsigned char c = (unsigned char)v[0];
	if (!c || plain_integer(v))
		return 0;
	if (c == CSVEXPORT_GUARD)
		return 1;
	/* Anything a spreadsheet may read as a formula, number, date,
	 * currency, error or blank-trimmed value starts with an ASCII
	 * character that is not a letter; of the values starting with a
	 * letter, booleans and dates led by a month are converted, and Calc's
	 * "Err:NNN" is what import takes for a failed formula. */
	if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
		return 1;
	return strcasecmp(v, "true") == 0 || strcasecmp(v, "false") == 0 ||
	       strncmp(v, "Err:", 4) == 0 || month_led(v);
}

/* Makes room for a copy of len bytes behind the guard character. */
static int guarded_copy(struct out *x, const char *v, size_t len)
{
	if (len + 2 > x->scratch_cap) {
		size_t cap = len + 2 < 256 ? 256 : len + 2;
		char *p = realloc(x->scratch, cap);
		if (!p)
			return error_errno(x->err, ERROR_RUNTIME, ENOMEM,
					   "exporting");
		x->scratch = p;
		x->scratch_cap = cap;
	}
	x->scratch[0] = CSVEXPORT_GUARD;
	memcpy(x->scratch + 1, v, len + 1);
	return 0;
}

/* Writes v behind the guard.  A field that needed quotes keeps them, and
 * the guarded copy is quoted whatever it holds, so that a spreadsheet takes
 * it for text. */
static int put_guarded(struct out *x, const char *v, size_t len)
{
	if (guarded_copy(x, v, len))
		return -1;
	return csvfile_write_quoted(&x->w, x->scratch, len + 1, x->err);
}

/* Writes one field; NULL is empty.  Unless raw, a risky cell gets a
 * leading apostrophe, which spreadsheets show as text. */
static int put(struct out *x, const char *v)
{
	if (!v)
		v = "";
	size_t len = strlen(v);
	if (x->raw || !risky(v))
		return csvfile_write_field(&x->w, v, len, x->err);
	return put_guarded(x, v, len);
}

/* Writes a free-text summary field: unless raw, anything a spreadsheet
 * would convert ("2026.11.1" becomes a date in gnumeric) is guarded too. */
static int put_text(struct out *x, const char *v)
{
	if (!v)
		v = "";
	if (!x->raw && csvexport_guard_needed(v))
		return put_guarded(x, v, strlen(v));
	return csvfile_write_field(&x->w, v, strlen(v), x->err);
}

static int put_int(struct out *x, long long v)
{
	char buf[32];
	char *end = buf + sizeof buf;
	*--end = '\0';
	unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v
				       : (unsigned long long)v;
	char *p = digits_before(end, mag);
	if (v < 0)
		*--p = '-';
	return put(x, p);
}

/* A score, or an empty field for "no score". */
static int put_score(struct out *x, int has, double v)
{
	char buf[32];
	return put(x, has ? csvexport_decimal(v, buf) : "");
}

static int put_local_time(struct out *x, const char *utc)
{
	char buf[DATES_LOCAL_SIZE];
	if (!utc)
		return put(x, "");
	if (dates_local_iso(utc, buf, x->err))
		return -1;
	return put(x, buf);
}

static int end_row(struct out *x, int count)
{
	if (csvfile_write_end(&x->w, x->err))
		return -1;
	if (count)
		x->rows++;
	return 0;
}

/* A column name from a content id: '-' becomes '_'. */
static int put_column(struct out *x, const char *prefix, const char *id)
{
	char buf[256];
	size_t n = (size_t)snprintf(buf, sizeof buf, "%s%s", prefix, id);
	if (n >= sizeof buf)
		return error_set(x->err, ERROR_INPUT,
				 "content id \"%s\" is too long for a "
				 "column name", id);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
	return csvfile_write_field(&x->w, buf, n, x->err);
}

/* ------------------------------------------------------------ summary */

static int summary_header(struct out *x)
{
	static const char *const head[] = {
		"session_id", "person", "kind", "coach", "started_at",
		"completed_at", "status", "content_version"};
	static const char *const tail[] = {
		"strongest_flag", "ladder_situation", "ladder_start",
		"ladder_reached", "commitments_made", "commitments_kept",
		"commitments_missed", "notes"};
	const struct content *c = x->c;
	int rc = 0;
	for (size_t i = 0; i < sizeof head / sizeof *head && !rc; i++)
		rc = csvfile_write_field(&x->w, head[i], strlen(head[i]),
					 x->err);
	for (size_t i = 0; i < c->nflags && !rc; i++)
		rc = put_column(x, "flag_", c->flags[i].id);
	for (size_t i = 0; i < c->npillars && !rc; i++)
		if (i != c->centre)
			rc = put_column(x, "pillar_", c->pillars[i].id);
	if (!rc)
		rc = put_column(x, "", c->pillars[c->centre].id);
	for (size_t i = 0; i < c->npillars && !rc; i++)
		if (i != c->centre)
			rc = put_column(x, "evidence_", c->pillars[i].id);
	for (size_t i = 0; i < sizeof tail / sizeof *tail && !rc; i++)
		rc = csvfile_write_field(&x->w, tail[i], strlen(tail[i]),
					 x->err);
	if (!rc)
		rc = csvexport_team_header(&x->w, c, x->err);
	return rc ? -1 : end_row(x, 0);
}

static int summary_scores(struct out *x)
{
	const struct content *c = x->c;
	const struct score_result *r = &x->facts.score;
	int rc = 0;
	for (size_t i = 0; i < c->nflags && !rc; i++)
		rc = put_score(x, r->flags[i].has_score, r->flags[i].score);
	for (size_t i = 0; i < c->npillars && !rc; i++)
		if (i != c->centre)
			rc = put_score(x, r->pillars[i].rated,
				       r->pillars[i].self);
	if (!rc)
		rc = put_score(x, r->pillars[c->centre].rated,
			       r->pillars[c->centre].self);
	for (size_t i = 0; i < c->npillars && !rc; i++)
		if (i != c->centre)
			rc = put_score(x, r->pillars[i].has_evidence,
				       r->pillars[i].evidence);
	return rc;
}

static int summary_row(const struct store_session *ses, void *ud)
{
	struct out *x = ud;
	struct sessionfacts *f = &x->facts;
	if (sessionfacts_load(f, x->s, x->c, ses->id, x->err))
		return -1;
	const struct score_result *r = &f->score;
	/* The strongest signal as the report names it: never a flag in the
	 * healthy band. */
	size_t top = 0;
	size_t ntop = report_signals(x->c, r, &top, 1);
	if (put(x, ses->uuid) || put_text(x, ses->person_name) ||
	    put(x, store_kind_name(ses->kind)) || put_text(x, ses->coach) ||
	    put_local_time(x, ses->started) ||
	    put_local_time(x, ses->completed) ||
	    put(x, store_status_name(ses->status)) ||
	    put_text(x, ses->content_version) || summary_scores(x) ||
	    put(x, ntop ? x->c->flags[top].id : ""))
		return -1;
	if (f->has_ladder) {
		if (put_text(x, f->situation) || put_int(x, f->start_rung) ||
		    put_int(x, f->reached_rung))
			return -1;
	} else if (put(x, "") || put(x, "") || put(x, "")) {
		return -1;
	}
	if (put_int(x, f->made) || put_int(x, f->kept) ||
	    put_int(x, f->missed) || put_text(x, f->note) ||
	    csvexport_team_cells(&x->w, x->s, &x->rounds, x->c, ses, r, x->raw,
				 x->err))
		return -1;
	return end_row(x, 1);
}

/* ------------------------------------------------------------- detail */

/* Columns whose values import checks against a strict format (and
 * whose spreadsheet renderings it accepts back): never guarded. */
static int detail_typed(int col)
{
	switch (col) {
	case DCOL_RECORD:
	case DCOL_UUID:
	case DCOL_PERSON:
	case DCOL_SESSION:
	case DCOL_REVIEWED_IN:
	case DCOL_DUE:
	case DCOL_TIME:
	case DCOL_CLOSED:
	case DCOL_DAY:
	case DCOL_ROUND:
	case DCOL_COUNT:
		return 1;
	default:
		return 0;
	}
}

/* One detail row: fields indexed by enum csvexport_detail_col.  Every
 * other column is guarded by its value, so columns added later are too. */
static int detail_row(struct out *x, const char *const *f)
{
	if (x->row_fn) {
		const char *v[CSVEXPORT_DETAIL_COLUMNS];
		for (int c = 0; c < CSVEXPORT_DETAIL_COLUMNS; c++)
			v[c] = f[c] ? f[c] : "";
		x->rows++;
		return x->row_fn(v, x->row_ud) ? -1 : 0;
	}
	for (int c = 0; c < CSVEXPORT_DETAIL_COLUMNS; c++) {
		const char *v = f[c] ? f[c] : "";
		size_t len = strlen(v);
		int rc = !detail_typed(c) && csvexport_guard_needed(v)
				 ? put_guarded(x, v, len)
				 : csvfile_write_field(&x->w, v, len, x->err);
		if (rc)
			return -1;
	}
	if (csvfile_write_end(&x->w, x->err))
		return -1;
	x->rows++;
	return 0;
}

static int detail_row_cb(const char *const *f, void *ud)
{
	return detail_row(ud, f);
}

static int detail_person(const struct store_person *p, void *ud)
{
	struct out *x = ud;
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	f[DCOL_RECORD] = "person";
	f[DCOL_UUID] = p->uuid;
	f[DCOL_NAME] = p->name;
	f[DCOL_ROLE] = p->role;
	f[DCOL_TEAM] = p->team;
	f[DCOL_ARCHIVED] = p->archived ? "1" : "0";
	f[DCOL_TIME] = p->created;
	f[DCOL_REGULATED] = p->regulated ? "1" : "0";
	return detail_row(x, f);
}

static int detail_person_row(const struct store_person_row *p, void *ud)
{
	return detail_person(&p->person, ud);
}

static int detail_answer(const struct store_answer *a, void *ud)
{
	struct out *x = ud;
	char val[16];
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	snprintf(val, sizeof val, "%d", a->value);
	f[DCOL_RECORD] = "answer";
	f[DCOL_SESSION] = x->session_uuid;
	f[DCOL_ITEM] = a->item_id;
	f[DCOL_VALUE] = a->value >= 0 ? val : NULL;
	f[DCOL_TEXT] = a->statement;
	f[DCOL_NOTE] = a->note;
	f[DCOL_TIME] = a->answered;
	f[DCOL_NO_OCCASION] = a->no_occasion ? "1" : "0";
	return detail_row(x, f);
}

static int detail_rating(const struct store_rating *r, void *ud)
{
	struct out *x = ud;
	char val[16];
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	snprintf(val, sizeof val, "%d", r->value);
	f[DCOL_RECORD] = "rating";
	f[DCOL_SESSION] = x->session_uuid;
	f[DCOL_ITEM] = r->pillar_id;
	f[DCOL_VALUE] = val;
	f[DCOL_NOTE] = r->note;
	f[DCOL_TIME] = r->rated;
	return detail_row(x, f);
}

static int detail_step(const struct store_ladder_step *st, void *ud)
{
	struct out *x = ud;
	char rung[16];
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	snprintf(rung, sizeof rung, "%d", st->rung);
	f[DCOL_RECORD] = "ladder_step";
	f[DCOL_SESSION] = x->session_uuid;
	f[DCOL_RUNG] = rung;
	f[DCOL_TEXT] = st->answer;
	f[DCOL_TIME] = st->answered;
	return detail_row(x, f);
}

static int detail_commitment(const struct store_export_commitment *ec,
			     void *ud)
{
	struct out *x = ud;
	const struct store_commitment *c = &ec->c;
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	f[DCOL_RECORD] = "commitment";
	f[DCOL_UUID] = c->uuid;
	f[DCOL_PERSON] = ec->person_uuid;
	f[DCOL_SESSION] = ec->session_uuid;
	f[DCOL_STATUS] = store_cstatus_name(c->status);
	f[DCOL_TEXT] = c->what;
	f[DCOL_OWNER] = c->owner;
	f[DCOL_DUE] = c->due;
	f[DCOL_REVIEWED_IN] = ec->reviewed_uuid;
	f[DCOL_OBSTACLE] = c->obstacle;
	f[DCOL_TIME] = c->created;
	f[DCOL_CLOSED] = c->reviewed;
	f[DCOL_HELPED] = c->helped;
	f[DCOL_DIFFERENTLY] = c->differently;
	return detail_row(x, f);
}

static int detail_note(const struct store_note *n, void *ud)
{
	struct out *x = ud;
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	f[DCOL_RECORD] = "note";
	f[DCOL_UUID] = n->uuid;
	f[DCOL_SESSION] = x->session_uuid;
	f[DCOL_TEXT] = n->body;
	f[DCOL_TIME] = n->updated;
	return detail_row(x, f);
}

static int detail_ladder(struct out *x, int64_t id)
{
	struct store_ladder l;
	int found = store_ladder_get(x->s, id, &l, x->err);
	if (found <= 0)
		return found;
	char start[16], reached[16];
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	snprintf(start, sizeof start, "%d", l.start_rung);
	snprintf(reached, sizeof reached, "%d", l.reached_rung);
	f[DCOL_RECORD] = "ladder";
	f[DCOL_SESSION] = x->session_uuid;
	f[DCOL_TEXT] = l.situation;
	f[DCOL_START_RUNG] = start;
	f[DCOL_REACHED_RUNG] = reached;
	f[DCOL_TIME] = l.updated;
	int rc = detail_row(x, f);
	store_ladder_clear(&l);
	if (rc == 0 && store_ladder_steps_each(x->s, id, detail_step, x,
					       x->err))
		rc = -1;
	return rc;
}

static int detail_session(const struct store_session *ses, void *ud)
{
	struct out *x = ud;
	char person[STORE_UUID_SIZE];
	int found = store_person_uuid(x->s, ses->person_id, person, x->err);
	if (found <= 0)
		return found < 0 ? -1
				 : error_set(x->err, ERROR_RUNTIME,
					     "session %s has no person",
					     ses->uuid);
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	f[DCOL_RECORD] = "session";
	f[DCOL_UUID] = ses->uuid;
	f[DCOL_PERSON] = person;
	f[DCOL_KIND] = store_kind_name(ses->kind);
	f[DCOL_COACH] = ses->coach;
	f[DCOL_STATUS] = store_status_name(ses->status);
	f[DCOL_CONTENT_VERSION] = ses->content_version;
	f[DCOL_STEP] = ses->step >= 0 ? store_step_name(ses->step) : NULL;
	f[DCOL_TIME] = ses->started;
	f[DCOL_CLOSED] = ses->completed;
	if (detail_row(x, f))
		return -1;
	memcpy(x->session_uuid, ses->uuid, sizeof x->session_uuid);
	if (store_answers_each(x->s, ses->id, detail_answer, x, x->err) ||
	    store_ratings_each(x->s, ses->id, detail_rating, x, x->err) ||
	    detail_ladder(x, ses->id) ||
	    store_session_commitments_each(x->s, ses->id, detail_commitment,
					   x, x->err) ||
	    store_note_each(x->s, ses->id, detail_note, x, x->err))
		return -1;
	return 0;
}

static int detail_people(struct out *x, int64_t person_id)
{
	if (!person_id)
		return store_people_each(x->s, 1, detail_person_row, x,
					 x->err) ? -1 : 0;
	struct store_person p;
	int found = store_person_get(x->s, person_id, &p, x->err);
	if (found <= 0)
		return found < 0 ? -1
				 : error_set(x->err, ERROR_INPUT,
					     "no person with id %lld",
					     (long long)person_id);
	int rc = detail_person(&p, x);
	store_person_clear(&p);
	return rc;
}

/* ---------------------------------------------------------- the export */

int csvexport_each_session(struct store *s, const struct csvexport_options *o,
			   int (*cb)(const struct store_session *, void *),
			   void *ud, struct error *err)
{
	if (o->session_id) {
		struct store_session ses;
		int found = store_session_get(s, o->session_id, &ses, err);
		if (found <= 0)
			return found < 0 ? -1
					 : error_set(err, ERROR_INPUT,
						     "no session with id %lld",
						     (long long)o->session_id);
		int rc = cb(&ses, ud);
		store_session_clear(&ses);
		return rc;
	}
	struct store_session_filter f = {
		.person_id = o->person_id,
		.since = o->since,
		.until = o->until,
		.status = o->status,
	};
	return store_sessions_filter_each(s, &f, cb, ud, err) ? -1 : 0;
}

static int each_session(struct out *x,
			int (*cb)(const struct store_session *, void *))
{
	return csvexport_each_session(x->s, x->o, cb, x, x->err);
}

/* The person a single-session export writes in its person row. */
static int session_person(struct out *x, int64_t *person_id)
{
	struct store_session ses;
	int found = store_session_get(x->s, x->o->session_id, &ses, x->err);
	if (found <= 0)
		return found < 0 ? -1
				 : error_set(x->err, ERROR_INPUT,
					     "no session with id %lld",
					     (long long)x->o->session_id);
	*person_id = ses.person_id;
	store_session_clear(&ses);
	return 0;
}

static int export_stream(struct out *x)
{
	const struct csvexport_options *o = x->o;
	if (o->bom && fputs("\xef\xbb\xbf", x->w.fp) == EOF)
		return error_errno(x->err, ERROR_RUNTIME, errno,
				   "cannot write CSV");
	if (o->format == CSVEXPORT_SUMMARY)
		return summary_header(x) || each_session(x, summary_row) ? -1
									  : 0;
	if (!x->row_fn && csvfile_write_row(&x->w, csvexport_detail_header,
					    CSVEXPORT_DETAIL_COLUMNS, x->err))
		return -1;
	int64_t person_id = o->person_id;
	if (o->session_id && session_person(x, &person_id))
		return -1;
	if (o->people_only)
		return detail_people(x, person_id);
	if (detail_people(x, person_id) || each_session(x, detail_session))
		return -1;
	/* Team rounds belong to a person, not a session: a one-session
	 * export leaves them out. */
	if (o->session_id)
		return 0;
	return csvexport_team_detail(x->s, person_id, o->since, o->until,
				     detail_row_cb, x, x->err);
}

int csvexport_detail_rows(struct store *s, const struct csvexport_options *o,
			  csvexport_row_fn fn, void *ud, struct error *err)
{
	struct csvexport_options d = *o;
	d.format = CSVEXPORT_DETAIL;
	d.bom = 0;
	struct out *x = calloc(1, sizeof *x);
	if (!x)
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "exporting");
	x->s = s;
	x->o = &d;
	x->err = err;
	x->row_fn = fn;
	x->row_ud = ud;
	sessionfacts_init(&x->facts);
	teamview_cache_init(&x->rounds);
	int reading = 0;
	int rc = store_read_begin(s, &reading, err);
	if (rc == 0)
		rc = export_stream(x);
	store_read_end(s, reading);
	sessionfacts_free(&x->facts);
	teamview_cache_free(&x->rounds);
	free(x->scratch);
	free(x);
	return rc;
}

int csvexport_check_target(struct store *s, const char *path,
			   struct error *err)
{
	return csvexport_file_not_db(path, store_path(s), err);
}

int csvexport_write(struct store *s, const struct content *c,
		    const struct csvexport_options *o, const char *path,
		    FILE *fp, size_t *rows, struct error *err)
{
	struct csvexport_file file;
	struct out x = {
		.s = s,
		.c = c,
		.o = o,
		.err = err,
		.raw = o->raw,
	};
	if (rows)
		*rows = 0;
	if (o->format == CSVEXPORT_SUMMARY && c->centre >= c->npillars)
		return error_set(err, ERROR_INPUT,
				 "the content has no centre pillar");
	if (path) {
		if (csvexport_check_target(s, path, err) ||
		    csvexport_file_open(&file, path, CSVEXPORT_FILE_STREAM,
					err))
			return -1;
		fp = file.fp;
	}
	sessionfacts_init(&x.facts);
	teamview_cache_init(&x.rounds);
	csvfile_writer_init(&x.w, fp);
	int reading = 0;
	int rc = store_read_begin(s, &reading, err);
	if (rc == 0)
		rc = export_stream(&x);
	if (rc == 0)
		rc = csvfile_writer_flush(&x.w, err);
	store_read_end(s, reading);
	int werr = rc && ferror(fp) ? errno : 0;
	sessionfacts_free(&x.facts);
	teamview_cache_free(&x.rounds);
	free(x.scratch);
	if (path)
		rc = csvexport_file_close(&file, rc == 0, werr, err);
	else if (werr)
		rc = error_write(err, "standard output", werr,
				 "writing the export");
	else if (rc == 0 && (fflush(fp) == EOF || ferror(fp)))
		rc = error_write(err, "standard output", errno,
				 "writing the export");
	if (rc == 0 && rows)
		*rows = x.rows;
	return rc;
}
