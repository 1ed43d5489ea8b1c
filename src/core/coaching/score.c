/* score.c - red-flag scores, pillar evidence, rating gaps, signals.
 * The rules are stated in score.h, where callers read them. */
#include "config.h"

#include "core/coaching/score.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/base/dates.h"

double score_item_value(int reverse, int value)
{
	return reverse ? (double)(CONTENT_SCALE_MAX - value) : (double)value;
}

double score_shown(double v)
{
	/* A mean that is exactly on a tenth may come out of the division a
	 * hair below it; the margin (far below 1/10 of any realistic count
	 * of answers) keeps such a value on its tenth.  content_band_for
	 * allows the same margin, so the two never disagree. */
	return floor(v * 10.0 + CONTENT_BAND_SLACK * 10.0) / 10.0;
}

double score_evidence(double flag_score)
{
	/* 0 -> 5 and 4 -> 1: the rating scale turned upside down. */
	return (double)CONTENT_RATING_MAX - flag_score;
}

void score_result_free(struct score_result *r)
{
	if (!r)
		return;
	free(r->flags);
	free(r->pillars);
	free(r->signals);
	memset(r, 0, sizeof *r);
}

/* The last answer per item (index into in->answers), or -1. */
static int latest_answers(const struct content *c, const struct score_input *in,
			  long *last, size_t *unknown, struct error *err)
{
	for (size_t i = 0; i < c->nitems; i++)
		last[i] = -1;
	size_t next = 0;
	for (size_t i = 0; i < in->nanswers; i++) {
		const struct score_answer *a = &in->answers[i];
		long k = content_item_index_near(c, a->item, next);
		if (k < 0) {
			(*unknown)++;
			continue;
		}
		next = (size_t)k + 1;
		if (a->value != SCORE_NO_OCCASION &&
		    (a->value < CONTENT_SCALE_MIN ||
		     a->value > CONTENT_SCALE_MAX))
			return error_set(err, ERROR_INPUT,
					 "answer to \"%s\" is %d; answers run "
					 "%d to %d",
					 a->item, a->value, CONTENT_SCALE_MIN,
					 CONTENT_SCALE_MAX);
		last[k] = (long)i;
	}
	return 0;
}

static void score_flags(const struct content *c, const struct score_input *in,
			const long *last, struct score_result *out)
{
	long missed_flag = content_flag_index(c, CONTENT_MISSED_FLAG_ID);
	for (size_t f = 0; f < c->nflags; f++) {
		struct score_flag *sf = &out->flags[f];
		double sum = 0;
		/* Every statement of the flag, retired ones included: an old
		 * session scores what it answered. */
		for (size_t it = 0; it < c->nitems; it++) {
			if (c->items[it].flag != f || last[it] < 0)
				continue;
			const struct score_answer *a = &in->answers[last[it]];
			if (a->value == SCORE_NO_OCCASION) {
				sf->no_occasion++;
				continue;
			}
			sum += score_item_value(c->items[it].reverse,
						a->value);
			sf->answered++;
		}
		if ((long)f == missed_flag) {
			sf->followups = in->missed < SCORE_MISSED_MAX
						? in->missed
						: SCORE_MISSED_MAX;
			sum += (double)sf->followups * CONTENT_SCALE_MAX;
		}
		size_t n = sf->answered + sf->followups;
		if (n) {
			sf->has_score = 1;
			sf->score = sum / (double)n;
		}
	}
}

static int score_pillars(const struct content *c, const struct score_input *in,
			 struct score_result *out, struct error *err)
{
	for (size_t i = 0; i < in->nratings; i++) {
		const struct score_rating *r = &in->ratings[i];
		long p = content_pillar_index(c, r->pillar);
		if (p < 0) {
			out->unknown++;
			continue;
		}
		if (r->value < CONTENT_RATING_MIN ||
		    r->value > CONTENT_RATING_MAX)
			return error_set(err, ERROR_INPUT,
					 "rating of \"%s\" is %d; ratings run "
					 "%d to %d",
					 r->pillar, r->value,
					 CONTENT_RATING_MIN,
					 CONTENT_RATING_MAX);
		out->pillars[p].rated = 1;
		out->pillars[p].self = r->value;
	}
	for (size_t f = 0; f < c->nflags; f++) {
		const struct score_flag *sf = &out->flags[f];
		if (!sf->has_score)
			continue;
		double w = (double)(sf->answered + sf->followups);
		for (size_t j = 0; j < c->flags[f].pillars.n; j++) {
			struct score_pillar *sp =
				&out->pillars[c->flags[f].pillars.idx[j]];
			/* Accumulate the weighted sum in evidence for now. */
			sp->evidence += w * score_evidence(sf->score);
			sp->weight += w;
		}
	}
	for (size_t p = 0; p < c->npillars; p++) {
		struct score_pillar *sp = &out->pillars[p];
		if (sp->weight > 0) {
			sp->has_evidence = 1;
			sp->evidence /= sp->weight;
		}
		if (sp->rated && sp->has_evidence) {
			sp->has_gap = 1;
			sp->gap = (double)sp->self - sp->evidence;
			sp->gap_flagged = fabs(sp->gap) > c->gap_threshold;
		}
	}
	return 0;
}

/* Strongest first; a stable insertion sort keeps file order on ties. */
static void rank_signals(const struct content *c, struct score_result *out)
{
	for (size_t f = 0; f < c->nflags; f++) {
		if (!out->flags[f].has_score)
			continue;
		double s = out->flags[f].score;
		size_t k = out->nsignals++;
		while (k > 0 && out->flags[out->signals[k - 1]].score < s) {
			out->signals[k] = out->signals[k - 1];
			k--;
		}
		out->signals[k] = f;
	}
}

int score_compute(const struct content *c, const struct score_input *in,
		  struct score_result *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	long *last = malloc((c->nitems + 1) * sizeof *last);
	out->flags = calloc(c->nflags + 1, sizeof *out->flags);
	out->pillars = calloc(c->npillars + 1, sizeof *out->pillars);
	out->signals = calloc(c->nflags + 1, sizeof *out->signals);
	if (!last || !out->flags || !out->pillars || !out->signals) {
		free(last);
		score_result_free(out);
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "scoring");
	}
	out->nflags = c->nflags;
	out->npillars = c->npillars;
	int rc = latest_answers(c, in, last, &out->unknown, err);
	if (rc == 0) {
		score_flags(c, in, last, out);
		rc = score_pillars(c, in, out, err);
	}
	free(last);
	if (rc < 0) {
		score_result_free(out);
		return -1;
	}
	rank_signals(c, out);
	return 0;
}

int score_owned_by(const char *owner, const char *person)
{
	if (!owner || !owner[0])
		return 1;
	/* ASCII letter case only, like the store's NOCASE person names. */
	return person && strcasecmp(owner, person) == 0;
}

/* The local day a follow-up was made; a time that does not convert is
 * taken at its UTC day. */
static void review_day(const char *reviewed, char day[DATES_DAY_SIZE])
{
	struct error err;
	if (dates_local_day(reviewed, day, &err) != 0)
		snprintf(day, DATES_DAY_SIZE, "%.10s", reviewed);
}

int score_counts_missed(const struct score_commitment *c, const char *person)
{
	if (!score_owned_by(c->owner, person))
		return 0;
	if (c->review == SCORE_REVIEW_MISSED)
		return 1;
	if (c->review != SCORE_REVIEW_RENEGOTIATED || !c->due || !c->reviewed)
		return 0;
	char day[DATES_DAY_SIZE];
	review_day(c->reviewed, day);
	return strcmp(day, c->due) > 0;
}

const char *score_review_boundary(const char *completed,
				  const char *next_started)
{
	if (!completed)
		return next_started;
	if (!next_started)
		return completed;
	return strcmp(completed, next_started) <= 0 ? completed : next_started;
}

int score_review_within(const char *when, const char *from, const char *until)
{
	if (!when)
		return 0;
	return (!from || strcmp(when, from) >= 0) &&
	       (!until || strcmp(when, until) < 0);
}
