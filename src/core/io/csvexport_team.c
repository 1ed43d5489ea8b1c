/* csvexport_team.c - the team columns of the summary export. */
#include "config.h"

#include "core/io/csvexport_team.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/io/csvexport.h"
#include "core/store/store_export.h"
#include "core/coaching/team.h"
#include "core/coaching/teamview.h"

static int put(struct csvfile_writer *w, const char *v, struct error *err)
{
	return csvfile_write_field(w, v ? v : "", v ? strlen(v) : 0, err);
}

static int put_name(struct csvfile_writer *w, const char *prefix,
		    const char *id, struct error *err)
{
	char buf[256];
	int n = snprintf(buf, sizeof buf, "%s%s", prefix, id);
	if (n < 0 || (size_t)n >= sizeof buf)
		return error_set(err, ERROR_INPUT,
				 "content id \"%s\" is too long for a column "
				 "name",
				 id);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
	return put(w, buf, err);
}

static int put_num(struct csvfile_writer *w, int has, double v,
		   struct error *err)
{
	char buf[32];
	return put(w, has ? csvexport_decimal(v, buf) : "", err);
}

/* The label is the user's text: guarded like the summary's free text. */
static int put_label(struct csvfile_writer *w, const char *v, int raw,
		     struct error *err)
{
	if (!v || raw || !csvexport_guard_needed(v))
		return put(w, v, err);
	char buf[512];
	snprintf(buf, sizeof buf, "%c%s", CSVEXPORT_GUARD, v);
	return csvfile_write_quoted(w, buf, strlen(buf), err);
}

int csvexport_team_header(struct csvfile_writer *w, const struct content *c,
			  struct error *err)
{
	static const char *const head[] = {"team_day", "team_label",
					   "team_responses"};
	int rc = 0;
	for (size_t i = 0; i < 3 && !rc; i++)
		rc = put(w, head[i], err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = put_name(w, "team_flag_", c->flags[f].id, err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = put_name(w, "team_spread_", c->flags[f].id, err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = put_name(w, "team_gap_flag_", c->flags[f].id, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = put_name(w, "team_pillar_", c->pillars[p].id, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = put_name(w, "team_gap_", c->pillars[p].id, err);
	return rc ? -1 : 0;
}

static int put_figures(struct csvfile_writer *w, const struct content *c,
		       const struct team_result *t, struct error *err)
{
	int rc = 0;
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = put_num(w, t->flags[f].fig.shown, t->flags[f].fig.mean,
			     err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = put_num(w, t->flags[f].fig.shown, t->flags[f].fig.spread,
			     err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = put_num(w, t->flags[f].has_gap, t->flags[f].gap, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = put_num(w, t->pillars[p].shown, t->pillars[p].evidence,
			     err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = put_num(w, t->pillars[p].has_gap, t->pillars[p].gap, err);
	return rc ? -1 : 0;
}

int csvexport_team_cells(struct csvfile_writer *w, struct store *s,
			 struct teamview_cache *rounds, const struct content *c,
			 const struct store_session *ses,
			 const struct score_result *self, int raw,
			 struct error *err)
{
	unsigned min;
	struct teamview v;
	if (team_min_from_env(&min, err))
		return -1;
	int rc = teamview_cache_load_session(&v, rounds, s, c, ses, min, self,
					     err);
	if (rc == 0 && v.has_round) {
		char n[16];
		snprintf(n, sizeof n, "%u", v.round.responses);
		rc = put(w, v.round.day, err) ||
		     put_label(w, v.round.label, raw, err) || put(w, n, err);
	} else if (rc == 0) {
		rc = put(w, "", err) || put(w, "", err) || put(w, "", err);
	}
	/* No round, or one below the threshold: every figure empty. */
	const struct team_result *t =
		v.has_round && v.result.shown ? &v.result : NULL;
	size_t cells = 3 * c->nflags + 2 * c->npillars;
	if (rc == 0 && t)
		rc = put_figures(w, c, t, err);
	for (size_t i = 0; rc == 0 && !t && i < cells; i++)
		rc = put(w, "", err);
	teamview_clear(&v);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------- detail */

struct detail {
	struct store *s;
	const char *since, *until;
	int (*row)(const char *const *f, void *ud);
	void *ud;
	struct error *err;
	const char *round_uuid;
};

static int detail_tally(const struct store_team_tally *t, void *ud)
{
	struct detail *d = ud;
	char value[16], count[16];
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	snprintf(value, sizeof value, "%d", t->value);
	snprintf(count, sizeof count, "%u", t->count);
	f[DCOL_RECORD] = "team_tally";
	f[DCOL_ROUND] = d->round_uuid;
	f[DCOL_ITEM] = t->item;
	f[DCOL_TEXT] = t->statement;
	f[DCOL_VALUE] = value;
	f[DCOL_COUNT] = count;
	return d->row(f, d->ud) ? -1 : 0;
}

static int detail_round(const struct store_team_round *r, void *ud)
{
	struct detail *d = ud;
	if ((d->since && strcmp(r->day, d->since) < 0) ||
	    (d->until && strcmp(r->day, d->until) > 0))
		return 0;
	char person[STORE_UUID_SIZE], count[16];
	int found = store_person_uuid(d->s, r->person_id, person, d->err);
	if (found <= 0)
		return found < 0 ? -1
				 : error_set(d->err, ERROR_RUNTIME,
					     "team round %s has no person",
					     r->uuid);
	const char *f[CSVEXPORT_DETAIL_COLUMNS] = {0};
	snprintf(count, sizeof count, "%u", r->responses);
	f[DCOL_RECORD] = "team_round";
	f[DCOL_UUID] = r->uuid;
	f[DCOL_PERSON] = person;
	f[DCOL_CONTENT_VERSION] = r->content_version;
	f[DCOL_TEXT] = r->label;
	f[DCOL_DAY] = r->day;
	f[DCOL_COUNT] = count;
	if (d->row(f, d->ud))
		return -1;
	d->round_uuid = r->uuid;
	return store_team_tallies_each(d->s, r->id, detail_tally, d, d->err)
		       ? -1
		       : 0;
}

int csvexport_team_detail(struct store *s, int64_t person_id,
			  const char *since, const char *until,
			  int (*row)(const char *const *f, void *ud), void *ud,
			  struct error *err)
{
	struct detail d = {s, since, until, row, ud, err, NULL};
	return store_team_rounds_each(s, person_id, detail_round, &d, err)
		       ? -1
		       : 0;
}
