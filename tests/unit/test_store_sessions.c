/* test_store_sessions.c - what the session screens ask of the store
 * beyond the basics: the coach to offer, edits after completion, and
 * deleting a commitment so that it can be put back. */
#include "config.h"

#include "test_store.h"

#include <stdlib.h>
#include <string.h>

#include "core/coaching/sessionsteps.h"

START_TEST(last_coach)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t a = t_person(s, "A"), b = t_person(s, "B");
	char *coach = (char *)1;
	ck_assert_int_eq(store_session_last_coach(s, a, &coach, &err), 0);
	ck_assert_ptr_null(coach);

	int64_t b1 = t_session(s, b, "2026-10-01T08:00:00Z");
	ck_assert_int_eq(store_session_set_coach(s, b1, "Dana", &err), 0);
	/* Nobody coached A yet: the last coach of anyone is offered. */
	ck_assert_int_eq(store_session_last_coach(s, a, &coach, &err), 1);
	ck_assert_str_eq(coach, "Dana");
	free(coach);

	int64_t a1 = t_session(s, a, "2026-09-01T08:00:00Z");
	ck_assert_int_eq(store_session_set_coach(s, a1, "Lee", &err), 0);
	/* A's own coach wins over a newer session of someone else. */
	ck_assert_int_eq(store_session_last_coach(s, a, &coach, &err), 1);
	ck_assert_str_eq(coach, "Lee");
	free(coach);
	/* A session without a coach does not hide the last one named. */
	t_session(s, a, "2026-11-01T08:00:00Z");
	ck_assert_int_eq(store_session_last_coach(s, a, &coach, &err), 1);
	ck_assert_str_eq(coach, "Lee");
	free(coach);
	store_close(s);
}
END_TEST

START_TEST(edited_after_completion)
{
	struct store *s = t_open();
	struct error err = {0};
	char when[STORE_TIME_SIZE];
	int64_t p = t_person(s, "P");
	int64_t id = t_session(s, p, NULL);

	/* An open session is no edit of a finished one. */
	ck_assert_int_eq(store_session_mark_edited(s, id, &err), 0);
	ck_assert_int_eq(store_session_edited(s, id, when, &err), 0);
	ck_assert_str_eq(when, "");

	ck_assert_int_eq(store_session_complete(s, id, &err), 0);
	long long before = store_changes(s);
	ck_assert_int_eq(store_session_mark_edited(s, id, &err), 1);
	ck_assert_int_gt(store_changes(s), before);
	ck_assert_int_eq(store_session_edited(s, id, when, &err), 1);
	ck_assert_str_eq(when, "2026-11-23T12:00:00Z");

	/* Reopened on purpose, it is open work again: no mark, but the
	 * last one stays. */
	ck_assert_int_eq(store_session_reopen(s, id, &err), 0);
	ck_assert_int_eq(store_session_mark_edited(s, id, &err), 0);
	ck_assert_int_eq(store_session_edited(s, id, when, &err), 1);
	ck_assert_int_eq(store_session_mark_edited(s, 999, &err), 0);
	ck_assert_int_eq(store_check(s, NULL, NULL, &err), 0);
	store_close(s);
}
END_TEST

/* The commitments step keeps a deleted commitment to put it back (u):
 * added again as it was, it keeps its uuid, text and creation time. */
START_TEST(commitment_put_back)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "P");
	int64_t ses = t_session(s, p, NULL);
	struct store_commitment c = {.person_id = p, .session_id = ses,
				     .what = "Write the runbook",
				     .owner = "P", .due = "2026-12-01",
				     .created = "2026-11-20T09:00:00Z"};
	ck_assert_int_eq(store_commitment_add(s, &c, &err), 0);
	struct store_commitment kept;
	ck_assert_int_eq(store_commitment_get(s, c.id, &kept, &err), 1);
	ck_assert_int_eq(store_commitment_delete(s, c.id, &err), 0);
	int64_t id;
	ck_assert_int_eq(store_commitment_find_uuid(s, kept.uuid, &id, &err),
			 0);

	ck_assert_int_eq(store_commitment_restore(s, &kept, &err), 0);
	ck_assert_int_eq(store_commitment_find_uuid(s, kept.uuid, &id, &err),
			 1);
	struct store_commitment got;
	ck_assert_int_eq(store_commitment_get(s, id, &got, &err), 1);
	ck_assert_str_eq(got.what, "Write the runbook");
	ck_assert_str_eq(got.due, "2026-12-01");
	ck_assert_str_eq(got.created, "2026-11-20T09:00:00Z");
	ck_assert_int_eq(got.status, STORE_C_OPEN);
	store_commitment_clear(&got);
	/* Twice is refused: it is back already. */
	ck_assert_int_eq(store_commitment_restore(s, &kept, &err), -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	store_commitment_clear(&kept);
	store_close(s);
}
END_TEST

/* The step table names every step, and the done rules judge what the
 * store holds against what the session asks. */
START_TEST(steps_done_rules)
{
	ck_assert_str_eq(sessionsteps_name(STORE_STEP_FLAGS), "Red flags");
	ck_assert_str_eq(sessionsteps_short(STORE_STEP_COMMITMENTS), "Commit");
	ck_assert_ptr_null(sessionsteps_name(STORE_STEP_COUNT));
	ck_assert_ptr_null(sessionsteps_short(-1));

	struct sessionsteps_state st = {.answered = 3, .rated = 6,
					.open_earlier = 1};
	struct sessionsteps_scope sc = {.asked = 4, .pillars = 6};
	int done[STORE_STEP_COUNT];
	sessionsteps_done(&st, &sc, done);
	ck_assert_int_eq(done[STORE_STEP_FOLLOWUP], 0);
	ck_assert_int_eq(done[STORE_STEP_FLAGS], 0);
	ck_assert_int_eq(done[STORE_STEP_PILLARS], 1);
	ck_assert_int_eq(done[STORE_STEP_RESULTS], 0);
	ck_assert_int_eq(done[STORE_STEP_SUMMARY], 0);
	st.answered = 4;
	st.open_earlier = 0;
	st.made = 1;
	st.ladder_top = 1;
	st.has_note = 1;
	sc.complete = 1;
	sessionsteps_done(&st, &sc, done);
	for (int i = 0; i < STORE_STEP_COUNT; i++)
		ck_assert_msg(done[i], "step %d not done", i);
	/* Seeing the results is enough for them. */
	struct sessionsteps_state none = {0};
	struct sessionsteps_scope seen = {.asked = 4, .pillars = 6,
					  .results_seen = 1};
	sessionsteps_done(&none, &seen, done);
	ck_assert_int_eq(done[STORE_STEP_RESULTS], 1);
	ck_assert_int_eq(done[STORE_STEP_FOLLOWUP], 1);
	ck_assert_int_eq(done[STORE_STEP_COMMITMENTS], 0);
}
END_TEST

/* One read gathers it all: answers, ratings, commitments made here and
 * open ones from before, the ladder, the note. */
START_TEST(steps_read)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "P");
	int64_t old = t_session(s, p, "2026-10-01T08:00:00Z");
	int64_t now = t_session(s, p, "2026-11-01T08:00:00Z");
	struct store_commitment c = {.person_id = p, .session_id = old,
				     .what = "Earlier"};
	ck_assert_int_eq(store_commitment_add(s, &c, &err), 0);
	struct sessionsteps_state st;
	ck_assert_int_eq(sessionsteps_read(s, now, &st, &err), 0);
	ck_assert_int_eq(st.open_earlier, 1);
	ck_assert_int_eq(st.made, 0);
	ck_assert_int_eq(st.has_note, 0);

	struct store_commitment m = {.person_id = p, .session_id = now,
				     .what = "Here"};
	ck_assert_int_eq(store_commitment_add(s, &m, &err), 0);
	struct store_answer a = {.session_id = now, .item_id = "x",
				 .statement = "X", .value = 2};
	ck_assert_int_eq(store_answer_save(s, &a, &err), 0);
	ck_assert_int_eq(store_note_save(s, now, "hello", &err), 0);
	ck_assert_int_eq(sessionsteps_read(s, now, &st, &err), 0);
	ck_assert_int_eq(st.made, 1);
	ck_assert_int_eq(st.answered, 1);
	ck_assert_int_eq(st.has_note, 1);
	ck_assert_int_eq(st.open_earlier, 1);
	store_close(s);
}
END_TEST

TCase *store_sessions_tcase(void)
{
	TCase *tc = tcase_create("sessions");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_add_test(tc, last_coach);
	tcase_add_test(tc, edited_after_completion);
	tcase_add_test(tc, commitment_put_back);
	tcase_add_test(tc, steps_done_rules);
	tcase_add_test(tc, steps_read);
	return tc;
}
