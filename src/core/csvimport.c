/* csvimport.c - a detail export read back, checked and merged.
 *
 * One pass: each record is checked as it is parsed and, while the file
 * is still clean, written into the open transaction.  After the first
 * problem nothing more is written, but checking goes on so the user gets
 * every problem at once; the transaction is then rolled back.  Rows are
 * written through the store's usual functions (the same checks as the
 * screens), except the few the store offers for import.
 */
#include "config.h"

#include "core/csvimport.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvexport.h"
#include "core/csvfile.h"
#include "core/dates.h"
#include "core/store_export.h"

#define BIT(c) (1u << (c))

/* A uuid in the file and the row id it became here. */
struct uuid_id {
	char uuid[STORE_UUID_SIZE];
	int64_t id;
};

/* A follow-up link to make once every session is in. */
struct pending_review {
	int64_t commitment;
	char session[STORE_UUID_SIZE];
};

struct imp {
	struct store *s;
	const char *name;
	csvimport_diag_fn diag;
	void *ud;
	struct csvimport_counts *n;
	struct error *err; /* a system failure: stops everything */
	size_t problems;
	int header_seen;
	int failed; /* a system failure happened */

	struct uuid_id *people; /* file person uuid -> person id */
	size_t npeople, people_cap;
	struct pending_review *reviews;
	size_t nreviews, reviews_cap;

	/* The session the rows below belong to. */
	char session_uuid[STORE_UUID_SIZE];
	int64_t session_id;
	int64_t session_person;
	int session_skip; /* already here: its rows are skipped */
	int session_bad;  /* its row had problems: no writes below it */
};

static void problem(struct imp *im, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct imp *im, unsigned long line, const char *fmt, ...)
{
	char msg[ERROR_MSG_MAX + 256];
	int n = snprintf(msg, sizeof msg, "%s:%lu: ", im->name, line);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	im->problems++;
	if (im->diag)
		im->diag(msg, im->ud);
}

/* A store call failed: input problems are the row's, anything else ends
 * the import. */
static int store_problem(struct imp *im, unsigned long line,
			 struct error *e)
{
	if (e->kind == ERROR_INPUT) {
		problem(im, line, "%s", e->msg);
		return 0;
	}
	*im->err = *e;
	im->failed = 1;
	return -1;
}

static int grow(void **buf, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return 0;
	size_t want = *cap ? *cap * 2 : 16;
	void *p = realloc(*buf, want * sz);
	if (!p)
		return -1;
	*buf = p;
	*cap = want;
	return 0;
}

static int oom(struct imp *im)
{
	error_errno(im->err, ERROR_RUNTIME, ENOMEM, "%s", im->name);
	im->failed = 1;
	return -1;
}

/* ---------------------------------------------------------- field rules */

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in lower-case hex, as made by
 * store_uuid. */
static int uuid_ok(const char *u)
{
	for (int i = 0; i < 36; i++) {
		char ch = u[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (ch != '-')
				return 0;
		} else if (!((ch >= '0' && ch <= '9') ||
			     (ch >= 'a' && ch <= 'f'))) {
			return 0;
		}
	}
	return u[36] == '\0';
}

/* A decimal integer lo..hi and nothing else. */
static int int_in(const char *v, int lo, int hi, int *out)
{
	if (!*v || strlen(v) > 6)
		return 0;
	int x = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		x = x * 10 + (*p - '0');
	}
	if (x < lo || x > hi)
		return 0;
	*out = x;
	return 1;
}

enum rtype {
	R_PERSON,
	R_SESSION,
	R_ANSWER,
	R_RATING,
	R_LADDER,
	R_STEP,
	R_COMMITMENT,
	R_NOTE,
	R_COUNT
};

/* Which columns each record type must fill and which it may fill; all
 * others must be empty, so a row shifted by a column is caught. */
static const struct {
	const char *name;
	unsigned required;
	unsigned optional;
} rtypes[R_COUNT] = {
	[R_PERSON] = {"person",
		      BIT(DCOL_UUID) | BIT(DCOL_NAME) | BIT(DCOL_ARCHIVED) |
			      BIT(DCOL_TIME),
		      BIT(DCOL_ROLE) | BIT(DCOL_TEAM)},
	[R_SESSION] = {"session",
		       BIT(DCOL_UUID) | BIT(DCOL_PERSON) | BIT(DCOL_KIND) |
			       BIT(DCOL_STATUS) | BIT(DCOL_TIME),
		       BIT(DCOL_COACH) | BIT(DCOL_CONTENT_VERSION) |
			       BIT(DCOL_STEP) | BIT(DCOL_CLOSED)},
	[R_ANSWER] = {"answer",
		      BIT(DCOL_SESSION) | BIT(DCOL_ITEM) | BIT(DCOL_TIME),
		      BIT(DCOL_VALUE) | BIT(DCOL_TEXT) | BIT(DCOL_NOTE)},
	[R_RATING] = {"rating",
		      BIT(DCOL_SESSION) | BIT(DCOL_ITEM) | BIT(DCOL_VALUE) |
			      BIT(DCOL_TIME),
		      BIT(DCOL_NOTE)},
	[R_LADDER] = {"ladder",
		      BIT(DCOL_SESSION) | BIT(DCOL_START_RUNG) |
			      BIT(DCOL_REACHED_RUNG) | BIT(DCOL_TIME),
		      BIT(DCOL_TEXT)},
	[R_STEP] = {"ladder_step",
		    BIT(DCOL_SESSION) | BIT(DCOL_RUNG) | BIT(DCOL_TIME),
		    BIT(DCOL_TEXT)},
	[R_COMMITMENT] = {"commitment",
			  BIT(DCOL_UUID) | BIT(DCOL_PERSON) |
				  BIT(DCOL_SESSION) | BIT(DCOL_STATUS) |
				  BIT(DCOL_TEXT) | BIT(DCOL_TIME),
			  BIT(DCOL_OWNER) | BIT(DCOL_DUE) |
				  BIT(DCOL_REVIEWED_IN) | BIT(DCOL_OBSTACLE) |
				  BIT(DCOL_CLOSED)},
	[R_NOTE] = {"note",
		    BIT(DCOL_UUID) | BIT(DCOL_SESSION) | BIT(DCOL_TEXT) |
			    BIT(DCOL_TIME),
		    0},
};

/* A row's fields by column, with the numbers checked on the way. */
struct row {
	unsigned long line;
	enum rtype type;
	const char *f[CSVEXPORT_DETAIL_COLUMNS];
	int value, start, reached, rung, archived, kind, status, step;
};

/* The field of column c, or NULL when empty (optional text). */
static const char *opt(const struct row *r, int c)
{
	return r->f[c][0] ? r->f[c] : NULL;
}

static void check_presence(struct imp *im, const struct row *r, int *bad)
{
	unsigned req = rtypes[r->type].required;
	unsigned ok = req | rtypes[r->type].optional | BIT(DCOL_RECORD);
	for (int c = 1; c < CSVEXPORT_DETAIL_COLUMNS; c++) {
		const char *name = csvexport_detail_header[c];
		if (r->f[c][0] && !(ok & BIT(c))) {
			problem(im, r->line, "%s row: column \"%s\" must be "
				"empty", rtypes[r->type].name, name);
			*bad = 1;
		} else if (!r->f[c][0] && (req & BIT(c))) {
			problem(im, r->line, "%s row: column \"%s\" is required",
				rtypes[r->type].name, name);
			*bad = 1;
		}
	}
}

/* Checks the format of every filled column. */
static void check_formats(struct imp *im, struct row *r, int *bad)
{
	static const int uuids[] = {DCOL_UUID, DCOL_PERSON, DCOL_SESSION,
				    DCOL_REVIEWED_IN};
	for (size_t i = 0; i < sizeof uuids / sizeof *uuids; i++) {
		const char *v = r->f[uuids[i]];
		if (v[0] && !uuid_ok(v)) {
			problem(im, r->line, "column \"%s\": \"%.40s\" is "
				"not a uuid",
				csvexport_detail_header[uuids[i]], v);
			*bad = 1;
		}
	}
	static const int times[] = {DCOL_TIME, DCOL_CLOSED};
	for (size_t i = 0; i < 2; i++) {
		const char *v = r->f[times[i]];
		if (v[0] && !dates_valid_ts(v)) {
			problem(im, r->line, "column \"%s\": bad time "
				"\"%.40s\" (want YYYY-MM-DDTHH:MM:SSZ)",
				csvexport_detail_header[times[i]], v);
			*bad = 1;
		}
	}
	const char *due = r->f[DCOL_DUE];
	if (due[0] && !dates_valid_day(due)) {
		problem(im, r->line, "column \"due\": bad date \"%.40s\" (want "
			"YYYY-MM-DD)", due);
		*bad = 1;
	}
}

/* Parses a number column when filled; says what range it wants. */
static void check_int(struct imp *im, struct row *r, int c, int lo, int hi,
		      int *out, int *bad)
{
	if (!r->f[c][0])
		return;
	if (!int_in(r->f[c], lo, hi, out)) {
		problem(im, r->line, "column \"%s\": \"%.40s\" is not a whole "
			"number from %d to %d",
			csvexport_detail_header[c], r->f[c], lo, hi);
		*bad = 1;
	}
}

/* Parses a name column (kind, status, step) with a store name table. */
static void check_name(struct imp *im, struct row *r, int c,
		       int (*parse)(const char *), int *out, int *bad)
{
	if (!r->f[c][0])
		return;
	*out = parse(r->f[c]);
	if (*out < 0) {
		problem(im, r->line, "column \"%s\": unknown value \"%.40s\"",
			csvexport_detail_header[c], r->f[c]);
		*bad = 1;
	}
}

static int session_status_parse(const char *v)
{
	return store_status_parse(v);
}

static void check_values(struct imp *im, struct row *r, int *bad)
{
	r->value = -1;
	r->step = -1;
	/* Answers run 0..4 on the frequency scale, ratings 1..5. */
	int lo = r->type == R_RATING ? 1 : 0;
	int hi = r->type == R_RATING ? 5 : 4;
	check_int(im, r, DCOL_VALUE, lo, hi, &r->value, bad);
	check_int(im, r, DCOL_ARCHIVED, 0, 1, &r->archived, bad);
	check_int(im, r, DCOL_START_RUNG, STORE_RUNG_MIN, STORE_RUNG_MAX,
		  &r->start, bad);
	check_int(im, r, DCOL_REACHED_RUNG, STORE_RUNG_MIN, STORE_RUNG_MAX,
		  &r->reached, bad);
	check_int(im, r, DCOL_RUNG, STORE_RUNG_MIN, STORE_RUNG_MAX, &r->rung,
		  bad);
	check_name(im, r, DCOL_KIND, store_kind_parse, &r->kind, bad);
	check_name(im, r, DCOL_STATUS,
		   r->type == R_COMMITMENT ? store_cstatus_parse
					   : session_status_parse,
		   &r->status, bad);
	check_name(im, r, DCOL_STEP, store_step_parse, &r->step, bad);
	if (r->type == R_LADDER && !*bad && r->reached < r->start) {
		problem(im, r->line, "the reached rung (%d) is below the "
			"start rung (%d)", r->reached, r->start);
		*bad = 1;
	}
}

/* --------------------------------------------------------------- people */

/* The person a file uuid stands for: one imported (or matched) above,
 * else one already in the database.  1 found, 0 not, -1 failure. */
static int person_of(struct imp *im, const char *uuid, int64_t *id)
{
	for (size_t i = 0; i < im->npeople; i++) {
		if (strcmp(im->people[i].uuid, uuid) == 0) {
			*id = im->people[i].id;
			return 1;
		}
	}
	struct error e = {0};
	int r = store_person_find_uuid(im->s, uuid, id, &e);
	if (r < 0)
		return store_problem(im, 0, &e) < 0 ? -1 : 0;
	return r;
}

static int remember_person(struct imp *im, const char *uuid, int64_t id)
{
	if (grow((void **)&im->people, &im->people_cap, im->npeople + 1,
		 sizeof *im->people))
		return oom(im);
	struct uuid_id *p = &im->people[im->npeople++];
	memcpy(p->uuid, uuid, sizeof p->uuid);
	p->id = id;
	return 0;
}

static int apply_person(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	int64_t id = 0;
	for (size_t i = 0; i < im->npeople; i++) {
		if (strcmp(im->people[i].uuid, uuid) == 0) {
			problem(im, r->line, "person %s appears twice", uuid);
			return 0;
		}
	}
	if (!writing)
		return remember_person(im, uuid, 0);
	struct error e = {0};
	int found = store_person_find(im->s, r->f[DCOL_NAME], &id, &e);
	if (found == 0)
		found = store_person_find_uuid(im->s, uuid, &id, &e);
	if (found < 0)
		return store_problem(im, r->line, &e);
	if (found) {
		im->n->people_skipped++;
		return remember_person(im, uuid, id);
	}
	struct store_person p = {
		.name = r->f[DCOL_NAME],
		.role = opt(r, DCOL_ROLE),
		.team = opt(r, DCOL_TEAM),
		.created = r->f[DCOL_TIME],
		.archived = r->archived,
	};
	memcpy(p.uuid, uuid, sizeof p.uuid);
	if (store_person_add(im->s, &p, &e))
		return store_problem(im, r->line, &e);
	im->n->people_added++;
	return remember_person(im, uuid, p.id);
}

/* ------------------------------------------------------------- sessions */

static int apply_session(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	memcpy(im->session_uuid, uuid, sizeof im->session_uuid);
	im->session_id = 0;
	im->session_skip = 0;
	im->session_bad = 1; /* until it is known to be fine */
	int64_t person = 0;
	int found = person_of(im, r->f[DCOL_PERSON], &person);
	if (found < 0)
		return -1;
	if (!found) {
		problem(im, r->line, "session %s: its person %s is neither in "
			"a person row above nor in the database",
			uuid, r->f[DCOL_PERSON]);
		return 0;
	}
	im->session_bad = 0;
	im->session_person = person;
	if (!writing)
		return 0;
	struct error e = {0};
	found = store_session_find_uuid(im->s, uuid, &im->session_id, &e);
	if (found < 0)
		return store_problem(im, r->line, &e);
	if (found) {
		im->session_skip = 1;
		im->n->sessions_skipped++;
		return 0;
	}
	struct store_session ses = {
		.person_id = person,
		.kind = (enum store_kind)r->kind,
		.coach = opt(r, DCOL_COACH),
		.started = r->f[DCOL_TIME],
		.completed = opt(r, DCOL_CLOSED),
		.status = (enum store_status)r->status,
		.content_version = r->f[DCOL_CONTENT_VERSION],
		.step = r->step,
	};
	memcpy(ses.uuid, uuid, sizeof ses.uuid);
	if (store_session_add(im->s, &ses, &e)) {
		im->session_bad = 1;
		return store_problem(im, r->line, &e);
	}
	im->session_id = ses.id;
	im->n->sessions_added++;
	return 0;
}

/* Rows inside a session follow their session row. */
static int in_session(struct imp *im, const struct row *r)
{
	const char *want = r->f[DCOL_SESSION];
	if (!im->session_uuid[0]) {
		problem(im, r->line, "%s row: no session row above it",
			rtypes[r->type].name);
		return 0;
	}
	if (strcmp(want, im->session_uuid) != 0) {
		problem(im, r->line, "%s row: it belongs to session %s, but "
			"the session row above it is %s",
			rtypes[r->type].name, want, im->session_uuid);
		return 0;
	}
	return 1;
}

/* The id of the session a commitment's follow-up happened in: known
 * now, or to be linked at the end. */
static int reviewed_in(struct imp *im, const char *uuid, int64_t *id,
		       unsigned long line)
{
	struct error e = {0};
	*id = 0;
	int found = store_session_find_uuid(im->s, uuid, id, &e);
	if (found < 0)
		return store_problem(im, line, &e);
	return found;
}

static int apply_commitment(struct imp *im, const struct row *r)
{
	struct error e = {0};
	int64_t id = 0, person = 0, review = 0;
	int found = store_commitment_find_uuid(im->s, r->f[DCOL_UUID], &id,
					       &e);
	if (found < 0)
		return store_problem(im, r->line, &e);
	if (found || im->session_skip) {
		im->n->commitments_skipped++;
		return 0;
	}
	if ((found = person_of(im, r->f[DCOL_PERSON], &person)) <= 0) {
		if (found == 0)
			problem(im, r->line, "commitment %s: its person %s is "
				"neither in a person row above nor in the "
				"database",
				r->f[DCOL_UUID], r->f[DCOL_PERSON]);
		return found;
	}
	const char *rs = opt(r, DCOL_REVIEWED_IN);
	int linked = 0;
	if (rs && (linked = reviewed_in(im, rs, &review, r->line)) < 0)
		return -1;
	struct store_commitment c = {
		.person_id = person,
		.session_id = im->session_id,
		.what = r->f[DCOL_TEXT],
		.owner = opt(r, DCOL_OWNER),
		.due = opt(r, DCOL_DUE),
		.status = (enum store_cstatus)r->status,
		.reviewed_session_id = review,
		.obstacle = opt(r, DCOL_OBSTACLE),
		.created = r->f[DCOL_TIME],
		.reviewed = opt(r, DCOL_CLOSED),
	};
	memcpy(c.uuid, r->f[DCOL_UUID], sizeof c.uuid);
	if (store_commitment_add(im->s, &c, &e))
		return store_problem(im, r->line, &e);
	im->n->commitments_added++;
	if (rs && !linked) {
		if (grow((void **)&im->reviews, &im->reviews_cap,
			 im->nreviews + 1, sizeof *im->reviews))
			return oom(im);
		struct pending_review *p = &im->reviews[im->nreviews++];
		p->commitment = c.id;
		memcpy(p->session, rs, sizeof p->session);
	}
	return 0;
}

/* A row that lives inside the current session. */
static int apply_inner(struct imp *im, const struct row *r, int writing)
{
	if (!in_session(im, r))
		return 0;
	if (!writing || im->session_bad)
		return 0;
	if (r->type == R_COMMITMENT)
		return apply_commitment(im, r);
	if (im->session_skip)
		return 0;
	struct error e = {0};
	int rc = 0;
	int64_t sid = im->session_id;
	switch (r->type) {
	case R_ANSWER: {
		struct store_answer a = {sid, r->f[DCOL_ITEM], r->f[DCOL_TEXT],
					 r->value, opt(r, DCOL_NOTE),
					 r->f[DCOL_TIME]};
		rc = store_answer_save(im->s, &a, &e);
		break;
	}
	case R_RATING: {
		struct store_rating a = {sid, r->f[DCOL_ITEM], r->value,
					 opt(r, DCOL_NOTE), r->f[DCOL_TIME]};
		rc = store_rating_save(im->s, &a, &e);
		break;
	}
	case R_LADDER: {
		struct store_ladder l = {sid, r->f[DCOL_TEXT], r->start,
					 r->reached, r->f[DCOL_TIME]};
		rc = store_ladder_save(im->s, &l, &e);
		break;
	}
	case R_STEP: {
		struct store_ladder_step st = {sid, r->rung, r->f[DCOL_TEXT],
					       r->f[DCOL_TIME]};
		rc = store_ladder_step_put(im->s, &st, &e);
		break;
	}
	case R_NOTE: {
		struct store_note n = {.session_id = sid,
				       .body = r->f[DCOL_TEXT],
				       .updated = r->f[DCOL_TIME]};
		memcpy(n.uuid, r->f[DCOL_UUID], sizeof n.uuid);
		rc = store_note_put(im->s, &n, &e);
		break;
	}
	default:
		break;
	}
	return rc ? store_problem(im, r->line, &e) : 0;
}

/* ------------------------------------------------------------- records */

static int check_header(struct imp *im, const struct csvfile_record *rec)
{
	im->header_seen = 1;
	for (size_t i = 0; i < CSVEXPORT_DETAIL_COLUMNS; i++) {
		const char *got = i < rec->nfields ? rec->fields[i].data : "";
		if (i >= rec->nfields ||
		    strcmp(got, csvexport_detail_header[i]) != 0) {
			problem(im, rec->line, "not an `ownit export --detail` "
				"file: header column %zu is \"%.40s\", "
				"expected \"%s\"",
				i + 1, got, csvexport_detail_header[i]);
			return 1;
		}
	}
	if (rec->nfields != CSVEXPORT_DETAIL_COLUMNS) {
		problem(im, rec->line, "not an `ownit export --detail` file: "
			"the header has %zu columns, expected %d",
			rec->nfields, CSVEXPORT_DETAIL_COLUMNS);
		return 1;
	}
	return 0;
}

static int on_record(const struct csvfile_record *rec, void *ctx,
		     struct error *err)
{
	struct imp *im = ctx;
	(void)err;
	if (!im->header_seen)
		return check_header(im, rec);
	im->n->rows++;
	if (rec->nfields != CSVEXPORT_DETAIL_COLUMNS) {
		problem(im, rec->line, "%zu fields, expected %d",
			rec->nfields, CSVEXPORT_DETAIL_COLUMNS);
		return 0;
	}
	struct row r = {.line = rec->line};
	for (int c = 0; c < CSVEXPORT_DETAIL_COLUMNS; c++)
		r.f[c] = rec->fields[c].data;
	int t;
	for (t = 0; t < R_COUNT; t++)
		if (strcmp(r.f[DCOL_RECORD], rtypes[t].name) == 0)
			break;
	if (t == R_COUNT) {
		problem(im, rec->line, "unknown record type \"%.40s\"",
			r.f[DCOL_RECORD]);
		return 0;
	}
	r.type = (enum rtype)t;
	int bad = 0;
	check_presence(im, &r, &bad);
	check_formats(im, &r, &bad);
	check_values(im, &r, &bad);
	if (bad) {
		if (r.type == R_SESSION) {
			/* Its rows are checked against it, not written. */
			snprintf(im->session_uuid, sizeof im->session_uuid,
				 "%s", r.f[DCOL_UUID]);
			im->session_bad = 1;
		}
		return 0;
	}
	int writing = im->problems == 0;
	int rc;
	if (r.type == R_PERSON)
		rc = apply_person(im, &r, writing);
	else if (r.type == R_SESSION)
		rc = apply_session(im, &r, writing);
	else
		rc = apply_inner(im, &r, writing);
	return rc < 0 ? -1 : 0;
}

/* Links the follow-ups whose session came later in the file. */
static int link_reviews(struct imp *im)
{
	for (size_t i = 0; i < im->nreviews; i++) {
		struct error e = {0};
		int64_t sid = 0;
		int found = store_session_find_uuid(im->s, im->reviews[i].session,
						    &sid, &e);
		if (found > 0)
			found = store_commitment_set_reviewed_in(
					im->s, im->reviews[i].commitment, sid,
					&e)
				? -1 : 1;
		if (found < 0) {
			*im->err = e;
			return -1;
		}
	}
	return 0;
}

typedef int (*feed_fn)(struct csvfile_reader *r, void *src,
		       struct error *err);

static int run(struct store *s, const char *name, feed_fn feed, void *src,
	       csvimport_diag_fn diag, void *ud,
	       struct csvimport_counts *counts, struct error *err)
{
	struct csvimport_counts local;
	struct imp im = {.s = s, .name = name, .diag = diag, .ud = ud,
			 .n = counts ? counts : &local, .err = err};
	memset(im.n, 0, sizeof *im.n);
	struct csvfile_reader *rd = csvfile_reader_new(name, on_record, &im,
						       err);
	if (!rd)
		return -1;
	if (store_tx_begin(s, err)) {
		csvfile_reader_free(rd);
		return -1;
	}
	struct error perr = {0};
	int rc = feed(rd, src, &perr);
	csvfile_reader_free(rd);
	if (rc < 0 && !im.failed) {
		if (perr.kind == ERROR_RUNTIME) {
			error_set(err, ERROR_RUNTIME, "%s: %s", name, perr.msg);
			im.failed = 1;
		} else {
			/* A CSV syntax error: reading cannot go on. */
			im.problems++;
			if (diag)
				diag(perr.msg, ud);
		}
	}
	if (!im.failed && !im.problems && !im.header_seen)
		problem(&im, 1, "empty file: no header row");
	if (!im.failed && !im.problems && link_reviews(&im))
		im.failed = 1;
	free(im.people);
	free(im.reviews);
	if (im.failed || im.problems) {
		store_tx_rollback(s);
		if (!im.failed)
			error_set(err, ERROR_INPUT, "%s: %zu %s; nothing was "
				  "imported", name, im.problems,
				  im.problems == 1 ? "problem" : "problems");
		memset(im.n, 0, sizeof *im.n);
		return -1;
	}
	return store_tx_commit(s, err);
}

static int feed_stream(struct csvfile_reader *r, void *src,
		       struct error *err)
{
	FILE *fp = src;
	char buf[64 * 1024];
	for (;;) {
		size_t n = fread(buf, 1, sizeof buf, fp);
		if (n && csvfile_reader_feed(r, buf, n, err))
			return -1;
		if (n < sizeof buf) {
			if (ferror(fp))
				return error_errno(err, ERROR_RUNTIME, errno,
						   "read failed");
			return csvfile_reader_finish(r, err);
		}
	}
}

struct mem_src {
	const void *buf;
	size_t len;
};

static int feed_mem(struct csvfile_reader *r, void *src, struct error *err)
{
	struct mem_src *m = src;
	if (csvfile_reader_feed(r, m->buf, m->len, err))
		return -1;
	return csvfile_reader_finish(r, err);
}

int csvimport_stream(struct store *s, const char *name, FILE *fp,
		     csvimport_diag_fn diag, void *ud,
		     struct csvimport_counts *counts, struct error *err)
{
	return run(s, name, feed_stream, fp, diag, ud, counts, err);
}

int csvimport_mem(struct store *s, const char *name, const void *buf,
		  size_t len, csvimport_diag_fn diag, void *ud,
		  struct csvimport_counts *counts, struct error *err)
{
	struct mem_src m = {buf, len};
	return run(s, name, feed_mem, &m, diag, ud, counts, err);
}
