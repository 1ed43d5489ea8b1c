/* content_load.c - reading the content files into raw rows.
 *
 * Every row is checked on its own here (ids, numbers, empty fields); what
 * needs several rows or files is left to content_check.c.  Problems are
 * collected, not returned, so one run reports all of them.
 */
#include "config.h"

#include "core/content_priv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/csvfile.h"
#include "core/paths.h"

const char *const content_files[] = {
	"redflags.csv", "items.csv",	 "scale.csv",  "pillars.csv",
	"ladder.csv",	"practices.csv", "checks.csv", "bands.csv",
	"VERSION",	NULL,
};

static const char *const cols_redflags[] = {"id",	 "title",
					    "summary",	 "pillars",
					    "practices", NULL};
static const char *const cols_items[] = {"id", "flag", "statement", "reverse",
					 NULL};
static const char *const cols_scale[] = {"value", "label", NULL};
static const char *const cols_pillars[] = {
	"id",	  "name",   "summary", "question", "level1",	"level2",
	"level3", "level4", "level5",  "practices", NULL};
static const char *const cols_ladder[] = {
	"rung", "id", "name", "line", "sounds_like", "question", NULL};
static const char *const cols_practices[] = {"id", "name", "summary",
					     "actions", NULL};
static const char *const cols_checks[] = {"id", "topic", "question",
					  "practices", NULL};
static const char *const cols_bands[] = {"kind", "band", "min",
					 "max",	 "label", NULL};

const char *const *const content_columns[CF_COUNT] = {
	cols_redflags, cols_items,  cols_scale,
	cols_pillars,  cols_ladder, cols_practices,
	cols_checks,   cols_bands,  NULL,
};

/* ------------------------------------------------------------ storage */

struct pool {
	struct pool *next;
	size_t used, size;
	max_align_t data[];
};

#define POOL_BLOCK (16 * 1024)

struct pool *pool_new(void)
{
	return calloc(1, sizeof(struct pool));
}

void *pool_alloc(struct pool *p, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
	       sizeof(max_align_t);
	struct pool *b = p->next;
	if (!b || b->size - b->used < size) {
		size_t cap = size > POOL_BLOCK ? size : POOL_BLOCK;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = cap;
		b->next = p->next;
		p->next = b;
	}
	void *r = (char *)b->data + b->used;
	b->used += size;
	memset(r, 0, size);
	return r;
}

char *pool_strndup(struct pool *p, const char *s, size_t len)
{
	char *d = pool_alloc(p, len + 1);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

void pool_free(struct pool *p)
{
	while (p) {
		struct pool *next = p->next;
		free(p);
		p = next;
	}
}

void *vec_push(struct vec *v, size_t elem)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		void *nv = realloc(v->v, cap * elem);
		if (!nv)
			return NULL;
		v->v = nv;
		v->cap = cap;
	}
	void *r = (char *)v->v + v->n++ * elem;
	memset(r, 0, elem);
	return r;
}

void vec_free(struct vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

/* -------------------------------------------------------- diagnostics */

static int diag_add(struct loader *L, int warn, char *line)
{
	char ***list = warn ? &L->diags->warnings : &L->diags->errors;
	size_t *n = warn ? &L->diags->nwarnings : &L->diags->nerrors;
	char **nl = realloc(*list, (*n + 1) * sizeof *nl);
	if (!nl) {
		free(line);
		return loader_oom(L);
	}
	nl[(*n)++] = line;
	*list = nl;
	return 0;
}

void loader_diag(struct loader *L, int warn, enum content_file f,
		 unsigned long line, size_t col, const char *fmt, ...)
{
	if (L->runtime)
		return;
	size_t have = warn ? L->diags->nwarnings : L->diags->nerrors;
	if (have >= CONTENT_DIAGS_MAX) {
		if (!warn)
			L->dropped++;
		return;
	}
	char msg[ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *s = NULL;
	if (asprintf(&s, "%s:%lu:%zu: %s%s", L->label[f], line, col,
		     warn ? "warning: " : "", msg) < 0) {
		loader_oom(L);
		return;
	}
	diag_add(L, warn, s);
}

int loader_oom(struct loader *L)
{
	if (!L->runtime)
		error_errno(L->err, ERROR_RUNTIME, ENOMEM,
			    "loading content");
	L->runtime = 1;
	return -1;
}

int content_id_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* ------------------------------------------------------------ parsing */

/* One record of a file, its fields in the order of content_columns. */
struct row {
	struct loader *L;
	enum content_file f;
	unsigned long line;
	const struct csvfile_field *v[12];
};

static size_t col(const struct row *r, size_t i)
{
	return r->L->colpos[r->f][i];
}

/* The field copied into the pool; empty fields are an error (every
 * column of the content says something a coach needs). */
static const char *text(struct row *r, size_t i)
{
	const struct csvfile_field *fld = r->v[i];
	if (fld->len == 0)
		loader_diag(r->L, 0, r->f, r->line, col(r, i),
			    "empty %s", content_columns[r->f][i]);
	const char *s = pool_strndup(r->L->pool, fld->data, fld->len);
	if (!s) {
		loader_oom(r->L);
		return "";
	}
	return s;
}

static const char *id(struct row *r, size_t i)
{
	const char *s = text(r, i);
	if (s[0] && !content_id_valid(s))
		loader_diag(r->L, 0, r->f, r->line, col(r, i),
			    "%s \"%s\" may only use a-z, 0-9 and '-' "
			    "(at most 64)",
			    content_columns[r->f][i], s);
	return s;
}

static struct textref ref(struct row *r, size_t i)
{
	struct textref t = {text(r, i), r->line, col(r, i)};
	return t;
}

/* A whole number in [lo, hi]; -1 with a message otherwise. */
static int whole(struct row *r, size_t i, int lo, int hi)
{
	const char *s = r->v[i]->data;
	size_t n = r->v[i]->len;
	int v = 0;
	if (n == 0 || n > 3 || strspn(s, "0123456789") != n)
		v = -1;
	for (size_t k = 0; v >= 0 && k < n; k++)
		v = v * 10 + (s[k] - '0');
	if (v < lo || v > hi) {
		loader_diag(r->L, 0, r->f, r->line, col(r, i),
			    "%s must be a whole number from %d to %d, not "
			    "\"%s\"",
			    content_columns[r->f][i], lo, hi, s);
		return -1;
	}
	return v;
}

/* A decimal like 2 or 2.5, read without the locale (a German LC_NUMERIC
 * would want a comma).  digits / 10^k is exact for these sizes, so the
 * value equals what strtod gives in the C locale. */
static int decimal(struct row *r, size_t i, double *out)
{
	const char *s = r->v[i]->data;
	size_t n = r->v[i]->len, k = 0, frac = 0;
	int neg = 0, seen = 0, dot = 0;
	double mant = 0;
	if (k < n && s[k] == '-')
		neg = 1, k++;
	for (; k < n && n <= 12; k++) {
		if (s[k] >= '0' && s[k] <= '9') {
			mant = mant * 10 + (s[k] - '0');
			seen = 1;
			frac += dot;
		} else if (s[k] == '.' && !dot && seen) {
			dot = 1;
			seen = 0;
		} else {
			break;
		}
	}
	if (!seen || k != n) {
		loader_diag(r->L, 0, r->f, r->line, col(r, i),
			    "%s must be a number like 2 or 2.5, not \"%s\"",
			    content_columns[r->f][i], s);
		return -1;
	}
	double scale = 1;
	while (frac--)
		scale *= 10;
	*out = (neg ? -mant : mant) / scale;
	return 0;
}

#define PUSH(L, vec, type) ((type *)vec_push(&(L)->vec, sizeof(type)))

static int row_redflag(struct row *r)
{
	struct raw_flag *x = PUSH(r->L, flags, struct raw_flag);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->f.id = id(r, 0);
	x->f.title = text(r, 1);
	x->f.summary = text(r, 2);
	x->pillars = ref(r, 3);
	x->practices = ref(r, 4);
	return 0;
}

static int row_item(struct row *r)
{
	struct raw_item *x = PUSH(r->L, items, struct raw_item);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->it.id = id(r, 0);
	x->flag = ref(r, 1);
	x->it.statement = text(r, 2);
	x->it.reverse = whole(r, 3, 0, 1) == 1;
	return 0;
}

static int row_scale(struct row *r)
{
	struct raw_scale *x = PUSH(r->L, scale, struct raw_scale);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->s.value = whole(r, 0, CONTENT_SCALE_MIN, CONTENT_SCALE_MAX);
	x->s.label = text(r, 1);
	return 0;
}

static int row_pillar(struct row *r)
{
	struct raw_pillar *x = PUSH(r->L, pillars, struct raw_pillar);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->p.id = id(r, 0);
	x->p.name = text(r, 1);
	x->p.summary = text(r, 2);
	x->p.question = text(r, 3);
	for (size_t k = 0; k < CONTENT_RATING_MAX; k++)
		x->p.level[k] = text(r, 4 + k);
	x->practices = ref(r, 9);
	x->p.centre = strcmp(x->p.id, CONTENT_CENTRE_ID) == 0;
	return 0;
}

static int row_rung(struct row *r)
{
	struct raw_rung *x = PUSH(r->L, rungs, struct raw_rung);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->col_line = col(r, 3);
	x->r.number = whole(r, 0, 1, CONTENT_RUNGS);
	x->r.id = id(r, 1);
	x->r.name = text(r, 2);
	const char *line = text(r, 3);
	if (strcmp(line, "above") == 0)
		x->r.above = 1;
	else if (strcmp(line, "below") != 0 && line[0])
		loader_diag(r->L, 0, r->f, r->line, col(r, 3),
			    "line must be \"below\" or \"above\", not \"%s\"",
			    line);
	x->r.sounds_like = text(r, 4);
	x->r.question = text(r, 5);
	return 0;
}

/* Splits "a; b;c" into trimmed pieces in the pool. */
static int split_list(struct loader *L, const char *s, const char ***out,
		      size_t *n, int *empty_piece)
{
	size_t cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ';';
	const char **v = pool_alloc(L->pool, cap * sizeof *v);
	if (!v)
		return loader_oom(L);
	*n = 0;
	*empty_piece = 0;
	for (const char *p = s;;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *a = p, *b = p + len;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (a == b)
			*empty_piece = 1;
		else if (!(v[(*n)++] = pool_strndup(L->pool, a,
						    (size_t)(b - a))))
			return loader_oom(L);
		if (!end)
			break;
		p = end + 1;
	}
	*out = v;
	return 0;
}

int loader_split_list(struct loader *L, const char *s, const char ***out,
		      size_t *n, int *empty_piece)
{
	return split_list(L, s, out, n, empty_piece);
}

static int row_practice(struct row *r)
{
	struct raw_practice *x = PUSH(r->L, practices, struct raw_practice);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->p.id = id(r, 0);
	x->p.name = text(r, 1);
	x->p.summary = text(r, 2);
	const char *acts = text(r, 3);
	const char **v;
	int empty;
	if (split_list(r->L, acts, &v, &x->p.nactions, &empty) < 0)
		return -1;
	x->p.actions = v;
	if (!acts[0])
		return 0;
	if (empty)
		loader_diag(r->L, 0, r->f, r->line, col(r, 3),
			    "empty action between ';'");
	else if (x->p.nactions < 2 || x->p.nactions > 4)
		loader_diag(r->L, 0, r->f, r->line, col(r, 3),
			    "a practice needs 2 to 4 actions separated by "
			    "';', not %zu",
			    x->p.nactions);
	return 0;
}

static int row_check(struct row *r)
{
	struct raw_check *x = PUSH(r->L, checks, struct raw_check);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->k.id = id(r, 0);
	x->k.topic = id(r, 1);
	x->k.question = text(r, 2);
	x->practices = ref(r, 3);
	return 0;
}

static int row_band(struct row *r)
{
	struct raw_band *x = PUSH(r->L, bands, struct raw_band);
	if (!x)
		return loader_oom(r->L);
	x->line = r->line;
	x->col_band = col(r, 1);
	x->col_min = col(r, 2);
	const char *kind = text(r, 0);
	if (strcmp(kind, "flag") == 0)
		x->b.kind = CONTENT_BAND_FLAG;
	else if (strcmp(kind, "pillar") == 0)
		x->b.kind = CONTENT_BAND_PILLAR;
	else if (strcmp(kind, "gap") == 0)
		x->gap = 1;
	else if (kind[0])
		loader_diag(r->L, 0, r->f, r->line, col(r, 0),
			    "kind must be \"flag\", \"pillar\" or \"gap\", "
			    "not \"%s\"",
			    kind);
	x->b.band = text(r, 1);
	int bad = decimal(r, 2, &x->b.min) | decimal(r, 3, &x->b.max);
	if (!bad && x->b.min >= x->b.max)
		loader_diag(r->L, 0, r->f, r->line, col(r, 3),
			    "max (%g) must be above min (%g)", x->b.max,
			    x->b.min);
	x->b.label = text(r, 4);
	return 0;
}

static int (*const row_fn[CF_COUNT])(struct row *) = {
	row_redflag, row_item,	row_scale, row_pillar, row_rung,
	row_practice, row_check, row_band, NULL,
};

/* How the columns of the file at hand map to the known ones. */
struct reading {
	struct loader *L;
	enum content_file f;
	int have_header;
	size_t *map; /* file column -> known column + 1, 0 = unknown */
	size_t ncols;
};

static int read_header(struct reading *rd, const struct csvfile_record *rec)
{
	struct loader *L = rd->L;
	const char *const *known = content_columns[rd->f];
	rd->map = calloc(rec->nfields, sizeof *rd->map);
	if (!rd->map)
		return loader_oom(L);
	rd->ncols = rec->nfields;
	for (size_t i = 0; i < rec->nfields; i++) {
		const struct csvfile_field *h = &rec->fields[i];
		size_t k = 0;
		while (known[k] && strcmp(known[k], h->data) != 0)
			k++;
		if (!known[k]) {
			loader_diag(L, 1, rd->f, rec->line, i + 1,
				    "unknown column \"%s\" ignored", h->data);
		} else if (L->colpos[rd->f][k]) {
			loader_diag(L, 0, rd->f, rec->line, i + 1,
				    "column \"%s\" appears twice (first in "
				    "column %zu)",
				    h->data, L->colpos[rd->f][k]);
		} else {
			L->colpos[rd->f][k] = i + 1;
			rd->map[i] = k + 1;
		}
	}
	int complete = 1;
	for (size_t k = 0; known[k]; k++) {
		if (L->colpos[rd->f][k])
			continue;
		loader_diag(L, 0, rd->f, rec->line, k + 1,
			    "missing column \"%s\"", known[k]);
		complete = 0;
	}
	return complete ? 0 : 1;
}

static int on_record(const struct csvfile_record *rec, void *ctx,
		     struct error *err)
{
	struct reading *rd = ctx;
	struct loader *L = rd->L;
	(void)err;
	if (!rd->have_header) {
		rd->have_header = 1;
		int rc = read_header(rd, rec);
		if (rc > 0)
			L->ok[rd->f] = 0;
		return L->runtime ? -1 : rc;
	}
	struct row r = {.L = L, .f = rd->f, .line = rec->line};
	for (size_t i = 0; i < rec->nfields; i++) {
		if (i < rd->ncols && rd->map[i])
			r.v[rd->map[i] - 1] = &rec->fields[i];
		else if (i >= rd->ncols && rec->fields[i].len)
			/* Spreadsheets pad rows with empty cells; anything
			 * more is data with no column to go to. */
			loader_diag(L, 0, rd->f, rec->line, i + 1,
				    "field beyond the last column");
	}
	for (size_t k = 0; content_columns[rd->f][k]; k++) {
		if (!r.v[k]) {
			loader_diag(L, 0, rd->f, rec->line,
				    L->colpos[rd->f][k],
				    "missing field \"%s\"",
				    content_columns[rd->f][k]);
			return L->runtime ? -1 : 0;
		}
	}
	row_fn[rd->f](&r);
	return L->runtime ? -1 : 0;
}

int loader_read_csv(struct loader *L, enum content_file f, const char *data,
		    size_t len, const char *path)
{
	struct reading rd = {.L = L, .f = f};
	struct error e = {0};
	L->ok[f] = 1;
	int rc = path ? csvfile_read_path(path, on_record, &rd, &e)
		      : csvfile_read_mem(L->label[f], data, len, on_record,
					 &rd, &e);
	free(rd.map);
	if (L->runtime)
		return -1;
	if (rc < 0) {
		L->ok[f] = 0;
		if (e.kind == ERROR_RUNTIME) {
			*L->err = e;
			L->runtime = 1;
			return -1;
		}
		char *s = strdup(e.msg);
		if (!s || diag_add(L, 0, s) < 0)
			return loader_oom(L);
		return 0;
	}
	if (!rd.have_header) {
		L->ok[f] = 0;
		loader_diag(L, 0, f, 1, 1, "empty file: a header row is "
					   "needed");
	}
	return 0;
}

void loader_read_version(struct loader *L, const char *data, size_t len)
{
	size_t n = 0;
	while (n < len && data[n] != '\n' && data[n] != '\r')
		n++;
	size_t ok = 0;
	while (ok < n && (strchr("+-.", data[ok]) ||
			  (data[ok] >= '0' && data[ok] <= '9') ||
			  (data[ok] >= 'a' && data[ok] <= 'z') ||
			  (data[ok] >= 'A' && data[ok] <= 'Z')))
		ok++;
	if (n == 0 || n > 64 || ok < n) {
		loader_diag(L, 0, CF_VERSION, 1, 1,
			    "the first line must be a version like 2026.11.1 "
			    "(letters, digits, '.', '-', '+'; at most 64)");
		L->ok[CF_VERSION] = 0;
		return;
	}
	L->ok[CF_VERSION] = 1;
	if (!(L->version = pool_strndup(L->pool, data, n)))
		loader_oom(L);
}

/* --------------------------------------------------------- entry points */

static void loader_init(struct loader *L, struct content_diags *diags,
			struct content_diags *local, struct error *err)
{
	memset(L, 0, sizeof *L);
	memset(local, 0, sizeof *local);
	if (diags)
		memset(diags, 0, sizeof *diags);
	L->diags = diags ? diags : local;
	L->err = err;
	error_clear(err);
	L->pool = pool_new();
	if (!L->pool)
		loader_oom(L);
}

static void loader_release(struct loader *L)
{
	vec_free(&L->flags);
	vec_free(&L->items);
	vec_free(&L->scale);
	vec_free(&L->pillars);
	vec_free(&L->rungs);
	vec_free(&L->practices);
	vec_free(&L->checks);
	vec_free(&L->bands);
}

/* Ends a load: the model, or NULL with err set from the diagnostics. */
static struct content *loader_end(struct loader *L,
				  struct content_diags *local)
{
	struct content *c = L->runtime ? NULL : loader_finish(L);
	loader_release(L);
	if (!c) {
		pool_free(L->pool);
		if (!L->runtime && L->diags->nerrors) {
			size_t more = L->diags->nerrors - 1 + L->dropped;
			if (more)
				error_set(L->err, ERROR_INPUT,
					  "%s (and %zu more errors)",
					  L->diags->errors[0], more);
			else
				error_set(L->err, ERROR_INPUT, "%s",
					  L->diags->errors[0]);
		} else if (!L->runtime) {
			error_set(L->err, ERROR_INPUT, "content not loaded");
		}
		char *s = NULL;
		if (L->dropped && !L->runtime &&
		    (asprintf(&s, "(%zu more errors not shown)",
			      L->dropped) < 0 ||
		     diag_add(L, 0, s) < 0))
			content_diags_free(L->diags);
	}
	content_diags_free(local);
	return c;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *read_small(const char *path, size_t *len, struct loader *L)
{
	FILE *fp = fopen(path, "rb");
	char *buf = malloc(256);
	*len = 0;
	if (!buf) {
		if (fp)
			fclose(fp);
		loader_oom(L);
		return NULL;
	}
	if (!fp) {
		free(buf);
		loader_diag(L, 0, CF_VERSION, 1, 1, "cannot open: %s",
			    strerror(errno));
		return NULL;
	}
	*len = fread(buf, 1, 256, fp);
	fclose(fp);
	return buf;
}

struct content *content_load(const char *base, const char *user,
			     struct content_diags *diags, struct error *err)
{
	struct loader L;
	struct content_diags local;
	char *paths[CF_COUNT] = {0};
	int from_user = 0, from_base = 0, user_version = 0;
	struct error spare;
	if (!err)
		err = &spare;
	loader_init(&L, diags, &local, err);
	if (!base && !user) {
		error_set(err, ERROR_INPUT, "no content folder given");
		pool_free(L.pool);
		return NULL;
	}
	for (int f = 0; f < CF_COUNT && !L.runtime; f++) {
		char *up = user ? paths_join(user, content_files[f], err)
				: NULL;
		if (user && !up) {
			L.runtime = 1;
			break;
		}
		if (up && is_file(up)) {
			paths[f] = up;
			from_user = 1;
			user_version |= f == CF_VERSION;
			continue;
		}
		free(up);
		if (!base)
			base = user;
		if (!(paths[f] = paths_join(base, content_files[f], err)))
			L.runtime = 1;
		else
			from_base = 1;
	}
	for (int f = 0; f < CF_COUNT; f++)
		L.label[f] = paths[f] ? paths[f] : content_files[f];
	for (int f = 0; f < CF_COUNT && !L.runtime; f++) {
		if (!is_file(paths[f])) {
			loader_diag(&L, 0, f, 1, 1, "missing file");
			continue;
		}
		if (f != CF_VERSION) {
			loader_read_csv(&L, f, NULL, 0, paths[f]);
			continue;
		}
		size_t len;
		char *v = read_small(paths[f], &len, &L);
		if (v)
			loader_read_version(&L, v, len);
		free(v);
	}
	/* A partial override changes the content but not its VERSION:
	 * say so, since sessions record the version they used. */
	if (!L.runtime && L.version && from_user && from_base &&
	    !user_version) {
		char *v = NULL;
		if (asprintf(&v, "%s+local", L.version) < 0 ||
		    !(L.version = pool_strndup(L.pool, v, strlen(v))))
			loader_oom(&L);
		free(v);
	}
	struct content *c = loader_end(&L, &local);
	for (int f = 0; f < CF_COUNT; f++)
		free(paths[f]);
	return c;
}

struct content *content_load_mem(const char *const *names,
				 const char *const *data, const size_t *len,
				 size_t nfiles, struct content_diags *diags,
				 struct error *err)
{
	struct loader L;
	struct content_diags local;
	struct error spare;
	if (!err)
		err = &spare;
	loader_init(&L, diags, &local, err);
	for (int f = 0; f < CF_COUNT; f++)
		L.label[f] = content_files[f];
	for (int f = 0; f < CF_COUNT && !L.runtime; f++) {
		size_t i = 0;
		while (i < nfiles && strcmp(names[i], content_files[f]) != 0)
			i++;
		if (i == nfiles)
			loader_diag(&L, 0, f, 1, 1, "missing file");
		else if (f == CF_VERSION)
			loader_read_version(&L, data[i], len[i]);
		else
			loader_read_csv(&L, f, data[i], len[i], NULL);
	}
	return loader_end(&L, &local);
}
