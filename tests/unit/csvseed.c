/* csvseed.c - the database behind test_csvexport, test_csvimport and
 * test_report. */
#include "config.h"

#include "csvseed.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define SHIPPED TEST_SRCDIR "/content"

static void ok(int rc, const struct error *e)
{
	ck_assert_msg(rc == 0, "%s", e->msg);
}

static void answer(struct seed *sd, int64_t ses, const char *item, int v,
		   const char *note, const char *when)
{
	struct error e = {0};
	struct store_answer a = {ses, item, "statement as seen", v, note,
				 when, 0};
	ok(store_answer_save(sd->s, &a, &e), &e);
}

static void session_one(struct seed *sd)
{
	struct error e = {0};
	static const char *const vague[] = {
		"vague-updates-1", "vague-updates-2", "vague-updates-3",
		"vague-updates-4"};
	for (int i = 0; i < 4; i++)
		answer(sd, sd->s1, vague[i], 3, NULL, "2026-03-02T09:10:00Z");
	answer(sd, sd->s1, "vague-updates-5", 1, "reverse", 
	       "2026-03-02T09:11:00Z");
	answer(sd, sd->s1, "slow-escalation-1", 2, "seen, twice",
	       "2026-03-02T09:12:00Z");
	answer(sd, sd->s1, "not-my-job-1", -1, "only a note",
	       "2026-03-02T09:13:00Z");
	struct store_rating r1 = {sd->s1, "clarity", 4, NULL,
				  "2026-03-02T09:20:00Z"};
	struct store_rating r2 = {sd->s1, "vision", 3, "why it matters",
				  "2026-03-02T09:21:00Z"};
	ok(store_rating_save(sd->s, &r1, &e), &e);
	ok(store_rating_save(sd->s, &r2, &e), &e);
	struct store_ladder l = {sd->s1, "Release hand-over, \"again\"", 2, 2,
				 "2026-03-02T09:30:00Z"};
	ok(store_ladder_save(sd->s, &l, &e), &e);
	struct store_ladder_step st3 = {sd->s1, 3, "No time, they said",
					"2026-03-02T09:31:00Z"};
	struct store_ladder_step st4 = {sd->s1, 4, "We wait, a bit\nlonger",
					"2026-03-02T09:32:00Z"};
	ok(store_ladder_step_save(sd->s, &st3, &e), &e);
	ok(store_ladder_step_save(sd->s, &st4, &e), &e);
	ok(store_note_save(sd->s, sd->s1, SEED_NOTE, &e), &e);
}

static int64_t commitment(struct seed *sd, const char *what, const char *due)
{
	struct error e = {0};
	struct store_commitment c = {.person_id = sd->ada,
				     .session_id = sd->s1,
				     .what = what,
				     .owner = "Ada",
				     .due = due,
				     .created = "2026-03-02T09:40:00Z"};
	ok(store_commitment_add(sd->s, &c, &e), &e);
	return c.id;
}

static int64_t session(struct seed *sd, int64_t person, enum store_kind k,
		       const char *coach, const char *started)
{
	struct error e = {0};
	struct store_session ses = {.person_id = person,
				    .kind = k,
				    .coach = coach,
				    .started = started,
				    .content_version = "2026.11.1",
				    .step = -1};
	ok(store_session_add(sd->s, &ses, &e), &e);
	return ses.id;
}

void seed_make(struct seed *sd)
{
	struct error e = {0};
	char path[128];
	memset(sd, 0, sizeof *sd);
	unit_tmpdir(sd->dir, sizeof sd->dir, "csv");
	snprintf(path, sizeof path, "%s/seed.db", sd->dir);
	sd->s = store_open(path, STORE_CREATE, &e);
	ck_assert_msg(sd->s != NULL, "%s", e.msg);
	sd->c = content_load(SHIPPED, NULL, NULL, &e);
	ck_assert_msg(sd->c != NULL, "%s", e.msg);

	struct store_person ada = {.name = "Ada", .role = "Lead, platform",
				   .created = "2026-03-01T08:00:00Z"};
	struct store_person bo = {.name = "Bo",
				  .created = "2026-03-01T08:05:00Z"};
	ok(store_person_add(sd->s, &ada, &e), &e);
	ok(store_person_add(sd->s, &bo, &e), &e);
	sd->ada = ada.id;
	sd->bo = bo.id;

	sd->s1 = session(sd, sd->ada, STORE_KIND_COACHING, "Dana",
			 "2026-03-02T09:00:00Z");
	session_one(sd);
	int64_t c1 = commitment(sd, "Write the hand-over list", "2026-03-09");
	int64_t c2 = commitment(sd, "Ask for one dissent", NULL);
	ok(store_session_complete(sd->s, sd->s1, &e), &e);

	sd->s2 = session(sd, sd->ada, STORE_KIND_COACHING, "Dana",
			 "2026-03-16T09:00:00Z");
	ok(store_commitment_review(sd->s, c1, STORE_C_KEPT, sd->s2, NULL,
				   NULL, NULL, &e), &e);
	ok(store_commitment_review(sd->s, c2, STORE_C_MISSED, sd->s2,
				   "Meetings were cancelled", NULL, NULL, &e),
	   &e);
	struct store_rating r = {sd->s2, "clarity", 2, NULL,
				 "2026-03-16T09:20:00Z"};
	ok(store_rating_save(sd->s, &r, &e), &e);

	sd->s3 = session(sd, sd->bo, STORE_KIND_SELF, NULL,
			 "2026-03-20T09:00:00Z");

	struct store_session g;
	ck_assert_int_eq(store_session_get(sd->s, sd->s1, &g, &e), 1);
	memcpy(sd->s1_uuid, g.uuid, sizeof sd->s1_uuid);
	store_session_clear(&g);
	ck_assert_int_eq(store_session_get(sd->s, sd->s2, &g, &e), 1);
	memcpy(sd->s2_uuid, g.uuid, sizeof sd->s2_uuid);
	store_session_clear(&g);
}

struct store *seed_empty(struct seed *sd, const char *name)
{
	struct error e = {0};
	char path[128];
	snprintf(path, sizeof path, "%s/%s", sd->dir, name);
	struct store *s = store_open(path, STORE_CREATE, &e);
	ck_assert_msg(s != NULL, "%s", e.msg);
	return s;
}

void seed_free(struct seed *sd)
{
	store_close(sd->s);
	content_free(sd->c);
	unit_rmdir(sd->dir);
}

char *seed_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			buf = realloc(buf, cap);
			ck_assert_ptr_nonnull(buf);
		}
		got = fread(buf + n, 1, 4096, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
