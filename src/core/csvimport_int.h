/* csvimport_int.h - what the csvimport*.c files share; nobody else
 * includes this.
 *
 * csvimport.c reads records and runs the transaction, csvimport_rows.c
 * checks each row's fields, csvimport_apply.c merges a checked row into
 * the store.
 */
#ifndef OWNIT_CSVIMPORT_INT_H
#define OWNIT_CSVIMPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/csvexport.h"
#include "core/csvimport.h"

/* A uuid in the file and the row id it became here. */
struct uuid_id {
	char uuid[STORE_UUID_SIZE];
	int64_t id;
};

/* A follow-up link to make once every session is in. */
struct pending_review {
	int64_t commitment;
	char session[STORE_UUID_SIZE];
};

struct imp {
	struct store *s;
	const char *name;
	csvimport_diag_fn diag;
	void *ud;
	struct csvimport_counts *n;
	struct error *err; /* a system failure: stops everything */
	size_t problems;
	int header_seen;
	size_t ncols; /* columns of the file: the current layout or an
		       * older one, which lacks the last few */
	int failed; /* a system failure happened */

	struct uuid_id *people; /* file person uuid -> person id */
	size_t npeople, people_cap;
	struct pending_review *reviews;
	size_t nreviews, reviews_cap;

	/* The session the rows below belong to. */
	char session_uuid[STORE_UUID_SIZE];
	int64_t session_id;
	int64_t session_person;
	int session_skip; /* already here: its rows are skipped */
	int session_bad;  /* its row had problems: no writes below it */
};

enum rtype {
	R_PERSON,
	R_SESSION,
	R_ANSWER,
	R_RATING,
	R_LADDER,
	R_STEP,
	R_COMMITMENT,
	R_NOTE,
	R_COUNT
};


/* A row's fields by column, with the numbers checked on the way. */
struct row {
	unsigned long line;
	enum rtype type;
	const char *f[CSVEXPORT_DETAIL_COLUMNS];
	int value, start, reached, rung, archived, kind, status, step;
};


/* Which columns each record type must fill and may fill. */
struct csvimport_rtype {
	const char *name;
	unsigned required;
	unsigned optional;
};
extern const struct csvimport_rtype csvimport_rtypes[R_COUNT];

/* Reports a problem at line: "NAME:LINE: message". */
void csvimport_problem(struct imp *im, unsigned long line, const char *fmt,
		       ...) __attribute__((format(printf, 3, 4)));

/* A store call failed with e: an input problem is reported for the row
 * (returns 0), anything else ends the import (returns -1). */
int csvimport_store_problem(struct imp *im, unsigned long line,
			    struct error *e);

/* Makes room for n elements of size sz; -1 when out of memory (and the
 * import is ended). */
int csvimport_grow(struct imp *im, void **buf, size_t *cap, size_t n,
		   size_t sz);

/* Checks every field of r (its type and line set, fields filled in);
 * reports each problem and returns 1 when there was any. */
int csvimport_check_row(struct imp *im, struct row *r);

/* Merges a checked row; writing is 0 once the file has had a problem
 * (the row is then only followed, not written).  -1 ends the import. */
int csvimport_apply_row(struct imp *im, const struct row *r, int writing);

#endif
