/* renegotiate.c - the dialog that renegotiates one commitment from the
 * Commitments screen: a new due date, what got in the way and what will
 * be done differently.  Like every follow-up made there, it belongs to no
 * session (see commitments.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/store/store.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/renegotiate.h"
#include "ui/review.h"

enum { RN_SAVE = 1, RN_FIELD, RN_CANCEL };

static const struct action rn_actions[] = {
	{0, L'\r', "Enter", "save", "close this one as renegotiated and open "
	 "it again with the new date", RN_SAVE},
	{KEY_ENTER, 0, NULL, NULL, NULL, RN_SAVE},
	{0, L'\t', "Tab", "next field", "move between the fields", RN_FIELD},
	{KEY_BTAB, 0, NULL, NULL, NULL, RN_FIELD},
	{0, UI_KEY_ESC, "Esc", "cancel", "back without changing anything", RN_CANCEL},
	{0, 0, NULL, NULL, NULL, 0},
};

enum { RF_DUE, RF_OBSTACLE, RF_DIFFERENTLY, RF_COUNT };
static const struct fields_def rn_fields[RF_COUNT] = {
	{"New due date", 16, 32, NULL},
	{"In the way", FIELDS_WIDTH_MAX, 400, NULL},
	{"Differently", FIELDS_WIDTH_MAX, 400, NULL},
};

/* A copy of what the dialog is about: the list may reload meanwhile.
 * seen is the commitment as read, so that a follow-up another ownit made
 * since is not overwritten unseen. */
struct rn_row {
	struct store_commitment seen;
	int64_t session_id; /* reviewing session, 0 outside any */
};

struct renegotiate {
	struct rn_row row;
	struct fields *f;
	char error[ERROR_MSG_MAX];
	char hint[200]; /* with an example day a week from today */
};

static void rn_draw(struct screen *s, struct app *app)
{
	struct renegotiate *rn = s->data;
	int y, x, w;
	fields_dialog(app, 13, 66, "Renegotiate", &y, &x, &w);
	int fx = x + 2 + fields_label_width(rn->f) + 2;
	/* Headed by whoever owns it, which need not be the person coached;
	 * one without an owner is its words alone. */
	const char *owner = rn->row.seen.owner;
	int n = 0;
	if (owner && owner[0]) {
		n = draw_text(app, y + 2, x + 2, owner, w / 3, UI_ACCENT);
		n += draw_text(app, y + 2, x + 2 + n, ": ", 2, UI_NORMAL);
	}
	draw_text(app, y + 2, x + 2 + n, rn->row.seen.what, w - 4 - n,
		  UI_NORMAL);
	fields_draw(rn->f, app, RF_DUE, y + 4, x + 2, fx);
	fields_draw(rn->f, app, RF_OBSTACLE, y + 5, x + 2, fx);
	fields_draw(rn->f, app, RF_DIFFERENTLY, y + 6, x + 2, fx);
	if (rn->error[0])
		fields_wrap(app, y + 8, x + 2, w - 4, 3, rn->error, UI_BAD);
	else
		fields_wrap(app, y + 8, x + 2, w - 4, 3, rn->hint, UI_DIM);
}

/* The review closes the commitment and opens its successor in one
 * store transaction of its own: nothing to wrap here. */
static int renegotiate_write(struct app *app, struct renegotiate *rn,
			     const char *obstacle, const char *differently,
			     const char *due, struct error *err)
{
	struct store_review r = {
		.status = STORE_C_RENEGOTIATED,
		.session_id = rn->row.session_id,
		.obstacle = obstacle[0] ? obstacle : NULL,
		.differently = differently[0] ? differently : NULL,
		.new_due = due,
	};
	return store_commitment_review_if(app->store, &rn->row.seen, &r, NULL,
					  err);
}

/* Another ownit followed the commitment up since it was read: show what
 * it holds now.  Saving over theirs is offered unless it is renegotiated
 * already, which would leave two successors.  0 when the dialog should
 * close (the commitment is gone). */
static int rn_changed(struct renegotiate *rn, struct app *app)
{
	struct store_commitment now;
	struct error err = {0};
	int r = store_commitment_get(app->store, rn->row.seen.id, &now, &err);
	if (r < 0) {
		snprintf(rn->error, sizeof rn->error, "%s", err.msg);
		return 1;
	}
	if (r == 0) {
		review_changed_elsewhere(app, NULL, NULL);
		return 0;
	}
	store_commitment_clear(&rn->row.seen);
	rn->row.seen = now;
	if (now.status == STORE_C_RENEGOTIATED) {
		snprintf(rn->error, sizeof rn->error,
			 "Renegotiated elsewhere already: Esc keeps theirs.");
		review_changed_elsewhere(app, &now, "Esc keeps theirs");
		return 1;
	}
	snprintf(rn->error, sizeof rn->error,
		 "Changed elsewhere meanwhile (now %s): Enter saves yours "
		 "over it, Esc keeps theirs.",
		 store_cstatus_name(now.status));
	review_changed_elsewhere(app, &now,
				 "Enter saves yours over it, Esc keeps theirs");
	return 1;
}

static struct intent rn_save(struct renegotiate *rn, struct app *app)
{
	char today[DATES_DAY_SIZE], due[DATES_DAY_SIZE];
	struct error err = {0};
	char *in = fields_get(rn->f, RF_DUE);
	char *obstacle = fields_get(rn->f, RF_OBSTACLE);
	char *differently = fields_get(rn->f, RF_DIFFERENTLY);
	int ok = 0, wrote = 1;
	dates_today(today);
	if (!in || !obstacle || !differently) {
		snprintf(rn->error, sizeof rn->error, "out of memory");
	} else if (!in[0]) {
		snprintf(rn->error, sizeof rn->error,
			 "A new due date is needed, e.g. +7d or fri.");
	} else if (dates_parse_due_ahead(in, today, due, &err) != 0) {
		snprintf(rn->error, sizeof rn->error, "%s", err.msg);
	} else if (rn->row.seen.status == STORE_C_RENEGOTIATED) {
		snprintf(rn->error, sizeof rn->error,
			 "Renegotiated elsewhere already: Esc keeps theirs.");
	} else if ((wrote = renegotiate_write(app, rn, obstacle, differently,
					      due, &err)) == 1) {
		ok = !rn_changed(rn, app);
	} else if (wrote != 0) {
		/* The dialog stays open with what was typed: Enter tries
		 * again. */
		snprintf(rn->error, sizeof rn->error, "%s", err.msg);
		app_status(app, 1, "not saved: %s", err.msg);
	} else {
		ok = 1;
		app_status(app, 0, "Renegotiated, now due %s.", due);
	}
	if (!ok)
		fields_focus(rn->f, RF_DUE);
	free(in);
	free(obstacle);
	free(differently);
	return intent_of(ok ? INTENT_POP : INTENT_REDRAW);
}

static struct intent rn_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct renegotiate *rn = s->data;
	switch (id) {
	case RN_SAVE:
		return rn_save(rn, app);
	case RN_CANCEL:
		return intent_of(INTENT_POP);
	default:
		if (fields_key(rn->f, app, key))
			rn->error[0] = '\0';
		return intent_of(INTENT_REDRAW);
	}
}

static int rn_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void rn_free(struct renegotiate *rn)
{
	if (!rn)
		return;
	fields_free(rn->f);
	store_commitment_clear(&rn->row.seen);
	free(rn);
}

static void rn_destroy(struct screen *s)
{
	rn_free(s->data);
	free(s);
}

static const struct screen_ops rn_ops = {
	.title = "Renegotiate",
	.purpose = "A new due date for a commitment, and what got in the way.",
	.actions = rn_actions,
	.overlay = 1,
	.draw = rn_draw,
	.act = rn_act,
	.wants_text = rn_wants_text,
	.destroy = rn_destroy,
};

struct screen *renegotiate_dialog_new(struct app *app,
				      const struct store_commitment *seen,
				      int64_t session_id)
{
	struct screen *s = screen_alloc(&rn_ops, sizeof(struct renegotiate));
	struct renegotiate *rn = s ? s->data : NULL;
	int copied = -1;
	if (rn) {
		rn->f = fields_new(rn_fields, RF_COUNT);
		copied = store_commitment_dup(&rn->row.seen, seen);
	}
	if (!s || !rn || !rn->f || copied < 0) {
		app_status(app, 1, "out of memory");
		free(s);
		rn_free(rn);
		return NULL;
	}
	rn->row.session_id = session_id;
	char today[DATES_DAY_SIZE], example[DATES_DAY_SIZE];
	dates_today(today);
	dates_due_example(today, example);
	snprintf(rn->hint, sizeof rn->hint,
		 "Due: %s, today, +7d, +2w or a weekday (mon..sun). What got "
		 "in the way and what you will do differently are optional.",
		 example);
	if (seen->obstacle)
		fields_set(rn->f, RF_OBSTACLE, seen->obstacle);
	if (seen->differently)
		fields_set(rn->f, RF_DIFFERENTLY, seen->differently);
	fields_focus(rn->f, RF_DUE);
	return s;
}
