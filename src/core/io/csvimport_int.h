/* csvimport_int.h - what the csvimport*.c files share; nobody else
 * includes this.
 *
 * csvimport.c reads records and runs the transaction (the file read on a
 * second thread by csvimport_pipe.c), csvimport_rows.c
 * checks each row's fields, csvimport_apply.c merges a checked row into
 * the store.
 */
#ifndef OWNIT_CSVIMPORT_INT_H
#define OWNIT_CSVIMPORT_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/io/csvexport.h"
#include "core/io/csvfile.h"
#include "core/io/csvimport.h"
#include "core/base/dates.h"

/* The kinds of record that carry a uuid, as the import remembers them
 * (store_import.h). */
enum dup_kind { DUP_PERSON, DUP_SESSION, DUP_COMMITMENT, DUP_NOTE };

/* What the rows of the current session must add up to, when its uuid
 * was met before. */
enum block_check {
	BLOCK_NEW,         /* first time: remember its digest at the end */
	BLOCK_SAME_AS_LINE, /* an earlier session of the file */
	BLOCK_SAME_AS_STORED, /* a session already in the database */
};

/* The places of a session met so far, each with the line that filled it
 * (csvimport_once.c). */
struct csvimport_once {
	struct csvimport_once_slot *slot; /* cap slots, a power of two */
	size_t cap, used;
	char *keys; /* kind byte + key + NUL, one after another */
	size_t keys_len, keys_cap;
};

/* Remembers key of kind (a record type) at line: 0 when it is new, 1 when
 * it was met before (*first its line), -1 when memory ran out. */
int csvimport_once_put(struct csvimport_once *o, int kind, const char *key,
		       unsigned long line, unsigned long *first,
		       struct error *err);
/* Forgets every key, for the next session. */
void csvimport_once_clear(struct csvimport_once *o);
void csvimport_once_free(struct csvimport_once *o);

struct imp {
	struct store *s;
	const char *name;
	csvimport_diag_fn diag;
	void *ud;
	struct csvimport_counts *n;
	struct error *err; /* a system failure: stops everything */
	size_t problems;
	int header_seen;
	size_t ncols; /* columns of this file's header (an older export may
	               * have fewer than CSVEXPORT_DETAIL_COLUMNS) */
	int failed; /* a system failure happened */

	/* The session the rows below belong to. */
	char session_uuid[STORE_UUID_SIZE];
	int64_t session_id;
	int64_t session_person;
	int session_skip; /* already here: its rows are skipped */
	int session_bad;  /* its row had problems: no writes below it */
	struct csvimport_once once; /* what it holds once, met so far */

	/* The person looked up last: file uuid, row id, uuid here. */
	char last_person[STORE_UUID_SIZE];
	char last_person_here[STORE_UUID_SIZE];
	int64_t last_person_id;

	/* The digest of the session's rows so far (see csvimport_dup.c). */
	int block_open;
	enum block_check block_check;
	unsigned long block_line, block_other_line;
	uint64_t block_sum[2], block_want[2];

	/* The team round the team_tally rows below belong to. */
	char team_round_uuid[STORE_UUID_SIZE];
	int64_t team_round_id;
	int team_round_skip; /* already here: its counts are skipped */
	int team_round_bad;  /* its row had problems */
	long team_round_responses;
	/* Its tallies so far: each (statement, value) once, and per
	 * statement the answers counted, which its responses bound. */
	struct csvimport_once team_once;
	struct csvimport_team_sum *team_sums;
	size_t team_nsums, team_sums_cap;
};

/* Forgets the round's tallies (csvimport_team.c). */
void csvimport_team_reset(struct imp *im);

enum rtype {
	R_PERSON,
	R_SESSION,
	R_ANSWER,
	R_RATING,
	R_LADDER,
	R_STEP,
	R_COMMITMENT,
	R_NOTE,
	R_TEAM_ROUND,
	R_TEAM_TALLY,
	R_COUNT
};


/* A row's fields by column, with the numbers checked on the way. */
struct row {
	unsigned long line;
	enum rtype type;
	const char *f[CSVEXPORT_DETAIL_COLUMNS];
	int value, start, reached, rung, archived, kind, status, step;
	/* time, closed and due as export wrote them, when the file has
	 * them the way a spreadsheet writes dates back */
	char time_buf[2][DATES_TS_SIZE];
	char day_buf[DATES_DAY_SIZE];
	int no_occasion;
	int regulated;
	int count; /* team_round: responses; team_tally: members */
};


/* Which columns each record type must fill and may fill. */
struct csvimport_rtype {
	const char *name;
	uint64_t required; /* bit c: column c (more than 32 columns) */
	uint64_t optional;
};
extern const struct csvimport_rtype csvimport_rtypes[R_COUNT];

/* Runs reader r over a source to its end (csvimport.c: a stream or a
 * buffer). */
typedef int (*csvimport_feed_fn)(struct csvfile_reader *r, void *src,
				 struct error *err);

/* Reads the source named name with feed on a second thread and gives
 * each record to fn on this one, in order (csvimport_pipe.c).  0 when fn
 * took every record or stopped the reading (returned 1); -1 when fn
 * failed (returned -1) or, with err set, when reading failed. */
int csvimport_pipe(const char *name, csvimport_feed_fn feed, void *src,
		   csvfile_record_fn fn, void *ctx, struct error *err);

/* Reports one problem at "FILE:WHERE: " (WHERE a line, or line:column). */
void csvimport_vproblem(struct imp *im, const char *where, const char *fmt,
			va_list ap) __attribute__((format(printf, 3, 0)));
void csvimport_problem(struct imp *im, unsigned long line, const char *fmt,
		       ...) __attribute__((format(printf, 3, 4)));

/* A store call failed with e: an input problem is reported for the row
 * (returns 0), anything else ends the import (returns -1). */
int csvimport_store_problem(struct imp *im, unsigned long line,
			    struct error *e);

/* Checks every field of r (its type and line set, fields filled in);
 * reports each problem and returns 1 when there was any. */
int csvimport_check_row(struct imp *im, struct row *r);

/* Merges a checked row; writing is 0 once the file has had a problem
 * (the row is then only followed, not written).  -1 ends the import. */
int csvimport_apply_row(struct imp *im, const struct row *r, int writing);

/* The person a row's person column stands for (csvimport_apply.c):
 * 1 found (*id 0 when its row was not written), 0 not, -1 failure. */
int csvimport_person_resolve(struct imp *im, const char *uuid, int64_t *id,
			     char here[STORE_UUID_SIZE]);

/* Merges a checked team_round or team_tally row (csvimport_team.c): a
 * round whose uuid is already here is skipped with its counts. */
int csvimport_apply_team(struct imp *im, const struct row *r, int writing);

/* ------------------------------------------------- duplicate uuids
 * (csvimport_dup.c).  A record whose uuid was met before, earlier in the
 * file or in the database, is skipped when it is the same to the last
 * field and is a problem naming both places otherwise.  Records are
 * compared by a digest of their fields as the detail export writes them;
 * a session's digest covers every row inside it, in any order. */

/* The digest of a row; person is the uuid its person column stands for
 * here (a person matched by name has the database's uuid), or NULL to
 * take the column as it is. */
void csvimport_row_digest(const struct row *r, const char *person,
			  uint64_t out[2]);

/* The digest of a record in the database, as an export would write it:
 * kind DUP_PERSON for person id; otherwise session id, whole
 * (DUP_SESSION) or its one commitment or note with this uuid, whose
 * session uuid goes to session (when not NULL).  1 found, 0 not (out
 * zero), -1 failure (the import is ended). */
int csvimport_stored_digest(struct imp *im, enum dup_kind kind, int64_t id,
			    const char *uuid, uint64_t out[2],
			    char session[STORE_UUID_SIZE]);

/* Looks for a single-row record (person, commitment, note) of digest d
 * met before, first in the file, then in the database.  0: new; 1: the
 * same, to be skipped (*id set to the row it is here: the person, the
 * commitment; 0 for a note or when the file's first copy was not
 * written); 2: different, a problem was reported; -1: failure. */
int csvimport_dup_row(struct imp *im, enum dup_kind kind, const struct row *r,
		      const uint64_t d[2], int64_t *id);

/* Remembers a record read from the file (line, id here, digest). */
int csvimport_dup_remember(struct imp *im, enum dup_kind kind,
			   const char *uuid, unsigned long line, int64_t id,
			   const uint64_t d[2]);

/* A session row opens a block, and every row inside it adds to it;
 * block_end compares the sum with what it must match. */
void csvimport_block_add(struct imp *im, const uint64_t d[2]);
int csvimport_block_end(struct imp *im);

#endif
