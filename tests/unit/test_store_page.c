/* test_store_page.c - people, sessions and open commitments read a page
 * at a time: next to a row by its key, from either end, at an offset,
 * filtered in SQL, counted. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/dates.h"
#include "core/store/store_int.h"
#include "core/store/store_page.h"
#include "sqlhelp.h"
#include "unit.h"

static char dir[64], db[128];
static struct store *s;

/* 26 people "Person a" .. "Person z" plus two with non-ASCII names. */
static void setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	unit_tmpdir(dir, sizeof dir, "page");
	snprintf(db, sizeof db, "%s/o.db", dir);
	struct error err = {0};
	s = store_open(db, STORE_CREATE, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	for (char c = 'a'; c <= 'z'; c++) {
		char name[32];
		snprintf(name, sizeof name, "Person %c", c);
		struct store_person p = {.name = name,
					 .team = c == 'q' ? "Zoë's team" : NULL};
		ck_assert_int_eq(store_person_add(s, &p, &err), 0);
	}
	struct store_person z = {.name = "ZOË MÜLLER"};
	ck_assert_int_eq(store_person_add(s, &z, &err), 0);
	struct store_person a = {.name = "Ana", .archived = 0};
	ck_assert_int_eq(store_person_add(s, &a, &err), 0);
	ck_assert_int_eq(store_tx_commit(s, &err), 0);
}

static void teardown(void)
{
	store_close(s);
	unit_rmdir(dir);
}

/* The names a page gives, joined by ",". */
struct names {
	char buf[1024];
	int n;
	int stop_after; /* 0: never */
};

static int name_cb(const struct store_person_row *r, void *ud)
{
	struct names *nm = ud;
	size_t len = strlen(nm->buf);
	snprintf(nm->buf + len, sizeof nm->buf - len, "%s%s", len ? "," : "",
		 r->person.name);
	nm->n++;
	return nm->stop_after && nm->n >= nm->stop_after;
}

static const char *page(struct store_page *q)
{
	static struct names nm;
	memset(&nm, 0, sizeof nm);
	struct error err = {0};
	ck_assert_msg(store_people_page(s, q, name_cb, &nm, &err) == 0, "%s",
		      err.msg);
	return nm.buf;
}

START_TEST(first_page_in_name_order)
{
	struct store_page q = {.limit = 3};
	ck_assert_str_eq(page(&q), "Ana,Person a,Person b");
}
END_TEST

START_TEST(next_page_after_a_key)
{
	/* any letter case */
	struct store_page q = {.from_set = 1, .from_text = "person c",
			       .limit = 2};
	ck_assert_str_eq(page(&q), "Person d,Person e");
}
END_TEST

START_TEST(page_before_a_key_nearest_first)
{
	struct store_page q = {.from_set = 1, .from_text = "Person c",
			       .backward = 1, .limit = 5};
	ck_assert_str_eq(page(&q), "Person b,Person a,Ana");
}
END_TEST

START_TEST(last_rows_from_the_end)
{
	struct store_page q = {.backward = 1, .limit = 2};
	ck_assert_str_eq(page(&q), "ZOË MÜLLER,Person z");
}
END_TEST

START_TEST(offset_for_a_far_jump)
{
	struct store_page q = {.offset = 25, .limit = 10};
	ck_assert_str_eq(page(&q), "Person y,Person z,ZOË MÜLLER");
}
END_TEST

/* Any script's letter case, and the role and team too. */
START_TEST(filter_in_sql_ignores_case)
{
	struct store_page q = {.filter = "zoë", .limit = 10};
	ck_assert_str_eq(page(&q), "Person q,ZOË MÜLLER");
	q.from_set = 1;
	q.from_text = "Person q";
	ck_assert_str_eq(page(&q), "ZOË MÜLLER");
	q.filter = "nobody";
	q.from_set = 0;
	ck_assert_str_eq(page(&q), "");
}
END_TEST

START_TEST(count_and_position_follow_the_filter)
{
	struct error err = {0};
	size_t n = 0, pos = 0;
	struct store_page q = {0};
	ck_assert_int_eq(store_people_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 28);
	int64_t zoe = 0, c = 0;
	ck_assert_int_eq(store_person_find(s, "ZOË MÜLLER", &zoe, &err), 1);
	ck_assert_int_eq(store_person_find(s, "Person c", &c, &err), 1);
	ck_assert_int_eq(store_people_position(s, &q, zoe, &pos, &err), 1);
	ck_assert_uint_eq(pos, 27);
	q.filter = "MÜLL";
	ck_assert_int_eq(store_people_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(store_people_position(s, &q, zoe, &pos, &err), 1);
	ck_assert_uint_eq(pos, 0);
	ck_assert_int_eq(store_people_position(s, &q, c, &pos, &err), 0);
}
END_TEST

START_TEST(archived_only_when_asked)
{
	struct error err = {0};
	struct store_person p;
	int64_t id = 0;
	ck_assert_int_eq(store_person_find(s, "Ana", &id, &err), 1);
	ck_assert_int_eq(store_person_get(s, id, &p, &err), 1);
	p.archived = 1;
	ck_assert_int_eq(store_person_update(s, &p, &err), 0);
	store_person_clear(&p);
	struct store_page q = {.limit = 1};
	ck_assert_str_eq(page(&q), "Person a");
	q.include_archived = 1;
	ck_assert_str_eq(page(&q), "Ana");
}
END_TEST

/* Home asks whether anyone is there before its first frame: archived
 * people count, and an empty database says no. */
START_TEST(people_exist_counts_the_archived)
{
	struct error err = {0};
	ck_assert_int_eq(store_people_exist(s, &err), 1);
	sqlhelp_exec(s->db, "UPDATE person SET archived = 1");
	ck_assert_int_eq(store_people_exist(s, &err), 1);
	sqlhelp_exec(s->db, "DELETE FROM person");
	ck_assert_int_eq(store_people_exist(s, &err), 0);
}
END_TEST

START_TEST(match_is_the_one_rule)
{
	ck_assert_int_eq(store_page_match("Zoë Ångström", "ÅNG"), 1);
	ck_assert_int_eq(store_page_match("Zoë", ""), 1);
	ck_assert_int_eq(store_page_match(NULL, "a"), 0);
	ck_assert_int_eq(store_page_match("abc", "abd"), 0);
}
END_TEST

static int what_cb(const struct store_commitment *c, void *ud)
{
	char *buf = ud;
	size_t len = strlen(buf);
	snprintf(buf + len, 512 - len, "%s%s", len ? "," : "", c->what);
	return 0;
}

/* Open commitments: overdue first, then by due date, none last; paged
 * and filtered in SQL, the person's name included. */
START_TEST(open_commitments_paged_and_filtered)
{
	struct error err = {0};
	setenv("OWNIT_TODAY", "2026-06-10", 1);
	int64_t zoe = 0, a = 0;
	ck_assert_int_eq(store_person_find(s, "ZOË MÜLLER", &zoe, &err), 1);
	ck_assert_int_eq(store_person_find(s, "Person a", &a, &err), 1);
	struct store_session ses = {.person_id = zoe,
				    .kind = STORE_KIND_COACHING,
				    .status = STORE_SESSION_OPEN,
				    .content_version = "1", .step = -1};
	ck_assert_int_eq(store_session_add(s, &ses, &err), 0);
	struct { int64_t person; const char *what, *due; } in[] = {
		{zoe, "later", "2026-07-01"}, {a, "none", NULL},
		{zoe, "overdue", "2026-06-01"}, {a, "soon", "2026-06-12"},
	};
	for (size_t i = 0; i < 4; i++) {
		struct store_commitment c = {.person_id = in[i].person,
					     .session_id = ses.id,
					     .what = in[i].what,
					     .due = in[i].due};
		ck_assert_msg(store_commitment_add(s, &c, &err) == 0, "%s",
			      err.msg);
	}
	char buf[512] = "";
	struct store_page q = {.limit = 10};
	ck_assert_int_eq(store_open_commitments_page(s, &q, what_cb, buf, &err),
			 0);
	ck_assert_str_eq(buf, "overdue,soon,later,none");
	buf[0] = '\0';
	q.offset = 1;
	q.limit = 2;
	ck_assert_int_eq(store_open_commitments_page(s, &q, what_cb, buf, &err),
			 0);
	ck_assert_str_eq(buf, "soon,later");
	buf[0] = '\0';
	q = (struct store_page){.filter = "zoË", .limit = 10};
	ck_assert_int_eq(store_open_commitments_page(s, &q, what_cb, buf, &err),
			 0);
	ck_assert_str_eq(buf, "overdue,later");
	size_t n = 0;
	ck_assert_int_eq(store_open_commitments_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	q.filter = "2026-06-1";
	ck_assert_int_eq(store_open_commitments_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	unsetenv("OWNIT_TODAY");
}
END_TEST

static int coach_cb(const struct store_session *ses, void *ud)
{
	char *buf = ud;
	size_t len = strlen(buf);
	snprintf(buf + len, 512 - len, "%s%s", len ? "," : "", ses->coach);
	return 0;
}

static const char *sessions(int64_t person, struct store_page *q)
{
	static char buf[512];
	buf[0] = '\0';
	struct error err = {0};
	ck_assert_msg(store_sessions_page(s, person, q, coach_cb, buf, &err) ==
			      0,
		      "%s", err.msg);
	return buf;
}

/* A person's sessions newest first, two on one day told apart by id;
 * paged next to a row by (start, id), from the end, filtered in SQL. */
START_TEST(sessions_paged_by_key_position)
{
	struct error err = {0};
	int64_t a = 0, ids[5];
	ck_assert_int_eq(store_person_find(s, "Person a", &a, &err), 1);
	const char *when[] = {"2026-01-01T09:00:00Z", "2026-02-01T09:00:00Z",
			      "2026-02-01T09:00:00Z", "2026-03-01T09:00:00Z",
			      "2026-04-01T09:00:00Z"};
	const char *coach[] = {"c1", "c2", "c3", "Çelik", "c5"};
	for (int i = 0; i < 5; i++) {
		struct store_session ses = {.person_id = a,
					    .kind = i == 4 ? STORE_KIND_SELF
							   : STORE_KIND_COACHING,
					    .status = STORE_SESSION_OPEN,
					    .coach = coach[i],
					    .started = when[i],
					    .content_version = "1", .step = -1};
		ck_assert_int_eq(store_session_add(s, &ses, &err), 0);
		ids[i] = ses.id;
	}
	struct store_page q = {.limit = 2};
	ck_assert_str_eq(sessions(a, &q), "c5,Çelik");
	q = (struct store_page){.from_set = 1, .from_text = when[2],
				.from_id = ids[2], .limit = 10};
	ck_assert_str_eq(sessions(a, &q), "c2,c1");
	q.backward = 1;
	ck_assert_str_eq(sessions(a, &q), "Çelik,c5");
	q = (struct store_page){.backward = 1, .limit = 2};
	ck_assert_str_eq(sessions(a, &q), "c1,c2");
	q = (struct store_page){.offset = 3, .limit = 5};
	ck_assert_str_eq(sessions(a, &q), "c2,c1");
	q = (struct store_page){.filter = "çEL", .limit = 5};
	ck_assert_str_eq(sessions(a, &q), "Çelik");
	q.filter = "self";
	ck_assert_str_eq(sessions(a, &q), "c5");
	q.filter = "2026-02";
	ck_assert_str_eq(sessions(a, &q), "c3,c2");
	size_t n = 0;
	ck_assert_int_eq(store_sessions_count(s, a, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
}
END_TEST

/* ------------------------------------------- commitments by key position */

#define MANY 72

/* Rows a walk gave: ids and due dates, in the order given. */
struct got {
	int64_t id[MANY];
	char due[MANY][DATES_DAY_SIZE];
	size_t n;
};

static int got_cb(const struct store_commitment *c, void *ud)
{
	struct got *g = ud;
	ck_assert_uint_lt(g->n, MANY);
	g->id[g->n] = c->id;
	snprintf(g->due[g->n], sizeof g->due[0], "%s", c->due ? c->due : "");
	g->n++;
	return 0;
}

static void commits(struct store_page *q, struct got *g)
{
	struct error err = {0};
	memset(g, 0, sizeof *g);
	ck_assert_msg(store_open_commitments_page(s, q, got_cb, g, &err) == 0,
		      "%s", err.msg);
}

/* Open and closed commitments due in the past, today, later and never,
 * several on each day (ties told apart by id), for two people and two
 * owners; what is "cNN". */
static void commitments_mix(void)
{
	struct error err = {0};
	int64_t zoe = 0, a = 0;
	ck_assert_int_eq(store_person_find(s, "ZOË MÜLLER", &zoe, &err), 1);
	ck_assert_int_eq(store_person_find(s, "Person a", &a, &err), 1);
	struct store_session ses = {.person_id = a,
				    .kind = STORE_KIND_COACHING,
				    .status = STORE_SESSION_OPEN,
				    .content_version = "1", .step = -1};
	ck_assert_int_eq(store_session_add(s, &ses, &err), 0);
	static const char *const due[] = {"2026-06-11", NULL, "2026-05-01",
					  "2026-06-10", "2027-01-01",
					  "2026-06-09", "2026-06-10"};
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	for (int i = 0; i < MANY - 2; i++) {
		char what[8];
		snprintf(what, sizeof what, "c%02d", i);
		struct store_commitment c = {
		    .person_id = i % 3 ? a : zoe, .session_id = ses.id,
		    .what = what, .owner = i % 4 ? NULL : "Çelik",
		    .due = due[(i * 5) % 7],
		    .status = i % 6 == 5 ? STORE_C_KEPT : STORE_C_OPEN};
		ck_assert_msg(store_commitment_add(s, &c, &err) == 0, "%s",
			      err.msg);
	}
	ck_assert_int_eq(store_tx_commit(s, &err), 0);
}

/* The order the list had before keyset paging (one ORDER BY over every
 * open commitment), filtered with the one match rule. */
static void old_order_of(int64_t person, const char *filter, struct got *g)
{
	static const char sql[] =
	    "SELECT c.id, c.due, c.what, p.name, c.owner FROM commitment c "
	    "JOIN person p ON p.id = c.person_id WHERE c.status = 'open' "
	    "AND (?2 = 0 OR p.id = ?2) "
	    "ORDER BY (c.due < ?1) DESC, c.due IS NULL, c.due, c.id";
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_bind_text(st, 1, "2026-06-10", -1,
					   SQLITE_STATIC),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_bind_int64(st, 2, person), SQLITE_OK);
	memset(g, 0, sizeof *g);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *texts[4];
		int keep = !filter || !filter[0];
		for (int k = 0; k < 4; k++) {
			texts[k] = (const char *)sqlite3_column_text(st, k + 1);
			keep = keep || store_page_match(texts[k], filter);
		}
		if (!keep)
			continue;
		g->id[g->n] = sqlite3_column_int64(st, 0);
		snprintf(g->due[g->n], sizeof g->due[0], "%s",
			 texts[0] ? texts[0] : "");
		g->n++;
	}
	sqlite3_finalize(st);
}

static void same_ids(const struct got *want, size_t from, const struct got *g,
		     const char *how);

static void old_order(const char *filter, struct got *g)
{
	old_order_of(0, filter, g);
}

static int open_cb(const struct store_open_commitment *c, void *ud)
{
	struct got *g = ud;
	ck_assert_uint_lt(g->n, MANY);
	g->id[g->n++] = c->id;
	return 0;
}

/* Home's panel lists one person's open commitments in the same order. */
static void panel_matches(const char *name)
{
	struct error err = {0};
	int64_t id = 0;
	ck_assert_int_eq(store_person_find(s, name, &id, &err), 1);
	struct got want, g = {0};
	old_order_of(id, NULL, &want);
	ck_assert_uint_gt(want.n, 5);
	ck_assert_int_eq(store_open_commitments_each(s, id, open_cb, &g, &err),
			 0);
	ck_assert_uint_eq(g.n, want.n);
	same_ids(&want, 0, &g, name);
}

static void same_ids(const struct got *want, size_t from, const struct got *g,
		     const char *how)
{
	size_t n = want->n - from < g->n ? want->n - from : g->n;
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(g->id[i] == want->id[from + i],
			      "%s: row %zu is id %lld, not %lld", how, from + i,
			      (long long)g->id[i],
			      (long long)want->id[from + i]);
}

/* Pages of step rows next to the last row read, forward then backward
 * from the end, and offsets, all agree with the old order. */
static void walks_match(const char *filter, size_t step)
{
	struct got want, g;
	old_order(filter, &want);
	ck_assert_uint_gt(want.n, 0);
	struct store_page q = {.filter = filter, .limit = MANY};
	commits(&q, &g);
	ck_assert_uint_eq(g.n, want.n);
	same_ids(&want, 0, &g, "one page");
	/* PgDn: from the start, then after the last row shown. */
	q = (struct store_page){.filter = filter, .limit = step};
	for (size_t at = 0;; at += g.n) {
		commits(&q, &g);
		ck_assert_uint_eq(g.n, at + step <= want.n ? step
							   : want.n - at);
		same_ids(&want, at, &g, "forward");
		if (!g.n)
			break;
		q.from_set = 1;
		q.from_id = g.id[g.n - 1];
		q.from_text = want.due[at + g.n - 1];
	}
	/* End, then PgUp: from the end, nearest first. */
	q = (struct store_page){.filter = filter, .backward = 1, .limit = step};
	for (size_t end = want.n;; end -= g.n) {
		commits(&q, &g);
		ck_assert_uint_eq(g.n, end >= step ? step : end);
		for (size_t i = 0; i < g.n; i++)
			ck_assert_msg(g.id[i] == want.id[end - 1 - i],
				      "backward: row %zu", end - 1 - i);
		if (!g.n)
			break;
		q.from_set = 1;
		q.from_id = g.id[g.n - 1];
		q.from_text = want.due[end - g.n];
	}
	/* A far jump: any offset. */
	for (size_t k = 0; k <= want.n; k++) {
		q = (struct store_page){.filter = filter, .offset = k,
					.limit = step};
		commits(&q, &g);
		ck_assert_uint_eq(g.n, k + step <= want.n ? step : want.n - k);
		same_ids(&want, k, &g, "offset");
	}
	size_t n = 0;
	struct error err = {0};
	ck_assert_int_eq(store_open_commitments_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, want.n);
}

START_TEST(commitments_keyset_keeps_the_old_order)
{
	setenv("OWNIT_TODAY", "2026-06-10", 1);
	commitments_mix();
	walks_match(NULL, 7);
	walks_match(NULL, 1);
	walks_match("zoË", 4);      /* the person */
	walks_match("ÇEL", 5);      /* the owner */
	walks_match("2026-06-1", 3); /* the due date, today on */
	walks_match("c1", 2);       /* what */
	panel_matches("Person a");
	panel_matches("ZOË MÜLLER");
	unsetenv("OWNIT_TODAY");
}
END_TEST

/* Every statement the commitments list and home's panel of a person's
 * commitments run reads an index range in the list's order: none sorts
 * (a temporary B-tree) or scans the table. */
START_TEST(commitments_pages_never_sort)
{
	setenv("OWNIT_TODAY", "2026-06-10", 1);
	commitments_mix();
	walks_match("c", 3);
	panel_matches("Person a");
	unsetenv("OWNIT_TODAY");
	int seen = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(s->db, NULL); st;
	     st = sqlite3_next_stmt(s->db, st)) {
		const char *sql = sqlite3_sql(st);
		int list = strstr(sql, "FROM commitment c JOIN person p") &&
			   strstr(sql, "ownit_match");
		int panel = !!strstr(sql, "FROM commitment WHERE person_id = ?1 "
					  "AND status = 'open'");
		if (!list && !panel)
			continue;
		char *plan = sqlhelp_plan(s->db, sql);
		ck_assert_msg(!strstr(plan, "TEMP B-TREE") &&
				      !strstr(plan, "SCAN") &&
				      strstr(plan, list ? "commitment_by_status"
							 : "commitment_by_person"),
			      "%s: %s", sql, plan);
		free(plan);
		seen++;
	}
	/* Three parts with four windows each, their counts, the count; and
	 * home's panel's three parts. */
	ck_assert_int_eq(seen, 19);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store_page");
	TCase *tc = tcase_create("people");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, first_page_in_name_order);
	tcase_add_test(tc, next_page_after_a_key);
	tcase_add_test(tc, page_before_a_key_nearest_first);
	tcase_add_test(tc, last_rows_from_the_end);
	tcase_add_test(tc, offset_for_a_far_jump);
	tcase_add_test(tc, filter_in_sql_ignores_case);
	tcase_add_test(tc, count_and_position_follow_the_filter);
	tcase_add_test(tc, archived_only_when_asked);
	tcase_add_test(tc, people_exist_counts_the_archived);
	tcase_add_test(tc, match_is_the_one_rule);
	tcase_add_test(tc, open_commitments_paged_and_filtered);
	tcase_add_test(tc, sessions_paged_by_key_position);
	tcase_add_test(tc, commitments_keyset_keeps_the_old_order);
	tcase_add_test(tc, commitments_pages_never_sort);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
