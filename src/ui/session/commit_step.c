/* commit_step.c - the commitments made in this session: what, who, by
 * when; added, edited and deleted in place.  A ladder climbed to the top
 * offers its last answer as a draft, so the climb ends in a commitment. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/coaching/ladder.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/session/commit_rows.h"
#include "ui/session/session.h"
#include "ui/wrap.h"

enum {
	CM_ADD = 1,
	CM_EDIT,
	CM_DELETE,
	CM_UNDO,
	CM_UP,
	CM_DOWN,
};

static const struct action commit_actions[] = {
	{0, L'a', "a", "add", "add a commitment (the ladder's draft first, "
	 "while there is one)", CM_ADD},
	{0, L'\r', "Enter", "edit", "edit the commitment (also e)", CM_EDIT},
	{KEY_ENTER, 0, "Enter", NULL, NULL, CM_EDIT},
	{0, L'e', "e", NULL, NULL, CM_EDIT},
	{0, L'd', "d", "delete", "delete the commitment (d twice)",
	 CM_DELETE},
	{0, L'u', "u", NULL, "bring back the commitment deleted last",
	 CM_UNDO},
	{KEY_UP, 0, "Up/Down", NULL, "choose a commitment (also k/j)", CM_UP},
	{0, L'k', "k", NULL, NULL, CM_UP},
	{KEY_DOWN, 0, "Down", NULL, NULL, CM_DOWN},
	{0, L'j', "j", NULL, NULL, CM_DOWN},
	{0, 0, NULL, NULL, NULL, 0},
};

enum { TAG_ADD = 1, TAG_EDIT };

struct commits {
	struct session_ctx *ctx;
	/* Whole, with the follow-up as read, so a delete sees one made
	 * elsewhere. */
	struct commit_rows rows;
	size_t cur, first;
	int armed; /* d pressed once on cur */
	/* The commitment deleted last, as it was, for u; id 0 when none. */
	struct store_commitment deleted;
	int64_t editing;
	int64_t added; /* the commitment the form added last */
	struct prompt_result pr;
	/* The ladder's top answer until a commitment says the same. */
	char *draft;
	char draft_climb[160]; /* where the climb started and ended */
	/* The form's due label, with an example day a week from today;
	 * the open form points at it. */
	char due_label[80];
};

struct top_answer {
	int rung;
	char *text;
};

static int top_load(const struct store_ladder_step *st, void *ud)
{
	struct top_answer *t = ud;
	if (st->rung == t->rung && st->answer && !t->text)
		t->text = strdup(st->answer);
	return 0;
}

/* The draft: the answer on the ladder's top rung, unless one of this
 * session's commitments already says it. */
static int draft_load(struct commits *c, struct app *app, struct error *err)
{
	const struct content *ct = c->ctx->content;
	struct store_ladder sl;
	struct top_answer top = {(int)ct->nrungs, NULL};
	free(c->draft);
	c->draft = NULL;
	int found = store_ladder_get(app->store, c->ctx->session_id, &sl, err);
	if (found <= 0)
		return found;
	const struct content_rung *from = ladder_rung(ct, sl.start_rung);
	const struct content_rung *to = ladder_rung(ct, top.rung);
	snprintf(c->draft_climb, sizeof c->draft_climb,
		 "From the ladder: %d %s to %d %s", sl.start_rung,
		 from ? from->name : "?", top.rung, to ? to->name : "?");
	store_ladder_clear(&sl);
	if (store_ladder_steps_each(app->store, c->ctx->session_id, top_load,
				    &top, err) < 0) {
		free(top.text);
		return -1;
	}
	for (size_t i = 0; top.text && i < c->rows.n; i++)
		if (strcmp(c->rows.v[i].what, top.text) == 0) {
			free(top.text);
			top.text = NULL;
		}
	c->draft = top.text;
	return 0;
}

static void reload(struct commits *c, struct app *app)
{
	struct store_commitment_filter f = {.session_id = c->ctx->session_id};
	struct error err;
	error_clear(&err);
	if (commit_rows_read(&c->rows, app->store, &f, &err) < 0 ||
	    draft_load(c, app, &err) < 0)
		session_fail(app, &err);
	if (c->cur >= c->rows.n)
		c->cur = c->rows.n ? c->rows.n - 1 : 0;
}

static int check_form(char *const *texts, int *field, char *msg,
		      size_t msgsz)
{
	char due[DATES_DAY_SIZE];
	if (!texts[0][0]) {
		*field = 0;
		snprintf(msg, msgsz, "say what will be done");
		return 1;
	}
	if (session_parse_due(texts[2], 1, due, msg, msgsz) < 0) {
		*field = 2;
		return 1;
	}
	return 0;
}

static const struct store_commitment *item_by_id(const struct commits *c,
						 int64_t id)
{
	size_t i = commit_rows_find(&c->rows, id);
	return i == (size_t)-1 ? NULL : &c->rows.v[i];
}

/* Saves an edit over the commitment as this screen read it.  When
 * another ownit changed it meanwhile nothing is saved: the list takes
 * their version, which the form's next Enter then saves over. */
static int edit_save(struct commits *c, struct app *app,
		     const struct store_commitment *sc)
{
	const struct store_commitment *it = item_by_id(c, sc->id);
	if (!it) {
		app_status(app, 1,
			   "changed elsewhere: another ownit deleted this "
			   "commitment; Esc closes the form");
		return -1;
	}
	struct error err;
	error_clear(&err);
	int r = store_commitment_update_if(app->store, sc, it, &err);
	if (r < 0) {
		session_fail(app, &err);
		return -1;
	}
	if (r == 0)
		return 0;
	reload(c, app);
	it = item_by_id(c, sc->id);
	if (!it) {
		app_status(app, 1,
			   "changed elsewhere: another ownit deleted this "
			   "commitment; Esc closes the form");
		return -1;
	}
	app_status(app, 1,
		   "changed elsewhere: another ownit made it \"%s\", %s, due "
		   "%s; Enter saves yours over it, Esc keeps theirs",
		   it->what, it->owner ? it->owner : "no owner",
		   it->due ? it->due : "any time");
	return -1;
}

/* The form's save (see prompt_saving): a failed write keeps the form
 * open with what was typed. */
static int form_save(void *ud, struct app *app, const struct prompt_result *pr)
{
	struct commits *c = ud;
	char due[DATES_DAY_SIZE], msg[160];
	struct error err;
	if (session_parse_due(pr->text[2], 1, due, msg, sizeof msg) < 0) {
		app_status(app, 1, "%s", msg);
		return -1;
	}
	struct store_commitment sc;
	memset(&sc, 0, sizeof sc);
	sc.person_id = c->ctx->person_id;
	sc.session_id = c->ctx->session_id;
	sc.what = pr->text[0];
	sc.owner = pr->text[1][0] ? pr->text[1] : NULL;
	sc.due = due[0] ? due : NULL;
	sc.status = STORE_C_OPEN;
	error_clear(&err);
	if (pr->tag == TAG_EDIT) {
		sc.id = c->editing;
		return edit_save(c, app, &sc);
	}
	if (store_commitment_add(app->store, &sc, &err) < 0) {
		session_fail(app, &err);
		return -1;
	}
	c->added = sc.id;
	app_status(app, 0, "Saved. a adds another; Tab goes on to the notes.");
	return 0;
}

static void commit_enter(struct screen *s, struct app *app)
{
	struct commits *c = s->data;
	reload(c, app);
	if (c->pr.done && c->pr.tag == TAG_ADD)
		for (size_t i = 0; i < c->rows.n; i++)
			if (c->rows.v[i].id == c->added)
				c->cur = i;
	prompt_result_clear(&c->pr);
}

static void commit_draw(struct screen *s, struct app *app)
{
	struct commits *c = s->data;
	const struct session_ctx *ctx = c->ctx;
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int bottom = ctx->top + ctx->rows;
	const char *dot = draw_glyph(app, GLYPH_DOT);
	char buf[512];
	snprintf(buf, sizeof buf, "Commitments made in this session %s %zu",
		 dot, c->rows.n);
	draw_text(app, y++, x, buf, w, UI_HEADING);
	y++;
	if (c->draft && y + 3 < bottom) {
		draw_text(app, y++, x, c->draft_climb, w, UI_ACCENT);
		draw_text(app, y, x, "Draft:", w, UI_DIM);
		y += wrap_draw(app, y, x + 7, w - 7, 0, 2, c->draft, UI_NORMAL);
		draw_text(app, y++, x,
			  "a turns the draft into a commitment (owner and "
			  "date to check).",
			  w, UI_DIM);
		y++;
	}
	if (c->rows.n == 0) {
		if (!c->draft)
			draw_text(app, y, x,
				  "None yet. a adds one: what will be done, by "
				  "whom, by when.",
				  w, UI_DIM);
		return;
	}
	size_t fit = (size_t)((bottom - y) / 2);
	if (fit < 1)
		fit = 1;
	if (c->cur < c->first)
		c->first = c->cur;
	if (c->cur >= c->first + fit)
		c->first = c->cur - fit + 1;
	for (size_t i = c->first; i < c->rows.n && y < bottom; i++) {
		const struct store_commitment *it = &c->rows.v[i];
		int here = i == c->cur;
		draw_text(app, y, x, here ? ">" : " ", 1, UI_ACCENT);
		draw_text(app, y++, x + 2, it->what, w - 2,
			  here ? UI_SELECTED : UI_NORMAL);
		if (y >= bottom)
			break;
		snprintf(buf, sizeof buf, "%s %s %s%s",
			 it->owner ? it->owner : "no owner", dot,
			 it->due ? "due " : "no due date",
			 it->due ? it->due : "");
		draw_text(app, y++, x + 4, buf, w - 4,
			  it->overdue ? UI_BAD : UI_DIM);
	}
	if (c->armed)
		app_status(app, 1, "Press d again to delete it.");
}

static struct intent form_open(struct commits *c,
			       const struct store_commitment *it)
{
	char today[DATES_DAY_SIZE], example[DATES_DAY_SIZE];
	dates_today(today);
	dates_due_example(today, example);
	snprintf(c->due_label, sizeof c->due_label,
		 "Due (%s, +7d, +2w, mon..sun; empty for none)", example);
	const char *const labels[] = {"What will be done", "Owner",
				      c->due_label};
	const char *init[3] = {c->draft, c->ctx->person, NULL};
	if (it) {
		init[0] = it->what;
		init[1] = it->owner;
		init[2] = it->due;
		c->editing = it->id;
	}
	c->pr.tag = it ? TAG_EDIT : TAG_ADD;
	struct screen *form =
		prompt_new(it ? "Edit commitment" : "New commitment",
			   "Tab moves between fields; Enter saves", 3, labels,
			   init, check_form, &c->pr);
	return intent_push(prompt_saving(form, form_save, c));
}

/* A delete refused: the commitment as another ownit left it. */
static void delete_refused(struct commits *c, struct app *app, int64_t id)
{
	reload(c, app);
	const struct store_commitment *it = item_by_id(c, id);
	if (!it) {
		app_status(app, 0, "Deleted elsewhere already.");
		return;
	}
	c->cur = (size_t)(it - c->rows.v);
	if (it->status != STORE_C_OPEN)
		app_status(app, 1,
			   "changed elsewhere: another ownit marked it %s; "
			   "d d deletes it all the same, any other key keeps "
			   "it",
			   store_cstatus_name(it->status));
	else
		app_status(app, 1,
			   "changed elsewhere: another ownit made it \"%s\", "
			   "%s, due %s; d d deletes theirs, any other key "
			   "keeps it",
			   it->what, it->owner ? it->owner : "no owner",
			   it->due ? it->due : "any time");
}

/* The commitment is read whole before it goes, so u can put it back;
 * it goes only while it is as this screen shows it. */
static void delete_current(struct commits *c, struct app *app)
{
	struct error err;
	struct store_commitment kept;
	const struct store_commitment *it = &c->rows.v[c->cur];
	int64_t id = it->id;
	error_clear(&err);
	int r = store_commitment_get(app->store, id, &kept, &err);
	int gone =
	    r == 1 ? store_commitment_delete_if(app->store, it, &err) : r;
	if (r == 1 && gone == 0) {
		store_commitment_clear(&c->deleted);
		c->deleted = kept;
		app_status(app, 0, "Deleted; u brings it back.");
		reload(c, app);
		return;
	}
	if (r == 1)
		store_commitment_clear(&kept);
	if (gone < 0) {
		session_fail(app, &err);
		reload(c, app);
		return;
	}
	delete_refused(c, app, id);
}

/* Puts the commitment deleted last back, unless it is back already
 * (brought back or imported by another ownit): a second copy of it, or
 * one over what is there now, would be a change nobody asked for. */
static void undo_delete(struct commits *c, struct app *app)
{
	struct error err;
	if (!c->deleted.id) {
		app_status(app, 0, "Nothing deleted to bring back.");
		return;
	}
	error_clear(&err);
	int64_t there = 0;
	int r = store_commitment_restore_if(app->store, &c->deleted, &there,
					    &err);
	if (r < 0) {
		session_fail(app, &err);
		return;
	}
	if (r == 1) {
		struct store_commitment now;
		int found = store_commitment_get(app->store, there, &now, &err);
		if (found < 0) {
			session_fail(app, &err);
			return;
		}
		app_status(app, 1,
			   "changed elsewhere: another ownit brought it back "
			   "already (\"%.60s\", %s); nothing to undo",
			   found ? now.what : c->deleted.what,
			   found ? store_cstatus_name(now.status) : "gone");
		if (found)
			store_commitment_clear(&now);
		store_commitment_clear(&c->deleted);
		memset(&c->deleted, 0, sizeof c->deleted);
		reload(c, app);
		return;
	}
	app_status(app, 0, "Brought back: %s", c->deleted.what);
	store_commitment_clear(&c->deleted);
	memset(&c->deleted, 0, sizeof c->deleted);
	reload(c, app);
}

static struct intent commit_act(struct screen *s, struct app *app, int id,
				struct key key)
{
	struct commits *c = s->data;
	(void)key;
	int armed = c->armed;
	c->armed = 0;
	switch (id) {
	case CM_ADD:
		return form_open(c, NULL);
	case CM_EDIT:
		if (c->rows.n)
			return form_open(c, &c->rows.v[c->cur]);
		return form_open(c, NULL);
	case CM_DELETE:
		if (!c->rows.n)
			break;
		if (!armed) {
			c->armed = 1;
			break;
		}
		delete_current(c, app);
		break;
	case CM_UNDO:
		undo_delete(c, app);
		break;
	case CM_UP:
		c->cur -= c->cur > 0;
		break;
	case CM_DOWN:
		c->cur += c->cur + 1 < c->rows.n;
		break;
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void commit_destroy(struct screen *s)
{
	struct commits *c = s->data;
	commit_rows_free(&c->rows);
	free(c->draft);
	if (c->deleted.id)
		store_commitment_clear(&c->deleted);
	prompt_result_clear(&c->pr);
	free(c);
	free(s);
}

static const struct screen_ops commit_ops = {
	.title = "Commitments",
	.purpose = "What will be done, by whom and by when; followed up at "
		   "the next session.",
	.actions = commit_actions,
	.enter = commit_enter,
	.draw = commit_draw,
	.act = commit_act,
	.destroy = commit_destroy,
};

struct screen *commit_step_new(struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(&commit_ops, sizeof(struct commits));
	struct commits *c = s ? s->data : NULL;
	if (!s || !c) {
		screen_free(s);
		return NULL;
	}
	c->ctx = ctx;
	return s;
}
