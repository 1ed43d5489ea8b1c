/* teamview.c - reading a team round out of the store and adding it up. */
#include "config.h"

#include "core/coaching/teamview.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"

/* Tallies as the store lists them (one row per statement and value)
 * folded into one team_tally per statement. */
struct fold {
	struct team_tally *t;
	char **ids;
	size_t n, cap;
	int oom;
};

static int on_tally(const struct store_team_tally *t, void *ud)
{
	struct fold *f = ud;
	if (t->value < 0 || t->value > CONTENT_SCALE_MAX)
		return 0; /* the schema's CHECK keeps this from happening */
	if (!f->n || strcmp(f->ids[f->n - 1], t->item) != 0) {
		if (f->n == f->cap) {
			size_t cap = f->cap ? f->cap * 2 : 32;
			struct team_tally *nt =
				realloc(f->t, cap * sizeof *nt);
			if (nt)
				f->t = nt;
			char **ni = nt ? realloc(f->ids, cap * sizeof *ni)
				       : NULL;
			if (!ni) {
				f->oom = 1;
				return 1;
			}
			f->ids = ni;
			f->cap = cap;
		}
		if (!(f->ids[f->n] = strdup(t->item))) {
			f->oom = 1;
			return 1;
		}
		memset(&f->t[f->n], 0, sizeof f->t[f->n]);
		f->t[f->n].item = f->ids[f->n];
		f->n++;
	}
	f->t[f->n - 1].count[t->value] += t->count;
	return 0;
}

static void fold_free(struct fold *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->ids[i]);
	free(f->ids);
	free(f->t);
}

/* Reads round round_id and adds its tallies up for the content c; 0 when
 * there is no such round.  Free both with round_free whatever the
 * return. */
static int round_read(struct store *s, const struct content *c,
		      int64_t round_id, struct store_team_round *round,
		      struct team_counts *k, struct error *err)
{
	struct fold f = {0};
	memset(k, 0, sizeof *k);
	int rc = store_team_round_get(s, round_id, round, err);
	if (rc <= 0)
		return rc;
	if (store_team_tallies_each(s, round_id, on_tally, &f, err)) {
		rc = f.oom ? error_errno(err, ERROR_RUNTIME, ENOMEM,
					 "reading a team round")
			   : -1;
	} else {
		struct team_input in = {round->responses, f.t, f.n};
		rc = team_counts_make(c, &in, k, err) ? -1 : 1;
	}
	fold_free(&f);
	return rc;
}

static void round_free(struct store_team_round *round, struct team_counts *k)
{
	store_team_round_clear(round);
	team_counts_free(k);
}

static int round_compute(struct teamview *v, const struct content *c,
			 const struct team_counts *k, unsigned min,
			 const struct score_result *self, struct error *err)
{
	v->has_round = 1;
	return team_compute_counts(c, k, min, self, &v->result, err) ? -1 : 0;
}

int teamview_load_round(struct teamview *v, struct store *s,
			const struct content *c, int64_t round_id,
			unsigned min, const struct score_result *self,
			struct error *err)
{
	struct team_counts k;
	memset(v, 0, sizeof *v);
	int rc = round_read(s, c, round_id, &v->round, &k, err);
	if (rc == 0)
		rc = error_set(err, ERROR_INPUT, "no team round %lld",
			       (long long)round_id);
	else if (rc > 0)
		rc = round_compute(v, c, &k, min, self, err);
	team_counts_free(&k);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------- round beside */

/* Rounds as store_team_round_days_each lists them: by person, day, then
 * the order they were added. */
struct teamview_day {
	int64_t id, person_id;
	char day[DATES_DAY_SIZE];
};

struct teamview_days {
	struct teamview_day *d;
	size_t n, cap;
	int oom;
};

static int on_round_day(const struct store_team_round_day *r, void *ud)
{
	struct teamview_days *rd = ud;
	/* Only a file edited by hand holds a day that is not a date (the
	 * store checks what it is given); it is beside no session. */
	if (!r->day || !dates_valid_day(r->day))
		return 0;
	if (rd->n == rd->cap) {
		size_t cap = rd->cap ? rd->cap * 2 : 16;
		struct teamview_day *d = realloc(rd->d, cap * sizeof *d);
		if (!d) {
			rd->oom = 1;
			return 1;
		}
		rd->d = d;
		rd->cap = cap;
	}
	struct teamview_day *d = &rd->d[rd->n++];
	d->id = r->id;
	d->person_id = r->person_id;
	snprintf(d->day, sizeof d->day, "%s", r->day);
	return 0;
}

static int round_days_load(struct teamview_days *rd, struct store *s,
			   int64_t person_id, struct error *err)
{
	memset(rd, 0, sizeof *rd);
	if (store_team_round_days_each(s, person_id, on_round_day, rd, err))
		return rd->oom ? error_errno(err, ERROR_RUNTIME, ENOMEM,
					     "listing team rounds")
			       : -1;
	return 0;
}

/* The first of rd's rounds at or after (person_id, day). */
static size_t round_days_find(const struct teamview_days *rd, int64_t person_id,
			      const char *day)
{
	size_t lo = 0, hi = rd->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct teamview_day *m = &rd->d[mid];
		if (m->person_id < person_id ||
		    (m->person_id == person_id && strcmp(m->day, day) < 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The round of person_id nearest the day (0: none), as teamview.h says:
 * the earlier of two as near, of rounds held on one day the first one
 * added, none further off than STORE_TEAM_NEAR_DAYS. */
static int64_t round_days_nearest(const struct teamview_days *rd,
				  int64_t person_id, const char *day)
{
	if (!dates_valid_day(day))
		return 0;
	size_t i = round_days_find(rd, person_id, day);
	const struct teamview_day *after =
		i < rd->n && rd->d[i].person_id == person_id ? &rd->d[i] : NULL;
	const struct teamview_day *before = NULL;
	if (i > 0 && rd->d[i - 1].person_id == person_id)
		before = &rd->d[round_days_find(rd, person_id,
						rd->d[i - 1].day)];
	long to_before = before ? dates_diff_days(before->day, day) : LONG_MAX;
	long to_after = after ? dates_diff_days(day, after->day) : LONG_MAX;
	if (before && to_before <= to_after)
		return to_before <= STORE_TEAM_NEAR_DAYS ? before->id : 0;
	return after && to_after <= STORE_TEAM_NEAR_DAYS ? after->id : 0;
}

/* The local day a session started on: round days are the coach's local
 * days, and a stored time is UTC, whose date is another day for an
 * evening session west of Greenwich or a morning one east of it.  ""
 * (no round) for a time that cannot be read. */
static void session_day(const struct store_session *ses,
			char day[DATES_DAY_SIZE])
{
	struct error e = {0};
	if (!ses->started || dates_local_day(ses->started, day, &e) != 0)
		day[0] = '\0';
}

int teamview_load_session(struct teamview *v, struct store *s,
			  const struct content *c,
			  const struct store_session *ses, unsigned min,
			  const struct score_result *self, struct error *err)
{
	char day[DATES_DAY_SIZE];
	struct teamview_days rd;
	memset(v, 0, sizeof *v);
	if (round_days_load(&rd, s, ses->person_id, err)) {
		free(rd.d);
		return -1;
	}
	session_day(ses, day);
	int64_t id = round_days_nearest(&rd, ses->person_id, day);
	free(rd.d);
	return id ? teamview_load_round(v, s, c, id, min, self, err) : 0;
}

void teamview_clear(struct teamview *v)
{
	if (!v->borrowed)
		store_team_round_clear(&v->round);
	team_result_free(&v->result);
	memset(v, 0, sizeof *v);
}

/* ---------------------------------------------------------------- cache */

/* A round read once and kept for the sessions beside it. */
struct teamview_kept {
	struct store_team_round round;
	struct team_counts counts;
	unsigned long used; /* the cache's clock at its last use */
};

void teamview_cache_init(struct teamview_cache *cache)
{
	memset(cache, 0, sizeof *cache);
}

static void kept_drop(struct teamview_cache *cache, size_t i)
{
	round_free(&cache->kept[i].round, &cache->kept[i].counts);
	cache->kept[i] = cache->kept[--cache->n];
}

void teamview_cache_free(struct teamview_cache *cache)
{
	while (cache->n)
		kept_drop(cache, cache->n - 1);
	free(cache->kept);
	if (cache->days)
		free(cache->days->d);
	free(cache->days);
	memset(cache, 0, sizeof *cache);
}

/* Every round's day, read once: finding the round beside a session is
 * then a search in memory, not a query a session. */
static int cache_days(struct teamview_cache *cache, struct store *s,
		      struct error *err)
{
	struct teamview_days *rd = malloc(sizeof *rd);
	if (!rd)
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "listing team rounds");
	if (round_days_load(rd, s, 0, err)) {
		free(rd->d);
		free(rd);
		return -1;
	}
	cache->days = rd;
	return 0;
}

/* Drops the rounds more than STORE_TEAM_NEAR_DAYS before day: in a pass
 * in time order no later session can have them as its nearest.  Only
 * when the day moves on, as a pass holds many sessions a day; a day
 * dates cannot count back from lets none go. */
static void cache_pass(struct teamview_cache *cache, const char *day)
{
	char horizon[DATES_DAY_SIZE];
	if (strcmp(day, cache->day) == 0 ||
	    dates_add_days(day, -STORE_TEAM_NEAR_DAYS, horizon, NULL))
		return;
	snprintf(cache->day, sizeof cache->day, "%s", day);
	for (size_t i = cache->n; i-- > 0;)
		if (strcmp(cache->kept[i].round.day, horizon) < 0)
			kept_drop(cache, i);
}

/* A free place for one more round: the least recently used one is
 * dropped when the cache is full. */
static struct teamview_kept *cache_slot(struct teamview_cache *cache)
{
	if (cache->n == TEAMVIEW_CACHE_MAX) {
		size_t lru = 0;
		for (size_t i = 1; i < cache->n; i++)
			if (cache->kept[i].used < cache->kept[lru].used)
				lru = i;
		kept_drop(cache, lru);
	}
	if (cache->n == cache->cap) {
		size_t cap = cache->cap ? cache->cap * 2 : 16;
		struct teamview_kept *k =
			realloc(cache->kept, cap * sizeof *k);
		if (!k)
			return NULL;
		cache->kept = k;
		cache->cap = cap;
	}
	return &cache->kept[cache->n];
}

/* Round id from the cache, read from the store when it is not there. */
static struct teamview_kept *cache_get(struct teamview_cache *cache,
				       struct store *s, const struct content *c,
				       int64_t id, struct error *err)
{
	for (size_t i = 0; i < cache->n; i++)
		if (cache->kept[i].round.id == id)
			return &cache->kept[i];
	struct teamview_kept *k = cache_slot(cache);
	if (!k) {
		error_errno(err, ERROR_RUNTIME, ENOMEM, "reading a team round");
		return NULL;
	}
	int rc = round_read(s, c, id, &k->round, &k->counts, err);
	if (rc <= 0) {
		round_free(&k->round, &k->counts);
		if (rc == 0)
			error_set(err, ERROR_INPUT, "no team round %lld",
				  (long long)id);
		return NULL;
	}
	cache->n++;
	cache->reads++;
	return k;
}

int teamview_cache_load_session(struct teamview *v,
				struct teamview_cache *cache, struct store *s,
				const struct content *c,
				const struct store_session *ses, unsigned min,
				const struct score_result *self,
				struct error *err)
{
	char day[DATES_DAY_SIZE];
	memset(v, 0, sizeof *v);
	if (!cache->days && cache_days(cache, s, err))
		return -1;
	session_day(ses, day);
	int64_t id = round_days_nearest(cache->days, ses->person_id, day);
	if (!id)
		return 0;
	cache_pass(cache, day);
	struct teamview_kept *k = cache_get(cache, s, c, id, err);
	if (!k)
		return -1;
	k->used = ++cache->clock;
	v->round = k->round;
	v->borrowed = 1;
	return round_compute(v, c, &k->counts, min, self, err);
}

/* ---------------------------------------------------------------- trend */

struct round_ids {
	int64_t *id;
	size_t n, cap;
	int oom;
};

static int on_round_id(const struct store_team_round *r, void *ud)
{
	struct round_ids *ids = ud;
	if (ids->n == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 16;
		int64_t *nid = realloc(ids->id, cap * sizeof *nid);
		if (!nid) {
			ids->oom = 1;
			return 1;
		}
		ids->id = nid;
		ids->cap = cap;
	}
	ids->id[ids->n++] = r->id;
	return 0;
}

/* Round i of the trend (counted from the newest, so filled backwards)
 * from a round whose figures are shown. */
static void trend_put(struct teamview_trend *t, size_t max, size_t i,
		      const struct teamview *v)
{
	size_t col = max - 1 - i;
	for (size_t p = 0; p < t->npillars; p++) {
		const struct team_pillar *tp = &v->result.pillars[p];
		t->evidence[p * max + col] = tp->shown ? tp->evidence : NAN;
	}
	snprintf(t->day[col], sizeof t->day[col], "%s", v->round.day);
}

/* Moves the n filled columns (the last of max) to the front. */
static void trend_pack(struct teamview_trend *t, size_t max, size_t n)
{
	for (size_t p = 0; p < t->npillars; p++)
		memmove(&t->evidence[p * n], &t->evidence[p * max + max - n],
			n * sizeof *t->evidence);
	memmove(t->day, t->day + (max - n), n * sizeof *t->day);
	t->n = n;
}

int teamview_trend_load(struct teamview_trend *t, struct store *s,
			const struct content *c, int64_t person_id,
			unsigned min, size_t max, struct error *err)
{
	struct round_ids ids = {0};
	memset(t, 0, sizeof *t);
	t->npillars = c->npillars;
	if (store_team_rounds_each(s, person_id, on_round_id, &ids, err)) {
		free(ids.id);
		return ids.oom ? error_errno(err, ERROR_RUNTIME, ENOMEM,
					     "listing team rounds")
			       : -1;
	}
	if (ids.n < max)
		max = ids.n;
	if (!max) {
		free(ids.id);
		return 0;
	}
	t->evidence = malloc((c->npillars + 1) * max * sizeof *t->evidence);
	t->day = malloc(max * sizeof *t->day);
	if (!t->evidence || !t->day) {
		free(ids.id);
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "reading team rounds");
	}
	size_t n = 0;
	int rc = 0;
	for (size_t k = ids.n; k-- > 0 && n < max && !rc;) {
		struct teamview v;
		rc = teamview_load_round(&v, s, c, ids.id[k], min, NULL, err);
		if (!rc && v.result.shown)
			trend_put(t, max, n++, &v);
		teamview_clear(&v);
	}
	free(ids.id);
	if (!rc)
		trend_pack(t, max, n);
	return rc ? -1 : 0;
}

void teamview_trend_clear(struct teamview_trend *t)
{
	free(t->evidence);
	free(t->day);
	memset(t, 0, sizeof *t);
}
