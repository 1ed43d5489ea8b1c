/* review.h - the questions after a commitment's follow-up, asked the same
 * way by a session's follow-up step and by the Commitments screen.
 *
 * After kept: what helped.  After partly or missed: what got in the way
 * and what will be done differently.  The answers are saved with the
 * review (store_commitment_review_with) when Enter is pressed; Esc leaves
 * the review as it is.  Renegotiating has its own dialog
 * (renegotiate.h), shared the same way. */
#ifndef OWNIT_UI_REVIEW_H
#define OWNIT_UI_REVIEW_H

#include <stdint.h>

#include "core/store/store.h"
#include "ui/prompt.h"

/* What the prompt saves into; lives in the asking screen's data, since a
 * prompt's result must outlive it. */
struct review_ask {
	struct prompt_result pr;
	int64_t session_id; /* the reviewing session, 0 outside any */
	enum store_cstatus status;
	/* The commitment as last read or written here (owned): the words
	 * are saved only while no other ownit has changed it since. */
	struct store_commitment seen;
};

/* The prompt about commitment seen (as the screen read it, just reviewed
 * as status); its reflections prefill the one or two fields.  NULL when
 * out of memory. */
struct screen *review_ask_new(struct review_ask *ra, int64_t session_id,
			      enum store_cstatus status,
			      const struct store_commitment *seen);

/* Says that another ownit changed commitment theirs (as read now; NULL:
 * deleted it) and what it holds, ending with keys, what the keys do
 * ("Enter saves yours over it, Esc keeps theirs"). */
void review_changed_elsewhere(struct app *app,
			      const struct store_commitment *theirs,
			      const char *keys);

/* Clears the prompt's result; seen stays (as last written) for an undo
 * until review_ask_free (in the screen's destroy). */
void review_ask_clear(struct review_ask *ra);
void review_ask_free(struct review_ask *ra);

#endif
