/* score.h - turning answers into red-flag, pillar and gap results.
 *
 * Inputs are plain arrays keyed by content ids, so the store and the UI
 * feed them without knowing each other.  Results are arrays parallel to the
 * content's flags and pillars.  All arithmetic is on doubles and nothing is
 * rounded here: rounding is for display only, and the same input always
 * gives the same result.
 *
 * Red-flag score: the mean of the flag's answered statements on 0..4,
 * a reverse statement counting 4 - value.  Unanswered statements do not
 * count, and a flag with no answers has no score (not zero).  A statement
 * answered "no occasion / can't say" is answered (progress and resume
 * count it) but not scored: it is left out of the mean and counted in
 * score_flag.no_occasion instead.  Retired statements a session answered
 * score as they always did (see content.h).
 *
 * Bands and what is shown: a score falls in a band by its exact value
 * (the lower edge belongs to the band, see content_band_for), and is
 * shown cut to one decimal, never rounded up (score_shown).  Band edges
 * have at most one decimal (the loader checks), so the figure shown always
 * lies in the same band as the exact score: 2.4999 is shown as 2.4 and
 * sits below an edge at 2.5; 2.5 itself is shown as 2.5 and sits above.
 *
 * Follow-up rule: every commitment of the person that was missed counts
 * as one more answer of 4 ("almost always") on the missed-commitments red
 * flag, at most SCORE_MISSED_MAX of them.  A missed commitment is a direct
 * observation of the flag, so it weighs like a statement answered at the
 * top of the scale; the cap keeps a long backlog from drowning what the
 * diagnostic says.  Which follow-ups a session counts, and which of them
 * are missed (score_counts_missed, score_review_boundary):
 *
 *  - Only the person's own commitments are evidence about them: the owner
 *    is empty or is the person's name in any letter case (the sense in
 *    which person names are unique).  A commitment the person made for a
 *    colleague, or the coach took on, says nothing about their ownership.
 *  - Missed counts.  A renegotiation counts as missed when it was made
 *    after the due date (the local day of the follow-up is later than
 *    the due day): the date slipped first and was talked about after.
 *    Renegotiating in time is the healthy behaviour and adds nothing, as
 *    do kept and partly kept.
 *  - A session counts the follow-ups made in its own follow-up step, and
 *    those made outside any session (the Commitments screen) while it was
 *    the person's current session: from the boundary with the person's
 *    previous session to the boundary with the next one.  The boundary
 *    between two sessions is the moment the earlier one was marked
 *    complete, or the start of the later one when that came first (or the
 *    earlier was never completed).  So a follow-up made between sessions
 *    counts for the next session, one made while a session is open counts
 *    for that session, and each counts exactly once.
 *
 * Pillar evidence: every red flag with a score that points at the pillar
 * gives 5 - score (a flag at 0 gives 5.0, at 4 gives 1.0); the pillar's
 * evidence is the mean of those, each weighted by the flag's number of
 * answers (follow-ups included).  No scored flag, no evidence.
 *
 * Rating vs reported behaviour: self-rating minus evidence (both from the
 * same person: what they rate against what their answers report),
 * flagged when the two lie more than the content's threshold apart in
 * either direction (bands.csv, kind "gap").
 */
#ifndef OWNIT_SCORE_H
#define OWNIT_SCORE_H

#include <stddef.h>

#include "core/content/content.h"
#include "core/base/error.h"

/* At most this many missed commitments count on the red flag. */
#define SCORE_MISSED_MAX 4

/* The value of an answer "no occasion / can't say". */
#define SCORE_NO_OCCASION (-1)

/* An answer to a diagnostic statement: item id, value 0..4 or
 * SCORE_NO_OCCASION. */
struct score_answer {
	const char *item;
	int value;
};

/* A pillar self-rating: pillar id, value 1..5. */
struct score_rating {
	const char *pillar;
	int value;
};

/* What a session gives the scoring.  Answers or ratings naming ids the
 * content no longer has are skipped and counted in score_result.unknown;
 * when an id appears twice the later one wins. */
struct score_input {
	const struct score_answer *answers;
	size_t nanswers;
	const struct score_rating *ratings;
	size_t nratings;
	unsigned missed; /* missed commitments (see score_counts_missed) */
};

struct score_flag {
	size_t answered;    /* statements answered with a value */
	size_t no_occasion; /* answered "no occasion / can't say" */
	size_t followups;   /* missed commitments counted (follow-up rule) */
	int has_score;      /* 0 when nothing was answered or counted */
	double score;       /* 0..4, higher = stronger warning sign */
};

struct score_pillar {
	int rated;        /* 1 when the pillar was self-rated */
	int self;         /* the rating 1..5 */
	int has_evidence; /* 1 when a scored red flag points here */
	double evidence;  /* 1..5 */
	double weight;    /* number of answers behind the evidence */
	int has_gap;      /* rated and has evidence */
	double gap;       /* self - evidence */
	int gap_flagged;  /* |gap| > content.gap_threshold */
};

struct score_result {
	struct score_flag *flags; /* parallel to content.flags */
	size_t nflags;
	struct score_pillar *pillars; /* parallel to content.pillars */
	size_t npillars;
	size_t *signals; /* scored flags, strongest first, ties in file order */
	size_t nsignals;
	size_t unknown; /* answers and ratings with ids not in the content */
};

/* How a commitment was followed up, as far as the rule cares. */
enum score_review {
	SCORE_REVIEW_OTHER, /* kept, partly kept, or still open */
	SCORE_REVIEW_MISSED,
	SCORE_REVIEW_RENEGOTIATED,
};

/* A followed-up commitment as the follow-up rule sees it. */
struct score_commitment {
	const char *owner; /* NULL or "": the person's own */
	const char *due;   /* YYYY-MM-DD, or NULL */
	enum score_review review;
	const char *reviewed; /* when, UTC ISO 8601 (dates.h), or NULL */
};

/* 1 when a commitment with this owner is the person's own (see above). */
int score_owned_by(const char *owner, const char *person);

/* 1 when the follow-up of c counts as a missed commitment of person. */
int score_counts_missed(const struct score_commitment *c, const char *person);

/* The boundary between a session (completed at `completed`, NULL while
 * never completed) and the person's next one (started at `next_started`,
 * NULL when there is none yet): the earlier of the two, or NULL (no bound)
 * when both are NULL.  Times are stored UTC ISO 8601 strings. */
const char *score_review_boundary(const char *completed,
				  const char *next_started);

/* 1 when a follow-up made outside any session at `when` counts for the
 * session whose span runs from `from` (included) to `until` (excluded);
 * NULL ends are open. */
int score_review_within(const char *when, const char *from, const char *until);

/* The 0..4 contribution of one answer: value, or 4 - value when reverse. */
double score_item_value(int reverse, int value);

/* The figure a score (or any value with bands) is shown as: cut to one
 * decimal, so that it never reads as the band above (see the top). */
double score_shown(double v);

/* The pillar evidence (1..5) a red-flag score (0..4) stands for. */
double score_evidence(double flag_score);

/* Computes everything.  Values out of range are ERROR_INPUT naming the
 * id; out of memory is ERROR_RUNTIME.  out is emptied first; free it with
 * score_result_free whatever the return. */
int score_compute(const struct content *c, const struct score_input *in,
		  struct score_result *out, struct error *err);

/* Frees the arrays of r and zeroes it. */
void score_result_free(struct score_result *r);

#endif
