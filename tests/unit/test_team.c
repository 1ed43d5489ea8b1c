/* test_team.c - team rounds added up by hand on the shipped content.
 *
 * Shipped team statements: the team wording of every asked diagnostic
 * statement (same id, same reverse, same red flag), and team-only
 * statements on role-modelling (leader-keeps-word and leader-owns-errors
 * reverse, leader-blames) and autonomy (leader-steps-in,
 * leader-asks-approval, leader-sets-bounds reverse).  vague-updates
 * points at clarity, feedback-systems and vision.  Gap threshold 1.5. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/content/content.h"
#include "core/coaching/team.h"
#include "unit.h"

#define SHIPPED TEST_SRCDIR "/content"
#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct content *c;
static struct team_result r;
static struct error e;

static void setup(void)
{
	c = content_load(SHIPPED, NULL, NULL, &e);
	ck_assert_ptr_nonnull(c);
}

static void teardown(void)
{
	team_result_free(&r);
	content_free(c);
}

static size_t team(const char *id)
{
	long k = content_team_index(c, id);
	ck_assert_msg(k >= 0, "%s", id);
	return (size_t)k;
}

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

/* Four members on vague-updates: the four warning statements at 3, 3, 4,
 * 2 each (mean 3), and the reverse 5b given 1, 1, 0, 2 (counting 3, 3,
 * 4, 2).  Every answer counts 3 or 3 or 4 or 2: mean 3, spread
 * sqrt(0.5). */
static const struct team_tally four[] = {
	{"vague-updates-1", {0, 0, 1, 2, 1}},
	{"vague-updates-2", {0, 0, 1, 2, 1}},
	{"vague-updates-3", {0, 0, 1, 2, 1}},
	{"vague-updates-4b", {0, 0, 1, 2, 1}},
	{"vague-updates-5b", {1, 2, 1, 0, 0}},
};

START_TEST(flag_mean_and_spread)
{
	struct team_input in = {4, four, N(four)};
	ck_assert_int_eq(team_compute(c, &in, TEAM_MIN_RESPONSES, NULL, &r,
				      &e),
			 0);
	ck_assert_int_eq(r.shown, 1);
	ck_assert_uint_eq(r.min, 3);
	const struct team_figure *fi = &r.items[team("vague-updates-5b")];
	ck_assert_int_eq(fi->shown, 1);
	ck_assert_uint_eq(fi->answered, 4);
	ck_assert_double_eq_tol(fi->mean, 3.0, 1e-12);
	const struct team_flag *tf = &r.flags[flag("vague-updates")];
	ck_assert_int_eq(tf->fig.shown, 1);
	ck_assert_uint_eq(tf->fig.answered, 20);
	ck_assert_double_eq_tol(tf->fig.mean, 3.0, 1e-12);
	ck_assert_double_eq_tol(tf->fig.spread, sqrt(0.5), 1e-12);
	ck_assert_str_eq(team_spread_word(tf->fig.spread), "agree");
	ck_assert_int_eq(tf->has_gap, 0); /* no leader result given */
	ck_assert_int_eq(r.flags[flag("not-my-job")].fig.shown, 0);
	/* The flag's evidence on its pillars: 5 - 3 = 2.  Clarity has only
	 * this flag answered. */
	const struct team_pillar *tp = &r.pillars[pillar("clarity")];
	ck_assert_int_eq(tp->shown, 1);
	ck_assert_double_eq_tol(tp->evidence, 2.0, 1e-12);
	ck_assert_double_eq_tol(tp->weight, 20, 1e-12);
	ck_assert_int_eq(r.pillars[pillar("trust-openness")].shown, 0);
}
END_TEST

/* Two members: nothing is shown, however clear their answers. */
START_TEST(round_below_threshold_hides_all)
{
	static const struct team_tally two[] = {
		{"vague-updates-1", {0, 0, 0, 0, 2}},
		{"leader-owns-errors", {2, 0, 0, 0, 0}},
	};
	struct team_input in = {2, two, N(two)};
	ck_assert_int_eq(team_compute(c, &in, 3, NULL, &r, &e), 0);
	ck_assert_int_eq(r.shown, 0);
	for (size_t k = 0; k < c->nteam; k++)
		ck_assert_int_eq(r.items[k].shown, 0);
	for (size_t f = 0; f < c->nflags; f++)
		ck_assert_int_eq(r.flags[f].fig.shown, 0);
	for (size_t p = 0; p < c->npillars; p++)
		ck_assert_int_eq(r.pillars[p].shown, 0);
	/* A threshold below 3 is raised to 3. */
	team_result_free(&r);
	ck_assert_int_eq(team_compute(c, &in, 1, NULL, &r, &e), 0);
	ck_assert_uint_eq(r.min, 3);
	ck_assert_int_eq(r.shown, 0);
}
END_TEST

/* Five members, but only two answered vague-updates-3: that statement is
 * left out of its flag; the rest of the flag still counts. */
START_TEST(statement_below_threshold_left_out)
{
	static const struct team_tally t[] = {
		{"vague-updates-1", {0, 0, 0, 3, 0}},
		{"vague-updates-2", {0, 0, 0, 3, 0}},
		{"vague-updates-3", {0, 0, 0, 0, 2}},
	};
	struct team_input in = {5, t, N(t)};
	ck_assert_int_eq(team_compute(c, &in, 3, NULL, &r, &e), 0);
	ck_assert_int_eq(r.items[team("vague-updates-3")].shown, 0);
	ck_assert_uint_eq(r.items[team("vague-updates-3")].answered, 2);
	const struct team_flag *tf = &r.flags[flag("vague-updates")];
	ck_assert_int_eq(tf->fig.shown, 1);
	ck_assert_uint_eq(tf->fig.answered, 6);
	ck_assert_double_eq_tol(tf->fig.mean, 3.0, 1e-12);
	ck_assert_double_eq_tol(tf->fig.spread, 0.0, 1e-12);
	/* Raised threshold: 3 answers are no longer enough, even with five
	 * members. */
	team_result_free(&r);
	ck_assert_int_eq(team_compute(c, &in, 4, NULL, &r, &e), 0);
	ck_assert_int_eq(r.shown, 1);
	ck_assert_int_eq(r.items[team("vague-updates-1")].shown, 0);
	ck_assert_int_eq(r.flags[flag("vague-updates")].fig.shown, 0);
	/* And six members are needed to show a round at all with 6. */
	team_result_free(&r);
	ck_assert_int_eq(team_compute(c, &in, 6, NULL, &r, &e), 0);
	ck_assert_int_eq(r.shown, 0);
}
END_TEST

/* Team-only statements count on their pillar beside the flags. */
START_TEST(team_only_on_pillar)
{
	/* leader-owns-errors is reverse: answered 4 (almost always) by three
	 * members counts 0, evidence 5.  leader-blames answered 2 by three:
	 * counts 2, evidence 3.  slow-escalation-1 (on trust-openness and
	 * role-modelling) answered 4 by three: score 4, evidence 1. */
	static const struct team_tally t[] = {
		{"leader-owns-errors", {0, 0, 0, 0, 3}},
		{"leader-blames", {0, 0, 3, 0, 0}},
		{"slow-escalation-1", {0, 0, 0, 0, 3}},
	};
	struct team_input in = {3, t, N(t)};
	ck_assert_int_eq(team_compute(c, &in, 3, NULL, &r, &e), 0);
	const struct team_pillar *rm = &r.pillars[pillar("role-modelling")];
	ck_assert_int_eq(rm->shown, 1);
	ck_assert_double_eq_tol(rm->evidence, (5.0 + 3.0 + 1.0) / 3, 1e-12);
	ck_assert_double_eq_tol(rm->weight, 9, 1e-12);
	const struct team_pillar *to = &r.pillars[pillar("trust-openness")];
	ck_assert_double_eq_tol(to->evidence, 1.0, 1e-12);
	ck_assert_int_eq(r.pillars[pillar("autonomy")].shown, 0);
}
END_TEST

/* The gap, leader vs team, both ways, per pillar and per flag. */
START_TEST(gap_both_directions)
{
	struct team_input in = {4, four, N(four)};
	struct score_flag sf[5] = {0};
	struct score_pillar sp[6] = {0};
	struct score_result self = {sf, 5, sp, 6, NULL, 0, 0};
	/* The leader sees vague-updates at 1.0 (team: 3.0): team score
	 * minus leader's is +2, the leader sees it more favourably. */
	sf[flag("vague-updates")] = (struct score_flag){4, 0, 0, 1, 1.0};
	/* Rates clarity 5 (team evidence 2): +3, the leader rates higher;
	 * feedback-systems 1 (team evidence 2): -1, within the threshold;
	 * vision not rated: no gap. */
	sp[pillar("clarity")] = (struct score_pillar){.rated = 1, .self = 5};
	sp[pillar("feedback-systems")] =
		(struct score_pillar){.rated = 1, .self = 1};
	ck_assert_int_eq(team_compute(c, &in, 3, &self, &r, &e), 0);
	const struct team_flag *tf = &r.flags[flag("vague-updates")];
	ck_assert_int_eq(tf->has_gap, 1);
	ck_assert_double_eq_tol(tf->gap, 2.0, 1e-12);
	ck_assert_int_eq(tf->side, TEAM_GAP_LEADER);
	ck_assert_str_eq(team_gap_words(tf->side), "you rate higher");
	const struct team_pillar *cl = &r.pillars[pillar("clarity")];
	ck_assert_int_eq(cl->has_gap, 1);
	ck_assert_double_eq_tol(cl->gap, 3.0, 1e-12);
	ck_assert_int_eq(cl->side, TEAM_GAP_LEADER);
	const struct team_pillar *fb = &r.pillars[pillar("feedback-systems")];
	ck_assert_double_eq_tol(fb->gap, -1.0, 1e-12);
	ck_assert_int_eq(fb->side, TEAM_GAP_NONE);
	ck_assert_int_eq(r.pillars[pillar("vision")].has_gap, 0);

	/* The other way: the leader sees more warning signs than the team
	 * (4.0 against 3.0 is within; 4.0 against a team at 1.0 is not). */
	team_result_free(&r);
	static const struct team_tally calm[] = {
		{"vague-updates-1", {0, 3, 0, 0, 0}},
		{"vague-updates-2", {0, 3, 0, 0, 0}},
	};
	struct team_input in2 = {3, calm, N(calm)};
	sf[flag("vague-updates")].score = 4.0;
	sp[pillar("clarity")].self = 1;
	ck_assert_int_eq(team_compute(c, &in2, 3, &self, &r, &e), 0);
	tf = &r.flags[flag("vague-updates")];
	ck_assert_double_eq_tol(tf->gap, -3.0, 1e-12);
	ck_assert_int_eq(tf->side, TEAM_GAP_TEAM);
	ck_assert_str_eq(team_gap_words(tf->side), "team rates higher");
	cl = &r.pillars[pillar("clarity")];
	ck_assert_double_eq_tol(cl->evidence, 4.0, 1e-12);
	ck_assert_double_eq_tol(cl->gap, -3.0, 1e-12);
	ck_assert_int_eq(cl->side, TEAM_GAP_TEAM);
}
END_TEST

START_TEST(bad_counts_and_unknown_ids)
{
	static const struct team_tally t[] = {
		{"vague-updates-1", {1, 1, 1, 1, 0}},
		{"no-such-statement", {3, 0, 0, 0, 0}},
	};
	struct team_input in = {3, t, N(t)};
	ck_assert_int_eq(team_compute(c, &in, 3, NULL, &r, &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "team statement \"vague-updates-1\": 4 "
				"answers from 3 responses");
	team_result_free(&r);
	in.tallies = t + 1;
	in.ntallies = 1;
	ck_assert_int_eq(team_compute(c, &in, 3, NULL, &r, &e), 0);
	ck_assert_uint_eq(r.unknown, 1);
}
END_TEST

START_TEST(threshold_upward_only)
{
	unsigned v = 0;
	ck_assert_int_eq(team_min_parse("5", "--min", &v, &e), 0);
	ck_assert_uint_eq(v, 5);
	ck_assert_int_eq(team_min_parse("3", "--min", &v, &e), 0);
	ck_assert_uint_eq(v, 3);
	ck_assert_int_eq(team_min_parse("2", "--min", &v, &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "--min: \"2\" is not"));
	ck_assert_int_eq(team_min_parse("", "X", &v, &e), -1);
	ck_assert_int_eq(team_min_parse("4x", "X", &v, &e), -1);
	ck_assert_int_eq(team_min_parse("-4", "X", &v, &e), -1);
	ck_assert_int_eq(team_min_parse("1001", "X", &v, &e), -1);
	ck_assert_int_eq(setenv("OWNIT_TEAM_MIN", "1", 1), 0);
	ck_assert_int_eq(team_min_from_env(&v, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "OWNIT_TEAM_MIN"));
	ck_assert_int_eq(setenv("OWNIT_TEAM_MIN", "7", 1), 0);
	ck_assert_int_eq(team_min_from_env(&v, &e), 0);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(unsetenv("OWNIT_TEAM_MIN"), 0);
	ck_assert_int_eq(team_min_from_env(&v, &e), 0);
	ck_assert_uint_eq(v, TEAM_MIN_RESPONSES);
}
END_TEST

START_TEST(label_rule)
{
	char label[4 * TEAM_LABEL_MAX + 8] = "";
	for (int i = 0; i < TEAM_LABEL_MAX; i++)
		strcat(label, "\xc3\xa9"); /* é: one character, two bytes */
	ck_assert_int_eq(team_label_check(label, "--round", &e), 0);
	ck_assert_int_eq(team_label_check("Q4 retro", NULL, &e), 0);
	strcat(label, "x");
	ck_assert_int_eq(team_label_check(label, "--round", &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "--round: a label has at most 60 characters "
				"(this has 61)");
	ck_assert_int_eq(team_label_check("Q4\xff", NULL, &e), -1);
	ck_assert_str_eq(e.msg, "a label must be UTF-8 text");
	ck_assert_int_eq(team_label_check("Q4\x1b[31m", NULL, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "(character 3 is one)"));
	ck_assert_int_eq(team_label_check("Q4\xc2\x9b", NULL, &e), -1);
	ck_assert_int_eq(team_label_check("  ", NULL, &e), -1);
	ck_assert_str_eq(e.msg, "a label must not be blank");
	ck_assert_int_eq(team_label_check("", NULL, &e), -1);
}
END_TEST

START_TEST(spread_words)
{
	ck_assert_str_eq(team_spread_word(0), "agree");
	ck_assert_str_eq(team_spread_word(0.74), "agree");
	ck_assert_str_eq(team_spread_word(0.75), "mixed");
	ck_assert_str_eq(team_spread_word(1.25), "split");
	/* Half the team at 0, half at 4: the widest split there is. */
	static const struct team_tally t[] = {
		{"vague-updates-1", {2, 0, 0, 0, 2}},
	};
	struct team_input in = {4, t, 1};
	ck_assert_int_eq(team_compute(c, &in, 3, NULL, &r, &e), 0);
	ck_assert_double_eq_tol(r.items[team("vague-updates-1")].spread, 2.0,
				1e-12);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("team");
	TCase *tc = tcase_create("aggregate");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, flag_mean_and_spread);
	tcase_add_test(tc, round_below_threshold_hides_all);
	tcase_add_test(tc, statement_below_threshold_left_out);
	tcase_add_test(tc, team_only_on_pillar);
	tcase_add_test(tc, gap_both_directions);
	tcase_add_test(tc, bad_counts_and_unknown_ids);
	tcase_add_test(tc, threshold_upward_only);
	tcase_add_test(tc, label_rule);
	tcase_add_test(tc, spread_words);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
