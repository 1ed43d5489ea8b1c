/* test_teamview.c - which team round sits beside a session, and the
 * rounds an export keeps (teamview_cache), on a real store.
 *
 * Ada's rounds, in the order they are added: A on 2026-03-11, B on
 * 2026-03-01, C on 2026-03-11 again, D on 2026-06-20; Bo has one round,
 * E on 2026-03-06; Cy has none. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/dates.h"
#include "core/coaching/teamview.h"
#include "core/content/content.h"
#include "core/store/store.h"
#include "unit.h"

#define SHIPPED TEST_SRCDIR "/content"

static char dir[64];
static char db[128];
static struct store *s;
static struct content *c;
static struct error e;
static int64_t ada, bo, cy;
static int64_t ra, rb, rc_, rd, re;

static int64_t person(const char *name)
{
	struct store_person p = {.name = name};
	ck_assert_msg(store_person_add(s, &p, &e) == 0, "%s", e.msg);
	return p.id;
}

/* A round of three on the day, vague-updates-1 answered value, value and
 * 4, so that each round adds up to figures of its own. */
static int64_t round_on(int64_t who, const char *day, int value)
{
	struct store_team_round r = {.person_id = who,
				     .day = day,
				     .label = day,
				     .responses = 3,
				     .content_version = "test"};
	struct store_team_tally t[] = {
	    {"vague-updates-1", "In our team, a.", value, 2},
	    {"vague-updates-1", "In our team, a.", 4, 1},
	};
	ck_assert_msg(store_team_round_put(s, &r, t, value == 4 ? 1 : 2,
					   &e) == 0,
		      "%s", e.msg);
	return r.id;
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/ownit-test-teamview-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/ownit.db", dir);
	s = store_open(db, STORE_CREATE, &e);
	ck_assert_msg(s != NULL, "%s", e.msg);
	c = content_load(SHIPPED, NULL, NULL, &e);
	ck_assert_msg(c != NULL, "%s", e.msg);
	ada = person("Ada");
	bo = person("Bo");
	cy = person("Cy");
	ra = round_on(ada, "2026-03-11", 0);
	rb = round_on(ada, "2026-03-01", 1);
	rc_ = round_on(ada, "2026-03-11", 2);
	rd = round_on(ada, "2026-06-20", 3);
	re = round_on(bo, "2026-03-06", 4);
}

static void teardown(void)
{
	content_free(c);
	store_close(s);
	char path[160];
	const char *const files[] = {"ownit.db", "ownit.db-wal",
				     "ownit.db-shm"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

static struct store_session session(int64_t who, const char *started)
{
	struct store_session ses = {.person_id = who, .started = started};
	return ses;
}

/* The round beside a session as teamview_load_session finds it (0:
 * none); a fresh cache must agree. */
static int64_t beside(int64_t who, const char *started)
{
	struct store_session ses = session(who, started);
	struct teamview v, w;
	struct teamview_cache cache;
	ck_assert_msg(teamview_load_session(&v, s, c, &ses, 3, NULL, &e) == 0,
		      "%s", e.msg);
	int64_t got = v.has_round ? v.round.id : 0;
	teamview_cache_init(&cache);
	ck_assert_int_eq(
	    teamview_cache_load_session(&w, &cache, s, c, &ses, 3, NULL, &e),
	    0);
	ck_assert_int_eq(w.has_round ? w.round.id : 0, got);
	teamview_clear(&w);
	teamview_cache_free(&cache);
	teamview_clear(&v);
	return got;
}

START_TEST(nearest_round_beside_a_session)
{
	/* Five days from B and from A: the earlier wins a tie. */
	ck_assert_int_eq(beside(ada, "2026-03-06T10:00:00Z"), rb);
	/* Nearer A: of two rounds on one day, the first added. */
	ck_assert_int_eq(beside(ada, "2026-03-07T08:00:00Z"), ra);
	ck_assert_int_eq(beside(ada, "2026-03-11T23:59:59Z"), ra);
	ck_assert_int_eq(beside(ada, "2026-03-12T08:00:00Z"), ra);
	ck_assert_int_eq(beside(ada, "2026-03-01T00:00:00Z"), rb);
	/* STORE_TEAM_NEAR_DAYS either way, and not a day more. */
	ck_assert_int_eq(beside(ada, "2026-09-20T09:00:00Z"), rd);
	ck_assert_int_eq(beside(ada, "2026-09-21T09:00:00Z"), 0);
	ck_assert_int_eq(beside(ada, "2025-11-29T09:00:00Z"), rb);
	ck_assert_int_eq(beside(ada, "2025-11-28T09:00:00Z"), 0);
	/* Only the person's own rounds. */
	ck_assert_int_eq(beside(bo, "2026-03-11T09:00:00Z"), re);
	ck_assert_int_eq(beside(cy, "2026-03-06T09:00:00Z"), 0);
	ck_assert_int_ne(rc_, ra);
}
END_TEST

/* A session belongs to the coach's local day, as round days do: an
 * evening session in Los Angeles is stored on the next UTC day. */
START_TEST(session_day_is_local)
{
	int64_t near = round_on(cy, "2026-11-27", 1);
	int64_t far = round_on(cy, "2026-12-02", 2);
	/* 20:00 on 2026-11-29 in Los Angeles: the 27th is two days off, the
	 * 2nd three.  The UTC date, the 30th, is nearer the 2nd. */
	setenv("TZ", "America/Los_Angeles", 1);
	tzset();
	ck_assert_int_eq(beside(cy, "2026-11-30T04:00:00Z"), near);
	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert_int_eq(beside(cy, "2026-11-30T04:00:00Z"), far);
}
END_TEST

/* Two views of one round for one session: the same round and the same
 * figures. */
static void same_view(const struct teamview *a, const struct teamview *b)
{
	ck_assert_int_eq(a->has_round, b->has_round);
	if (!a->has_round)
		return;
	ck_assert_int_eq(a->round.id, b->round.id);
	ck_assert_str_eq(a->round.day, b->round.day);
	ck_assert_str_eq(a->round.label, b->round.label);
	ck_assert_uint_eq(a->round.responses, b->round.responses);
	ck_assert_int_eq(a->result.shown, b->result.shown);
	for (size_t f = 0; f < c->nflags; f++) {
		const struct team_flag *x = &a->result.flags[f],
				       *y = &b->result.flags[f];
		ck_assert_int_eq(x->fig.shown, y->fig.shown);
		ck_assert_uint_eq(x->fig.answered, y->fig.answered);
		ck_assert(x->fig.mean == y->fig.mean);
		ck_assert(x->fig.spread == y->fig.spread);
	}
	for (size_t p = 0; p < c->npillars; p++) {
		ck_assert_int_eq(a->result.pillars[p].shown,
				 b->result.pillars[p].shown);
		ck_assert(a->result.pillars[p].evidence ==
			  b->result.pillars[p].evidence);
	}
}

/* One session through the cache, checked against a fresh read. */
static void through(struct teamview_cache *cache, int64_t who,
		    const char *started)
{
	struct store_session ses = session(who, started);
	struct teamview fresh, kept;
	ck_assert_int_eq(
	    teamview_load_session(&fresh, s, c, &ses, 3, NULL, &e), 0);
	ck_assert_msg(teamview_cache_load_session(&kept, cache, s, c, &ses, 3,
						  NULL, &e) == 0,
		      "%s", e.msg);
	same_view(&fresh, &kept);
	teamview_clear(&kept);
	teamview_clear(&fresh);
}

START_TEST(export_reads_each_round_once)
{
	struct teamview_cache cache;
	teamview_cache_init(&cache);
	/* Sessions of both in time order, several beside each round. */
	static const struct {
		int64_t *who;
		const char *started;
	} pass[] = {
	    {&ada, "2026-02-20T09:00:00Z"}, {&bo, "2026-02-21T09:00:00Z"},
	    {&ada, "2026-02-27T09:00:00Z"}, {&bo, "2026-03-02T09:00:00Z"},
	    {&ada, "2026-03-04T09:00:00Z"}, {&ada, "2026-03-09T09:00:00Z"},
	    {&bo, "2026-03-10T09:00:00Z"},  {&ada, "2026-03-12T09:00:00Z"},
	    {&ada, "2026-05-01T09:00:00Z"}, {&ada, "2026-06-01T09:00:00Z"},
	    {&bo, "2026-06-02T09:00:00Z"},  {&ada, "2026-07-01T09:00:00Z"},
	};
	for (size_t i = 0; i < sizeof pass / sizeof *pass; i++)
		through(&cache, *pass[i].who, pass[i].started);
	/* B, A, E and D: each read once, though beside 3, 3, 3 and 3
	 * sessions. */
	ck_assert_uint_eq(cache.reads, 4);
	/* From 2026-09-20 on nothing before 2026-06-20 can be nearest: B, A
	 * and E are let go, D stays. */
	through(&cache, ada, "2026-09-20T09:00:00Z");
	ck_assert_uint_eq(cache.n, 1);
	ck_assert_uint_eq(cache.reads, 4);
	/* Out of time order still right: A is read again. */
	through(&cache, ada, "2026-03-10T09:00:00Z");
	ck_assert_uint_eq(cache.reads, 5);
	teamview_cache_free(&cache);
}
END_TEST

/* A pass against time order lets nothing go by day; the cache still
 * keeps at most TEAMVIEW_CACHE_MAX rounds. */
START_TEST(cache_stays_bounded)
{
	char day[DATES_DAY_SIZE];
	ck_assert_int_eq(store_tx_begin(s, &e), 0);
	for (int i = 0; i < TEAMVIEW_CACHE_MAX + 8; i++) {
		ck_assert_int_eq(dates_add_days("2030-01-01", 2 * i, day, &e),
				 0);
		round_on(cy, day, i % 4);
	}
	ck_assert_int_eq(store_tx_commit(s, &e), 0);
	struct teamview_cache cache;
	teamview_cache_init(&cache);
	for (int i = TEAMVIEW_CACHE_MAX + 8; i-- > 0;) {
		char started[32];
		ck_assert_int_eq(dates_add_days("2030-01-01", 2 * i, day, &e),
				 0);
		snprintf(started, sizeof started, "%sT09:00:00Z", day);
		through(&cache, cy, started);
		ck_assert_uint_le(cache.n, TEAMVIEW_CACHE_MAX);
	}
	ck_assert_uint_eq(cache.reads, TEAMVIEW_CACHE_MAX + 8);
	/* The most recently used round is still kept. */
	through(&cache, cy, "2030-01-01T09:00:00Z");
	ck_assert_uint_eq(cache.reads, TEAMVIEW_CACHE_MAX + 8);
	teamview_cache_free(&cache);
}
END_TEST

/* A round whose counts cannot be (more answers than responses) fails
 * the session beside it, named, and is not kept. */
START_TEST(impossible_round_is_an_error)
{
	struct store_team_round r = {.person_id = cy,
				     .day = "2026-04-01",
				     .responses = 1,
				     .content_version = "test"};
	struct store_team_tally t = {"vague-updates-1", "In our team, a.", 2,
				     3};
	ck_assert_int_eq(store_team_round_put(s, &r, &t, 1, &e), 0);
	struct store_session ses = session(cy, "2026-04-02T09:00:00Z");
	struct teamview v;
	struct teamview_cache cache;
	teamview_cache_init(&cache);
	ck_assert_int_eq(
	    teamview_cache_load_session(&v, &cache, s, c, &ses, 3, NULL, &e),
	    -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "team statement \"vague-updates-1\": 3 "
				"answers from 1 responses");
	ck_assert_uint_eq(cache.n, 0);
	teamview_clear(&v);
	teamview_cache_free(&cache);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("teamview");
	TCase *tc = tcase_create("rounds");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nearest_round_beside_a_session);
	tcase_add_test(tc, session_day_is_local);
	tcase_add_test(tc, export_reads_each_round_once);
	tcase_add_test(tc, cache_stays_bounded);
	tcase_add_test(tc, impossible_round_is_an_error);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
