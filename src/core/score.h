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
 * Follow-up rule: every commitment reported missed since the person's last
 * session counts as one more answer of 4 ("almost always") on the
 * missed-commitments red flag, at most SCORE_MISSED_MAX of them.  A missed
 * commitment is a direct observation of the flag, so it weighs like a
 * statement answered at the top of the scale; the cap keeps a long backlog
 * from drowning what the diagnostic says.  Kept, partly kept and
 * renegotiated commitments add nothing: renegotiating in time is the
 * healthy behaviour, and the diagnostic already asks about it.
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

#include "core/content.h"
#include "core/error.h"

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
	unsigned missed; /* commitments missed since the last session */
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
