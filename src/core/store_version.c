/* store_version.c - saves that notice another ownit's change.
 *
 * Two ownit on one database (two terminals, two coaches) each read a
 * value, then save it back.  A plain save would silently replace what the
 * other wrote in between; these check the version the screen read, under
 * the write lock, and write only when it is still current.
 */
#include "config.h"

#include "core/store_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char note_version_sql[] =
    "SELECT n.body, s.note_version FROM session s "
    "LEFT JOIN note n ON n.session_id = s.id WHERE s.id = ?1";

/* 1 with a note, 0 without, -1 on error; *version is the session's count
 * of note saves either way (0 for a session that is not there). */
static int note_read(struct store *s, int64_t session_id, char **body,
		     int64_t *version, struct error *err)
{
	const char *doing = "reading the note";
	if (body)
		*body = NULL;
	*version = 0;
	sqlite3_stmt *st = stmt_get(s, note_version_sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, session_id);
	int rc = sqlite3_step(st), ret = 0, oom = 0;
	if (rc == SQLITE_ROW) {
		if (body)
			*body = col_dup(st, 0, &oom);
		*version = sqlite3_column_int64(st, 1);
		ret = sqlite3_column_type(st, 0) != SQLITE_NULL;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(s, rc, doing, err);
	}
	stmt_done(s, st);
	if (oom)
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", doing);
	return ret;
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
	if (tx_begin(s, doing, err))
		return -1;
	int64_t now = 0;
	int r = note_read(s, session_id, NULL, &now, err);
	if (r >= 0 && now != *version) {
		tx_end(s, 1, doing, err);
		return 1;
	}
	struct store_note n = {.session_id = session_id, .body = body};
	int ok = r >= 0 && store_note_put(s, &n, err) == 0 &&
		 note_read(s, session_id, NULL, &now, err) >= 0;
	if (tx_end(s, ok, doing, err) || !ok)
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

/* 1 when the stored answer is what seen says, 0 when it is not, -1 on
 * error.  No row and a row with neither value nor note show the same
 * (nothing), so they count as the same; seen NULL is that nothing. */
static int answer_is(struct store *s, const struct store_answer *a,
		     const struct store_answer *seen, struct error *err)
{
	const char *doing = "reading an answer";
	sqlite3_stmt *st = stmt_get(s, answer_read_sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, a->session_id);
	bind_text(st, 2, a->item_id);
	static const struct store_answer nothing = {.value = -1};
	if (!seen)
		seen = &nothing;
	int rc = sqlite3_step(st), ret;
	if (rc == SQLITE_ROW) {
		int value = sqlite3_column_type(st, 0) == SQLITE_NULL
				    ? -1
				    : sqlite3_column_int(st, 0);
		ret = value == seen->value &&
		      !sqlite3_column_int(st, 1) == !seen->no_occasion &&
		      text_same(col_text(st, 2), seen->note);
	} else if (rc == SQLITE_DONE) {
		ret = seen->value == -1 && !seen->no_occasion && !seen->note;
	} else {
		ret = store_fail(s, rc, doing, err);
	}
	stmt_done(s, st);
	return ret;
}

int store_answer_save_if(struct store *s, const struct store_answer *a,
			 const struct store_answer *seen, struct error *err)
{
	const char *doing = "saving an answer";
	if (tx_begin(s, doing, err))
		return -1;
	int same = answer_is(s, a, seen, err);
	if (same == 0)
		return tx_end(s, 1, doing, err) ? -1 : 1;
	int ok = same == 1 && store_answer_save(s, a, err) == 0;
	return tx_end(s, ok, doing, err) || !ok ? -1 : 0;
}

static const char rating_read_sql[] =
	"SELECT value FROM rating WHERE session_id = ?1 AND pillar_id = ?2";

int store_rating_get(struct store *s, int64_t session_id,
		     const char *pillar_id, int *value, struct error *err)
{
	const char *doing = "reading a rating";
	*value = 0;
	sqlite3_stmt *st = stmt_get(s, rating_read_sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, session_id);
	bind_text(st, 2, pillar_id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(st, 0);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(s, rc, doing, err);
	}
	stmt_done(s, st);
	return ret;
}

int store_rating_save_if(struct store *s, const struct store_rating *r,
			 int seen, struct error *err)
{
	const char *doing = "saving a rating";
	if (!r->pillar_id)
		return error_set(err, ERROR_INPUT,
				 "a rating needs a pillar id");
	if (tx_begin(s, doing, err))
		return -1;
	int now = 0;
	int found = store_rating_get(s, r->session_id, r->pillar_id, &now, err);
	if (found >= 0 && now != seen)
		return tx_end(s, 1, doing, err) ? -1 : 1;
	int ok = found >= 0 && store_rating_save(s, r, err) == 0;
	return tx_end(s, ok, doing, err) || !ok ? -1 : 0;
}

/* ------------------------------------------------------- commitments */

static const char commitment_read_sql[] =
	"SELECT what, owner, due FROM commitment WHERE id = ?1";

/* 1 when commitment id still says what seen says, 0 when it changed or
 * is gone, -1 on error. */
static int commitment_is(struct store *s, int64_t id,
			 const struct store_commitment *seen,
			 struct error *err)
{
	const char *doing = "reading a commitment";
	sqlite3_stmt *st = stmt_get(s, commitment_read_sql, doing, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		ret = text_same(col_text(st, 0), seen->what) &&
		      text_same(col_text(st, 1), seen->owner) &&
		      text_same(col_text(st, 2), seen->due);
	else if (rc != SQLITE_DONE)
		ret = store_fail(s, rc, doing, err);
	stmt_done(s, st);
	return ret;
}

int store_commitment_update_if(struct store *s,
			       const struct store_commitment *c,
			       const struct store_commitment *seen,
			       struct error *err)
{
	const char *doing = "changing a commitment";
	if (tx_begin(s, doing, err))
		return -1;
	int same = commitment_is(s, c->id, seen, err);
	if (same == 0)
		return tx_end(s, 1, doing, err) ? -1 : 1;
	int ok = same == 1 && store_commitment_update(s, c, err) == 0;
	return tx_end(s, ok, doing, err) || !ok ? -1 : 0;
}
