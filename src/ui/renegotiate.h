/* renegotiate.h - the renegotiate dialog of the Commitments screen. */
#ifndef OWNIT_UI_RENEGOTIATE_H
#define OWNIT_UI_RENEGOTIATE_H

#include <stdint.h>

#include "ui/app.h"
#include "ui/screen.h"

/* An overlay that closes commitment id (of person, promising what) as
 * renegotiated and opens it again with the new due date typed, or pops on
 * Esc.  NULL after app_status when out of memory. */
struct screen *renegotiate_dialog_new(struct app *app, int64_t id,
				      const char *person, const char *what);

#endif
