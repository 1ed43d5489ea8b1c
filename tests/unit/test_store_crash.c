/* test_store_crash.c - kill -9 never loses a committed answer.
 *
 * Each round, a child process opens the database and saves answers (and
 * the note, as the editor does while typing), writing the number of each
 * one to a pipe as soon as the save has returned.  The parent reads a
 * pseudo-random number of reports, then SIGKILLs the child wherever it is
 * (mid-statement, mid-commit, mid-open) and reads what else was reported.
 * Then the database must pass integrity_check and hold every answer
 * reported.  The seed is fixed; nothing depends on timing.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/store/store.h"
#include "unit.h"

#define ROUNDS 60
#define MAX_WRITES 200

static char dir[256], db[512];

static void setup(void)
{
	unit_tmpdir(dir, sizeof dir, "crash");
	snprintf(db, sizeof db, "%s/ownit.db", dir);
}

static void teardown(void)
{
	unit_rmdir(dir);
}

static uint32_t next(uint64_t *x)
{
	*x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*x >> 33);
}

/* The child: never returns. */
static void writer(int64_t session, int fd)
{
	struct error err = {0};
	struct store *s = store_open(db, 0, &err);
	if (!s)
		_exit(3);
	char note[MAX_WRITES * 8 + 1] = "";
	for (int i = 0; i < MAX_WRITES; i++) {
		char item[32];
		snprintf(item, sizeof item, "item-%d", i);
		struct store_answer a = {.session_id = session, .item_id = item,
					 .statement = "A statement as shown",
					 .value = i % 5};
		if (store_answer_save(s, &a, &err))
			_exit(4);
		strcat(note, "typed. ");
		if (store_note_save(s, session, note, &err))
			_exit(5);
		if (write(fd, &i, sizeof i) != (ssize_t)sizeof i)
			_exit(6);
	}
	store_close(s);
	_exit(0);
}

struct round_check {
	int reported;
	int seen[MAX_WRITES];
};

static int mark(const struct store_answer *a, void *ud)
{
	struct round_check *rc = ud;
	int i = atoi(a->item_id + 5);
	ck_assert_int_lt(i, MAX_WRITES);
	ck_assert_int_eq(a->value, i % 5);
	rc->seen[i] = 1;
	return 0;
}

START_TEST(sigkill_loses_nothing)
{
	uint64_t seed = 0x0c0ffee5eedULL;
	struct error err = {0};
	int killed_early = 0, total_reported = 0;
	for (int round = 0; round < ROUNDS; round++) {
		struct store *s = store_open(db, STORE_CREATE, &err);
		ck_assert_msg(s != NULL, "round %d: %s", round, err.msg);
		char name[32];
		snprintf(name, sizeof name, "round %d", round);
		struct store_person p = {.name = name};
		ck_assert_int_eq(store_person_add(s, &p, &err), 0);
		struct store_session ses = {.person_id = p.id,
					    .content_version = "t",
					    .step = -1};
		ck_assert_int_eq(store_session_add(s, &ses, &err), 0);
		store_close(s);

		int fds[2];
		ck_assert_int_eq(pipe(fds), 0);
		/* 0 kills it before it reports anything (during open). */
		int wait_for = (int)(next(&seed) % 40);
		pid_t pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			close(fds[0]);
			writer(ses.id, fds[1]);
		}
		close(fds[1]);
		struct round_check rc = {0};
		int i;
		while (rc.reported < wait_for &&
		       read(fds[0], &i, sizeof i) == (ssize_t)sizeof i)
			rc.reported++;
		kill(pid, SIGKILL);
		/* Reports already in the pipe were committed too. */
		while (read(fds[0], &i, sizeof i) == (ssize_t)sizeof i)
			rc.reported++;
		close(fds[0]);
		int status;
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert_msg(WIFSIGNALED(status) || WEXITSTATUS(status) == 0,
			      "round %d: writer failed with %d", round,
			      WEXITSTATUS(status));
		killed_early += wait_for == 0;
		total_reported += rc.reported;

		s = store_open(db, 0, &err);
		ck_assert_msg(s != NULL, "round %d: reopen: %s", round,
			      err.msg);
		ck_assert_int_eq(store_check(s, NULL, NULL, &err), 0);
		ck_assert_int_eq(store_answers_each(s, ses.id, mark, &rc, &err),
				 0);
		for (int k = 0; k < rc.reported; k++)
			ck_assert_msg(rc.seen[k], "round %d: answer %d of %d "
				      "reported but lost",
				      round, k, rc.reported);
		if (rc.reported > 0) {
			char *body;
			ck_assert_int_eq(store_note_get(s, ses.id, &body, &err),
					 1);
			ck_assert_uint_ge(strlen(body),
					  (size_t)rc.reported * 7);
			free(body);
		}
		store_close(s);
	}
	ck_assert_int_gt(killed_early, 0);
	ck_assert_int_gt(total_reported, ROUNDS);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store_crash");
	TCase *tc = tcase_create("crash");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, sigkill_loses_nothing);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
