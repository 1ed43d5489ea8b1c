/* renegotiate.h - the renegotiate dialog, of the Commitments screen and
 * of a session's follow-up step alike. */
#ifndef OWNIT_UI_RENEGOTIATE_H
#define OWNIT_UI_RENEGOTIATE_H

#include <stdint.h>

#include "core/store/store.h"
#include "ui/app.h"
#include "ui/screen.h"

/* An overlay, headed by the commitment's owner, that closes commitment
 * seen (as the screen read it) as renegotiated and opens it again with
 * the new due date typed, or pops on Esc.  session_id is the session
 * whose follow-up step reviews it (0: outside any session); what got in
 * the way and what changes prefill their fields.  A follow-up made by
 * another ownit since seen was read is shown, not overwritten.  NULL
 * after app_status when out of memory. */
struct screen *renegotiate_dialog_new(struct app *app,
				      const struct store_commitment *seen,
				      int64_t session_id);

#endif
