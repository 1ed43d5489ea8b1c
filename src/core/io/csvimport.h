/* csvimport.h - merging a detail export into the database.
 *
 * The input is what `ownit export --detail` writes (see csvexport.h and
 * the manual page).  Reading is strict: the CSV must parse (libcsv in
 * strict mode), the header must be the detail header, and every row is
 * checked: its record type, its number of fields, which fields it may and
 * must fill, uuids, times, dates, numbers in range, and that it refers to
 * a person or session above it.  Every problem is reported, one line each
 * as "FILE:LINE: message" (LINE where the record starts), and nothing at
 * all is written unless the whole file is valid: the rows are written in
 * one transaction that is rolled back at the first sign of trouble.
 *
 * Merging rules:
 *  - a person, session, commitment or note whose uuid was met before, in
 *    the file or in the database, is skipped when it is the same record
 *    (a session with every row inside it) and is a problem naming both
 *    places otherwise (csvimport_dup.c);
 *  - a person with a new uuid is matched by name, ignoring letter case;
 *    a match is used as is, not updated;
 *  - so importing the same file twice changes nothing the second time.
 * Memory stays flat however long the file: what the import remembers
 * lives in the store's temporary tables (store_import.h).
 * A commitment's follow-up session is linked by uuid once the file is
 * read; when that session is neither in the file nor in the database the
 * link is left empty.
 */
#ifndef OWNIT_CSVIMPORT_H
#define OWNIT_CSVIMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "core/base/error.h"
#include "core/store/store.h"

struct csvimport_counts {
	size_t rows; /* data rows read */
	size_t people_added, people_skipped;
	size_t sessions_added, sessions_skipped;
	size_t commitments_added, commitments_skipped;
	size_t rounds_added, rounds_skipped; /* team rounds */
};

/* Receives each problem found, "NAME:LINE: message". */
typedef void (*csvimport_diag_fn)(const char *line, void *ud);

/* Imports from fp, calling the source name in messages.  diag may be
 * NULL.  Returns 0 when everything was written (counts filled), or -1:
 * ERROR_INPUT when the file had problems (each one given to diag; err
 * says how many and that nothing was imported), ERROR_RUNTIME when the
 * system failed (nothing written either). */
int csvimport_stream(struct store *s, const char *name, FILE *fp,
		     csvimport_diag_fn diag, void *ud,
		     struct csvimport_counts *counts, struct error *err);

/* The same from memory (tests, the fuzzer). */
int csvimport_mem(struct store *s, const char *name, const void *buf,
		  size_t len, csvimport_diag_fn diag, void *ud,
		  struct csvimport_counts *counts, struct error *err);

#endif
