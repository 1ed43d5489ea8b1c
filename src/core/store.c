/* store.c - opening the database safely, transactions, errors, the check.
 *
 * Opening is careful because the file holds coaching notes nobody can
 * replace: we look at the bytes before SQLite does, so a file that is not
 * an ownit database (or comes from a newer ownit) is refused before any
 * pragma could write to it.
 */
#include "config.h"

#include "core/store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"

/* ---------------------------------------------------------------- errors */

int store_fail(struct store *s, int rc, const char *doing, struct error *err)
{
	int ext = s && s->db ? sqlite3_extended_errcode(s->db) : rc;
	const char *why = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	const char *path = s && s->path ? s->path : "the database";

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
				 "%d); check the disk, then run `ownit check`",
				 path, doing, why, ext);
	case SQLITE_NOTADB:
		return error_set(err, ERROR_INPUT,
				 "%s is not an ownit database; nothing was "
				 "written to it: choose another file with --db",
				 path);
	case SQLITE_CORRUPT:
		return error_set(err, ERROR_RUNTIME,
				 "%s is damaged (%s, met while %s); nothing "
				 "was written: keep a copy of the file, run "
				 "`ownit check` and restore a backup",
				 path, why, doing);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return error_set(err, ERROR_RUNTIME,
				 "%s: cannot write the database while %s "
				 "(%s); check the permissions of the file and "
				 "its folder",
				 path, doing, why);
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

sqlite3_stmt *stmt_get(struct store *s, const char *sql, const char *doing,
		       struct error *err)
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

void stmt_done(struct store *s, sqlite3_stmt *st)
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

int bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, id);
}

const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

char *col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *t = col_text(st, i);
	if (!t)
		return NULL;
	char *d = strdup(t);
	if (!d)
		*oom = 1;
	return d;
}

int dup_field(const char **dst, const char *src, int *oom)
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

int exec_sql(struct store *s, const char *sql, const char *doing,
	     struct error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, doing, err);
	return 0;
}

int step_done(struct store *s, sqlite3_stmt *st, const char *doing,
	      const char *msg_constraint, struct error *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT && msg_constraint)
		return error_set(err, ERROR_INPUT, "%s", msg_constraint);
	return store_fail(s, rc, doing, err);
}

int lookup_id(struct store *s, sqlite3_stmt *st, int64_t *id,
	      const char *doing, struct error *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		return 1;
	}
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(s, rc, doing, err);
}

/* Runs a write that must touch exactly one row of what (a person, a
 * session ...); zero rows is an ERROR_INPUT naming the id. */
int write_one(struct store *s, sqlite3_stmt *st, const char *what,
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

/* ---------------------------------------------------------- transactions */

int tx_begin(struct store *s, const char *doing, struct error *err)
{
	int nested = s->in_tx || s->depth > 0;
	if (exec_sql(s, nested ? "SAVEPOINT w" : "BEGIN IMMEDIATE", doing, err))
		return -1;
	s->depth++;
	return 0;
}

int tx_end(struct store *s, int ok, const char *doing, struct error *err)
{
	s->depth--;
	if (s->in_tx || s->depth > 0) {
		if (!ok)
			sqlite3_exec(s->db, "ROLLBACK TO w", NULL, NULL, NULL);
		return exec_sql(s, "RELEASE w", doing, err);
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
	if (exec_sql(s, "BEGIN IMMEDIATE", "starting a transaction", err))
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

/* ------------------------------------------------------------------ open */

/* What we learnt about the file before SQLite touched it. */
enum file_state { FILE_MISSING, FILE_EMPTY, FILE_WAL_ONLY, FILE_SQLITE };

static off_t file_size(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return -1;
	return st.st_size;
}

/* 1 when the file starts with the magic number of an SQLite WAL. */
static int wal_header_ok(const char *wal)
{
	unsigned char m[4];
	int fd = open(wal, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, m, sizeof m);
	close(fd);
	return n == 4 && m[0] == 0x37 && m[1] == 0x7f && m[2] == 0x06 &&
	       (m[3] == 0x82 || m[3] == 0x83);
}

/* Looks at path without opening it for writing. */
static int inspect_file(const char *path, int flags, enum file_state *state,
			struct error *err)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return error_errno(err, ERROR_RUNTIME, errno,
					   "cannot look at %s", path);
		if (!(flags & STORE_CREATE))
			return error_set(err, ERROR_INPUT,
					 "no database at %s: start ownit once "
					 "to create it, or give another with "
					 "--db",
					 path);
		*state = FILE_MISSING;
		return 0;
	}
	if (flags & STORE_EXCLUSIVE)
		return error_set(err, ERROR_INPUT,
				 "%s already exists: give a new file name",
				 path);
	if (S_ISLNK(st.st_mode))
		return error_set(err, ERROR_INPUT,
				 "%s is a symbolic link: ownit opens only a "
				 "real file (give the link's target instead)",
				 path);
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_INPUT,
				 "%s is not a regular file", path);
	if (st.st_size == 0) {
		/* An empty main file with a non-empty -wal beside it is a
		 * WAL database whose pages all still live in the log:
		 * SQLite must read it, not us initialise it. */
		char wal[4096];
		snprintf(wal, sizeof wal, "%s-wal", path);
		if (file_size(wal) <= 0) {
			*state = FILE_EMPTY;
			return 0;
		}
		if (!wal_header_ok(wal))
			return error_set(err, ERROR_INPUT,
					 "%s is empty but %s-wal beside it holds "
					 "data that is not an SQLite log; nothing "
					 "was written: move both files aside and "
					 "start again",
					 path, path);
		*state = FILE_WAL_ONLY;
		return 0;
	}
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return error_errno(err, ERROR_RUNTIME, errno,
				   "cannot open %s", path);
	char head[16];
	ssize_t n = read(fd, head, sizeof head);
	int e = errno;
	close(fd);
	if (n < 0)
		return error_errno(err, ERROR_RUNTIME, e, "cannot read %s",
				   path);
	if (n < (ssize_t)sizeof head ||
	    memcmp(head, "SQLite format 3", 16) != 0)
		return error_set(err, ERROR_INPUT,
				 "%s is not an ownit database (not an SQLite "
				 "file at all); nothing was written to it: "
				 "choose another file with --db",
				 path);
	*state = FILE_SQLITE;
	return 0;
}

/* Creates a missing database file private to the user: the folders 0700,
 * the file 0600 whatever the umask, before SQLite opens it (SQLite gives
 * its -wal and -shm files the same mode). */
static int create_private(const char *path, struct error *err)
{
	if (paths_make_parents(path, err))
		return -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      0600);
	if (fd < 0)
		return error_errno(err, ERROR_RUNTIME, errno,
				   "cannot create %s", path);
	if (fchmod(fd, 0600) != 0) {
		int e = errno;
		close(fd);
		return error_errno(err, ERROR_RUNTIME, e,
				   "cannot make %s private", path);
	}
	close(fd);
	return 0;
}

static int privacy_check(struct store *s, struct error *err)
{
	struct stat st;
	if (stat(s->path, &st) != 0)
		return error_errno(err, ERROR_RUNTIME, errno, "cannot look at %s",
				   s->path);
	if (!(st.st_mode & 077))
		return 0;
	char buf[4200];
	snprintf(buf, sizeof buf,
		 "%s can be read by other users (mode %04o): coaching notes "
		 "are private, run `chmod 600 %s`",
		 s->path, (unsigned)(st.st_mode & 07777), s->path);
	s->warning = strdup(buf);
	if (!s->warning)
		return error_errno(err, ERROR_RUNTIME, errno, "out of memory");
	return 0;
}

static int pragma_int(struct store *s, const char *sql, int *out,
		      struct error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the database header", err);
	return 0;
}

/* Decides, by reading only, whether this is ours and how old it is.
 * Sets *version to the schema version (0: a new, empty database). */
static int identify(struct store *s, enum file_state state, int *version,
		    struct error *err)
{
	int app = 0, objects = 0;
	if (pragma_int(s, "PRAGMA application_id", &app, err) ||
	    pragma_int(s, "PRAGMA user_version", version, err) ||
	    pragma_int(s, "SELECT count(*) FROM sqlite_schema", &objects, err))
		return -1;
	if (app == 0 && *version == 0 && objects == 0) {
		if (state != FILE_WAL_ONLY)
			return 0;
		/* The log beside the empty file held nothing SQLite could
		 * use: it is not ours to overwrite. */
		return error_set(err, ERROR_INPUT,
				 "%s is empty but %s-wal beside it holds data "
				 "SQLite cannot read; nothing was written: move "
				 "both files aside and start again",
				 s->path, s->path);
	}
	if (app != STORE_APPLICATION_ID)
		return error_set(err, ERROR_INPUT,
				 "%s is an SQLite database of another program, "
				 "not ownit's; nothing was written to it: "
				 "choose another file with --db",
				 s->path);
	if (*version > STORE_SCHEMA_VERSION)
		return error_set(err, ERROR_INPUT,
				 "%s was written by a newer ownit (database "
				 "version %d, this ownit knows up to %d); it "
				 "was left untouched: upgrade ownit to open it",
				 s->path, *version, STORE_SCHEMA_VERSION);
	return 0;
}

static int connection_setup(struct store *s, struct error *err)
{
	static const char *const pragmas[] = {
		"PRAGMA foreign_keys = ON",
		"PRAGMA journal_mode = WAL",
		"PRAGMA synchronous = FULL",
		"PRAGMA secure_delete = ON",
		"PRAGMA temp_store = MEMORY",
	};
	for (size_t i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
		/* journal_mode returns a row; step until done. */
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(s->db, pragmas[i], -1, &st, NULL);
		while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, rc, "setting up the connection",
					  err);
	}
	return 0;
}

struct store *store_open(const char *path, int flags, struct error *err)
{
	enum file_state state;
	if (!path || !path[0]) {
		error_set(err, ERROR_INPUT, "no database file given");
		return NULL;
	}
	if (inspect_file(path, flags, &state, err))
		return NULL;
	if (state == FILE_MISSING && create_private(path, err))
		return NULL;

	struct store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		error_errno(err, ERROR_RUNTIME, errno, "out of memory");
		return NULL;
	}
	int rc = sqlite3_open_v2(path, &s->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
					 SQLITE_OPEN_EXRESCODE,
				 NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "opening", err);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 5000);
	int version = 0;
	if (privacy_check(s, err) || identify(s, state, &version, err) ||
	    connection_setup(s, err) ||
	    store_schema_migrate(s, version, err))
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_tx_rollback(s);
	for (int i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	free(s->path);
	free(s->warning);
	free(s);
}

const char *store_warning(const struct store *s)
{
	return s->warning;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

void store_set_busy_timeout(struct store *s, int ms)
{
	sqlite3_busy_timeout(s->db, ms);
}

int store_debug_exec(struct store *s, const char *sql, struct error *err)
{
	return exec_sql(s, sql, "running a test statement", err);
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
				 col_text(st, 0) ? col_text(st, 0) : "?",
				 (long long)sqlite3_column_int64(st, 1),
				 col_text(st, 2) ? col_text(st, 2) : "?");
		} else {
			const char *t = col_text(st, 0);
			if (t && strcmp(t, "ok") == 0)
				continue;
			snprintf(line, sizeof line, "%s", t ? t : "?");
		}
		*bad = 1;
		if (cb && cb(line, ud))
			break;
	}
	sqlite3_finalize(st);
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
