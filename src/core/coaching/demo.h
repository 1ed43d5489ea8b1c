/* demo.h - a sample coaching history, for `ownit demo FILE` and
 * `ownit --demo`.
 *
 * Three people and several months of sessions: answers, pillar ratings,
 * ladder climbs, commitments (kept, partly, missed, renegotiated, open and
 * overdue) and notes with commas, quotes, line breaks and non-ASCII text.
 * The sample is the same every time for a given ownit and content (uuids
 * included); only its dates move, as they are counted back from today
 * (OWNIT_TODAY, see dates.h, pins them).
 */
#ifndef OWNIT_DEMO_H
#define OWNIT_DEMO_H

#include "core/base/error.h"

struct store;
struct content;

/* How much history demo_seed writes. */
#define DEMO_PEOPLE 3

/* Writes the sample into s, one transaction.  The statement texts, item
 * and pillar ids and version come from content; with content NULL the
 * shipped ids are used with short placeholder statements.  Fails if a
 * demo person's name is already taken. */
int demo_seed(struct store *s, const struct content *content,
	      struct error *err);

/* Makes a private temporary folder (0700, under $TMPDIR or /tmp) and
 * returns the malloc'd path of a database file inside it, not yet
 * created; *dir gets the malloc'd folder.  demo_remove deletes the
 * database with its -wal/-shm files and the folder. */
char *demo_tempdb(char **dir, struct error *err);
void demo_remove(const char *dir, const char *db);

#endif
