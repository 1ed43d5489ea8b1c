/* test_store_rows.c - the frame every store read stands in (store_int.h):
 * one row or none, every row until the caller stops, a failed step told
 * with what was being done, texts owned after the row is gone, and what
 * was copied freed when a copy fails. */
#include "config.h"

#include "test_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/store_int.h"
#include "core/store/store_page.h"

/* A statement over three numbered rows, n = 1..3; rows past ?1 only. */
static const char three_rows[] =
	"WITH RECURSIVE r(n, t) AS (SELECT 1, 'one' UNION ALL "
	"SELECT n + 1, CASE n WHEN 1 THEN NULL ELSE 'three' END FROM r "
	"WHERE n < 3) SELECT n, t FROM r WHERE n > ?1";

/* Fails when stepped: the integer overflows at run time, not when
 * prepared, as a full disk or a busy lock would. */
static const char fails_on_step[] = "SELECT abs(-9223372036854775807 - ?1)";

struct got {
	int n[4];
	size_t count;
	size_t stop_at; /* return 7 at this row (1-based), 0: never */
};

static int count_row(sqlite3_stmt *st, void *ctx)
{
	struct got *g = ctx;
	g->n[g->count++] = sqlite3_column_int(st, 0);
	return g->count == g->stop_at ? 7 : 0;
}

START_TEST(each_row_until_stopped)
{
	struct store *s = t_open();
	struct error err = {0};
	struct got g = {.stop_at = 0};
	sqlite3_stmt *st =
	    store_stmt_for_id(s, three_rows, 1, "counting", &err);
	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(
	    store_rows_each(s, st, count_row, &g, "counting", &err), 0);
	/* ?1 was bound to the id: rows after the first only. */
	ck_assert_uint_eq(g.count, 2);
	ck_assert_int_eq(g.n[0], 2);
	ck_assert_int_eq(g.n[1], 3);

	struct got h = {.stop_at = 1};
	st = store_stmt_for_id(s, three_rows, 0, "counting", &err);
	ck_assert_int_eq(
	    store_rows_each(s, st, count_row, &h, "counting", &err), 7);
	ck_assert_uint_eq(h.count, 1);
	/* The statement was given back: the cache hands it out again. */
	st = store_stmt_for_id(s, three_rows, 3, "counting", &err);
	struct got none = {.stop_at = 0};
	ck_assert_int_eq(
	    store_rows_each(s, st, count_row, &none, "counting", &err), 0);
	ck_assert_uint_eq(none.count, 0);
	store_close(s);
}
END_TEST

START_TEST(each_step_failure_told)
{
	struct store *s = t_open();
	struct error err = {0};
	struct got g = {.stop_at = 0};
	sqlite3_stmt *st =
	    store_stmt_for_id(s, fails_on_step, 1, "adding up", &err);
	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(
	    store_rows_each(s, st, count_row, &g, "adding up", &err), -1);
	ck_assert_uint_eq(g.count, 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "adding up"));
	store_close(s);
}
END_TEST

/* The text of column 1, owned; fails (as a malloc would) for row 3. */
struct text_out {
	const char *t;
	int cleared;
};

static int text_read(sqlite3_stmt *st, void *out)
{
	struct text_out *o = out;
	o->t = store_col_text(st, 1);
	const char **const texts[] = {&o->t};
	if (store_row_own(texts, 1))
		return -1;
	return sqlite3_column_int(st, 0) == 3 ? -1 : 0;
}

static void text_clear(void *out)
{
	struct text_out *o = out;
	free((char *)o->t);
	o->t = NULL;
	o->cleared++;
}

static const struct row_reader reader = {text_read, text_clear};

/* The first row past id of three_rows, through store_row_get. */
static int get_after(struct store *s, int64_t id, struct text_out *o,
		     struct error *err)
{
	memset(o, 0, sizeof *o);
	sqlite3_stmt *st = store_stmt_for_id(s, three_rows, id, "reading", err);
	ck_assert_ptr_nonnull(st);
	return store_row_get(s, st, &reader, o, "reading", err);
}

START_TEST(get_one_row)
{
	struct store *s = t_open();
	struct error err = {0};
	struct text_out o;
	ck_assert_int_eq(get_after(s, 0, &o, &err), 1);
	/* A copy: it outlives the statement, which the next read reuses. */
	struct text_out next;
	ck_assert_int_eq(get_after(s, 4, &next, &err), 0);
	ck_assert_str_eq(o.t, "one");
	ck_assert_int_eq(o.cleared, 0);
	text_clear(&o);
	/* A NULL column stays NULL. */
	ck_assert_int_eq(get_after(s, 1, &o, &err), 1);
	ck_assert_ptr_null(o.t);
	ck_assert_int_eq(next.cleared, 0);
	store_close(s);
}
END_TEST

START_TEST(get_failed_copy_cleared)
{
	struct store *s = t_open();
	struct error err = {0};
	struct text_out o;
	ck_assert_int_eq(get_after(s, 2, &o, &err), -1);
	ck_assert_int_eq(o.cleared, 1);
	ck_assert_ptr_null(o.t);
	ck_assert_int_eq(err.kind, ERROR_RUNTIME);
	ck_assert_ptr_nonnull(strstr(err.msg, "reading"));
	/* A failed step: told, and nothing to clear. */
	struct error err2 = {0};
	memset(&o, 0, sizeof o);
	sqlite3_stmt *st =
	    store_stmt_for_id(s, fails_on_step, 1, "adding up", &err2);
	ck_assert_int_eq(store_row_get(s, st, &reader, &o, "adding up", &err2),
			 -1);
	ck_assert_int_eq(o.cleared, 0);
	ck_assert_ptr_nonnull(strstr(err2.msg, "adding up"));
	store_close(s);
}
END_TEST

START_TEST(own_copies_every_text)
{
	char a[] = "alpha", b[] = "beta";
	const char *x = a, *y = NULL, *z = b;
	const char **const texts[] = {&x, &y, &z};
	ck_assert_int_eq(store_row_own(texts, 3), 0);
	ck_assert_ptr_ne(x, a);
	ck_assert_ptr_ne(z, b);
	ck_assert_ptr_null(y);
	a[0] = b[0] = '?';
	ck_assert_str_eq(x, "alpha");
	ck_assert_str_eq(z, "beta");
	free((char *)x);
	free((char *)z);
}
END_TEST

/* One number from one row: the row's first column, 0 and no row, or a
 * failure told, and in each case the statement given back. */
START_TEST(int_get_one_number)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t v = 99;
	sqlite3_stmt *st = store_stmt_for_id(s, three_rows, 1, "reading", &err);
	ck_assert_int_eq(store_int_get(s, st, &v, "reading", &err), 1);
	ck_assert_int_eq(v, 2);
	/* No row: 0, and no number left over from before. */
	v = 99;
	st = store_stmt_for_id(s, three_rows, 3, "reading", &err);
	ck_assert_int_eq(store_int_get(s, st, &v, "reading", &err), 0);
	ck_assert_int_eq(v, 0);
	v = 99;
	st = store_stmt_for_id(s, fails_on_step, 1, "adding up", &err);
	ck_assert_int_eq(store_int_get(s, st, &v, "adding up", &err), -1);
	ck_assert_int_eq(v, 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "adding up"));
	/* Given back every time: the cached statement serves again. */
	st = store_stmt_for_id(s, three_rows, 0, "reading", &err);
	ck_assert_int_eq(store_int_get(s, st, &v, "reading", &err), 1);
	ck_assert_int_eq(v, 1);
	store_close(s);
}
END_TEST

static const char count_rows[] =
    "SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL "
    "SELECT 3) WHERE ?1 = ?1";

START_TEST(count_rows_counted)
{
	struct store *s = t_open();
	struct error err = {0};
	size_t n = 99;
	sqlite3_stmt *st =
	    store_stmt_for_id(s, count_rows, 0, "counting", &err);
	ck_assert_int_eq(store_count(s, st, &n, "counting", &err), 0);
	ck_assert_uint_eq(n, 3);
	/* A statement with no row counts nothing. */
	n = 99;
	st = store_stmt_for_id(s, three_rows, 3, "counting", &err);
	ck_assert_int_eq(store_count(s, st, &n, "counting", &err), 0);
	ck_assert_uint_eq(n, 0);
	n = 99;
	st = store_stmt_for_id(s, fails_on_step, 1, "counting up", &err);
	ck_assert_int_eq(store_count(s, st, &n, "counting up", &err), -1);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "counting up"));
	store_close(s);
}
END_TEST

/* A write of one row by id: the row changed (with ?2 bound when the SQL
 * has it), a missing id named as the user's mistake, nothing left open. */
START_TEST(write_by_id_one_row)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "A");
	static const char rename[] =
	    "UPDATE person SET role = ?2 WHERE id = ?1";
	ck_assert_int_eq(
	    store_write_by_id(s, rename, "person", p, "Lead", "renaming", &err),
	    0);
	struct store_person got;
	ck_assert_int_eq(store_person_get(s, p, &got, &err), 1);
	ck_assert_str_eq(got.role, "Lead");
	store_person_clear(&got);
	ck_assert_int_eq(store_write_by_id(s, rename, "person", p + 7, "x",
					   "renaming", &err),
			 -1);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	char want[64];
	snprintf(want, sizeof want, "no person with id %lld", (long long)p + 7);
	ck_assert_str_eq(err.msg, want);
	/* The failed write was rolled back: the next one can begin. */
	static const char drop[] = "DELETE FROM person WHERE id = ?1";
	ck_assert_int_eq(
	    store_write_by_id(s, drop, "person", p, NULL, "deleting", &err), 0);
	ck_assert_int_eq(store_person_get(s, p, &got, &err), 0);
	store_close(s);
}
END_TEST

/* The gets keep their contract through the frame: a ladder not yet
 * started reads as none, with nothing set. */
START_TEST(ladder_none_leaves_nothing)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "A");
	int64_t ses = t_session(s, p, "2026-10-01T08:00:00Z");
	struct store_ladder l;
	ck_assert_int_eq(store_ladder_get(s, ses, &l, &err), 0);
	ck_assert_int_eq(l.session_id, 0);
	ck_assert_ptr_null(l.situation);
	struct store_ladder put = {.session_id = ses, .situation = "Late",
				   .start_rung = 2, .reached_rung = 5};
	ck_assert_int_eq(store_ladder_save(s, &put, &err), 0);
	ck_assert_int_eq(store_ladder_get(s, ses, &l, &err), 1);
	ck_assert_int_eq(l.session_id, ses);
	ck_assert_str_eq(l.situation, "Late");
	ck_assert_int_eq(l.reached_rung, 5);
	store_ladder_clear(&l);
	store_close(s);
}
END_TEST

/* store_watch_*: the first statement that ran while watched, cached
 * ones too (the TUI's draw check rests on this), and none after. */
START_TEST(watch_tells_the_first_statement)
{
	struct store *s = t_open();
	struct error err = {0};
	int64_t p = t_person(s, "A");
	struct store_person got;
	store_watch_begin(s);
	ck_assert_ptr_null(store_watch_end(s));
	ck_assert_int_eq(store_person_get(s, p, &got, &err), 1);
	store_person_clear(&got);
	store_watch_begin(s);
	ck_assert_int_eq(store_person_get(s, p, &got, &err), 1);
	store_person_clear(&got);
	ck_assert_int_eq(store_people_exist(s, &err), 1);
	const char *sql = store_watch_end(s);
	ck_assert_ptr_nonnull(sql);
	ck_assert_msg(strstr(sql, "FROM person p WHERE p.id = ?1"), "%s", sql);
	store_watch_begin(s);
	ck_assert_ptr_null(store_watch_end(s));
	ck_assert_int_eq(store_people_exist(s, &err), 1);
	ck_assert_ptr_null(store_watch_end(s));
	store_close(s);
}
END_TEST

TCase *store_rows_tcase(void)
{
	TCase *tc = tcase_create("rows");
	tcase_add_checked_fixture(tc, t_setup, t_teardown);
	tcase_add_test(tc, each_row_until_stopped);
	tcase_add_test(tc, each_step_failure_told);
	tcase_add_test(tc, get_one_row);
	tcase_add_test(tc, get_failed_copy_cleared);
	tcase_add_test(tc, own_copies_every_text);
	tcase_add_test(tc, int_get_one_number);
	tcase_add_test(tc, count_rows_counted);
	tcase_add_test(tc, write_by_id_one_row);
	tcase_add_test(tc, ladder_none_leaves_nothing);
	tcase_add_test(tc, watch_tells_the_first_statement);
	return tc;
}
