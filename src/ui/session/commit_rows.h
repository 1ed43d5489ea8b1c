/* commit_rows.h - a session step's copy of the commitments it read.
 *
 * The commitments step and the follow-up step both keep the rows of a
 * store walk whole: a later save passes the row as the screen saw it to
 * a store_commitment_*_if call, which writes only while the database
 * still holds that, and a row is found again by id after a reload. */
#ifndef OWNIT_COMMIT_ROWS_H
#define OWNIT_COMMIT_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "core/store/store.h"

struct commit_rows {
	struct store_commitment *v; /* owned copies (store_commitment_dup) */
	size_t n, cap;
};

/* Reads the commitments filter f gives into r, after releasing what r
 * held; -1 with err set when the walk failed or memory ran out. */
int commit_rows_read(struct commit_rows *r, struct store *s,
		     const struct store_commitment_filter *f,
		     struct error *err);

/* Releases the rows and keeps the array for the next reading. */
void commit_rows_clear(struct commit_rows *r);

/* Releases everything r holds. */
void commit_rows_free(struct commit_rows *r);

/* Where commitment id is in r, or (size_t)-1. */
size_t commit_rows_find(const struct commit_rows *r, int64_t id);

#endif
