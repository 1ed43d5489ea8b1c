/* sessionfacts.c - a session's answers, ratings and extras, scored. */
#include "config.h"

#include "core/coaching/sessionfacts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/store_export.h"

void sessionfacts_init(struct sessionfacts *f)
{
	memset(f, 0, sizeof *f);
	f->situation = "";
}

void sessionfacts_free(struct sessionfacts *f)
{
	score_result_free(&f->score);
	free(f->answers_);
	free(f->ratings_);
	free(f->situation_buf_);
	free(f->note_buf_);
	sessionfacts_init(f);
}

/* Makes room for n elements of size sz in *buf (capacity *cap). */
static int grow(void **buf, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return 0;
	size_t want = *cap ? *cap : 16;
	while (want < n)
		want *= 2;
	void *p = realloc(*buf, want * sz);
	if (!p)
		return -1;
	*buf = p;
	*cap = want;
	return 0;
}

/* Copies text into a kept buffer. */
static const char *keep(char **buf, size_t *cap, const char *text)
{
	size_t n = strlen(text) + 1;
	if (grow((void **)buf, cap, n, 1))
		return NULL;
	memcpy(*buf, text, n);
	return *buf;
}

struct load {
	struct sessionfacts *f;
	const struct content *c;
	struct store_session_extra extra; /* its person and span; the texts
					   * are not kept here */
	int found; /* the session exists */
	size_t next_item; /* where the next answer's item probably is */
	int oom;
};

static long item_index(struct load *l, const char *id)
{
	long k = content_item_index_near(l->c, id, l->next_item);
	if (k >= 0)
		l->next_item = (size_t)k + 1;
	return k;
}

/* Answers and ratings point at the content's own id strings, so nothing
 * borrowed from the store outlives the callback. */
static int on_answer(struct load *l, const struct store_scored *a)
{
	struct sessionfacts *f = l->f;
	long k = item_index(l, a->id);
	if (k < 0) {
		f->unknown++;
		return 0;
	}
	if (grow((void **)&f->answers_, &f->answers_cap_, f->nanswers + 1,
		 sizeof *f->answers_)) {
		l->oom = 1;
		return 1;
	}
	f->answers_[f->nanswers].item = l->c->items[k].id;
	f->answers_[f->nanswers].value =
		a->no_occasion ? SCORE_NO_OCCASION : a->value;
	f->nanswers++;
	return 0;
}

static int on_rating(struct load *l, const struct store_scored *r)
{
	struct sessionfacts *f = l->f;
	long k = content_pillar_index(l->c, r->id);
	if (k < 0) {
		f->unknown++;
		return 0;
	}
	if (grow((void **)&f->ratings_, &f->ratings_cap_, f->nratings + 1,
		 sizeof *f->ratings_)) {
		l->oom = 1;
		return 1;
	}
	f->ratings_[f->nratings].pillar = l->c->pillars[k].id;
	f->ratings_[f->nratings].value = r->value;
	f->nratings++;
	return 0;
}

static int on_scored(const struct store_scored *x, void *ud)
{
	return x->rating ? on_rating(ud, x) : on_answer(ud, x);
}

static int on_extra(const struct store_session_extra *x, void *ud)
{
	struct load *l = ud;
	struct sessionfacts *f = l->f;
	if (x->situation) {
		f->has_ladder = 1;
		f->situation = keep(&f->situation_buf_, &f->situation_cap_,
				    x->situation);
		f->start_rung = x->start_rung;
		f->reached_rung = x->reached_rung;
	}
	if (x->note)
		f->note = keep(&f->note_buf_, &f->note_cap_, x->note);
	if ((x->situation && !f->situation) || (x->note && !f->note)) {
		l->oom = 1;
		f->situation = "";
		f->note = NULL;
		return 1;
	}
	f->made = x->made;
	l->extra = *x;
	l->extra.situation = l->extra.note = NULL;
	l->found = 1;
	return 0;
}

static enum score_review review_of(enum store_cstatus st)
{
	return st == STORE_C_MISSED	    ? SCORE_REVIEW_MISSED
	       : st == STORE_C_RENEGOTIATED ? SCORE_REVIEW_RENEGOTIATED
					    : SCORE_REVIEW_OTHER;
}

/* One earlier commitment followed up for this session: counted by how
 * it went, and evidence when the rule in score.h says so (the person's
 * own, missed or late). */
static int on_followup(const struct store_followup *x, void *ud)
{
	struct load *l = ud;
	struct sessionfacts *f = l->f;
	f->kept += x->status == STORE_C_KEPT;
	f->partly += x->status == STORE_C_PARTLY;
	f->missed += x->status == STORE_C_MISSED;
	f->renegotiated += x->status == STORE_C_RENEGOTIATED;
	struct score_commitment sc = {
	    .owner = x->owner,
	    .due = x->due,
	    .review = review_of(x->status),
	    .reviewed = x->reviewed,
	};
	f->missed_evidence += score_counts_missed(&sc, x->person_name);
	return 0;
}

static void reset(struct sessionfacts *f, int64_t id)
{
	score_result_free(&f->score);
	f->session_id = id;
	f->nanswers = f->nratings = f->unknown = 0;
	f->has_ladder = 0;
	f->situation = "";
	f->start_rung = f->reached_rung = 0;
	f->note = NULL;
	f->made = f->kept = f->partly = f->missed = f->renegotiated = 0;
	f->missed_evidence = 0;
}

int sessionfacts_load(struct sessionfacts *f, struct store *s,
		      const struct content *c, int64_t id, struct error *err)
{
	struct load l = {.f = f, .c = c};
	reset(f, id);
	/* Three statements a session: the export runs this once per row. */
	if (store_session_scored_each(s, id, on_scored, &l, err) < 0 ||
	    store_session_extra_each(s, id, on_extra, &l, err) < 0 ||
	    (l.found && store_session_followups_each(s, &l.extra, id,
						      on_followup, &l,
						      err) < 0))
		goto fail;
	if (l.oom) {
		error_errno(err, ERROR_RUNTIME, ENOMEM,
			    "reading session %lld", (long long)id);
		goto fail;
	}
	struct score_input in = {
	    .answers = f->answers_,
	    .nanswers = f->nanswers,
	    .ratings = f->ratings_,
	    .nratings = f->nratings,
	    .missed = (unsigned)f->missed_evidence,
	};
	if (score_compute(c, &in, &f->score, err) < 0)
		goto fail;
	return 0;
fail:
	reset(f, id);
	return -1;
}
