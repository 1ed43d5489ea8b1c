/* store_commitment.c - commitments and their follow-up. */
#include "config.h"

#include "core/store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/coaching/score.h"

static int check_due(const char *due, struct error *err)
{
	if (due && !dates_valid_day(due))
		return error_set(err, ERROR_INPUT,
				 "due date \"%s\" is not a calendar day "
				 "(YYYY-MM-DD)",
				 due);
	return 0;
}

int store_commitment_add(struct store *s, struct store_commitment *c,
			 struct error *err)
{
	static const char sql[] =
		"INSERT INTO commitment (uuid, person_id, session_id, what, "
		"owner, due, status, reviewed_session_id, obstacle, created, "
		"reviewed, helped, differently) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		"?13)";
	const char *doing = "saving a commitment";
	char now[DATES_TS_SIZE];
	if (!c->what || !c->what[0])
		return error_set(err, ERROR_INPUT,
				 "a commitment needs to say what will be done");
	if (check_due(c->due, err))
		return -1;
	if ((unsigned)c->status > STORE_C_RENEGOTIATED)
		return error_set(err, ERROR_INPUT, "unknown commitment status");
	if (!c->uuid[0] && store_uuid(c->uuid, err))
		return -1;
	dates_now(now);
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		store_bind_text(st, 1, c->uuid);
		sqlite3_bind_int64(st, 2, c->person_id);
		sqlite3_bind_int64(st, 3, c->session_id);
		store_bind_text(st, 4, c->what);
		store_bind_text(st, 5, c->owner);
		store_bind_text(st, 6, c->due);
		store_bind_text(st, 7, store_cstatus_name(c->status));
		store_bind_id(st, 8, c->reviewed_session_id);
		store_bind_text(st, 9, c->obstacle);
		store_bind_text(st, 10, c->created ? c->created : now);
		store_bind_text(st, 11, c->reviewed);
		store_bind_text(st, 12, c->helped);
		store_bind_text(st, 13, c->differently);
		ok = store_step_done(s, st, doing,
			       "a commitment needs an existing person and "
			       "session, and a new id",
			       err) == 0;
		if (ok)
			c->id = sqlite3_last_insert_rowid(s->db);
		store_stmt_done(s, st);
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

int store_commitment_update(struct store *s, const struct store_commitment *c,
			    struct error *err)
{
	static const char sql[] = "UPDATE commitment SET what = ?2, "
				  "owner = ?3, due = ?4 WHERE id = ?1";
	const char *doing = "changing a commitment";
	if (!c->what || !c->what[0])
		return error_set(err, ERROR_INPUT,
				 "a commitment needs to say what will be done");
	if (check_due(c->due, err) || store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		store_bind_text(st, 2, c->what);
		store_bind_text(st, 3, c->owner);
		store_bind_text(st, 4, c->due);
		ok = store_write_one(s, st, "commitment", c->id, doing, err) ==
		     0;
		store_stmt_done(s, st);
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

/* The person's newest session, where a renegotiation made outside any
 * session puts its successor (the next follow-up step shows it). */
static int newest_session(struct store *s, int64_t person_id, int64_t *id,
			  struct error *err)
{
	static const char sql[] = "SELECT id FROM session WHERE person_id = ?1 "
				  "ORDER BY started DESC, id DESC LIMIT 1";
	const char *doing = "finding a session";
	sqlite3_stmt *st = store_stmt_for_id(s, sql, person_id, doing, err);
	return st ? store_int_get(s, st, id, doing, err) : -1;
}

/* The successor of renegotiated commitment ?1 as n: no column links the
 * two, but renegotiate() makes it in the same transaction, after the
 * review's time was written, with the same person, words and owner; the
 * first such one is it. */
#define SUCCESSOR_OF                                                           \
	"FROM commitment o JOIN commitment n "                                 \
	"ON n.person_id = o.person_id AND n.id <> o.id "                       \
	"AND n.what = o.what AND n.owner IS o.owner "                          \
	"AND n.created >= o.reviewed "                                         \
	"WHERE o.id = ?1 AND o.status = 'renegotiated' "

/* Undoing a renegotiation takes back the open commitment it made, while
 * that one is still untouched: left behind, it would be a second open
 * copy of the commitment put back to open. */
static int successor_drop(struct store *s, int64_t id, const char *doing,
			  struct error *err)
{
	static const char sql[] =
	    "DELETE FROM commitment WHERE id = (SELECT n.id " SUCCESSOR_OF
	    "ORDER BY n.created, n.id LIMIT 1) "
	    "AND status = 'open' AND reviewed IS NULL";
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, rc, doing, err);
}

/* The renegotiated follow-up: a fresh open commitment, same words, new
 * date, in the reviewing session (outside one: the person's newest). */
static int renegotiate(struct store *s, int64_t id, int64_t reviewed_in,
		       const char *new_due, int64_t *new_id, struct error *err)
{
	struct store_commitment old;
	int r = store_commitment_get(s, id, &old, err);
	if (r <= 0)
		return r < 0 ? -1
			     : error_set(err, ERROR_INPUT,
					 "no commitment with id %lld",
					 (long long)id);
	int64_t in = reviewed_in;
	if (!in && newest_session(s, old.person_id, &in, err) <= 0)
		in = old.session_id;
	struct store_commitment c = {
		.person_id = old.person_id,
		.session_id = in,
		.what = old.what,
		.owner = old.owner,
		.due = new_due,
		.status = STORE_C_OPEN,
	};
	r = store_commitment_add(s, &c, err);
	store_commitment_clear(&old);
	if (r == 0 && new_id)
		*new_id = c.id;
	return r;
}

int store_commitment_review_with(struct store *s, int64_t id,
				 const struct store_review *r, int64_t *new_id,
				 struct error *err)
{
	static const char sql[] =
		"UPDATE commitment SET status = ?2, reviewed_session_id = ?3, "
		"obstacle = ?4, reviewed = ?5, helped = ?6, differently = ?7 "
		"WHERE id = ?1";
	const char *doing = "recording a follow-up";
	char now[DATES_TS_SIZE];
	int reopen = r->status == STORE_C_OPEN;
	if ((unsigned)r->status > STORE_C_RENEGOTIATED)
		return error_set(err, ERROR_INPUT, "unknown commitment status");
	if (r->status == STORE_C_RENEGOTIATED && !r->new_due)
		return error_set(err, ERROR_INPUT,
				 "a renegotiated commitment needs a new due "
				 "date");
	if (check_due(r->new_due, err))
		return -1;
	dates_now(now);
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = reopen && successor_drop(s, id, doing, err)
			       ? NULL
			       : store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		store_bind_text(st, 2, store_cstatus_name(r->status));
		store_bind_id(st, 3, reopen ? 0 : r->session_id);
		store_bind_text(st, 4, reopen ? NULL : r->obstacle);
		store_bind_text(st, 5, reopen ? NULL : now);
		store_bind_text(st, 6, reopen ? NULL : r->helped);
		store_bind_text(st, 7, reopen ? NULL : r->differently);
		ok = store_write_one(s, st, "commitment", id, doing, err) == 0;
		store_stmt_done(s, st);
	}
	if (ok && r->status == STORE_C_RENEGOTIATED)
		ok = renegotiate(s, id, r->session_id, r->new_due, new_id,
				 err) == 0;
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

int store_commitment_renegotiated_due(struct store *s, int64_t id,
				      char due[STORE_DAY_SIZE],
				      struct error *err)
{
	static const char sql[] =
	    "SELECT n.due " SUCCESSOR_OF "AND n.due IS NOT NULL "
	    "ORDER BY n.created, n.id LIMIT 1";
	const char *doing = "reading a renegotiated due date";
	char *text = NULL;
	due[0] = '\0';
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	if (!st)
		return -1;
	int r = store_row_get(s, st, &store_row_text_reader, &text, doing, err);
	if (r == 1 && text && dates_valid_day(text))
		snprintf(due, STORE_DAY_SIZE, "%s", text);
	free(text);
	return r < 0 ? -1 : due[0] != '\0';
}

int store_commitment_review(struct store *s, int64_t id,
			    enum store_cstatus status, int64_t reviewed_in,
			    const char *obstacle, const char *new_due,
			    int64_t *new_id, struct error *err)
{
	struct store_review r = {
		.status = status,
		.session_id = reviewed_in,
		.obstacle = obstacle,
		.new_due = new_due,
	};
	return store_commitment_review_with(s, id, &r, new_id, err);
}

/* Copies a stored time, or "" for NULL (an open end). */
static void span_end(char out[STORE_TIME_SIZE], const char *t)
{
	snprintf(out, STORE_TIME_SIZE, "%s", t ? t : "");
}

struct review_span {
	char *from, *until;
};

/* Reads the row of store_session_review_span's query. */
static int span_read(sqlite3_stmt *st, void *out)
{
	struct review_span *sp = out;
	const char *started = store_col_text(st, 0);
	if (sqlite3_column_int(st, 2))
		span_end(sp->from,
			 score_review_boundary(store_col_text(st, 3), started));
	span_end(sp->until, score_review_boundary(store_col_text(st, 1),
						  store_col_text(st, 4)));
	return 0;
}

int store_session_review_span(struct store *s, int64_t id,
			      char from[STORE_TIME_SIZE],
			      char until[STORE_TIME_SIZE], struct error *err)
{
	/* The session, and the completion and start of its neighbours in
	 * the person's order of sessions (started, then id). */
	static const char sql[] =
		"SELECT me.started, me.completed, "
		"(SELECT count(*) FROM (SELECT 1 FROM session o "
		"  WHERE o.person_id = me.person_id AND (o.started < me.started "
		"  OR (o.started = me.started AND o.id < me.id)) LIMIT 1)), "
		"(SELECT o.completed FROM session o "
		"  WHERE o.person_id = me.person_id AND (o.started < me.started "
		"  OR (o.started = me.started AND o.id < me.id)) "
		"  ORDER BY o.started DESC, o.id DESC LIMIT 1), "
		"(SELECT o.started FROM session o "
		"  WHERE o.person_id = me.person_id AND (o.started > me.started "
		"  OR (o.started = me.started AND o.id > me.id)) "
		"  ORDER BY o.started, o.id LIMIT 1) "
		"FROM session me WHERE me.id = ?1";
	static const struct row_reader reader = {span_read, NULL};
	const char *doing = "reading a session's follow-up span";
	struct review_span sp = {from, until};
	from[0] = until[0] = '\0';
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_row_get(s, st, &reader, &sp, doing, err) : -1;
}

int store_commitment_delete(struct store *s, int64_t id, struct error *err)
{
	static const char sql[] = "DELETE FROM commitment WHERE id = ?1";
	return store_write_by_id(s, sql, "commitment", id, NULL,
				 "deleting a commitment", err);
}

void store_commitment_from_row(sqlite3_stmt *st, struct store_commitment *c)
{
	c->id = sqlite3_column_int64(st, 0);
	snprintf(c->uuid, sizeof c->uuid, "%s",
		 store_col_text(st, 1) ? store_col_text(st, 1) : "");
	c->person_id = sqlite3_column_int64(st, 2);
	c->session_id = sqlite3_column_int64(st, 3);
	c->what = store_col_text(st, 4);
	c->owner = store_col_text(st, 5);
	c->due = store_col_text(st, 6);
	int stt = store_cstatus_parse(store_col_text(st, 7));
	c->status = stt < 0 ? STORE_C_OPEN : (enum store_cstatus)stt;
	c->reviewed_session_id = sqlite3_column_int64(st, 8);
	c->obstacle = store_col_text(st, 9);
	c->created = store_col_text(st, 10);
	c->reviewed = store_col_text(st, 11);
	c->person_name = store_col_text(st, 12);
	c->overdue = sqlite3_column_int(st, 13);
	c->helped = store_col_text(st, 14);
	c->differently = store_col_text(st, 15);
}

/* The texts of a commitment: borrowed from a row, or owned by a copy
 * (which store_commitment_clear frees). */
enum { COMMITMENT_TEXTS = 9 };

static void commitment_texts(struct store_commitment *c,
			     const char **texts[COMMITMENT_TEXTS])
{
	texts[0] = &c->what;
	texts[1] = &c->owner;
	texts[2] = &c->due;
	texts[3] = &c->obstacle;
	texts[4] = &c->created;
	texts[5] = &c->reviewed;
	texts[6] = &c->person_name;
	texts[7] = &c->helped;
	texts[8] = &c->differently;
}

/* Makes c's borrowed texts its own; -1 when out of memory (see
 * store_row_own: store_commitment_clear then frees what was copied). */
static int commitment_own(struct store_commitment *c)
{
	const char **texts[COMMITMENT_TEXTS];
	commitment_texts(c, texts);
	return store_row_own(texts, COMMITMENT_TEXTS);
}

static int commitment_read(sqlite3_stmt *st, void *out)
{
	store_commitment_from_row(st, out);
	return commitment_own(out);
}

static void commitment_clear(void *c)
{
	store_commitment_clear(c);
}

int store_commitment_get(struct store *s, int64_t id,
			 struct store_commitment *out, struct error *err)
{
	static const char sql[] =
		"SELECT " COMMITMENT_COLUMNS " FROM commitment c "
		"JOIN person p ON p.id = c.person_id WHERE c.id = ?1";
	static const struct row_reader reader = {commitment_read,
						 commitment_clear};
	const char *doing = "reading a commitment";
	char today[DATES_DAY_SIZE];
	memset(out, 0, sizeof *out);
	dates_today(today);
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 99, today);
	return store_row_get(s, st, &reader, out, doing, err);
}

void store_commitment_clear(struct store_commitment *c)
{
	const char **texts[COMMITMENT_TEXTS];
	commitment_texts(c, texts);
	for (size_t i = 0; i < COMMITMENT_TEXTS; i++) {
		free((char *)*texts[i]);
		*texts[i] = NULL;
	}
}

int store_commitment_dup(struct store_commitment *out,
			 const struct store_commitment *c)
{
	*out = *c;
	if (commitment_own(out) == 0)
		return 0;
	store_commitment_clear(out);
	return -1;
}

int store_commitment_find_uuid(struct store *s, const char *uuid, int64_t *id,
			       struct error *err)
{
	static const char sql[] = "SELECT id FROM commitment WHERE uuid = ?1";
	const char *doing = "finding a commitment";
	sqlite3_stmt *st = store_stmt_for_text(s, sql, uuid, doing, err);
	return st ? store_int_get(s, st, id, doing, err) : -1;
}

/* The listing query for one combination of filters.  Each variant is its
 * own literal so every one can use its index and stay in the cache. */
static const char *list_sql(const struct store_commitment_filter *f)
{
#define LIST_HEAD                                                             \
	"SELECT " COMMITMENT_COLUMNS " FROM commitment c "                   \
	"JOIN person p ON p.id = c.person_id WHERE "
#define LIST_OPEN "(?4 = 0 OR c.status = 'open') "
/* Follow-ups made outside any session within the span ?5..?6 ("" is an
 * open end) of session ?3 (see store_session_review_span). */
#define LIST_OUTSIDE_SPAN                                                     \
	"OR (c.reviewed_session_id IS NULL AND c.status <> 'open' "          \
	"AND c.session_id <> ?3 AND (?5 = '' OR c.reviewed >= ?5) "          \
	"AND (?6 = '' OR c.reviewed < ?6)) "
#define LIST_ORDER                                                            \
	"ORDER BY (c.status = 'open' AND c.due < ?99) DESC, "                \
	"c.due IS NULL, c.due, c.id"
	static const char by_followup[] =
		LIST_HEAD "c.person_id = (SELECT person_id FROM session "
		"WHERE id = ?3) "
		"AND ((c.status = 'open' AND c.session_id <> ?3) "
		"OR c.reviewed_session_id = ?3 " LIST_OUTSIDE_SPAN
		") AND " LIST_OPEN LIST_ORDER;
	static const char by_session[] =
		LIST_HEAD "c.session_id = ?2 AND (?1 = 0 OR c.person_id = ?1) "
		"AND " LIST_OPEN LIST_ORDER;
	static const char by_person[] =
		LIST_HEAD "c.person_id = ?1 AND " LIST_OPEN LIST_ORDER;
	static const char open_all[] =
		LIST_HEAD "c.status = 'open' AND ?4 = ?4 " LIST_ORDER;
	static const char all[] = LIST_HEAD "1 " LIST_ORDER;
	if (f->followup_of)
		return by_followup;
	if (f->session_id)
		return by_session;
	if (f->person_id)
		return by_person;
	return f->open_only ? open_all : all;
#undef LIST_HEAD
#undef LIST_OPEN
#undef LIST_OUTSIDE_SPAN
#undef LIST_ORDER
}

struct commitments_each {
	int (*cb)(const struct store_commitment *, void *);
	void *ud;
};

static int commitment_row(sqlite3_stmt *st, void *ctx)
{
	const struct commitments_each *e = ctx;
	struct store_commitment c;
	store_commitment_from_row(st, &c);
	return e->cb(&c, e->ud);
}

int store_commitments_run(struct store *s, sqlite3_stmt *st,
			  int (*cb)(const struct store_commitment *, void *),
			  void *ud, const char *doing, struct error *err)
{
	struct commitments_each e = {cb, ud};
	return store_rows_each(s, st, commitment_row, &e, doing, err);
}

int store_commitments_each(struct store *s,
			   const struct store_commitment_filter *f,
			   int (*cb)(const struct store_commitment *, void *),
			   void *ud, struct error *err)
{
	const char *doing = "listing commitments";
	char today[DATES_DAY_SIZE];
	static const struct store_commitment_filter none = {0};
	if (!f)
		f = &none;
	char from[STORE_TIME_SIZE] = "", until[STORE_TIME_SIZE] = "";
	dates_today(today);
	if (f->followup_of &&
	    store_session_review_span(s, f->followup_of, from, until, err) < 0)
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, list_sql(f), doing, err);
	if (!st)
		return -1;
	if (f->followup_of) {
		store_bind_text(st, 5, from);
		store_bind_text(st, 6, until);
	}
	if (sqlite3_bind_parameter_count(st) >= 4) {
		sqlite3_bind_int64(st, 1, f->person_id);
		sqlite3_bind_int64(st, 2, f->session_id);
		sqlite3_bind_int64(st, 3, f->followup_of);
		sqlite3_bind_int(st, 4, f->open_only ? 1 : 0);
	}
	store_bind_text(st, 99, today);
	return store_commitments_run(s, st, cb, ud, doing, err);
}

/* The order of store_commitments_each (overdue first, then by due date,
 * none last) as three ranges of the index on (person_id, status, due),
 * read in turn: "due < today" as a sort key would sort every open
 * commitment of the person each time home's cursor lands on them, where
 * the panel shows a screenful. */
static const char *const open_parts[] = {
	"SELECT id, what, due, 1 FROM commitment WHERE person_id = ?1 "
	"AND status = 'open' AND due < ?2 ORDER BY due, id",
	"SELECT id, what, due, 0 FROM commitment WHERE person_id = ?1 "
	"AND status = 'open' AND due >= ?2 ORDER BY due, id",
	"SELECT id, what, due, 0 FROM commitment WHERE person_id = ?1 "
	"AND status = 'open' AND due IS NULL ORDER BY id",
};

struct open_each {
	int (*cb)(const struct store_open_commitment *, void *);
	void *ud;
};

static int open_row(sqlite3_stmt *st, void *ctx)
{
	const struct open_each *e = ctx;
	struct store_open_commitment c = {
	    .id = sqlite3_column_int64(st, 0),
	    .what = store_col_text(st, 1),
	    .due = store_col_text(st, 2),
	    .overdue = sqlite3_column_int(st, 3),
	};
	return e->cb(&c, e->ud);
}

/* One part of the walk: 0 to go on, cb's value to stop, -1 on error. */
static int open_part_each(struct store *s, const char *sql, int64_t person_id,
			  const char *today, struct open_each *e,
			  struct error *err)
{
	const char *doing = "listing open commitments";
	sqlite3_stmt *st = store_stmt_for_id(s, sql, person_id, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 2, today);
	return store_rows_each(s, st, open_row, e, doing, err);
}

int store_open_commitments_each(struct store *s, int64_t person_id,
				int (*cb)(const struct store_open_commitment *,
					  void *),
				void *ud, struct error *err)
{
	char today[DATES_DAY_SIZE];
	struct open_each e = {cb, ud};
	dates_today(today);
	int ret = 0;
	for (size_t i = 0; !ret && i < sizeof open_parts / sizeof *open_parts;
	     i++)
		ret =
		    open_part_each(s, open_parts[i], person_id, today, &e, err);
	return ret;
}

int store_commitment_restore(struct store *s, const struct store_commitment *c,
			     struct error *err)
{
	int64_t id;
	int r = store_commitment_find_uuid(s, c->uuid, &id, err);
	if (r < 0)
		return -1;
	if (r == 1)
		return error_set(err, ERROR_INPUT,
				 "commitment \"%s\" is there already: nothing "
				 "to put back",
				 c->what ? c->what : "");
	/* Added as it was: the uuid, the times and the follow-up too. */
	struct store_commitment copy = *c;
	return store_commitment_add(s, &copy, err);
}
