/* commit_rows.c - a session step's copy of the commitments it read. */
#include "config.h"

#include "ui/session/commit_rows.h"

#include <stdlib.h>

/* The store walk's callback: appends a copy of c; 1, which stops the
 * walk, when out of memory. */
static int commit_rows_add(const struct store_commitment *c, void *rows)
{
	struct commit_rows *r = rows;
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		struct store_commitment *v = realloc(r->v, cap * sizeof *v);
		if (!v)
			return 1;
		r->v = v;
		r->cap = cap;
	}
	if (store_commitment_dup(&r->v[r->n], c) != 0)
		return 1;
	r->n++;
	return 0;
}

int commit_rows_read(struct commit_rows *r, struct store *s,
		     const struct store_commitment_filter *f, struct error *err)
{
	commit_rows_clear(r);
	int rc = store_commitments_each(s, f, commit_rows_add, r, err);
	if (rc > 0)
		return error_set(err, ERROR_RUNTIME,
				 "out of memory reading the commitments");
	return rc < 0 ? -1 : 0;
}

void commit_rows_clear(struct commit_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		store_commitment_clear(&r->v[i]);
	r->n = 0;
}

void commit_rows_free(struct commit_rows *r)
{
	commit_rows_clear(r);
	free(r->v);
	r->v = NULL;
	r->cap = 0;
}

size_t commit_rows_find(const struct commit_rows *r, int64_t id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].id == id)
			return i;
	return (size_t)-1;
}
