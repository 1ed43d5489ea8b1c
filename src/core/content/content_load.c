/* content_load.c - reading the content folders and files.
 *
 * Picks each file from the user or the base folder, maps header columns,
 * hands every record to content_rows.c, and collects problems rather than
 * returning at the first, so one run reports all of them.
 */
#include "config.h"

#include "core/content/content_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/io/csvfile.h"
#include "core/base/paths.h"

const char *const content_files[] = {
	"redflags.csv", "items.csv",	 "scale.csv",  "pillars.csv",
	"ladder.csv",	"practices.csv", "checks.csv", "bands.csv",
	"VERSION",	NULL,
};

static const char *const cols_redflags[] = {"id",	 "title",
					    "summary",	 "pillars",
					    "practices", NULL};
static const char *const cols_items[] = {
	"id", "flag", "statement", "reverse", "retired", "team", "pillar", NULL};
static const char *const cols_scale[] = {"value", "label", NULL};
static const char *const cols_pillars[] = {
	"id",	  "name",   "summary", "question", "level1",	"level2",
	"level3", "level4", "level5",  "practices", NULL};
static const char *const cols_ladder[] = {
	"rung", "id", "name", "line", "sounds_like", "question", NULL};
static const char *const cols_practices[] = {"id", "name", "summary",
					     "actions", NULL};
static const char *const cols_checks[] = {"id",	  "topic", "question",
					  "practices", "flags", NULL};
static const char *const cols_bands[] = {"kind", "band", "min",
					 "max",	 "label", NULL};

const char *const *const content_columns[CF_COUNT] = {
	cols_redflags, cols_items,  cols_scale,
	cols_pillars,  cols_ladder, cols_practices,
	cols_checks,   cols_bands,  NULL,
};

/* A content folder written before statements could be retired has no
 * `retired` column, and every statement in it is asked; one written
 * before team rounds has no `team` or `pillar` column, and offers no team
 * statements. */
int content_column_optional(enum content_file f, size_t k)
{
	return f == CF_ITEMS && k >= 4;
}

/* -------------------------------------------------------- diagnostics */

static int diag_add(struct loader *L, int warn, char *line)
{
	char ***list = warn ? &L->diags->warnings : &L->diags->errors;
	size_t *n = warn ? &L->diags->nwarnings : &L->diags->nerrors;
	char **nl = realloc(*list, (*n + 1) * sizeof *nl);
	if (!nl) {
		free(line);
		return content_loader_oom(L);
	}
	nl[(*n)++] = line;
	*list = nl;
	return 0;
}

void content_loader_diag(struct loader *L, int warn, enum content_file f,
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
		content_loader_oom(L);
		return;
	}
	diag_add(L, warn, s);
}

int content_loader_oom(struct loader *L)
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

struct reading {
	struct loader *L;
	enum content_file f;
	int have_header;
	size_t *map; /* file column -> known column + 1, 0 = unknown */
	char *names; /* file column -> 1 when the header names it */
	size_t ncols;
	int unnamed_reported;
};

/* Data under a header cell left empty: a row shifted by a separator
 * inside a field, or a stray cell.  Reported once per file; its rows
 * would repeat the same message. */
static void unnamed_data(struct reading *rd, unsigned long line, size_t i)
{
	rd->unnamed_reported = 1;
	content_loader_diag(rd->L, 0, rd->f, line, i + 1,
		    "data in column %zu, which has no name in the header: a "
		    "shifted row (quote a field holding ',' or ';') or a "
		    "stray cell",
		    i + 1);
}

static int read_header(struct reading *rd, const struct csvfile_record *rec)
{
	struct loader *L = rd->L;
	const char *const *known = content_columns[rd->f];
	rd->map = calloc(rec->nfields, sizeof *rd->map);
	rd->names = calloc(rec->nfields, 1);
	if (!rd->map || !rd->names)
		return content_loader_oom(L);
	rd->ncols = rec->nfields;
	for (size_t i = 0; i < rec->nfields; i++) {
		const struct csvfile_field *h = &rec->fields[i];
		size_t k = 0;
		rd->names[i] = h->len > 0;
		while (known[k] && strcmp(known[k], h->data) != 0)
			k++;
		if (!h->len) {
			/* A column with no name: harmless while empty (a
			 * spreadsheet pads rows), an error once it holds data
			 * (see on_record). */
		} else if (!known[k]) {
			content_loader_diag(L, 1, rd->f, rec->line, i + 1,
				    "unknown column \"%s\" ignored", h->data);
		} else if (L->colpos[rd->f][k]) {
			content_loader_diag(L, 0, rd->f, rec->line, i + 1,
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
		if (L->colpos[rd->f][k] || content_column_optional(rd->f, k))
			continue;
		content_loader_diag(L, 0, rd->f, rec->line, k + 1,
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
	const struct csvfile_field *v[12] = {NULL};
	for (size_t i = 0; i < rec->nfields; i++) {
		if (i < rd->ncols && rd->map[i])
			v[rd->map[i] - 1] = &rec->fields[i];
		else if (i >= rd->ncols && rec->fields[i].len)
			/* Spreadsheets pad rows with empty cells; anything
			 * more is data with no column to go to. */
			content_loader_diag(L, 0, rd->f, rec->line, i + 1,
				    "field beyond the last column");
		else if (rec->fields[i].len && !rd->unnamed_reported &&
			 !rd->names[i])
			unnamed_data(rd, rec->line, i);
	}
	for (size_t k = 0; content_columns[rd->f][k]; k++) {
		/* An optional field may be left off the end of a row. */
		if (!v[k] && !content_column_optional(rd->f, k)) {
			content_loader_diag(L, 0, rd->f, rec->line,
				    L->colpos[rd->f][k],
				    "missing field \"%s\"",
				    content_columns[rd->f][k]);
			return L->runtime ? -1 : 0;
		}
	}
	content_loader_row(L, rd->f, rec->line, v);
	return L->runtime ? -1 : 0;
}

int content_loader_read_csv(struct loader *L, enum content_file f,
			    const char *data, size_t len, const char *path)
{
	struct reading rd = {.L = L, .f = f};
	struct error e = {0};
	L->ok[f] = 1;
	int rc = path ? csvfile_read_path(path, on_record, &rd, &e)
		      : csvfile_read_mem(L->label[f], data, len, on_record,
					 &rd, &e);
	free(rd.map);
	free(rd.names);
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
			return content_loader_oom(L);
		return 0;
	}
	if (!rd.have_header) {
		L->ok[f] = 0;
		content_loader_diag(L, 0, f, 1, 1,
				    "empty file: a header row is "
				    "needed");
	}
	return 0;
}

void content_loader_read_version(struct loader *L, const char *data, size_t len)
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
		content_loader_diag(L, 0, CF_VERSION, 1, 1,
			    "the first line must be a version like 2026.11.1 "
			    "(letters, digits, '.', '-', '+'; at most 64)");
		L->ok[CF_VERSION] = 0;
		return;
	}
	L->ok[CF_VERSION] = 1;
	if (!(L->version = content_pool_strndup(L->pool, data, n)))
		content_loader_oom(L);
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
	L->pool = content_pool_new();
	if (!L->pool)
		content_loader_oom(L);
}

static void loader_release(struct loader *L)
{
	content_vec_free(&L->flags);
	content_vec_free(&L->items);
	content_vec_free(&L->teamonly);
	content_vec_free(&L->scale);
	content_vec_free(&L->pillars);
	content_vec_free(&L->rungs);
	content_vec_free(&L->practices);
	content_vec_free(&L->checks);
	content_vec_free(&L->bands);
}

/* Ends a load: the model, or NULL with err set from the diagnostics. */
static struct content *loader_end(struct loader *L,
				  struct content_diags *local)
{
	struct content *c = L->runtime ? NULL : content_loader_finish(L);
	loader_release(L);
	if (!c) {
		content_pool_free(L->pool);
		L->diags->nfound = L->diags->nerrors + L->dropped;
		if (!L->runtime && L->diags->nerrors) {
			size_t more = L->diags->nerrors - 1 + L->dropped;
			if (more)
				error_set(L->err, ERROR_INPUT,
					  "%s (and %zu more error%s)",
					  L->diags->errors[0], more,
					  more == 1 ? "" : "s");
			else
				error_set(L->err, ERROR_INPUT, "%s",
					  L->diags->errors[0]);
		} else if (!L->runtime) {
			error_set(L->err, ERROR_INPUT, "content not loaded");
		}
		char *s = NULL;
		if (L->dropped && !L->runtime &&
		    (asprintf(&s, "(%zu more error%s not shown)", L->dropped,
			      L->dropped == 1 ? "" : "s") < 0 ||
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

/* 1 when path exists but cannot be looked at (a folder without search
 * permission, say): that is the user's mistake to report, not a file to
 * fall back from. */
static int is_denied(const char *path)
{
	struct stat st;
	return stat(path, &st) != 0 && errno != ENOENT && errno != ENOTDIR;
}

static char *read_small(const char *path, size_t *len, struct loader *L)
{
	FILE *fp = fopen(path, "rb");
	char *buf = malloc(256);
	*len = 0;
	if (!buf) {
		if (fp)
			fclose(fp);
		content_loader_oom(L);
		return NULL;
	}
	if (!fp) {
		free(buf);
		content_loader_diag(L, 0, CF_VERSION, 1, 1, "cannot open: %s",
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
		content_pool_free(L.pool);
		return NULL;
	}
	for (int f = 0; f < CF_COUNT && !L.runtime; f++) {
		char *up = user ? paths_join(user, content_files[f], err)
				: NULL;
		if (user && !up) {
			L.runtime = 1;
			break;
		}
		if (up && (is_file(up) || is_denied(up))) {
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
			if (is_denied(paths[f]))
				content_loader_diag(&L, 0, f, 1, 1,
						    "cannot read: %s",
						    strerror(errno));
			else
				content_loader_diag(&L, 0, f, 1, 1,
						    "missing file");
			continue;
		}
		if (f != CF_VERSION) {
			content_loader_read_csv(&L, f, NULL, 0, paths[f]);
			continue;
		}
		size_t len;
		char *v = read_small(paths[f], &len, &L);
		if (v)
			content_loader_read_version(&L, v, len);
		free(v);
	}
	/* A partial override changes the content but not its VERSION:
	 * say so, since sessions record the version they used. */
	if (!L.runtime && L.version && from_user && from_base &&
	    !user_version) {
		char *v = NULL;
		if (asprintf(&v, "%s+local", L.version) < 0 ||
		    !(L.version = content_pool_strndup(L.pool, v, strlen(v))))
			content_loader_oom(&L);
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
			content_loader_diag(&L, 0, f, 1, 1, "missing file");
		else if (f == CF_VERSION)
			content_loader_read_version(&L, data[i], len[i]);
		else
			content_loader_read_csv(&L, f, data[i], len[i], NULL);
	}
	return loader_end(&L, &local);
}
