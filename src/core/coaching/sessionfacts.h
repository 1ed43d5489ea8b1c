/* sessionfacts.h - what one session amounts to, read from the store.
 *
 * The summary export and the report both need a session's scores (red
 * flags, pillars, evidence, gaps, strongest signals), its ladder, its
 * note and how its commitments went.  This module gathers them with a
 * handful of cached queries and scores them against the content.
 *
 * A struct sessionfacts is meant to be reused: sessionfacts_load on the
 * same struct for session after session keeps its buffers, so an export
 * of many sessions does not allocate per answer or per session (only the
 * scorer's small result arrays).
 */
#ifndef OWNIT_SESSIONFACTS_H
#define OWNIT_SESSIONFACTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/coaching/score.h"
#include "core/store/store.h"

struct sessionfacts {
	int64_t session_id;
	struct score_result score; /* parallel to the content */
	size_t nanswers;           /* answers with a value or no occasion */
	size_t nratings;
	size_t unknown;            /* answers and ratings the content lacks */
	int has_ladder;
	const char *situation;     /* "" without a ladder */
	int start_rung, reached_rung;
	const char *note;          /* NULL without a note */
	int made;                  /* commitments made in the session */
	int kept, partly, missed, renegotiated; /* earlier ones reviewed */
	int missed_evidence; /* of those, the misses that count on the
			      * missed-commitments flag (score.h) */

	/* Storage kept between loads; not for callers. */
	struct score_answer *answers_;
	size_t answers_cap_;
	struct score_rating *ratings_;
	size_t ratings_cap_;
	char *situation_buf_;
	size_t situation_cap_;
	char *note_buf_;
	size_t note_cap_;
};

/* An empty struct, ready for sessionfacts_load. */
void sessionfacts_init(struct sessionfacts *f);

/* Reads and scores session id (which should exist: a missing one simply
 * has no answers).  On failure f is left empty but reusable. */
int sessionfacts_load(struct sessionfacts *f, struct store *s,
		      const struct content *c, int64_t id, struct error *err);

/* Frees everything f holds; it may be loaded again after init. */
void sessionfacts_free(struct sessionfacts *f);

#endif
