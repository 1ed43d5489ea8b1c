/* team.c - aggregating a team round (see team.h for the rules). */
#include "config.h"

#include "core/coaching/team.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"

/* A spread below this is a team that broadly agrees; from the second
 * edge on, answers sit at both ends of the scale. */
#define TEAM_SPREAD_MIXED 0.75
#define TEAM_SPREAD_SPLIT 1.25

int team_label_check(const char *label, const char *what, struct error *err)
{
	const char *sep = what ? ": " : "";
	size_t len = strlen(label), chars = 0;
	int blank = 1;
	if (!what)
		what = "";
	if (!utext_valid(label, len))
		return error_set(err, ERROR_INPUT,
				 "%s%sa label must be UTF-8 text", what, sep);
	for (size_t i = 0; i < len; chars++) {
		uint32_t uc;
		i += utext_decode(label + i, len - i, &uc);
		if (utext_is_control(uc))
			return error_set(err, ERROR_INPUT,
					 "%s%sa label may not hold a control "
					 "character (character %zu is one)",
					 what, sep, chars + 1);
		if (uc != ' ')
			blank = 0;
	}
	if (blank)
		return error_set(err, ERROR_INPUT,
				 "%s%sa label must not be blank", what, sep);
	if (chars > TEAM_LABEL_MAX)
		return error_set(err, ERROR_INPUT,
				 "%s%sa label has at most %d characters (this "
				 "has %zu)",
				 what, sep, TEAM_LABEL_MAX, chars);
	return 0;
}

int team_min_parse(const char *text, const char *what, unsigned *out,
		   struct error *err)
{
	size_t n = text ? strlen(text) : 0;
	unsigned long v = 0;
	int digits = n > 0 && n < 8 && strspn(text, "0123456789") == n;
	if (digits)
		v = strtoul(text, NULL, 10);
	if (!digits || v < TEAM_MIN_RESPONSES || v > TEAM_MIN_RESPONSES_MAX)
		return error_set(err, ERROR_INPUT,
				 "%s: \"%s\" is not a response threshold: "
				 "give a whole number from %d to %d (below %d "
				 "one member's answers could be told apart)",
				 what, text ? text : "", TEAM_MIN_RESPONSES,
				 TEAM_MIN_RESPONSES_MAX, TEAM_MIN_RESPONSES);
	*out = (unsigned)v;
	return 0;
}

int team_min_from_env(unsigned *out, struct error *err)
{
	const char *v = getenv("OWNIT_TEAM_MIN");
	*out = TEAM_MIN_RESPONSES;
	if (!v || !v[0])
		return 0;
	return team_min_parse(v, "OWNIT_TEAM_MIN", out, err);
}

const char *team_gap_words(enum team_gap_side side)
{
	switch (side) {
	case TEAM_GAP_LEADER:
		return "you rate higher";
	case TEAM_GAP_TEAM:
		return "team rates higher";
	default:
		return "";
	}
}

const char *team_spread_word(double spread)
{
	if (spread < TEAM_SPREAD_MIXED)
		return "agree";
	return spread < TEAM_SPREAD_SPLIT ? "mixed" : "split";
}

/* Running sums of 0..4 contributions, for a mean and a spread. */
struct sums {
	double n, sum, sq;
};

static void sums_add(struct sums *s, double value, unsigned count)
{
	s->n += count;
	s->sum += value * count;
	s->sq += value * value * count;
}

static void sums_figure(const struct sums *s, struct team_figure *f)
{
	f->answered = (unsigned)s->n;
	if (s->n <= 0)
		return;
	f->mean = s->sum / s->n;
	double var = s->sq / s->n - f->mean * f->mean;
	/* Rounding may leave a hair below zero when all answers agree. */
	f->spread = var > 0 ? sqrt(var) : 0;
}

static void sums_tally(struct sums *s, const struct content_team_item *t,
		       const unsigned *count)
{
	for (int v = CONTENT_SCALE_MIN; v <= CONTENT_SCALE_MAX; v++)
		sums_add(s, score_item_value(t->reverse, v), count[v]);
}

static enum team_gap_side gap_side(const struct content *c, double gap)
{
	if (gap > c->gap_threshold)
		return TEAM_GAP_LEADER;
	if (gap < -c->gap_threshold)
		return TEAM_GAP_TEAM;
	return TEAM_GAP_NONE;
}

int team_counts_make(const struct content *c, const struct team_input *in,
		     struct team_counts *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	out->responses = in->responses;
	out->count = calloc(c->nteam + 1, sizeof *out->count);
	if (!out->count)
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "adding up a team round");
	for (size_t i = 0; i < in->ntallies; i++) {
		long k = content_team_index(c, in->tallies[i].item);
		if (k < 0) {
			out->unknown++;
			continue;
		}
		unsigned total = 0;
		for (int v = 0; v <= CONTENT_SCALE_MAX; v++) {
			out->count[k][v] += in->tallies[i].count[v];
			total += out->count[k][v];
		}
		if (total > in->responses)
			return error_set(err, ERROR_INPUT,
					 "team statement \"%s\": %u answers "
					 "from %u responses",
					 c->team[k].id, total, in->responses);
	}
	return 0;
}

void team_counts_free(struct team_counts *k)
{
	free(k->count);
	memset(k, 0, sizeof *k);
}

static void compute_items(const struct content *c, unsigned min,
			  const unsigned (*count)[CONTENT_SCALE_MAX + 1],
			  struct team_result *out)
{
	for (size_t k = 0; k < c->nteam; k++) {
		struct sums s = {0};
		sums_tally(&s, &c->team[k], count[k]);
		sums_figure(&s, &out->items[k]);
		out->items[k].shown = out->shown && s.n >= min;
	}
}

static void compute_flags(const struct content *c, unsigned min,
			  const unsigned (*count)[CONTENT_SCALE_MAX + 1],
			  const struct score_result *self,
			  struct team_result *out)
{
	for (size_t f = 0; f < c->nflags; f++) {
		struct sums s = {0};
		for (size_t k = 0; k < c->nteam; k++)
			if (c->team[k].flag == f && out->items[k].shown)
				sums_tally(&s, &c->team[k], count[k]);
		struct team_flag *tf = &out->flags[f];
		sums_figure(&s, &tf->fig);
		tf->fig.shown = out->shown && s.n >= min;
		if (!tf->fig.shown || !self || f >= self->nflags ||
		    !self->flags[f].has_score)
			continue;
		tf->has_gap = 1;
		tf->gap = tf->fig.mean - self->flags[f].score;
		tf->side = gap_side(c, tf->gap);
	}
}

static void compute_pillars(const struct content *c,
			    const struct score_result *self,
			    struct team_result *out)
{
	for (size_t p = 0; p < c->npillars; p++) {
		double sum = 0, weight = 0;
		for (size_t f = 0; f < c->nflags; f++) {
			const struct team_figure *fig = &out->flags[f].fig;
			for (size_t j = 0; fig->shown &&
					   j < c->flags[f].pillars.n; j++) {
				if (c->flags[f].pillars.idx[j] != p)
					continue;
				sum += score_evidence(fig->mean) * fig->answered;
				weight += fig->answered;
			}
		}
		for (size_t k = 0; k < c->nteam; k++) {
			const struct team_figure *fig = &out->items[k];
			if (c->team[k].pillar != p || !fig->shown)
				continue;
			sum += score_evidence(fig->mean) * fig->answered;
			weight += fig->answered;
		}
		struct team_pillar *tp = &out->pillars[p];
		if (weight <= 0)
			continue;
		tp->shown = 1;
		tp->evidence = sum / weight;
		tp->weight = weight;
		if (!self || p >= self->npillars || !self->pillars[p].rated)
			continue;
		tp->has_gap = 1;
		tp->gap = self->pillars[p].self - tp->evidence;
		tp->side = gap_side(c, tp->gap);
	}
}

int team_compute_counts(const struct content *c, const struct team_counts *k,
			unsigned min, const struct score_result *self,
			struct team_result *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	if (min < TEAM_MIN_RESPONSES)
		min = TEAM_MIN_RESPONSES;
	out->min = min;
	out->responses = k->responses;
	out->shown = k->responses >= min;
	out->unknown = k->unknown;
	out->items = calloc(c->nteam + 1, sizeof *out->items);
	out->flags = calloc(c->nflags + 1, sizeof *out->flags);
	out->pillars = calloc(c->npillars + 1, sizeof *out->pillars);
	if (!out->items || !out->flags || !out->pillars)
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "adding up a team round");
	compute_items(c, min, k->count, out);
	compute_flags(c, min, k->count, self, out);
	compute_pillars(c, self, out);
	return 0;
}

int team_compute(const struct content *c, const struct team_input *in,
		 unsigned min, const struct score_result *self,
		 struct team_result *out, struct error *err)
{
	struct team_counts k;
	memset(out, 0, sizeof *out);
	int rc = team_counts_make(c, in, &k, err);
	if (rc == 0)
		rc = team_compute_counts(c, &k, min, self, out, err);
	team_counts_free(&k);
	return rc;
}

void team_result_free(struct team_result *r)
{
	free(r->items);
	free(r->flags);
	free(r->pillars);
	memset(r, 0, sizeof *r);
}
