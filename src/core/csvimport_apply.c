/* csvimport_apply.c - a checked detail row merged into the store.
 *
 * People are matched by name, then uuid; sessions, commitments and notes
 * already present (same uuid) are skipped with what is inside them.
 */
#include "config.h"

#include "core/csvimport_int.h"

#include <string.h>

#include "core/store_export.h"

/* The field of column c, or NULL when empty (optional text). */
static const char *opt(const struct row *r, int c)
{
	return r->f[c][0] ? r->f[c] : NULL;
}

/* --------------------------------------------------------------- people */

/* The person a file uuid stands for: one imported (or matched) above,
 * else one already in the database.  1 found, 0 not, -1 failure. */
static int person_of(struct imp *im, const char *uuid, int64_t *id)
{
	for (size_t i = 0; i < im->npeople; i++) {
		if (strcmp(im->people[i].uuid, uuid) == 0) {
			*id = im->people[i].id;
			return 1;
		}
	}
	struct error e = {0};
	int r = store_person_find_uuid(im->s, uuid, id, &e);
	if (r < 0)
		return csvimport_store_problem(im, 0, &e) < 0 ? -1 : 0;
	return r;
}

static int remember_person(struct imp *im, const char *uuid, int64_t id)
{
	if (csvimport_grow(im, (void **)&im->people, &im->people_cap,
			   im->npeople + 1, sizeof *im->people))
		return -1;
	struct uuid_id *p = &im->people[im->npeople++];
	memcpy(p->uuid, uuid, sizeof p->uuid);
	p->id = id;
	return 0;
}

static int apply_person(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	int64_t id = 0;
	for (size_t i = 0; i < im->npeople; i++) {
		if (strcmp(im->people[i].uuid, uuid) == 0) {
			csvimport_problem(im, r->line,
					  "person %s appears twice", uuid);
			return 0;
		}
	}
	if (!writing)
		return remember_person(im, uuid, 0);
	struct error e = {0};
	int found = store_person_find(im->s, r->f[DCOL_NAME], &id, &e);
	if (found == 0)
		found = store_person_find_uuid(im->s, uuid, &id, &e);
	if (found < 0)
		return csvimport_store_problem(im, r->line, &e);
	if (found) {
		im->n->people_skipped++;
		return remember_person(im, uuid, id);
	}
	struct store_person p = {
	    .name = r->f[DCOL_NAME],
	    .role = opt(r, DCOL_ROLE),
	    .team = opt(r, DCOL_TEAM),
	    .created = r->f[DCOL_TIME],
	    .archived = r->archived,
	};
	memcpy(p.uuid, uuid, sizeof p.uuid);
	if (store_person_add(im->s, &p, &e))
		return csvimport_store_problem(im, r->line, &e);
	im->n->people_added++;
	return remember_person(im, uuid, p.id);
}

/* ------------------------------------------------------------- sessions */

static int apply_session(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	memcpy(im->session_uuid, uuid, sizeof im->session_uuid);
	im->session_id = 0;
	im->session_skip = 0;
	im->session_bad = 1; /* until it is known to be fine */
	int64_t person = 0;
	int found = person_of(im, r->f[DCOL_PERSON], &person);
	if (found < 0)
		return -1;
	if (!found) {
		csvimport_problem(im, r->line,
				  "session %s: its person %s is neither in "
				  "a person row above nor in the database",
				  uuid, r->f[DCOL_PERSON]);
		return 0;
	}
	im->session_bad = 0;
	im->session_person = person;
	if (!writing)
		return 0;
	struct error e = {0};
	found = store_session_find_uuid(im->s, uuid, &im->session_id, &e);
	if (found < 0)
		return csvimport_store_problem(im, r->line, &e);
	if (found) {
		im->session_skip = 1;
		im->n->sessions_skipped++;
		return 0;
	}
	struct store_session ses = {
	    .person_id = person,
	    .kind = (enum store_kind)r->kind,
	    .coach = opt(r, DCOL_COACH),
	    .started = r->f[DCOL_TIME],
	    .completed = opt(r, DCOL_CLOSED),
	    .status = (enum store_status)r->status,
	    .content_version = r->f[DCOL_CONTENT_VERSION],
	    .step = r->step,
	};
	memcpy(ses.uuid, uuid, sizeof ses.uuid);
	if (store_session_add(im->s, &ses, &e)) {
		im->session_bad = 1;
		return csvimport_store_problem(im, r->line, &e);
	}
	im->session_id = ses.id;
	im->n->sessions_added++;
	return 0;
}

/* Rows inside a session follow their session row. */
static int in_session(struct imp *im, const struct row *r)
{
	const char *want = r->f[DCOL_SESSION];
	if (!im->session_uuid[0]) {
		csvimport_problem(im, r->line,
				  "%s row: no session row above it",
				  csvimport_rtypes[r->type].name);
		return 0;
	}
	if (strcmp(want, im->session_uuid) != 0) {
		csvimport_problem(im, r->line,
				  "%s row: it belongs to session %s, but "
				  "the session row above it is %s",
				  csvimport_rtypes[r->type].name, want,
				  im->session_uuid);
		return 0;
	}
	return 1;
}

/* The id of the session a commitment's follow-up happened in: known
 * now, or to be linked at the end. */
static int reviewed_in(struct imp *im, const char *uuid, int64_t *id,
		       unsigned long line)
{
	struct error e = {0};
	*id = 0;
	int found = store_session_find_uuid(im->s, uuid, id, &e);
	if (found < 0)
		return csvimport_store_problem(im, line, &e);
	return found;
}

static int apply_commitment(struct imp *im, const struct row *r)
{
	struct error e = {0};
	int64_t id = 0, person = 0, review = 0;
	int found = store_commitment_find_uuid(im->s, r->f[DCOL_UUID], &id, &e);
	if (found < 0)
		return csvimport_store_problem(im, r->line, &e);
	if (found || im->session_skip) {
		im->n->commitments_skipped++;
		return 0;
	}
	if ((found = person_of(im, r->f[DCOL_PERSON], &person)) <= 0) {
		if (found == 0)
			csvimport_problem(
			    im, r->line,
			    "commitment %s: its person %s is "
			    "neither in a person row above nor in the "
			    "database",
			    r->f[DCOL_UUID], r->f[DCOL_PERSON]);
		return found;
	}
	const char *rs = opt(r, DCOL_REVIEWED_IN);
	int linked = 0;
	if (rs && (linked = reviewed_in(im, rs, &review, r->line)) < 0)
		return -1;
	struct store_commitment c = {
	    .person_id = person,
	    .session_id = im->session_id,
	    .what = r->f[DCOL_TEXT],
	    .owner = opt(r, DCOL_OWNER),
	    .due = opt(r, DCOL_DUE),
	    .status = (enum store_cstatus)r->status,
	    .reviewed_session_id = review,
	    .obstacle = opt(r, DCOL_OBSTACLE),
	    .created = r->f[DCOL_TIME],
	    .reviewed = opt(r, DCOL_CLOSED),
	    .helped = opt(r, DCOL_HELPED),
	    .differently = opt(r, DCOL_DIFFERENTLY),
	};
	memcpy(c.uuid, r->f[DCOL_UUID], sizeof c.uuid);
	if (store_commitment_add(im->s, &c, &e))
		return csvimport_store_problem(im, r->line, &e);
	im->n->commitments_added++;
	if (rs && !linked) {
		if (csvimport_grow(im, (void **)&im->reviews, &im->reviews_cap,
				   im->nreviews + 1, sizeof *im->reviews))
			return -1;
		struct pending_review *p = &im->reviews[im->nreviews++];
		p->commitment = c.id;
		memcpy(p->session, rs, sizeof p->session);
	}
	return 0;
}

/* A row that lives inside the current session. */
static int apply_inner(struct imp *im, const struct row *r, int writing)
{
	if (!in_session(im, r))
		return 0;
	if (!writing || im->session_bad)
		return 0;
	if (r->type == R_COMMITMENT)
		return apply_commitment(im, r);
	if (im->session_skip)
		return 0;
	struct error e = {0};
	int rc = 0;
	int64_t sid = im->session_id;
	switch (r->type) {
	case R_ANSWER: {
		struct store_answer a = {
		    sid,      r->f[DCOL_ITEM],	 r->f[DCOL_TEXT],
		    r->value, opt(r, DCOL_NOTE), r->f[DCOL_TIME]};
		rc = store_answer_save(im->s, &a, &e);
		break;
	}
	case R_RATING: {
		struct store_rating a = {sid, r->f[DCOL_ITEM], r->value,
					 opt(r, DCOL_NOTE), r->f[DCOL_TIME]};
		rc = store_rating_save(im->s, &a, &e);
		break;
	}
	case R_LADDER: {
		struct store_ladder l = {sid, r->f[DCOL_TEXT], r->start,
					 r->reached, r->f[DCOL_TIME]};
		rc = store_ladder_save(im->s, &l, &e);
		break;
	}
	case R_STEP: {
		struct store_ladder_step st = {sid, r->rung, r->f[DCOL_TEXT],
					       r->f[DCOL_TIME]};
		rc = store_ladder_step_put(im->s, &st, &e);
		break;
	}
	case R_NOTE: {
		struct store_note n = {.session_id = sid,
				       .body = r->f[DCOL_TEXT],
				       .updated = r->f[DCOL_TIME]};
		memcpy(n.uuid, r->f[DCOL_UUID], sizeof n.uuid);
		rc = store_note_put(im->s, &n, &e);
		break;
	}
	default:
		break;
	}
	return rc ? csvimport_store_problem(im, r->line, &e) : 0;
}

int csvimport_apply_row(struct imp *im, const struct row *r, int writing)
{
	if (r->type == R_PERSON)
		return apply_person(im, r, writing);
	if (r->type == R_SESSION)
		return apply_session(im, r, writing);
	return apply_inner(im, r, writing);
}
