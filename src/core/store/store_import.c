/* store_import.c - the temporary tables behind an import's memory. */
#include "config.h"

#include "core/store/store_import.h"

#include "core/store/store_int.h"

int store_import_begin(struct store *s, struct error *err)
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
	if (s->in_tx)
		return error_set(err, ERROR_RUNTIME,
				 "internal: store_import_begin inside a "
				 "transaction");
	/* Say so before reading: a file whose records are all here already
	 * would otherwise "import" into a database that takes no writes. */
	if (s->readonly)
		return store_fail(s, SQLITE_READONLY, "importing", err);
	if (store_exec(s, sql, "preparing the import", err))
		return -1;
	s->bulk = 1;
	return 0;
}

void store_import_end(struct store *s)
{
	s->bulk = 0;
	/* Back to memory: the tables and their file go. */
	if (!s->in_tx)
		sqlite3_exec(s->db, "PRAGMA temp_store = MEMORY", NULL, NULL,
			     NULL);
}

int store_import_seen_get(struct store *s, int kind, const char *uuid,
			  struct store_import_seen *out, struct error *err)
{
	static const char sql[] =
	    "SELECT line, id, digest0, digest1 FROM temp.import_seen "
	    "WHERE kind = ?1 AND uuid = ?2";
	const char *doing = "reading the import's records";
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, kind);
	store_bind_text(st, 2, uuid);
	int rc = sqlite3_step(st), found = 0;
	if (rc == SQLITE_ROW) {
		out->line = (unsigned long)sqlite3_column_int64(st, 0);
		out->id = sqlite3_column_int64(st, 1);
		out->digest[0] = (uint64_t)sqlite3_column_int64(st, 2);
		out->digest[1] = (uint64_t)sqlite3_column_int64(st, 3);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = store_fail(s, rc, doing, err);
	}
	store_stmt_done(s, st);
	return found;
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
	sqlite3_stmt *pairs = store_stmt_get(s, pairs_sql, doing, err);
	if (!pairs)
		return -1;
	sqlite3_stmt *link = store_stmt_get(s, link_sql, doing, err);
	int rc = link ? SQLITE_ROW : SQLITE_ERROR;
	while (link && (rc = sqlite3_step(pairs)) == SQLITE_ROW) {
		sqlite3_reset(link);
		sqlite3_bind_int64(link, 1, sqlite3_column_int64(pairs, 0));
		sqlite3_bind_int64(link, 2, sqlite3_column_int64(pairs, 1));
		if (store_step_done(s, link, doing, NULL, err)) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	int failed = rc != SQLITE_DONE;
	if (failed && link && rc != SQLITE_ERROR)
		store_fail(s, rc, doing, err);
	store_stmt_done(s, link);
	store_stmt_done(s, pairs);
	return failed ? -1 : 0;
}

int store_note_find_uuid(struct store *s, const char *uuid, int64_t *session_id,
			 struct error *err)
{
	static const char sql[] = "SELECT session_id FROM note WHERE uuid = ?1";
	sqlite3_stmt *st = store_stmt_get(s, sql, "finding a note", err);
	if (!st)
		return -1;
	store_bind_text(st, 1, uuid);
	int r = store_lookup_id(s, st, session_id, "finding a note", err);
	store_stmt_done(s, st);
	return r;
}
