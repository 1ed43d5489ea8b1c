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

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/coaching/score.h"
#include "core/store/store.h"
#include "core/coaching/team.h"

struct teamview {
	int has_round; /* 0: the person has no round; nothing else is set */
	struct store_team_round round; /* owned strings, unless borrowed */
	int borrowed; /* round's strings belong to a teamview_cache */
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

/* Rounds kept through one pass over many sessions (an export), so that a
 * round is read from the store once, however many sessions sit beside
 * it; each session only adds the kept counts up against its own scores.
 * A pass in time order lets a round go once it lies more than
 * STORE_TEAM_NEAR_DAYS behind, as no later session can be beside it; any
 * other order is as correct, a round let go being read again.  At most
 * TEAMVIEW_CACHE_MAX rounds are kept (the least recently used goes).
 * The first use reads every round's day (a few bytes a round), so that
 * finding the round beside a session is a search in memory.  A round is
 * kept added up for the content it was first read with, as the store
 * held it then: use one cache with one content, inside one read
 * transaction. */
#define TEAMVIEW_CACHE_MAX 1024

struct teamview_kept;
struct teamview_days;

struct teamview_cache {
	struct teamview_days *days; /* every round's day, read on first use */
	struct teamview_kept *kept;
	size_t n, cap;
	unsigned long clock; /* counts uses, for the least recently used */
	char day[11];        /* the day rounds were last let go for */
	size_t reads;        /* rounds read from the store so far */
};

void teamview_cache_init(struct teamview_cache *cache);
void teamview_cache_free(struct teamview_cache *cache);

/* teamview_load_session through cache.  v borrows the round's texts from
 * the cache until its next call or teamview_cache_free; clear v with
 * teamview_clear as usual. */
int teamview_cache_load_session(struct teamview *v,
				struct teamview_cache *cache, struct store *s,
				const struct content *c,
				const struct store_session *ses, unsigned min,
				const struct score_result *self,
				struct error *err);

/* The team's evidence per pillar across a person's rounds, for a trend:
 * the newest rounds whose figures are shown, oldest first.  A round
 * below the threshold is left out (it shows nothing), so the trend
 * never hints at what it withheld. */
struct teamview_trend {
	size_t n; /* rounds in the trend */
	size_t npillars;
	/* npillars rows of n values: evidence[p * n + i] is pillar p in
	 * round i, 1..5, NAN where that pillar was not shown */
	double *evidence;
	char (*day)[11]; /* n days, YYYY-MM-DD */
};

/* Loads the trend of person_id's rounds with the threshold min, at most
 * max rounds (the newest).  Free t with teamview_trend_clear whatever
 * the return. */
int teamview_trend_load(struct teamview_trend *t, struct store *s,
			const struct content *c, int64_t person_id,
			unsigned min, size_t max, struct error *err);

void teamview_trend_clear(struct teamview_trend *t);

#endif
