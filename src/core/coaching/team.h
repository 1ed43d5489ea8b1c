/* team.h - what a team says about itself, beside what its leader says.
 *
 * A team round is a set of anonymous answers, by the members of a
 * leader's team, to the team statements (content.team): the team's
 * wording of the diagnostic, plus statements about the leader's own
 * behaviour.  A round is kept only as counts: for each statement, how
 * many members gave each value of the frequency scale (a tally), and how
 * many members took part.  Nothing says who answered what, or in which
 * order.
 *
 * Anonymity: nothing of a round is shown until it has at least `min`
 * responses (TEAM_MIN_RESPONSES, and a user may only raise it), and a
 * statement's figures count only where at least `min` members answered
 * it; a statement below that is left out of every figure built on it.
 *
 * Figures (all on doubles, never rounded here; see score.h for showing):
 *  - statement: the mean of its answers on 0..4, a reverse statement
 *    counting 4 - value (score_item_value), and their spread;
 *  - red flag: the mean of all answers to its counted statements, and
 *    their spread;
 *  - pillar: evidence 1..5 as in score.h: every counted flag pointing at
 *    the pillar gives 5 - score, every counted team-only statement on the
 *    pillar 5 - mean, weighted by their numbers of answers.
 * Spread is the standard deviation of the answers (0..2 on this scale): 0
 * when everyone gave the same answer, higher the less the team agrees.
 *
 * Perception gap, leader vs team, signed so that a positive gap always
 * means the leader sees it more favourably than the team does:
 *  - pillar: the leader's self-rating minus the team's evidence;
 *  - red flag: the team's score minus the leader's own score.
 * A gap is marked when it is larger than content.gap_threshold either
 * way.
 */
#ifndef OWNIT_TEAM_H
#define OWNIT_TEAM_H

#include <stddef.h>

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/coaching/score.h"

/* The fewest responses that show anything, and the default. */
#define TEAM_MIN_RESPONSES 3

/* The highest threshold a user may set (a team larger than this is not
 * asked in one round from a terminal). */
#define TEAM_MIN_RESPONSES_MAX 1000

/* The most characters in a round's label: long enough for "Q4 retro
 * after the reorganisation", short enough to name the round on one line
 * of the history. */
#define TEAM_LABEL_MAX 60

/* How many members gave each value 0..4 to one statement. */
struct team_tally {
	const char *item; /* a team statement id (content.team) */
	unsigned count[CONTENT_SCALE_MAX + 1];
};

/* One round as the aggregation sees it.  Tallies naming ids the content
 * does not have are skipped and counted in team_result.unknown; two
 * tallies of the same id add up. */
struct team_input {
	unsigned responses; /* members who took part */
	const struct team_tally *tallies;
	size_t ntallies;
};

/* Figures shared by statements and flags. */
struct team_figure {
	int shown;       /* 1: counted (enough answers) */
	unsigned answered; /* answers behind it, whether shown or not */
	double mean;     /* 0..4, higher = stronger warning sign */
	double spread;   /* standard deviation of the answers */
};

enum team_gap_side {
	TEAM_GAP_NONE,   /* no gap to speak of, or nothing to compare */
	TEAM_GAP_LEADER, /* the leader sees it more favourably */
	TEAM_GAP_TEAM,   /* the team sees it more favourably */
};

struct team_flag {
	struct team_figure fig;
	int has_gap;  /* the flag is shown and the leader scored it */
	double gap;   /* team score - leader score */
	enum team_gap_side side;
};

struct team_pillar {
	int shown;       /* a counted flag or team-only statement is on it */
	double evidence; /* 1..5 */
	double weight;   /* answers behind it */
	int has_gap;     /* shown and self-rated */
	double gap;      /* self-rating - team evidence */
	enum team_gap_side side;
};

struct team_result {
	unsigned min;       /* the threshold used */
	unsigned responses; /* members who took part */
	int shown;          /* responses >= min: figures may be shown */
	struct team_figure *items; /* parallel to content.team */
	struct team_flag *flags;   /* parallel to content.flags */
	struct team_pillar *pillars; /* parallel to content.pillars */
	size_t unknown; /* tallies with ids the content does not have */
};

/* Reads a threshold ("5"): a whole number from TEAM_MIN_RESPONSES to
 * TEAM_MIN_RESPONSES_MAX; lower is refused, since it would show a
 * figure small enough to tell one member's answers.  ERROR_INPUT naming
 * what (an option or variable name) on anything else. */
int team_min_parse(const char *text, const char *what, unsigned *out,
		   struct error *err);

/* The one rule for a round's label, wherever it is given: valid UTF-8,
 * no control character, not blank and at most TEAM_LABEL_MAX characters.
 * 0 when label keeps it, else -1 with ERROR_INPUT saying why, after
 * "WHAT: " when what (an option name) is not NULL.  The label itself is
 * never quoted: it may hold anything. */
int team_label_check(const char *label, const char *what, struct error *err);

/* The threshold from the environment (OWNIT_TEAM_MIN), or the default
 * when unset or empty. */
int team_min_from_env(unsigned *out, struct error *err);

/* Computes everything for one round.  self (may be NULL) is the leader's
 * own result, for the gaps.  A count out of range (more answers to a
 * statement than responses) is ERROR_INPUT naming the statement; out of
 * memory is ERROR_RUNTIME.  Free out with team_result_free whatever the
 * return. */
int team_compute(const struct content *c, const struct team_input *in,
		 unsigned min, const struct score_result *self,
		 struct team_result *out, struct error *err);

void team_result_free(struct team_result *r);

/* A round's tallies added up per team statement of one content: what
 * team_compute works from.  Made once, they serve every session set
 * beside the round (teamview_cache). */
struct team_counts {
	unsigned responses; /* members who took part */
	unsigned (*count)[CONTENT_SCALE_MAX + 1]; /* parallel to content.team */
	size_t unknown; /* tallies with ids the content does not have */
};

/* Adds in up for the content c, with team_compute's errors (a count out
 * of range, out of memory).  Free out with team_counts_free whatever the
 * return. */
int team_counts_make(const struct content *c, const struct team_input *in,
		     struct team_counts *out, struct error *err);
void team_counts_free(struct team_counts *k);

/* team_compute from counts made for the same content. */
int team_compute_counts(const struct content *c, const struct team_counts *k,
			unsigned min, const struct score_result *self,
			struct team_result *out, struct error *err);

/* A short phrase for a gap side: "you rate higher", "team rates higher",
 * or "". */
const char *team_gap_words(enum team_gap_side side);

/* A word for a spread: "agree", "mixed", "split". */
const char *team_spread_word(double spread);

#endif
