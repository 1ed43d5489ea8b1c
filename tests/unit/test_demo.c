/* test_demo.c - the sample history: varied, complete and the same each
 * time. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content/content.h"
#include "core/coaching/demo.h"
#include "core/store/store.h"
#include "unit.h"

static char dir[256], db[512];

static void setup(void)
{
	unit_tmpdir(dir, sizeof dir, "demo");
	snprintf(db, sizeof db, "%s/demo.db", dir);
	setenv("OWNIT_TODAY", "2026-11-23", 1);
}

static void teardown(void)
{
	unit_rmdir(dir);
}

static struct store *seeded(const char *path)
{
	struct error err = {0};
	struct store *s = store_open(path, STORE_CREATE | STORE_EXCLUSIVE,
				     &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_msg(demo_seed(s, NULL, &err) == 0, "%s", err.msg);
	return s;
}

/* A fingerprint of everything a store holds, built through the API. */
struct print {
	struct store *s;
	char *buf;
	size_t len, cap;
	int sessions, open_sessions, answers, ratings, ladders, notes;
	int status[5], overdue, open_not_due;
	int note_comma, note_quote, note_newline, non_ascii;
};

static void add(struct print *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#include <stdarg.h>
static void add(struct print *p, const char *fmt, ...)
{
	char line[4096];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (p->len + (size_t)n + 1 > p->cap) {
		p->cap = (p->len + (size_t)n + 1) * 2;
		p->buf = realloc(p->buf, p->cap);
	}
	memcpy(p->buf + p->len, line, (size_t)n + 1);
	p->len += (size_t)n;
}

static int on_answer(const struct store_answer *a, void *ud)
{
	struct print *p = ud;
	p->answers++;
	ck_assert_int_ge(a->value, 0);
	ck_assert_int_le(a->value, 4);
	add(p, "a %s %d %s|", a->item_id, a->value, a->answered);
	return 0;
}

static int on_rating(const struct store_rating *r, void *ud)
{
	struct print *p = ud;
	p->ratings++;
	add(p, "r %s %d|", r->pillar_id, r->value);
	return 0;
}

static int on_note(const struct store_note *n, void *ud)
{
	struct print *p = ud;
	p->notes++;
	p->note_comma |= strchr(n->body, ',') != NULL;
	p->note_quote |= strchr(n->body, '"') != NULL;
	p->note_newline |= strchr(n->body, '\n') != NULL;
	add(p, "n %s %s|", n->uuid, n->body);
	return 0;
}

static int on_session(const struct store_session *ses, void *ud)
{
	struct print *p = ud;
	struct error err = {0};
	p->sessions++;
	p->open_sessions += ses->status == STORE_SESSION_OPEN;
	add(p, "s %s %s %s %s|", ses->uuid, ses->person_name, ses->started,
	    store_status_name(ses->status));
	ck_assert_int_eq(store_answers_each(p->s, ses->id, on_answer, p, &err),
			 0);
	ck_assert_int_eq(store_ratings_each(p->s, ses->id, on_rating, p, &err),
			 0);
	ck_assert_int_eq(store_note_each(p->s, ses->id, on_note, p, &err), 0);
	struct store_ladder l;
	int r = store_ladder_get(p->s, ses->id, &l, &err);
	ck_assert_int_ge(r, 0);
	if (r) {
		p->ladders++;
		ck_assert_int_ge(l.reached_rung, l.start_rung);
		add(p, "l %d %d|", l.start_rung, l.reached_rung);
		store_ladder_clear(&l);
	}
	return 0;
}

static int on_commitment(const struct store_commitment *c, void *ud)
{
	struct print *p = ud;
	p->status[c->status]++;
	p->overdue += c->overdue;
	p->open_not_due += c->status == STORE_C_OPEN && !c->overdue;
	add(p, "c %s %s %s %s|", c->uuid, c->what, c->due ? c->due : "-",
	    store_cstatus_name(c->status));
	return 0;
}

static int on_person(const struct store_person_row *r, void *ud)
{
	struct print *p = ud;
	p->non_ascii |= strcmp(r->person.name, "Jonas Weiß") == 0;
	add(p, "p %s %s %d %d|", r->person.uuid, r->person.name, r->open,
	    r->overdue);
	return 0;
}

static void fingerprint(struct store *s, struct print *p)
{
	struct error err = {0};
	memset(p, 0, sizeof *p);
	p->s = s;
	ck_assert_int_eq(store_people_each(s, 1, on_person, p, &err), 0);
	ck_assert_int_eq(store_sessions_each(s, 0, 0, 0, on_session, p, &err),
			 0);
	ck_assert_int_eq(store_commitments_each(s, NULL, on_commitment, p,
						&err),
			 0);
}

START_TEST(varied_history)
{
	struct store *s = seeded(db);
	struct print p;
	fingerprint(s, &p);
	ck_assert_ptr_nonnull(strstr(p.buf, "p "));
	ck_assert_int_eq(p.sessions, 15);
	ck_assert_int_eq(p.open_sessions, 1);
	ck_assert_int_ge(p.answers, 14 * 20);
	ck_assert_int_eq(p.ratings, 14 * 6);
	ck_assert_int_ge(p.ladders, 5);
	ck_assert_int_ge(p.notes, 5);
	for (int st = 0; st < 5; st++)
		ck_assert_msg(p.status[st] > 0, "no commitment %s",
			      store_cstatus_name(st));
	ck_assert_int_gt(p.overdue, 0);
	ck_assert_int_gt(p.open_not_due, 0);
	ck_assert(p.note_comma && p.note_quote && p.note_newline);
	ck_assert(p.non_ascii);
	struct error err = {0};
	ck_assert_int_eq(store_check(s, NULL, NULL, &err), 0);

	/* Amira's newest session waits to be resumed mid-diagnostic. */
	int64_t amira, open;
	ck_assert_int_eq(store_person_find(s, "amira haddad", &amira, &err), 1);
	ck_assert_int_eq(store_session_open_latest(s, amira, &open, &err), 1);
	const char *items[] = {"vague-updates-1", "not-my-job-4"};
	const char *pillars[] = {"clarity"};
	struct store_resume r;
	ck_assert_int_eq(store_session_resume(s, open, items, 2, pillars, 1, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.step, STORE_STEP_FLAGS);
	ck_assert_int_eq(r.item, 1);
	ck_assert_int_gt(r.followups, 0);
	free(p.buf);
	store_close(s);
}
END_TEST

struct advice {
	int total, not_theirs, kept, helped, slipped, differently;
};

static int advice_cb(const struct store_commitment *c, void *ud)
{
	struct advice *a = ud;
	a->total++;
	a->not_theirs += !c->owner || strcmp(c->owner, c->person_name) != 0;
	if (c->status == STORE_C_KEPT) {
		a->kept++;
		a->helped += c->helped != NULL;
	} else if (c->status != STORE_C_OPEN) {
		a->slipped++;
		a->differently += c->differently != NULL;
	}
	return 0;
}

/* The sample follows the tool's own advice: the people coached own their
 * commitments, and every follow-up says what helped or what will change. */
START_TEST(follows_its_own_advice)
{
	struct store *s = seeded(db);
	struct error err = {0};
	struct advice a = {0};
	ck_assert_int_eq(store_commitments_each(s, NULL, advice_cb, &a, &err),
			 0);
	ck_assert_int_gt(a.total, 10);
	ck_assert_int_eq(a.not_theirs, 0);
	ck_assert_int_gt(a.kept, 0);
	ck_assert_int_eq(a.helped, a.kept);
	ck_assert_int_gt(a.slipped, 0);
	ck_assert_int_eq(a.differently, a.slipped);
	store_close(s);
}
END_TEST

START_TEST(same_every_time)
{
	char db2[600];
	snprintf(db2, sizeof db2, "%s/again.db", dir);
	struct store *a = seeded(db), *b = seeded(db2);
	struct print pa, pb;
	fingerprint(a, &pa);
	fingerprint(b, &pb);
	ck_assert_str_eq(pa.buf, pb.buf);
	free(pa.buf);
	free(pb.buf);
	store_close(a);
	store_close(b);
}
END_TEST

static int first_start(const struct store_session *x, void *ud)
{
	snprintf(ud, 32, "%.20s", x->started);
	return 1;
}

static int first_id(const struct store_session *x, void *ud)
{
	*(int64_t *)ud = x->id;
	return 1;
}

START_TEST(dates_follow_today)
{
	struct store *s = seeded(db);
	struct error err = {0};
	int64_t me;
	ck_assert_int_eq(store_person_find(s, "me", &me, &err), 1);
	/* "me" had a self-assessment 21 days before OWNIT_TODAY. */
	struct store_session_filter f = {.person_id = me, .since = "2026-11-02",
					 .until = "2026-11-02", .status = -1};
	char started[32] = "";
	ck_assert_int_eq(store_sessions_filter_each(s, &f, first_start,
						    started, &err),
			 1);
	ck_assert_str_eq(started, "2026-11-02T09:30:00Z");
	store_close(s);
}
END_TEST

struct with_content {
	const struct content *c;
	int answers, matched;
};

static int check_statement(const struct store_answer *a, void *ud)
{
	struct with_content *w = ud;
	long i = content_item_index(w->c, a->item_id);
	ck_assert_msg(i >= 0, "unknown item %s", a->item_id);
	w->answers++;
	w->matched += strcmp(a->statement, w->c->items[i].statement) == 0;
	return 0;
}

static int each_session(const struct store_session *ses, void *ud)
{
	struct with_content *w = ud;
	ck_assert_str_eq(ses->content_version, w->c->version);
	return 0;
}

START_TEST(shipped_content)
{
	struct error err = {0};
	struct content *c = content_load(TEST_SRCDIR "/content", NULL, NULL,
					 &err);
	ck_assert_msg(c != NULL, "%s", err.msg);
	struct store *s = store_open(db, STORE_CREATE, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(demo_seed(s, c, &err) == 0, "%s", err.msg);
	struct with_content w = {.c = c};
	ck_assert_int_eq(store_sessions_each(s, 0, 0, 0, each_session, &w,
					     &err),
			 0);
	int64_t me, first = 0;
	ck_assert_int_eq(store_person_find(s, "me", &me, &err), 1);
	struct store_session_filter f = {.person_id = me, .status = -1};
	ck_assert_int_eq(store_sessions_filter_each(s, &f, first_id, &first,
						    &err),
			 1);
	ck_assert_int_eq(store_answers_each(s, first, check_statement, &w,
					    &err),
			 0);
	ck_assert_int_eq((size_t)w.answers, c->nasked);
	ck_assert_int_eq(w.matched, w.answers);
	store_close(s);
	content_free(c);
}
END_TEST

START_TEST(refuses_taken_names)
{
	struct error err = {0};
	struct store *s = store_open(db, STORE_CREATE, &err);
	ck_assert_ptr_nonnull(s);
	struct store_person me = {.name = "Me"};
	ck_assert_int_eq(store_person_add(s, &me, &err), 0);
	ck_assert_int_eq(demo_seed(s, NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "is already here as \"Me\""));
	/* Nothing of the sample stayed behind. */
	int64_t id;
	ck_assert_int_eq(store_person_find(s, "amira haddad", &id, &err), 0);
	store_close(s);
}
END_TEST

START_TEST(temp_database)
{
	struct error err = {0};
	char *tdir = NULL;
	setenv("TMPDIR", dir, 1);
	char *path = demo_tempdb(&tdir, &err);
	ck_assert_msg(path != NULL, "%s", err.msg);
	ck_assert_int_eq(strncmp(tdir, dir, strlen(dir)), 0);
	struct stat st;
	ck_assert_int_eq(stat(tdir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	struct store *s = store_open(path, STORE_CREATE | STORE_EXCLUSIVE,
				     &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(demo_seed(s, NULL, &err), 0);
	store_close(s);
	demo_remove(tdir, path);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(access(tdir, F_OK), -1);
	free(path);
	free(tdir);
	unsetenv("TMPDIR");
}
END_TEST

int main(void)
{
	Suite *su = suite_create("demo");
	TCase *tc = tcase_create("demo");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, varied_history);
	tcase_add_test(tc, same_every_time);
	tcase_add_test(tc, follows_its_own_advice);
	tcase_add_test(tc, dates_follow_today);
	tcase_add_test(tc, shipped_content);
	tcase_add_test(tc, refuses_taken_names);
	tcase_add_test(tc, temp_database);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
