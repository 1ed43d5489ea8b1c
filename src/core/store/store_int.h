/* store_int.h - what the store*.c files share; nobody else includes this.
 *
 * The connection, the statement cache, transactions and the translation
 * of SQLite result codes into messages a user can act on.
 */
#ifndef OWNIT_STORE_INT_H
#define OWNIT_STORE_INT_H

#include <sqlite3.h>

#include "core/store/store.h"

/* "ownI" in ASCII: marks a SQLite file as an ownit database. */
#define STORE_APPLICATION_ID 0x6f776e49

#define STORE_CACHE_MAX 64

struct store_cached {
	const char *sql; /* compared by pointer: SQL is always a literal */
	sqlite3_stmt *st;
};

/* Why a database was opened for reading only (0: it was not). */
enum store_ro { STORE_RO_FILE = 1, STORE_RO_FOLDER };

struct store {
	sqlite3 *db;
	char *path;
	char *warning;
	int readonly; /* a store_ro: why it was opened to read only */
	int checking; /* opened with STORE_CHECKING */
	int in_tx;    /* inside store_tx_begin */
	int depth; /* store_write_begin calls not yet ended */
	int bulk;  /* store_import_begin .. _end: writes inside the import's
		    * transaction take no savepoint of their own */
	struct store_cached cache[STORE_CACHE_MAX];
	int ncache;
	char watched[256]; /* store_watch_*: the first statement seen */
};

/* A person's columns (alias p) as store_people_run reads them from the
 * start of a row. */
#define STORE_PERSON_COLUMNS                                                  \
	"p.id, p.uuid, p.name, p.role, p.team, p.created, p.archived, "       \
	"p.regulated"
/* Steps st to its end and gives it back, handing each row to cb as
 * store_people_each does: the person's columns, then the last session's
 * start and the open and overdue counts packed in one integer (the
 * high and low 32 bits). */
int store_people_run(struct store *s, sqlite3_stmt *st,
		     int (*cb)(const struct store_person_row *, void *),
		     void *ud, const char *doing, struct error *err);

/* Adds the SQL functions list filters use (store_page.c). */
int store_page_functions(struct store *s, struct error *err);

/* Fills err with a message for the last failure on s->db (rc is the
 * result code that failed), naming the file and what to do; doing says
 * what we were at ("saving an answer").  Returns -1. */
int store_fail(struct store *s, int rc, const char *doing, struct error *err);

/* A prepared statement for sql, reset and with bindings cleared.  Hot
 * statements come from the cache; when the cached one is in use (a
 * callback re-entered the store) a fresh one is made.  Give it back with
 * store_stmt_done.  Returns NULL with err set. */
sqlite3_stmt *store_stmt_get(struct store *s, const char *sql,
			     const char *doing, struct error *err);
void store_stmt_done(struct store *s, sqlite3_stmt *st);

/* Binding helpers: NULL text binds NULL; id 0 binds NULL. */
int store_bind_text(sqlite3_stmt *st, int i, const char *v);
int store_bind_id(sqlite3_stmt *st, int i, int64_t id);

/* Column text or NULL. */
const char *store_col_text(sqlite3_stmt *st, int i);

/* malloc'd copy of column text (NULL stays NULL); *oom set on failure. */
char *store_col_dup(sqlite3_stmt *st, int i, int *oom);

/* Starts a write: BEGIN IMMEDIATE, or a savepoint inside store_tx_begin.
 * store_write_end commits (ok != 0) or rolls back; it returns -1 with err set
 * when the commit fails. */
int store_write_begin(struct store *s, const char *doing, struct error *err);
int store_write_end(struct store *s, int ok, const char *doing,
		    struct error *err);

/* Runs one statement that returns no rows, with text parameters. */
int store_exec(struct store *s, const char *sql, const char *doing,
	     struct error *err);

/* Runs a prepared write to completion: SQLITE_DONE -> 0, else store_fail
 * (a constraint failure becomes ERROR_INPUT with msg_constraint when
 * that is not NULL). */
int store_step_done(struct store *s, sqlite3_stmt *st, const char *doing,
	      const char *msg_constraint, struct error *err);

/* Runs a write that must touch exactly one row of what ("person"); no
 * row is an ERROR_INPUT naming the id. */
int store_write_one(struct store *s, sqlite3_stmt *st, const char *what,
		    int64_t id, const char *doing, struct error *err);

/* A write of one row of what ("person") in a transaction of its own
 * (store_write_begin): sql's ?1 is id and its ?2, when it has one, text.
 * 0, or -1 with err set; no such row is an ERROR_INPUT naming the id. */
int store_write_by_id(struct store *s, const char *sql, const char *what,
		      int64_t id, const char *text, const char *doing,
		      struct error *err);

/* Gives the connection ownit_fold() and the ownit_locale collation
 * (store_text.c); before the migration, which uses ownit_fold. */
int store_text_register(struct store *s, struct error *err);

/* Creates or upgrades the schema; see store_schema.c. */
int store_schema_migrate(struct store *s, int version, struct error *err);

/* The SQL of migration step n (1 = the first schema), NULL past the end.
 * Exposed for the migration test. */
const char *store_schema_step(int n);

/* Copies the common fields of a session row (see SESSION_COLUMNS). */
#define SESSION_COLUMNS                                                       \
	"s.id, s.uuid, s.person_id, s.kind, s.coach, s.started, "            \
	"s.completed, s.status, s.content_version, s.step, p.name"
void store_session_from_row(sqlite3_stmt *st, struct store_session *ses);
/* Steps st (a query of SESSION_COLUMNS) to its end and gives it back,
 * handing each row to cb as store_sessions_each does. */
int store_sessions_run(struct store *s, sqlite3_stmt *st,
		       int (*cb)(const struct store_session *, void *),
		       void *ud, const char *doing, struct error *err);

#define COMMITMENT_COLUMNS                                                    \
	"c.id, c.uuid, c.person_id, c.session_id, c.what, c.owner, c.due, "  \
	"c.status, c.reviewed_session_id, c.obstacle, c.created, "           \
	"c.reviewed, p.name, (c.status = 'open' AND c.due < ?99), "          \
	"c.helped, c.differently"
void store_commitment_from_row(sqlite3_stmt *st, struct store_commitment *c);
/* Steps st (a query of COMMITMENT_COLUMNS) to its end and gives it back,
 * handing each row to cb as store_commitments_each does. */
int store_commitments_run(struct store *s, sqlite3_stmt *st,
			  int (*cb)(const struct store_commitment *, void *),
			  void *ud, const char *doing, struct error *err);

/* Null-safe strdup into *dst; returns -1 (and sets *oom) on failure. */
int store_dup_field(const char **dst, const char *src, int *oom);

/* ------------------------------------------------------------ row reads
 * Every read has the same frame: a statement keyed by one id, stepped
 * once (a get) or to its end (an each), a failed step told by store_fail,
 * the statement given back.  These hold that frame, so a read says only
 * its SQL and how a row becomes a struct. */

/* store_stmt_get with ?1 bound to id, or to the text key (a uuid). */
sqlite3_stmt *store_stmt_for_id(struct store *s, const char *sql, int64_t id,
			  const char *doing, struct error *err);
sqlite3_stmt *store_stmt_for_text(struct store *s, const char *sql,
				  const char *key, const char *doing,
				  struct error *err);

/* Makes each of the n borrowed column texts *texts[i] (pointing into the
 * statement's row) a malloc'd copy; NULL stays NULL.  -1 when out of
 * memory: every text is then a copy or NULL, so the owner's clear
 * function can free them all. */
int store_row_own(const char **const texts[], size_t n);

/* How a get turns its row into the caller's struct: read returns -1 when
 * out of memory, after which clear frees what it copied (clear may be
 * NULL for a read that copies nothing). */
struct row_reader {
	int (*read)(sqlite3_stmt *st, void *out);
	void (*clear)(void *out);
};

/* Reads column 0 into a char ** as a malloc'd copy (NULL stays NULL). */
extern const struct row_reader store_row_text_reader;
/* Reads column 0 into an int64_t *: a lookup of an id. */
extern const struct row_reader store_row_id_reader;

/* Steps st once and gives it back: 1 and out read when there is a row, 0
 * when there is none, -1 with err set when the step or the copy failed
 * (out is cleared then). */
int store_row_get(struct store *s, sqlite3_stmt *st, const struct row_reader *r,
	    void *out, const char *doing, struct error *err);

/* Steps st once and gives it back: 1 with *v the row's column 0, 0 when
 * there is no row, -1 with err set; *v is 0 unless a row was read.  For
 * one number: an id, a value, or whether a row exists at all. */
int store_int_get(struct store *s, sqlite3_stmt *st, int64_t *v,
		  const char *doing, struct error *err);

/* store_int_get for a "SELECT count(*)": 0 with *n the count (0 when the
 * statement gave no row), -1 with err set. */
int store_count(struct store *s, sqlite3_stmt *st, size_t *n, const char *doing,
		struct error *err);

/* Steps st to its end and gives it back, calling row(st, ctx) for each
 * row; a non-zero return of row stops there and is returned, a failed
 * step returns -1 with err set. */
int store_rows_each(struct store *s, sqlite3_stmt *st,
	      int (*row)(sqlite3_stmt *st, void *ctx), void *ctx,
	      const char *doing, struct error *err);

#endif
