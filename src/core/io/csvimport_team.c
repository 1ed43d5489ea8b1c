/* csvimport_team.c - team rounds out of a detail export.
 *
 * A team_round row names its leader by person uuid, like a session; the
 * team_tally rows after it are its counts.  A round already here (the
 * same uuid) is left as it is and its counts skipped, so importing the
 * same file twice adds nothing.
 */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct csvimport_team_sum {
	char *item;
	long answers;
	unsigned long line; /* where the bound was first passed, or 0 */
};

void csvimport_team_reset(struct imp *im)
{
	for (size_t i = 0; i < im->team_nsums; i++)
		free(im->team_sums[i].item);
	im->team_nsums = 0;
	csvimport_once_clear(&im->team_once);
}

static int apply_round(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	snprintf(im->team_round_uuid, sizeof im->team_round_uuid, "%s", uuid);
	csvimport_team_reset(im);
	im->team_round_responses = r->count;
	im->team_round_id = 0;
	im->team_round_skip = 0;
	im->team_round_bad = 1;
	int64_t person = 0;
	char here[STORE_UUID_SIZE];
	int found = csvimport_person_resolve(im, r->f[DCOL_PERSON], &person,
					     here);
	if (found < 0)
		return -1;
	if (!found) {
		csvimport_problem(im, r->line,
				  "team round %s: its person %s is neither in "
				  "a person row above nor in the database",
				  uuid, r->f[DCOL_PERSON]);
		return 0;
	}
	im->team_round_bad = 0;
	if (!writing || !person)
		return 0;
	struct error e = {0};
	struct store_team_round tr = {
		.person_id = person,
		.day = r->f[DCOL_DAY],
		.label = r->f[DCOL_TEXT][0] ? r->f[DCOL_TEXT] : NULL,
		.responses = (unsigned)r->count,
		.content_version = r->f[DCOL_CONTENT_VERSION],
	};
	snprintf(tr.uuid, sizeof tr.uuid, "%s", uuid);
	int rc = store_team_round_put(im->s, &tr, NULL, 0, &e);
	if (rc < 0)
		return csvimport_store_problem(im, r->line, &e);
	im->team_round_skip = rc == 1;
	im->team_round_id = tr.id;
	if (rc == 1)
		im->n->rounds_skipped++;
	else
		im->n->rounds_added++;
	return 0;
}

static struct csvimport_team_sum *team_sum(struct imp *im, const char *item)
{
	for (size_t i = 0; i < im->team_nsums; i++)
		if (strcmp(im->team_sums[i].item, item) == 0)
			return &im->team_sums[i];
	if (im->team_nsums == im->team_sums_cap) {
		size_t cap = im->team_sums_cap ? 2 * im->team_sums_cap : 32;
		struct csvimport_team_sum *v =
		    realloc(im->team_sums, cap * sizeof *v);
		if (!v)
			return NULL;
		im->team_sums = v;
		im->team_sums_cap = cap;
	}
	struct csvimport_team_sum *t = &im->team_sums[im->team_nsums];
	if (!(t->item = strdup(item)))
		return NULL;
	t->answers = 0;
	t->line = 0;
	im->team_nsums++;
	return t;
}

/* The store adds a second count of the same answer to the first, and
 * figures from more answers than members are impossible: both would
 * come in without a word and leave rounds no report can show. */
static int tally_fits(struct imp *im, const struct row *r)
{
	const char *item = r->f[DCOL_ITEM];
	char key[512];
	unsigned long first = 0;
	struct error e = {0};
	/* A statement id too long for the key is no statement of the
	 * content's: the round's row reports it, not this check. */
	int n = snprintf(key, sizeof key, "%d:%s", r->value, item);
	int met = n < 0 || (size_t)n >= sizeof key
			  ? 0
			  : csvimport_once_put(&im->team_once, R_TEAM_TALLY,
					       key, r->line, &first, &e);
	if (met < 0)
		return csvimport_store_problem(im, r->line, &e);
	if (met) {
		csvimport_problem(im, r->line,
				  "team round %s counts answer %d to \"%.40s\" "
				  "twice; its first count is at %s:%lu, and a "
				  "round counts each answer once",
				  im->team_round_uuid, r->value, item, im->name,
				  first);
		return 0;
	}
	struct csvimport_team_sum *t = team_sum(im, item);
	if (!t) {
		error_errno(&e, ERROR_RUNTIME, ENOMEM, "importing team rounds");
		return csvimport_store_problem(im, r->line, &e);
	}
	t->answers += r->count;
	if (t->answers > im->team_round_responses && !t->line) {
		t->line = r->line;
		csvimport_problem(im, r->line,
				  "team round %s: \"%.40s\" has %ld answers "
				  "counted so far, more than the round's %ld "
				  "responses",
				  im->team_round_uuid, item, t->answers,
				  im->team_round_responses);
	}
	return 0;
}

static int apply_tally(struct imp *im, const struct row *r, int writing)
{
	if (strcmp(r->f[DCOL_ROUND], im->team_round_uuid) != 0) {
		csvimport_problem(im, r->line,
				  "team_tally row: its round %s is not the "
				  "team_round row above it",
				  r->f[DCOL_ROUND]);
		return 0;
	}
	size_t before = im->problems;
	if (tally_fits(im, r) < 0)
		return -1;
	if (im->problems != before)
		return 0;
	if (!writing || im->team_round_bad || im->team_round_skip ||
	    !im->team_round_id)
		return 0;
	struct error e = {0};
	struct store_team_tally t = {r->f[DCOL_ITEM], r->f[DCOL_TEXT],
				     r->value, (unsigned)r->count};
	if (store_team_tally_add(im->s, im->team_round_id, &t, &e))
		return csvimport_store_problem(im, r->line, &e);
	return 0;
}

int csvimport_apply_team(struct imp *im, const struct row *r, int writing)
{
	return r->type == R_TEAM_ROUND ? apply_round(im, r, writing)
				       : apply_tally(im, r, writing);
}
