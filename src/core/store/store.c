/* store.c - what every store file leans on: messages for SQLite's
 * errors, the statement cache, transactions, uuids, the integrity check
 * and the name tables.  Opening lives in store_open.c.
 */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>


/* ---------------------------------------------------------------- errors */

/* The -wal or -shm file beside path that exists but cannot serve as
 * one (not writable for us, or not a regular file), into buf, or NULL:
 * SQLite cannot save anything then, whatever the mode of the database
 * itself. */
static const char *side_file_blocking(const char *path, char *buf, size_t n,
				      struct stat *st)
{
	static const char *const ends[] = {"-wal", "-shm"};
	for (size_t i = 0; i < 2; i++) {
		snprintf(buf, n, "%s%s", path, ends[i]);
		if (lstat(buf, st) == 0 &&
		    (!S_ISREG(st->st_mode) || access(buf, W_OK) != 0))
			return buf;
	}
	return NULL;
}

/* The way out for a side file in the way: chmod helps only the owner. */
static int fail_side_file(const char *side, const struct stat *st,
			  const char *doing, struct error *err)
{
	if (!S_ISREG(st->st_mode))
		return error_set(err, ERROR_RUNTIME,
				 "%s is not a regular file, which stops the "
				 "database beside it from being used while "
				 "%s; move it aside and try again",
				 side, doing);
	if (st->st_uid != geteuid())
		return error_set(err, ERROR_RUNTIME,
				 "%s belongs to another user (uid %u), which "
				 "stops the database beside it from being "
				 "written while %s; when no ownit is running, "
				 "have that user or an administrator remove it",
				 side, (unsigned)st->st_uid, doing);
	return error_set(err, ERROR_RUNTIME,
			 "%s cannot be written (mode %04o), which stops the "
			 "database beside it from being written while %s; "
			 "when no ownit is running, remove it or make it "
			 "writable (chmod 600 %s)",
			 side, (unsigned)(st->st_mode & 07777), doing, side);
}

/* A write refused: say which file is in the way. */
static int fail_readonly(struct store *s, const char *path, const char *doing,
			 const char *why, struct error *err)
{
	char side[4200];
	struct stat st;
	if (s && s->readonly == STORE_RO_FOLDER)
		return error_set(err, ERROR_RUNTIME,
				 "%s lies in a folder you cannot write (a "
				 "read-only disk or someone else's folder), so "
				 "it was opened for reading only and %s is not "
				 "possible; make the folder writable or copy "
				 "the database to one that is",
				 path, doing);
	if (s && s->readonly && stat(path, &st) == 0)
		return error_set(err, ERROR_RUNTIME,
				 "%s is read-only for you (mode %04o), so it "
				 "was opened for reading only and %s is not "
				 "possible; make it writable (chmod 600 %s)",
				 path, (unsigned)(st.st_mode & 07777), doing,
				 path);
	if (s && side_file_blocking(path, side, sizeof side, &st))
		return fail_side_file(side, &st, doing, err);
	return error_set(err, ERROR_RUNTIME,
			 "%s: cannot write the database while %s (%s); check "
			 "the permissions of the file and its folder",
			 path, doing, why);
}

int store_fail(struct store *s, int rc, const char *doing, struct error *err)
{
	int ext = s && s->db ? sqlite3_extended_errcode(s->db) : rc;
	const char *why = s && s->db ? sqlite3_errmsg(s->db)
				      : sqlite3_errstr(rc);
	const char *path = s && s->path ? s->path : "the database";
	int checking = s && s->checking;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, ERROR_RUNTIME,
				 "%s: the database is busy (another ownit is "
				 "writing to it) while %s; close the other "
				 "one and try again",
				 path, doing);
	case SQLITE_FULL:
		return error_set(err, ERROR_RUNTIME,
				 "%s: the disk is full while %s; nothing of "
				 "it was saved: free some space and try again",
				 path, doing);
	case SQLITE_IOERR:
		return error_set(err, ERROR_RUNTIME,
				 "%s: input/output error while %s (%s, code "
				 "%d); check the disk%s",
				 path, doing, why, ext,
				 checking ? "" : ", then run `ownit check`");
	case SQLITE_NOTADB:
		return error_set(err, ERROR_INPUT,
				 "%s is not an ownit database; nothing was "
				 "written to it: choose another file with --db",
				 path);
	case SQLITE_CORRUPT:
		/* The check itself must not send the reader to the check. */
		return error_set(err, ERROR_RUNTIME,
				 "%s is damaged (%s, met while %s); nothing "
				 "was written: keep a copy of the file%s and "
				 "restore a backup",
				 path, why, doing,
				 checking ? "" : ", run `ownit check`");
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return fail_readonly(s, path, doing, why, err);
	case SQLITE_NOMEM:
		return error_set(err, ERROR_RUNTIME, "out of memory while %s",
				 doing);
	case SQLITE_CONSTRAINT:
		return error_set(err, ERROR_INPUT, "%s: invalid data while %s "
				 "(%s)", path, doing, why);
	default:
		return error_set(err, ERROR_RUNTIME, "%s: %s while %s", path,
				 why, doing);
	}
}

/* ------------------------------------------------------------ statements */

sqlite3_stmt *store_stmt_get(struct store *s, const char *sql,
			     const char *doing, struct error *err)
{
	int slot = -1;
	for (int i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			slot = i;
			break;
		}
	}
	if (slot >= 0 && !sqlite3_stmt_busy(s->cache[slot].st)) {
		sqlite3_stmt *st = s->cache[slot].st;
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	int persist = slot < 0 && s->ncache < STORE_CACHE_MAX;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sql, -1,
				    persist ? SQLITE_PREPARE_PERSISTENT : 0,
				    &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, doing, err);
		sqlite3_finalize(st);
		return NULL;
	}
	if (persist) {
		s->cache[s->ncache].sql = sql;
		s->cache[s->ncache].st = st;
		s->ncache++;
	}
	return st;
}

void store_stmt_done(struct store *s, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (int i = 0; i < s->ncache; i++) {
		if (s->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	}
	sqlite3_finalize(st);
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int store_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, id);
}

const char *store_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

char *store_col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *t = store_col_text(st, i);
	if (!t)
		return NULL;
	char *d = strdup(t);
	if (!d)
		*oom = 1;
	return d;
}

int store_dup_field(const char **dst, const char *src, int *oom)
{
	*dst = NULL;
	if (!src)
		return 0;
	char *d = strdup(src);
	if (!d) {
		*oom = 1;
		return -1;
	}
	*dst = d;
	return 0;
}

/* ------------------------------------------------------------ row reads */

sqlite3_stmt *store_stmt_for_id(struct store *s, const char *sql, int64_t id,
			  const char *doing, struct error *err)
{
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return st;
}

sqlite3_stmt *store_stmt_for_text(struct store *s, const char *sql,
				  const char *key, const char *doing,
				  struct error *err)
{
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (st)
		store_bind_text(st, 1, key);
	return st;
}

int store_row_own(const char **const texts[], size_t n)
{
	int oom = 0;
	/* Go on past a failure: a text left borrowed would be freed. */
	for (size_t i = 0; i < n; i++)
		store_dup_field(texts[i], *texts[i], &oom);
	return oom ? -1 : 0;
}

static int text_read(sqlite3_stmt *st, void *out)
{
	char **text = out;
	int oom = 0;
	*text = store_col_dup(st, 0, &oom);
	return oom ? -1 : 0;
}

static void text_clear(void *out)
{
	char **text = out;
	free(*text);
	*text = NULL;
}

const struct row_reader store_row_text_reader = {text_read, text_clear};

static int id_read(sqlite3_stmt *st, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(st, 0);
	return 0;
}

const struct row_reader store_row_id_reader = {id_read, NULL};

int store_row_get(struct store *s, sqlite3_stmt *st, const struct row_reader *r,
	    void *out, const char *doing, struct error *err)
{
	int rc = sqlite3_step(st), ret = 0, oom = 0;
	if (rc == SQLITE_ROW) {
		oom = r->read(st, out) != 0;
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(s, rc, doing, err);
	}
	store_stmt_done(s, st);
	if (!oom)
		return ret;
	if (r->clear)
		r->clear(out);
	return error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", doing);
}

int store_int_get(struct store *s, sqlite3_stmt *st, int64_t *v,
		  const char *doing, struct error *err)
{
	*v = 0;
	return store_row_get(s, st, &store_row_id_reader, v, doing, err);
}

int store_count(struct store *s, sqlite3_stmt *st, size_t *n, const char *doing,
		struct error *err)
{
	int64_t v;
	int r = store_int_get(s, st, &v, doing, err);
	*n = v > 0 ? (size_t)v : 0;
	return r < 0 ? -1 : 0;
}

int store_rows_each(struct store *s, sqlite3_stmt *st,
	      int (*row)(sqlite3_stmt *st, void *ctx), void *ctx,
	      const char *doing, struct error *err)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = row(st, ctx)) != 0)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = store_fail(s, rc, doing, err);
	store_stmt_done(s, st);
	return ret;
}

int store_exec(struct store *s, const char *sql, const char *doing,
	     struct error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, doing, err);
	return 0;
}

int store_step_done(struct store *s, sqlite3_stmt *st, const char *doing,
	      const char *msg_constraint, struct error *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT && msg_constraint)
		return error_set(err, ERROR_INPUT, "%s", msg_constraint);
	return store_fail(s, rc, doing, err);
}

/* Runs a write that must touch exactly one row of what (a person, a
 * session ...); zero rows is an ERROR_INPUT naming the id. */
int store_write_one(struct store *s, sqlite3_stmt *st, const char *what,
		     int64_t id, const char *doing, struct error *err)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, doing, err);
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, ERROR_INPUT, "no %s with id %lld", what,
				 (long long)id);
	return 0;
}

int store_write_by_id(struct store *s, const char *sql, const char *what,
		      int64_t id, const char *text, const char *doing,
		      struct error *err)
{
	if (store_write_begin(s, doing, err))
		return -1;
	sqlite3_stmt *st = store_stmt_for_id(s, sql, id, doing, err);
	int ok = 0;
	if (st) {
		if (sqlite3_bind_parameter_count(st) >= 2)
			store_bind_text(st, 2, text);
		ok = store_write_one(s, st, what, id, doing, err) == 0;
		store_stmt_done(s, st);
	}
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

/* ---------------------------------------------------------- transactions */

/* An import rolls its whole transaction back after any failed write and
 * writes nothing more meanwhile (csvimport.c), and a single statement is
 * atomic by itself, so a savepoint per row would only cost time. */
static int bulk_nested(const struct store *s)
{
	return s->bulk && s->in_tx;
}

int store_write_begin(struct store *s, const char *doing, struct error *err)
{
	int nested = s->in_tx || s->depth > 0;
	if (!bulk_nested(s) &&
	    store_exec(s, nested ? "SAVEPOINT w" : "BEGIN IMMEDIATE", doing,
		       err))
		return -1;
	s->depth++;
	return 0;
}

int store_write_end(struct store *s, int ok, const char *doing,
		    struct error *err)
{
	s->depth--;
	if (bulk_nested(s))
		return 0;
	if (s->in_tx || s->depth > 0) {
		if (!ok)
			sqlite3_exec(s->db, "ROLLBACK TO w", NULL, NULL, NULL);
		return store_exec(s, "RELEASE w", doing, err);
	}
	if (ok) {
		int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		store_fail(s, rc, doing, err);
	}
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return ok ? -1 : 0;
}

int store_tx_begin(struct store *s, struct error *err)
{
	if (s->in_tx)
		return error_set(err, ERROR_RUNTIME,
				 "internal: a transaction is already open");
	if (store_exec(s, "BEGIN IMMEDIATE", "starting a transaction", err))
		return -1;
	s->in_tx = 1;
	return 0;
}

int store_tx_commit(struct store *s, struct error *err)
{
	if (!s->in_tx)
		return error_set(err, ERROR_RUNTIME,
				 "internal: no transaction to commit");
	s->in_tx = 0;
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	store_fail(s, rc, "committing", err);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

void store_tx_rollback(struct store *s)
{
	if (!s->in_tx)
		return;
	s->in_tx = 0;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ uuid */

int store_uuid(char buf[STORE_UUID_SIZE], struct error *err)
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return error_errno(err, ERROR_RUNTIME, errno,
					   "cannot get random bytes for an id");
		}
		got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	static const char hex[] = "0123456789abcdef";
	char *p = buf;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 15];
	}
	*p = '\0';
	return 0;
}

/* ----------------------------------------------------------------- check */

static int check_rows(struct store *s, const char *sql, int fk,
		      int (*cb)(const char *, void *), void *ud, int *bad,
		      struct error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		char line[512];
		if (fk) {
			/* table, rowid, parent table, foreign key index */
			snprintf(line, sizeof line,
				 "table %s row %lld refers to a missing row "
				 "of %s",
				 store_col_text(st, 0) ? store_col_text(st, 0)
						       : "?",
				 (long long)sqlite3_column_int64(st, 1),
				 store_col_text(st, 2) ? store_col_text(st, 2)
						       : "?");
		} else {
			const char *t = store_col_text(st, 0);
			if (t && strcmp(t, "ok") == 0)
				continue;
			snprintf(line, sizeof line, "%s", t ? t : "?");
		}
		*bad = 1;
		if (cb && cb(line, ud))
			break;
	}
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CORRUPT) {
		/* SQLite lists what it can, then stops at damage it cannot
		 * read past: that is a finding too. */
		char line[512];
		snprintf(line, sizeof line,
			 "the %s check stopped at damage it cannot read past "
			 "(%s)",
			 fk ? "foreign key" : "integrity",
			 sqlite3_errmsg(s->db));
		*bad = 1;
		if (cb)
			cb(line, ud);
		return 0;
	}
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(s, rc, "checking the database", err);
	return 0;
}

int store_check(struct store *s, int (*cb)(const char *problem, void *ud),
		void *ud, struct error *err)
{
	int bad = 0;
	if (check_rows(s, "PRAGMA integrity_check", 0, cb, ud, &bad, err) ||
	    check_rows(s, "PRAGMA foreign_key_check", 1, cb, ud, &bad, err))
		return -1;
	return bad;
}

/* ----------------------------------------------------------- name tables */

static const char *const kind_names[] = {"coaching", "self"};
static const char *const status_names[] = {"open", "complete"};
static const char *const cstatus_names[] = {"open", "kept", "partly",
					    "missed", "renegotiated"};
static const char *const step_names[] = {
	"followup", "flags",       "pillars", "results",
	"ladder",   "commitments", "notes",   "summary"};

static int name_parse(const char *const *names, int n, const char *name)
{
	for (int i = 0; name && i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

#define NAMES(a) (int)(sizeof(a) / sizeof((a)[0]))

const char *store_kind_name(enum store_kind k)
{
	return (unsigned)k < 2 ? kind_names[k] : "?";
}

int store_kind_parse(const char *name)
{
	return name_parse(kind_names, NAMES(kind_names), name);
}

const char *store_status_name(enum store_status st)
{
	return (unsigned)st < 2 ? status_names[st] : "?";
}

int store_status_parse(const char *name)
{
	return name_parse(status_names, NAMES(status_names), name);
}

const char *store_cstatus_name(enum store_cstatus st)
{
	return (unsigned)st < 5 ? cstatus_names[st] : "?";
}

int store_cstatus_parse(const char *name)
{
	return name_parse(cstatus_names, NAMES(cstatus_names), name);
}

const char *store_step_name(enum store_step st)
{
	return (unsigned)st < STORE_STEP_COUNT ? step_names[st] : "?";
}

int store_step_parse(const char *name)
{
	return name_parse(step_names, NAMES(step_names), name);
}

long long store_changes(const struct store *s)
{
	return s && s->db ? (long long)sqlite3_total_changes(s->db) : 0;
}

int store_data_version(struct store *s, int64_t *out, struct error *err)
{
	const char *doing = "reading the data version";
	sqlite3_stmt *st = store_stmt_get(s, "PRAGMA data_version", doing, err);
	return st && store_int_get(s, st, out, doing, err) == 1 ? 0 : -1;
}

/* ------------------------------------------------------------- watching */

/* SQLITE_TRACE_STMT: a statement starts running. */
static int watch_trace(unsigned type, void *ctx, void *p, void *x)
{
	struct store *s = ctx;
	const char *sql = sqlite3_sql(p);
	(void)type;
	(void)x;
	if (!s->watched[0])
		snprintf(s->watched, sizeof s->watched, "%s",
			 sql && sql[0] ? sql : "?");
	return 0;
}

void store_watch_begin(struct store *s)
{
	s->watched[0] = '\0';
	sqlite3_trace_v2(s->db, SQLITE_TRACE_STMT, watch_trace, s);
}

const char *store_watch_end(struct store *s)
{
	sqlite3_trace_v2(s->db, 0, NULL, NULL);
	return s->watched[0] ? s->watched : NULL;
}
