/* sessionsteps.h - the steps of a session, and when each counts as done.
 *
 * The step bar marks a step done when its work is: every statement
 * answered, every pillar rated, the ladder climbed to the top, and so
 * on.  What that takes is read from the store in one call
 * (sessionsteps_read) and judged without it (sessionsteps_done), so the
 * session screen reads only when something was saved or the step
 * changed, and the rules are tested without a terminal. */
#ifndef OWNIT_SESSIONSTEPS_H
#define OWNIT_SESSIONSTEPS_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* What the store holds about one session's progress. */
struct sessionsteps_state {
	size_t answered;    /* statements rated or marked "no occasion" */
	size_t rated;       /* pillars (vision included) rated */
	int open_earlier;   /* open commitments from the person's earlier
			     * sessions: what the follow-up is for */
	int made;           /* commitments made in this session */
	int ladder_top;     /* the ladder climbed to its top rung */
	int has_note;       /* a note was written */
};

/* What the session screen knows besides the store. */
struct sessionsteps_scope {
	size_t asked;     /* statements the diagnostic asks */
	size_t pillars;   /* pillars to rate, vision included */
	int results_seen; /* the results step was shown in this run */
	int complete;     /* the session is marked complete */
};

/* The step's name on the step bar, and its short form for narrow
 * terminals ("Red flags", "Flags"); NULL for a step out of range. */
const char *sessionsteps_name(int step);
const char *sessionsteps_short(int step);

/* Reads the progress of session id.  0, or -1 with err set. */
int sessionsteps_read(struct store *s, int64_t id,
		      struct sessionsteps_state *out, struct error *err);

/* Sets done[step] (STORE_STEP_COUNT entries) to 1 for every step whose
 * work is done, 0 for the others. */
void sessionsteps_done(const struct sessionsteps_state *st,
		       const struct sessionsteps_scope *scope,
		       int done[STORE_STEP_COUNT]);

#endif
