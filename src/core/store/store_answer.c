/* store_answer.c - what is said in a session: answers, pillar ratings,
 * the ladder and the note.
 *
 * These are the hot writes (one per key press that rates something, one a
 * second while a note is typed), so their statements stay prepared in the
 * cache and each is its own short transaction.
 */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"

/* Runs one prepared write in its own transaction (or savepoint). */
static int write_tx(struct store *s, sqlite3_stmt *st, const char *doing,
		    const char *msg_constraint, struct error *err)
{
	if (!st)
		return -1;
	if (store_write_begin(s, doing, err)) {
		store_stmt_done(s, st);
		return -1;
	}
	int ok = store_step_done(s, st, doing, msg_constraint, err) == 0;
	store_stmt_done(s, st);
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

/* A foreign-key failure on these tables always means the session id. */
static const char *no_session = "that session does not exist (any more)";

/* --------------------------------------------------------------- answers */

int store_answer_save(struct store *s, const struct store_answer *a,
		      struct error *err)
{
	static const char sql[] =
		"INSERT INTO answer (session_id, item_id, statement, value, "
		"note, answered, no_occasion) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
		"ON CONFLICT (session_id, item_id) DO UPDATE SET "
		"statement = excluded.statement, value = excluded.value, "
		"note = excluded.note, answered = excluded.answered, "
		"no_occasion = excluded.no_occasion";
	const char *doing = "saving an answer";
	char now[DATES_TS_SIZE];
	if (!a->item_id || !a->statement)
		return error_set(err, ERROR_INPUT,
				 "an answer needs a statement id and text");
	if (a->value < -1 || a->value > 4)
		return error_set(err, ERROR_INPUT,
				 "answer to %s: %d is not on the scale 0..4",
				 a->item_id, a->value);
	if (a->no_occasion && a->value >= 0)
		return error_set(err, ERROR_INPUT,
				 "answer to %s: \"no occasion\" cannot also "
				 "have a value (%d)",
				 a->item_id, a->value);
	/* An import gives the time; formatting the clock for nothing cost
	 * 1.5% of it. */
	if (!a->answered)
		dates_now(now);
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, a->session_id);
		store_bind_text(st, 2, a->item_id);
		store_bind_text(st, 3, a->statement);
		if (a->value >= 0)
			sqlite3_bind_int(st, 4, a->value);
		store_bind_text(st, 5, a->note);
		store_bind_text(st, 6, a->answered ? a->answered : now);
		sqlite3_bind_int(st, 7, a->no_occasion ? 1 : 0);
	}
	return write_tx(s, st, doing, no_session, err);
}

int store_answer_delete(struct store *s, int64_t session_id,
			const char *item_id, struct error *err)
{
	static const char sql[] =
		"DELETE FROM answer WHERE session_id = ?1 AND item_id = ?2";
	const char *doing = "removing an answer";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, session_id);
		store_bind_text(st, 2, item_id);
	}
	return write_tx(s, st, doing, NULL, err);
}

struct answers_each {
	int64_t session_id;
	int (*cb)(const struct store_answer *, void *);
	void *ud;
};

static int answer_row(sqlite3_stmt *st, void *ctx)
{
	const struct answers_each *e = ctx;
	struct store_answer a = {
		.session_id = e->session_id,
		.item_id = store_col_text(st, 0),
		.statement = store_col_text(st, 1),
		.value = sqlite3_column_type(st, 2) == SQLITE_NULL
				 ? -1
				 : sqlite3_column_int(st, 2),
		.note = store_col_text(st, 3),
		.answered = store_col_text(st, 4),
		.no_occasion = sqlite3_column_int(st, 5) != 0,
	};
	return e->cb(&a, e->ud);
}

int store_answers_each(struct store *s, int64_t session_id,
		       int (*cb)(const struct store_answer *, void *), void *ud,
		       struct error *err)
{
	static const char sql[] =
		"SELECT item_id, statement, value, note, answered, no_occasion "
		"FROM answer WHERE session_id = ?1 ORDER BY rowid";
	const char *doing = "reading answers";
	struct answers_each e = {session_id, cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, session_id, doing, err);
	return st ? store_rows_each(s, st, answer_row, &e, doing, err) : -1;
}

/* --------------------------------------------------------------- ratings */

int store_rating_save(struct store *s, const struct store_rating *r,
		      struct error *err)
{
	static const char sql[] =
		"INSERT INTO rating (session_id, pillar_id, value, note, "
		"rated) "
		"VALUES (?1, ?2, ?3, ?4, ?5) "
		"ON CONFLICT (session_id, pillar_id) DO UPDATE SET "
		"value = excluded.value, note = excluded.note, "
		"rated = excluded.rated";
	const char *doing = "saving a rating";
	char now[DATES_TS_SIZE];
	if (!r->pillar_id)
		return error_set(err, ERROR_INPUT,
				 "a rating needs a pillar id");
	if (r->value < 1 || r->value > 5)
		return error_set(err, ERROR_INPUT,
				 "rating of %s: %d is not on the scale 1..5",
				 r->pillar_id, r->value);
	if (!r->rated)
		dates_now(now);
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, r->session_id);
		store_bind_text(st, 2, r->pillar_id);
		sqlite3_bind_int(st, 3, r->value);
		store_bind_text(st, 4, r->note);
		store_bind_text(st, 5, r->rated ? r->rated : now);
	}
	return write_tx(s, st, doing, no_session, err);
}

int store_rating_delete(struct store *s, int64_t session_id,
			const char *pillar_id, struct error *err)
{
	static const char sql[] =
		"DELETE FROM rating WHERE session_id = ?1 AND pillar_id = ?2";
	const char *doing = "removing a rating";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, session_id);
		store_bind_text(st, 2, pillar_id);
	}
	return write_tx(s, st, doing, NULL, err);
}

struct ratings_each {
	int64_t session_id;
	int (*cb)(const struct store_rating *, void *);
	void *ud;
};

static int rating_row(sqlite3_stmt *st, void *ctx)
{
	const struct ratings_each *e = ctx;
	struct store_rating r = {
		.session_id = e->session_id,
		.pillar_id = store_col_text(st, 0),
		.value = sqlite3_column_int(st, 1),
		.note = store_col_text(st, 2),
		.rated = store_col_text(st, 3),
	};
	return e->cb(&r, e->ud);
}

int store_ratings_each(struct store *s, int64_t session_id,
		       int (*cb)(const struct store_rating *, void *), void *ud,
		       struct error *err)
{
	static const char sql[] =
		"SELECT pillar_id, value, note, rated FROM rating "
		"WHERE session_id = ?1 ORDER BY rowid";
	const char *doing = "reading ratings";
	struct ratings_each e = {session_id, cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, session_id, doing, err);
	return st ? store_rows_each(s, st, rating_row, &e, doing, err) : -1;
}

/* ---------------------------------------------------------------- ladder */

static int rung_ok(int rung)
{
	return rung >= STORE_RUNG_MIN && rung <= STORE_RUNG_MAX;
}

int store_ladder_save(struct store *s, const struct store_ladder *l,
		      struct error *err)
{
	static const char sql[] =
		"INSERT INTO ladder (session_id, situation, start_rung, "
		"reached_rung, updated) VALUES (?1, ?2, ?3, max(?3, ?4), ?5) "
		"ON CONFLICT (session_id) DO UPDATE SET "
		"situation = excluded.situation, "
		"start_rung = excluded.start_rung, "
		"reached_rung = "
		"max(excluded.start_rung, excluded.reached_rung), "
		"updated = excluded.updated";
	const char *doing = "saving the ladder";
	char now[DATES_TS_SIZE];
	if (!l->situation)
		return error_set(err, ERROR_INPUT,
				 "the ladder needs a situation");
	if (!rung_ok(l->start_rung) ||
	    (l->reached_rung && !rung_ok(l->reached_rung)))
		return error_set(err, ERROR_INPUT,
				 "ladder rungs go from %d to %d (got %d, %d)",
				 STORE_RUNG_MIN, STORE_RUNG_MAX, l->start_rung,
				 l->reached_rung);
	dates_now(now);
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, l->session_id);
		store_bind_text(st, 2, l->situation);
		sqlite3_bind_int(st, 3, l->start_rung);
		sqlite3_bind_int(st, 4, l->reached_rung);
		store_bind_text(st, 5, l->updated ? l->updated : now);
	}
	return write_tx(s, st, doing, no_session, err);
}

static int ladder_read(sqlite3_stmt *st, void *out)
{
	struct store_ladder *l = out;
	int oom = 0;
	l->situation = store_col_dup(st, 0, &oom);
	l->start_rung = sqlite3_column_int(st, 1);
	l->reached_rung = sqlite3_column_int(st, 2);
	l->updated = store_col_dup(st, 3, &oom);
	l->session_id = sqlite3_column_int64(st, 4);
	return oom ? -1 : 0;
}

static void ladder_clear(void *l)
{
	store_ladder_clear(l);
}

int store_ladder_get(struct store *s, int64_t session_id,
		     struct store_ladder *out, struct error *err)
{
	static const char sql[] =
		"SELECT situation, start_rung, reached_rung, updated, "
		"session_id FROM ladder WHERE session_id = ?1";
	static const struct row_reader reader = {ladder_read, ladder_clear};
	const char *doing = "reading the ladder";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt_for_id(s, sql, session_id, doing, err);
	return st ? store_row_get(s, st, &reader, out, doing, err) : -1;
}

void store_ladder_clear(struct store_ladder *l)
{
	free((char *)l->situation);
	free((char *)l->updated);
	l->situation = l->updated = NULL;
}

int store_ladder_step_save(struct store *s, const struct store_ladder_step *ls,
			   struct error *err)
{
	static const char sql_step[] =
		"INSERT INTO ladder_step (session_id, rung, answer, answered) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id, rung) "
		"DO UPDATE SET answer = excluded.answer, "
		"answered = excluded.answered";
	static const char sql_reach[] =
		"UPDATE ladder SET reached_rung = max(reached_rung, ?2), "
		"updated = ?3 WHERE session_id = ?1";
	const char *doing = "saving a ladder step";
	char now[DATES_TS_SIZE];
	if (!rung_ok(ls->rung) || !ls->answer)
		return error_set(err, ERROR_INPUT,
				 "a ladder step needs a rung (%d..%d) and an "
				 "answer",
				 STORE_RUNG_MIN, STORE_RUNG_MAX);
	dates_now(now);
	const char *when = ls->answered ? ls->answered : now;
	if (store_write_begin(s, doing, err))
		return -1;
	int ok = 0;
	sqlite3_stmt *st = store_stmt_get(s, sql_step, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, ls->session_id);
		sqlite3_bind_int(st, 2, ls->rung);
		store_bind_text(st, 3, ls->answer);
		store_bind_text(st, 4, when);
		ok = store_step_done(s, st, doing,
			       "save the ladder's situation before its steps",
			       err) == 0;
		store_stmt_done(s, st);
	}
	if (ok && (st = store_stmt_get(s, sql_reach, doing, err))) {
		sqlite3_bind_int64(st, 1, ls->session_id);
		sqlite3_bind_int(st, 2, ls->rung);
		store_bind_text(st, 3, when);
		ok = store_step_done(s, st, doing, NULL, err) == 0;
		store_stmt_done(s, st);
	} else {
		ok = 0;
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

struct steps_each {
	int64_t session_id;
	int (*cb)(const struct store_ladder_step *, void *);
	void *ud;
};

static int step_row(sqlite3_stmt *st, void *ctx)
{
	const struct steps_each *e = ctx;
	struct store_ladder_step ls = {
		.session_id = e->session_id,
		.rung = sqlite3_column_int(st, 0),
		.answer = store_col_text(st, 1),
		.answered = store_col_text(st, 2),
	};
	return e->cb(&ls, e->ud);
}

int store_ladder_steps_each(struct store *s, int64_t session_id,
			    int (*cb)(const struct store_ladder_step *, void *),
			    void *ud, struct error *err)
{
	static const char sql[] =
		"SELECT rung, answer, answered FROM ladder_step "
		"WHERE session_id = ?1 ORDER BY rung";
	const char *doing = "reading the ladder";
	struct steps_each e = {session_id, cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, session_id, doing, err);
	return st ? store_rows_each(s, st, step_row, &e, doing, err) : -1;
}

int store_ladder_delete(struct store *s, int64_t session_id,
			struct error *err)
{
	static const char sql[] = "DELETE FROM ladder WHERE session_id = ?1";
	const char *doing = "removing the ladder";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st)
		sqlite3_bind_int64(st, 1, session_id);
	return write_tx(s, st, doing, NULL, err);
}

/* ----------------------------------------------------------------- notes */

int store_note_put(struct store *s, const struct store_note *n,
		   struct error *err)
{
	/* The uuid of a note is made once and kept through every save. */
	static const char sql[] =
		"INSERT INTO note (uuid, session_id, body, updated) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id) DO UPDATE "
		"SET body = excluded.body, updated = excluded.updated";
	static const char sql_del[] = "DELETE FROM note WHERE session_id = ?1";
	const char *doing = "saving the note";
	char now[DATES_TS_SIZE], uuid[STORE_UUID_SIZE];
	sqlite3_stmt *st;
	if (!n->body || !n->body[0]) {
		st = store_stmt_get(s, sql_del, doing, err);
		if (st)
			sqlite3_bind_int64(st, 1, n->session_id);
		return write_tx(s, st, doing, NULL, err);
	}
	if (n->uuid[0])
		memcpy(uuid, n->uuid, sizeof uuid);
	else if (store_uuid(uuid, err))
		return -1;
	dates_now(now);
	st = store_stmt_get(s, sql, doing, err);
	if (st) {
		store_bind_text(st, 1, uuid);
		sqlite3_bind_int64(st, 2, n->session_id);
		store_bind_text(st, 3, n->body);
		store_bind_text(st, 4, n->updated ? n->updated : now);
	}
	return write_tx(s, st, doing, no_session, err);
}

int store_note_save(struct store *s, int64_t session_id, const char *body,
		    struct error *err)
{
	struct store_note n = {.session_id = session_id, .body = body};
	return store_note_put(s, &n, err);
}

int store_note_get(struct store *s, int64_t session_id, char **body,
		   struct error *err)
{
	static const char sql[] = "SELECT body FROM note WHERE session_id = ?1";
	const char *doing = "reading the note";
	*body = NULL;
	sqlite3_stmt *st = store_stmt_for_id(s, sql, session_id, doing, err);
	return st ? store_row_get(s, st, &store_row_text_reader, body, doing,
				  err)
		  : -1;
}

struct notes_each {
	int64_t session_id;
	int (*cb)(const struct store_note *, void *);
	void *ud;
};

static int note_row(sqlite3_stmt *st, void *ctx)
{
	const struct notes_each *e = ctx;
	struct store_note n = {.session_id = e->session_id};
	const char *u = store_col_text(st, 0);
	if (u && strlen(u) < sizeof n.uuid)
		memcpy(n.uuid, u, strlen(u) + 1);
	n.body = store_col_text(st, 1);
	n.updated = store_col_text(st, 2);
	return e->cb(&n, e->ud);
}

int store_note_each(struct store *s, int64_t session_id,
		    int (*cb)(const struct store_note *, void *), void *ud,
		    struct error *err)
{
	static const char sql[] =
		"SELECT uuid, body, updated FROM note WHERE session_id = ?1";
	const char *doing = "reading the note";
	struct notes_each e = {session_id, cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, session_id, doing, err);
	return st ? store_rows_each(s, st, note_row, &e, doing, err) : -1;
}
