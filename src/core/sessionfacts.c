/* sessionfacts.c - a session's answers, ratings and extras, scored. */
#include "config.h"

#include "core/sessionfacts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/store_export.h"

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
	int oom;
};

/* Answers point at the content's own id strings, so nothing borrowed
 * from the store outlives the callback. */
static int on_answer(const struct store_answer *a, void *ud)
{
	struct load *l = ud;
	struct sessionfacts *f = l->f;
	if (a->value < 0 && !a->no_occasion)
		return 0; /* a note without a rating scores nothing */
	long k = content_item_index(l->c, a->item_id);
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

static int on_rating(const struct store_rating *r, void *ud)
{
	struct load *l = ud;
	struct sessionfacts *f = l->f;
	long k = content_pillar_index(l->c, r->pillar_id);
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
static int on_reviewed(const struct store_export_commitment *x, void *ud)
{
	struct load *l = ud;
	struct sessionfacts *f = l->f;
	f->kept += x->c.status == STORE_C_KEPT;
	f->partly += x->c.status == STORE_C_PARTLY;
	f->missed += x->c.status == STORE_C_MISSED;
	f->renegotiated += x->c.status == STORE_C_RENEGOTIATED;
	struct score_commitment sc = {
	    .owner = x->c.owner,
	    .due = x->c.due,
	    .review = review_of(x->c.status),
	    .reviewed = x->c.reviewed,
	};
	l->f->missed_evidence += score_counts_missed(&sc, x->c.person_name);
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
	if (store_answers_each(s, id, on_answer, &l, err) < 0 ||
	    store_ratings_each(s, id, on_rating, &l, err) < 0 ||
	    store_session_extra_each(s, id, on_extra, &l, err) < 0 ||
	    store_session_reviewed_each(s, id, on_reviewed, &l, err) < 0)
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
