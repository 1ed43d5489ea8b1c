/* content_check.c - rules across rows and files, then the final model.
 *
 * A file that could not be read completely (a parse error, a missing
 * column) is left out of every cross-file check: its half-read rows would
 * only bury the real error under dangling references.
 */
#include "config.h"

#include "core/content/content_int.h"

#include <string.h>

#define RAW(L, vec, type) ((type *)(L)->vec.v)

/* The id of row i of a table, and the table's size. */
static const char *row_id(const struct loader *L, enum content_file f,
			  size_t i)
{
	switch (f) {
	case CF_REDFLAGS:
		return RAW(L, flags, struct raw_flag)[i].f.id;
	case CF_ITEMS:
		return RAW(L, items, struct raw_item)[i].it.id;
	case CF_PILLARS:
		return RAW(L, pillars, struct raw_pillar)[i].p.id;
	case CF_LADDER:
		return RAW(L, rungs, struct raw_rung)[i].r.id;
	case CF_PRACTICES:
		return RAW(L, practices, struct raw_practice)[i].p.id;
	case CF_CHECKS:
		return RAW(L, checks, struct raw_check)[i].k.id;
	default:
		return "";
	}
}

static unsigned long row_line(const struct loader *L, enum content_file f,
			      size_t i)
{
	switch (f) {
	case CF_REDFLAGS:
		return RAW(L, flags, struct raw_flag)[i].line;
	case CF_ITEMS:
		return RAW(L, items, struct raw_item)[i].line;
	case CF_PILLARS:
		return RAW(L, pillars, struct raw_pillar)[i].line;
	case CF_LADDER:
		return RAW(L, rungs, struct raw_rung)[i].line;
	case CF_PRACTICES:
		return RAW(L, practices, struct raw_practice)[i].line;
	case CF_CHECKS:
		return RAW(L, checks, struct raw_check)[i].line;
	default:
		return 0;
	}
}

static size_t table_size(const struct loader *L, enum content_file f)
{
	const struct vec *v[CF_COUNT] = {
		&L->flags,  &L->items,	   &L->scale,  &L->pillars, &L->rungs,
		&L->practices, &L->checks, &L->bands, NULL};
	return v[f] ? v[f]->n : 0;
}

static long find_id(const struct loader *L, enum content_file f,
		    const char *id)
{
	for (size_t i = 0; i < table_size(L, f); i++)
		if (strcmp(row_id(L, f, i), id) == 0)
			return (long)i;
	return -1;
}

/* The column holding the id, wherever the header put it. */
static size_t id_col(const struct loader *L, enum content_file f)
{
	return L->colpos[f][f == CF_LADDER ? 1 : 0];
}

static void check_unique(struct loader *L, enum content_file f)
{
	size_t n = table_size(L, f);
	for (size_t i = 1; i < n; i++) {
		const char *id = row_id(L, f, i);
		for (size_t j = 0; j < i && id[0]; j++) {
			if (strcmp(row_id(L, f, j), id) != 0)
				continue;
			content_loader_diag(
			    L, 0, f, row_line(L, f, i), id_col(L, f),
			    "duplicate id \"%s\" (first on line %lu)", id,
			    row_line(L, f, j));
			break;
		}
	}
}

static const char *const noun[CF_COUNT] = {
	"red flag", "statement", "scale value", "pillar", "rung",
	"practice", "check",     "band",	"version"};

/* Resolves a ';'-separated list of ids of table dst. */
static int resolve(struct loader *L, enum content_file src,
		   const struct textref *t, enum content_file dst,
		   struct content_refs *out)
{
	const char **ids;
	size_t n;
	int empty;
	if (!t->text[0])
		return 0; /* already reported as empty */
	if (content_loader_split_list(L, t->text, &ids, &n, &empty) < 0)
		return -1;
	size_t *idx = content_pool_alloc(L->pool, (n ? n : 1) * sizeof *idx);
	if (!idx)
		return content_loader_oom(L);
	if (empty)
		content_loader_diag(L, 0, src, t->line, t->col,
			    "empty entry in the list (ids are separated by "
			    "';')");
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		long k = find_id(L, dst, ids[i]);
		if (k < 0) {
			content_loader_diag(L, 0, src, t->line, t->col,
				    "unknown %s \"%s\" (not in %s)", noun[dst],
				    ids[i], L->label[dst]);
			continue;
		}
		int twice = 0;
		for (size_t j = 0; j < m; j++)
			twice |= idx[j] == (size_t)k;
		if (twice)
			content_loader_diag(L, 0, src, t->line, t->col,
				    "%s \"%s\" listed twice", noun[dst],
				    ids[i]);
		else
			idx[m++] = (size_t)k;
	}
	out->idx = idx;
	out->n = m;
	return 0;
}

static void resolve_all(struct loader *L)
{
	int flags = L->ok[CF_REDFLAGS], pillars = L->ok[CF_PILLARS];
	int practices = L->ok[CF_PRACTICES];
	struct raw_flag *rf = RAW(L, flags, struct raw_flag);
	for (size_t i = 0; flags && i < L->flags.n; i++) {
		if (pillars)
			resolve(L, CF_REDFLAGS, &rf[i].pillars, CF_PILLARS,
				&rf[i].f.pillars);
		if (practices)
			resolve(L, CF_REDFLAGS, &rf[i].practices,
				CF_PRACTICES, &rf[i].f.practices);
	}
	struct raw_pillar *rp = RAW(L, pillars, struct raw_pillar);
	for (size_t i = 0; pillars && practices && i < L->pillars.n; i++)
		resolve(L, CF_PILLARS, &rp[i].practices, CF_PRACTICES,
			&rp[i].p.practices);
	struct raw_check *rk = RAW(L, checks, struct raw_check);
	for (size_t i = 0; L->ok[CF_CHECKS] && practices && i < L->checks.n;
	     i++)
		resolve(L, CF_CHECKS, &rk[i].practices, CF_PRACTICES,
			&rk[i].k.practices);
	for (size_t i = 0; L->ok[CF_CHECKS] && flags && i < L->checks.n; i++)
		resolve(L, CF_CHECKS, &rk[i].flags, CF_REDFLAGS,
			&rk[i].k.flags);
	struct raw_item *ri = RAW(L, items, struct raw_item);
	for (size_t i = 0; L->ok[CF_ITEMS] && flags && i < L->items.n; i++) {
		const struct textref *t = &ri[i].flag;
		long k = t->text[0] ? find_id(L, CF_REDFLAGS, t->text) : 0;
		if (k < 0)
			content_loader_diag(L, 0, CF_ITEMS, t->line, t->col,
				    "unknown red flag \"%s\" (not in %s)",
				    t->text, L->label[CF_REDFLAGS]);
		ri[i].it.flag = k < 0 ? (size_t)-1 : (size_t)k;
	}
}

/* Team-only statements: a pillar that exists, an id no diagnostic
 * statement has (a team answer is stored under its id), and each id
 * once. */
static void check_team_only(struct loader *L)
{
	struct raw_team *rt = RAW(L, teamonly, struct raw_team);
	if (!L->ok[CF_ITEMS])
		return;
	for (size_t i = 0; i < L->teamonly.n; i++) {
		const struct textref *t = &rt[i].pillar;
		long k = find_id(L, CF_PILLARS, t->text);
		if (L->ok[CF_PILLARS] && k < 0)
			content_loader_diag(L, 0, CF_ITEMS, t->line, t->col,
				    "unknown pillar \"%s\" (not in %s)",
				    t->text, L->label[CF_PILLARS]);
		rt[i].t.pillar = k < 0 ? CONTENT_NONE : (size_t)k;
		unsigned long first = 0;
		long same = find_id(L, CF_ITEMS, rt[i].t.id);
		if (same >= 0)
			first = row_line(L, CF_ITEMS, (size_t)same);
		for (size_t j = 0; !first && j < i; j++)
			if (strcmp(rt[j].t.id, rt[i].t.id) == 0)
				first = rt[j].line;
		if (first && rt[i].t.id[0])
			content_loader_diag(
			    L, 0, CF_ITEMS, rt[i].line, rt[i].col_id,
			    "duplicate id \"%s\" (first on line %lu)",
			    rt[i].t.id, first);
	}
}

/* Each red flag's statements, and the minimum the diagnostic needs;
 * retired statements are not asked, so they count for neither. */
static void link_items(struct loader *L)
{
	struct raw_flag *rf = RAW(L, flags, struct raw_flag);
	struct raw_item *ri = RAW(L, items, struct raw_item);
	if (!L->ok[CF_REDFLAGS] || !L->ok[CF_ITEMS])
		return;
	for (size_t f = 0; f < L->flags.n; f++) {
		size_t n = 0, reverse = 0;
		for (size_t i = 0; i < L->items.n; i++)
			n += ri[i].it.flag == f && !ri[i].it.retired;
		size_t *idx =
		    content_pool_alloc(L->pool, (n ? n : 1) * sizeof *idx);
		if (!idx) {
			content_loader_oom(L);
			return;
		}
		n = 0;
		for (size_t i = 0; i < L->items.n; i++) {
			if (ri[i].it.flag != f || ri[i].it.retired)
				continue;
			idx[n++] = i;
			reverse += ri[i].it.reverse;
		}
		rf[f].f.items.idx = idx;
		rf[f].f.items.n = n;
		if (n < CONTENT_MIN_ITEMS)
			content_loader_diag(L, 0, CF_REDFLAGS, rf[f].line,
				    id_col(L, CF_REDFLAGS),
				    "red flag \"%s\" has %zu statements in %s; "
				    "at least %d are needed",
				    rf[f].f.id, n, L->label[CF_ITEMS],
				    CONTENT_MIN_ITEMS);
		else if (!reverse)
			content_loader_diag(L, 1, CF_REDFLAGS, rf[f].line,
				    id_col(L, CF_REDFLAGS),
				    "red flag \"%s\" has no reverse-scored "
				    "statement",
				    rf[f].f.id);
	}
}

/* A red flag no check names gets no self-check on the results: worth a
 * warning, not an error (the rest of the advice still stands). */
static void check_flags_have_checks(struct loader *L)
{
	if (!L->ok[CF_REDFLAGS] || !L->ok[CF_CHECKS])
		return;
	struct raw_flag *rf = RAW(L, flags, struct raw_flag);
	struct raw_check *rk = RAW(L, checks, struct raw_check);
	for (size_t f = 0; f < L->flags.n; f++) {
		int named = 0;
		for (size_t k = 0; k < L->checks.n && !named; k++)
			for (size_t i = 0; i < rk[k].k.flags.n; i++)
				named |= rk[k].k.flags.idx[i] == f;
		if (!named)
			content_loader_diag(L, 1, CF_REDFLAGS, rf[f].line,
				    id_col(L, CF_REDFLAGS),
				    "red flag \"%s\" has no self-check: no row "
				    "of %s names it in its flags column",
				    rf[f].f.id, L->label[CF_CHECKS]);
	}
}

static void check_scale(struct loader *L)
{
	struct raw_scale *rs = RAW(L, scale, struct raw_scale);
	unsigned long seen[CONTENT_SCALE_MAX + 1] = {0};
	if (!L->ok[CF_SCALE])
		return;
	for (size_t i = 0; i < L->scale.n; i++) {
		int v = rs[i].s.value;
		if (v < 0)
			continue;
		if (seen[v])
			content_loader_diag(L, 0, CF_SCALE, rs[i].line,
				    L->colpos[CF_SCALE][0],
				    "value %d appears twice (first on line "
				    "%lu)",
				    v, seen[v]);
		else
			seen[v] = rs[i].line;
	}
	for (int v = CONTENT_SCALE_MIN; v <= CONTENT_SCALE_MAX; v++)
		if (!seen[v])
			content_loader_diag(
			    L, 0, CF_SCALE, 1, L->colpos[CF_SCALE][0],
			    "value %d is missing: the scale runs %d "
			    "to %d",
			    v, CONTENT_SCALE_MIN, CONTENT_SCALE_MAX);
}

static void check_ladder(struct loader *L)
{
	struct raw_rung *rr = RAW(L, rungs, struct raw_rung);
	long at[CONTENT_RUNGS + 1];
	int complete = 1;
	if (!L->ok[CF_LADDER])
		return;
	for (int k = 0; k <= CONTENT_RUNGS; k++)
		at[k] = -1;
	for (size_t i = 0; i < L->rungs.n; i++) {
		int v = rr[i].r.number;
		if (v < 1)
			continue;
		if (at[v] >= 0)
			content_loader_diag(L, 0, CF_LADDER, rr[i].line,
				    L->colpos[CF_LADDER][0],
				    "rung %d appears twice (first on line %lu)",
				    v, rr[at[v]].line);
		else
			at[v] = (long)i;
	}
	for (int v = 1; v <= CONTENT_RUNGS; v++) {
		if (at[v] >= 0)
			continue;
		complete = 0;
		content_loader_diag(L, 0, CF_LADDER, 1, L->colpos[CF_LADDER][0],
			    "rung %d is missing: rungs run 1 to %d without "
			    "gaps",
			    v, CONTENT_RUNGS);
	}
	if (!complete)
		return;
	if (!rr[at[1]].r.above && rr[at[CONTENT_RUNGS]].r.above) {
		for (int v = 2; v <= CONTENT_RUNGS; v++) {
			const struct raw_rung *lo = &rr[at[v - 1]];
			const struct raw_rung *hi = &rr[at[v]];
			if (lo->r.above && !hi->r.above)
				content_loader_diag(L, 0, CF_LADDER, hi->line,
					    hi->col_line,
					    "rung %d is below the line but "
					    "rung %d is above it: below "
					    "rungs come first",
					    v, v - 1);
		}
	} else {
		content_loader_diag(L, 0, CF_LADDER, 1, L->colpos[CF_LADDER][3],
			    "rung 1 must be below the line and rung %d "
			    "above it",
			    CONTENT_RUNGS);
	}
}

struct band_kind {
	const char *kind;
	double lo, hi;
	const char *names[3];
};

static const struct band_kind band_kinds[2] = {
	[CONTENT_BAND_FLAG] = {"flag", CONTENT_SCALE_MIN, CONTENT_SCALE_MAX,
			       {"green", "amber", "red"}},
	[CONTENT_BAND_PILLAR] = {"pillar", CONTENT_RATING_MIN,
				 CONTENT_RATING_MAX, {"low", "medium",
						      "strong"}},
};

/* The bands of one kind must be the three known ones and tile the whole
 * range of the score, so every score reads as exactly one band. */
static void check_band_kind(struct loader *L, enum content_band_kind kind)
{
	struct raw_band *rb = RAW(L, bands, struct raw_band);
	const struct band_kind *bk = &band_kinds[kind];
	const struct raw_band *mine[3] = {NULL};
	size_t nmine = 0;
	for (size_t i = 0; i < L->bands.n; i++) {
		const struct raw_band *b = &rb[i];
		if (b->gap || b->b.kind != kind || !b->b.band[0])
			continue;
		int k = 0;
		while (k < 3 && strcmp(bk->names[k], b->b.band) != 0)
			k++;
		if (k == 3) {
			content_loader_diag(
			    L, 0, CF_BANDS, b->line, b->col_band,
			    "unknown %s band \"%s\" (use %s, %s, %s)", bk->kind,
			    b->b.band, bk->names[0], bk->names[1],
			    bk->names[2]);
			return;
		}
		if (mine[k]) {
			content_loader_diag(
			    L, 0, CF_BANDS, b->line, b->col_band,
			    "%s band \"%s\" appears twice (first on "
			    "line %lu)",
			    bk->kind, b->b.band, mine[k]->line);
			return;
		}
		mine[k] = b;
		nmine++;
	}
	for (int k = 0; k < 3; k++)
		if (!mine[k])
			content_loader_diag(
			    L, 0, CF_BANDS, 1, L->colpos[CF_BANDS][1],
			    "no %s band \"%s\"", bk->kind, bk->names[k]);
	if (nmine < 3)
		return;
	/* Three bands: order them by min and walk the range. */
	for (int a = 0; a < 3; a++)
		for (int b = a + 1; b < 3; b++)
			if (mine[b]->b.min < mine[a]->b.min) {
				const struct raw_band *t = mine[a];
				mine[a] = mine[b];
				mine[b] = t;
			}
	double at = bk->lo;
	for (int k = 0; k < 3; k++) {
		const struct raw_band *b = mine[k];
		if (b->b.min != at)
			content_loader_diag(L, 0, CF_BANDS, b->line, b->col_min,
				    "%s band \"%s\" starts at %g, but the "
				    "bands before it end at %g: bands must "
				    "cover %g to %g without gap or overlap",
				    bk->kind, b->b.band, b->b.min, at, bk->lo,
				    bk->hi);
		at = b->b.max;
	}
	if (at != bk->hi)
		content_loader_diag(L, 0, CF_BANDS, mine[2]->line,
			    L->colpos[CF_BANDS][3],
			    "%s band \"%s\" ends at %g, but %s scores go up "
			    "to %g",
			    bk->kind, mine[2]->b.band, at, bk->kind, bk->hi);
}

static void check_bands(struct loader *L)
{
	struct raw_band *rb = RAW(L, bands, struct raw_band);
	const struct raw_band *gap = NULL;
	if (!L->ok[CF_BANDS])
		return;
	check_band_kind(L, CONTENT_BAND_FLAG);
	check_band_kind(L, CONTENT_BAND_PILLAR);
	for (size_t i = 0; i < L->bands.n; i++) {
		if (!rb[i].gap)
			continue;
		if (gap) {
			content_loader_diag(L, 0, CF_BANDS, rb[i].line, 1,
				    "a second gap row (first on line %lu)",
				    gap->line);
			continue;
		}
		gap = &rb[i];
		if (strcmp(gap->b.band, "threshold") != 0)
			content_loader_diag(L, 0, CF_BANDS, gap->line,
					    gap->col_band,
					    "the gap row's band must be "
					    "\"threshold\"");
		if (gap->b.min <= 0 || gap->b.max > CONTENT_SCALE_MAX)
			content_loader_diag(
			    L, 0, CF_BANDS, gap->line, gap->col_min,
			    "the gap threshold must lie above 0 and "
			    "max at most %d",
			    CONTENT_SCALE_MAX);
		L->gap_threshold = gap->b.min;
		L->gap_label = gap->b.label;
	}
	if (!gap)
		content_loader_diag(L, 0, CF_BANDS, 1, L->colpos[CF_BANDS][0],
			    "no gap row: the threshold between a rating and "
			    "the reported behaviour is needed");
}

static void check_pillars(struct loader *L)
{
	struct raw_pillar *rp = RAW(L, pillars, struct raw_pillar);
	size_t centre = 0, others = 0;
	if (!L->ok[CF_PILLARS])
		return;
	for (size_t i = 0; i < L->pillars.n; i++) {
		if (rp[i].p.centre)
			centre++;
		else
			others++;
	}
	if (!centre)
		content_loader_diag(
		    L, 0, CF_PILLARS, 1, L->colpos[CF_PILLARS][0],
		    "no \"%s\" pillar: the centre of the model is "
		    "required",
		    CONTENT_CENTRE_ID);
	if (others < 3)
		content_loader_diag(
		    L, 0, CF_PILLARS, 1, L->colpos[CF_PILLARS][0],
		    "%zu pillars besides \"%s\"; the radar chart "
		    "needs at least 3",
		    others, CONTENT_CENTRE_ID);
}

static void check_not_empty(struct loader *L)
{
	static const enum content_file need[] = {
		CF_REDFLAGS, CF_ITEMS, CF_PILLARS, CF_PRACTICES};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (L->ok[need[i]] && table_size(L, need[i]) == 0)
			content_loader_diag(L, 0, need[i], 1, 1,
				    "no rows: at least one %s is needed",
				    noun[need[i]]);
}

/* ------------------------------------------------------------- model */

#define COPY_OUT(L, c, vec, raw, field, dst, ndst)                             \
	do {                                                                   \
		struct raw *r_ = RAW(L, vec, struct raw);                      \
		__typeof__(r_->field) *a_ = content_pool_alloc(                \
		    (L)->pool, ((L)->vec.n + 1) * sizeof *a_);                 \
		if (!a_)                                                       \
			return NULL;                                           \
		for (size_t i_ = 0; i_ < (L)->vec.n; i_++)                     \
			a_[i_] = r_[i_].field;                                 \
		(c)->dst = a_;                                                 \
		(c)->ndst = (L)->vec.n;                                        \
	} while (0)

/* The team statements: each wording of a diagnostic statement, then the
 * team-only ones. */
static int build_team(struct loader *L, struct content *c)
{
	struct raw_team *rt = RAW(L, teamonly, struct raw_team);
	size_t n = L->teamonly.n;
	for (size_t i = 0; i < c->nitems; i++)
		n += c->items[i].team != NULL;
	struct content_team_item *t =
	    content_pool_alloc(L->pool, (n + 1) * sizeof *t);
	if (!t)
		return -1;
	n = 0;
	for (size_t i = 0; i < c->nitems; i++) {
		const struct content_item *it = &c->items[i];
		if (!it->team)
			continue;
		t[n++] = (struct content_team_item){
			.id = it->id,
			.statement = it->team,
			.reverse = it->reverse,
			.retired = it->retired,
			.item = i,
			.flag = it->flag,
			.pillar = CONTENT_NONE,
		};
	}
	for (size_t i = 0; i < L->teamonly.n; i++)
		t[n++] = rt[i].t;
	c->team = t;
	c->nteam = n;
	return 0;
}

static struct content *build(struct loader *L)
{
	struct content *c = content_pool_alloc(L->pool, sizeof *c);
	if (!c)
		return NULL;
	c->version = L->version;
	COPY_OUT(L, c, flags, raw_flag, f, flags, nflags);
	COPY_OUT(L, c, items, raw_item, it, items, nitems);
	for (size_t i = 0; i < c->nitems; i++)
		c->nasked += !c->items[i].retired;
	if (build_team(L, c) < 0)
		return NULL;
	COPY_OUT(L, c, pillars, raw_pillar, p, pillars, npillars);
	COPY_OUT(L, c, practices, raw_practice, p, practices, npractices);
	COPY_OUT(L, c, checks, raw_check, k, checks, nchecks);

	struct content_scale *sc =
		content_pool_alloc(L->pool, L->scale.n * sizeof *sc);
	struct content_rung *ru =
		content_pool_alloc(L->pool, L->rungs.n * sizeof *ru);
	struct content_band *ba =
		content_pool_alloc(L->pool, (L->bands.n + 1) * sizeof *ba);
	if (!sc || !ru || !ba)
		return NULL;
	struct raw_scale *rs = RAW(L, scale, struct raw_scale);
	for (size_t i = 0; i < L->scale.n; i++)
		sc[rs[i].s.value] = rs[i].s;
	struct raw_rung *rr = RAW(L, rungs, struct raw_rung);
	for (size_t i = 0; i < L->rungs.n; i++)
		ru[rr[i].r.number - 1] = rr[i].r;
	struct raw_band *rb = RAW(L, bands, struct raw_band);
	size_t nb = 0;
	for (size_t i = 0; i < L->bands.n; i++) {
		if (rb[i].gap)
			continue;
		size_t k = nb++;
		/* Insertion by kind, then min. */
		while (k > 0 && (ba[k - 1].kind > rb[i].b.kind ||
				 (ba[k - 1].kind == rb[i].b.kind &&
				  ba[k - 1].min > rb[i].b.min))) {
			ba[k] = ba[k - 1];
			k--;
		}
		ba[k] = rb[i].b;
	}
	c->scale = sc;
	c->nscale = L->scale.n;
	c->rungs = ru;
	c->nrungs = L->rungs.n;
	c->bands = ba;
	c->nbands = nb;
	c->gap_threshold = L->gap_threshold;
	c->gap_label = L->gap_label;
	for (size_t i = 0; i < c->npillars; i++)
		if (c->pillars[i].centre)
			c->centre = i;
	c->priv_ = L->pool;
	return c;
}

struct content *content_loader_finish(struct loader *L)
{
	static const enum content_file with_ids[] = {
		CF_REDFLAGS, CF_ITEMS,	    CF_PILLARS,
		CF_LADDER,   CF_PRACTICES, CF_CHECKS};
	for (size_t i = 0; i < sizeof with_ids / sizeof with_ids[0]; i++)
		if (L->ok[with_ids[i]])
			check_unique(L, with_ids[i]);
	check_not_empty(L);
	resolve_all(L);
	link_items(L);
	check_team_only(L);
	check_flags_have_checks(L);
	check_scale(L);
	check_ladder(L);
	check_bands(L);
	check_pillars(L);
	if (L->runtime || L->diags->nerrors || L->dropped)
		return NULL;
	struct content *c = build(L);
	if (!c)
		content_loader_oom(L);
	return c;
}
