/* followup.c - the follow-up step: every open commitment of this person
 * from earlier sessions, reviewed as kept (and what helped), partly kept,
 * missed or renegotiated (what got in the way, and what will be done
 * differently).  Those followed up on the Commitments screen since the
 * last session are listed as reviewed.  Missed ones count on the
 * missed-commitments red flag (the rule is in score.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/base/dates.h"
#include "ui/draw.h"
#include "ui/renegotiate.h"
#include "ui/review.h"
#include "ui/session/commit_rows.h"
#include "ui/session/session.h"

enum {
	FU_UP = 1,
	FU_DOWN,
	FU_KEPT,
	FU_PARTLY,
	FU_MISSED,
	FU_RENEGOTIATE,
	FU_WHY,
	FU_UNDO,
};

/* y, not k, for kept: k moves up here as on every other screen. */
static const struct action followup_actions[] = {
	{0, L'y', "y", "kept", "yes, the commitment was kept (then: what "
	 "helped?)", FU_KEPT},
	{0, L'p', "p", "partly", "it was partly kept", FU_PARTLY},
	{0, L'm', "m", "missed", "it was missed (counts on the "
				 "missed-commitments red flag when it is the "
				 "person's own)", FU_MISSED},
	{0, L'r', "r", "renegotiate", "agree a new due date for it",
	 FU_RENEGOTIATE},
	{0, L'w', "w", "why", "what helped, or what got in the way and what "
	 "will be done differently", FU_WHY},
	{0, L'u', "u", "undo", "undo the review (back to open)", FU_UNDO},
	{KEY_UP, 0, "Up/Down", NULL, "choose a commitment (also k/j)", FU_UP},
	{0, L'k', "k", NULL, NULL, FU_UP},
	{KEY_DOWN, 0, "Down", NULL, NULL, FU_DOWN},
	{0, L'j', "j", NULL, NULL, FU_DOWN},
	{0, 0, NULL, NULL, NULL, 0},
};

/* The key line offers what works on the commitment under the cursor. */
enum fu_row { FU_ROW_OPEN, FU_ROW_REVIEWED, FU_ROW_RENEGOTIATED, FU_ROWS };
#define FU_NACTIONS (sizeof followup_actions / sizeof followup_actions[0])

static int fu_labelled(int id, enum fu_row row)
{
	switch (id) {
	case FU_KEPT:
	case FU_PARTLY:
	case FU_MISSED:
		return row != FU_ROW_RENEGOTIATED;
	case FU_RENEGOTIATE:
		return row == FU_ROW_OPEN;
	case FU_WHY:
		return row == FU_ROW_REVIEWED;
	case FU_UNDO:
		return row != FU_ROW_OPEN;
	default:
		return 1;
	}
}

struct followup {
	/* The step's ops are this copy, its key table one of keys, by the
	 * row under the cursor (followup_keys). */
	struct screen_ops ops;
	struct action keys[FU_ROWS][FU_NACTIONS];
	struct session_ctx *ctx;
	struct commit_rows rows;
	/* Row i's new due date when it was renegotiated, else "": read
	 * with the rows, as the renegotiation's successor holds it. */
	char (*new_due)[STORE_DAY_SIZE];
	size_t cur, first;
	struct review_ask ask; /* what helped, or what got in the way */
};

/* The new due dates of the renegotiated rows. */
static void new_dues_read(struct followup *f, struct app *app)
{
	struct error err;
	free(f->new_due);
	f->new_due = f->rows.n ? calloc(f->rows.n, sizeof *f->new_due) : NULL;
	if (f->rows.n && !f->new_due) {
		app_status(app, 1, "out of memory");
		return;
	}
	for (size_t i = 0; i < f->rows.n; i++) {
		if (f->rows.v[i].status != STORE_C_RENEGOTIATED)
			continue;
		error_clear(&err);
		if (store_commitment_renegotiated_due(
			app->store, f->rows.v[i].id, f->new_due[i], &err) < 0) {
			session_fail(app, &err);
			break;
		}
	}
}

static void reload(struct followup *f, struct app *app)
{
	struct store_commitment_filter flt = {.followup_of =
						      f->ctx->session_id};
	struct error err;
	/* A review moves a row (open and overdue ones come first): the
	 * cursor stays on the commitment, not on its old place. */
	int64_t was = f->cur < f->rows.n ? f->rows.v[f->cur].id : 0;
	error_clear(&err);
	if (commit_rows_read(&f->rows, app->store, &flt, &err) < 0)
		session_fail(app, &err);
	new_dues_read(f, app);
	for (size_t i = 0; was && i < f->rows.n; i++)
		if (f->rows.v[i].id == was)
			f->cur = i;
	if (f->cur >= f->rows.n)
		f->cur = f->rows.n ? f->rows.n - 1 : 0;
}

static const char *text_or_null(const char *s)
{
	return s && s[0] ? s : NULL;
}

/* Puts the cursor back on commitment id after a reload. */
static const struct store_commitment *find_item(struct followup *f, int64_t id)
{
	size_t i = commit_rows_find(&f->rows, id);
	if (i == (size_t)-1)
		return NULL;
	f->cur = i;
	return &f->rows.v[i];
}

/* Records a review of item it in this session; the texts are kept as
 * given (NULL or empty clears one).  When another ownit followed it up
 * since it was read, nothing is written: 1, with theirs shown and again
 * saying what repeating the key does. */
static int review(struct followup *f, struct app *app,
		  const struct store_commitment *it,
		  const struct store_review *in, const char *again)
{
	struct store_review r = *in;
	int64_t id = it->id;
	struct error err;
	r.session_id = f->ctx->session_id;
	r.obstacle = text_or_null(r.obstacle);
	r.helped = text_or_null(r.helped);
	r.differently = text_or_null(r.differently);
	error_clear(&err);
	int rc = store_commitment_review_if(app->store, it, &r, NULL, &err);
	if (rc < 0) {
		session_fail(app, &err);
		return -1;
	}
	if (rc == 1) {
		reload(f, app);
		review_changed_elsewhere(app, find_item(f, id), again);
	}
	return rc;
}

/* The review an item has now, with another status. */
static struct store_review review_of(const struct store_commitment *it,
				     enum store_cstatus st)
{
	struct store_review r = {
		.status = st,
		.obstacle = it->obstacle,
		.helped = st == STORE_C_KEPT ? it->helped : NULL,
		.differently = st == STORE_C_KEPT ? NULL : it->differently,
	};
	return r;
}

static void followup_keys(struct followup *f)
{
	enum fu_row row = FU_ROW_OPEN;
	if (f->cur < f->rows.n) {
		enum store_cstatus st = f->rows.v[f->cur].status;
		row = st == STORE_C_OPEN	   ? FU_ROW_OPEN
		      : st == STORE_C_RENEGOTIATED ? FU_ROW_RENEGOTIATED
						   : FU_ROW_REVIEWED;
	}
	f->ops.actions = f->keys[row];
}

static void followup_enter(struct screen *s, struct app *app)
{
	struct followup *f = s->data;
	review_ask_clear(&f->ask);
	reload(f, app);
	followup_keys(f);
}

static const char *status_word(enum store_cstatus st)
{
	switch (st) {
	case STORE_C_KEPT:
		return "kept";
	case STORE_C_PARTLY:
		return "partly";
	case STORE_C_MISSED:
		return "missed";
	case STORE_C_RENEGOTIATED:
		return "renegotiated";
	case STORE_C_OPEN:
		break;
	}
	return "open";
}

static enum ui_style status_style(enum store_cstatus st)
{
	switch (st) {
	case STORE_C_KEPT:
		return UI_GOOD;
	case STORE_C_PARTLY:
	case STORE_C_RENEGOTIATED:
		return UI_WARN;
	case STORE_C_MISSED:
		return UI_BAD;
	case STORE_C_OPEN:
		break;
	}
	return UI_DIM;
}

/* What helped, or what got in the way and what will change: one line
 * after the due date. */
static void reflection(struct app *app, const struct store_commitment *it,
		       int y, int x, int w, const char *dot)
{
	char buf[512];
	int n = 0;
	if (it->helped)
		n = snprintf(buf, sizeof buf, "helped: %s", it->helped);
	else if (it->obstacle)
		n = snprintf(buf, sizeof buf, "in the way: %s", it->obstacle);
	if (it->differently && n >= 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, "%s%s%sdifferently: %s",
			 n ? " " : "", n ? dot : "", n ? " " : "",
			 it->differently);
	else if (!n)
		return;
	draw_text(app, y, x, buf, w, UI_NORMAL);
}

static void followup_draw(struct screen *s, struct app *app)
{
	struct followup *f = s->data;
	const struct session_ctx *ctx = f->ctx;
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int bottom = ctx->top + ctx->rows;
	const char *dot = draw_glyph(app, GLYPH_DOT);
	char buf[512];
	size_t open = 0;
	for (size_t i = 0; i < f->rows.n; i++)
		open += f->rows.v[i].status == STORE_C_OPEN;
	if (f->rows.n == 0) {
		draw_text(app, y, x, "Nothing to follow up.", w, UI_HEADING);
		draw_text(app, y + 2, x,
			  "No open commitments from earlier sessions. Tab "
			  "goes on to the red flags.",
			  w, UI_DIM);
		return;
	}
	snprintf(buf, sizeof buf,
		 "Commitments from earlier sessions %s %zu to review", dot,
		 open);
	draw_text(app, y++, x, buf, w, UI_HEADING);
	y++;
	int per = 3;
	size_t fit = (size_t)((bottom - y) / per);
	if (fit < 1)
		fit = 1;
	if (f->cur < f->first)
		f->first = f->cur;
	if (f->cur >= f->first + fit)
		f->first = f->cur - fit + 1;
	for (size_t i = f->first; i < f->rows.n && y + 1 < bottom + 1; i++) {
		const struct store_commitment *it = &f->rows.v[i];
		int here = i == f->cur;
		char st[24];
		snprintf(st, sizeof st, "%-12s", status_word(it->status));
		draw_text(app, y, x, here ? ">" : " ", 1, UI_ACCENT);
		draw_text(app, y, x + 2, st, 12, status_style(it->status));
		draw_text(app, y, x + 15, it->what, w - 15,
			  here ? UI_SELECTED : UI_NORMAL);
		y++;
		if (y >= bottom)
			break;
		const char *now_due =
		    f->new_due && f->new_due[i][0] ? f->new_due[i] : NULL;
		char when[64];
		if (now_due)
			snprintf(when, sizeof when, "now due %s (was %s)",
				 now_due, it->due ? it->due : "none");
		else
			snprintf(when, sizeof when, "%s%s",
				 it->due ? "due " : "no due date",
				 it->due ? it->due : "");
		snprintf(buf, sizeof buf, "%s%s%s%s%s%s", when,
			 it->overdue ? " (overdue)" : "", it->owner ? " " : "",
			 it->owner ? dot : "", it->owner ? " " : "",
			 it->owner ? it->owner : "");
		int n = draw_text(app, y, x + 15, buf, w - 15,
				  it->overdue ? UI_BAD : UI_DIM);
		if (it->status != STORE_C_OPEN && !it->reviewed_session_id)
			n += draw_text(app, y, x + 15 + n,
				       " (on the Commitments screen)",
				       w - 15 - n, UI_DIM);
		if (++y >= bottom)
			break;
		reflection(app, it, y++, x + 15, w - 15, dot);
	}
}

/* After kept: what helped; after partly or missed: what got in the way
 * and what will change (the dialog the Commitments screen asks too). */
static struct intent ask_why(struct followup *f,
			     const struct store_commitment *it,
			     enum store_cstatus st)
{
	return intent_push(review_ask_new(&f->ask, f->ctx->session_id, st, it));
}

static struct intent followup_review(struct followup *f, struct app *app,
				     int id, struct key key)
{
	if (f->rows.n == 0)
		return intent_of(INTENT_NONE);
	const struct store_commitment *it = &f->rows.v[f->cur];
	switch (id) {
	case FU_UP:
		f->cur -= f->cur > 0;
		break;
	case FU_DOWN:
		f->cur += f->cur + 1 < f->rows.n;
		break;
	case FU_KEPT:
	case FU_PARTLY:
	case FU_MISSED: {
		enum store_cstatus st = id == FU_KEPT	  ? STORE_C_KEPT
					: id == FU_PARTLY ? STORE_C_PARTLY
							  : STORE_C_MISSED;
		if (it->status == STORE_C_RENEGOTIATED) {
			app_status(app, 1, "Renegotiated already: u undoes "
					   "it first.");
			break;
		}
		struct store_review r = review_of(it, st);
		char again[64];
		snprintf(again, sizeof again,
			 "%lc again saves yours over it, any other key keeps "
			 "theirs",
			 (wint_t)key.ch);
		int64_t made = it->id;
		if (review(f, app, it, &r, again) != 0)
			break;
		reload(f, app);
		const struct store_commitment *now = find_item(f, made);
		if (!now)
			break;
		return ask_why(f, now, st);
	}
	case FU_RENEGOTIATE:
		if (it->status != STORE_C_OPEN) {
			app_status(app, 1, "Already reviewed: u undoes it "
					   "first.");
			break;
		}
		return intent_push(
		    renegotiate_dialog_new(app, it, f->ctx->session_id));
	case FU_WHY:
		if (it->status == STORE_C_OPEN) {
			app_status(app, 1, "Review it first: y, p, m or r.");
			break;
		}
		if (it->status == STORE_C_RENEGOTIATED) {
			app_status(app, 1, "Renegotiated: u undoes it to "
					   "change the reason.");
			break;
		}
		return ask_why(f, it, it->status);
	case FU_UNDO: {
		struct store_review r = {.status = STORE_C_OPEN};
		if (review(f, app, it, &r,
			   "u again makes it open over theirs, any other key "
			   "keeps theirs") == 0)
			reload(f, app);
		break;
	}
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static struct intent followup_act(struct screen *s, struct app *app, int id,
				  struct key key)
{
	struct followup *f = s->data;
	struct intent in = followup_review(f, app, id, key);
	followup_keys(f);
	return in;
}

static void followup_destroy(struct screen *s)
{
	struct followup *f = s->data;
	commit_rows_free(&f->rows);
	free(f->new_due);
	review_ask_free(&f->ask);
	free(f);
	free(s);
}

static const struct screen_ops followup_ops = {
	.title = "Follow-up",
	.purpose = "What happened to the commitments of earlier sessions: "
		   "kept and what helped, or partly, missed or renegotiated, "
		   "what got in the way and what will be done differently.",
	.actions = followup_actions,
	.enter = followup_enter,
	.draw = followup_draw,
	.act = followup_act,
	.destroy = followup_destroy,
};

struct screen *followup_step_new(struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(&followup_ops, sizeof(struct followup));
	struct followup *f = s ? s->data : NULL;
	if (!s || !f) {
		screen_free(s);
		return NULL;
	}
	for (int row = 0; row < FU_ROWS; row++)
		for (size_t i = 0; i < FU_NACTIONS; i++) {
			struct action *a = &f->keys[row][i];
			*a = followup_actions[i];
			if (!fu_labelled(a->id, (enum fu_row)row))
				a->label = NULL;
		}
	f->ops = followup_ops;
	s->ops = &f->ops;
	followup_keys(f);
	f->ctx = ctx;
	return s;
}
