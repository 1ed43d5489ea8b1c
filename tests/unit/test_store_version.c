/* test_store_version.c - two ownit on one database: a note saved over a
 * change the other made since it was read is refused, not lost. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/store/store.h"
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
	unit_tmpdir(dir, sizeof dir, "version");
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
	unit_rmdir(dir);
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

static int count_cb(const struct store_commitment *c, void *ud)
{
	(void)c;
	++*(int *)ud;
	return 0;
}

/* A commitment made in the fixture's session, as a screen reads it. */
static struct store_commitment commitment_made(const char *what)
{
	struct error err = {0};
	struct store_session ses = {0};
	ck_assert_int_eq(store_session_get(a, session, &ses, &err), 1);
	struct store_commitment made = {.person_id = ses.person_id,
					.session_id = session,
					.what = what,
					.due = "2099-01-10"};
	store_session_clear(&ses);
	ck_assert_int_eq(store_commitment_add(a, &made, &err), 0);
	return made;
}

static enum store_cstatus stored_status(struct store *s, int64_t id,
					char *helped, size_t size)
{
	struct error err = {0};
	struct store_commitment now;
	ck_assert_int_eq(store_commitment_get(s, id, &now, &err), 1);
	snprintf(helped, size, "%s", now.helped ? now.helped : "");
	enum store_cstatus st = now.status;
	store_commitment_clear(&now);
	return st;
}

START_TEST(review_over_another_review_is_refused)
{
	struct error err = {0};
	char helped[64];
	struct store_commitment seen = commitment_made("Demo on Fridays");
	struct store_review kept = {.status = STORE_C_KEPT,
				    .session_id = session,
				    .helped = "a calendar slot"};
	struct store_review missed = {.status = STORE_C_MISSED,
				      .session_id = session,
				      .obstacle = "release week"};
	ck_assert_int_eq(store_commitment_review_if(b, &seen, &kept, NULL,
						    &err),
			 0);
	ck_assert_int_eq(store_commitment_review_if(a, &seen, &missed, NULL,
						    &err),
			 1);
	ck_assert_int_eq(stored_status(a, seen.id, helped, sizeof helped),
			 STORE_C_KEPT);
	ck_assert_str_eq(helped, "a calendar slot");
	/* Having read theirs, a may replace it; then b's words are stale. */
	struct store_commitment theirs = seen;
	theirs.status = STORE_C_KEPT;
	theirs.reviewed_session_id = session;
	theirs.helped = "a calendar slot";
	ck_assert_int_eq(store_commitment_review_if(a, &theirs, &missed, NULL,
						    &err),
			 0);
	ck_assert_int_eq(stored_status(b, seen.id, helped, sizeof helped),
			 STORE_C_MISSED);
	struct store_review words = kept;
	words.helped = "pairing";
	ck_assert_int_eq(store_commitment_review_if(b, &theirs, &words, NULL,
						    &err),
			 1);
	/* The same status with other words is a change too. */
	struct store_commitment mine = theirs;
	mine.status = STORE_C_MISSED;
	mine.helped = NULL;
	mine.obstacle = "release week";
	struct store_commitment other = mine;
	other.obstacle = "sick leave";
	ck_assert_int_eq(store_commitment_review_if(b, &other, &kept, NULL,
						    &err),
			 1);
	/* An undo (back to open) checks the same way. */
	struct store_review open = {.status = STORE_C_OPEN};
	ck_assert_int_eq(store_commitment_review_if(b, &mine, &open, NULL,
						    &err),
			 0);
	ck_assert_int_eq(store_commitment_review_if(a, &mine, &open, NULL,
						    &err),
			 1);
	/* Bad input stays input; a deleted commitment is a change. */
	struct store_review bad = {.status = STORE_C_RENEGOTIATED};
	ck_assert_int_eq(store_commitment_review_if(a, &seen, &bad, NULL,
						    &err),
			 -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_int_eq(store_commitment_delete(b, seen.id, &err), 0);
	ck_assert_int_eq(store_commitment_review_if(a, &seen, &kept, NULL,
						    &err),
			 1);
}
END_TEST

/* Two renegotiations of one commitment would leave two successors: the
 * second is refused and nothing is added. */
START_TEST(renegotiation_is_made_once)
{
	struct error err = {0};
	struct store_commitment seen = commitment_made("Write the runbook");
	struct store_review rn = {.status = STORE_C_RENEGOTIATED,
				  .session_id = session,
				  .new_due = "2099-02-01"};
	int64_t first = 0, second = 0;
	ck_assert_int_eq(store_commitment_review_if(b, &seen, &rn, &first,
						    &err),
			 0);
	ck_assert_int_gt(first, 0);
	rn.new_due = "2099-03-01";
	ck_assert_int_eq(store_commitment_review_if(a, &seen, &rn, &second,
						    &err),
			 1);
	ck_assert_int_eq(second, 0);
	struct store_commitment_filter f = {.session_id = session};
	int n = 0;
	ck_assert_int_eq(store_commitments_each(a, &f, count_cb, &n, &err), 0);
	ck_assert_int_eq(n, 2);
}
END_TEST

START_TEST(delete_over_another_change_is_refused)
{
	struct error err = {0};
	char helped[64];
	struct store_commitment seen = commitment_made("Share the roadmap");
	struct store_commitment edited = seen;
	edited.owner = "Lee";
	ck_assert_int_eq(store_commitment_update_if(b, &edited, &seen, &err),
			 0);
	ck_assert_int_eq(store_commitment_delete_if(a, &seen, &err), 1);
	struct store_review kept = {.status = STORE_C_KEPT,
				    .session_id = session};
	ck_assert_int_eq(store_commitment_review_if(b, &edited, &kept, NULL,
						    &err),
			 0);
	ck_assert_int_eq(store_commitment_delete_if(a, &edited, &err), 1);
	ck_assert_int_eq(stored_status(a, seen.id, helped, sizeof helped),
			 STORE_C_KEPT);
	struct store_commitment theirs = edited;
	theirs.status = STORE_C_KEPT;
	theirs.reviewed_session_id = session;
	ck_assert_int_eq(store_commitment_delete_if(a, &theirs, &err), 0);
	struct store_commitment gone;
	ck_assert_int_eq(store_commitment_get(b, seen.id, &gone, &err), 0);
	/* Gone already: nothing is deleted twice. */
	ck_assert_int_eq(store_commitment_delete_if(b, &theirs, &err), 1);
}
END_TEST

START_TEST(undo_of_a_delete_does_not_bring_back_twice)
{
	struct error err = {0};
	struct store_commitment seen = commitment_made("Retro notes");
	struct store_commitment kept, copy;
	ck_assert_int_eq(store_commitment_get(a, seen.id, &kept, &err), 1);
	ck_assert_int_eq(store_commitment_dup(&copy, &kept), 0);
	ck_assert_int_eq(store_commitment_delete_if(a, &seen, &err), 0);
	int64_t there = -1;
	/* Another ownit (an import) put it back meanwhile. */
	ck_assert_int_eq(store_commitment_restore(b, &copy, &err), 0);
	int64_t back = 0;
	ck_assert_int_eq(store_commitment_find_uuid(b, kept.uuid, &back, &err),
			 1);
	ck_assert_int_eq(store_commitment_restore_if(a, &kept, &there, &err),
			 1);
	ck_assert_int_eq(there, back);
	ck_assert_int_eq(store_commitment_delete(b, back, &err), 0);
	ck_assert_int_eq(store_commitment_restore_if(a, &kept, &there, &err),
			 0);
	ck_assert_int_eq(there, 0);
	int64_t id = 0;
	ck_assert_int_eq(store_commitment_find_uuid(b, kept.uuid, &id, &err),
			 1);
	ck_assert_str_eq(kept.what, copy.what);
	store_commitment_clear(&kept);
	store_commitment_clear(&copy);
}
END_TEST

START_TEST(take_back_over_another_answer_is_refused)
{
	struct error err = {0};
	struct store_answer seen = answer(2, NULL);
	ck_assert_int_eq(store_answer_save_if(a, &seen, NULL, &err), 0);
	struct store_answer theirs = answer(4, NULL);
	ck_assert_int_eq(store_answer_save_if(b, &theirs, &seen, &err), 0);
	struct store_answer which = answer(-1, NULL);
	ck_assert_int_eq(store_answer_delete_if(a, &which, &seen, &err), 1);
	ck_assert_int_eq(stored_answer(a), 4);
	ck_assert_int_eq(store_answer_delete_if(a, &which, &theirs, &err), 0);
	ck_assert_int_eq(stored_answer(b), -9);
	/* Taken back on both sides: nothing newer is lost. */
	ck_assert_int_eq(store_answer_delete_if(b, &which, &theirs, &err), 0);
}
END_TEST

START_TEST(take_back_over_another_rating_is_refused)
{
	struct error err = {0};
	struct store_rating r = {.session_id = session,
				 .pillar_id = "clarity",
				 .value = 3};
	ck_assert_int_eq(store_rating_save_if(a, &r, 0, &err), 0);
	r.value = 1;
	ck_assert_int_eq(store_rating_save_if(b, &r, 3, &err), 0);
	ck_assert_int_eq(store_rating_delete_if(a, session, "clarity", 3, &err),
			 1);
	int v = 0;
	ck_assert_int_eq(store_rating_get(a, session, "clarity", &v, &err), 1);
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(store_rating_delete_if(a, session, "clarity", 1, &err),
			 0);
	ck_assert_int_eq(store_rating_get(b, session, "clarity", &v, &err), 0);
	ck_assert_int_eq(store_rating_delete_if(b, session, "clarity", 1, &err),
			 0);
}
END_TEST

START_TEST(ladder_over_another_ladder_is_refused)
{
	struct error err = {0};
	struct store_ladder none = {.session_id = session};
	struct store_ladder mine = {.session_id = session,
				    .situation = "Late releases",
				    .start_rung = 3};
	struct store_ladder theirs = {.session_id = session,
				      .situation = "Missed handovers",
				      .start_rung = 2};
	ck_assert_int_eq(store_ladder_save_if(b, &theirs, &none, &err), 0);
	ck_assert_int_eq(store_ladder_save_if(a, &mine, &none, &err), 1);
	struct store_ladder now;
	ck_assert_int_eq(store_ladder_get(a, session, &now, &err), 1);
	ck_assert_str_eq(now.situation, "Missed handovers");
	ck_assert_int_eq(now.start_rung, 2);
	store_ladder_clear(&now);
	/* Today's rung alone is a change too. */
	struct store_ladder moved = theirs;
	moved.start_rung = 4;
	ck_assert_int_eq(store_ladder_save_if(b, &moved, &theirs, &err), 0);
	ck_assert_int_eq(store_ladder_save_if(a, &mine, &theirs, &err), 1);
	/* b climbs; a, having read b's ladder, saves without lowering it. */
	struct store_ladder_step st = {.session_id = session,
				       .rung = 6,
				       .answer = "Ask QA first"};
	ck_assert_int_eq(store_ladder_step_save_if(b, &st, NULL, &err), 0);
	ck_assert_int_eq(store_ladder_save_if(a, &mine, &moved, &err), 0);
	ck_assert_int_eq(store_ladder_get(b, session, &now, &err), 1);
	ck_assert_str_eq(now.situation, "Late releases");
	ck_assert_int_eq(now.start_rung, 3);
	ck_assert_int_eq(now.reached_rung, 6);
	store_ladder_clear(&now);
	struct store_ladder other = {.session_id = session + 1,
				     .situation = "x",
				     .start_rung = 1};
	ck_assert_int_eq(store_ladder_save_if(a, &mine, &other, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
}
END_TEST

START_TEST(rung_answer_over_another_is_refused)
{
	struct error err = {0};
	struct store_ladder none = {.session_id = session};
	struct store_ladder l = {.session_id = session,
				 .situation = "Late releases",
				 .start_rung = 3};
	ck_assert_int_eq(store_ladder_save_if(a, &l, &none, &err), 0);
	struct store_ladder_step mine = {.session_id = session,
					 .rung = 3,
					 .answer = "I see the pattern"};
	struct store_ladder_step theirs = mine;
	theirs.answer = "Releases slip a week";
	ck_assert_int_eq(store_ladder_step_save_if(b, &theirs, NULL, &err), 0);
	ck_assert_int_eq(store_ladder_step_save_if(a, &mine, NULL, &err), 1);
	ck_assert_int_eq(store_ladder_step_save_if(a, &mine, theirs.answer,
						   &err),
			 0);
	ck_assert_int_eq(store_ladder_step_save_if(b, &theirs, theirs.answer,
						   &err),
			 1);
	struct store_ladder_step bad = mine;
	bad.rung = 12;
	ck_assert_int_eq(store_ladder_step_save_if(a, &bad, NULL, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
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
	TCase *tr = tcase_create("reviews, deletes and the ladder");
	tcase_add_checked_fixture(tr, setup, teardown);
	tcase_add_test(tr, review_over_another_review_is_refused);
	tcase_add_test(tr, renegotiation_is_made_once);
	tcase_add_test(tr, delete_over_another_change_is_refused);
	tcase_add_test(tr, undo_of_a_delete_does_not_bring_back_twice);
	tcase_add_test(tr, take_back_over_another_answer_is_refused);
	tcase_add_test(tr, take_back_over_another_rating_is_refused);
	tcase_add_test(tr, ladder_over_another_ladder_is_refused);
	tcase_add_test(tr, rung_answer_over_another_is_refused);
	suite_add_tcase(su, tr);
	return unit_run(su);
}
