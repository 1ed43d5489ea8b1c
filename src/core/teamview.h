/* teamview.h - a stored team round, added up (team.h) beside a session.
 *
 * Screens, the report and the exports show a session's figures beside
 * the team's; the round they compare with is the leader's round nearest
 * in time to the session's start (the earlier of two as near, and at most
 * STORE_TEAM_NEAR_DAYS away), so a round run in the week after a
 * self-assessment still sits beside it, and one from another season does
 * not.
 */
#ifndef OWNIT_TEAMVIEW_H
#define OWNIT_TEAMVIEW_H

#include <stdint.h>

#include "core/content.h"
#include "core/error.h"
#include "core/score.h"
#include "core/store.h"
#include "core/team.h"

struct teamview {
	int has_round; /* 0: the person has no round; nothing else is set */
	struct store_team_round round; /* owned strings */
	struct team_result result;
};

/* Adds up round round_id with the threshold min; self (may be NULL) is
 * the leader's result for the gaps.  Free v with teamview_clear whatever
 * the return. */
int teamview_load_round(struct teamview *v, struct store *s,
			const struct content *c, int64_t round_id,
			unsigned min, const struct score_result *self,
			struct error *err);

/* The same for the round nearest to the start of the session ses (its
 * person's); v->has_round is 0 when there is none. */
int teamview_load_session(struct teamview *v, struct store *s,
			  const struct content *c,
			  const struct store_session *ses, unsigned min,
			  const struct score_result *self, struct error *err);

void teamview_clear(struct teamview *v);

#endif
