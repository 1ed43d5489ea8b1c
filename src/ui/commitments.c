/* commitments.c - every open commitment of everyone, overdue first, and
 * their follow-up from here: kept (what helped?), partly or missed (what
 * got in the way, what will you do differently?), or renegotiated to a
 * new due date.
 *
 * A follow-up made here belongs to no session: the store keeps only its
 * time, and it counts for the person's session open at that time or else
 * their next one, exactly like one made in that session's follow-up step
 * (the rule is in score.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/store/store.h"
#include "core/store/store_page.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/review.h"
#include "ui/renegotiate.h"
#include "ui/screen.h"
#include "ui/wrap.h"

enum {
	CM_KEPT = 1,
	CM_PARTLY,
	CM_MISSED,
	CM_RENEGOTIATE,
	CM_UNDO,
	CM_SEARCH,
	CM_BACK,
	CM_HELP,
	CM_MOVE, /* and the LIST_KEYS after it */
};

/* y, not k, for kept: k moves up here as on every other screen. */
static const struct action cm_actions[] = {
	{0, L'y', "y", "kept", "yes, the commitment was kept (then: what "
	 "helped?)", CM_KEPT},
	{0, L'p', "p", "partly", "mark it partly kept (then: what got in "
	 "the way, what will change)", CM_PARTLY},
	{0, L'm', "m", "missed", "mark it missed (then: what got in the "
	 "way, what will change)", CM_MISSED},
	{0, L'r', "r", "renegotiate", "agree a new due date (and say what got "
	 "in the way)", CM_RENEGOTIATE},
	{0, L'u', "u", NULL, "undo the last kept, partly or missed",
	 CM_UNDO},
	{0, L'/', "/", NULL, "show only commitments matching a text",
	 CM_SEARCH},
	LIST_MOVE_ACTIONS(CM_MOVE),
	{0, UI_KEY_ESC, "Esc", "back", "clear the filter, or back to home", CM_BACK},
	{0, L'q', "q", NULL, "back to home", CM_BACK},
	{0, L'?', "?", "help", "show the keys of this screen", CM_HELP},
	{0, 0, NULL, NULL, NULL, 0},
};

struct commit_row {
	int64_t id, person_id, session_id;
	char *what, *owner, *person;
	char due[DATES_DAY_SIZE];
	int overdue;
};

struct commitments {
	struct app *app;
	struct list *list;
	int64_t undo_id; /* the last one marked here, for u */
	enum store_cstatus undo_status;
	struct review_ask ask; /* what helped, or what got in the way */
};

static void commit_row_free(void *p)
{
	struct commit_row *r = p;
	free(r->what);
	free(r->owner);
	free(r->person);
	free(r);
}

/* -------------------------------------------------------------- loading */

static struct commit_row *commit_row_new(const struct store_commitment *c)
{
	struct commit_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->id = c->id;
	r->person_id = c->person_id;
	r->session_id = c->session_id;
	r->what = strdup(c->what ? c->what : "");
	r->person = strdup(c->person_name ? c->person_name : "");
	r->owner = c->owner ? strdup(c->owner) : NULL;
	snprintf(r->due, sizeof r->due, "%s", c->due ? c->due : "");
	r->overdue = c->overdue;
	if (!r->what || !r->person || (c->owner && !r->owner)) {
		commit_row_free(r);
		return NULL;
	}
	return r;
}

static int commit_cb(const struct store_commitment *c, void *ud)
{
	struct commit_row *r = commit_row_new(c);
	/* list_add frees the row itself when it fails. */
	return !r || list_add(ud, r) != 0;
}

/* Reads the rows of q into the list. */
static int commits_read(struct commitments *cm, struct list *l,
			const struct store_page *q, struct error *err)
{
	int r = store_open_commitments_page(cm->app->store, q, commit_cb, l,
					    err);
	if (r > 0)
		return error_set(err, ERROR_RUNTIME, "out of memory");
	return r < 0 ? -1 : 0;
}

/* A far jump with no row at hand: the rows before the window are
 * skipped inside SQL, the filter matched there too. */
static int commits_load(void *ud, struct list *l, size_t offset, size_t limit,
			struct error *err)
{
	struct store_page q = {.filter = list_filter(l), .offset = offset,
			       .limit = limit};
	return commits_read(ud, l, &q, err);
}

/* Scrolling, PgUp/PgDn and the ends: the rows next to one shown, by its
 * key position (due date and id), so a key reads only the rows it shows. */
static int commits_near(void *ud, struct list *l, const void *from, int dir,
			size_t limit, struct error *err)
{
	const struct commit_row *r = from;
	struct store_page q = {.filter = list_filter(l),
			       .from_set = r != NULL,
			       .from_text = r ? r->due : NULL,
			       .from_id = r ? r->id : 0,
			       .backward = dir < 0,
			       .limit = limit};
	return commits_read(ud, l, &q, err);
}

static int commits_count(void *ud, size_t *n, struct error *err)
{
	struct commitments *cm = ud;
	struct store_page q = {.filter = list_filter(cm->list)};
	return store_open_commitments_count(cm->app->store, &q, n, err);
}

static void cm_enter(struct screen *s, struct app *app)
{
	struct commitments *cm = s->data;
	(void)app;
	review_ask_clear(&cm->ask);
	list_reload(cm->list);
}

/* -------------------------------------------------------------- drawing */

struct cm_cols {
	int due, person, person_w, what, what_w, owner, owner_w;
};

static void cm_cols_for(int x, int w, struct cm_cols *c)
{
	c->due = x + 3;
	c->person = c->due + 12;
	c->person_w = w >= 100 ? 22 : 16;
	c->what = c->person + c->person_w + 2;
	c->owner_w = w >= 90 ? 18 : 0;
	c->what_w = x + w - c->what - (c->owner_w ? c->owner_w + 2 : 0);
	c->owner = c->what + c->what_w + 2;
}

static void cm_draw_row(void *ud, struct app *app, const void *row, int y,
			int x, int w, int selected)
{
	(void)ud;
	const struct commit_row *r = row;
	struct cm_cols c;
	cm_cols_for(x, w, &c);
	enum ui_style base = selected ? UI_SELECTED : UI_NORMAL;
	enum ui_style late = selected ? UI_SELECTED : UI_BAD;
	if (r->overdue)
		draw_text(app, y, x + 1, "!", 1, late);
	draw_text(app, y, c.due, r->due[0] ? r->due : "no date", 10,
		  r->overdue ? late
		  : r->due[0] ? base
			      : (selected ? base : UI_DIM));
	draw_text(app, y, c.person, r->person, c.person_w, base);
	draw_text(app, y, c.what, r->what, c.what_w, base);
	if (c.owner_w && r->owner)
		draw_text(app, y, c.owner, r->owner, c.owner_w,
			  selected ? base : UI_DIM);
}

static void cm_header(struct app *app, int y)
{
	struct cm_cols c;
	cm_cols_for(0, COLS - 1, &c);
	draw_text(app, y, c.due, "Due", 10, UI_HEADING);
	draw_text(app, y, c.person, "Person", c.person_w, UI_HEADING);
	draw_text(app, y, c.what, "Commitment", c.what_w, UI_HEADING);
	if (c.owner_w)
		draw_text(app, y, c.owner, "Owner", c.owner_w, UI_HEADING);
}

/* Under the list, the selected commitment whole: a rule naming whose it
 * is and when it is due, then its text over up to four rows, as the
 * list's column cuts a long commitment short. */
#define CM_PANEL_ROWS 5

/* The list's rows: all below the column heads but the filter's line and
 * the panel. */
static int cm_rows(const struct list *l)
{
	return LINES - 2 - 2 - (list_filtering(l) || list_filter(l)[0]) -
	       CM_PANEL_ROWS;
}

static void cm_panel_draw(struct app *app, const struct commit_row *r, int y)
{
	char about[512];
	const char *join = draw_glyph(app, GLYPH_JOIN);
	/* The due date first, as a narrow rule cuts the end; the owner
	 * only when it is someone else. */
	int other = r->owner && strcmp(r->owner, r->person) != 0;
	snprintf(about, sizeof about, "%s%s%s%s%s%s",
		 r->due[0] ? "due " : "no due date", r->due, join, r->person,
		 other ? join : "", other ? "owner " : "");
	if (other)
		snprintf(about + strlen(about), sizeof about - strlen(about),
			 "%s", r->owner);
	draw_rule(app, y, r->overdue ? "Overdue" : "Commitment", about);
	int width = COLS - 4, rows = CM_PANEL_ROWS - 1;
	int drawn =
	    wrap_draw(app, y + 1, 2, width, 0, rows, r->what, UI_NORMAL);
	/* Longer than the panel: say so where the text stops. */
	if (drawn == rows && wrap_count(r->what, width) > rows)
		draw_text(app, y + rows, COLS - 2,
			  draw_glyph(app, GLYPH_ELLIPSIS), 1, UI_DIM);
}

static void cm_show(struct screen *s, struct app *app)
{
	struct commitments *cm = s->data;
	list_show(cm->list, app, cm_rows(cm->list));
}

static void cm_draw(struct screen *s, struct app *app)
{
	struct commitments *cm = s->data;
	struct list *l = cm->list;
	cm_header(app, 1);
	int filter = list_filtering(l) || list_filter(l)[0];
	int list_h = cm_rows(l);
	list_draw(l, app, 2, 0, list_h, COLS);
	if (filter)
		list_filter_draw(l, app, 2 + list_h, 1, COLS - 2);
	const struct commit_row *cur = list_current(l);
	if (cur)
		cm_panel_draw(app, cur, 2 + list_h + filter);
	else if (!list_failed(l))
		draw_text(app, 2, 3,
			  list_filter(l)[0]
				  ? "No open commitment matches the filter."
				  : "No open commitments: everything has been "
				    "followed up.",
			  COLS - 4, UI_DIM);
}

/* ------------------------------------------------------------- reviews */

/* A row as listed: an open commitment with what, owner and due. */
static struct store_commitment row_seen(const struct commit_row *r)
{
	struct store_commitment c = {
		.id = r->id,
		.person_id = r->person_id,
		.session_id = r->session_id,
		.what = r->what,
		.owner = r->owner,
		.due = r->due[0] ? r->due : NULL,
		.status = STORE_C_OPEN,
	};
	return c;
}

/* A follow-up another ownit made meanwhile: say what it is now. */
static void cm_changed(struct app *app, int64_t id, const char *keys)
{
	struct store_commitment now;
	struct error err = {0};
	int r = store_commitment_get(app->store, id, &now, &err);
	if (r < 0) {
		app_status(app, 1, "%s", err.msg);
		return;
	}
	review_changed_elsewhere(app, r ? &now : NULL, keys);
	if (r)
		store_commitment_clear(&now);
}

static struct intent cm_review(struct commitments *cm, struct app *app,
			       enum store_cstatus st)
{
	const struct commit_row *r = list_selected(cm->list, app);
	if (!r)
		return intent_of(INTENT_NONE);
	struct error err = {0};
	struct store_review rv = {.status = st};
	struct store_commitment seen = row_seen(r);
	int rc = store_commitment_review_if(app->store, &seen, &rv, NULL, &err);
	if (rc != 0) {
		if (rc < 0)
			app_status(app, 1, "%s", err.msg);
		else
			cm_changed(app, r->id, "the list shows theirs");
		list_reload(cm->list);
		return intent_of(INTENT_REDRAW);
	}
	app_status(app, 0, "Marked %s: %.80s (u undoes)",
		   store_cstatus_name(st), r->what);
	cm->undo_id = r->id;
	cm->undo_status = st;
	/* Outside any session, like the review itself. */
	seen.status = st;
	struct intent in = intent_push(review_ask_new(&cm->ask, 0, st, &seen));
	list_reload(cm->list);
	return in;
}

/* Makes the commitment marked last open again, unless another ownit has
 * followed it up since: then theirs is shown and u again undoes it. */
static struct intent cm_undo(struct commitments *cm, struct app *app)
{
	struct error err = {0};
	if (!cm->undo_id || cm->ask.seen.id != cm->undo_id) {
		app_status(app, 0, "Nothing to undo.");
		return intent_of(INTENT_REDRAW);
	}
	struct store_review open = {.status = STORE_C_OPEN};
	int rc = store_commitment_review_if(app->store, &cm->ask.seen, &open,
					    NULL, &err);
	if (rc < 0) {
		app_status(app, 1, "%s", err.msg);
	} else if (rc == 1) {
		struct store_commitment now;
		int there = store_commitment_get(app->store, cm->undo_id, &now,
						 &err);
		if (there == 1) {
			store_commitment_clear(&cm->ask.seen);
			cm->ask.seen = now;
		}
		review_changed_elsewhere(app, there == 1 ? &cm->ask.seen : NULL,
					 "u again makes it open over theirs, "
					 "any other key keeps theirs");
		if (there != 1)
			cm->undo_id = 0;
	} else {
		app_status(app, 0, "Open again.");
		cm->undo_id = 0;
	}
	list_reload(cm->list);
	return intent_of(INTENT_REDRAW);
}

static struct intent cm_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct commitments *cm = s->data;
	struct list *l = cm->list;
	if (list_filtering(l)) {
		list_filter_key(l, app, key);
		return intent_of(INTENT_REDRAW);
	}
	if (list_move_key(l, app, id, CM_MOVE))
		return intent_of(INTENT_REDRAW);
	switch (id) {
	case CM_KEPT:
		return cm_review(cm, app, STORE_C_KEPT);
	case CM_PARTLY:
		return cm_review(cm, app, STORE_C_PARTLY);
	case CM_MISSED:
		return cm_review(cm, app, STORE_C_MISSED);
	case CM_RENEGOTIATE: {
		const struct commit_row *r = list_selected(l, app);
		if (!r)
			return intent_of(INTENT_NONE);
		struct store_commitment seen = row_seen(r);
		return intent_push(renegotiate_dialog_new(app, &seen, 0));
	}
	case CM_UNDO:
		return cm_undo(cm, app);
	case CM_SEARCH:
		list_filter_begin(l);
		break;
	case CM_BACK:
		if (key.ch == UI_KEY_ESC && list_filter(l)[0]) {
			list_filter_begin(l);
			list_filter_key(l, app, key);
			break;
		}
		return intent_of(INTENT_POP);
	case CM_HELP:
		return intent_push(help_screen_new(s));
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static int cm_wants_text(const struct screen *s)
{
	const struct commitments *cm = s->data;
	return list_filtering(cm->list);
}

static void cm_destroy(struct screen *s)
{
	struct commitments *cm = s->data;
	if (cm) {
		list_free(cm->list);
		review_ask_free(&cm->ask);
	}
	free(cm);
	free(s);
}

static const struct list_ops commits_ops = {
	.load = commits_load,
	.load_near = commits_near,
	.draw_row = cm_draw_row,
	.free_row = commit_row_free,
	.count = commits_count,
};

static const struct screen_ops cm_ops = {
	.title = "Commitments",
	.purpose = "Everyone's open commitments, overdue first; follow them "
	       "up from here.",
	.actions = cm_actions,
	.enter = cm_enter,
	.show = cm_show,
	.draw = cm_draw,
	.act = cm_act,
	.wants_text = cm_wants_text,
	.destroy = cm_destroy,
};

struct screen *commitments_screen_new(struct app *app)
{
	struct screen *s = screen_alloc(&cm_ops, sizeof(struct commitments));
	struct commitments *cm = s ? s->data : NULL;
	if (cm)
		cm->list = list_new(&commits_ops, cm);
	if (!s || !cm || !cm->list) {
		screen_free(s);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	cm->app = app;
	return s;
}
