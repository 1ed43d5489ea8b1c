/* test_store.c - every function of the store, on temporary files. */
#include "config.h"

#include "test_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/dates.h"
#include "unit.h"

char t_dir[256];
char t_db[512];

void t_setup(void)
{
	unit_tmpdir(t_dir, sizeof t_dir, "store");
	snprintf(t_db, sizeof t_db, "%s/ownit.db", t_dir);
	setenv("OWNIT_TODAY", "2026-11-23", 1);
}

void t_teardown(void)
{
	unit_rmdir(t_dir);
}

struct store *t_open(void)
{
	struct error err = {0};
	struct store *s = store_open(t_db, STORE_CREATE, &err);
	ck_assert_msg(s != NULL, "open failed: %s", err.msg);
	return s;
}

int64_t t_person(struct store *s, const char *name)
{
	struct error err = {0};
	struct store_person p = {.name = name};
	ck_assert_msg(store_person_add(s, &p, &err) == 0, "%s", err.msg);
	ck_assert_int_gt(p.id, 0);
	return p.id;
}

int64_t t_session(struct store *s, int64_t person, const char *started)
{
	struct error err = {0};
	struct store_session ses = {.person_id = person,
				    .started = started,
				    .content_version = "2026.11.1",
				    .step = -1};
	ck_assert_msg(store_session_add(s, &ses, &err) == 0, "%s", err.msg);
	return ses.id;
}

char *t_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

/* ---------------------------------------------------------------- people */

struct seen {
	int n;
	char names[8][64];
	int open[8], overdue[8], regulated[8];
	char last[8][32];
	int64_t ids[16];
};

static int collect_person(const struct store_person_row *r, void *ud)
{
	struct seen *sn = ud;
	snprintf(sn->names[sn->n], 64, "%s", r->person.name);
	snprintf(sn->last[sn->n], 32, "%s",
		 r->last_session ? r->last_session : "-");
	sn->open[sn->n] = r->open;
	sn->overdue[sn->n] = r->overdue;
	sn->regulated[sn->n] = r->person.regulated;
	sn->n++;
	return 0;
}

START_TEST(person_lifecycle)
{
	struct store *s = t_open();
	struct error err = {0};
	struct store_person p = {.name = "Zoë Martin", .role = "Lead",
				 .team = "Lab"};
	ck_assert_int_eq(store_person_add(s, &p, &err), 0);
	ck_assert_int_eq(strlen(p.uuid), 36);
	ck_assert_int_eq(p.uuid[14], '4');

	struct store_person got;
	ck_assert_int_eq(store_person_get(s, p.id, &got, &err), 1);
	ck_assert_str_eq(got.name, "Zoë Martin");
	ck_assert_str_eq(got.role, "Lead");
	ck_assert_str_eq(got.team, "Lab");
	ck_assert_str_eq(got.uuid, p.uuid);
	ck_assert_str_eq(got.created, "2026-11-23T12:00:00Z");
	ck_assert_int_eq(got.archived, 0);
	store_person_clear(&got);
	ck_assert_int_eq(store_person_get(s, 999, &got, &err), 0);

	/* Names are unique ignoring letter case. */
	struct store_person dup = {.name = "ZOë MARTIN"};
	ck_assert_int_eq(store_person_add(s, &dup, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_str_eq(err.msg, "\"ZOë MARTIN\" is already here as "
				  "\"Zoë Martin\" (names are compared "
				  "ignoring letter case and accents typed "
				  "apart)");
	/* In every script, and typed decomposed (e + U+0301 for é). */
	struct store_person upper = {.name = "ZOË MARTIN"};
	ck_assert_int_eq(store_person_add(s, &upper, &err), -1);
	struct store_person greek = {.name = "Οδυσσέας"};
	ck_assert_int_eq(store_person_add(s, &greek, &err), 0);
	struct store_person greek_up = {.name = "ΟΔΥΣΣΈΑΣ"};
	ck_assert_int_eq(store_person_add(s, &greek_up, &err), -1);
	struct store_person decomposed = {.name = "Chloe\xcc\x81 Roux"};
	ck_assert_int_eq(store_person_add(s, &decomposed, &err), 0);
	ck_assert_int_eq(store_person_get(s, decomposed.id, &got, &err), 1);
	ck_assert_str_eq(got.name, "Chlo\xc3\xa9 Roux"); /* stored NFC */
	store_person_clear(&got);
	struct store_person composed = {.name = "CHLOÉ ROUX"};
	ck_assert_int_eq(store_person_add(s, &composed, &err), -1);
	struct store_person blank = {.name = "  "};
	ck_assert_int_eq(store_person_add(s, &blank, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);

	int64_t id = 0;
	/* Folded in every script, not only ASCII as SQLite's NOCASE. */
	ck_assert_int_eq(store_person_find(s, "ZOË MARTIN", &id, &err), 1);
	ck_assert_int_eq(id, p.id);
	ck_assert_int_eq(store_person_find(s, "zoë martin", &id, &err), 1);
	ck_assert_int_eq(id, p.id);
	ck_assert_int_eq(store_person_find(s, "chloe\xcc\x81 roux", &id,
					   &err),
			 1);
	ck_assert_int_eq(id, decomposed.id);
	ck_assert_int_eq(store_person_delete(s, decomposed.id, &err), 0);
	ck_assert_int_eq(store_person_delete(s, greek.id, &err), 0);
	ck_assert_int_eq(store_person_find(s, "nobody", &id, &err), 0);
	ck_assert_int_eq(store_person_find_uuid(s, p.uuid, &id, &err), 1);
	ck_assert_int_eq(id, p.id);
	ck_assert_int_eq(store_person_find_uuid(s, "x", &id, &err), 0);

	/* A given uuid and creation time are kept (import). */
	struct store_person imp = {
		.uuid = "0b8c0f5e-3d5a-4a4e-9f1c-1d2e3f4a5b6c",
		.name = "Ali",
		.created = "2025-01-02T03:04:05Z",
		.archived = 1,
	};
	ck_assert_int_eq(store_person_add(s, &imp, &err), 0);
	ck_assert_int_eq(store_person_get(s, imp.id, &got, &err), 1);
	ck_assert_str_eq(got.uuid, "0b8c0f5e-3d5a-4a4e-9f1c-1d2e3f4a5b6c");
	ck_assert_str_eq(got.created, "2025-01-02T03:04:05Z");
	ck_assert_int_eq(got.archived, 1);
	ck_assert_ptr_null(got.role);
	store_person_clear(&got);
	struct store_person same_uuid = {.name = "Other"};
	memcpy(same_uuid.uuid, imp.uuid, sizeof imp.uuid);
	ck_assert_int_eq(store_person_add(s, &same_uuid, &err), -1);

	p.name = "Zoe Martin";
	p.role = NULL;
	p.archived = 0;
	ck_assert_int_eq(store_person_update(s, &p, &err), 0);
	ck_assert_int_eq(store_person_get(s, p.id, &got, &err), 1);
	ck_assert_str_eq(got.name, "Zoe Martin");
	ck_assert_ptr_null(got.role);
	store_person_clear(&got);
	p.name = "ali";
	ck_assert_int_eq(store_person_update(s, &p, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	struct store_person ghost = {.id = 77, .name = "Ghost"};
	ck_assert_int_eq(store_person_update(s, &ghost, &err), -1);
	ck_assert_str_eq(err.msg, "no person with id 77");

	struct seen sn = {0};
	ck_assert_int_eq(store_people_each(s, 0, collect_person, &sn, &err), 0);
	ck_assert_int_eq(sn.n, 1);
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_people_each(s, 1, collect_person, &sn, &err), 0);
	ck_assert_int_eq(sn.n, 2);
	ck_assert_str_eq(sn.names[0], "Ali");
	ck_assert_str_eq(sn.names[1], "Zoe Martin");

	ck_assert_int_eq(store_person_delete(s, imp.id, &err), 0);
	ck_assert_int_eq(store_person_delete(s, imp.id, &err), -1);
	ck_assert_str_eq(err.msg, "no person with id 2");
	store_close(s);
}
END_TEST

/* A person working in a regulated setting keeps the mark through add,
 * update and both ways of reading people. */
START_TEST(person_regulated)
{
	struct store *s = t_open();
	struct error err = {0};
	struct store_person p = {.name = "Rae", .regulated = 1};
	struct store_person q = {.name = "Quinn"};
	ck_assert_int_eq(store_person_add(s, &p, &err), 0);
	ck_assert_int_eq(store_person_add(s, &q, &err), 0);
	struct store_person got;
	ck_assert_int_eq(store_person_get(s, p.id, &got, &err), 1);
	ck_assert_int_eq(got.regulated, 1);
	store_person_clear(&got);
	ck_assert_int_eq(store_person_get(s, q.id, &got, &err), 1);
	ck_assert_int_eq(got.regulated, 0);
	store_person_clear(&got);
	struct seen sn = {0};
	ck_assert_int_eq(store_people_each(s, 0, collect_person, &sn, &err), 0);
	ck_assert_int_eq(sn.n, 2);
	ck_assert_str_eq(sn.names[0], "Quinn");
	ck_assert_int_eq(sn.regulated[0], 0);
	ck_assert_int_eq(sn.regulated[1], 1);
	/* Last session and counts still come after the new column. */
	ck_assert_str_eq(sn.last[1], "-");
	ck_assert_int_eq(sn.open[1], 0);
	p.regulated = 0;
	q.regulated = 1;
	ck_assert_int_eq(store_person_update(s, &p, &err), 0);
	ck_assert_int_eq(store_person_update(s, &q, &err), 0);
	ck_assert_int_eq(store_person_get(s, p.id, &got, &err), 1);
	ck_assert_int_eq(got.regulated, 0);
	store_person_clear(&got);
	ck_assert_int_eq(store_person_get(s, q.id, &got, &err), 1);
	ck_assert_int_eq(got.regulated, 1);
	store_person_clear(&got);
	store_close(s);
}
END_TEST

START_TEST(people_counts)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t a = t_person(s, "Bea"), b = t_person(s, "adam");
	int64_t s1 = t_session(s, a, "2026-10-01T09:00:00Z");
	t_session(s, a, "2026-11-01T09:00:00Z");
	const char *dues[] = {"2026-11-22", "2026-11-23", "2026-12-01", NULL};
	for (int i = 0; i < 4; i++) {
		struct store_commitment c = {.person_id = a, .session_id = s1,
					     .what = "x", .due = dues[i]};
		ck_assert_int_eq(store_commitment_add(s, &c, &err), 0);
	}
	struct store_commitment k = {.person_id = a, .session_id = s1,
				     .what = "done", .due = "2026-01-01",
				     .status = STORE_C_KEPT,
				     .reviewed_session_id = s1};
	ck_assert_int_eq(store_commitment_add(s, &k, &err), 0);
	struct seen sn = {0};
	ck_assert_int_eq(store_people_each(s, 0, collect_person, &sn, &err), 0);
	ck_assert_int_eq(sn.n, 2);
	ck_assert_str_eq(sn.names[0], "adam"); /* any letter case sorts */
	ck_assert_str_eq(sn.last[0], "-");
	ck_assert_int_eq(sn.open[0], 0);
	ck_assert_str_eq(sn.names[1], "Bea");
	ck_assert_str_eq(sn.last[1], "2026-11-01T09:00:00Z");
	ck_assert_int_eq(sn.open[1], 4);
	ck_assert_int_eq(sn.overdue[1], 1); /* due today is not overdue */
	(void)b;
	store_close(s);
}
END_TEST

static int stop_at_first(const struct store_person_row *r, void *ud)
{
	(void)r;
	++*(int *)ud;
	return 42;
}

START_TEST(iteration_stops)
{
	struct store *s = t_open();
	struct error err = {0};
	t_person(s, "a");
	t_person(s, "b");
	int n = 0;
	ck_assert_int_eq(store_people_each(s, 0, stop_at_first, &n, &err), 42);
	ck_assert_int_eq(n, 1);
	store_close(s);
}
END_TEST

/* -------------------------------------------------------------- sessions */

static int collect_session(const struct store_session *ses, void *ud)
{
	struct seen *sn = ud;
	sn->ids[sn->n++] = ses->id;
	return 0;
}

START_TEST(session_lifecycle)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "Kim");
	struct store_session ses = {.person_id = p, .kind = STORE_KIND_SELF,
				    .coach = "Dana", .content_version = "v9",
				    .step = -1};
	ck_assert_int_eq(store_session_add(s, &ses, &err), 0);
	struct store_session got;
	ck_assert_int_eq(store_session_get(s, ses.id, &got, &err), 1);
	ck_assert_str_eq(got.uuid, ses.uuid);
	ck_assert_int_eq(got.person_id, p);
	ck_assert_int_eq(got.kind, STORE_KIND_SELF);
	ck_assert_str_eq(got.coach, "Dana");
	ck_assert_str_eq(got.started, "2026-11-23T12:00:00Z");
	ck_assert_ptr_null(got.completed);
	ck_assert_int_eq(got.status, STORE_SESSION_OPEN);
	ck_assert_str_eq(got.content_version, "v9");
	ck_assert_int_eq(got.step, -1);
	ck_assert_str_eq(got.person_name, "Kim");
	store_session_clear(&got);

	ck_assert_int_eq(store_session_set_step(s, ses.id, STORE_STEP_LADDER,
						&err),
			 0);
	ck_assert_int_eq(store_session_set_coach(s, ses.id, "", &err), 0);
	ck_assert_int_eq(store_session_complete(s, ses.id, &err), 0);
	ck_assert_int_eq(store_session_get(s, ses.id, &got, &err), 1);
	ck_assert_int_eq(got.step, STORE_STEP_LADDER);
	ck_assert_ptr_null(got.coach);
	ck_assert_int_eq(got.status, STORE_SESSION_COMPLETE);
	ck_assert_str_eq(got.completed, "2026-11-23T12:00:00Z");
	store_session_clear(&got);
	ck_assert_int_eq(store_session_reopen(s, ses.id, &err), 0);
	ck_assert_int_eq(store_session_get(s, ses.id, &got, &err), 1);
	ck_assert_int_eq(got.status, STORE_SESSION_OPEN);
	ck_assert_ptr_null(got.completed);
	store_session_clear(&got);

	ck_assert_int_eq(store_session_set_step(s, 999, STORE_STEP_FLAGS, &err),
			 -1);
	ck_assert_str_eq(err.msg, "no session with id 999");
	ck_assert_int_eq(store_session_set_step(s, ses.id, 8, &err), -1);

	int64_t id;
	ck_assert_int_eq(store_session_find_uuid(s, ses.uuid, &id, &err), 1);
	ck_assert_int_eq(id, ses.id);
	ck_assert_int_eq(store_session_find_uuid(s, "nope", &id, &err), 0);

	struct store_session bad = {.person_id = 555, .step = -1};
	ck_assert_int_eq(store_session_add(s, &bad, &err), -1);
	ck_assert_str_eq(err.msg, "no person with id 555");

	ck_assert_int_eq(store_session_delete(s, ses.id, &err), 0);
	ck_assert_int_eq(store_session_get(s, ses.id, &got, &err), 0);
	ck_assert_int_eq(store_session_delete(s, ses.id, &err), -1);
	store_close(s);
}
END_TEST

START_TEST(session_lists)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t a = t_person(s, "A"), b = t_person(s, "B");
	int64_t a1 = t_session(s, a, "2026-09-01T08:00:00Z");
	int64_t a2 = t_session(s, a, "2026-10-01T08:00:00Z");
	int64_t b1 = t_session(s, b, "2026-10-15T08:00:00Z");
	int64_t a3 = t_session(s, a, "2026-11-01T08:00:00Z");
	ck_assert_int_eq(store_session_complete(s, a1, &err), 0);
	ck_assert_int_eq(store_session_complete(s, b1, &err), 0);

	struct seen sn = {0};
	ck_assert_int_eq(store_sessions_each(s, a, 0, 0, collect_session, &sn,
					     &err),
			 0);
	ck_assert_int_eq(sn.n, 3);
	ck_assert_int_eq(sn.ids[0], a3);
	ck_assert_int_eq(sn.ids[2], a1);
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_sessions_each(s, 0, 2, 1, collect_session, &sn,
					     &err),
			 0);
	ck_assert_int_eq(sn.n, 2);
	ck_assert_int_eq(sn.ids[0], b1);
	ck_assert_int_eq(sn.ids[1], a2);

	int64_t id;
	ck_assert_int_eq(store_session_open_latest(s, a, &id, &err), 1);
	ck_assert_int_eq(id, a3);
	ck_assert_int_eq(store_session_open_latest(s, b, &id, &err), 0);
	ck_assert_int_eq(store_session_previous(s, a3, 0, &id, &err), 1);
	ck_assert_int_eq(id, a2);
	ck_assert_int_eq(store_session_previous(s, a3, 1, &id, &err), 1);
	ck_assert_int_eq(id, a1);
	ck_assert_int_eq(store_session_previous(s, a1, 0, &id, &err), 0);

	struct store_session_filter f = {.since = "2026-10-01",
					 .until = "2026-10-31", .status = -1};
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_sessions_filter_each(s, &f, collect_session,
						    &sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 2);
	ck_assert_int_eq(sn.ids[0], a2); /* oldest first */
	ck_assert_int_eq(sn.ids[1], b1);
	f.person_id = a;
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_sessions_filter_each(s, &f, collect_session,
						    &sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 1);
	ck_assert_int_eq(sn.ids[0], a2);
	struct store_session_filter g = {.status = STORE_SESSION_COMPLETE};
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_sessions_filter_each(s, &g, collect_session,
						    &sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 2);
	ck_assert_int_eq(sn.ids[0], a1);
	struct store_session_filter bad = {.since = "2026-02-30", .status = -1};
	ck_assert_int_eq(store_sessions_filter_each(s, &bad, collect_session,
						    &sn, &err),
			 -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	store_close(s);
}
END_TEST

/* ---------------------------------------------------- answers and others */

struct answers {
	int n;
	char items[8][32];
	int values[8];
	char notes[8][32];
	char text[8][64];
};

static int collect_answer(const struct store_answer *a, void *ud)
{
	struct answers *an = ud;
	snprintf(an->items[an->n], 32, "%s", a->item_id);
	snprintf(an->notes[an->n], 32, "%s", a->note ? a->note : "-");
	snprintf(an->text[an->n], 64, "%s", a->statement);
	an->values[an->n++] = a->value;
	return 0;
}

START_TEST(answers)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t ses = t_session(s, t_person(s, "P"), NULL);
	struct store_answer a = {.session_id = ses, .item_id = "b-1",
				 .statement = "First text", .value = 3};
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	a.item_id = "a-2";
	a.value = -1;
	a.note = "note, with \"quotes\"\nand a line";
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	a.item_id = "b-1"; /* replaced, keeps its place */
	a.value = 0;
	a.note = NULL;
	a.statement = "Edited text";
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	struct answers an = {0};
	ck_assert_int_eq(store_answers_each(s, ses, collect_answer, &an, &err),
			 0);
	ck_assert_int_eq(an.n, 2);
	ck_assert_str_eq(an.items[0], "b-1");
	ck_assert_int_eq(an.values[0], 0);
	ck_assert_str_eq(an.text[0], "Edited text");
	ck_assert_str_eq(an.items[1], "a-2");
	ck_assert_int_eq(an.values[1], -1);
	ck_assert_str_eq(an.notes[1], "note, with \"quotes\"\nand a line");

	a.value = 5;
	ck_assert_int_eq(store_answer_save(s, &a, &err), -1);
	ck_assert_str_eq(err.msg, "answer to b-1: 5 is not on the scale 0..4");
	a.value = 1;
	a.session_id = 999;
	ck_assert_int_eq(store_answer_save(s, &a, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_int_eq(store_answer_delete(s, ses, "b-1", &err), 0);
	memset(&an, 0, sizeof an);
	ck_assert_int_eq(store_answers_each(s, ses, collect_answer, &an, &err),
			 0);
	ck_assert_int_eq(an.n, 1);
	store_close(s);
}
END_TEST

static int collect_no_occasion(const struct store_answer *a, void *ud)
{
	struct answers *an = ud;
	snprintf(an->items[an->n], 32, "%s", a->item_id);
	an->values[an->n++] = a->no_occasion ? 100 + a->value : a->value;
	return 0;
}

/* "No occasion / can't say": answered, without a value; it counts for
 * resuming like any answer, and a value replaces it (and back). */
START_TEST(answers_no_occasion)
{
	struct store *s = t_open();
	struct error err = {0};
	const char *items[] = {"f-1", "f-2", "f-3"};
	const char *pillars[] = {"clarity"};
	int64_t ses = t_session(s, t_person(s, "P"), NULL);
	struct store_answer a = {.session_id = ses, .item_id = "f-1",
				 .statement = "One", .value = -1,
				 .no_occasion = 1};
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	a.item_id = "f-2";
	a.no_occasion = 0;
	a.value = 2;
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	struct store_resume r;
	ck_assert_int_eq(store_session_resume(s, ses, items, 3, pillars, 1,
					      &r, &err),
			 0);
	ck_assert_int_eq(r.item, 2);
	struct answers an = {0};
	ck_assert_int_eq(
		store_answers_each(s, ses, collect_no_occasion, &an, &err), 0);
	ck_assert_int_eq(an.n, 2);
	ck_assert_int_eq(an.values[0], 100 - 1); /* no occasion, no value */
	ck_assert_int_eq(an.values[1], 2);
	/* Rated after all, then "no occasion" again. */
	a.item_id = "f-1";
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	a.value = -1;
	a.no_occasion = 1;
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	memset(&an, 0, sizeof an);
	ck_assert_int_eq(
		store_answers_each(s, ses, collect_no_occasion, &an, &err), 0);
	ck_assert_int_eq(an.values[0], 99);
	/* Both at once is a contradiction. */
	a.value = 3;
	ck_assert_int_eq(store_answer_save(s, &a, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_str_eq(err.msg, "answer to f-1: \"no occasion\" cannot "
				  "also have a value (3)");
	store_close(s);
}
END_TEST

static int collect_rating(const struct store_rating *r, void *ud)
{
	struct answers *an = ud;
	snprintf(an->items[an->n], 32, "%s", r->pillar_id);
	snprintf(an->notes[an->n], 32, "%s", r->note ? r->note : "-");
	an->values[an->n++] = r->value;
	return 0;
}

START_TEST(ratings)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t ses = t_session(s, t_person(s, "P"), NULL);
	struct store_rating r = {.session_id = ses, .pillar_id = "clarity",
				 .value = 2};
	ck_assert_int_eq(store_rating_save(s, &r, &err), 0);
	r.pillar_id = "vision";
	r.value = 5;
	r.note = "why";
	ck_assert_int_eq(store_rating_save(s, &r, &err), 0);
	r.pillar_id = "clarity";
	r.value = 4;
	r.note = NULL;
	ck_assert_int_eq(store_rating_save(s, &r, &err), 0);
	r.value = 0;
	ck_assert_int_eq(store_rating_save(s, &r, &err), -1);
	ck_assert_str_eq(err.msg, "rating of clarity: 0 is not on the scale "
				  "1..5");
	struct answers an = {0};
	ck_assert_int_eq(store_ratings_each(s, ses, collect_rating, &an, &err),
			 0);
	ck_assert_int_eq(an.n, 2);
	ck_assert_str_eq(an.items[0], "clarity");
	ck_assert_int_eq(an.values[0], 4);
	ck_assert_str_eq(an.items[1], "vision");
	ck_assert_str_eq(an.notes[1], "why");
	ck_assert_int_eq(store_rating_delete(s, ses, "vision", &err), 0);
	memset(&an, 0, sizeof an);
	ck_assert_int_eq(store_ratings_each(s, ses, collect_rating, &an, &err),
			 0);
	ck_assert_int_eq(an.n, 1);
	store_close(s);
}
END_TEST

static int collect_step(const struct store_ladder_step *st, void *ud)
{
	struct answers *an = ud;
	snprintf(an->text[an->n], 64, "%s", st->answer);
	an->values[an->n++] = st->rung;
	return 0;
}

START_TEST(ladder)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t ses = t_session(s, t_person(s, "P"), NULL);
	struct store_ladder_step st = {.session_id = ses, .rung = 4,
				       .answer = "x"};
	ck_assert_int_eq(store_ladder_step_save(s, &st, &err), -1);
	ck_assert_str_eq(err.msg, "save the ladder's situation before its "
				  "steps");
	struct store_ladder l = {.session_id = ses, .situation = "Late QA",
				 .start_rung = 3};
	ck_assert_int_eq(store_ladder_save(s, &l, &err), 0);
	struct store_ladder got;
	ck_assert_int_eq(store_ladder_get(s, ses, &got, &err), 1);
	ck_assert_str_eq(got.situation, "Late QA");
	ck_assert_int_eq(got.start_rung, 3);
	ck_assert_int_eq(got.reached_rung, 3);
	store_ladder_clear(&got);
	for (int rung = 4; rung <= 6; rung++) {
		char ans[16];
		snprintf(ans, sizeof ans, "answer %d", rung);
		st.rung = rung;
		st.answer = ans;
		ck_assert_int_eq(store_ladder_step_save(s, &st, &err), 0);
	}
	st.rung = 5;
	st.answer = "answer 5 again";
	ck_assert_int_eq(store_ladder_step_save(s, &st, &err), 0);
	ck_assert_int_eq(store_ladder_get(s, ses, &got, &err), 1);
	ck_assert_int_eq(got.reached_rung, 6);
	store_ladder_clear(&got);
	struct answers an = {0};
	ck_assert_int_eq(store_ladder_steps_each(s, ses, collect_step, &an,
						 &err),
			 0);
	ck_assert_int_eq(an.n, 3);
	ck_assert_int_eq(an.values[0], 4);
	ck_assert_str_eq(an.text[1], "answer 5 again");
	ck_assert_int_eq(an.values[2], 6);
	st.rung = 9;
	ck_assert_int_eq(store_ladder_step_save(s, &st, &err), -1);
	l.start_rung = 0;
	ck_assert_int_eq(store_ladder_save(s, &l, &err), -1);
	ck_assert_int_eq(store_ladder_delete(s, ses, &err), 0);
	ck_assert_int_eq(store_ladder_get(s, ses, &got, &err), 0);
	memset(&an, 0, sizeof an);
	ck_assert_int_eq(store_ladder_steps_each(s, ses, collect_step, &an,
						 &err),
			 0);
	ck_assert_int_eq(an.n, 0);
	store_close(s);
}
END_TEST

struct note_seen {
	int n;
	char uuid[STORE_UUID_SIZE];
	char body[64];
	char updated[32];
};

static int collect_note(const struct store_note *n, void *ud)
{
	struct note_seen *ns = ud;
	ns->n++;
	memcpy(ns->uuid, n->uuid, sizeof ns->uuid);
	snprintf(ns->body, sizeof ns->body, "%s", n->body);
	snprintf(ns->updated, sizeof ns->updated, "%s", n->updated);
	return 0;
}

START_TEST(notes)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t ses = t_session(s, t_person(s, "P"), NULL);
	char *body = NULL;
	ck_assert_int_eq(store_note_get(s, ses, &body, &err), 0);
	ck_assert_ptr_null(body);
	ck_assert_int_eq(store_note_save(s, ses, "first", &err), 0);
	struct note_seen ns = {0};
	ck_assert_int_eq(store_note_each(s, ses, collect_note, &ns, &err), 0);
	char uuid[STORE_UUID_SIZE];
	memcpy(uuid, ns.uuid, sizeof uuid);
	ck_assert_int_eq(strlen(uuid), 36);
	for (int i = 0; i < 50; i++) /* saved as typed */
		ck_assert_int_eq(
			store_note_save(s, ses, "Café, \"two\"\nlines", &err),
			0);
	ck_assert_int_eq(store_note_get(s, ses, &body, &err), 1);
	ck_assert_str_eq(body, "Café, \"two\"\nlines");
	free(body);
	memset(&ns, 0, sizeof ns);
	ck_assert_int_eq(store_note_each(s, ses, collect_note, &ns, &err), 0);
	ck_assert_int_eq(ns.n, 1);
	ck_assert_str_eq(ns.uuid, uuid); /* the identity never changes */

	ck_assert_int_eq(store_note_save(s, ses, "", &err), 0);
	ck_assert_int_eq(store_note_get(s, ses, &body, &err), 0);
	struct store_note put = {.session_id = ses, .body = "imported",
				 .updated = "2025-05-05T05:05:05Z"};
	memcpy(put.uuid, uuid, sizeof uuid);
	ck_assert_int_eq(store_note_put(s, &put, &err), 0);
	memset(&ns, 0, sizeof ns);
	ck_assert_int_eq(store_note_each(s, ses, collect_note, &ns, &err), 0);
	ck_assert_str_eq(ns.uuid, uuid);
	ck_assert_str_eq(ns.updated, "2025-05-05T05:05:05Z");
	ck_assert_int_eq(store_note_save(s, 999, "x", &err), -1);
	store_close(s);
}
END_TEST

/* ----------------------------------------------------------- commitments */

static int collect_commitment(const struct store_commitment *c, void *ud)
{
	struct seen *sn = ud;
	sn->ids[sn->n] = c->id;
	sn->overdue[sn->n % 8] = c->overdue;
	sn->n++;
	return 0;
}

static int collect_open(const struct store_open_commitment *c, void *ud)
{
	struct seen *sn = ud;
	sn->ids[sn->n] = c->id;
	sn->overdue[sn->n % 8] = c->overdue;
	snprintf(sn->last[sn->n % 8], sizeof sn->last[0], "%s",
		 c->due ? c->due : "-");
	snprintf(sn->names[sn->n % 8], sizeof sn->names[0], "%s", c->what);
	sn->n++;
	return 0;
}

START_TEST(commitments)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "P"), q = t_person(s, "Q");
	int64_t s1 = t_session(s, p, "2026-10-01T09:00:00Z");
	int64_t s2 = t_session(s, p, "2026-11-01T09:00:00Z");
	int64_t sq = t_session(s, q, "2026-11-01T09:00:00Z");
	struct store_commitment c1 = {.person_id = p, .session_id = s1,
				      .what = "Later", .owner = "P",
				      .due = "2026-12-20"};
	struct store_commitment c2 = {.person_id = p, .session_id = s1,
				      .what = "Overdue", .due = "2026-11-01"};
	struct store_commitment c3 = {.person_id = p, .session_id = s1,
				      .what = "No date"};
	struct store_commitment c4 = {.person_id = q, .session_id = sq,
				      .what = "Q's", .due = "2026-11-30"};
	struct store_commitment c5 = {.person_id = p, .session_id = s2,
				      .what = "Made in s2",
				      .due = "2026-11-25"};
	struct store_commitment *all[] = {&c1, &c2, &c3, &c4, &c5};
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_commitment_add(s, all[i], &err), 0);

	struct store_commitment got;
	ck_assert_int_eq(store_commitment_get(s, c2.id, &got, &err), 1);
	ck_assert_str_eq(got.what, "Overdue");
	ck_assert_str_eq(got.uuid, c2.uuid);
	ck_assert_str_eq(got.person_name, "P");
	ck_assert_int_eq(got.overdue, 1);
	ck_assert_int_eq(got.status, STORE_C_OPEN);
	ck_assert_ptr_null(got.owner);
	store_commitment_clear(&got);

	/* Overdue first, then by date, undated last. */
	struct seen sn = {0};
	struct store_commitment_filter f = {.open_only = 1};
	ck_assert_int_eq(store_commitments_each(s, &f, collect_commitment, &sn,
						&err),
			 0);
	ck_assert_int_eq(sn.n, 5);
	ck_assert_int_eq(sn.ids[0], c2.id);
	ck_assert_int_eq(sn.overdue[0], 1);
	ck_assert_int_eq(sn.ids[1], c5.id);
	ck_assert_int_eq(sn.overdue[1], 0);
	ck_assert_int_eq(sn.ids[2], c4.id);
	ck_assert_int_eq(sn.ids[3], c1.id);
	ck_assert_int_eq(sn.ids[4], c3.id);

	/* One person's open ones, in the same order, with what home shows. */
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_open_commitments_each(s, p, collect_open, &sn,
						     &err),
			 0);
	ck_assert_int_eq(sn.n, 4);
	ck_assert_int_eq(sn.ids[0], c2.id);
	ck_assert_int_eq(sn.overdue[0], 1);
	ck_assert_str_eq(sn.names[0], "Overdue");
	ck_assert_str_eq(sn.last[0], "2026-11-01");
	ck_assert_int_eq(sn.ids[1], c5.id);
	ck_assert_int_eq(sn.overdue[1], 0);
	ck_assert_int_eq(sn.ids[2], c1.id);
	ck_assert_int_eq(sn.ids[3], c3.id);
	ck_assert_str_eq(sn.last[3], "-");
	ck_assert_int_eq(sn.overdue[3], 0);

	/* Follow-up of s2: P's open ones made elsewhere. */
	memset(&sn, 0, sizeof sn);
	struct store_commitment_filter fu = {.followup_of = s2};
	ck_assert_int_eq(store_commitments_each(s, &fu, collect_commitment,
						&sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 3);

	ck_assert_int_eq(store_commitment_review(s, c2.id, STORE_C_MISSED, s2,
						 "sick week", NULL, NULL,
						 &err),
			 0);
	int64_t fresh = 0;
	ck_assert_int_eq(store_commitment_review(s, c1.id,
						 STORE_C_RENEGOTIATED, s2,
						 NULL, "2027-01-15", &fresh,
						 &err),
			 0);
	ck_assert_int_gt(fresh, 0);
	ck_assert_int_eq(store_commitment_get(s, fresh, &got, &err), 1);
	ck_assert_str_eq(got.what, "Later");
	ck_assert_str_eq(got.owner, "P");
	ck_assert_str_eq(got.due, "2027-01-15");
	ck_assert_int_eq(got.session_id, s2);
	ck_assert_int_eq(got.status, STORE_C_OPEN);
	store_commitment_clear(&got);
	/* The renegotiated one knows its new date; others have none. */
	char new_due[STORE_DAY_SIZE];
	ck_assert_int_eq(
	    store_commitment_renegotiated_due(s, c1.id, new_due, &err), 1);
	ck_assert_str_eq(new_due, "2027-01-15");
	ck_assert_int_eq(
	    store_commitment_renegotiated_due(s, c2.id, new_due, &err), 0);
	ck_assert_str_eq(new_due, "");
	ck_assert_int_eq(
	    store_commitment_renegotiated_due(s, fresh, new_due, &err), 0);
	/* Reviewed ones leave the open list; the renegotiated one's
	 * successor joins it by its date. */
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_open_commitments_each(s, p, collect_open, &sn,
						     &err),
			 0);
	ck_assert_int_eq(sn.n, 3);
	ck_assert_int_eq(sn.ids[0], c5.id);
	ck_assert_int_eq(sn.ids[1], fresh);
	ck_assert_int_eq(sn.ids[2], c3.id);
	ck_assert_int_eq(store_open_commitments_each(s, 999, collect_open, &sn,
						     &err),
			 0);
	ck_assert_int_eq(sn.n, 3);
	ck_assert_int_eq(store_commitment_get(s, c2.id, &got, &err), 1);
	ck_assert_int_eq(got.status, STORE_C_MISSED);
	ck_assert_int_eq(got.reviewed_session_id, s2);
	ck_assert_str_eq(got.obstacle, "sick week");
	ck_assert_str_eq(got.reviewed, "2026-11-23T12:00:00Z");
	ck_assert_int_eq(got.overdue, 0);
	store_commitment_clear(&got);

	/* The follow-up still shows what it reviewed. */
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_commitments_each(s, &fu, collect_commitment,
						&sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 3);
	memset(&sn, 0, sizeof sn);
	struct store_commitment_filter made = {.session_id = s2};
	ck_assert_int_eq(store_commitments_each(s, &made, collect_commitment,
						&sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 2); /* c5 and the renegotiated copy */
	memset(&sn, 0, sizeof sn);
	struct store_commitment_filter pq = {.person_id = q};
	ck_assert_int_eq(store_commitments_each(s, &pq, collect_commitment,
						&sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 1);
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(store_commitments_each(s, NULL, collect_commitment,
						&sn, &err),
			 0);
	ck_assert_int_eq(sn.n, 6);

	ck_assert_int_eq(store_commitment_review(s, c1.id, STORE_C_RENEGOTIATED,
						 s2, NULL, NULL, NULL, &err),
			 -1);
	ck_assert_str_eq(err.msg, "a renegotiated commitment needs a new due "
				  "date");
	ck_assert_int_eq(store_commitment_review(s, c2.id, STORE_C_OPEN, 0,
						 NULL, NULL, NULL, &err),
			 0);
	ck_assert_int_eq(store_commitment_get(s, c2.id, &got, &err), 1);
	ck_assert_int_eq(got.status, STORE_C_OPEN);
	ck_assert_ptr_null(got.obstacle);
	ck_assert_int_eq(got.reviewed_session_id, 0);
	store_commitment_clear(&got);

	c3.what = "Now dated";
	c3.due = "2026-02-30";
	ck_assert_int_eq(store_commitment_update(s, &c3, &err), -1);
	ck_assert_str_eq(err.msg, "due date \"2026-02-30\" is not a calendar "
				  "day (YYYY-MM-DD)");
	c3.due = "2026-12-01";
	ck_assert_int_eq(store_commitment_update(s, &c3, &err), 0);
	int64_t id;
	ck_assert_int_eq(store_commitment_find_uuid(s, c3.uuid, &id, &err), 1);
	ck_assert_int_eq(id, c3.id);
	ck_assert_int_eq(store_commitment_delete(s, c3.id, &err), 0);
	ck_assert_int_eq(store_commitment_find_uuid(s, c3.uuid, &id, &err), 0);
	ck_assert_int_eq(store_commitment_delete(s, c3.id, &err), -1);

	/* Deleting the reviewing session reopens what it closed. */
	ck_assert_int_eq(store_commitment_review(s, c2.id, STORE_C_KEPT, s2,
						 NULL, NULL, NULL, &err),
			 0);
	ck_assert_int_eq(store_session_delete(s, s2, &err), 0);
	ck_assert_int_eq(store_commitment_get(s, c2.id, &got, &err), 1);
	ck_assert_int_eq(got.status, STORE_C_OPEN);
	store_commitment_clear(&got);
	ck_assert_int_eq(store_commitment_get(s, fresh, &got, &err), 0);
	ck_assert_int_eq(store_commitment_get(s, c5.id, &got, &err), 0);
	store_close(s);
}
END_TEST

/* The data version moves for another connection's commit, never for
 * this one's own: home reads again only what someone else changed. */
START_TEST(data_version_moves_for_others)
{
	struct store *a = t_open(), *b = t_open();
	struct error err = {0};
	int64_t v0, v1, v2;
	ck_assert_int_eq(store_data_version(a, &v0, &err), 0);
	t_person(a, "Mine");
	ck_assert_int_eq(store_data_version(a, &v1, &err), 0);
	ck_assert_int_eq(v1, v0);
	t_person(b, "Theirs");
	ck_assert_int_eq(store_data_version(a, &v2, &err), 0);
	ck_assert_int_ne(v2, v1);
	store_close(b);
	store_close(a);
}
END_TEST

/* A person's form saves only over what it read: another ownit's change
 * (or deletion) in between is reported, not undone. */
START_TEST(person_update_if_seen)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "P");
	struct store_person seen;
	ck_assert_int_eq(store_person_get(s, p, &seen, &err), 1);
	struct store_person mine = {.id = p, .name = "P", .role = "Mine"};
	ck_assert_int_eq(store_person_update_if(s, &mine, &seen, &err), 0);
	/* seen is stale now: the role is "Mine". */
	struct store_person theirs = {.id = p, .name = "P", .archived = 1};
	ck_assert_int_eq(store_person_update_if(s, &theirs, &seen, &err), 1);
	struct store_person now;
	ck_assert_int_eq(store_person_get(s, p, &now, &err), 1);
	ck_assert_str_eq(now.role, "Mine");
	ck_assert_int_eq(now.archived, 0);
	ck_assert_int_eq(store_person_update_if(s, &theirs, &now, &err), 0);
	store_person_clear(&now);
	ck_assert_int_eq(store_person_get(s, p, &now, &err), 1);
	ck_assert_int_eq(store_person_delete(s, p, &err), 0);
	ck_assert_int_eq(store_person_update_if(s, &mine, &now, &err), 1);
	store_person_clear(&now);
	store_person_clear(&seen);
	store_close(s);
}
END_TEST

/* Undoing a renegotiation takes back the open copy it made, unless that
 * copy has a follow-up of its own. */
START_TEST(renegotiation_undone)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "P");
	int64_t s1 = t_session(s, p, "2026-10-01T09:00:00Z");
	struct store_commitment a = {.person_id = p, .session_id = s1,
				     .what = "Ship it", .owner = "P",
				     .due = "2026-11-01"};
	struct store_commitment b = {.person_id = p, .session_id = s1,
				     .what = "Tell them", .due = "2026-11-02"};
	ck_assert_int_eq(store_commitment_add(s, &a, &err), 0);
	ck_assert_int_eq(store_commitment_add(s, &b, &err), 0);
	int64_t fresh_a = 0, fresh_b = 0;
	ck_assert_int_eq(store_commitment_review(s, a.id,
						 STORE_C_RENEGOTIATED, 0, NULL,
						 "2026-12-20", &fresh_a, &err),
			 0);
	ck_assert_int_eq(store_commitment_review(s, b.id,
						 STORE_C_RENEGOTIATED, 0, NULL,
						 "2026-12-21", &fresh_b, &err),
			 0);
	/* b's copy is followed up in its turn: it has a history now. */
	ck_assert_int_eq(store_commitment_review(s, fresh_b, STORE_C_KEPT, 0,
						 NULL, NULL, NULL, &err),
			 0);

	ck_assert_int_eq(store_commitment_review(s, a.id, STORE_C_OPEN, 0,
						 NULL, NULL, NULL, &err),
			 0);
	ck_assert_int_eq(store_commitment_review(s, b.id, STORE_C_OPEN, 0,
						 NULL, NULL, NULL, &err),
			 0);
	struct store_commitment got;
	ck_assert_int_eq(store_commitment_get(s, fresh_a, &got, &err), 0);
	ck_assert_int_eq(store_commitment_get(s, a.id, &got, &err), 1);
	ck_assert_int_eq(got.status, STORE_C_OPEN);
	ck_assert_str_eq(got.due, "2026-11-01");
	store_commitment_clear(&got);
	ck_assert_int_eq(store_commitment_get(s, fresh_b, &got, &err), 1);
	ck_assert_int_eq(got.status, STORE_C_KEPT);
	store_commitment_clear(&got);
	struct seen sn = {0};
	ck_assert_int_eq(store_open_commitments_each(s, p, collect_open, &sn,
						     &err),
			 0);
	ck_assert_int_eq(sn.n, 2); /* a and b, once each */
	store_close(s);
}
END_TEST

/* ---------------------------------------------------------------- resume */

START_TEST(resume)
{
	struct store *s = t_open();
	struct error err = {0};
	const char *items[] = {"f-1", "f-2", "f-3"};
	const char *pillars[] = {"clarity", "vision"};
	int64_t p = t_person(s, "P");
	int64_t s1 = t_session(s, p, "2026-10-01T09:00:00Z");
	struct store_resume r;
	ck_assert_int_eq(store_session_resume(s, s1, items, 3, pillars, 2, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.step, STORE_STEP_FLAGS);
	ck_assert_int_eq(r.item, 0);
	ck_assert_int_eq(r.pillar, 0);
	ck_assert_int_eq(r.followups, 0);
	struct store_answer a = {.session_id = s1, .item_id = "f-1",
				 .statement = "t", .value = 2};
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	a.item_id = "f-2";
	a.value = -1; /* a note alone is not an answer */
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	ck_assert_int_eq(store_session_resume(s, s1, items, 3, pillars, 2, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.item, 1);
	for (int i = 0; i < 3; i++) {
		a.item_id = items[i];
		a.value = 1;
		ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	}
	struct store_rating rt = {.session_id = s1, .pillar_id = "clarity",
				  .value = 3};
	ck_assert_int_eq(store_rating_save(s, &rt, &err), 0);
	ck_assert_int_eq(store_session_resume(s, s1, items, 3, pillars, 2, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.step, STORE_STEP_PILLARS);
	ck_assert_int_eq(r.item, 3);
	ck_assert_int_eq(r.pillar, 1);
	rt.pillar_id = "vision";
	ck_assert_int_eq(store_rating_save(s, &rt, &err), 0);
	ck_assert_int_eq(store_session_resume(s, s1, items, 3, pillars, 2, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.step, STORE_STEP_RESULTS);
	ck_assert_int_eq(r.pillar, 2);

	/* Open commitments of earlier sessions come first ... */
	struct store_commitment c = {.person_id = p, .session_id = s1,
				     .what = "x"};
	ck_assert_int_eq(store_commitment_add(s, &c, &err), 0);
	int64_t s2 = t_session(s, p, "2026-11-01T09:00:00Z");
	ck_assert_int_eq(store_session_resume(s, s2, items, 3, pillars, 2, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.step, STORE_STEP_FOLLOWUP);
	ck_assert_int_eq(r.followups, 1);
	/* ... unless the user left the session on another step. */
	ck_assert_int_eq(store_session_set_step(s, s2, STORE_STEP_NOTES, &err),
			 0);
	ck_assert_int_eq(store_session_resume(s, s2, items, 3, pillars, 2, &r,
					      &err),
			 0);
	ck_assert_int_eq(r.step, STORE_STEP_NOTES);
	ck_assert_int_eq(store_session_resume(s, 999, items, 3, pillars, 2, &r,
					      &err),
			 -1);
	ck_assert_str_eq(err.msg, "no session with id 999");
	store_close(s);
}
END_TEST

/* ---------------------------------------------------------- transactions */

START_TEST(transactions)
{
	struct store *s = t_open();
	struct error err = {0};
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	ck_assert_int_eq(store_tx_begin(s, &err), -1);
	int64_t p = t_person(s, "In tx");
	/* A failing write inside only undoes itself. */
	struct store_person dup = {.name = "IN TX"};
	ck_assert_int_eq(store_person_add(s, &dup, &err), -1);
	t_session(s, p, NULL);
	store_tx_rollback(s);
	int64_t id;
	ck_assert_int_eq(store_person_find(s, "In tx", &id, &err), 0);

	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	p = t_person(s, "Kept");
	struct store_person dup2 = {.name = "KEPT"};
	ck_assert_int_eq(store_person_add(s, &dup2, &err), -1);
	ck_assert_int_eq(store_tx_commit(s, &err), 0);
	ck_assert_int_eq(store_tx_commit(s, &err), -1);
	ck_assert_int_eq(store_person_find(s, "kept", &id, &err), 1);
	ck_assert_int_eq(id, p);
	store_close(s);

	/* Closing with a transaction open rolls it back. */
	s = t_open();
	ck_assert_int_eq(store_tx_begin(s, &err), 0);
	t_person(s, "Lost");
	store_close(s);
	s = t_open();
	ck_assert_int_eq(store_person_find(s, "lost", &id, &err), 0);
	store_close(s);
}
END_TEST

/* A callback that goes back into the store, reading and writing. */
static int reenter(const struct store_person_row *r, void *ud)
{
	struct store *s = ud;
	struct error err = {0};
	struct seen sn = {0};
	ck_assert_int_eq(store_people_each(s, 0, collect_person, &sn, &err), 0);
	ck_assert_int_eq(sn.n, 2);
	struct store_person got;
	ck_assert_int_eq(store_person_get(s, r->person.id, &got, &err), 1);
	store_person_clear(&got);
	t_session(s, r->person.id, NULL);
	return 0;
}

START_TEST(reentrant_callbacks)
{
	struct store *s = t_open();
	struct error err = {0};
	t_person(s, "a");
	t_person(s, "b");
	ck_assert_int_eq(store_people_each(s, 0, reenter, s, &err), 0);
	struct seen sn = {0};
	ck_assert_int_eq(store_sessions_each(s, 0, 0, 0, collect_session, &sn,
					     &err),
			 0);
	ck_assert_int_eq(sn.n, 2);
	store_close(s);
}
END_TEST

START_TEST(uuids_and_names)
{
	char a[STORE_UUID_SIZE], b[STORE_UUID_SIZE];
	ck_assert_int_eq(store_uuid(a, NULL), 0);
	ck_assert_int_eq(store_uuid(b, NULL), 0);
	ck_assert_int_eq(strlen(a), 36);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(a[8], '-');
	ck_assert_int_eq(a[14], '4');
	ck_assert_ptr_nonnull(strchr("89ab", a[19]));
	ck_assert_int_eq(strspn(a, "0123456789abcdef-"), 36);

	ck_assert_str_eq(store_kind_name(STORE_KIND_SELF), "self");
	ck_assert_int_eq(store_kind_parse("coaching"), STORE_KIND_COACHING);
	ck_assert_int_eq(store_kind_parse("Self"), -1);
	ck_assert_str_eq(store_status_name(STORE_SESSION_COMPLETE), "complete");
	ck_assert_int_eq(store_status_parse("open"), STORE_SESSION_OPEN);
	ck_assert_str_eq(store_cstatus_name(STORE_C_RENEGOTIATED),
			 "renegotiated");
	ck_assert_int_eq(store_cstatus_parse("partly"), STORE_C_PARTLY);
	ck_assert_int_eq(store_cstatus_parse(NULL), -1);
	for (int i = 0; i < STORE_STEP_COUNT; i++)
		ck_assert_int_eq(store_step_parse(store_step_name(i)), i);
	ck_assert_str_eq(store_step_name(STORE_STEP_FOLLOWUP), "followup");
	ck_assert_int_eq(store_step_parse("nope"), -1);
}
END_TEST

static int collect_problem(const char *problem, void *ud)
{
	struct answers *an = ud;
	snprintf(an->text[an->n++ % 8], 64, "%s", problem);
	return 0;
}

START_TEST(check_and_paths)
{
	struct store *s = t_open();
	struct error err = {0};
	ck_assert_str_eq(store_path(s), t_db);
	ck_assert_ptr_null(store_warning(s));
	struct answers an = {0};
	ck_assert_int_eq(store_check(s, collect_problem, &an, &err), 0);
	ck_assert_int_eq(an.n, 0);
	/* A dangling reference, written behind the store's back. */
	ck_assert_int_eq(store_debug_exec(s, "PRAGMA foreign_keys = OFF; "
					  "INSERT INTO answer (session_id, item_id, "
					  "statement, value, note, answered) "
					  "VALUES (42, 'x', "
					  "'t', 1, NULL, 'now'); "
					  "PRAGMA foreign_keys = ON",
					  &err),
			 0);
	ck_assert_int_eq(store_check(s, collect_problem, &an, &err), 1);
	ck_assert_int_eq(an.n, 1);
	ck_assert_str_eq(an.text[0],
			 "table answer row 1 refers to a missing row of "
			 "session");
	ck_assert_int_eq(store_debug_exec(s, "SELEC nonsense", &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, t_db));
	store_close(s);
	store_close(NULL);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store");
	TCase *tc = tcase_create("api");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_add_test(tc, person_lifecycle);
	tcase_add_test(tc, person_regulated);
	tcase_add_test(tc, people_counts);
	tcase_add_test(tc, iteration_stops);
	tcase_add_test(tc, session_lifecycle);
	tcase_add_test(tc, session_lists);
	tcase_add_test(tc, answers);
	tcase_add_test(tc, ratings);
	tcase_add_test(tc, ladder);
	tcase_add_test(tc, notes);
	tcase_add_test(tc, renegotiation_undone);
	tcase_add_test(tc, person_update_if_seen);
	tcase_add_test(tc, data_version_moves_for_others);
	tcase_add_test(tc, commitments);
	tcase_add_test(tc, resume);
	tcase_add_test(tc, answers_no_occasion);
	tcase_add_test(tc, transactions);
	tcase_add_test(tc, reentrant_callbacks);
	tcase_add_test(tc, uuids_and_names);
	tcase_add_test(tc, check_and_paths);
	suite_add_tcase(su, tc);
	suite_add_tcase(su, store_errors_tcase());
	suite_add_tcase(su, store_sessions_tcase());
	suite_add_tcase(su, store_rows_tcase());
	return unit_run(su);
}
