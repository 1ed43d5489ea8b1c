/* test_store.h - what the store's test files share. */
#ifndef OWNIT_TEST_STORE_H
#define OWNIT_TEST_STORE_H

#include <check.h>
#include <limits.h>

#include "core/store/store.h"

/* A fresh temporary folder per test (setup/teardown) and a database path
 * inside it. */
extern char t_dir[256];
extern char t_db[512];
void t_setup(void);
void t_teardown(void);

/* Opens t_db (creating it) or fails the test. */
struct store *t_open(void);

/* Adds a person and an open session, returning their ids. */
int64_t t_person(struct store *s, const char *name);
int64_t t_session(struct store *s, int64_t person, const char *started);

/* The whole content of a file (malloc'd; *len set), NULL if missing. */
char *t_slurp(const char *path, size_t *len);

TCase *store_errors_tcase(void);
TCase *store_sessions_tcase(void);
TCase *store_rows_tcase(void);

#endif
