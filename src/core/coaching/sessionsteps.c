/* sessionsteps.c - the step table and the done rules of sessionsteps.h. */
#include "config.h"

#include <stdlib.h>

#include "core/coaching/sessionsteps.h"

/* One row per step, in enum store_step order: the one place that names
 * them (the session screen adds only what it draws them with). */
static const struct {
	const char *name, *short_name;
} steps[STORE_STEP_COUNT] = {
	[STORE_STEP_FOLLOWUP] = {"Follow-up", "Follow"},
	[STORE_STEP_FLAGS] = {"Red flags", "Flags"},
	[STORE_STEP_PILLARS] = {"Pillars", "Pillars"},
	[STORE_STEP_RESULTS] = {"Results", "Results"},
	[STORE_STEP_LADDER] = {"Ladder", "Ladder"},
	[STORE_STEP_COMMITMENTS] = {"Commitments", "Commit"},
	[STORE_STEP_NOTES] = {"Notes", "Notes"},
	[STORE_STEP_SUMMARY] = {"Summary", "Summary"},
};

const char *sessionsteps_name(int step)
{
	return step >= 0 && step < STORE_STEP_COUNT ? steps[step].name : NULL;
}

const char *sessionsteps_short(int step)
{
	return step >= 0 && step < STORE_STEP_COUNT ? steps[step].short_name
						    : NULL;
}

static int count_answer(const struct store_answer *a, void *ud)
{
	((struct sessionsteps_state *)ud)->answered +=
		a->value >= 0 || a->no_occasion;
	return 0;
}

static int count_rating(const struct store_rating *r, void *ud)
{
	(void)r;
	((struct sessionsteps_state *)ud)->rated++;
	return 0;
}

struct commitment_count {
	int64_t session;
	struct sessionsteps_state *st;
};

static int count_commitment(const struct store_commitment *c, void *ud)
{
	struct commitment_count *n = ud;
	if (c->session_id == n->session)
		n->st->made++;
	else if (c->status == STORE_C_OPEN)
		n->st->open_earlier++;
	return 0;
}

static int commitments_read(struct store *s, int64_t id,
			    struct sessionsteps_state *out, struct error *err)
{
	struct commitment_count n = {id, out};
	struct store_commitment_filter earlier = {.followup_of = id};
	struct store_commitment_filter made = {.session_id = id};
	if (store_commitments_each(s, &earlier, count_commitment, &n, err) < 0)
		return -1;
	/* The follow-up list may hold this session's own renegotiated
	 * ones: only the second walk counts what was made here. */
	out->made = 0;
	return store_commitments_each(s, &made, count_commitment, &n, err) < 0
		       ? -1
		       : 0;
}

int sessionsteps_read(struct store *s, int64_t id,
		      struct sessionsteps_state *out, struct error *err)
{
	struct sessionsteps_state st = {0};
	struct store_ladder lad;
	char *note = NULL;
	if (store_answers_each(s, id, count_answer, &st, err) < 0 ||
	    store_ratings_each(s, id, count_rating, &st, err) < 0 ||
	    commitments_read(s, id, &st, err) < 0)
		return -1;
	int r = store_ladder_get(s, id, &lad, err);
	if (r < 0)
		return -1;
	if (r == 1) {
		st.ladder_top = lad.reached_rung >= STORE_RUNG_MAX;
		store_ladder_clear(&lad);
	}
	r = store_note_get(s, id, &note, err);
	free(note);
	if (r < 0)
		return -1;
	st.has_note = r == 1;
	*out = st;
	return 0;
}

void sessionsteps_done(const struct sessionsteps_state *st,
		       const struct sessionsteps_scope *scope,
		       int done[STORE_STEP_COUNT])
{
	done[STORE_STEP_FOLLOWUP] = st->open_earlier == 0;
	done[STORE_STEP_FLAGS] = st->answered >= scope->asked;
	done[STORE_STEP_PILLARS] = st->rated >= scope->pillars;
	/* The results are there to be looked at; with everything rated
	 * there is nothing more they wait for. */
	done[STORE_STEP_RESULTS] =
		scope->results_seen ||
		(done[STORE_STEP_FLAGS] && done[STORE_STEP_PILLARS]);
	done[STORE_STEP_LADDER] = st->ladder_top;
	done[STORE_STEP_COMMITMENTS] = st->made > 0;
	done[STORE_STEP_NOTES] = st->has_note;
	done[STORE_STEP_SUMMARY] = scope->complete;
}
