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

/* A column's name from a content id: '-' becomes '_'. */
static int column(const struct csvexport_team_out *o, const char *prefix,
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
	return o->name(o->ud, buf, err);
}

int csvexport_team_names(const struct content *c,
			 const struct csvexport_team_out *o, struct error *err)
{
	static const char *const head[] = {"team_day", "team_label",
					   "team_responses"};
	int rc = 0;
	for (size_t i = 0; i < 3 && !rc; i++)
		rc = o->name(o->ud, head[i], err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = column(o, "team_flag_", c->flags[f].id, err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = column(o, "team_spread_", c->flags[f].id, err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = column(o, "team_gap_flag_", c->flags[f].id, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = column(o, "team_pillar_", c->pillars[p].id, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = column(o, "team_gap_", c->pillars[p].id, err);
	return rc ? -1 : 0;
}

/* The figures of t, or (t NULL: no round, or one below the threshold)
 * as many empty ones. */
static int figures(const struct content *c, const struct team_result *t,
		   const struct csvexport_team_out *o, struct error *err)
{
	int rc = 0;
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = o->figure(o->ud, t && t->flags[f].fig.shown,
			       t ? t->flags[f].fig.mean : 0, err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = o->figure(o->ud, t && t->flags[f].fig.shown,
			       t ? t->flags[f].fig.spread : 0, err);
	for (size_t f = 0; f < c->nflags && !rc; f++)
		rc = o->figure(o->ud, t && t->flags[f].has_gap,
			       t ? t->flags[f].gap : 0, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = o->figure(o->ud, t && t->pillars[p].shown,
			       t ? t->pillars[p].evidence : 0, err);
	for (size_t p = 0; p < c->npillars && !rc; p++)
		rc = o->figure(o->ud, t && t->pillars[p].has_gap,
			       t ? t->pillars[p].gap : 0, err);
	return rc ? -1 : 0;
}

int csvexport_team_values(struct store *s, struct teamview_cache *rounds,
			  const struct content *c,
			  const struct store_session *ses,
			  const struct score_result *self,
			  const struct csvexport_team_out *o, struct error *err)
{
	unsigned min;
	struct teamview v;
	if (team_min_from_env(&min, err))
		return -1;
	int rc = teamview_cache_load_session(&v, rounds, s, c, ses, min, self,
					     err);
	int has = rc == 0 && v.has_round;
	if (rc == 0)
		rc = o->day(o->ud, has ? v.round.day : NULL, err) ||
		     o->label(o->ud, has ? v.round.label : NULL, err) ||
		     o->responses(o->ud, has, has ? v.round.responses : 0, err);
	/* No round, or one below the threshold: every figure empty. */
	if (rc == 0)
		rc = figures(c, has && v.result.shown ? &v.result : NULL, o,
			     err);
	teamview_clear(&v);
	return rc ? -1 : 0;
}

/* ---------------------------------------------------------- in the CSV */

struct csv_out {
	struct csvfile_writer *w;
	int raw;
};

static int csv_text(void *ud, const char *v, struct error *err)
{
	struct csv_out *x = ud;
	return put(x->w, v, err);
}

/* The label is the user's text: guarded like the summary's free text. */
static int csv_label(void *ud, const char *v, struct error *err)
{
	struct csv_out *x = ud;
	if (!v || x->raw || !csvexport_guard_needed(v))
		return put(x->w, v, err);
	char buf[512];
	snprintf(buf, sizeof buf, "%c%s", CSVEXPORT_GUARD, v);
	return csvfile_write_quoted(x->w, buf, strlen(buf), err);
}

static int csv_responses(void *ud, int has, unsigned n, struct error *err)
{
	struct csv_out *x = ud;
	char buf[16];
	snprintf(buf, sizeof buf, "%u", n);
	return put(x->w, has ? buf : "", err);
}

static int csv_figure(void *ud, int has, double v, struct error *err)
{
	struct csv_out *x = ud;
	char buf[32];
	return put(x->w, has ? csvexport_decimal(v, buf) : "", err);
}

static struct csvexport_team_out csv_out(struct csv_out *x)
{
	return (struct csvexport_team_out){.name = csv_text,
					   .day = csv_text,
					   .label = csv_label,
					   .responses = csv_responses,
					   .figure = csv_figure,
					   .ud = x};
}

int csvexport_team_header(struct csvfile_writer *w, const struct content *c,
			  struct error *err)
{
	struct csv_out x = {w, 0};
	struct csvexport_team_out o = csv_out(&x);
	return csvexport_team_names(c, &o, err);
}

int csvexport_team_cells(struct csvfile_writer *w, struct store *s,
			 struct teamview_cache *rounds, const struct content *c,
			 const struct store_session *ses,
			 const struct score_result *self, int raw,
			 struct error *err)
{
	struct csv_out x = {w, raw};
	struct csvexport_team_out o = csv_out(&x);
	return csvexport_team_values(s, rounds, c, ses, self, &o, err);
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
