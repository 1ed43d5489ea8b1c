/* csvseed.h - a small known database for the export, import and report
 * tests, built through the store API in a private temporary folder. */
#ifndef OWNIT_TEST_CSVSEED_H
#define OWNIT_TEST_CSVSEED_H

#include <stddef.h>
#include <stdint.h>

#include "core/content/content.h"
#include "core/store/store.h"

/* The note of the first session: a comma, quotes, a line break, non-ASCII
 * text and a leading '=' (a formula to a spreadsheet). */
#define SEED_NOTE "=SUM(A1) said \"Zoë\", then left;\nsecond line, ünïcödé"

struct seed {
	char dir[64];
	struct store *s;
	struct content *c;
	int64_t ada, bo;         /* people */
	int64_t s1, s2, s3;      /* Ada's two sessions, Bo's one */
	char s1_uuid[STORE_UUID_SIZE];
	char s2_uuid[STORE_UUID_SIZE];
};

/* Creates seed.db in a new temporary folder and fills it:
 *  - Ada (role "Lead, platform"), Bo
 *  - s1 (Ada, coaching, coach "Dana", complete): answers to every
 *    vague-updates statement (3,3,3,3 and reverse 5 = 1 -> 3.00) and
 *    slow-escalation-1 = 2 (-> 2.00), a note-only answer, ratings clarity 4
 *    and vision 3, a ladder 2 -> 4 with two steps, two commitments, the
 *    note SEED_NOTE
 *  - s2 (Ada, later, open): reviews one commitment kept and one missed
 *  - s3 (Bo, self, no coach, nothing answered). */
void seed_make(struct seed *sd);

/* Opens another empty database beside the seed one. */
struct store *seed_empty(struct seed *sd, const char *name);

/* Closes everything and removes the folder. */
void seed_free(struct seed *sd);

/* Reads a whole stream written by a test into a malloc'd string. */
char *seed_slurp(const char *path, size_t *len);

#endif
