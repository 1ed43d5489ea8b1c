/* store.h - the local database: people, sessions and everything said in them.
 *
 * One SQLite file holds it all; this module is the only code that speaks
 * SQL.  Every write is committed before the function returns (BEGIN
 * IMMEDIATE ... COMMIT), so whatever the screen shows as entered survives a
 * kill -9.  Between store_tx_begin and store_tx_commit the writes instead
 * join one transaction (an import is all or nothing).
 *
 * Strings:
 *  - In a struct passed to an *_each callback, every pointer is borrowed:
 *    valid during that call only.  Copy what you keep.
 *  - A struct filled by a *_get function owns its strings; release them
 *    with the matching *_clear function.
 *  - Optional text is NULL when absent, never "".
 * Callbacks return 0 to go on, anything else to stop the iteration (the
 * *_each function then returns that value).  A callback may call any
 * store function, including writes.
 *
 * Times are UTC ISO 8601 ("2026-11-23T09:30:00Z", see dates.h); due dates
 * are "YYYY-MM-DD".  Ids are the integer row keys; uuids are the random
 * identities that survive export and import.
 */
#ifndef OWNIT_STORE_H
#define OWNIT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 4

/* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" plus its terminating NUL. */
#define STORE_UUID_SIZE 37
/* Room for a stored time (UTC ISO 8601, 20 characters) with a margin. */
#define STORE_TIME_SIZE 40
/* A due date "YYYY-MM-DD" and its NUL (DATES_DAY_SIZE). */
#define STORE_DAY_SIZE 11

struct store;

/* ------------------------------------------------------------------ open */

enum store_open_flags {
	STORE_CREATE = 1,    /* create the file if missing */
	STORE_EXCLUSIVE = 2, /* with STORE_CREATE: refuse a path that exists */
	/* For store_check: reads only (no migration, nothing written), and
	 * an ownit database damaged past its header still opens, its schema
	 * read leniently, so that the check can list the damage. */
	STORE_CHECKING = 4,
	STORE_MAKE_DIRS = 8, /* with STORE_CREATE: its missing folders too */
};

/* Opens (and if asked creates) the database at path, bringing an older
 * schema up to date.  A new file (and with STORE_MAKE_DIRS its missing
 * folders) is created private to the user (0600 / 0700); without it a
 * missing folder is ERROR_INPUT naming it.  Symbolic links are refused.
 * Refuses, without writing anything, a file that is not an ownit
 * database, one from a newer ownit, or a damaged one.  A 0-byte file
 * counts as new unless a -wal file beside it says it is what is left of
 * a WAL database.
 * Returns NULL with err filled in on failure. */
struct store *store_open(const char *path, int flags, struct error *err);

/* Closes the database; NULL is allowed.  An open transaction is rolled
 * back. */
void store_close(struct store *s);

/* A warning found while opening (for example, the file can be read by
 * other users), or NULL.  The caller decides whether to show it. */
const char *store_warning(const struct store *s);

/* The file this store was opened on. */
const char *store_path(const struct store *s);

/* How long a write waits for another ownit holding the database before
 * giving up (default 5000 ms). */
void store_set_busy_timeout(struct store *s, int ms);

/* Runs integrity_check and foreign_key_check.  Each problem found is
 * passed to cb (may be NULL) as one line of text; damage a check cannot
 * read past ends that check with a line saying so, and is a problem
 * found, not a failure.  Returns 0 when the database is sound, 1 when
 * problems were reported, -1 when the check itself failed. */
int store_check(struct store *s, int (*cb)(const char *problem, void *ud),
		void *ud, struct error *err);

/* Groups the following writes into one transaction (for import).  Not
 * nestable.  store_tx_rollback undoes everything since store_tx_begin. */
int store_tx_begin(struct store *s, struct error *err);
int store_tx_commit(struct store *s, struct error *err);
void store_tx_rollback(struct store *s);

/* Fills buf with a random (version 4) uuid from getrandom(). */
int store_uuid(char buf[STORE_UUID_SIZE], struct error *err);

/* A check that a stretch of code leaves the database alone (the TUI's
 * draw, which runs on every key): from store_watch_begin on, the store
 * notes the first statement that runs on it; store_watch_end stops and
 * gives that statement's SQL (kept until the next store_watch_begin), or
 * NULL when none ran.  Statements still run: this only tells. */
void store_watch_begin(struct store *s);
const char *store_watch_end(struct store *s);

/* For tests only: runs sql (no results) on this connection, for example
 * "PRAGMA max_page_count=...". */
int store_debug_exec(struct store *s, const char *sql, struct error *err);

/* ---------------------------------------------------------------- people */

struct store_person {
	int64_t id;
	char uuid[STORE_UUID_SIZE]; /* "" on add: a new one is made */
	const char *name;           /* unique ignoring case (ASCII letters) */
	const char *role;           /* optional */
	const char *team;           /* optional */
	const char *created;        /* NULL on add: now */
	int archived;
	int regulated; /* 1: works in a regulated setting (own self-checks) */
};

/* A person as the home screen lists them. */
struct store_person_row {
	struct store_person person;
	const char *last_session; /* start of their newest session, or NULL */
	int open;                 /* open commitments */
	int overdue;              /* open commitments due before today */
};

/* Adds a person; fills p->id and (when empty) p->uuid.  A name already
 * taken (in any letter case) is an ERROR_INPUT naming it. */
int store_person_add(struct store *s, struct store_person *p,
		     struct error *err);

/* Changes name, role, team, archived and regulated of the person p->id. */
int store_person_update(struct store *s, const struct store_person *p,
			struct error *err);
/* The same only while the person is still what seen holds (name, role,
 * team, archived, regulated: what the form read): 0 changed, 1 another
 * ownit changed or deleted the person meanwhile (nothing written), -1. */
int store_person_update_if(struct store *s, const struct store_person *p,
			   const struct store_person *seen, struct error *err);

/* Deletes a person with all their sessions and commitments. */
int store_person_delete(struct store *s, int64_t id, struct error *err);

/* Fills out (owned strings).  Returns 1 found, 0 no such person, -1. */
int store_person_get(struct store *s, int64_t id, struct store_person *out,
		     struct error *err);
void store_person_clear(struct store_person *p);

/* Looks a person up by name (any letter case) or by uuid.  Sets *id and
 * returns 1 when found, 0 when not, -1 on error. */
int store_person_find(struct store *s, const char *name, int64_t *id,
		      struct error *err);
int store_person_find_uuid(struct store *s, const char *uuid, int64_t *id,
			   struct error *err);

/* People in name order with their last session and commitment counts;
 * archived ones only when include_archived. */
int store_people_each(struct store *s, int include_archived,
		      int (*cb)(const struct store_person_row *, void *),
		      void *ud, struct error *err);

/* -------------------------------------------------------------- sessions */

enum store_kind { STORE_KIND_COACHING, STORE_KIND_SELF };
enum store_status { STORE_SESSION_OPEN, STORE_SESSION_COMPLETE };

/* The steps of a session, in the order the flow shows them. */
enum store_step {
	STORE_STEP_FOLLOWUP,
	STORE_STEP_FLAGS,
	STORE_STEP_PILLARS,
	STORE_STEP_RESULTS,
	STORE_STEP_LADDER,
	STORE_STEP_COMMITMENTS,
	STORE_STEP_NOTES,
	STORE_STEP_SUMMARY,
};
#define STORE_STEP_COUNT 8

struct store_session {
	int64_t id;
	char uuid[STORE_UUID_SIZE]; /* "" on add: a new one is made */
	int64_t person_id;
	enum store_kind kind;
	const char *coach;           /* optional */
	const char *started;         /* NULL on add: now */
	const char *completed;       /* NULL while open */
	enum store_status status;
	const char *content_version; /* the content the session was run with */
	int step;                    /* last step shown (enum store_step), -1 */
	const char *person_name;     /* set by get and each; ignored on add */
};

/* Adds a session (normally open, started now); fills ses->id and uuid. */
int store_session_add(struct store *s, struct store_session *ses,
		      struct error *err);

/* Marks a session complete now (or open again with reopen). */
int store_session_complete(struct store *s, int64_t id, struct error *err);
int store_session_reopen(struct store *s, int64_t id, struct error *err);

/* Changes the coach of a session. */
int store_session_set_coach(struct store *s, int64_t id, const char *coach,
			    struct error *err);

/* Remembers the step the user is on, so a resume returns there. */
int store_session_set_step(struct store *s, int64_t id, enum store_step step,
			   struct error *err);

/* The coach to offer for a new session of person_id: that person's last
 * named coach, else the last coach named for anyone (the user usually
 * coaches alone).  1 with *coach malloc'd, 0 when none was ever named,
 * -1 with err set. */
int store_session_last_coach(struct store *s, int64_t person_id,
			     char **coach, struct error *err);

/* Records now as the time complete session id was last changed (nothing
 * for an open or reopened one, whose mark stays as it was): 1 recorded,
 * 0 open or no such session, -1. */
int store_session_mark_edited(struct store *s, int64_t id, struct error *err);

/* When complete session id was last changed after completion: 1 with
 * out set (a stored UTC time), 0 never, -1 with err set. */
int store_session_edited(struct store *s, int64_t id,
			 char out[STORE_TIME_SIZE], struct error *err);

/* How many rows the store has changed since it was opened: a caller
 * compares two readings to learn whether an action wrote anything. */
long long store_changes(const struct store *s);

/* SQLite's data version: it moves when another connection (another ownit,
 * an import) commits a change, never for this one's own writes.  A screen
 * compares two readings to learn whether to read again.  0 with *out set,
 * -1 with err set. */
int store_data_version(struct store *s, int64_t *out, struct error *err);

/* Deletes a session with everything said in it; commitments made in it
 * go too, and reviews it recorded are undone (back to open). */
int store_session_delete(struct store *s, int64_t id, struct error *err);

/* Fills out (owned strings).  Returns 1 found, 0 not found, -1. */
int store_session_get(struct store *s, int64_t id, struct store_session *out,
		      struct error *err);
void store_session_clear(struct store_session *ses);

/* Returns 1 and sets *id when found, 0 when not, -1 on error. */
int store_session_find_uuid(struct store *s, const char *uuid, int64_t *id,
			    struct error *err);

/* The newest open session of a person (to resume). 1 / 0 / -1. */
int store_session_open_latest(struct store *s, int64_t person_id, int64_t *id,
			      struct error *err);

/* The session of the same person started just before session id (to
 * compare against); complete ones only when complete_only. 1 / 0 / -1. */
int store_session_previous(struct store *s, int64_t id, int complete_only,
			   int64_t *prev, struct error *err);

/* Sessions newest first, one page: person_id 0 means everyone; limit 0
 * means no limit.  For the history screen and `ownit list sessions`. */
int store_sessions_each(struct store *s, int64_t person_id, size_t limit,
			size_t offset,
			int (*cb)(const struct store_session *, void *),
			void *ud, struct error *err);

/* Which sessions an export wants; zero / NULL fields do not filter. */
struct store_session_filter {
	int64_t person_id;
	const char *since; /* YYYY-MM-DD, inclusive, local start date */
	const char *until; /* YYYY-MM-DD, inclusive */
	int status;        /* -1 all, else enum store_status */
};

/* Sessions matching f, oldest first (the order an export writes). */
int store_sessions_filter_each(struct store *s,
			       const struct store_session_filter *f,
			       int (*cb)(const struct store_session *, void *),
			       void *ud, struct error *err);

/* Where to pick an open session up again. */
struct store_resume {
	enum store_step step; /* the step to show */
	size_t item;          /* first unanswered statement (n_items: none) */
	size_t pillar;        /* first unrated pillar (n_pillars: none) */
	int followups;        /* earlier commitments still to review */
};

/* Works out where session id continues: the step the user left, or when
 * none was saved the first step with work left.  items and pillars are
 * the content's statement and pillar ids in the order the flow asks. */
int store_session_resume(struct store *s, int64_t id,
			 const char *const *items, size_t n_items,
			 const char *const *pillars, size_t n_pillars,
			 struct store_resume *out, struct error *err);

/* --------------------------------------------------- answers and ratings */

struct store_answer {
	int64_t session_id;
	const char *item_id;   /* the content's statement id */
	const char *statement; /* the text as the user saw it */
	int value;             /* 0..4, or -1 for "not rated yet" */
	const char *note;      /* optional */
	const char *answered;  /* NULL on save: now */
	int no_occasion;       /* 1: "no occasion / can't say" (value -1) */
};

/* Saves (or replaces) the answer to one statement of a session.  A "no
 * occasion" answer counts as answered but has no value: giving both is
 * an ERROR_INPUT. */
int store_answer_save(struct store *s, const struct store_answer *a,
		      struct error *err);
int store_answer_delete(struct store *s, int64_t session_id,
			const char *item_id, struct error *err);
/* Answers of a session in the order they were first given. */
int store_answers_each(struct store *s, int64_t session_id,
		       int (*cb)(const struct store_answer *, void *), void *ud,
		       struct error *err);

struct store_rating {
	int64_t session_id;
	const char *pillar_id; /* a pillar id, or "vision" */
	int value;             /* 1..5 */
	const char *note;      /* optional */
	const char *rated;     /* NULL on save: now */
};

int store_rating_save(struct store *s, const struct store_rating *r,
		      struct error *err);
int store_rating_delete(struct store *s, int64_t session_id,
			const char *pillar_id, struct error *err);
int store_ratings_each(struct store *s, int64_t session_id,
		       int (*cb)(const struct store_rating *, void *), void *ud,
		       struct error *err);

/* Saves that another ownit's change stops (store_version.c).  seen is
 * what the screen read: for an answer its value, no_occasion and note
 * (NULL, or value -1 without note: nothing), for a rating its value (0:
 * none).  The
 * save is made only while the stored row still holds that: 0 saved, 1
 * changed elsewhere (nothing written; read the row again to show it),
 * -1 with err set. */
int store_answer_save_if(struct store *s, const struct store_answer *a,
			 const struct store_answer *seen, struct error *err);
int store_rating_save_if(struct store *s, const struct store_rating *r,
			 int seen, struct error *err);
/* Removes an answer or a rating only while it is still what seen says
 * (as for the saves above), or is gone already: 0 removed, 1 another
 * ownit gave a different one meanwhile (nothing removed), -1. */
int store_answer_delete_if(struct store *s, const struct store_answer *a,
			   const struct store_answer *seen, struct error *err);
int store_rating_delete_if(struct store *s, int64_t session_id,
			   const char *pillar_id, int seen, struct error *err);
/* The value of one rating: 1 with *value, 0 none (*value 0), -1. */
int store_rating_get(struct store *s, int64_t session_id,
		     const char *pillar_id, int *value, struct error *err);

/* ---------------------------------------------------------------- ladder */

/* Rungs are numbered 1 (lowest, "unaware") to 8 ("make it happen"). */
#define STORE_RUNG_MIN 1
#define STORE_RUNG_MAX 8

struct store_ladder {
	int64_t session_id;
	const char *situation;
	int start_rung;   /* where the person stood */
	int reached_rung; /* highest rung climbed (>= start_rung) */
	const char *updated; /* NULL on save: now */
};

struct store_ladder_step {
	int64_t session_id;
	int rung;           /* the rung whose question was answered, asked
			     * while standing on it (ladder_question) */
	const char *answer; /* the answer to that rung's question */
	const char *answered; /* NULL on save: now */
};

/* Saves the situation and start rung of a session's ladder;
 * reached_rung is raised to start_rung when lower. */
int store_ladder_save(struct store *s, const struct store_ladder *l,
		      struct error *err);
/* Fills out (owned).  Returns 1 found, 0 none, -1. */
int store_ladder_get(struct store *s, int64_t session_id,
		     struct store_ladder *out, struct error *err);
void store_ladder_clear(struct store_ladder *l);
/* Saves one climbing step (the ladder must exist); raises reached_rung. */
int store_ladder_step_save(struct store *s, const struct store_ladder_step *st,
			   struct error *err);
int store_ladder_steps_each(struct store *s, int64_t session_id,
			    int (*cb)(const struct store_ladder_step *, void *),
			    void *ud, struct error *err);
/* The same saves, made only while the ladder is as the screen read it
 * (store_version.c).  seen holds the situation and today's rung read
 * (situation NULL: there was no ladder); a climb made elsewhere is kept
 * (reached_rung never goes down).  seen_answer is the rung's answer read
 * (NULL: none).  0 saved, 1 changed elsewhere (nothing written), -1. */
int store_ladder_save_if(struct store *s, const struct store_ladder *l,
			 const struct store_ladder *seen, struct error *err);
int store_ladder_step_save_if(struct store *s,
			      const struct store_ladder_step *st,
			      const char *seen_answer, struct error *err);
/* Removes a session's ladder with its steps. */
int store_ladder_delete(struct store *s, int64_t session_id,
			struct error *err);

/* ----------------------------------------------------------- commitments */

enum store_cstatus {
	STORE_C_OPEN,
	STORE_C_KEPT,
	STORE_C_PARTLY,
	STORE_C_MISSED,
	STORE_C_RENEGOTIATED,
};

struct store_commitment {
	int64_t id;
	char uuid[STORE_UUID_SIZE]; /* "" on add: a new one is made */
	int64_t person_id;
	int64_t session_id;          /* made in */
	const char *what;
	const char *owner;           /* optional */
	const char *due;             /* YYYY-MM-DD, optional */
	enum store_cstatus status;   /* STORE_C_OPEN on a normal add */
	int64_t reviewed_session_id; /* the session whose follow-up step
				      * reviewed it; 0 while open, and for a
				      * follow-up made outside any session
				      * (then only `reviewed` says when) */
	const char *obstacle;        /* "what got in the way?", optional */
	const char *created;         /* NULL on add: now */
	const char *reviewed;        /* when reviewed, or NULL */
	const char *person_name;     /* filled by get and each */
	int overdue;                 /* set by get and each: due < today */
	const char *helped;          /* "what helped?" (kept), optional */
	const char *differently;     /* "what will you do differently?" */
};

/* Adds a commitment with every field as given; fills c->id and uuid. */
int store_commitment_add(struct store *s, struct store_commitment *c,
			 struct error *err);
/* Changes what, owner and due of commitment c->id. */
int store_commitment_update(struct store *s, const struct store_commitment *c,
			    struct error *err);
/* Changes what, owner and due of commitment c->id only while they are
 * still what seen holds (what the screen read): 0 changed, 1 another
 * ownit changed or deleted it meanwhile (nothing written), -1. */
int store_commitment_update_if(struct store *s,
			       const struct store_commitment *c,
			       const struct store_commitment *seen,
			       struct error *err);
/* A follow-up of one commitment. */
struct store_review {
	enum store_cstatus status; /* STORE_C_OPEN undoes a review */
	int64_t session_id;        /* the session whose follow-up step made
				    * it; 0 outside any session */
	const char *obstacle;      /* "what got in the way?", optional */
	const char *helped;        /* "what helped?", optional */
	const char *differently;   /* "what will you do differently?" */
	const char *new_due;       /* required for STORE_C_RENEGOTIATED */
};

/* Records a follow-up of commitment id now.  For STORE_C_RENEGOTIATED the
 * commitment is closed as renegotiated and a new open one with the same
 * text, owner and the new due date is made (its id in *new_id when not
 * NULL) in the reviewing session, or outside a session in the person's
 * newest one.  STORE_C_OPEN on a renegotiated commitment also removes the
 * open one its renegotiation made, while that has no follow-up of its own.
 * Which session's scoring a follow-up outside any session counts for is
 * the rule in score.h. */
int store_commitment_review_with(struct store *s, int64_t id,
				 const struct store_review *r, int64_t *new_id,
				 struct error *err);

/* The due date a renegotiated commitment was given (its successor's, as
 * made by the renegotiation): 1 with due filled, 0 when id is not
 * renegotiated or its successor is gone or no longer reads the same
 * (deleted, or its words edited since), -1.  The successor is the first
 * commitment of the same person, words and owner made at or after the
 * renegotiation. */
int store_commitment_renegotiated_due(struct store *s, int64_t id,
				      char due[STORE_DAY_SIZE],
				      struct error *err);

/* The same without what helped and what will change: a follow-up of
 * commitment id in session reviewed_in (0: outside any session). */
int store_commitment_review(struct store *s, int64_t id,
			    enum store_cstatus status, int64_t reviewed_in,
			    const char *obstacle, const char *new_due,
			    int64_t *new_id, struct error *err);

/* The span of session id that counts follow-ups made outside any session
 * (score.h): from (included) and until (excluded) are set to stored
 * times, or to "" for an open end.  1 found, 0 no such session, -1. */
int store_session_review_span(struct store *s, int64_t id,
			      char from[STORE_TIME_SIZE],
			      char until[STORE_TIME_SIZE], struct error *err);
int store_commitment_delete(struct store *s, int64_t id, struct error *err);
/* Puts back a commitment read with store_commitment_get before it was
 * deleted (undo): the same uuid, text, dates and follow-up, a new id.
 * Refused (ERROR_INPUT) when its uuid is in the store already. */
int store_commitment_restore(struct store *s, const struct store_commitment *c,
			     struct error *err);
/* Follow-up, delete and undo that another ownit's change stops
 * (store_version.c).  seen is the commitment as the screen read it (id,
 * what, owner, due, status and, once reviewed, who reviewed it and the
 * reflections).  0 done, 1 changed or deleted elsewhere meanwhile
 * (nothing written), -1.  restore_if refuses (1) when the commitment is
 * back already, brought back or imported elsewhere; *now_id is then its
 * id. */
int store_commitment_review_if(struct store *s,
			       const struct store_commitment *seen,
			       const struct store_review *r, int64_t *new_id,
			       struct error *err);
int store_commitment_delete_if(struct store *s,
			       const struct store_commitment *seen,
			       struct error *err);
int store_commitment_restore_if(struct store *s,
				const struct store_commitment *c,
				int64_t *now_id, struct error *err);
/* An owned copy of c for store_commitment_clear; -1 out of memory. */
int store_commitment_dup(struct store_commitment *out,
			 const struct store_commitment *c);
/* 1 / 0 / -1; owned strings released by store_commitment_clear. */
int store_commitment_get(struct store *s, int64_t id,
			 struct store_commitment *out, struct error *err);
void store_commitment_clear(struct store_commitment *c);
int store_commitment_find_uuid(struct store *s, const char *uuid, int64_t *id,
			       struct error *err);

/* Which commitments to list; zero fields do not filter. */
struct store_commitment_filter {
	int64_t person_id;
	int64_t session_id;  /* made in this session */
	int64_t followup_of; /* the follow-up step of this session: the
	                      * person's open ones made elsewhere, and those
	                      * whose follow-up counts for it (score.h) */
	int open_only;
};

/* Commitments matching f: overdue first, then by due date (none last),
 * then in the order made. */
int store_commitments_each(struct store *s,
			   const struct store_commitment_filter *f,
			   int (*cb)(const struct store_commitment *, void *),
			   void *ud, struct error *err);

/* A person's open commitment as a short list shows it; the strings live
 * until the callback returns. */
struct store_open_commitment {
	int64_t id;
	const char *what;
	const char *due; /* YYYY-MM-DD, or NULL */
	int overdue;     /* due < today */
};

/* The open commitments of person_id in the order of
 * store_commitments_each, read from the index of open ones alone: the
 * home screen runs this for every person it selects, so it is a small
 * statement over few rows however many commitments were ever made. */
int store_open_commitments_each(struct store *s, int64_t person_id,
				int (*cb)(const struct store_open_commitment *,
					  void *),
				void *ud, struct error *err);

/* ----------------------------------------------------------------- notes */

/* The free-text note of a session, saved whole (call it as the user types;
 * the statement is kept prepared, so a save per second costs little).
 * An empty or NULL body removes the note. */
int store_note_save(struct store *s, int64_t session_id, const char *body,
		    struct error *err);
/* Sets *body (malloc'd) and returns 1, or 0 when the session has none. */
int store_note_get(struct store *s, int64_t session_id, char **body,
		   struct error *err);

/* The note with its version (how many times it was saved), for a screen
 * that will save it back with store_note_save_if: 1 with *body (malloc'd),
 * or 0 when there is none (*body NULL); *version is set either way. */
int store_note_get_versioned(struct store *s, int64_t session_id,
			     char **body, int64_t *version, struct error *err);

/* Saves body as the note only if nobody (another ownit, an import) has
 * saved it since *version was read: 0 saved (*version is now the new
 * one), 1 changed elsewhere (nothing written, *version left as it was),
 * -1 with err set. */
int store_note_save_if(struct store *s, int64_t session_id, const char *body,
		       int64_t *version, struct error *err);

/* A note as export and import see it. */
struct store_note {
	int64_t session_id;
	char uuid[STORE_UUID_SIZE];
	const char *body;
	const char *updated;
};
/* Saves a note with a given uuid and time (import). */
int store_note_put(struct store *s, const struct store_note *n,
		   struct error *err);
/* Calls cb once with the note of session_id, if it has one. */
int store_note_each(struct store *s, int64_t session_id,
		    int (*cb)(const struct store_note *, void *), void *ud,
		    struct error *err);

/* ------------------------------------------------------------ name tables */

/* "coaching"/"self", "open"/"complete", "open"/"kept"/..., and the step
 * names ("followup", "flags", "pillars", "results", "ladder",
 * "commitments", "notes", "summary").  The parse functions return the
 * value or -1 for an unknown name. */
const char *store_kind_name(enum store_kind k);
int store_kind_parse(const char *name);
const char *store_status_name(enum store_status st);
int store_status_parse(const char *name);
const char *store_cstatus_name(enum store_cstatus st);
int store_cstatus_parse(const char *name);
const char *store_step_name(enum store_step st);
int store_step_parse(const char *name);

/* ----------------------------------------------------------- team rounds */

/* A round of anonymous team answers about a leader (see team.h).  It has
 * a day, never a time, and its answers are only ever counts. */
struct store_team_round {
	int64_t id;
	char uuid[STORE_UUID_SIZE]; /* "" on add: a new one is made */
	int64_t person_id;          /* the leader */
	const char *day;            /* YYYY-MM-DD; NULL on add: today */
	const char *label;          /* optional */
	unsigned responses;         /* members who took part */
	const char *content_version;
	const char *person_name; /* set by get and each; ignored on add */
};

/* How many members gave value (0..4) to one team statement. */
struct store_team_tally {
	const char *item;
	const char *statement; /* the wording as asked */
	int value;
	unsigned count;
};

/* One member's answer to a team statement. */
struct store_team_answer {
	const char *item;
	const char *statement;
	int value; /* 0..4 */
};

/* Adds a round with no responses yet; fills r->id and r->uuid. */
int store_team_round_add(struct store *s, struct store_team_round *r,
			 struct error *err);

/* Adds one member's answers to round id: each answer adds one to its
 * statement's count at that value, and the round one response, all in
 * one transaction (a member's answers count whole or not at all). */
int store_team_response_add(struct store *s, int64_t round_id,
			    const struct store_team_answer *a, size_t n,
			    struct error *err);

/* Adds a whole round at once (a forms export, a detail import): the round
 * r with its tallies, in one transaction.  A round whose uuid is already
 * stored is left alone and 1 returned (an import run twice changes
 * nothing); else 0, or -1 with err. */
int store_team_round_put(struct store *s, struct store_team_round *r,
			 const struct store_team_tally *t, size_t n,
			 struct error *err);

/* Adds count members at value to one statement of round id (an
 * import's counts, one row at a time). */
int store_team_tally_add(struct store *s, int64_t round_id,
			 const struct store_team_tally *t, struct error *err);

/* Deletes a round and its counts. */
int store_team_round_delete(struct store *s, int64_t id, struct error *err);

/* Fills out (owned strings).  1 found, 0 not found, -1. */
int store_team_round_get(struct store *s, int64_t id,
			 struct store_team_round *out, struct error *err);
void store_team_round_clear(struct store_team_round *r);

/* The rounds of a person (person_id 0: everyone's), oldest day first,
 * then in the order they were added. */
int store_team_rounds_each(struct store *s, int64_t person_id,
			   int (*cb)(const struct store_team_round *, void *),
			   void *ud, struct error *err);

/* How far from a session a team round may lie to be set beside it: a
 * quarter either way.  Further off, the team described another time. */
#define STORE_TEAM_NEAR_DAYS 92

/* A round as finding the one beside a session needs it (teamview.h). */
struct store_team_round_day {
	int64_t id;
	int64_t person_id;
	const char *day; /* YYYY-MM-DD */
};

/* The rounds of person_id (0: everyone's) by person, then day, then in
 * the order they were added. */
int store_team_round_days_each(
	struct store *s, int64_t person_id,
	int (*cb)(const struct store_team_round_day *, void *), void *ud,
	struct error *err);

/* The counts of a round, by statement id then value. */
int store_team_tallies_each(struct store *s, int64_t round_id,
			    int (*cb)(const struct store_team_tally *, void *),
			    void *ud, struct error *err);

#endif
