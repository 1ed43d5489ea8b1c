/* test_store_version.c - two ownit on one database: a note saved over a
 * change the other made since it was read is refused, not lost. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/store.h"
#include "unit.h"

static char dir[64], db[128];
static struct store *a, *b; /* two connections, as two ownit would have */
static int64_t session;

static struct store *open_db(void)
{
	struct error err = {0};
	struct store *s = store_open(db, STORE_CREATE, &err);
	ck_assert_msg(s != NULL, "open: %s", err.msg);
	return s;
}

static void setup(void)
{
	strcpy(dir, "/tmp/ownit-test-version-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/o.db", dir);
	a = open_db();
	b = open_db();
	struct error err = {0};
	struct store_person p = {.name = "Ada"};
	ck_assert_int_eq(store_person_add(a, &p, &err), 0);
	struct store_session ses = {.person_id = p.id,
				    .kind = STORE_KIND_COACHING,
				    .status = STORE_SESSION_OPEN,
				    .content_version = "1",
				    .step = -1};
	ck_assert_msg(store_session_add(a, &ses, &err) == 0, "%s", err.msg);
	session = ses.id;
}

static void teardown(void)
{
	store_close(a);
	store_close(b);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void assert_note(struct store *s, const char *want)
{
	struct error err = {0};
	char *body = NULL;
	int64_t v = 0;
	ck_assert_int_eq(store_note_get_versioned(s, session, &body, &v, &err),
			 want ? 1 : 0);
	if (want)
		ck_assert_str_eq(body, want);
	free(body);
}

START_TEST(own_saves_follow_each_other)
{
	struct error err = {0};
	int64_t v = -1;
	char *body = NULL;
	ck_assert_int_eq(store_note_get_versioned(a, session, &body, &v, &err),
			 0);
	ck_assert_ptr_null(body);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(store_note_save_if(a, session, "one", &v, &err), 0);
	ck_assert_int_eq(store_note_save_if(a, session, "one two", &v, &err),
			 0);
	assert_note(b, "one two");
}
END_TEST

START_TEST(save_over_another_change_is_refused)
{
	struct error err = {0};
	int64_t va = 0, vb = 0;
	ck_assert_int_eq(store_note_save_if(a, session, "first", &va, &err), 0);
	char *body = NULL;
	ck_assert_int_eq(store_note_get_versioned(b, session, &body, &vb, &err),
			 1);
	free(body);
	ck_assert_int_eq(vb, va);
	/* b saves; a, still at the version it read, must not overwrite. */
	ck_assert_int_eq(store_note_save_if(b, session, "from b", &vb, &err),
			 0);
	int64_t before = va;
	ck_assert_int_eq(store_note_save_if(a, session, "from a", &va, &err),
			 1);
	ck_assert_int_eq(va, before);
	assert_note(a, "from b");
}
END_TEST

/* Another ownit emptying the note removes it; a save from the version
 * read before that is still a change elsewhere. */
START_TEST(removed_elsewhere_is_a_change)
{
	struct error err = {0};
	int64_t va = 0, vb = 0;
	ck_assert_int_eq(store_note_save_if(a, session, "kept", &va, &err), 0);
	char *body = NULL;
	ck_assert_int_eq(store_note_get_versioned(b, session, &body, &vb, &err),
			 1);
	free(body);
	ck_assert_int_eq(store_note_save_if(b, session, "", &vb, &err), 0);
	ck_assert_int_ne(vb, va);
	assert_note(a, NULL);
	ck_assert_int_eq(store_note_save_if(a, session, "again", &va, &err), 1);
	assert_note(b, NULL);
}
END_TEST

/* A plain save (import, the editor's round trip) also moves the version. */
START_TEST(plain_save_moves_the_version)
{
	struct error err = {0};
	int64_t va = 0;
	ck_assert_int_eq(store_note_save_if(a, session, "mine", &va, &err), 0);
	ck_assert_int_eq(store_note_save(b, session, "theirs", &err), 0);
	ck_assert_int_eq(store_note_save_if(a, session, "mine 2", &va, &err),
			 1);
	assert_note(a, "theirs");
}
END_TEST

/* ------------------------------------------------ answers and ratings */

static struct store_answer answer(int value, const char *note)
{
	struct store_answer x = {.session_id = session,
				 .item_id = "vu-1",
				 .statement = "We hear activity, not outcomes.",
				 .value = value,
				 .note = note};
	return x;
}

static int answer_cb(const struct store_answer *x, void *ud)
{
	int *v = ud;
	*v = x->no_occasion ? -2 : x->value;
	return 0;
}

static int stored_answer(struct store *s)
{
	struct error err = {0};
	int v = -9;
	ck_assert_int_eq(store_answers_each(s, session, answer_cb, &v, &err),
			 0);
	return v;
}

START_TEST(answer_over_another_answer_is_refused)
{
	struct error err = {0};
	/* Both screens read "no answer"; b answers first. */
	struct store_answer fb = answer(3, NULL), fa = answer(1, NULL);
	ck_assert_int_eq(store_answer_save_if(b, &fb, NULL, &err), 0);
	ck_assert_int_eq(store_answer_save_if(a, &fa, NULL, &err), 1);
	ck_assert_int_eq(stored_answer(a), 3);
	/* Having read b's answer, a may replace it, and then b may not. */
	ck_assert_int_eq(store_answer_save_if(a, &fa, &fb, &err), 0);
	ck_assert_int_eq(stored_answer(b), 1);
	struct store_answer fb2 = answer(4, NULL);
	ck_assert_int_eq(store_answer_save_if(b, &fb2, &fb, &err), 1);
	ck_assert_int_eq(stored_answer(b), 1);
}
END_TEST

/* The note and "no occasion" are part of what was read: a note added
 * elsewhere stops a save that would drop it. */
START_TEST(answer_note_and_no_occasion_count)
{
	struct error err = {0};
	struct store_answer seen = answer(2, NULL);
	ck_assert_int_eq(store_answer_save_if(a, &seen, NULL, &err), 0);
	struct store_answer noted = answer(2, "only in Q3");
	ck_assert_int_eq(store_answer_save_if(b, &noted, &seen, &err), 0);
	struct store_answer mine = answer(0, NULL);
	ck_assert_int_eq(store_answer_save_if(a, &mine, &seen, &err), 1);
	ck_assert_int_eq(stored_answer(a), 2);

	struct store_answer none = answer(-1, NULL);
	none.no_occasion = 1;
	ck_assert_int_eq(store_answer_save_if(b, &none, &noted, &err), 0);
	ck_assert_int_eq(store_answer_save_if(a, &mine, &noted, &err), 1);
	ck_assert_int_eq(stored_answer(a), -2);
	/* Taken back elsewhere: a save from the old reading is refused. */
	ck_assert_int_eq(store_answer_delete(b, session, "vu-1", &err), 0);
	ck_assert_int_eq(store_answer_save_if(a, &mine, &none, &err), 1);
	ck_assert_int_eq(stored_answer(a), -9);
	ck_assert_int_eq(store_answer_save_if(a, &mine, NULL, &err), 0);
	ck_assert_int_eq(stored_answer(b), 0);
	/* A note alone (no value) is something: a screen that showed it
	 * saves over it, one that showed nothing does not. */
	ck_assert_int_eq(store_answer_delete(b, session, "vu-1", &err), 0);
	struct store_answer note_only = answer(-1, "said twice");
	ck_assert_int_eq(store_answer_save_if(b, &note_only, NULL, &err), 0);
	ck_assert_int_eq(store_answer_save_if(a, &mine, NULL, &err), 1);
	ck_assert_int_eq(store_answer_save_if(a, &mine, &note_only, &err), 0);
	ck_assert_int_eq(stored_answer(b), 0);
}
END_TEST

/* Bad input is still refused as input, not taken as a change. */
START_TEST(answer_save_if_checks_input)
{
	struct error err = {0};
	struct store_answer bad = answer(7, NULL);
	ck_assert_int_eq(store_answer_save_if(a, &bad, NULL, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_int_eq(stored_answer(a), -9);
}
END_TEST

START_TEST(rating_over_another_rating_is_refused)
{
	struct error err = {0};
	struct store_rating ra = {.session_id = session,
				  .pillar_id = "clarity",
				  .value = 2};
	struct store_rating rb = ra;
	rb.value = 5;
	int v = -1;
	ck_assert_int_eq(store_rating_get(a, session, "clarity", &v, &err), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(store_rating_save_if(b, &rb, 0, &err), 0);
	ck_assert_int_eq(store_rating_save_if(a, &ra, 0, &err), 1);
	ck_assert_int_eq(store_rating_get(a, session, "clarity", &v, &err), 1);
	ck_assert_int_eq(v, 5);
	ck_assert_int_eq(store_rating_save_if(a, &ra, 5, &err), 0);
	ck_assert_int_eq(store_rating_save_if(b, &rb, 5, &err), 1);
	ck_assert_int_eq(store_rating_get(b, session, "clarity", &v, &err), 1);
	ck_assert_int_eq(v, 2);
	ck_assert_int_eq(store_rating_delete(b, session, "clarity", &err), 0);
	ck_assert_int_eq(store_rating_save_if(a, &ra, 2, &err), 1);
	ck_assert_int_eq(store_rating_get(a, session, "clarity", &v, &err), 0);
	ra.value = 9;
	ck_assert_int_eq(store_rating_save_if(a, &ra, 0, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
}
END_TEST

START_TEST(commitment_edit_over_another_edit_is_refused)
{
	struct error err = {0};
	struct store_session ses = {0};
	ck_assert_int_eq(store_session_get(a, session, &ses, &err), 1);
	struct store_commitment made = {.person_id = ses.person_id,
					.session_id = session,
					.what = "Weekly outcome note",
					.due = "2099-01-10"};
	store_session_clear(&ses);
	ck_assert_int_eq(store_commitment_add(a, &made, &err), 0);
	struct store_commitment seen = made, theirs = made, mine = made;
	theirs.owner = "Lee";
	mine.what = "Weekly outcome note, in writing";
	ck_assert_int_eq(store_commitment_update_if(b, &theirs, &seen, &err),
			 0);
	ck_assert_int_eq(store_commitment_update_if(a, &mine, &seen, &err), 1);
	struct store_commitment now;
	ck_assert_int_eq(store_commitment_get(a, made.id, &now, &err), 1);
	ck_assert_str_eq(now.what, "Weekly outcome note");
	ck_assert_str_eq(now.owner, "Lee");
	store_commitment_clear(&now);
	/* Having read theirs, a may save; bad input is still input. */
	ck_assert_int_eq(store_commitment_update_if(a, &mine, &theirs, &err),
			 0);
	ck_assert_int_eq(store_commitment_get(b, made.id, &now, &err), 1);
	ck_assert_str_eq(now.what, "Weekly outcome note, in writing");
	store_commitment_clear(&now);
	struct store_commitment empty = mine;
	empty.what = "";
	ck_assert_int_eq(store_commitment_update_if(a, &empty, &mine, &err),
			 -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	/* Deleted elsewhere: the edit is refused as a change, not an error. */
	ck_assert_int_eq(store_commitment_delete(b, made.id, &err), 0);
	ck_assert_int_eq(store_commitment_update_if(a, &mine, &mine, &err), 1);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store_version");
	TCase *tc = tcase_create("note");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, own_saves_follow_each_other);
	tcase_add_test(tc, save_over_another_change_is_refused);
	tcase_add_test(tc, removed_elsewhere_is_a_change);
	tcase_add_test(tc, plain_save_moves_the_version);
	suite_add_tcase(su, tc);
	TCase *tv = tcase_create("answer and rating");
	tcase_add_checked_fixture(tv, setup, teardown);
	tcase_add_test(tv, answer_over_another_answer_is_refused);
	tcase_add_test(tv, answer_note_and_no_occasion_count);
	tcase_add_test(tv, answer_save_if_checks_input);
	tcase_add_test(tv, rating_over_another_rating_is_refused);
	tcase_add_test(tv, commitment_edit_over_another_edit_is_refused);
	suite_add_tcase(su, tv);
	return unit_run(su);
}
