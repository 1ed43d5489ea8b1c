/* store_team.c - team rounds: anonymous answers kept as counts. */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"

#define ROUND_COLUMNS                                                         \
	"r.id, r.uuid, r.person_id, r.day, r.label, r.responses, "           \
	"r.content_version, p.name"

static void round_from_row(sqlite3_stmt *st, struct store_team_round *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	const char *uuid = store_col_text(st, 1);
	if (uuid && strlen(uuid) < STORE_UUID_SIZE)
		strcpy(r->uuid, uuid);
	r->person_id = sqlite3_column_int64(st, 2);
	r->day = store_col_text(st, 3);
	r->label = store_col_text(st, 4);
	r->responses = (unsigned)sqlite3_column_int64(st, 5);
	r->content_version = store_col_text(st, 6);
	r->person_name = store_col_text(st, 7);
}

/* The INSERT of a round, inside the caller's transaction. */
static int round_insert(struct store *s, struct store_team_round *r,
			const char *doing, struct error *err)
{
	static const char sql[] =
		"INSERT INTO team_round (uuid, person_id, day, label, "
		"responses, content_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	char today[DATES_DAY_SIZE];
	dates_today(today);
	if (r->day && !dates_valid_day(r->day))
		return error_set(err, ERROR_INPUT,
				 "team round day \"%s\" is not a date like "
				 "2026-12-01",
				 r->day);
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 1, r->uuid);
	sqlite3_bind_int64(st, 2, r->person_id);
	store_bind_text(st, 3, r->day ? r->day : today);
	store_bind_text(st, 4, r->label && r->label[0] ? r->label : NULL);
	sqlite3_bind_int64(st, 5, r->responses);
	store_bind_text(st, 6, r->content_version ? r->content_version : "");
	int rc = store_step_done(s, st, doing,
			   "a team round needs a person that exists and a new "
			   "id",
			   err);
	if (rc == 0)
		r->id = sqlite3_last_insert_rowid(s->db);
	store_stmt_done(s, st);
	return rc;
}

int store_team_round_add(struct store *s, struct store_team_round *r,
			 struct error *err)
{
	const char *doing = "adding a team round";
	if (!r->uuid[0] && store_uuid(r->uuid, err))
		return -1;
	if (store_write_begin(s, doing, err))
		return -1;
	int rc = round_insert(s, r, doing, err);
	return store_write_end(s, rc == 0, doing, err) || rc ? -1 : 0;
}

/* Adds count to the tally of (item, value) in round id. */
static int tally_add(struct store *s, int64_t round_id, const char *item,
		     const char *statement, int value, unsigned count,
		     const char *doing, struct error *err)
{
	static const char sql[] =
		"INSERT INTO team_tally (round_id, item_id, statement, value, "
		"count) VALUES (?1, ?2, ?3, ?4, ?5) "
		"ON CONFLICT (round_id, item_id, value) "
		"DO UPDATE SET count = count + excluded.count";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, round_id);
	store_bind_text(st, 2, item);
	store_bind_text(st, 3, statement);
	sqlite3_bind_int(st, 4, value);
	sqlite3_bind_int64(st, 5, count);
	int rc = store_step_done(s, st, doing,
			   "a team answer needs a statement, a value from 0 "
			   "to 4 and a round that exists",
			   err);
	store_stmt_done(s, st);
	return rc;
}

static int responses_add(struct store *s, int64_t round_id, const char *doing,
			 struct error *err)
{
	static const char sql[] =
		"UPDATE team_round SET responses = responses + 1 WHERE id = ?1";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, round_id);
	int rc = store_write_one(s, st, "team round", round_id, doing, err);
	store_stmt_done(s, st);
	return rc;
}

int store_team_response_add(struct store *s, int64_t round_id,
			    const struct store_team_answer *a, size_t n,
			    struct error *err)
{
	const char *doing = "saving a team member's answers";
	if (store_write_begin(s, doing, err))
		return -1;
	int rc = responses_add(s, round_id, doing, err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = tally_add(s, round_id, a[i].item, a[i].statement,
			       a[i].value, 1, doing, err);
	return store_write_end(s, rc == 0, doing, err) || rc ? -1 : 0;
}

static int round_exists(struct store *s, const char *uuid, const char *doing,
			struct error *err)
{
	static const char sql[] = "SELECT id FROM team_round WHERE uuid = ?1";
	int64_t id;
	sqlite3_stmt *st = store_stmt_for_text(s, sql, uuid, doing, err);
	return st ? store_row_get(s, st, &store_row_id_reader, &id, doing, err)
		  : -1;
}

int store_team_round_put(struct store *s, struct store_team_round *r,
			 const struct store_team_tally *t, size_t n,
			 struct error *err)
{
	const char *doing = "saving a team round";
	if (!r->uuid[0] && store_uuid(r->uuid, err))
		return -1;
	if (store_write_begin(s, doing, err))
		return -1;
	int rc = round_exists(s, r->uuid, doing, err);
	if (rc == 0)
		rc = round_insert(s, r, doing, err);
	else if (rc == 1)
		n = 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = tally_add(s, r->id, t[i].item, t[i].statement, t[i].value,
			       t[i].count, doing, err);
	if (store_write_end(s, rc >= 0, doing, err) || rc < 0)
		return -1;
	return rc;
}

int store_team_round_delete(struct store *s, int64_t id, struct error *err)
{
	static const char sql[] = "DELETE FROM team_round WHERE id = ?1";
	const char *doing = "deleting a team round";
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int rc = -1;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		rc = store_write_one(s, st, "team round", id, doing, err);
		store_stmt_done(s, st);
	}
	return store_write_end(s, rc == 0, doing, err) || rc ? -1 : 0;
}

static int round_read(sqlite3_stmt *st, void *out)
{
	struct store_team_round *r = out;
	round_from_row(st, r);
	const char **const texts[] = {&r->day, &r->label, &r->content_version,
				      &r->person_name};
	return store_row_own(texts, sizeof texts / sizeof *texts);
}

static void round_clear(void *r)
{
	store_team_round_clear(r);
}

int store_team_round_get(struct store *s, int64_t id,
			 struct store_team_round *out, struct error *err)
{
	static const char sql[] =
		"SELECT " ROUND_COLUMNS " FROM team_round r "
		"JOIN person p ON p.id = r.person_id WHERE r.id = ?1";
	static const struct row_reader reader = {round_read, round_clear};
	const char *doing = "reading a team round";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_row_get(s, st, &reader, out, doing, err) : -1;
}

void store_team_round_clear(struct store_team_round *r)
{
	free((char *)r->day);
	free((char *)r->label);
	free((char *)r->content_version);
	free((char *)r->person_name);
	memset(r, 0, sizeof *r);
}

struct rounds_each {
	int (*cb)(const struct store_team_round *, void *);
	void *ud;
};

static int round_row(sqlite3_stmt *st, void *ctx)
{
	const struct rounds_each *e = ctx;
	struct store_team_round r;
	round_from_row(st, &r);
	return e->cb(&r, e->ud);
}

int store_team_rounds_each(struct store *s, int64_t person_id,
			   int (*cb)(const struct store_team_round *, void *),
			   void *ud, struct error *err)
{
	static const char sql[] =
		"SELECT " ROUND_COLUMNS " FROM team_round r "
		"JOIN person p ON p.id = r.person_id "
		"WHERE ?1 = 0 OR r.person_id = ?1 ORDER BY r.day, r.id";
	const char *doing = "listing team rounds";
	struct rounds_each e = {cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, person_id, doing, err);
	return st ? store_rows_each(s, st, round_row, &e, doing, err) : -1;
}

struct tallies_each {
	int (*cb)(const struct store_team_tally *, void *);
	void *ud;
};

static int tally_row(sqlite3_stmt *st, void *ctx)
{
	const struct tallies_each *e = ctx;
	struct store_team_tally t = {
		.item = store_col_text(st, 0),
		.statement = store_col_text(st, 1),
		.value = sqlite3_column_int(st, 2),
		.count = (unsigned)sqlite3_column_int64(st, 3),
	};
	return e->cb(&t, e->ud);
}

int store_team_tallies_each(struct store *s, int64_t round_id,
			    int (*cb)(const struct store_team_tally *, void *),
			    void *ud, struct error *err)
{
	static const char sql[] =
		"SELECT item_id, statement, value, count FROM team_tally "
		"WHERE round_id = ?1 ORDER BY item_id, value";
	const char *doing = "reading a team round's answers";
	struct tallies_each e = {cb, ud};
	sqlite3_stmt *st = store_stmt_for_id(s, sql, round_id, doing, err);
	return st ? store_rows_each(s, st, tally_row, &e, doing, err) : -1;
}

struct round_days_each {
	int (*cb)(const struct store_team_round_day *, void *);
	void *ud;
};

static int round_day_row(sqlite3_stmt *st, void *ctx)
{
	const struct round_days_each *e = ctx;
	struct store_team_round_day r = {
		.id = sqlite3_column_int64(st, 0),
		.person_id = sqlite3_column_int64(st, 1),
		.day = store_col_text(st, 2),
	};
	return e->cb(&r, e->ud);
}

int store_team_round_days_each(
	struct store *s, int64_t person_id,
	int (*cb)(const struct store_team_round_day *, void *), void *ud,
	struct error *err)
{
	/* Both in the order of team_round_by_person (person_id, day, rowid),
	 * so neither sorts. */
	static const char sql_person[] =
		"SELECT id, person_id, day FROM team_round "
		"WHERE person_id = ?1 ORDER BY day, id";
	static const char sql_all[] =
		"SELECT id, person_id, day FROM team_round "
		"ORDER BY person_id, day, id";
	const char *doing = "listing team rounds";
	struct round_days_each e = {cb, ud};
	sqlite3_stmt *st = person_id ? store_stmt_for_id(s, sql_person,
							 person_id, doing, err)
				     : store_stmt_get(s, sql_all, doing, err);
	return st ? store_rows_each(s, st, round_day_row, &e, doing, err) : -1;
}

int store_team_tally_add(struct store *s, int64_t round_id,
			 const struct store_team_tally *t, struct error *err)
{
	const char *doing = "saving a team round's counts";
	if (store_write_begin(s, doing, err))
		return -1;
	int rc = tally_add(s, round_id, t->item, t->statement, t->value,
			   t->count, doing, err);
	return store_write_end(s, rc == 0, doing, err) || rc ? -1 : 0;
}
