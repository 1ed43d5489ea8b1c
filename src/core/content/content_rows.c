/* content_rows.c - one row of a content file into its raw struct.
 *
 * Each field is checked on its own here (ids, numbers, empty text, list
 * shape); what needs several rows or files is content_check.c's job. */
#include "config.h"

#include "core/content/content_int.h"

#include <stdio.h>
#include <string.h>

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
		content_loader_diag(r->L, 0, r->f, r->line, col(r, i),
			    "empty %s", content_columns[r->f][i]);
	const char *s = content_pool_strndup(r->L->pool, fld->data, fld->len);
	if (!s) {
		content_loader_oom(r->L);
		return "";
	}
	return s;
}

static const char *id(struct row *r, size_t i)
{
	const char *s = text(r, i);
	if (s[0] && !content_id_valid(s))
		content_loader_diag(r->L, 0, r->f, r->line, col(r, i),
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
		content_loader_diag(r->L, 0, r->f, r->line, col(r, i),
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
		content_loader_diag(r->L, 0, r->f, r->line, col(r, i),
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

/* Scores are shown cut to one decimal (score.h); an edge with more
 * decimals would let the figure shown sit in a different band than the
 * score. */
static int tenths(struct row *r, size_t i)
{
	const char *dot = memchr(r->v[i]->data, '.', r->v[i]->len);
	if (!dot || r->v[i]->len - (size_t)(dot - r->v[i]->data) <= 2)
		return 0;
	content_loader_diag(r->L, 0, r->f, r->line, col(r, i),
		    "%s may have at most one decimal, not \"%s\": scores "
		    "are shown to one decimal",
		    content_columns[r->f][i], r->v[i]->data);
	return -1;
}

#define PUSH(L, vec, type) ((type *)content_vec_push(&(L)->vec, sizeof(type)))

static int row_redflag(struct row *r)
{
	struct raw_flag *x = PUSH(r->L, flags, struct raw_flag);
	if (!x)
		return content_loader_oom(r->L);
	x->line = r->line;
	x->f.id = id(r, 0);
	x->f.title = text(r, 1);
	x->f.summary = text(r, 2);
	x->pillars = ref(r, 3);
	x->practices = ref(r, 4);
	return 0;
}

/* 1 when optional field i is there and holds something. */
static int given(const struct row *r, size_t i)
{
	return r->v[i] && r->v[i]->len > 0;
}

/* A row with a pillar and no flag is a team-only statement about the
 * leader's own behaviour: the team's wording is all it has. */
static int row_team_only(struct row *r)
{
	struct raw_team *x = PUSH(r->L, teamonly, struct raw_team);
	if (!x)
		return content_loader_oom(r->L);
	x->line = r->line;
	x->col_id = col(r, 0);
	x->t.id = id(r, 0);
	if (given(r, 2))
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 2),
			    "a team-only statement (pillar given) keeps its "
			    "wording in \"team\"; leave statement empty");
	x->t.statement = text(r, 5);
	x->t.reverse = whole(r, 3, 0, 1) == 1;
	x->t.retired = r->v[4] && whole(r, 4, 0, 1) == 1;
	x->t.item = x->t.flag = CONTENT_NONE;
	x->pillar = ref(r, 6);
	return 0;
}

static int row_item(struct row *r)
{
	if (given(r, 6) && !given(r, 1))
		return row_team_only(r);
	struct raw_item *x = PUSH(r->L, items, struct raw_item);
	if (!x)
		return content_loader_oom(r->L);
	x->line = r->line;
	x->it.id = id(r, 0);
	x->flag = ref(r, 1);
	x->it.statement = text(r, 2);
	x->it.reverse = whole(r, 3, 0, 1) == 1;
	x->it.retired = r->v[4] && whole(r, 4, 0, 1) == 1;
	if (given(r, 6))
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 6),
			    "a statement scores on a red flag or, team-only, "
			    "on a pillar: leave pillar empty or flag empty");
	/* With the column there, every asked statement needs the team's
	 * wording, or a team round would ask less than the leader did. */
	if (r->v[5] && !x->it.retired)
		x->it.team = text(r, 5);
	else if (given(r, 5))
		x->it.team = text(r, 5);
	return 0;
}

static int row_scale(struct row *r)
{
	struct raw_scale *x = PUSH(r->L, scale, struct raw_scale);
	if (!x)
		return content_loader_oom(r->L);
	x->line = r->line;
	x->s.value = whole(r, 0, CONTENT_SCALE_MIN, CONTENT_SCALE_MAX);
	x->s.label = text(r, 1);
	return 0;
}

static int row_pillar(struct row *r)
{
	struct raw_pillar *x = PUSH(r->L, pillars, struct raw_pillar);
	if (!x)
		return content_loader_oom(r->L);
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
		return content_loader_oom(r->L);
	x->line = r->line;
	x->col_line = col(r, 3);
	x->r.number = whole(r, 0, 1, CONTENT_RUNGS);
	x->r.id = id(r, 1);
	x->r.name = text(r, 2);
	const char *line = text(r, 3);
	if (strcmp(line, "above") == 0)
		x->r.above = 1;
	else if (strcmp(line, "below") != 0 && line[0])
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 3),
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
	const char **v = content_pool_alloc(L->pool, cap * sizeof *v);
	if (!v)
		return content_loader_oom(L);
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
		else if (!(v[(*n)++] = content_pool_strndup(L->pool, a,
						    (size_t)(b - a))))
			return content_loader_oom(L);
		if (!end)
			break;
		p = end + 1;
	}
	*out = v;
	return 0;
}

int content_loader_split_list(struct loader *L, const char *s,
			      const char ***out, size_t *n, int *empty_piece)
{
	return split_list(L, s, out, n, empty_piece);
}

static int row_practice(struct row *r)
{
	struct raw_practice *x = PUSH(r->L, practices, struct raw_practice);
	if (!x)
		return content_loader_oom(r->L);
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
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 3),
			    "empty action between ';'");
	else if (x->p.nactions < 2 || x->p.nactions > 4)
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 3),
			    "a practice needs 2 to 4 actions separated by "
			    "';', not %zu",
			    x->p.nactions);
	return 0;
}

static int row_check(struct row *r)
{
	struct raw_check *x = PUSH(r->L, checks, struct raw_check);
	if (!x)
		return content_loader_oom(r->L);
	x->line = r->line;
	x->k.id = id(r, 0);
	x->k.topic = id(r, 1);
	x->k.question = text(r, 2);
	x->practices = ref(r, 3);
	x->flags = ref(r, 4);
	return 0;
}

static int row_band(struct row *r)
{
	struct raw_band *x = PUSH(r->L, bands, struct raw_band);
	if (!x)
		return content_loader_oom(r->L);
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
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 0),
			    "kind must be \"flag\", \"pillar\" or \"gap\", "
			    "not \"%s\"",
			    kind);
	x->b.band = text(r, 1);
	int bad = decimal(r, 2, &x->b.min) | decimal(r, 3, &x->b.max);
	for (size_t i = 2; !bad && !x->gap && i <= 3; i++)
		bad |= tenths(r, i);
	if (!bad && x->b.min >= x->b.max)
		content_loader_diag(r->L, 0, r->f, r->line, col(r, 3),
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
int content_loader_row(struct loader *L, enum content_file f,
		       unsigned long line, const struct csvfile_field *const *v)
{
	struct row r = {.L = L, .f = f, .line = line};
	for (size_t k = 0; content_columns[f][k]; k++)
		r.v[k] = v[k];
	return row_fn[f](&r);
}
