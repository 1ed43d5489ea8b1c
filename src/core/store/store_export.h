/* store_export.h - what export, import and the report ask of the store
 * beyond store.h.
 *
 * Part of the store (the only code that speaks SQL); the same rules as
 * store.h apply: strings in callback structs are borrowed for the call,
 * callbacks return 0 to go on, and every query is a prepared statement
 * kept in the store's cache, so exporting many sessions prepares nothing
 * twice.
 */
#ifndef OWNIT_STORE_EXPORT_H
#define OWNIT_STORE_EXPORT_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* Makes the reads up to store_read_end one read transaction: they see
 * one state of the file (a session added meanwhile by another ownit is
 * in all of an export or in none of it), and the page cache stays valid
 * from one query to the next.  *started says whether one was begun (not
 * when a transaction is open already); pass it to store_read_end. */
int store_read_begin(struct store *s, int *started, struct error *err);
void store_read_end(struct store *s, int started);

/* Finds the sessions whose uuid starts with prefix (any letter case).
 * Returns how many matched, capped at 2 (so 2 means "ambiguous"), with
 * *id set to the match when exactly one did; -1 on error. */
int store_session_find_prefix(struct store *s, const char *prefix,
			      int64_t *id, struct error *err);

/* What a session holds besides answers and ratings: its ladder, its note
 * and how many commitments were made in it (how earlier ones went is
 * store_session_reviewed_each), with its person and follow-up span. */
struct store_session_extra {
	const char *situation;      /* NULL when the session has no ladder */
	int start_rung;             /* 0 without a ladder */
	int reached_rung;
	const char *note;           /* NULL without a note */
	int made;                   /* commitments made in the session */
	int64_t person_id;
	/* The span whose follow-ups outside any session count for it, as
	 * store_session_review_span gives it ("" an open end). */
	char span_from[STORE_TIME_SIZE];
	char span_until[STORE_TIME_SIZE];
};

/* Calls cb once with the extras of session id (nothing when there is no
 * such session). */
int store_session_extra_each(struct store *s, int64_t id,
			     int (*cb)(const struct store_session_extra *,
				       void *),
			     void *ud, struct error *err);

/* An answer or a rating as scoring sees it. */
struct store_scored {
	int rating;      /* 0 an answer (id an item), 1 a rating (a pillar) */
	const char *id;
	int value;       /* -1 for an answer of no occasion */
	int no_occasion;
};

/* The answers that score (a value or "no occasion") and the ratings of
 * session id, answers first, in one statement. */
int store_session_scored_each(struct store *s, int64_t id,
			      int (*cb)(const struct store_scored *, void *),
			      void *ud, struct error *err);

/* An earlier commitment followed up for a session: what scoring asks. */
struct store_followup {
	enum store_cstatus status;
	const char *owner; /* NULL or "" the person's own */
	const char *due;
	const char *reviewed;
	const char *person_name; /* whose commitment it is */
};

/* The commitments store_session_reviewed_each lists for session id, in
 * no particular order and without their texts: x is what
 * store_session_extra_each gave for the session (its person and span). */
int store_session_followups_each(struct store *s,
				 const struct store_session_extra *x,
				 int64_t id,
				 int (*cb)(const struct store_followup *,
					   void *),
				 void *ud, struct error *err);

/* A commitment with the uuids an export writes in place of row ids. */
struct store_export_commitment {
	struct store_commitment c;
	const char *person_uuid;
	const char *session_uuid;
	const char *reviewed_uuid; /* NULL until reviewed */
};

/* Commitments made in session id, in the order they were made. */
int store_session_commitments_each(
	struct store *s, int64_t id,
	int (*cb)(const struct store_export_commitment *, void *), void *ud,
	struct error *err);

/* Commitments made in earlier sessions whose follow-up counts for
 * session id: reviewed in its follow-up step, or outside any session
 * within its span (score.h), in the order they were made. */
int store_session_reviewed_each(
	struct store *s, int64_t id,
	int (*cb)(const struct store_export_commitment *, void *), void *ud,
	struct error *err);

/* The uuid of person id into buf; 1 found, 0 not, -1 error. */
int store_person_uuid(struct store *s, int64_t id,
		      char buf[STORE_UUID_SIZE], struct error *err);

/* Saves a ladder step exactly as given (import): unlike
 * store_ladder_step_save, the ladder's reached rung and time are left as
 * they are, since the import restores them from the ladder's own row. */
int store_ladder_step_put(struct store *s, const struct store_ladder_step *st,
			  struct error *err);

/* Sets which session reviewed commitment id (import, once that session
 * exists); reviewed_in 0 clears it. */
int store_commitment_set_reviewed_in(struct store *s, int64_t id,
				     int64_t reviewed_in, struct error *err);

#endif
