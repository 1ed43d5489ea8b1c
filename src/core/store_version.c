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
