/* review.c - the follow-up questions of review.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/review.h"

static const char *text_or_null(const char *s)
{
	return s && s[0] ? s : NULL;
}

void review_changed_elsewhere(struct app *app,
			      const struct store_commitment *theirs,
			      const char *keys)
{
	char why[256] = "";
	if (!theirs) {
		app_status(app, 1,
			   "changed elsewhere: another ownit deleted this "
			   "commitment");
		return;
	}
	if (theirs->status == STORE_C_OPEN) {
		app_status(app, 1,
			   "changed elsewhere: another ownit changed it "
			   "(open: \"%.60s\"); %s",
			   theirs->what ? theirs->what : "", keys);
		return;
	}
	if (theirs->helped)
		snprintf(why, sizeof why, ", helped: %.80s", theirs->helped);
	else if (theirs->obstacle)
		snprintf(why, sizeof why, ", in the way: %.80s",
			 theirs->obstacle);
	app_status(app, 1,
		   "changed elsewhere: another ownit marked it %s%s; %s",
		   store_cstatus_name(theirs->status), why, keys);
}

/* Reads the commitment again after a refused save; 1 when it is there. */
static int review_reread(struct review_ask *ra, struct app *app)
{
	struct store_commitment now;
	struct error err = {0};
	int r = store_commitment_get(app->store, ra->seen.id, &now, &err);
	if (r < 0) {
		app_status(app, 1, "%s", err.msg);
		return -1;
	}
	if (r == 0)
		return 0;
	store_commitment_clear(&ra->seen);
	ra->seen = now;
	return 1;
}

/* After a save the commitment is as written: what the next write made
 * from this screen (an undo) checks against. */
static int review_seen_saved(struct review_ask *ra, const struct store_review *r)
{
	struct store_commitment now = ra->seen;
	now.status = r->status;
	now.reviewed_session_id = r->session_id;
	now.obstacle = r->obstacle;
	now.helped = r->helped;
	now.differently = r->differently;
	struct store_commitment copy;
	if (store_commitment_dup(&copy, &now) < 0)
		return 0; /* saved all the same; an undo will ask again */
	store_commitment_clear(&ra->seen);
	ra->seen = copy;
	return 0;
}

/* The prompt's save: the review again, now with its words.  A failed
 * write keeps the prompt open with what was typed; so does a change
 * made elsewhere, shown, so that Enter saves over it once it is seen. */
static int review_ask_save(void *ud, struct app *app,
			   const struct prompt_result *pr)
{
	struct review_ask *ra = ud;
	int kept = ra->status == STORE_C_KEPT;
	struct store_review r = {
		.status = ra->status,
		.session_id = ra->session_id,
		.helped = kept ? text_or_null(pr->text[0]) : NULL,
		.obstacle = kept ? NULL : text_or_null(pr->text[0]),
		.differently = kept ? NULL : text_or_null(pr->text[1]),
	};
	struct error err = {0};
	int rc = store_commitment_review_if(app->store, &ra->seen, &r, NULL,
					    &err);
	if (rc < 0) {
		app_status(app, 1, "not saved: %s", err.msg);
		return -1;
	}
	if (rc == 0)
		return review_seen_saved(ra, &r);
	int there = review_reread(ra, app);
	if (there == 0) {
		review_changed_elsewhere(app, NULL, NULL);
		return 0;
	}
	if (there == 1)
		review_changed_elsewhere(app, &ra->seen,
					 "Enter saves yours over it, Esc keeps "
					 "theirs");
	return -1;
}

struct screen *review_ask_new(struct review_ask *ra, int64_t session_id,
			      enum store_cstatus status,
			      const struct store_commitment *seen)
{
	static const char *const helped[] = {"What helped?"};
	static const char *const slipped[] = {
		"What got in the way?", "What will you do differently?"};
	int kept = status == STORE_C_KEPT;
	store_commitment_clear(&ra->seen);
	if (store_commitment_dup(&ra->seen, seen) < 0)
		return NULL;
	const char *init[] = {kept ? seen->helped : seen->obstacle,
			      kept ? NULL : seen->differently};
	ra->session_id = session_id;
	ra->status = status;
	struct screen *p = prompt_new(
		seen->what,
		kept ? "Optional: Enter saves, Esc skips"
		     : "Optional: Tab moves between them, Enter saves, Esc "
		       "skips",
		kept ? 1 : 2, kept ? helped : slipped, init, NULL, &ra->pr);
	return prompt_saving(p, review_ask_save, ra);
}

void review_ask_clear(struct review_ask *ra)
{
	prompt_result_clear(&ra->pr);
}

void review_ask_free(struct review_ask *ra)
{
	prompt_result_clear(&ra->pr);
	store_commitment_clear(&ra->seen);
	memset(&ra->seen, 0, sizeof ra->seen);
}
