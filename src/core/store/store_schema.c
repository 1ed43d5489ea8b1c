/* store_schema.c - the schema and its forward migrations.
 *
 * PRAGMA user_version says which steps a file has had.  A new file gets
 * every step in turn, so a fresh database and a migrated one have the
 * very same schema.  Steps are only ever appended: a step that has shipped
 * is never edited again (tests/unit/fixtures/store-v1.sql was written by
 * step 1 and the migration test checks that this stays true).
 *
 * The comments inside the CREATE statements are kept by SQLite, so
 * `sqlite3 ownit.db .schema` explains the tables.
 */
#include "config.h"

#include "core/store/store_int.h"

#include <stdio.h>

/* Version 1: the tables. */
static const char schema_v1[] =
	"CREATE TABLE person ( -- someone being coached, or \"me\"\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  uuid TEXT NOT NULL UNIQUE, -- random, kept through export/import\n"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE\n"
	"    CHECK (length(trim(name)) > 0),\n"
	"  role TEXT,\n"
	"  team TEXT,\n"
	"  created TEXT NOT NULL, -- UTC, ISO 8601\n"
	"  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))\n"
	") STRICT;\n"
	"CREATE TABLE session ( -- one coaching session or self-assessment\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  uuid TEXT NOT NULL UNIQUE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('coaching', 'self')),\n"
	"  coach TEXT,\n"
	"  started TEXT NOT NULL, -- UTC, ISO 8601\n"
	"  completed TEXT, -- NULL while open\n"
	"  status TEXT NOT NULL DEFAULT 'open'\n"
	"    CHECK (status IN ('open', 'complete')),\n"
	"  content_version TEXT NOT NULL -- the content the session used\n"
	") STRICT;\n"
	"CREATE TABLE answer ( -- a red-flag statement rated 0 (never) .. 4\n"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
	"  item_id TEXT NOT NULL, -- the statement's id in content/\n"
	"  statement TEXT NOT NULL, -- the text as answered\n"
	"  value INTEGER CHECK (value BETWEEN 0 AND 4), -- NULL: note only\n"
	"  note TEXT,\n"
	"  answered TEXT NOT NULL,\n"
	"  PRIMARY KEY (session_id, item_id)\n"
	") STRICT;\n"
	"CREATE TABLE rating ( -- a pillar (or the vision) rated 1 .. 5\n"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
	"  pillar_id TEXT NOT NULL,\n"
	"  value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),\n"
	"  note TEXT,\n"
	"  rated TEXT NOT NULL,\n"
	"  PRIMARY KEY (session_id, pillar_id)\n"
	") STRICT;\n"
	"CREATE TABLE ladder ( -- the accountability ladder of a session\n"
	"  session_id INTEGER PRIMARY KEY\n"
	"    REFERENCES session(id) ON DELETE CASCADE,\n"
	"  situation TEXT NOT NULL,\n"
	"  start_rung INTEGER NOT NULL CHECK (start_rung BETWEEN 1 AND 8),\n"
	"  reached_rung INTEGER NOT NULL\n"
	"    CHECK (reached_rung BETWEEN start_rung AND 8),\n"
	"  updated TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE ladder_step ( -- one rung climbed, with its answer\n"
	"  session_id INTEGER NOT NULL\n"
	"    REFERENCES ladder(session_id) ON DELETE CASCADE,\n"
	"  rung INTEGER NOT NULL CHECK (rung BETWEEN 1 AND 8),\n"
	"  answer TEXT NOT NULL,\n"
	"  answered TEXT NOT NULL,\n"
	"  PRIMARY KEY (session_id, rung)\n"
	") STRICT;\n"
	"CREATE TABLE commitment ( -- what, who, by when; followed up later\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  uuid TEXT NOT NULL UNIQUE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,\n"
	"  session_id INTEGER NOT NULL -- made in\n"
	"    REFERENCES session(id) ON DELETE CASCADE,\n"
	"  what TEXT NOT NULL CHECK (length(trim(what)) > 0),\n"
	"  owner TEXT,\n"
	"  due TEXT CHECK (due IS NULL OR due GLOB\n"
	"    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- YYYY-MM-DD\n"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN\n"
	"    ('open', 'kept', 'partly', 'missed', 'renegotiated')),\n"
	"  reviewed_session_id INTEGER -- the follow-up that closed it\n"
	"    REFERENCES session(id) ON DELETE SET NULL,\n"
	"  obstacle TEXT, -- what got in the way\n"
	"  created TEXT NOT NULL,\n"
	"  reviewed TEXT\n"
	") STRICT;\n"
	"CREATE TABLE note ( -- the free-text note of a session\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  uuid TEXT NOT NULL UNIQUE,\n"
	"  session_id INTEGER NOT NULL UNIQUE\n"
	"    REFERENCES session(id) ON DELETE CASCADE,\n"
	"  body TEXT NOT NULL,\n"
	"  updated TEXT NOT NULL\n"
	") STRICT;\n";

/* Version 2: resuming at the step the user left, and an index for every
 * query the screens and exports run (none of them scans all sessions). */
static const char schema_v2[] =
	"ALTER TABLE session ADD COLUMN step TEXT -- last step shown\n"
	"  CHECK (step IN ('followup', 'flags', 'pillars', 'results',\n"
	"    'ladder', 'commitments', 'notes', 'summary'));\n"
	"CREATE INDEX session_by_person ON session (person_id, started);\n"
	"CREATE INDEX session_by_start ON session (started);\n"
	"CREATE INDEX commitment_by_person\n"
	"  ON commitment (person_id, status, due);\n"
	"CREATE INDEX commitment_by_status ON commitment (status, due);\n"
	"CREATE INDEX commitment_by_session ON commitment (session_id);\n"
	"CREATE INDEX commitment_by_review\n"
	"  ON commitment (reviewed_session_id);\n";

/* Version 3: what the coaching review asked to record.  A person may work
 * in a regulated setting (the self-checks about fixed boundaries apply);
 * a statement may be answered "no occasion / can't say", which is kept
 * apart from a rating; a follow-up asks what helped a kept commitment and
 * what will be done differently after one that slipped; a follow-up made
 * outside any session has no reviewed_session_id, only its time. */
static const char schema_v3[] =
	"ALTER TABLE person ADD COLUMN regulated INTEGER NOT NULL DEFAULT 0\n"
	"  CHECK (regulated IN (0, 1)); -- works in a regulated setting\n"
	"ALTER TABLE answer ADD COLUMN no_occasion INTEGER NOT NULL DEFAULT 0\n"
	"  CHECK (no_occasion IN (0, 1)); -- \"no occasion / can't say\"\n"
	"ALTER TABLE commitment ADD COLUMN helped TEXT; -- what helped (kept)\n"
	"ALTER TABLE commitment ADD COLUMN differently TEXT;"
	" -- what will change next time\n";

/* Version 4: names compared in every script.  The UNIQUE COLLATE NOCASE
 * of version 1 folds ASCII only, so "ZOË MÜLLER" and "zoë müller" could be
 * two people and `--person` missed one spelling.  name_key holds the name
 * case-folded and NFC-normalised (core/utext.c, through the connection's
 * ownit_fold); ownit writes it with every name.  Two people who already
 * fold alike keep both rows: the later one's key gets its id appended, so
 * the unique index can be built and nothing is lost. */
#define SCHEMA_V4_NAMES \
	"ALTER TABLE person ADD COLUMN name_key TEXT;" \
	" -- the name folded: one person per key\n" \
	"UPDATE person SET name_key = ownit_fold(name) || CASE WHEN EXISTS\n" \
	"  (SELECT 1 FROM person q WHERE q.id < person.id\n" \
	"   AND ownit_fold(q.name) = ownit_fold(person.name))\n" \
	"  THEN ' #' || id ELSE '' END;\n" \
	"CREATE UNIQUE INDEX person_by_name_key ON person (name_key);" \
	" -- finds a name whatever its case\n"

/* Version 4: indexes that let an export walk each session's rows in the
 * order they were given, straight from an index, with no sort per
 * session. */
#define SCHEMA_V4_INDEXES \
	"-- answers in the order given (rowid) per session: the primary key\n" \
	"-- (session_id, item_id) would need a sort for every session\n" \
	"CREATE INDEX answer_by_session ON answer (session_id);\n" \
	"-- ratings likewise\n" \
	"CREATE INDEX rating_by_session ON rating (session_id);\n" \
	"-- follow-ups made outside any session (store_session_review_span):\n" \
	"-- without it a session's follow-ups read every commitment of its\n" \
	"-- person; kept small, as only those rows are in it\n" \
	"CREATE INDEX commitment_followed_outside\n" \
	"  ON commitment (person_id, reviewed) WHERE reviewed_session_id IS NULL;\n"

/* Version 4 (issue 16, concurrency): two ownit on one session must not
 * overwrite each other's note unnoticed.  The session counts the saves of
 * its note (kept on the session, so removing the note and writing it
 * again never brings an old count back); a screen saves only over the
 * count it read.  Triggers keep it, so every writer (import included)
 * moves it. */
#define SCHEMA_V4_NOTES \
	"ALTER TABLE session ADD COLUMN note_version INTEGER NOT NULL\n" \
	"  DEFAULT 0; -- how many times the note was saved or removed\n" \
	"CREATE TRIGGER note_saved AFTER INSERT ON note BEGIN\n" \
	"  UPDATE session SET note_version = note_version + 1\n" \
	"  WHERE id = NEW.session_id; END; -- a new note is a change\n" \
	"CREATE TRIGGER note_changed AFTER UPDATE ON note BEGIN\n" \
	"  UPDATE session SET note_version = note_version + 1\n" \
	"  WHERE id = NEW.session_id; END; -- so is a new text\n" \
	"CREATE TRIGGER note_removed AFTER DELETE ON note BEGIN\n" \
	"  UPDATE session SET note_version = note_version + 1\n" \
	"  WHERE id = OLD.session_id; END; -- and emptying it\n"

/* Version 4: team rounds (issue 18).  A round belongs to the leader it
 * is about and is dated by the day only; the answers are kept as counts
 * per statement and value, so the file cannot say who answered what or
 * in which order (a table without rowid keeps no insertion order). */
#define SCHEMA_V4_TEAM \
	"CREATE TABLE team_round ( -- a team's anonymous answers about itself\n" \
	"  id INTEGER PRIMARY KEY,\n" \
	"  uuid TEXT NOT NULL UNIQUE, -- random, kept through export/import\n" \
	"  person_id INTEGER NOT NULL -- the leader the team answered about\n" \
	"    REFERENCES person(id) ON DELETE CASCADE,\n" \
	"  day TEXT NOT NULL CHECK (day GLOB\n" \
	"    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- no finer time\n" \
	"  label TEXT, -- optional, \"Q1 offsite\"\n" \
	"  responses INTEGER NOT NULL DEFAULT 0\n" \
	"    CHECK (responses >= 0), -- members who took part\n" \
	"  content_version TEXT NOT NULL -- the content the round asked\n" \
	") STRICT;\n" \
	"CREATE INDEX team_round_by_person ON team_round (person_id, day);\n" \
	"CREATE TABLE team_tally ( -- members who gave `value` to a statement\n" \
	"  round_id INTEGER NOT NULL\n" \
	"    REFERENCES team_round(id) ON DELETE CASCADE,\n" \
	"  item_id TEXT NOT NULL, -- the team statement's id in content/\n" \
	"  statement TEXT NOT NULL, -- its wording as asked\n" \
	"  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 4),\n" \
	"  count INTEGER NOT NULL CHECK (count > 0),\n" \
	"  PRIMARY KEY (round_id, item_id, value)\n" \
	") STRICT, WITHOUT ROWID; -- counts only: no row per member\n"

/* Version 4 (sessions, issue 16): a completed session that is changed
 * afterwards says so, and when; kept apart from `completed` so that the
 * day the session was held and closed stays what it was. */
#define SCHEMA_V4_EDITED \
	"ALTER TABLE session ADD COLUMN edited TEXT;" \
	" -- last change after completion (UTC), or NULL\n"

/* Version 4 is one step made of the parts above, one per concern. */
static const char schema_v4[] = SCHEMA_V4_NAMES SCHEMA_V4_INDEXES
	SCHEMA_V4_NOTES SCHEMA_V4_TEAM SCHEMA_V4_EDITED;

static const char *const steps[] = {schema_v1, schema_v2, schema_v3,
				    schema_v4};

#define STEP_COUNT (int)(sizeof steps / sizeof steps[0])

_Static_assert(sizeof steps / sizeof steps[0] == STORE_SCHEMA_VERSION,
	       "one migration step per schema version");

const char *store_schema_step(int n)
{
	return n >= 1 && n <= STEP_COUNT ? steps[n - 1] : NULL;
}

static int read_version(struct store *s, int *v, struct error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
				    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0
			       : store_fail(s, rc, "reading the version", err);
}

/* One step inside its own write transaction; the version is read again
 * under the lock, as another ownit may have migrated meanwhile. */
static int migrate_step(struct store *s, int to, struct error *err)
{
	char doing[64], sql[64];
	snprintf(doing, sizeof doing, "upgrading the database to version %d",
		 to);
	if (store_exec(s, "BEGIN IMMEDIATE", doing, err))
		return -1;
	int v = 0;
	if (read_version(s, &v, err))
		goto fail;
	if (v >= to) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return 0;
	}
	if (to == 1) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
			 STORE_APPLICATION_ID);
		if (store_exec(s, sql, doing, err))
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
	if (store_exec(s, steps[to - 1], doing, err) ||
	    store_exec(s, sql, doing, err))
		goto fail;
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, doing, err);
		goto fail;
	}
	return 0;
fail:
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int store_schema_migrate(struct store *s, int version, struct error *err)
{
	for (int to = version + 1; to <= STEP_COUNT; to++)
		if (migrate_step(s, to, err))
			return -1;
	return 0;
}
