/* store_version.c - saves that notice another ownit's change.
 *
 * Two ownit on one database (two terminals, two coaches) each read a
 * value, then save it back.  A plain save would silently replace what the
 * other wrote in between; these check the version the screen read, under
 * the write lock, and write only when it is still current.
 */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Ends a save that checked first, inside store_write_begin: same is what
 * the check found (1 as the screen saw it, 0 changed elsewhere, -1 the
 * check failed) and wrote, when same is 1, the write's result (0 or -1).
 * 0 saved, 1 changed elsewhere (nothing written), -1 failed. */
static int save_end(struct store *s, int same, int wrote, const char *doing,
		    struct error *err)
{
	if (same == 0)
		return store_write_end(s, 1, doing, err) ? -1 : 1;
	int ok = same == 1 && wrote == 0;
	return store_write_end(s, ok, doing, err) || !ok ? -1 : 0;
}

static const char note_version_sql[] =
    "SELECT n.body, s.note_version FROM session s "
    "LEFT JOIN note n ON n.session_id = s.id WHERE s.id = ?1";

/* The session's row of note_version_sql: the body only when wanted. */
struct note_row {
	int want_body;
	char *body;
	int64_t version;
	int has_note;
};

static int note_row_read(sqlite3_stmt *st, void *out)
{
	struct note_row *n = out;
	int oom = 0;
	if (n->want_body)
		n->body = store_col_dup(st, 0, &oom);
	n->version = sqlite3_column_int64(st, 1);
	n->has_note = sqlite3_column_type(st, 0) != SQLITE_NULL;
	return oom ? -1 : 0;
}

/* 1 with a note, 0 without, -1 on error; *version is the session's count
 * of note saves either way (0 for a session that is not there). */
static int note_read(struct store *s, int64_t session_id, char **body,
		     int64_t *version, struct error *err)
{
	static const struct row_reader reader = {note_row_read, NULL};
	const char *doing = "reading the note";
	struct note_row n = {.want_body = body != NULL};
	sqlite3_stmt *st =
	    store_stmt_for_id(s, note_version_sql, session_id, doing, err);
	int r = st ? store_row_get(s, st, &reader, &n, doing, err) : -1;
	if (body)
		*body = n.body;
	*version = n.version;
	return r == 1 ? n.has_note : r;
}

int store_note_get_versioned(struct store *s, int64_t session_id, char **body,
			     int64_t *version, struct error *err)
{
	return note_read(s, session_id, body, version, err);
}

int store_note_save_if(struct store *s, int64_t session_id, const char *body,
		       int64_t *version, struct error *err)
{
	const char *doing = "saving the note";
	/* BEGIN IMMEDIATE: the check and the write see the same note. */
	if (store_write_begin(s, doing, err))
		return -1;
	int64_t now = 0;
	int r = note_read(s, session_id, NULL, &now, err);
	if (r >= 0 && now != *version) {
		store_write_end(s, 1, doing, err);
		return 1;
	}
	struct store_note n = {.session_id = session_id, .body = body};
	int ok = r >= 0 && store_note_put(s, &n, err) == 0 &&
		 note_read(s, session_id, NULL, &now, err) >= 0;
	if (store_write_end(s, ok, doing, err) || !ok)
		return -1;
	*version = now;
	return 0;
}

/* ------------------------------------------------ answers and ratings */

/* Answers and ratings carry no counter: their timestamps have whole
 * seconds, too coarse for two quick key presses.  What the screen read
 * is the version instead: the save goes on only while the row still
 * holds it.  A change that was changed back is not a loss, so comparing
 * the values is enough. */

static const char answer_read_sql[] =
	"SELECT value, no_occasion, note FROM answer "
	"WHERE session_id = ?1 AND item_id = ?2";

static int text_same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* A stored row compared with what a screen saw. */
struct row_seen {
	const void *seen;
	int whole; /* commitments: the follow-up too, not only the words */
	int same;
};

static int answer_seen_read(sqlite3_stmt *st, void *out)
{
	struct row_seen *r = out;
	const struct store_answer *seen = r->seen;
	int value = sqlite3_column_type(st, 0) == SQLITE_NULL
			? -1
			: sqlite3_column_int(st, 0);
	r->same = value == seen->value &&
		  !sqlite3_column_int(st, 1) == !seen->no_occasion &&
		  text_same(store_col_text(st, 2), seen->note);
	return 0;
}

/* 1 when the stored answer is what seen says, 0 when it is not, -1 on
 * error.  No row and a row with neither value nor note show the same
 * (nothing), so they count as the same; seen NULL is that nothing. */
static int answer_is(struct store *s, const struct store_answer *a,
		     const struct store_answer *seen, struct error *err)
{
	static const struct row_reader reader = {answer_seen_read, NULL};
	static const struct store_answer nothing = {.value = -1};
	const char *doing = "reading an answer";
	struct row_seen r = {.seen = seen ? seen : &nothing};
	sqlite3_stmt *st =
	    store_stmt_for_id(s, answer_read_sql, a->session_id, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 2, a->item_id);
	int found = store_row_get(s, st, &reader, &r, doing, err);
	if (found == 0)
		return !seen ||
		       (seen->value == -1 && !seen->no_occasion && !seen->note);
	return found < 0 ? -1 : r.same;
}

int store_answer_save_if(struct store *s, const struct store_answer *a,
			 const struct store_answer *seen, struct error *err)
{
	const char *doing = "saving an answer";
	if (store_write_begin(s, doing, err))
		return -1;
	int same = answer_is(s, a, seen, err);
	return save_end(s, same, same == 1 ? store_answer_save(s, a, err) : -1,
			doing, err);
}

static const char rating_read_sql[] =
	"SELECT value FROM rating WHERE session_id = ?1 AND pillar_id = ?2";

int store_rating_get(struct store *s, int64_t session_id,
		     const char *pillar_id, int *value, struct error *err)
{
	const char *doing = "reading a rating";
	int64_t v;
	*value = 0;
	sqlite3_stmt *st =
	    store_stmt_for_id(s, rating_read_sql, session_id, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 2, pillar_id);
	int r = store_int_get(s, st, &v, doing, err);
	*value = (int)v;
	return r;
}

int store_rating_save_if(struct store *s, const struct store_rating *r,
			 int seen, struct error *err)
{
	const char *doing = "saving a rating";
	if (!r->pillar_id)
		return error_set(err, ERROR_INPUT,
				 "a rating needs a pillar id");
	if (store_write_begin(s, doing, err))
		return -1;
	int now = 0;
	int found = store_rating_get(s, r->session_id, r->pillar_id, &now, err);
	int same = found < 0 ? -1 : now == seen;
	return save_end(s, same, same == 1 ? store_rating_save(s, r, err) : -1,
			doing, err);
}

/* ------------------------------------------------------- commitments */

/* Edits weigh the words (what, owner, due); reviews and deletes weigh
 * the whole row: a follow-up recorded by another ownit is as much a
 * change as new words.  An open commitment's reflections are left over
 * from no review, so they do not count. */
static const char commitment_row_sql[] =
    "SELECT what, owner, due, status, reviewed_session_id, obstacle, "
    "helped, differently FROM commitment WHERE id = ?1";

/* The follow-up of the row (columns 4..7) is the one seen. */
static int followup_same(sqlite3_stmt *st, const struct store_commitment *seen)
{
	return sqlite3_column_int64(st, 4) == seen->reviewed_session_id &&
	       text_same(store_col_text(st, 5), seen->obstacle) &&
	       text_same(store_col_text(st, 6), seen->helped) &&
	       text_same(store_col_text(st, 7), seen->differently);
}

static int commitment_seen_read(sqlite3_stmt *st, void *out)
{
	struct row_seen *r = out;
	const struct store_commitment *seen = r->seen;
	r->same = text_same(store_col_text(st, 0), seen->what) &&
		  text_same(store_col_text(st, 1), seen->owner) &&
		  text_same(store_col_text(st, 2), seen->due);
	if (r->same && r->whole)
		r->same =
		    store_cstatus_parse(store_col_text(st, 3)) ==
			(int)seen->status &&
		    (seen->status == STORE_C_OPEN || followup_same(st, seen));
	return 0;
}

/* 1 when commitment id is still as seen (whole: all of the row, else
 * its words), 0 when it changed or is gone, -1 on error. */
static int commitment_is(struct store *s, int64_t id,
			 const struct store_commitment *seen, int whole,
			 struct error *err)
{
	static const struct row_reader reader = {commitment_seen_read, NULL};
	const char *doing = "reading a commitment";
	struct row_seen r = {.seen = seen, .whole = whole};
	sqlite3_stmt *st =
	    store_stmt_for_id(s, commitment_row_sql, id, doing, err);
	int found = st ? store_row_get(s, st, &reader, &r, doing, err) : -1;
	return found == 1 ? r.same : found;
}

int store_commitment_update_if(struct store *s,
			       const struct store_commitment *c,
			       const struct store_commitment *seen,
			       struct error *err)
{
	const char *doing = "changing a commitment";
	if (store_write_begin(s, doing, err))
		return -1;
	int same = commitment_is(s, c->id, seen, 0, err);
	return save_end(s, same,
			same == 1 ? store_commitment_update(s, c, err) : -1,
			doing, err);
}

int store_commitment_review_if(struct store *s,
			       const struct store_commitment *seen,
			       const struct store_review *r, int64_t *new_id,
			       struct error *err)
{
	const char *doing = "recording a follow-up";
	if (store_write_begin(s, doing, err))
		return -1;
	int same = commitment_is(s, seen->id, seen, 1, err);
	return save_end(s, same,
			same == 1 ? store_commitment_review_with(s, seen->id, r,
								 new_id, err)
				  : -1,
			doing, err);
}

int store_commitment_delete_if(struct store *s,
			       const struct store_commitment *seen,
			       struct error *err)
{
	const char *doing = "deleting a commitment";
	if (store_write_begin(s, doing, err))
		return -1;
	int same = commitment_is(s, seen->id, seen, 1, err);
	return save_end(
	    s, same, same == 1 ? store_commitment_delete(s, seen->id, err) : -1,
	    doing, err);
}

int store_commitment_restore_if(struct store *s,
				const struct store_commitment *c,
				int64_t *now_id, struct error *err)
{
	const char *doing = "bringing back a commitment";
	int64_t id = 0;
	if (now_id)
		*now_id = 0;
	if (store_write_begin(s, doing, err))
		return -1;
	int there = store_commitment_find_uuid(s, c->uuid, &id, err);
	if (there == 1 && now_id)
		*now_id = id;
	/* Back already (another ownit's undo) counts as a change. */
	int same = there < 0 ? -1 : there == 0;
	return save_end(s, same,
			same == 1 ? store_commitment_restore(s, c, err) : -1,
			doing, err);
}

/* ------------------------------------------------- removing an answer */

int store_answer_delete_if(struct store *s, const struct store_answer *a,
			   const struct store_answer *seen, struct error *err)
{
	const char *doing = "removing an answer";
	if (store_write_begin(s, doing, err))
		return -1;
	int same = answer_is(s, a, seen, err);
	/* Taken back elsewhere too: nothing newer would be lost. */
	if (same == 0)
		same = answer_is(s, a, NULL, err);
	return save_end(
	    s, same,
	    same == 1 ? store_answer_delete(s, a->session_id, a->item_id, err)
		      : -1,
	    doing, err);
}

int store_rating_delete_if(struct store *s, int64_t session_id,
			   const char *pillar_id, int seen, struct error *err)
{
	const char *doing = "removing a rating";
	if (store_write_begin(s, doing, err))
		return -1;
	int now = 0;
	int found = store_rating_get(s, session_id, pillar_id, &now, err);
	/* None left is no change: there is nothing newer to lose. */
	int same = found < 0 ? -1 : found == 0 || now == seen;
	return save_end(
	    s, same,
	    same == 1 ? store_rating_delete(s, session_id, pillar_id, err) : -1,
	    doing, err);
}

/* ------------------------------------------------------------- ladder */

/* 1 when the session's ladder still has the situation and today's rung
 * seen holds (seen->situation NULL: no ladder yet), 0 when not, -1. */
static int ladder_is(struct store *s, const struct store_ladder *seen,
		     struct error *err)
{
	struct store_ladder now;
	int found = store_ladder_get(s, seen->session_id, &now, err);
	if (found < 0)
		return -1;
	int same = found ? seen->situation &&
				   text_same(now.situation, seen->situation) &&
				   now.start_rung == seen->start_rung
			 : !seen->situation;
	store_ladder_clear(&now);
	return same;
}

/* Saves l; the climb another ownit made on this situation stays
 * climbed. */
static int ladder_save_climbed(struct store *s, const struct store_ladder *l,
			       struct error *err)
{
	struct store_ladder up = *l;
	struct store_ladder now;
	int found = store_ladder_get(s, l->session_id, &now, err);
	if (found < 0)
		return -1;
	if (found == 1) {
		if (now.reached_rung > up.reached_rung)
			up.reached_rung = now.reached_rung;
		store_ladder_clear(&now);
	}
	return store_ladder_save(s, &up, err);
}

int store_ladder_save_if(struct store *s, const struct store_ladder *l,
			 const struct store_ladder *seen, struct error *err)
{
	const char *doing = "saving the ladder";
	if (seen->session_id != l->session_id)
		return error_set(err, ERROR_INPUT,
				 "the ladder read is of session %lld, not "
				 "%lld",
				 (long long)seen->session_id,
				 (long long)l->session_id);
	if (store_write_begin(s, doing, err))
		return -1;
	int same = ladder_is(s, seen, err);
	return save_end(s, same,
			same == 1 ? ladder_save_climbed(s, l, err) : -1, doing,
			err);
}

struct step_find {
	int rung;
	int oom;
	char *answer;
};

static int step_match(const struct store_ladder_step *st, void *ud)
{
	struct step_find *f = ud;
	if (st->rung != f->rung)
		return 0;
	f->answer = st->answer ? strdup(st->answer) : NULL;
	f->oom = st->answer && !f->answer;
	return f->oom ? -1 : 1;
}

int store_ladder_step_save_if(struct store *s,
			      const struct store_ladder_step *ls,
			      const char *seen, struct error *err)
{
	const char *doing = "saving a ladder step";
	if (store_write_begin(s, doing, err))
		return -1;
	struct step_find f = {.rung = ls->rung};
	int r = store_ladder_steps_each(s, ls->session_id, step_match, &f,
					err);
	if (f.oom)
		error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", doing);
	int same = r < 0 ? -1 : text_same(f.answer, seen);
	free(f.answer);
	return save_end(s, same,
			same == 1 ? store_ladder_step_save(s, ls, err) : -1,
			doing, err);
}

/* 1 when person id is still as seen, 0 when changed or gone, -1. */
static int person_is(struct store *s, int64_t id,
		     const struct store_person *seen, struct error *err)
{
	struct store_person now;
	int found = store_person_get(s, id, &now, err);
	if (found <= 0)
		return found;
	int same = text_same(now.name, seen->name) &&
		   text_same(now.role, seen->role) &&
		   text_same(now.team, seen->team) &&
		   !now.archived == !seen->archived &&
		   !now.regulated == !seen->regulated;
	store_person_clear(&now);
	return same;
}

int store_person_update_if(struct store *s, const struct store_person *p,
			   const struct store_person *seen, struct error *err)
{
	const char *doing = "changing a person";
	if (store_write_begin(s, doing, err))
		return -1;
	int same = person_is(s, p->id, seen, err);
	return save_end(s, same,
			same == 1 ? store_person_update(s, p, err) : -1, doing,
			err);
}
