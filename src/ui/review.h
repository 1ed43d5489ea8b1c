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

#include "core/store.h"
#include "ui/prompt.h"

/* What the prompt saves into; lives in the asking screen's data, since a
 * prompt's result must outlive it.  Cleared by review_ask_clear (in the
 * screen's enter and destroy). */
struct review_ask {
	struct prompt_result pr;
	int64_t id;         /* the commitment */
	int64_t session_id; /* the reviewing session, 0 outside any */
	enum store_cstatus status;
};

/* The prompt about commitment id (promising what), just reviewed as
 * status; first and second prefill its one or two fields (NULL none). */
struct screen *review_ask_new(struct review_ask *ra, int64_t id,
			      int64_t session_id, enum store_cstatus status,
			      const char *what, const char *first,
			      const char *second);

void review_ask_clear(struct review_ask *ra);

#endif
