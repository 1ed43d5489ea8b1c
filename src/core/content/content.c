/* content.c - looking things up in a loaded content model. */
#include "config.h"

#include "core/content/content.h"

#include <stdlib.h>
#include <string.h>

#include "core/content/content_int.h"

void content_free(struct content *c)
{
	if (c)
		content_pool_free(c->priv_);
}

void content_diags_summary(const struct content_diags *d, struct error *err)
{
	error_set(err, ERROR_INPUT,
		  "content not loaded: %zu error%s (listed above)", d->nfound,
		  d->nfound == 1 ? "" : "s");
}

void content_diags_free(struct content_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nerrors; i++)
		free(d->errors[i]);
	for (size_t i = 0; i < d->nwarnings; i++)
		free(d->warnings[i]);
	free(d->errors);
	free(d->warnings);
	memset(d, 0, sizeof *d);
}

/* Content is small (tens of rows), so a linear search is the honest
 * choice: no index to keep in step with the arrays. */
#define FIND(arr, n, id)                                                      \
	do {                                                                  \
		for (size_t i_ = 0; id && i_ < (n); i_++)                     \
			if (strcmp((arr)[i_].id, id) == 0)                    \
				return (long)i_;                              \
		return -1;                                                    \
	} while (0)

long content_flag_index(const struct content *c, const char *id)
{
	FIND(c->flags, c->nflags, id);
}

long content_item_index(const struct content *c, const char *id)
{
	FIND(c->items, c->nitems, id);
}

long content_item_index_near(const struct content *c, const char *id,
			     size_t guess)
{
	if (id && guess < c->nitems && strcmp(c->items[guess].id, id) == 0)
		return (long)guess;
	return content_item_index(c, id);
}

long content_pillar_index(const struct content *c, const char *id)
{
	FIND(c->pillars, c->npillars, id);
}

long content_rung_index(const struct content *c, const char *id)
{
	FIND(c->rungs, c->nrungs, id);
}

long content_practice_index(const struct content *c, const char *id)
{
	FIND(c->practices, c->npractices, id);
}

long content_check_index(const struct content *c, const char *id)
{
	FIND(c->checks, c->nchecks, id);
}

long content_team_index(const struct content *c, const char *id)
{
	FIND(c->team, c->nteam, id);
}

const char *content_scale_label(const struct content *c, int value)
{
	if (value < CONTENT_SCALE_MIN || value > CONTENT_SCALE_MAX ||
	    (size_t)value >= c->nscale)
		return NULL;
	return c->scale[value].label;
}

const struct content_band *content_band_for(const struct content *c,
					    enum content_band_kind kind,
					    double value)
{
	const struct content_band *last = NULL;
	for (size_t i = 0; i < c->nbands; i++) {
		const struct content_band *b = &c->bands[i];
		if (b->kind != kind)
			continue;
		if (value + CONTENT_BAND_SLACK >= b->min &&
		    value + CONTENT_BAND_SLACK < b->max)
			return b;
		last = b;
	}
	/* Bands are half-open; the top of the range belongs to the last. */
	if (last && value + CONTENT_BAND_SLACK >= last->max &&
	    value <= last->max)
		return last;
	return NULL;
}

int content_check_regulated(const struct content *c, size_t k)
{
	return strcmp(c->checks[k].topic, CONTENT_REGULATED_TOPIC) == 0;
}

/* Where flag f stands in check k's list, or -1 when it is not there. */
static long check_rank(const struct content *c, size_t k, size_t f)
{
	const struct content_refs *r = &c->checks[k].flags;
	for (size_t i = 0; i < r->n; i++)
		if (r->idx[i] == f)
			return (long)i;
	return -1;
}

/* 1 when check a goes before check b for flag f (both belong to f). */
static int check_before(const struct content *c, size_t f, int regulated,
			size_t a, size_t b)
{
	long ra = check_rank(c, a, f), rb = check_rank(c, b, f);
	if (ra != rb)
		return ra < rb;
	if (regulated) {
		int ga = content_check_regulated(c, a),
		    gb = content_check_regulated(c, b);
		if (ga != gb)
			return ga;
	}
	return a < b;
}

size_t content_checks_for_flag(const struct content *c, size_t f,
			       int regulated, size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t k = 0; k < c->nchecks; k++) {
		if (check_rank(c, k, f) < 0 ||
		    (!regulated && content_check_regulated(c, k)))
			continue;
		/* Insertion into the short ranked list kept so far. */
		size_t at = n;
		while (at > 0 && check_before(c, f, regulated, k, out[at - 1]))
			at--;
		if (at >= max)
			continue;
		size_t end = n < max ? n : max - 1;
		for (size_t j = end; j > at; j--)
			out[j] = out[j - 1];
		out[at] = k;
		if (n < max)
			n++;
	}
	return n;
}
