/* csvimport_team.c - team rounds out of a detail export.
 *
 * A team_round row names its leader by person uuid, like a session; the
 * team_tally rows after it are its counts.  A round already here (the
 * same uuid) is left as it is and its counts skipped, so importing the
 * same file twice adds nothing.
 */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <stdio.h>
#include <string.h>

static int apply_round(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	snprintf(im->team_round_uuid, sizeof im->team_round_uuid, "%s", uuid);
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

static int apply_tally(struct imp *im, const struct row *r, int writing)
{
	if (strcmp(r->f[DCOL_ROUND], im->team_round_uuid) != 0) {
		csvimport_problem(im, r->line,
				  "team_tally row: its round %s is not the "
				  "team_round row above it",
				  r->f[DCOL_ROUND]);
		return 0;
	}
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
