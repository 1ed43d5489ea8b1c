/* review.c - the follow-up questions of review.h. */
#include "config.h"

#include "ui/app.h"
#include "ui/review.h"

static const char *text_or_null(const char *s)
{
	return s && s[0] ? s : NULL;
}

/* The prompt's save: the review again, now with its words.  A failed
 * write keeps the prompt open with what was typed. */
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
	if (store_commitment_review_with(app->store, ra->id, &r, NULL, &err) !=
	    0) {
		app_status(app, 1, "not saved: %s", err.msg);
		return -1;
	}
	return 0;
}

struct screen *review_ask_new(struct review_ask *ra, int64_t id,
			      int64_t session_id, enum store_cstatus status,
			      const char *what, const char *first,
			      const char *second)
{
	static const char *const helped[] = {"What helped?"};
	static const char *const slipped[] = {
		"What got in the way?", "What will you do differently?"};
	int kept = status == STORE_C_KEPT;
	const char *init[] = {first, second};
	ra->id = id;
	ra->session_id = session_id;
	ra->status = status;
	struct screen *p = prompt_new(
		what,
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
