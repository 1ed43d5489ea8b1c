/* sqlhelp.h - SQLite from outside the store, for the store's tests.
 *
 * Some tests must see a database file as another program would (the
 * sqlite3 shell, an older ownit): load a fixture, read a pragma, compare
 * schemas, ask for a query plan.  These open, run and read with SQLite
 * directly; any failure fails the test, naming the SQL.
 */
#ifndef OWNIT_TEST_SQLHELP_H
#define OWNIT_TEST_SQLHELP_H

#include <sqlite3.h>
#include <stdint.h>

/* Opens path (read-only, or read-write and created when missing). */
sqlite3 *sqlhelp_open(const char *path, int readonly);

/* Runs sql (any number of statements) to the end. */
void sqlhelp_exec(sqlite3 *db, const char *sql);

/* Column 0 of the one row sql gives: a number, or a malloc'd copy of the
 * text ("" for NULL). */
int64_t sqlhelp_int(sqlite3 *db, const char *sql);
char *sqlhelp_text(sqlite3 *db, const char *sql);

/* The details of sql's EXPLAIN QUERY PLAN, each followed by "; ";
 * malloc'd. */
char *sqlhelp_plan(sqlite3 *db, const char *sql);

/* The same on a file, opened for the one call: sqlhelp_file_exec
 * read-write (created when missing), the others read-only. */
void sqlhelp_file_exec(const char *path, const char *sql);
int64_t sqlhelp_file_int(const char *path, const char *sql);
char *sqlhelp_file_text(const char *path, const char *sql);

#endif
