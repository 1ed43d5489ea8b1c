/* results.h - the results of a session as page rows, shared by the
 * results step and the summary page. */
#ifndef OWNIT_UI_RESULTS_H
#define OWNIT_UI_RESULTS_H

#include <stdint.h>

#include "core/content.h"
#include "ui/app.h"
#include "ui/page.h"

enum results_compare {
	RESULTS_PREVIOUS, /* the radar against the session before */
	RESULTS_EVIDENCE, /* against what the red flags say */
};

/* Adds to pg (already reset to its width) the radar, the red-flag bars,
 * the two strongest signals with their pillars, practices and
 * self-checks, and the perception gap; the radar is sized to fit view_h
 * rows.  *has_prev is set to whether an
 * earlier session exists (RESULTS_PREVIOUS falls back to the evidence
 * when not).  Failures go to the status line; what could be built
 * stays. */
void results_page_add(struct page *pg, struct app *app,
		      const struct content *c, int64_t session_id,
		      enum results_compare cmp, int view_h, int *has_prev);

#endif
