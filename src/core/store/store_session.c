/* store_session.c - sessions: making, finding, listing and resuming them. */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"

int store_session_add(struct store *s, struct store_session *ses,
		      struct error *err)
{
	static const char sql[] =
		"INSERT INTO session (uuid, person_id, kind, coach, started, "
		"completed, status, content_version, step) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	const char *doing = "starting a session";
	char now[DATES_TS_SIZE];
	if (!ses->uuid[0] && store_uuid(ses->uuid, err))
		return -1;
	dates_now(now);
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		store_bind_text(st, 1, ses->uuid);
		sqlite3_bind_int64(st, 2, ses->person_id);
		store_bind_text(st, 3, store_kind_name(ses->kind));
		store_bind_text(st, 4, ses->coach);
		store_bind_text(st, 5, ses->started ? ses->started : now);
		store_bind_text(st, 6, ses->completed);
		store_bind_text(st, 7, store_status_name(ses->status));
		store_bind_text(
		    st, 8, ses->content_version ? ses->content_version : "");
		store_bind_text(st, 9,
				ses->step >= 0 && ses->step < STORE_STEP_COUNT
				    ? store_step_name(ses->step)
				    : NULL);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE) {
			ses->id = sqlite3_last_insert_rowid(s->db);
			ok = 1;
		} else if (sqlite3_extended_errcode(s->db) ==
			   SQLITE_CONSTRAINT_FOREIGNKEY) {
			error_set(err, ERROR_INPUT, "no person with id %lld",
				  (long long)ses->person_id);
		} else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
			error_set(err, ERROR_INPUT, "session %s: %s",
				  ses->uuid, sqlite3_errmsg(s->db));
		} else {
			store_fail(s, rc, doing, err);
		}
		store_stmt_done(s, st);
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

/* A one-row UPDATE of a session: ?1 the id, ?2 an optional text. */
static int session_write(struct store *s, const char *sql, int64_t id,
			 const char *text, const char *doing,
			 struct error *err)
{
	return store_write_by_id(s, sql, "session", id, text, doing, err);
}

int store_session_complete(struct store *s, int64_t id, struct error *err)
{
	static const char sql[] =
		"UPDATE session SET status = 'complete', "
		"completed = coalesce(completed, ?2) WHERE id = ?1";
	char now[DATES_TS_SIZE];
	dates_now(now);
	return session_write(s, sql, id, now, "completing a session", err);
}

int store_session_reopen(struct store *s, int64_t id, struct error *err)
{
	static const char sql[] = "UPDATE session SET status = 'open', "
				  "completed = NULL WHERE id = ?1";
	return session_write(s, sql, id, NULL, "reopening a session", err);
}

int store_session_set_coach(struct store *s, int64_t id, const char *coach,
			    struct error *err)
{
	static const char sql[] =
		"UPDATE session SET coach = ?2 WHERE id = ?1";
	return session_write(s, sql, id, coach && coach[0] ? coach : NULL,
			     "saving the coach", err);
}

int store_session_set_step(struct store *s, int64_t id, enum store_step step,
			   struct error *err)
{
	static const char sql[] = "UPDATE session SET step = ?2 WHERE id = ?1";
	if ((unsigned)step >= STORE_STEP_COUNT)
		return error_set(err, ERROR_INPUT, "no session step %d",
				 (int)step);
	return session_write(s, sql, id, store_step_name(step),
			     "saving the session step", err);
}

int store_session_delete(struct store *s, int64_t id, struct error *err)
{
	/* Follow-ups recorded in this session are undone first: the
	 * commitments they closed become open again. */
	static const char sql_undo[] =
		"UPDATE commitment SET status = 'open', "
		"reviewed_session_id = NULL, reviewed = NULL, obstacle = NULL "
		"WHERE reviewed_session_id = ?1 AND session_id <> ?1";
	static const char sql_del[] = "DELETE FROM session WHERE id = ?1";
	const char *doing = "deleting a session";
	if (store_write_begin(s, doing, err))
		return -1;
	int ok = 0;
	sqlite3_stmt *st = store_stmt_get(s, sql_undo, doing, err);
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		ok = store_step_done(s, st, doing, NULL, err) == 0;
		store_stmt_done(s, st);
	}
	if (ok && (st = store_stmt_get(s, sql_del, doing, err))) {
		sqlite3_bind_int64(st, 1, id);
		ok = store_write_one(s, st, "session", id, doing, err) == 0;
		store_stmt_done(s, st);
	} else {
		ok = 0;
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

void store_session_from_row(sqlite3_stmt *st, struct store_session *ses)
{
	ses->id = sqlite3_column_int64(st, 0);
	snprintf(ses->uuid, sizeof ses->uuid, "%s",
		 store_col_text(st, 1) ? store_col_text(st, 1) : "");
	ses->person_id = sqlite3_column_int64(st, 2);
	int k = store_kind_parse(store_col_text(st, 3));
	ses->kind = k < 0 ? STORE_KIND_COACHING : (enum store_kind)k;
	ses->coach = store_col_text(st, 4);
	ses->started = store_col_text(st, 5);
	ses->completed = store_col_text(st, 6);
	int stt = store_status_parse(store_col_text(st, 7));
	ses->status = stt < 0 ? STORE_SESSION_OPEN : (enum store_status)stt;
	ses->content_version = store_col_text(st, 8);
	ses->step = store_step_parse(store_col_text(st, 9));
	ses->person_name = store_col_text(st, 10);
}

static int session_read(sqlite3_stmt *st, void *out)
{
	struct store_session *ses = out;
	store_session_from_row(st, ses);
	const char **const texts[] = {&ses->coach, &ses->started,
				      &ses->completed, &ses->content_version,
				      &ses->person_name};
	return store_row_own(texts, sizeof texts / sizeof *texts);
}

static void session_clear(void *ses)
{
	store_session_clear(ses);
}

int store_session_get(struct store *s, int64_t id, struct store_session *out,
		      struct error *err)
{
	static const char sql[] =
		"SELECT " SESSION_COLUMNS " FROM session s "
		"JOIN person p ON p.id = s.person_id WHERE s.id = ?1";
	static const struct row_reader reader = {session_read, session_clear};
	const char *doing = "reading a session";
	memset(out, 0, sizeof *out);
	out->step = -1;
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_row_get(s, st, &reader, out, doing, err) : -1;
}

void store_session_clear(struct store_session *ses)
{
	free((char *)ses->coach);
	free((char *)ses->started);
	free((char *)ses->completed);
	free((char *)ses->content_version);
	free((char *)ses->person_name);
	ses->coach = ses->started = ses->completed = NULL;
	ses->content_version = ses->person_name = NULL;
}

int store_session_find_uuid(struct store *s, const char *uuid, int64_t *id,
			    struct error *err)
{
	static const char sql[] = "SELECT id FROM session WHERE uuid = ?1";
	const char *doing = "finding a session";
	sqlite3_stmt *st = store_stmt_for_text(s, sql, uuid, doing, err);
	return st ? store_row_get(s, st, &store_row_id_reader, id, doing, err)
		  : -1;
}

int store_session_open_latest(struct store *s, int64_t person_id, int64_t *id,
			      struct error *err)
{
	static const char sql[] =
		"SELECT id FROM session WHERE person_id = ?1 "
		"AND status = 'open' ORDER BY started DESC, id DESC LIMIT 1";
	const char *doing = "finding an open session";
	sqlite3_stmt *st = store_stmt_for_id(s, sql, person_id, doing, err);
	return st ? store_row_get(s, st, &store_row_id_reader, id, doing, err)
		  : -1;
}

int store_session_previous(struct store *s, int64_t id, int complete_only,
			   int64_t *prev, struct error *err)
{
	static const char sql[] =
		"SELECT o.id FROM session o, session me WHERE me.id = ?1 "
		"AND o.person_id = me.person_id AND o.id <> me.id "
		"AND (o.started < me.started "
		"  OR (o.started = me.started AND o.id < me.id)) "
		"AND (?2 = 0 OR o.status = 'complete') "
		"ORDER BY o.started DESC, o.id DESC LIMIT 1";
	const char *doing = "finding the session before";
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 2, complete_only ? 1 : 0);
	return store_int_get(s, st, prev, doing, err);
}

struct sessions_each {
	int (*cb)(const struct store_session *, void *);
	void *ud;
};

static int session_row(sqlite3_stmt *st, void *ctx)
{
	const struct sessions_each *e = ctx;
	struct store_session row;
	store_session_from_row(st, &row);
	return e->cb(&row, e->ud);
}

int store_sessions_run(struct store *s, sqlite3_stmt *st,
		       int (*cb)(const struct store_session *, void *),
		       void *ud, const char *doing, struct error *err)
{
	struct sessions_each e = {cb, ud};
	return store_rows_each(s, st, session_row, &e, doing, err);
}

int store_sessions_each(struct store *s, int64_t person_id, size_t limit,
			size_t offset,
			int (*cb)(const struct store_session *, void *),
			void *ud, struct error *err)
{
	static const char sql_one[] =
		"SELECT " SESSION_COLUMNS " FROM session s "
		"JOIN person p ON p.id = s.person_id WHERE s.person_id = ?1 "
		"ORDER BY s.started DESC, s.id DESC LIMIT ?2 OFFSET ?3";
	static const char sql_all[] =
		"SELECT " SESSION_COLUMNS " FROM session s "
		"JOIN person p ON p.id = s.person_id "
		"ORDER BY s.started DESC, s.id DESC LIMIT ?2 OFFSET ?3";
	const char *doing = "listing sessions";
	sqlite3_stmt *st =
	    store_stmt_get(s, person_id ? sql_one : sql_all, doing, err);
	if (!st)
		return -1;
	if (person_id)
		sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)offset);
	return store_sessions_run(s, st, cb, ud, doing, err);
}

int store_sessions_filter_each(struct store *s,
			       const struct store_session_filter *f,
			       int (*cb)(const struct store_session *, void *),
			       void *ud, struct error *err)
{
	/* NULL parameters switch a condition off; each remaining one is an
	 * indexed range on session(started) or session(person_id). */
	static const char sql_person[] =
		"SELECT " SESSION_COLUMNS " FROM session s "
		"JOIN person p ON p.id = s.person_id WHERE s.person_id = ?1 "
		"AND (?2 IS NULL OR s.started >= ?2) "
		"AND (?3 IS NULL OR s.started < ?3) "
		"AND (?4 IS NULL OR s.status = ?4) "
		"ORDER BY s.started, s.id";
	static const char sql_all[] =
		"SELECT " SESSION_COLUMNS " FROM session s "
		"JOIN person p ON p.id = s.person_id "
		"WHERE s.started >= coalesce(?2, '') "
		"AND s.started < coalesce(?3, 'z') "
		"AND (?4 IS NULL OR s.status = ?4) "
		"ORDER BY s.started, s.id";
	const char *doing = "listing sessions to export";
	char from[DATES_TS_SIZE], to[DATES_TS_SIZE], next[DATES_DAY_SIZE];
	if (f->since && dates_day_start_utc(f->since, from, err))
		return -1;
	/* The day after the last one a date can hold has no start: such
	 * an --until leaves the range open. */
	int until = f->until && strcmp(f->until, "9999-12-31") != 0;
	if (until && (dates_add_days(f->until, 1, next, err) ||
		      dates_day_start_utc(next, to, err)))
		return -1;
	sqlite3_stmt *st =
	    store_stmt_get(s, f->person_id ? sql_person : sql_all, doing, err);
	if (!st)
		return -1;
	if (f->person_id)
		sqlite3_bind_int64(st, 1, f->person_id);
	store_bind_text(st, 2, f->since ? from : NULL);
	store_bind_text(st, 3, until ? to : NULL);
	store_bind_text(st, 4,
			f->status >= 0 ? store_status_name(f->status) : NULL);
	return store_sessions_run(s, st, cb, ud, doing, err);
}

/* Index of the first id in ids that has no row in the set answered by
 * st (?1 session, ?2 id); n when all have one. */
static int first_missing(struct store *s, const char *sql, int64_t session,
			 const char *const *ids, size_t n, size_t *out,
			 struct error *err)
{
	const char *doing = "finding where the session stopped";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	size_t i;
	for (i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, session);
		store_bind_text(st, 2, ids[i]);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			store_fail(s, rc, doing, err);
			store_stmt_done(s, st);
			return -1;
		}
	}
	store_stmt_done(s, st);
	*out = i;
	return 0;
}

int store_session_resume(struct store *s, int64_t id,
			 const char *const *items, size_t n_items,
			 const char *const *pillars, size_t n_pillars,
			 struct store_resume *out, struct error *err)
{
	static const char sql_answered[] =
		"SELECT 1 FROM answer WHERE session_id = ?1 AND item_id = ?2 "
		"AND (value IS NOT NULL OR no_occasion = 1)";
	static const char sql_rated[] =
		"SELECT 1 FROM rating WHERE session_id = ?1 AND pillar_id = ?2";
	static const char sql_followups[] =
		"SELECT count(*) FROM commitment c, session me "
		"WHERE me.id = ?1 AND c.person_id = me.person_id "
		"AND c.status = 'open' AND c.session_id <> me.id";
	struct store_session ses;
	int found = store_session_get(s, id, &ses, err);
	if (found <= 0)
		return found < 0 ? -1
				 : error_set(err, ERROR_INPUT,
					     "no session with id %lld",
					     (long long)id);
	int step = ses.step;
	store_session_clear(&ses);

	memset(out, 0, sizeof *out);
	if (first_missing(s, sql_answered, id, items, n_items, &out->item,
			  err) ||
	    first_missing(s, sql_rated, id, pillars, n_pillars, &out->pillar,
			  err))
		return -1;
	const char *doing = "counting follow-ups";
	size_t count;
	sqlite3_stmt *st = store_stmt_for_id(s, sql_followups, id, doing, err);
	if (!st || store_count(s, st, &count, doing, err))
		return -1;
	out->followups = (int)count;

	if (step >= 0)
		out->step = (enum store_step)step;
	else if (out->followups > 0)
		out->step = STORE_STEP_FOLLOWUP;
	else if (out->item < n_items)
		out->step = STORE_STEP_FLAGS;
	else if (out->pillar < n_pillars)
		out->step = STORE_STEP_PILLARS;
	else
		out->step = STORE_STEP_RESULTS;
	return 0;
}

int store_session_last_coach(struct store *s, int64_t person_id,
			     char **coach, struct error *err)
{
	/* The person's own coach first, then anyone's, newest first. */
	static const char sql[] =
		"SELECT coach FROM session "
		"WHERE coach IS NOT NULL AND coach <> '' "
		"ORDER BY person_id = ?1 DESC, started DESC, id DESC LIMIT 1";
	const char *doing = "finding the last coach";
	*coach = NULL;
	sqlite3_stmt *st = store_stmt_for_id(s, sql, person_id, doing, err);
	return st ? store_row_get(s, st, &store_row_text_reader, coach, doing,
				  err)
		  : -1;
}

int store_session_mark_edited(struct store *s, int64_t id, struct error *err)
{
	/* Only while complete: a session reopened on purpose is open work
	 * again, and its edits are no surprise (the mark stays, though). */
	static const char sql[] = "UPDATE session SET edited = ?2 "
				  "WHERE id = ?1 AND status = 'complete'";
	const char *doing = "recording the edit of a completed session";
	char now[DATES_TS_SIZE];
	dates_now(now);
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		store_bind_text(st, 2, now);
		ok = store_step_done(s, st, doing, NULL, err) == 0;
		store_stmt_done(s, st);
	}
	int changed = ok && sqlite3_changes(s->db) > 0;
	if (store_write_end(s, ok, doing, err) || !ok)
		return -1;
	return changed;
}

static int edited_read(sqlite3_stmt *st, void *out)
{
	snprintf(out, STORE_TIME_SIZE, "%s", store_col_text(st, 0));
	return 0;
}

int store_session_edited(struct store *s, int64_t id,
			 char out[STORE_TIME_SIZE], struct error *err)
{
	static const char sql[] =
		"SELECT edited FROM session WHERE id = ?1 AND edited IS NOT NULL";
	static const struct row_reader reader = {edited_read, NULL};
	const char *doing = "reading when a session was edited";
	out[0] = '\0';
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_row_get(s, st, &reader, out, doing, err) : -1;
}
