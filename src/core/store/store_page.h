/* store_page.h - long lists read a page at a time, filtered in SQL.
 *
 * The screens show a few rows of lists that may hold tens of thousands
 * (people, a person's sessions, commitments).  These read only the rows
 * asked for: next to a row already shown (keyset paging: "the rows after
 * this one's key", through the index, never counting from the top), from
 * either end, or, for a jump with no row at hand, at an offset skipped
 * inside SQLite.  A filter is matched in SQL as the rows are read, by one
 * function (store_page_match) so the way text is compared is in one place.
 */
#ifndef OWNIT_STORE_PAGE_H
#define OWNIT_STORE_PAGE_H

#include <stddef.h>

#include "core/store/store.h"

/* Which rows, and from where. */
struct store_page {
	const char *filter;   /* NULL or "": every row; else a case-insensitive
			       * part of one of the row's texts */
	int include_archived; /* people: archived ones too */
	/* The key position of the row to start next to, which is itself
	 * left out: a person's name; a session's start and id; a
	 * commitment's due date and id.  Unset:
	 * from the start, or from the end when backward. */
	int from_set;
	const char *from_text;
	int64_t from_id;
	int backward;  /* rows before from (or the last rows), nearest first */
	size_t offset; /* rows skipped first; only without from */
	size_t limit;
};

/* People in name order, as store_people_each gives them, for the page p.
 * cb returning non-zero stops the walk (that value is returned). */
int store_people_page(struct store *s, const struct store_page *p,
		      int (*cb)(const struct store_person_row *, void *),
		      void *ud, struct error *err);

/* How many people p's filter keeps (from, offset and limit unused). */
int store_people_count(struct store *s, const struct store_page *p, size_t *n,
		       struct error *err);

/* 1 when the database holds anyone at all (archived people too), 0 when
 * it holds no one, -1 on error.  One row read, where a count reads the
 * whole table. */
int store_people_exist(struct store *s, struct error *err);

/* Where person id stands in p's list: 1 with *pos set, 0 when the filter
 * leaves them out or there is no such person, -1 on error. */
int store_people_position(struct store *s, const struct store_page *p,
			  int64_t id, size_t *pos, struct error *err);

/* A person's sessions, newest first, as store_sessions_each gives them,
 * for the page p (keyed by start time and id); p->filter is matched in
 * SQL against the local day, the kind, the status and the coach. */
int store_sessions_page(struct store *s, int64_t person_id,
			const struct store_page *p,
			int (*cb)(const struct store_session *, void *),
			void *ud, struct error *err);

/* How many of the person's sessions p's filter keeps. */
int store_sessions_count(struct store *s, int64_t person_id,
			 const struct store_page *p, size_t *n,
			 struct error *err);

/* Open commitments in the order store_commitments_each gives them
 * (overdue first, then by due date, none last), for the page p, p->filter
 * matched in SQL against what, the person, the owner and the due date.
 * A commitment's key position is its due date (from_text; NULL or "" for
 * none) and id (from_id); overdue is reckoned against today. */
int store_open_commitments_page(struct store *s, const struct store_page *p,
				int (*cb)(const struct store_commitment *,
					  void *),
				void *ud, struct error *err);

/* How many open commitments p's filter keeps. */
int store_open_commitments_count(struct store *s, const struct store_page *p,
				 size_t *n, struct error *err);

/* 1 when haystack contains needle ignoring letter case (every script the
 * C library's towlower knows); an empty needle is in everything.  The
 * SQL filters use this very test. */
int store_page_match(const char *haystack, const char *needle);

#endif
