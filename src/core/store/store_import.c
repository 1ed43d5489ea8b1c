/* store_import.c - the temporary tables behind an import's memory. */
#include "config.h"

#include "core/store/store_import.h"

#include "core/store/store_int.h"

#include <stdio.h>

/* The page cache the import's one transaction gets (KiB).  SQLite's
 * default (2,000 KiB) is smaller than the pages an import keeps
 * touching at once (the tails of the tables it appends to, and the uuid
 * indexes it inserts into in random order), so it writes a page out to
 * the write-ahead log, reads it back and writes it again: at 10,000
 * sessions 104,000 writes and 70,000 reads.  4 MiB takes that to 88,000
 * and 50,000 and an import's time down by about a twentieth, for 2.5 MiB
 * more peak memory that does not grow with the file. */
#define IMPORT_CACHE_KIB 4096

/* The cache size in force (PRAGMA cache_size: pages, or KiB when
 * negative). */
static int cache_size_get(struct store *s, int *out, struct error *err)
{
	static const char sql[] = "PRAGMA main.cache_size";
	const char *doing = "preparing the import";
	int64_t v = 0;
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	int found = st ? store_row_get(s, st, &store_row_id_reader, &v, doing,
				       err)
		       : -1;
	if (found < 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* PRAGMA takes no bound parameters: the number is formatted in. */
static int cache_size_set(struct store *s, int size, struct error *err)
{
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA main.cache_size = %d", size);
	return store_exec(s, sql, "preparing the import", err);
}

int store_import_begin(struct store *s, struct store_import_undo *undo,
		       struct error *err)
{
	/* The connection keeps its temporary tables in memory (store_open),
	 * which would grow with the file here.  These hold uuids, line
	 * numbers and digests, no coaching text, so for the import they may
	 * live in SQLite's temporary file (deleted on close), paged through
	 * its usual small cache.  Changing temp_store drops every temporary
	 * table, so this comes before the transaction. */
	static const char sql[] =
	    "PRAGMA temp_store = FILE;"
	    "CREATE TEMP TABLE import_seen ("
	    " kind INTEGER NOT NULL, uuid TEXT NOT NULL,"
	    " line INTEGER NOT NULL, id INTEGER NOT NULL,"
	    " digest0 INTEGER NOT NULL, digest1 INTEGER NOT NULL,"
	    " PRIMARY KEY (kind, uuid)) WITHOUT ROWID;"
	    "CREATE TEMP TABLE import_review ("
	    " commitment INTEGER PRIMARY KEY, session TEXT NOT NULL);";
	undo->cache_size = 0;
	if (s->in_tx)
		return error_set(err, ERROR_RUNTIME,
				 "internal: store_import_begin inside a "
				 "transaction");
	/* Say so before reading: a file whose records are all here already
	 * would otherwise "import" into a database that takes no writes. */
	if (s->readonly)
		return store_fail(s, SQLITE_READONLY, "importing", err);
	if (cache_size_get(s, &undo->cache_size, err) ||
	    store_exec(s, sql, "preparing the import", err))
		return -1;
	/* Only ever larger: a connection set up with more keeps it. */
	int want = -IMPORT_CACHE_KIB;
	if (undo->cache_size < 0 && undo->cache_size > want &&
	    cache_size_set(s, want, err))
		return -1;
	s->bulk = 1;
	return 0;
}

void store_import_end(struct store *s, const struct store_import_undo *undo)
{
	s->bulk = 0;
	if (s->in_tx)
		return;
	/* Back to memory: the tables and their file go.  The cache shrinks
	 * back too, which lets its extra pages go. */
	sqlite3_exec(s->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	struct error e = {0};
	if (undo->cache_size)
		cache_size_set(s, undo->cache_size, &e);
}

static int seen_read(sqlite3_stmt *st, void *out)
{
	struct store_import_seen *seen = out;
	seen->line = (unsigned long)sqlite3_column_int64(st, 0);
	seen->id = sqlite3_column_int64(st, 1);
	seen->digest[0] = (uint64_t)sqlite3_column_int64(st, 2);
	seen->digest[1] = (uint64_t)sqlite3_column_int64(st, 3);
	return 0;
}

int store_import_seen_get(struct store *s, int kind, const char *uuid,
			  struct store_import_seen *out, struct error *err)
{
	static const char sql[] =
	    "SELECT line, id, digest0, digest1 FROM temp.import_seen "
	    "WHERE uuid = ?1 AND kind = ?2";
	static const struct row_reader reader = {seen_read, NULL};
	const char *doing = "reading the import's records";
	sqlite3_stmt *st = store_stmt_for_text(s, sql, uuid, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 2, kind);
	return store_row_get(s, st, &reader, out, doing, err);
}

int store_import_seen_put(struct store *s, int kind, const char *uuid,
			  const struct store_import_seen *in, int update_digest,
			  struct error *err)
{
	static const char sql[] =
	    "INSERT INTO temp.import_seen "
	    "(kind, uuid, line, id, digest0, digest1) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT (kind, uuid) DO UPDATE SET "
	    "digest0 = CASE WHEN ?7 THEN excluded.digest0 ELSE digest0 END, "
	    "digest1 = CASE WHEN ?7 THEN excluded.digest1 ELSE digest1 END";
	const char *doing = "remembering the import's records";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, kind);
	store_bind_text(st, 2, uuid);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)in->line);
	sqlite3_bind_int64(st, 4, in->id);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)in->digest[0]);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)in->digest[1]);
	sqlite3_bind_int(st, 7, update_digest);
	int rc = store_step_done(s, st, doing, NULL, err);
	store_stmt_done(s, st);
	return rc;
}

int store_import_review_later(struct store *s, int64_t commitment,
			      const char *session_uuid, struct error *err)
{
	static const char sql[] = "INSERT INTO temp.import_review "
				  "(commitment, session) VALUES (?1, ?2)";
	const char *doing = "remembering a follow-up";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, commitment);
	store_bind_text(st, 2, session_uuid);
	int rc = store_step_done(s, st, doing, NULL, err);
	store_stmt_done(s, st);
	return rc;
}

struct review_link {
	struct store *s;
	sqlite3_stmt *link;
	struct error *err;
};

static int review_link_one(sqlite3_stmt *pair, void *ctx)
{
	struct review_link *r = ctx;
	sqlite3_reset(r->link);
	sqlite3_bind_int64(r->link, 1, sqlite3_column_int64(pair, 0));
	sqlite3_bind_int64(r->link, 2, sqlite3_column_int64(pair, 1));
	return store_step_done(r->s, r->link,
			       "linking commitments to their follow-ups", NULL,
			       r->err);
}

int store_import_link_reviews(struct store *s, struct error *err)
{
	/* Pair by pair, not as one UPDATE ... FROM: SQLite first collects
	 * every pair of such an UPDATE in memory, which grew by 2 MiB at
	 * 100,000 sessions.  Walking the pairs off the session uuid index
	 * keeps memory flat; commitment ids come in order, so the updates
	 * touch the commitment table in order too. */
	static const char pairs_sql[] =
	    "SELECT r.commitment, s.id FROM temp.import_review r "
	    "JOIN session s ON s.uuid = r.session ORDER BY r.commitment";
	static const char link_sql[] =
	    "UPDATE commitment SET reviewed_session_id = ?2 WHERE id = ?1";
	const char *doing = "linking commitments to their follow-ups";
	struct review_link r = {s, store_stmt_get(s, link_sql, doing, err),
				err};
	if (!r.link)
		return -1;
	sqlite3_stmt *pairs = store_stmt_get(s, pairs_sql, doing, err);
	int rc = pairs ? store_rows_each(s, pairs, review_link_one, &r, doing,
					 err)
		       : -1;
	store_stmt_done(s, r.link);
	return rc ? -1 : 0;
}

int store_note_find_uuid(struct store *s, const char *uuid, int64_t *session_id,
			 struct error *err)
{
	static const char sql[] = "SELECT session_id FROM note WHERE uuid = ?1";
	const char *doing = "finding a note";
	sqlite3_stmt *st = store_stmt_for_text(s, sql, uuid, doing, err);
	return st ? store_row_get(s, st, &store_row_id_reader, session_id,
				  doing, err)
		  : -1;
}
