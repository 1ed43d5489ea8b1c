/* test_score.c - scores worked out by hand on the shipped content.
 *
 * The shipped content: vague-updates has statements 1-3, 4b and reverse 5b
 * (4 and 5 retired) and points at clarity, feedback-systems and vision;
 * slow-escalation (reverse 4) at trust-openness and role-modelling;
 * not-my-job at clarity, vision and autonomy; missed-commitments (reverse
 * 5) at feedback-systems, autonomy and role-modelling; passive-agreement
 * (reverse 4b) at trust-openness and role-modelling.  Gap threshold 1.5. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content/content.h"
#include "core/coaching/score.h"
#include "core/coaching/sessionfacts.h"
#include "core/store/store.h"
#include "unit.h"

#define SHIPPED TEST_SRCDIR "/content"

static struct content *c;
static struct score_result r;
static struct error e;

static void setup(void)
{
	c = content_load(SHIPPED, NULL, NULL, &e);
	ck_assert_ptr_nonnull(c);
}

static void teardown(void)
{
	score_result_free(&r);
	content_free(c);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static size_t flag(const char *id)
{
	long k = content_flag_index(c, id);
	ck_assert_int_ge(k, 0);
	return (size_t)k;
}

static size_t pillar(const char *id)
{
	long k = content_pillar_index(c, id);
	ck_assert_int_ge(k, 0);
	return (size_t)k;
}

static const struct score_answer case_a[] = {
	{"vague-updates-1", 3},	     {"vague-updates-2", 4},
	{"vague-updates-3", 2},	     {"vague-updates-5", 1}, /* reverse: 3 */
	{"slow-escalation-1", 0},    {"slow-escalation-4", 4}, /* reverse: 0 */
	{"missed-commitments-1", 2}, {"missed-commitments-2", 1},
	{"passive-agreement-1", 4},
};

static const struct score_rating case_a_ratings[] = {
	{"clarity", 4},	       {"feedback-systems", 4}, {"trust-openness", 3},
	{"role-modelling", 2}, {"vision", 5},
};

static void compute_a(unsigned missed)
{
	struct score_input in = {case_a, N(case_a), case_a_ratings,
				 N(case_a_ratings), missed};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
}

START_TEST(item_values)
{
	ck_assert_double_eq(score_item_value(0, 3), 3.0);
	ck_assert_double_eq(score_item_value(1, 3), 1.0);
	ck_assert_double_eq(score_item_value(1, 0), 4.0);
	ck_assert_double_eq(score_evidence(0.0), 5.0);
	ck_assert_double_eq(score_evidence(4.0), 1.0);
	ck_assert_double_eq(score_evidence(2.5), 2.5);
}
END_TEST

START_TEST(flag_scores)
{
	compute_a(0);
	const struct score_flag *f = &r.flags[flag("vague-updates")];
	/* (3 + 4 + 2 + (4 - 1)) / 4; statement 4 unanswered. */
	ck_assert_int_eq(f->has_score, 1);
	ck_assert_uint_eq(f->answered, 4);
	ck_assert_double_eq(f->score, 3.0);
	f = &r.flags[flag("slow-escalation")];
	ck_assert_uint_eq(f->answered, 2);
	ck_assert_double_eq(f->score, 0.0); /* (0 + (4 - 4)) / 2 */
	f = &r.flags[flag("not-my-job")];
	ck_assert_int_eq(f->has_score, 0); /* nothing answered: no score */
	ck_assert_uint_eq(f->answered, 0);
	f = &r.flags[flag("missed-commitments")];
	ck_assert_double_eq(f->score, 1.5); /* (2 + 1) / 2 */
	ck_assert_uint_eq(f->followups, 0);
	ck_assert_double_eq(r.flags[flag("passive-agreement")].score, 4.0);
	ck_assert_uint_eq(r.unknown, 0);
}
END_TEST

START_TEST(pillar_evidence_and_gap)
{
	compute_a(0);
	const struct score_pillar *p = &r.pillars[pillar("clarity")];
	/* vague-updates only (not-my-job has no score): 5 - 3 = 2. */
	ck_assert_int_eq(p->has_evidence, 1);
	ck_assert_double_eq(p->evidence, 2.0);
	ck_assert_double_eq(p->weight, 4.0);
	ck_assert_double_eq(p->gap, 2.0); /* 4 - 2 > 1.5: flagged */
	ck_assert_int_eq(p->gap_flagged, 1);
	p = &r.pillars[pillar("feedback-systems")];
	/* (4 x (5 - 3) + 2 x (5 - 1.5)) / 6 = 15 / 6 */
	ck_assert_double_eq(p->evidence, 2.5);
	ck_assert_double_eq(p->gap, 1.5); /* not above the threshold */
	ck_assert_int_eq(p->gap_flagged, 0);
	p = &r.pillars[pillar("trust-openness")];
	/* (2 x (5 - 0) + 1 x (5 - 4)) / 3 = 11 / 3 */
	ck_assert_double_eq(p->evidence, 11.0 / 3.0);
	ck_assert_double_eq(p->gap, 3.0 - 11.0 / 3.0);
	ck_assert_int_eq(p->gap_flagged, 0);
	p = &r.pillars[pillar("autonomy")];
	ck_assert_double_eq(p->evidence, 3.5);
	ck_assert_int_eq(p->rated, 0);
	ck_assert_int_eq(p->has_gap, 0);
	p = &r.pillars[pillar("role-modelling")];
	/* slow-escalation, missed-commitments and passive-agreement:
	 * (2 x 5 + 2 x 3.5 + 1 x 1) / 5 = 18 / 5 */
	ck_assert_double_eq_tol(p->evidence, 3.6, 1e-12);
	ck_assert_double_eq_tol(p->gap, 2 - 3.6, 1e-12);
	p = &r.pillars[pillar("vision")];
	ck_assert_int_eq(p->rated, 1);
	ck_assert_int_eq(p->self, 5);
	/* vague-updates (not-my-job has no score): 5 - 3 = 2. */
	ck_assert_int_eq(p->has_evidence, 1);
	ck_assert_double_eq(p->evidence, 2.0);
	ck_assert_int_eq(p->gap_flagged, 1);
}
END_TEST

START_TEST(strongest_signals)
{
	compute_a(0);
	ck_assert_uint_eq(r.nsignals, 4);
	ck_assert_uint_eq(r.signals[0], flag("passive-agreement"));
	ck_assert_uint_eq(r.signals[1], flag("vague-updates"));
	ck_assert_uint_eq(r.signals[2], flag("missed-commitments"));
	ck_assert_uint_eq(r.signals[3], flag("slow-escalation"));
}
END_TEST

START_TEST(ties_keep_content_order)
{
	static const struct score_answer a[] = {
		{"passive-agreement-1", 2},
		{"not-my-job-1", 2},
		{"vague-updates-2", 2},
	};
	struct score_input in = {a, N(a), NULL, 0, 0};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	ck_assert_uint_eq(r.nsignals, 3);
	ck_assert_uint_eq(r.signals[0], flag("vague-updates"));
	ck_assert_uint_eq(r.signals[1], flag("not-my-job"));
	ck_assert_uint_eq(r.signals[2], flag("passive-agreement"));
}
END_TEST

START_TEST(missed_commitments_follow_up)
{
	compute_a(2);
	const struct score_flag *f = &r.flags[flag("missed-commitments")];
	/* (2 + 1 + 4 + 4) / 4 */
	ck_assert_uint_eq(f->answered, 2);
	ck_assert_uint_eq(f->followups, 2);
	ck_assert_double_eq(f->score, 11.0 / 4.0);
	ck_assert_double_eq(r.pillars[pillar("autonomy")].evidence, 2.25);
	/* (4 x 2 + 4 x 2.25) / 8 */
	ck_assert_double_eq(r.pillars[pillar("feedback-systems")].evidence,
			    17.0 / 8.0);
	score_result_free(&r);
	compute_a(10); /* capped at SCORE_MISSED_MAX = 4: (3 + 16) / 6 */
	f = &r.flags[flag("missed-commitments")];
	ck_assert_uint_eq(f->followups, 4);
	ck_assert_double_eq(f->score, 19.0 / 6.0);
}
END_TEST

START_TEST(missed_without_answers)
{
	struct score_input in = {NULL, 0, NULL, 0, 1};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	const struct score_flag *f = &r.flags[flag("missed-commitments")];
	ck_assert_int_eq(f->has_score, 1);
	ck_assert_uint_eq(f->answered, 0);
	ck_assert_double_eq(f->score, 4.0);
	ck_assert_uint_eq(r.nsignals, 1);
	ck_assert_double_eq(r.pillars[pillar("autonomy")].evidence, 1.0);
}
END_TEST

START_TEST(reverse_item_alone)
{
	static const struct score_answer a[] = {{"vague-updates-5b", 0}};
	struct score_input in = {a, 1, NULL, 0, 0};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	ck_assert_double_eq(r.flags[flag("vague-updates")].score, 4.0);
	ck_assert_double_eq(r.pillars[pillar("clarity")].evidence, 1.0);
}
END_TEST

START_TEST(later_answer_wins_unknown_skipped)
{
	static const struct score_answer a[] = {
		{"vague-updates-1", 0},
		{"retired-item-9", 4},
		{"vague-updates-1", 4},
	};
	static const struct score_rating p[] = {{"old-pillar", 3},
						{"clarity", 2},
						{"clarity", 3}};
	struct score_input in = {a, N(a), p, N(p), 0};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	ck_assert_uint_eq(r.flags[flag("vague-updates")].answered, 1);
	ck_assert_double_eq(r.flags[flag("vague-updates")].score, 4.0);
	ck_assert_int_eq(r.pillars[pillar("clarity")].self, 3);
	ck_assert_uint_eq(r.unknown, 2);
}
END_TEST

START_TEST(out_of_range_rejected)
{
	static const struct score_answer a[] = {{"vague-updates-1", 5}};
	struct score_input in = {a, 1, NULL, 0, 0};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "answer to \"vague-updates-1\" is 5; answers "
				"run 0 to 4");
	ck_assert_ptr_null(r.flags);
	static const struct score_rating p[] = {{"vision", 0}};
	struct score_input in2 = {NULL, 0, p, 1, 0};
	ck_assert_int_eq(score_compute(c, &in2, &r, &e), -1);
	ck_assert_str_eq(e.msg, "rating of \"vision\" is 0; ratings run 1 to 5");
}
END_TEST

START_TEST(empty_input)
{
	struct score_input in = {0};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	ck_assert_uint_eq(r.nflags, 5);
	ck_assert_uint_eq(r.npillars, 6);
	ck_assert_uint_eq(r.nsignals, 0);
	for (size_t i = 0; i < r.npillars; i++)
		ck_assert_int_eq(r.pillars[i].has_evidence, 0);
}
END_TEST

START_TEST(same_input_same_result)
{
	struct score_result again;
	compute_a(1);
	struct score_input in = {case_a, N(case_a), case_a_ratings,
				 N(case_a_ratings), 1};
	ck_assert_int_eq(score_compute(c, &in, &again, &e), 0);
	ck_assert_int_eq(memcmp(r.flags, again.flags,
				r.nflags * sizeof *r.flags),
			 0);
	ck_assert_int_eq(memcmp(r.pillars, again.pillars,
				r.npillars * sizeof *r.pillars),
			 0);
	ck_assert_int_eq(memcmp(r.signals, again.signals,
				r.nsignals * sizeof *r.signals),
			 0);
	score_result_free(&again);
}
END_TEST

/* "No occasion / can't say" is an answer, but not a score. */
START_TEST(no_occasion_not_scored)
{
	static const struct score_answer a[] = {
		{"vague-updates-1", 4},
		{"vague-updates-2", SCORE_NO_OCCASION},
		{"vague-updates-3", 2},
		{"slow-escalation-1", SCORE_NO_OCCASION},
		{"not-my-job-1", SCORE_NO_OCCASION},
		{"not-my-job-1", 1}, /* changed its mind: the later one wins */
	};
	struct score_input in = {a, N(a), NULL, 0, 0};
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	const struct score_flag *f = &r.flags[flag("vague-updates")];
	ck_assert_uint_eq(f->answered, 2);
	ck_assert_uint_eq(f->no_occasion, 1);
	ck_assert_double_eq(f->score, 3.0); /* (4 + 2) / 2, not 6 / 3 */
	f = &r.flags[flag("slow-escalation")];
	ck_assert_int_eq(f->has_score, 0); /* nothing to score */
	ck_assert_uint_eq(f->no_occasion, 1);
	f = &r.flags[flag("not-my-job")];
	ck_assert_uint_eq(f->no_occasion, 0);
	ck_assert_double_eq(f->score, 1.0);
	/* A flag with no score gives no evidence and no signal. */
	ck_assert_uint_eq(r.nsignals, 2);
	ck_assert_double_eq(r.pillars[pillar("trust-openness")].weight, 0.0);
}
END_TEST

/* A session answered under content 2026.11.1 (before seven statements
 * were rewritten) scores the same under today's content: the statements
 * it answered are retired, not gone. */
START_TEST(old_session_scores_unchanged)
{
	static const char *const old_ids[] = {
		"vague-updates-1",	"vague-updates-2",
		"vague-updates-3",	"vague-updates-4",
		"vague-updates-5",	"slow-escalation-1",
		"slow-escalation-2",	"slow-escalation-3",
		"slow-escalation-4",	"not-my-job-1",
		"not-my-job-2",		"not-my-job-3",
		"not-my-job-4",		"missed-commitments-1",
		"missed-commitments-2", "missed-commitments-3",
		"missed-commitments-4", "missed-commitments-5",
		"passive-agreement-1",	"passive-agreement-2",
		"passive-agreement-3",	"passive-agreement-4"};
	struct score_answer a[N(old_ids)];
	for (size_t i = 0; i < N(old_ids); i++) {
		a[i].item = old_ids[i];
		a[i].value = (int)((i * 7) % 5);
	}
	struct content *old =
		content_load(SHIPPED, TEST_SRCDIR
			     "/tests/unit/fixtures/content/v2026.11.1",
			     NULL, &e);
	ck_assert_ptr_nonnull(old);
	ck_assert_str_eq(old->version, "2026.11.1");
	ck_assert_uint_eq(old->nasked, 22);
	struct score_input in = {a, N(a), NULL, 0, 1};
	struct score_result was;
	ck_assert_int_eq(score_compute(old, &in, &was, &e), 0);
	ck_assert_int_eq(score_compute(c, &in, &r, &e), 0);
	ck_assert_uint_eq(r.unknown, 0);
	for (size_t f = 0; f < r.nflags; f++) {
		ck_assert_uint_eq(r.flags[f].answered, was.flags[f].answered);
		ck_assert_uint_eq(r.flags[f].followups,
				  was.flags[f].followups);
		ck_assert_double_eq(r.flags[f].score, was.flags[f].score);
	}
	ck_assert_int_eq(memcmp(r.signals, was.signals,
				r.nsignals * sizeof *r.signals),
			 0);
	score_result_free(&was);
	content_free(old);
}
END_TEST

/* Shown cut to one decimal: the figure never reads as the band above. */
START_TEST(shown_never_crosses_a_band)
{
	ck_assert_double_eq(score_shown(2.5), 2.5);
	ck_assert_double_eq(score_shown(1.5), 1.5);
	ck_assert_double_eq_tol(score_shown(2.4999), 2.4, 1e-12);
	ck_assert_double_eq_tol(score_shown(27.0 / 11.0), 2.4, 1e-12);
	ck_assert_double_eq_tol(score_shown(7.0 / 3.0), 2.3, 1e-12);
	ck_assert_double_eq_tol(score_shown(0.1 + 0.2), 0.3, 1e-12);
	ck_assert_double_eq(score_shown(4.0), 4.0);
	ck_assert_double_eq(score_shown(0.0), 0.0);
	/* Every mean of up to 40 answers: the band of the figure shown is
	 * the band of the exact score. */
	for (int n = 1; n <= 40; n++)
		for (int sum = 0; sum <= 4 * n; sum++) {
			double v = (double)sum / n;
			ck_assert_ptr_eq(
				content_band_for(c, CONTENT_BAND_FLAG, v),
				content_band_for(c, CONTENT_BAND_FLAG,
						 score_shown(v)));
		}
	/* 2.5 exactly, from ten answers, is red; 24 / 10 is amber. */
	ck_assert_str_eq(
		content_band_for(c, CONTENT_BAND_FLAG, 25.0 / 10.0)->band, "red");
	ck_assert_str_eq(
		content_band_for(c, CONTENT_BAND_FLAG, 24.0 / 10.0)->band,
		"amber");
}
END_TEST

/* ------------------------------------------- evidence from commitments */

START_TEST(owner_filtering)
{
	ck_assert_int_eq(score_owned_by(NULL, "Ana"), 1);
	ck_assert_int_eq(score_owned_by("", "Ana"), 1);
	ck_assert_int_eq(score_owned_by("Ana", "Ana"), 1);
	ck_assert_int_eq(score_owned_by("aNA", "Ana"), 1);
	ck_assert_int_eq(score_owned_by("Ben", "Ana"), 0);
	ck_assert_int_eq(score_owned_by("Ana B", "Ana"), 0);
	struct score_commitment mine = {NULL, "2026-11-10", SCORE_REVIEW_MISSED,
					"2026-11-12T10:00:00Z"};
	struct score_commitment theirs = mine;
	theirs.owner = "Coach Kim";
	ck_assert_int_eq(score_counts_missed(&mine, "Ana"), 1);
	ck_assert_int_eq(score_counts_missed(&theirs, "Ana"), 0);
	theirs.owner = "ANA";
	ck_assert_int_eq(score_counts_missed(&theirs, "Ana"), 1);
	mine.review = SCORE_REVIEW_OTHER;
	ck_assert_int_eq(score_counts_missed(&mine, "Ana"), 0);
}
END_TEST

START_TEST(late_renegotiation_counts_as_missed)
{
	struct score_commitment rc = {"Ana", "2026-11-10",
				      SCORE_REVIEW_RENEGOTIATED,
				      "2026-11-09T12:00:00Z"};
	ck_assert_int_eq(score_counts_missed(&rc, "Ana"), 0); /* in time */
	rc.reviewed = "2026-11-10T12:00:00Z";
	ck_assert_int_eq(score_counts_missed(&rc, "Ana"), 0); /* on the day */
	rc.reviewed = "2026-11-11T12:00:00Z";
	ck_assert_int_eq(score_counts_missed(&rc, "Ana"), 1); /* after it */
	rc.owner = "Ben";
	ck_assert_int_eq(score_counts_missed(&rc, "Ana"), 0); /* not hers */
	rc.owner = NULL;
	rc.due = NULL;
	ck_assert_int_eq(score_counts_missed(&rc, "Ana"), 0); /* no date */
}
END_TEST

START_TEST(screen_follow_up_span)
{
	/* The boundary is the completion, or the next start if earlier. */
	ck_assert_str_eq(score_review_boundary("2026-11-02T10:00:00Z",
					       "2026-11-09T09:00:00Z"),
			 "2026-11-02T10:00:00Z");
	ck_assert_str_eq(score_review_boundary("2026-11-20T10:00:00Z",
					       "2026-11-09T09:00:00Z"),
			 "2026-11-09T09:00:00Z");
	ck_assert_str_eq(score_review_boundary(NULL, "2026-11-09T09:00:00Z"),
			 "2026-11-09T09:00:00Z");
	ck_assert_str_eq(score_review_boundary("2026-11-02T10:00:00Z", NULL),
			 "2026-11-02T10:00:00Z");
	ck_assert_ptr_null(score_review_boundary(NULL, NULL));
	ck_assert_int_eq(score_review_within("2026-11-05T00:00:00Z",
					     "2026-11-02T10:00:00Z", NULL),
			 1);
	ck_assert_int_eq(score_review_within("2026-11-02T10:00:00Z",
					     "2026-11-02T10:00:00Z",
					     "2026-11-09T09:00:00Z"),
			 1);
	ck_assert_int_eq(score_review_within("2026-11-09T09:00:00Z",
					     "2026-11-02T10:00:00Z",
					     "2026-11-09T09:00:00Z"),
			 0);
	ck_assert_int_eq(score_review_within("2026-11-01T00:00:00Z",
					     "2026-11-02T10:00:00Z", NULL),
			 0);
	ck_assert_int_eq(score_review_within(NULL, NULL, NULL), 0);
}
END_TEST

/* The rules end to end: commitments in a real store, scored by
 * sessionfacts for the session they count for. */
struct e2e {
	char dir[64], db[96];
	struct store *s;
	int64_t ana;
};

static void e2e_open(struct e2e *t)
{
	unit_tmpdir(t->dir, sizeof t->dir, "score");
	snprintf(t->db, sizeof t->db, "%s/ownit.db", t->dir);
	t->s = store_open(t->db, STORE_CREATE, &e);
	ck_assert_msg(t->s != NULL, "%s", e.msg);
	struct store_person p = {.name = "Ana"};
	ck_assert_int_eq(store_person_add(t->s, &p, &e), 0);
	t->ana = p.id;
}

static void e2e_close(struct e2e *t)
{
	store_close(t->s);
	unit_rmdir(t->dir);
}

static int64_t e2e_session(struct e2e *t, const char *started,
			   const char *completed)
{
	struct store_session ses = {
	    .person_id = t->ana,
	    .started = started,
	    .completed = completed,
	    .status = completed ? STORE_SESSION_COMPLETE : STORE_SESSION_OPEN,
	    .content_version = "test",
	    .step = -1,
	};
	ck_assert_int_eq(store_session_add(t->s, &ses, &e), 0);
	return ses.id;
}

/* A commitment made in session `in`, followed up as st at `when`, in
 * session `reviewed_in` (0: on the Commitments screen). */
static void e2e_commitment(struct e2e *t, int64_t in, const char *owner,
			   const char *due, enum store_cstatus st,
			   int64_t reviewed_in, const char *when)
{
	struct store_commitment sc = {
	    .person_id = t->ana,
	    .session_id = in,
	    .what = "Send the weekly status",
	    .owner = owner,
	    .due = due,
	    .status = st,
	    .reviewed_session_id = reviewed_in,
	    .reviewed = when,
	};
	ck_assert_int_eq(store_commitment_add(t->s, &sc, &e), 0);
}

static int e2e_evidence(struct e2e *t, int64_t session)
{
	struct sessionfacts f;
	sessionfacts_init(&f);
	ck_assert_int_eq(sessionfacts_load(&f, t->s, c, session, &e), 0);
	int n = f.missed_evidence;
	size_t k = flag("missed-commitments");
	ck_assert_uint_eq(f.score.flags[k].followups, (size_t)n);
	sessionfacts_free(&f);
	return n;
}

static int count_cb(const struct store_commitment *sc, void *ud)
{
	(void)sc;
	++*(int *)ud;
	return 0;
}

static int e2e_followup_rows(struct e2e *t, int64_t session)
{
	struct store_commitment_filter f = {.followup_of = session};
	int n = 0;
	ck_assert_int_eq(store_commitments_each(t->s, &f, count_cb, &n, &e), 0);
	return n;
}

START_TEST(evidence_owner_and_late_renegotiation_in_store)
{
	struct e2e t;
	e2e_open(&t);
	int64_t s1 =
	    e2e_session(&t, "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z");
	int64_t s2 = e2e_session(&t, "2026-11-15T09:00:00Z", NULL);
	const char *in_s2 = "2026-11-15T09:30:00Z";
	e2e_commitment(&t, s1, "Ana", "2026-11-08", STORE_C_MISSED, s2, in_s2);
	e2e_commitment(&t, s1, NULL, "2026-11-08", STORE_C_MISSED, s2, in_s2);
	e2e_commitment(&t, s1, "Coach Kim", "2026-11-08", STORE_C_MISSED, s2,
		       in_s2);
	e2e_commitment(&t, s1, "ana", "2026-11-08", STORE_C_RENEGOTIATED, s2,
		       in_s2);
	e2e_commitment(&t, s1, "Ana", "2026-11-30", STORE_C_RENEGOTIATED, s2,
		       in_s2);
	e2e_commitment(&t, s1, "Ana", "2026-11-08", STORE_C_KEPT, s2, in_s2);
	/* Hers missed twice (owner named, owner empty), one renegotiated
	 * after its date; the coach's miss and the timely renegotiation do
	 * not count. */
	ck_assert_int_eq(e2e_evidence(&t, s2), 3);
	ck_assert_int_eq(e2e_evidence(&t, s1), 0);
	e2e_close(&t);
}
END_TEST

START_TEST(screen_follow_ups_count_for_the_next_session)
{
	struct e2e t;
	e2e_open(&t);
	int64_t s1 =
	    e2e_session(&t, "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z");
	/* Missed on the Commitments screen between the sessions, before
	 * the next one exists: it waits for it. */
	e2e_commitment(&t, s1, "Ana", "2026-11-05", STORE_C_MISSED, 0,
		       "2026-11-06T08:00:00Z");
	/* And one reviewed on the screen before s1 was completed: s1's. */
	e2e_commitment(&t, s1, "Ana", "2026-11-05", STORE_C_MISSED, 0,
		       "2026-11-01T09:30:00Z");
	ck_assert_int_eq(e2e_evidence(&t, s1), 0); /* made in s1 itself */
	int64_t s2 =
	    e2e_session(&t, "2026-11-15T09:00:00Z", "2026-11-15T10:00:00Z");
	ck_assert_int_eq(e2e_evidence(&t, s2), 1);
	ck_assert_int_eq(e2e_followup_rows(&t, s2), 1);
	/* Made in s2, missed on the screen after it: for s3, not s2. */
	e2e_commitment(&t, s2, NULL, "2026-11-20", STORE_C_MISSED, 0,
		       "2026-11-21T08:00:00Z");
	ck_assert_int_eq(e2e_evidence(&t, s2), 1);
	int64_t s3 = e2e_session(&t, "2026-11-22T09:00:00Z", NULL);
	ck_assert_int_eq(e2e_evidence(&t, s3), 1);
	/* While s3 is open, a screen follow-up counts for s3. */
	e2e_commitment(&t, s2, NULL, "2026-11-20", STORE_C_MISSED, 0,
		       "2026-11-22T11:00:00Z");
	ck_assert_int_eq(e2e_evidence(&t, s3), 2);
	ck_assert_int_eq(e2e_followup_rows(&t, s3), 2);
	ck_assert_int_eq(e2e_evidence(&t, s2), 1);
	e2e_close(&t);
}
END_TEST

static Suite *score_suite(void)
{
	Suite *s = suite_create("score");
	TCase *t = tcase_create("score");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, item_values);
	tcase_add_test(t, flag_scores);
	tcase_add_test(t, pillar_evidence_and_gap);
	tcase_add_test(t, strongest_signals);
	tcase_add_test(t, ties_keep_content_order);
	tcase_add_test(t, missed_commitments_follow_up);
	tcase_add_test(t, missed_without_answers);
	tcase_add_test(t, owner_filtering);
	tcase_add_test(t, late_renegotiation_counts_as_missed);
	tcase_add_test(t, screen_follow_up_span);
	tcase_add_test(t, evidence_owner_and_late_renegotiation_in_store);
	tcase_add_test(t, screen_follow_ups_count_for_the_next_session);
	tcase_add_test(t, reverse_item_alone);
	tcase_add_test(t, later_answer_wins_unknown_skipped);
	tcase_add_test(t, out_of_range_rejected);
	tcase_add_test(t, empty_input);
	tcase_add_test(t, same_input_same_result);
	tcase_add_test(t, no_occasion_not_scored);
	tcase_add_test(t, old_session_scores_unchanged);
	tcase_add_test(t, shown_never_crosses_a_band);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(score_suite());
}
