/* renegotiate.h - the renegotiate dialog, of the Commitments screen and
 * of a session's follow-up step alike. */
#ifndef OWNIT_UI_RENEGOTIATE_H
#define OWNIT_UI_RENEGOTIATE_H

#include <stdint.h>

#include "ui/app.h"
#include "ui/screen.h"

/* An overlay that closes commitment id (of person, promising what) as
 * renegotiated and opens it again with the new due date typed, or pops on
 * Esc.  session_id is the session whose follow-up step reviews it (0:
 * outside any session); obstacle and differently prefill their fields
 * (NULL for none).  NULL after app_status when out of memory. */
struct screen *renegotiate_dialog_new(struct app *app, int64_t id,
				      int64_t session_id, const char *person,
				      const char *what, const char *obstacle,
				      const char *differently);

#endif
