/* csvimport_apply.c - a checked detail row merged into the store.
 *
 * A record whose uuid was met before (in the file or the database) is
 * skipped when identical and a problem otherwise (csvimport_dup.c); a
 * person with a new uuid is matched by name.  A skipped session is
 * skipped with what is inside it.
 */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <stdio.h>
#include <string.h>

#include "core/store/store_export.h"
#include "core/store/store_import.h"

/* The field of column c, or NULL when empty (optional text). */
static const char *opt(const struct row *r, int c)
{
	return r->f[c][0] ? r->f[c] : NULL;
}

/* --------------------------------------------------------------- people */

/* Ends the import on a system failure in e. */
static int fail(struct imp *im, const struct error *e)
{
	*im->err = *e;
	im->failed = 1;
	return -1;
}

/* The person a file uuid stands for: one read (or matched) above, else
 * one already in the database.  1 found, 0 not, -1 failure.  *id is 0
 * for a person of the file not written (after a problem). */
static int person_of(struct imp *im, const char *uuid, int64_t *id)
{
	struct store_import_seen seen;
	struct error e = {0};
	int r = store_import_seen_get(im->s, DUP_PERSON, uuid, &seen, &e);
	if (r > 0)
		*id = seen.id;
	else if (r == 0)
		r = store_person_find_uuid(im->s, uuid, id, &e);
	return r < 0 ? fail(im, &e) : r;
}

/* The uuid the person column of a row stands for here (see
 * csvimport_dup.c): the database's uuid of the person it was matched
 * to, else its own.  -1 on failure. */
static int person_here(struct imp *im, const char *uuid, int64_t id,
		       char out[STORE_UUID_SIZE])
{
	struct error e = {0};
	int found = id ? store_person_uuid(im->s, id, out, &e) : 0;
	if (found < 0)
		return fail(im, &e);
	if (!found)
		memcpy(out, uuid, STORE_UUID_SIZE);
	return 0;
}

/* person_of and person_here together, remembering the last answer:
 * rows of one person come in runs (a session and its commitments). */
static int person_resolve(struct imp *im, const char *uuid, int64_t *id,
			  char here[STORE_UUID_SIZE])
{
	if (im->last_person_id && strcmp(uuid, im->last_person) == 0) {
		*id = im->last_person_id;
		memcpy(here, im->last_person_here, STORE_UUID_SIZE);
		return 1;
	}
	int found = person_of(im, uuid, id);
	if (found <= 0)
		return found;
	if (person_here(im, uuid, *id, here))
		return -1;
	if (*id) {
		memcpy(im->last_person, uuid, STORE_UUID_SIZE);
		memcpy(im->last_person_here, here, STORE_UUID_SIZE);
		im->last_person_id = *id;
	}
	return 1;
}

int csvimport_person_resolve(struct imp *im, const char *uuid, int64_t *id,
			     char here[STORE_UUID_SIZE])
{
	return person_resolve(im, uuid, id, here);
}

static int apply_person(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	int64_t id = 0;
	uint64_t d[2];
	csvimport_row_digest(r, NULL, d);
	int dup = csvimport_dup_row(im, DUP_PERSON, r, d, &id);
	if (dup < 0)
		return -1;
	if (dup == 2)
		return 0;
	if (dup == 1) {
		im->n->people_skipped++;
		return csvimport_dup_remember(im, DUP_PERSON, uuid, r->line,
					      id, d);
	}
	struct error e = {0};
	int found = store_person_find(im->s, r->f[DCOL_NAME], &id, &e);
	if (found < 0)
		return csvimport_store_problem(im, r->line, &e);
	if (found) {
		im->n->people_skipped++;
		return csvimport_dup_remember(im, DUP_PERSON, uuid, r->line,
					      id, d);
	}
	if (!writing)
		return csvimport_dup_remember(im, DUP_PERSON, uuid, r->line, 0,
					      d);
	struct store_person p = {
	    .name = r->f[DCOL_NAME],
	    .role = opt(r, DCOL_ROLE),
	    .team = opt(r, DCOL_TEAM),
	    .created = r->f[DCOL_TIME],
	    .archived = r->archived,
	    .regulated = r->regulated,
	};
	memcpy(p.uuid, uuid, sizeof p.uuid);
	if (store_person_add(im->s, &p, &e)) {
		/* Refused: the rows naming this person are not each a
		 * problem too. */
		if (csvimport_store_problem(im, r->line, &e))
			return -1;
		return csvimport_dup_remember(im, DUP_PERSON, uuid, r->line, 0,
					      d);
	}
	im->n->people_added++;
	return csvimport_dup_remember(im, DUP_PERSON, uuid, r->line, p.id, d);
}

/* ------------------------------------------------------------- sessions */

/* Starts the digest of a session's rows and finds what it must match:
 * a session of the same uuid earlier in the file or in the database,
 * which makes this one skipped (when the rows turn out the same). */
static int open_block(struct imp *im, const struct row *r, const uint64_t d[2])
{
	struct store_import_seen seen;
	struct error e = {0};
	im->block_open = 1;
	im->block_line = r->line;
	im->block_sum[0] = d[0];
	im->block_sum[1] = d[1];
	im->block_check = BLOCK_NEW;
	int found = store_import_seen_get(im->s, DUP_SESSION, im->session_uuid,
					  &seen, &e);
	if (found > 0) {
		im->block_check = BLOCK_SAME_AS_LINE;
		im->block_other_line = seen.line;
		im->block_want[0] = seen.digest[0];
		im->block_want[1] = seen.digest[1];
	} else if (found == 0) {
		found = store_session_find_uuid(im->s, im->session_uuid,
						&im->session_id, &e);
		if (found > 0) {
			im->block_check = BLOCK_SAME_AS_STORED;
			if (csvimport_stored_digest(im, DUP_SESSION,
						    im->session_id, NULL,
						    im->block_want, NULL) < 0)
				return -1;
		}
	}
	if (found < 0)
		return fail(im, &e);
	if (found) {
		im->session_skip = 1;
		im->n->sessions_skipped++;
	}
	return 0;
}

static int apply_session(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	memcpy(im->session_uuid, uuid, sizeof im->session_uuid);
	im->session_id = 0;
	im->session_skip = 0;
	csvimport_once_clear(&im->once);
	im->session_bad = 1; /* until it is known to be fine */
	int64_t person = 0;
	char here[STORE_UUID_SIZE];
	int found = person_resolve(im, r->f[DCOL_PERSON], &person, here);
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
	uint64_t d[2];
	csvimport_row_digest(r, here, d);
	if (open_block(im, r, d))
		return -1;
	if (im->session_skip || !writing)
		return 0;
	struct error e = {0};
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

static int apply_commitment(struct imp *im, const struct row *r, int writing)
{
	const char *uuid = r->f[DCOL_UUID];
	int64_t id = 0, person = 0, review = 0;
	char here[STORE_UUID_SIZE];
	int found = person_resolve(im, r->f[DCOL_PERSON], &person, here);
	if (found <= 0) {
		if (found == 0)
			csvimport_problem(
			    im, r->line,
			    "commitment %s: its person %s is "
			    "neither in a person row above nor in the "
			    "database",
			    uuid, r->f[DCOL_PERSON]);
		return found;
	}
	uint64_t d[2];
	csvimport_row_digest(r, here, d);
	csvimport_block_add(im, d);
	if (im->session_skip) {
		/* The session's digest decides; this copy is remembered for
		 * a later one with the same uuid. */
		im->n->commitments_skipped++;
		return csvimport_dup_remember(im, DUP_COMMITMENT, uuid,
					      r->line, 0, d);
	}
	int dup = csvimport_dup_row(im, DUP_COMMITMENT, r, d, &id);
	if (dup == 1)
		im->n->commitments_skipped++;
	if (dup != 0)
		return dup < 0 ? -1 : 0;
	if (!writing)
		return csvimport_dup_remember(im, DUP_COMMITMENT, uuid,
					      r->line, 0, d);
	const char *rs = opt(r, DCOL_REVIEWED_IN);
	int linked = 0;
	if (rs && (linked = reviewed_in(im, rs, &review, r->line)) < 0)
		return -1;
	struct error e = {0};
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
	memcpy(c.uuid, uuid, sizeof c.uuid);
	if (store_commitment_add(im->s, &c, &e))
		return csvimport_store_problem(im, r->line, &e);
	im->n->commitments_added++;
	/* A follow-up in a session further down is linked at the end; the
	 * store keeps the list, so memory stays flat. */
	if (rs && !linked && store_import_review_later(im->s, c.id, rs, &e))
		return fail(im, &e);
	return csvimport_dup_remember(im, DUP_COMMITMENT, uuid, r->line, c.id,
				      d);
}

/* A note: skipped when the file or the database has it already, the
 * same; a problem when they have it different.  1 when it is to be
 * written, 0 when not, -1 on failure. */
static int note_is_new(struct imp *im, const struct row *r,
		       const uint64_t d[2])
{
	const char *uuid = r->f[DCOL_UUID];
	int64_t id = 0;
	if (im->session_skip)
		return csvimport_dup_remember(im, DUP_NOTE, uuid, r->line, 0,
					      d);
	int dup = csvimport_dup_row(im, DUP_NOTE, r, d, &id);
	if (dup != 0)
		return dup < 0 ? -1 : 0;
	if (csvimport_dup_remember(im, DUP_NOTE, uuid, r->line, 0, d))
		return -1;
	return 1;
}

/* The key of r's place in its session (csvimport_once.c); NULL for a
 * row that is not held once. */
static const char *once_key(const struct row *r, char rung[static 16])
{
	switch (r->type) {
	case R_ANSWER:
	case R_RATING:
		return r->f[DCOL_ITEM];
	case R_STEP:
		snprintf(rung, 16, "%d", r->rung);
		return rung;
	case R_LADDER:
	case R_NOTE:
		return "";
	default:
		return NULL;
	}
}

/* "session S <what>; its first <row> is at FILE:LINE, and a session
 * keeps <keeps>". */
static void report_twice(struct imp *im, const struct row *r,
			 unsigned long first)
{
	char what[96];
	const char *row = "answer", *keeps;
	switch (r->type) {
	case R_ANSWER:
		snprintf(what, sizeof what, "answers item \"%.40s\" twice",
			 r->f[DCOL_ITEM]);
		keeps = "one answer per item";
		break;
	case R_RATING:
		snprintf(what, sizeof what, "rates \"%.40s\" twice",
			 r->f[DCOL_ITEM]);
		row = "rating";
		keeps = "one rating per pillar";
		break;
	case R_STEP:
		snprintf(what, sizeof what, "answers rung %d twice", r->rung);
		keeps = "one answer per rung";
		break;
	default: /* the ladder or the note */
		row = r->type == R_LADDER ? "ladder" : "note";
		snprintf(what, sizeof what, "has a second %s", row);
		keeps = r->type == R_LADDER ? "one ladder" : "one note";
		break;
	}
	csvimport_problem(im, r->line,
			  "session %s %s; its first %s is at %s:%lu, and a "
			  "session keeps %s",
			  im->session_uuid, what, row, im->name, first, keeps);
}

/* The store would replace a second row for the same place in a session
 * without a word.  1 when r is the first row for its place (or not held
 * once), 0 when it is a second (reported), -1 on a failure. */
static int first_in_session(struct imp *im, const struct row *r)
{
	char rung[16];
	const char *key = once_key(r, rung);
	if (!key)
		return 1;
	unsigned long first = 0;
	struct error e = {0};
	int met = csvimport_once_put(&im->once, (int)r->type, key, r->line,
				     &first, &e);
	if (met < 0)
		return fail(im, &e);
	if (met)
		report_twice(im, r, first);
	return !met;
}

/* A row that lives inside the current session. */
static int apply_inner(struct imp *im, const struct row *r, int writing)
{
	if (!in_session(im, r) || im->session_bad)
		return 0;
	int first = first_in_session(im, r);
	if (first <= 0)
		return first;
	if (r->type == R_COMMITMENT)
		return apply_commitment(im, r, writing);
	uint64_t d[2];
	csvimport_row_digest(r, NULL, d);
	csvimport_block_add(im, d);
	if (r->type == R_NOTE) {
		int is_new = note_is_new(im, r, d);
		if (is_new <= 0)
			return is_new;
	}
	if (!writing || im->session_skip)
		return 0;
	struct error e = {0};
	int rc = 0;
	int64_t sid = im->session_id;
	switch (r->type) {
	case R_ANSWER: {
		struct store_answer a = {
		    sid,	   r->f[DCOL_ITEM],   r->f[DCOL_TEXT],
		    r->value,	   opt(r, DCOL_NOTE), r->f[DCOL_TIME],
		    r->no_occasion};
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
	if (r->type == R_TEAM_ROUND || r->type == R_TEAM_TALLY)
		return csvimport_apply_team(im, r, writing);
	return apply_inner(im, r, writing);
}
