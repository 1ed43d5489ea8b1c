/* content_int.h - what the content loader's files share; not for users.
 *
 * Loading runs in three passes: content_load.c reads each file into raw
 * rows (text copied into a pool, references kept as text with where they
 * came from), content_check.c resolves the references and checks the
 * rules that span rows or files, and then builds the final model.
 */
#ifndef OWNIT_CONTENT_PRIV_H
#define OWNIT_CONTENT_PRIV_H

#include <stddef.h>

#include "core/content/content.h"
#include "core/io/csvfile.h"
#include "core/base/error.h"

/* Stored diagnostics stop here; the rest are counted in one last line. */
#define CONTENT_DIAGS_MAX 100

enum content_file {
	CF_REDFLAGS,
	CF_ITEMS,
	CF_SCALE,
	CF_PILLARS,
	CF_LADDER,
	CF_PRACTICES,
	CF_CHECKS,
	CF_BANDS,
	CF_VERSION,
	CF_COUNT
};

/* A block allocator: everything in the model lives in one pool. */
struct pool;
struct pool *content_pool_new(void);
void *content_pool_alloc(struct pool *p, size_t size); /* zeroed */
char *content_pool_strndup(struct pool *p, const char *s, size_t len);
void content_pool_free(struct pool *p);

/* A growable array of elem-sized items. */
struct vec {
	void *v;
	size_t n, cap;
};
void *content_vec_push(struct vec *v, size_t elem); /* zeroed, NULL when OOM */
void content_vec_free(struct vec *v);

/* A reference list as written, with where it was written. */
struct textref {
	const char *text;
	unsigned long line;
	size_t col;
};

struct raw_flag {
	struct content_flag f;
	unsigned long line;
	struct textref pillars, practices;
};

struct raw_item {
	struct content_item it;
	unsigned long line;
	struct textref flag;
};

/* A team-only statement (an items.csv row with a pillar, no flag). */
struct raw_team {
	struct content_team_item t;
	unsigned long line;
	size_t col_id;
	struct textref pillar;
};

struct raw_scale {
	struct content_scale s;
	unsigned long line;
};

struct raw_pillar {
	struct content_pillar p;
	unsigned long line;
	struct textref practices;
};

struct raw_rung {
	struct content_rung r;
	unsigned long line;
	size_t col_line; /* column of the `line` field */
};

struct raw_practice {
	struct content_practice p;
	unsigned long line;
};

struct raw_check {
	struct content_check k;
	unsigned long line;
	struct textref practices, flags;
};

struct raw_band {
	struct content_band b;
	int gap; /* the rating vs behaviour threshold row */
	unsigned long line;
	size_t col_band, col_min;
};

struct loader {
	struct pool *pool;
	struct content_diags *diags;
	size_t dropped; /* errors past CONTENT_DIAGS_MAX */
	struct error *err;
	int runtime; /* a system failure: stop everything */
	const char *label[CF_COUNT]; /* file names used in messages */
	int ok[CF_COUNT];            /* read completely with usable header */
	size_t colpos[CF_COUNT][12]; /* column number of each known column */
	struct vec flags, items, scale, pillars, rungs, practices, checks,
		bands, teamonly;
	const char *version;
	double gap_threshold;
	const char *gap_label;
};

/* The known columns of each CSV file, NULL-terminated. */
extern const char *const *const content_columns[CF_COUNT];

/* 1 when column k of file f may be left out (its field is then NULL). */
int content_column_optional(enum content_file f, size_t k);

/* Adds "FILE:LINE:COL: message" to the errors (warn = 0) or warnings. */
void content_loader_diag(struct loader *L, int warn, enum content_file f,
		 unsigned long line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Records a system failure (out of memory); returns -1. */
int content_loader_oom(struct loader *L);

/* Parses one file (data/len, named label) into the loader's raw rows. */
int content_loader_read_csv(struct loader *L, enum content_file f,
			    const char *data, size_t len, const char *path);

/* Checks one record (v: its fields in the order of content_columns[f])
 * and adds it to the raw rows.  Returns -1 only on a system failure. */
int content_loader_row(struct loader *L, enum content_file f,
		       unsigned long line,
		       const struct csvfile_field *const *v);

/* Splits "a; b;c" into trimmed pieces allocated in the pool;
 * *empty_piece tells whether a piece was blank. */
int content_loader_split_list(struct loader *L, const char *s,
			      const char ***out, size_t *n, int *empty_piece);

/* Checks VERSION. */
void content_loader_read_version(struct loader *L, const char *data,
				 size_t len);

/* Pass two: references and whole-file rules, then the model; NULL when
 * something is wrong (the diagnostics say what). */
struct content *content_loader_finish(struct loader *L);

/* 1 when s is a valid id: [a-z0-9-]+, at most 64 bytes. */
int content_id_valid(const char *s);

#endif
