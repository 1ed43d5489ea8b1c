/* store_person.c - the people being coached. */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/base/utext.h"

static const char sql_person_add[] =
	"INSERT INTO person (uuid, name, role, team, created, archived, "
	"regulated, name_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/* A name as stored: NFC, so that one name typed composed or decomposed
 * is one string; and its key, folded in every script. */
struct name_forms {
	char *nfc, *key;
};

static int name_forms_make(const char *name, struct name_forms *f,
			   struct error *err)
{
	f->nfc = utext_nfc(name);
	f->key = utext_fold(name);
	if (f->nfc && f->key)
		return 0;
	free(f->nfc);
	free(f->key);
	return error_errno(err, ERROR_RUNTIME, ENOMEM, "saving a person");
}

static void name_forms_free(struct name_forms *f)
{
	free(f->nfc);
	free(f->key);
}

/* The name of the person stored under key, malloc'd, or NULL. */
static char *name_holding(struct store *s, const char *key)
{
	static const char sql[] = "SELECT name FROM person WHERE name_key = ?1";
	struct error ignored = {0};
	sqlite3_stmt *st =
	    store_stmt_for_text(s, sql, key, "naming a person", &ignored);
	char *name = NULL;
	if (st && store_row_get(s, st, &store_row_text_reader, &name,
				"naming a person", &ignored) != 1) {
		free(name);
		name = NULL;
	}
	return name;
}

/* An INSERT or UPDATE failing on the unique name is the user's input:
 * named as the person already stored, whose spelling may differ. */
static int name_taken(struct store *s, const char *name, const char *key,
		      struct error *err)
{
	int ext = sqlite3_extended_errcode(s->db);
	if (ext == SQLITE_CONSTRAINT_UNIQUE &&
	    strstr(sqlite3_errmsg(s->db), "person.name")) {
		char *held = name_holding(s, key);
		if (held && strcmp(held, name) != 0)
			error_set(err, ERROR_INPUT,
				  "\"%s\" is already here as \"%s\" (names "
				  "are compared ignoring letter case and "
				  "accents typed apart)",
				  name, held);
		else
			error_set(err, ERROR_INPUT,
				  "a person called \"%s\" already exists",
				  name);
		free(held);
		return -1;
	}
	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		return error_set(err, ERROR_INPUT,
				 "person \"%s\": %s (a name must not be "
				 "blank; an id must be new)",
				 name, sqlite3_errmsg(s->db));
	return store_fail(s, ext, "saving a person", err);
}

int store_person_add(struct store *s, struct store_person *p,
		     struct error *err)
{
	const char *doing = "adding a person";
	char now[DATES_TS_SIZE];
	if (!p->name)
		return error_set(err, ERROR_INPUT, "a person needs a name");
	if (!p->uuid[0] && store_uuid(p->uuid, err))
		return -1;
	struct name_forms nf;
	if (name_forms_make(p->name, &nf, err))
		return -1;
	dates_now(now);
	if (store_write_begin(s, doing, err)) {
		name_forms_free(&nf);
		return -1;
	}
	sqlite3_stmt *st = store_stmt_get(s, sql_person_add, doing, err);
	int rc = SQLITE_ERROR;
	if (st) {
		store_bind_text(st, 1, p->uuid);
		store_bind_text(st, 2, nf.nfc);
		store_bind_text(st, 3, p->role);
		store_bind_text(st, 4, p->team);
		store_bind_text(st, 5, p->created ? p->created : now);
		sqlite3_bind_int(st, 6, p->archived ? 1 : 0);
		sqlite3_bind_int(st, 7, p->regulated ? 1 : 0);
		store_bind_text(st, 8, nf.key);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			p->id = sqlite3_last_insert_rowid(s->db);
		else
			name_taken(s, p->name, nf.key, err);
		store_stmt_done(s, st);
	}
	name_forms_free(&nf);
	return store_write_end(s, rc == SQLITE_DONE, doing, err) ||
		       rc != SQLITE_DONE
		   ? -1
		   : 0;
}

int store_person_update(struct store *s, const struct store_person *p,
			struct error *err)
{
	static const char sql[] =
		"UPDATE person SET name = ?2, role = ?3, team = ?4, "
		"archived = ?5, regulated = ?6, name_key = ?7 WHERE id = ?1";
	const char *doing = "changing a person";
	if (!p->name)
		return error_set(err, ERROR_INPUT, "a person needs a name");
	struct name_forms nf;
	if (name_forms_make(p->name, &nf, err))
		return -1;
	if (store_write_begin(s, doing, err)) {
		name_forms_free(&nf);
		return -1;
	}
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int ok = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, p->id);
		store_bind_text(st, 2, nf.nfc);
		store_bind_text(st, 3, p->role);
		store_bind_text(st, 4, p->team);
		sqlite3_bind_int(st, 5, p->archived ? 1 : 0);
		sqlite3_bind_int(st, 6, p->regulated ? 1 : 0);
		store_bind_text(st, 7, nf.key);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			name_taken(s, p->name, nf.key, err);
		else if (sqlite3_changes(s->db) == 0)
			error_set(err, ERROR_INPUT, "no person with id %lld",
				  (long long)p->id);
		else
			ok = 1;
		store_stmt_done(s, st);
	}
	name_forms_free(&nf);
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

int store_person_delete(struct store *s, int64_t id, struct error *err)
{
	static const char sql[] = "DELETE FROM person WHERE id = ?1";
	return store_write_by_id(s, sql, "person", id, NULL,
				 "deleting a person", err);
}

static void person_from_row(sqlite3_stmt *st, struct store_person *p)
{
	p->id = sqlite3_column_int64(st, 0);
	snprintf(p->uuid, sizeof p->uuid, "%s",
		 store_col_text(st, 1) ? store_col_text(st, 1) : "");
	p->name = store_col_text(st, 2);
	p->role = store_col_text(st, 3);
	p->team = store_col_text(st, 4);
	p->created = store_col_text(st, 5);
	p->archived = sqlite3_column_int(st, 6);
	p->regulated = sqlite3_column_int(st, 7);
}

#define PERSON_COLUMNS STORE_PERSON_COLUMNS

static int person_read(sqlite3_stmt *st, void *out)
{
	struct store_person *p = out;
	person_from_row(st, p);
	const char **const texts[] = {&p->name, &p->role, &p->team,
				      &p->created};
	return store_row_own(texts, sizeof texts / sizeof *texts);
}

static void person_clear(void *p)
{
	store_person_clear(p);
}

int store_person_get(struct store *s, int64_t id, struct store_person *out,
		     struct error *err)
{
	static const char sql[] =
		"SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?1";
	static const struct row_reader reader = {person_read, person_clear};
	const char *doing = "reading a person";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	return st ? store_row_get(s, st, &reader, out, doing, err) : -1;
}

void store_person_clear(struct store_person *p)
{
	free((char *)p->name);
	free((char *)p->role);
	free((char *)p->team);
	free((char *)p->created);
	p->name = p->role = p->team = p->created = NULL;
}

int store_person_find(struct store *s, const char *name, int64_t *id,
		      struct error *err)
{
	/* A row written by another program (the sqlite3 shell) has no key
	 * yet: it is still found by its name, as before version 4. */
	static const char sql[] =
		"SELECT id FROM person WHERE name_key = ?1 "
		"OR (name_key IS NULL AND name = ?2)";
	char *key = utext_fold(name);
	if (!key)
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "finding a person");
	const char *doing = "finding a person";
	sqlite3_stmt *st = store_stmt_for_text(s, sql, key, doing, err);
	int r = -1;
	if (st) {
		store_bind_text(st, 2, name);
		r = store_int_get(s, st, id, doing, err);
	}
	free(key);
	return r;
}

int store_person_find_uuid(struct store *s, const char *uuid, int64_t *id,
			   struct error *err)
{
	static const char sql[] = "SELECT id FROM person WHERE uuid = ?1";
	const char *doing = "finding a person";
	sqlite3_stmt *st = store_stmt_for_text(s, sql, uuid, doing, err);
	return st ? store_row_get(s, st, &store_row_id_reader, id, doing, err)
		  : -1;
}

struct people_each {
	int (*cb)(const struct store_person_row *, void *);
	void *ud;
};

static int person_row(sqlite3_stmt *st, void *ctx)
{
	const struct people_each *e = ctx;
	struct store_person_row row;
	person_from_row(st, &row.person);
	row.last_session = store_col_text(st, 8);
	int64_t counts = sqlite3_column_int64(st, 9);
	row.open = (int)(counts >> 32);
	row.overdue = (int)(counts & 0xffffffff);
	return e->cb(&row, e->ud);
}

int store_people_run(struct store *s, sqlite3_stmt *st,
		     int (*cb)(const struct store_person_row *, void *),
		     void *ud, const char *doing, struct error *err)
{
	struct people_each e = {cb, ud};
	return store_rows_each(s, st, person_row, &e, doing, err);
}

int store_people_each(struct store *s, int include_archived,
		      int (*cb)(const struct store_person_row *, void *),
		      void *ud, struct error *err)
{
	/* Each figure is answered from an index, so the home screen costs
	 * the same however long the history: the last session is the
	 * first entry of the person's (person_id, started) index read
	 * backwards, and one walk over their open commitments counts both
	 * the open ones (the high 32 bits) and the overdue ones (the low). */
	static const char sql[] =
		"SELECT " PERSON_COLUMNS ", "
		"(SELECT started FROM session WHERE person_id = p.id "
		" ORDER BY started DESC LIMIT 1), "
		"(SELECT count(*) << 32 | count(CASE WHEN due < ?1 THEN 1 END) "
		" FROM commitment WHERE person_id = p.id AND status = 'open') "
		"FROM person p WHERE ?2 OR p.archived = 0 "
		"ORDER BY p.name COLLATE ownit_locale, p.id";
	const char *doing = "listing people";
	char today[DATES_DAY_SIZE];
	dates_today(today);
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 1, today);
	sqlite3_bind_int(st, 2, include_archived ? 1 : 0);
	return store_people_run(s, st, cb, ud, doing, err);
}
