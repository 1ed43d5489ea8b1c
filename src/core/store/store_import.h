/* store_import.h - what an import remembers while it reads a file.
 *
 * Part of the store.  An import reads files of any size with flat memory,
 * so what it must remember about the rows it has read (which uuids it has
 * met, on which line, with what content; which follow-ups wait for a
 * session further down) is kept in temporary tables of this connection,
 * which SQLite pages out to a temporary file past its cache, rather than
 * in arrays that grow with the file.  They are filled inside the
 * import's transaction (store_tx_begin) and dropped after it.
 */
#ifndef OWNIT_STORE_IMPORT_H
#define OWNIT_STORE_IMPORT_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* A record met in the file, by kind (the caller's numbering) and uuid. */
struct store_import_seen {
	unsigned long line; /* where the file has it first */
	int64_t id;	    /* the row it became or matched here, or 0 */
	uint64_t digest[2]; /* its content (see csvimport_dup.c) */
};

/* What store_import_begin changed on the connection besides the
 * tables, for store_import_end to put back. */
struct store_import_undo {
	int cache_size; /* PRAGMA cache_size before (0: left alone) */
};

/* Makes the temporary tables and gives the connection a larger page
 * cache for the import.  Call before store_tx_begin.  Until
 * store_import_end the store's writes inside that transaction take no
 * savepoint each: the caller must roll the whole transaction back after
 * any failed write (as csvimport does), since a failed multi-statement
 * write may leave its first statements in place. */
int store_import_begin(struct store *s, struct store_import_undo *undo,
		       struct error *err);

/* Drops them and puts the cache back (after the commit or rollback). */
void store_import_end(struct store *s, const struct store_import_undo *undo);

/* The record of kind and uuid met earlier in the file: 1 found (out
 * filled), 0 not, -1 error. */
int store_import_seen_get(struct store *s, int kind, const char *uuid,
			  struct store_import_seen *out, struct error *err);

/* Remembers a record; one already remembered keeps its line and id and
 * only takes the new digest when update_digest is set. */
int store_import_seen_put(struct store *s, int kind, const char *uuid,
			  const struct store_import_seen *in, int update_digest,
			  struct error *err);

/* Commitment id was followed up in the session with this uuid, which is
 * not in the database yet: link it in store_import_link_reviews. */
int store_import_review_later(struct store *s, int64_t commitment,
			      const char *session_uuid, struct error *err);

/* Links every follow-up waiting for a session now in the database; one
 * whose session never came stays unlinked. */
int store_import_link_reviews(struct store *s, struct error *err);

/* The session a note with this uuid belongs to: 1 found (*session_id
 * set), 0 not, -1 error. */
int store_note_find_uuid(struct store *s, const char *uuid, int64_t *session_id,
			 struct error *err);

#endif
