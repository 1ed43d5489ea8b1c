/* test_store_version.c - two ownit on one database: a note saved over a
 * change the other made since it was read is refused, not lost. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/store.h"

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
	SRunner *sr = srunner_create(su);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
