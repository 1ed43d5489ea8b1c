/* sqlhelp.c - SQLite from outside the store, for the store's tests. */
#include "config.h"

#include "sqlhelp.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

sqlite3 *sqlhelp_open(const char *path, int readonly)
{
	sqlite3 *db = NULL;
	int flags = readonly ? SQLITE_OPEN_READONLY
			     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &db, flags, NULL);
	ck_assert_msg(rc == SQLITE_OK, "opening %s: %s", path,
		      sqlite3_errstr(rc));
	return db;
}

void sqlhelp_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
}

/* sql prepared and stepped to its one row. */
static sqlite3_stmt *one_row(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
		      "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row (%s)", sql,
		      sqlite3_errmsg(db));
	return st;
}

int64_t sqlhelp_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = one_row(db, sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *sqlhelp_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = one_row(db, sql);
	const char *t = (const char *)sqlite3_column_text(st, 0);
	char *copy = strdup(t ? t : "");
	ck_assert_ptr_nonnull(copy);
	sqlite3_finalize(st);
	return copy;
}

char *sqlhelp_plan(sqlite3 *db, const char *sql)
{
	char *q = NULL, *plan = NULL;
	size_t len = 0;
	ck_assert_int_ge(asprintf(&q, "EXPLAIN QUERY PLAN %s", sql), 0);
	FILE *out = open_memstream(&plan, &len);
	ck_assert_ptr_nonnull(out);
	sqlite3_stmt *st = NULL;
	ck_assert_msg(sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK,
		      "%s: %s", q, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(out, "%s; ", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	ck_assert_int_eq(fclose(out), 0);
	free(q);
	return plan;
}

void sqlhelp_file_exec(const char *path, const char *sql)
{
	sqlite3 *db = sqlhelp_open(path, 0);
	sqlhelp_exec(db, sql);
	sqlite3_close(db);
}

int64_t sqlhelp_file_int(const char *path, const char *sql)
{
	sqlite3 *db = sqlhelp_open(path, 1);
	int64_t v = sqlhelp_int(db, sql);
	sqlite3_close(db);
	return v;
}

char *sqlhelp_file_text(const char *path, const char *sql)
{
	sqlite3 *db = sqlhelp_open(path, 1);
	char *t = sqlhelp_text(db, sql);
	sqlite3_close(db);
	return t;
}
