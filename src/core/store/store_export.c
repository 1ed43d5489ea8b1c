/* store_export.c - the queries behind export, import and the report. */
#include "config.h"

#include "core/store/store_export.h"

#include <stdio.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/coaching/score.h"
#include "core/store/store_int.h"

/* Counts the rows of a lookup, keeping the first one's id. */
struct prefix_match {
	int64_t *id;
	int n;
};

static int prefix_row(sqlite3_stmt *st, void *ctx)
{
	struct prefix_match *m = ctx;
	if (m->n++ == 0)
		*m->id = sqlite3_column_int64(st, 0);
	return 0;
}

int store_session_find_prefix(struct store *s, const char *prefix,
			      int64_t *id, struct error *err)
{
	/* uuids are written in lower case; the prefix is matched on the
	 * same terms whatever the user typed. */
	static const char sql[] = "SELECT id FROM session "
				  "WHERE substr(uuid, 1, ?2) = lower(?1) "
				  "ORDER BY id LIMIT 2";
	const char *doing = "finding a session";
	size_t len = strlen(prefix);
	if (len == 0 || len >= STORE_UUID_SIZE)
		return 0;
	sqlite3_stmt *st = store_stmt_for_text(s, sql, prefix, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 2, (int)len);
	struct prefix_match m = {id, 0};
	return store_rows_each(s, st, prefix_row, &m, doing, err) ? -1 : m.n;
}

int store_read_begin(struct store *s, int *started, struct error *err)
{
	/* Inside a transaction already (an import comparing what it holds)
	 * the reads share that one. */
	*started = 0;
	if (!sqlite3_get_autocommit(s->db))
		return 0;
	if (store_exec(s, "BEGIN", "starting to read", err))
		return -1;
	*started = 1;
	return 0;
}

void store_read_end(struct store *s, int started)
{
	if (started && !sqlite3_get_autocommit(s->db) &&
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The earlier commitments whose follow-up counts for session ?1: those
 * reviewed in its follow-up step, and those reviewed outside any session
 * within its span ?2..?3 ("" an open end; store_session_review_span). */
#define REVIEWED_FOR_SESSION                                                  \
	"c.session_id <> ?1 AND (c.reviewed_session_id = ?1 "                \
	"OR (c.reviewed_session_id IS NULL AND c.status <> 'open' "          \
	"AND c.person_id = (SELECT person_id FROM session WHERE id = ?1) "   \
	"AND (?2 = '' OR c.reviewed >= ?2) "                                 \
	"AND (?3 = '' OR c.reviewed < ?3))) "

/* The follow-up span from the neighbours' times (score_review_boundary):
 * prev is NULL without an earlier session, else its completion or "" when
 * it was never completed. */
static void span_from_row(sqlite3_stmt *st, struct store_session_extra *x)
{
	const char *started = store_col_text(st, 6),
		   *completed = store_col_text(st, 7);
	const char *prev = store_col_text(st, 8), *next = store_col_text(st, 9);
	const char *from = prev ? score_review_boundary(*prev ? prev : NULL,
							  started)
				: NULL;
	const char *until = score_review_boundary(completed, next);
	snprintf(x->span_from, sizeof x->span_from, "%s", from ? from : "");
	snprintf(x->span_until, sizeof x->span_until, "%s",
		 until ? until : "");
}

struct extra_each {
	int (*cb)(const struct store_session_extra *, void *);
	void *ud;
};

static int extra_row(sqlite3_stmt *st, void *ctx)
{
	const struct extra_each *e = ctx;
	struct store_session_extra x = {
		.situation = store_col_text(st, 0),
		.start_rung = sqlite3_column_int(st, 1),
		.reached_rung = sqlite3_column_int(st, 2),
		.note = store_col_text(st, 3),
		.made = sqlite3_column_int(st, 4),
		.person_id = sqlite3_column_int64(st, 5),
	};
	span_from_row(st, &x);
	return e->cb(&x, e->ud);
}

int store_session_extra_each(struct store *s, int64_t id,
			     int (*cb)(const struct store_session_extra *,
				       void *),
			     void *ud, struct error *err)
{
	/* One row per session, each part from an index that starts with
	 * the session; the neighbours come from session_by_person, whose
	 * (person_id, started, rowid) the row values seek straight to
	 * (an OR of the two comparisons would walk all the person's
	 * sessions). */
	static const char sql[] =
		"SELECT l.situation, l.start_rung, l.reached_rung, n.body, "
		"(SELECT count(*) FROM commitment WHERE session_id = s.id), "
		"s.person_id, s.started, s.completed, "
		"(SELECT coalesce(o.completed, '') FROM session o "
		" WHERE o.person_id = s.person_id "
		" AND (o.started, o.id) < (s.started, s.id) "
		" ORDER BY o.started DESC, o.id DESC LIMIT 1), "
		"(SELECT o.started FROM session o "
		" WHERE o.person_id = s.person_id "
		" AND (o.started, o.id) > (s.started, s.id) "
		" ORDER BY o.started, o.id LIMIT 1) "
		"FROM session s "
		"LEFT JOIN ladder l ON l.session_id = s.id "
		"LEFT JOIN note n ON n.session_id = s.id "
		"WHERE s.id = ?1";
	const char *doing = "reading a session's ladder, note and commitments";
	struct extra_each e = {cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_rows_each(s, st, extra_row, &e, doing, err) : -1;
}

struct scored_each {
	int (*cb)(const struct store_scored *, void *);
	void *ud;
};

static int scored_row(sqlite3_stmt *st, void *ctx)
{
	const struct scored_each *e = ctx;
	struct store_scored x = {
		.rating = sqlite3_column_int(st, 0),
		.id = store_col_text(st, 1),
		.value = sqlite3_column_type(st, 2) == SQLITE_NULL
				 ? -1
				 : sqlite3_column_int(st, 2),
		.no_occasion = sqlite3_column_int(st, 3),
	};
	return e->cb(&x, e->ud);
}

int store_session_scored_each(struct store *s, int64_t id,
			      int (*cb)(const struct store_scored *, void *),
			      void *ud, struct error *err)
{
	/* Both halves read an index that starts with the session; a note
	 * without a value or "no occasion" scores nothing and is left in
	 * the file. */
	static const char sql[] =
		"SELECT 0, item_id, value, no_occasion FROM answer "
		"WHERE session_id = ?1 AND (value IS NOT NULL OR no_occasion) "
		"UNION ALL "
		"SELECT 1, pillar_id, value, 0 FROM rating WHERE session_id = ?1";
	const char *doing = "reading a session's answers and ratings";
	struct scored_each e = {cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_rows_each(s, st, scored_row, &e, doing, err) : -1;
}

struct followups_each {
	int (*cb)(const struct store_followup *, void *);
	void *ud;
};

static int followup_row(sqlite3_stmt *st, void *ctx)
{
	const struct followups_each *e = ctx;
	int status = store_cstatus_parse(store_col_text(st, 0));
	struct store_followup f = {
		.status = status < 0 ? STORE_C_OPEN
				     : (enum store_cstatus)status,
		.owner = store_col_text(st, 1),
		.due = store_col_text(st, 2),
		.reviewed = store_col_text(st, 3),
		.person_name = store_col_text(st, 4),
	};
	return e->cb(&f, e->ud);
}

int store_session_followups_each(struct store *s,
				 const struct store_session_extra *x,
				 int64_t id,
				 int (*cb)(const struct store_followup *,
					   void *),
				 void *ud, struct error *err)
{
	/* The two ways a follow-up counts, each through its own index
	 * (commitment_by_review, commitment_followed_outside) and added up
	 * whatever their order, so neither an OR over two indexes nor a
	 * sort per session. */
	static const char sql[] =
		"SELECT c.status, c.owner, c.due, c.reviewed, p.name "
		"FROM commitment c JOIN person p ON p.id = c.person_id "
		"WHERE c.reviewed_session_id = ?1 AND c.session_id <> ?1 "
		"UNION ALL "
		"SELECT c.status, c.owner, c.due, c.reviewed, p.name "
		"FROM commitment c JOIN person p ON p.id = c.person_id "
		"WHERE c.person_id = ?4 AND c.reviewed_session_id IS NULL "
		"AND c.status <> 'open' AND c.session_id <> ?1 "
		"AND (?2 = '' OR c.reviewed >= ?2) "
		"AND (?3 = '' OR c.reviewed < ?3)";
	const char *doing = "reading a session's follow-ups";
	struct followups_each e = {cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 2, x->span_from);
	store_bind_text(st, 3, x->span_until);
	sqlite3_bind_int64(st, 4, x->person_id);
	return store_rows_each(s, st, followup_row, &e, doing, err);
}

#define EXPORT_COMMITMENT_COLUMNS                                             \
	COMMITMENT_COLUMNS ", p.uuid, ms.uuid, rs.uuid"
#define EXPORT_COMMITMENT_FROM                                                \
	" FROM commitment c JOIN person p ON p.id = c.person_id "            \
	"JOIN session ms ON ms.id = c.session_id "                           \
	"LEFT JOIN session rs ON rs.id = c.reviewed_session_id "

struct commitments_each {
	int (*cb)(const struct store_export_commitment *, void *);
	void *ud;
};

static int commitment_row(sqlite3_stmt *st, void *ctx)
{
	const struct commitments_each *e = ctx;
	struct store_export_commitment x;
	store_commitment_from_row(st, &x.c);
	x.person_uuid = store_col_text(st, 16);
	x.session_uuid = store_col_text(st, 17);
	x.reviewed_uuid = store_col_text(st, 18);
	return e->cb(&x, e->ud);
}

/* Runs a listing of session id; spanned when the query also takes the
 * session's follow-up span as ?2 and ?3. */
static int commitments_run(
	struct store *s, const char *sql, int64_t id, int spanned,
	int (*cb)(const struct store_export_commitment *, void *), void *ud,
	struct error *err)
{
	const char *doing = "listing a session's commitments";
	char today[DATES_DAY_SIZE];
	char from[STORE_TIME_SIZE] = "", until[STORE_TIME_SIZE] = "";
	dates_today(today);
	if (spanned && store_session_review_span(s, id, from, until, err) < 0)
		return -1;
	struct commitments_each e = {cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	if (!st)
		return -1;
	if (spanned) {
		store_bind_text(st, 2, from);
		store_bind_text(st, 3, until);
	}
	store_bind_text(st, 99, today);
	return store_rows_each(s, st, commitment_row, &e, doing, err);
}

int store_session_commitments_each(
	struct store *s, int64_t id,
	int (*cb)(const struct store_export_commitment *, void *), void *ud,
	struct error *err)
{
	static const char sql[] = "SELECT " EXPORT_COMMITMENT_COLUMNS
		EXPORT_COMMITMENT_FROM "WHERE c.session_id = ?1 ORDER BY c.id";
	return commitments_run(s, sql, id, 0, cb, ud, err);
}

int store_session_reviewed_each(
	struct store *s, int64_t id,
	int (*cb)(const struct store_export_commitment *, void *), void *ud,
	struct error *err)
{
	static const char sql[] = "SELECT " EXPORT_COMMITMENT_COLUMNS
		EXPORT_COMMITMENT_FROM "WHERE " REVIEWED_FOR_SESSION
		"ORDER BY c.id";
	return commitments_run(s, sql, id, 1, cb, ud, err);
}

/* Column 0 into a char[STORE_UUID_SIZE]. */
static int uuid_read(sqlite3_stmt *st, void *out)
{
	const char *u = store_col_text(st, 0);
	snprintf(out, STORE_UUID_SIZE, "%s", u ? u : "");
	return 0;
}

int store_person_uuid(struct store *s, int64_t id, char buf[STORE_UUID_SIZE],
		      struct error *err)
{
	static const char sql[] = "SELECT uuid FROM person WHERE id = ?1";
	static const struct row_reader reader = {uuid_read, NULL};
	const char *doing = "reading a person";
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_row_get(s, st, &reader, buf, doing, err) : -1;
}

/* Runs one write statement inside a write transaction (or the import's
 * savepoint). */
static int write_run(struct store *s, sqlite3_stmt *st, const char *doing,
		     const char *msg_constraint, struct error *err)
{
	if (!st)
		return -1;
	int ok = store_step_done(s, st, doing, msg_constraint, err) == 0;
	store_stmt_done(s, st);
	return ok ? 0 : -1;
}

int store_ladder_step_put(struct store *s, const struct store_ladder_step *ls,
			  struct error *err)
{
	static const char sql[] =
		"INSERT INTO ladder_step (session_id, rung, answer, answered) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id, rung) "
		"DO UPDATE SET answer = excluded.answer, "
		"answered = excluded.answered";
	const char *doing = "saving a ladder step";
	if (ls->rung < STORE_RUNG_MIN || ls->rung > STORE_RUNG_MAX ||
	    !ls->answer || !ls->answered)
		return error_set(err, ERROR_INPUT,
				 "a ladder step needs a rung (%d..%d), an "
				 "answer and a time",
				 STORE_RUNG_MIN, STORE_RUNG_MAX);
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, ls->session_id);
		sqlite3_bind_int(st, 2, ls->rung);
		store_bind_text(st, 3, ls->answer);
		store_bind_text(st, 4, ls->answered);
	}
	int ok = write_run(s, st, doing,
			   "save the ladder's situation before its steps",
			   err) == 0;
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

int store_commitment_set_reviewed_in(struct store *s, int64_t id,
				     int64_t reviewed_in, struct error *err)
{
	static const char sql[] = "UPDATE commitment "
				  "SET reviewed_session_id = ?2 WHERE id = ?1";
	const char *doing = "linking a commitment to its follow-up";
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		store_bind_id(st, 2, reviewed_in);
		ok = store_write_one(s, st, "commitment", id, doing, err) == 0;
		store_stmt_done(s, st);
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}
