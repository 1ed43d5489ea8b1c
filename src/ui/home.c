/* home.c - the first screen: who is being coached, and what is open.
 *
 * The people list fills the top of the screen, the open commitments of
 * the person under the cursor the bottom.  An empty database shows a
 * greeting instead, with the two ways to begin. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/store/store.h"
#include "core/store/store_page.h"
#include "ui/confirm.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/home_commits.h"
#include "ui/list.h"
#include "ui/screen.h"

enum {
	HOME_NEW = 1,
	HOME_RESUME,
	HOME_ADD,
	HOME_EDIT,
	HOME_HISTORY,
	HOME_COMMITMENTS,
	HOME_EXPORT,
	HOME_SEARCH,
	HOME_ARCHIVED,
	HOME_ME,
	HOME_HELP,
	HOME_QUIT,
	HOME_ESC,
	HOME_TEAM,
	HOME_DELETE,
	HOME_MOVE, /* and the LIST_KEYS after it */
};

static const struct action home_actions[] = {
	{0, L'n', "n", "new", "start a new session with the selected person",
	 HOME_NEW},
	{0, L'r', "r", "resume", "continue the person's open session",
	 HOME_RESUME},
	{0, L'a', "a", "add", "add a person to coach", HOME_ADD},
	{0, L'e', "e", "edit", "edit or archive the selected person",
	 HOME_EDIT},
	{0, L'h', "h", "history", "the person's sessions and pillar trends "
	 "(also Enter)",
	 HOME_HISTORY},
	{KEY_ENTER, 0, NULL, NULL, NULL, HOME_HISTORY},
	{0, L'\r', NULL, NULL, NULL, HOME_HISTORY},
	{0, L'c', "c", "commits", "everyone's open commitments, overdue first",
	 HOME_COMMITMENTS},
	{0, L't', "t", NULL, "a team round: the person's team answers in "
	 "turn, anonymously",
	 HOME_TEAM},
	{0, L'x', "x", "export", "write sessions to a CSV file", HOME_EXPORT},
	{0, L'/', "/", NULL, "find people by name, role or team (Esc clears)",
	 HOME_SEARCH},
	{0, L'v', "v", NULL, "show or hide archived people", HOME_ARCHIVED},
	{0, L'D', "D", NULL, "delete with all their sessions (type delete)",
	 HOME_DELETE},
	{0, L'm', "m", NULL, "add yourself (\"me\") for a self-assessment",
	 HOME_ME},
	LIST_MOVE_ACTIONS(HOME_MOVE),
	{0, UI_KEY_ESC, NULL, NULL, NULL, HOME_ESC},
	{0, L'?', "?", "help", "show the keys of this screen", HOME_HELP},
	{0, L'q', "q", "quit", "leave ownit (everything is already saved)",
	 HOME_QUIT},
	{0, 0, NULL, NULL, NULL, 0},
};

/* One person as listed; owned copies of the store's strings. */
struct person_row {
	int64_t id;
	char *name, *role, *team;
	char last[DATES_DAY_SIZE]; /* local day of the last session, or "" */
	int open, overdue, archived;
};

struct home {
	struct app *app;
	struct list *people;
	int show_archived;
	int anyone;     /* the database has at least one person */
	/* The person under the cursor and their open commitments. */
	struct home_commits sel;
	struct prompt_result confirm; /* the typed "delete" */
	int64_t deleting;             /* the person it is asked for */
	int64_t version; /* the store's data version read last (tick) */
};

static void person_row_free(void *p)
{
	struct person_row *r = p;
	free(r->name);
	free(r->role);
	free(r->team);
	free(r);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* -------------------------------------------------------------- loading */

static struct person_row *person_row_new(const struct store_person_row *pr)
{
	struct person_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->id = pr->person.id;
	r->name = strdup(pr->person.name);
	r->role = dup_or_null(pr->person.role);
	r->team = dup_or_null(pr->person.team);
	r->open = pr->open;
	r->overdue = pr->overdue;
	r->archived = pr->person.archived;
	if (!pr->last_session ||
	    dates_local_day(pr->last_session, r->last, NULL) != 0)
		r->last[0] = '\0';
	if (!r->name || (pr->person.role && !r->role) ||
	    (pr->person.team && !r->team)) {
		person_row_free(r);
		return NULL;
	}
	return r;
}

static int people_cb(const struct store_person_row *pr, void *ud)
{
	struct person_row *r = person_row_new(pr);
	/* list_add frees the row itself when it fails. */
	return !r || list_add(ud, r) != 0;
}

/* The page of people the list asks for: the filter is matched in SQL,
 * and rows are read by key position next to from, or at an offset. */
static struct store_page people_query(const struct home *h,
				      const struct list *l)
{
	return (struct store_page){.filter = list_filter(l),
				   .include_archived = h->show_archived};
}

static int people_read(struct home *h, struct list *l, struct store_page *q,
		       struct error *err)
{
	int r = store_people_page(h->app->store, q, people_cb, l, err);
	if (r > 0)
		return error_set(err, ERROR_RUNTIME, "out of memory");
	return r < 0 ? -1 : 0;
}

static int people_load(void *ud, struct list *l, size_t offset, size_t limit,
		       struct error *err)
{
	struct home *h = ud;
	struct store_page q = people_query(h, l);
	q.offset = offset;
	q.limit = limit;
	return people_read(h, l, &q, err);
}

static int people_near(void *ud, struct list *l, const void *from, int dir,
		       size_t limit, struct error *err)
{
	struct home *h = ud;
	const struct person_row *r = from;
	struct store_page q = people_query(h, l);
	q.from_set = r != NULL;
	q.from_text = r ? r->name : NULL;
	q.backward = dir < 0;
	q.limit = limit;
	return people_read(h, l, &q, err);
}

static int people_count(void *ud, size_t *n, struct error *err)
{
	struct home *h = ud;
	struct store_page q = people_query(h, h->people);
	return store_people_count(h->app->store, &q, n, err);
}

/* Where person id is in the list as filtered, or (size_t)-1. */
static size_t people_index(struct home *h, int64_t id)
{
	struct store_page q = people_query(h, h->people);
	struct error err = {0};
	size_t pos = 0;
	if (store_people_position(h->app->store, &q, id, &pos, &err) != 1)
		return (size_t)-1;
	return pos;
}

/* Copies what the screen needs of the row under the cursor. */
static void selection_sync(struct home *h)
{
	const struct person_row *r = list_selected(h->people, h->app);
	if (r)
		home_commits_select(&h->sel, h->app, r->id, r->name, r->open,
				    r->overdue);
	else
		home_commits_select(&h->sel, h->app, 0, NULL, 0, 0);
}

static void home_enter(struct screen *s, struct app *app)
{
	struct home *h = s->data;
	struct error err = {0};
	prompt_result_clear(&h->confirm);
	h->deleting = 0;
	/* Whether anyone is there, not the people list or a count: both
	 * read every person before the first frame. */
	int anyone = store_people_exist(app->store, &err);
	if (anyone < 0)
		app_status(app, 1, "%s", err.msg);
	h->anyone = anyone > 0;
	list_reload(h->people);
	home_commits_stale(&h->sel);
	if (store_data_version(app->store, &h->version, &err))
		app_status(app, 1, "%s", err.msg);
	if (app->focus_person) {
		size_t i = people_index(h, app->focus_person);
		if (i != (size_t)-1)
			list_set_cursor(h->people, i);
		app->focus_person = 0;
	}
}

/* Another ownit (or an import) changed the database: the counts and the
 * panel are read again, so the screen does not go on showing what is no
 * longer true.  The cursor, a filter and a pending question stay. */
static void home_tick(struct screen *s, struct app *app)
{
	struct home *h = s->data;
	struct error err = {0};
	int64_t now;
	if (store_data_version(app->store, &now, &err) || now == h->version)
		return;
	h->version = now;
	int anyone = store_people_exist(app->store, &err);
	if (anyone >= 0)
		h->anyone = anyone > 0;
	list_reload(h->people);
	home_commits_stale(&h->sel);
}

/* -------------------------------------------------------------- drawing */

/* Column positions of the people list for a width. */
struct cols {
	int name, name_w, role, role_w, last, open, overdue;
};

/* Name and role share what the fixed columns leave, each up to a cap,
 * so that on a wide terminal the numbers stay near the names. */
static void cols_for(int x, int w, struct cols *c)
{
	int fixed = 2 + 12 + 2 + 4 + 2 + 7;
	int flex = w - 1 - fixed - 2;
	c->name = x + 1;
	c->name_w = flex * 38 / 100;
	if (c->name_w < 12)
		c->name_w = 12;
	if (c->name_w > 32)
		c->name_w = 32;
	c->role_w = flex - c->name_w;
	if (c->role_w > 44)
		c->role_w = 44;
	if (c->role_w < 8) {
		c->role_w = 0;
		c->name_w = flex;
	}
	c->role = c->name + c->name_w + 2;
	c->last = c->role_w ? c->role + c->role_w + 2 : c->role;
	c->open = c->last + 12 + 2;
	c->overdue = c->open + 4 + 2;
}

/* Right-aligns a number in a column of w. */
static void draw_count(struct app *app, int y, int x, int w, int n,
		       enum ui_style style)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%*d", w, n);
	draw_text(app, y, x, buf, w, style);
}

static void person_draw_row(void *ud, struct app *app, const void *row, int y,
			    int x, int w, int selected)
{
	(void)ud;
	const struct person_row *r = row;
	struct cols c;
	cols_for(x, w, &c);
	enum ui_style base = selected ? UI_SELECTED : UI_NORMAL;
	enum ui_style dim = selected ? UI_SELECTED : UI_DIM;
	draw_text(app, y, c.name, r->name, c.name_w, base);
	if (c.role_w) {
		char rt[256];
		const char *sep = draw_glyph(app, GLYPH_JOIN);
		snprintf(rt, sizeof rt, "%s%s%s%s",
			 r->archived ? "(archived) " : "",
			 r->role ? r->role : "", r->role && r->team ? sep : "",
			 r->team ? r->team : "");
		draw_text(app, y, c.role, rt, c.role_w, dim);
	}
	draw_text(app, y, c.last, r->last[0] ? r->last : "never", 12,
		  r->last[0] ? base : dim);
	draw_count(app, y, c.open, 4, r->open, r->open ? base : dim);
	draw_count(app, y, c.overdue, 7, r->overdue,
		   selected ? UI_SELECTED : r->overdue ? UI_BAD : UI_DIM);
}

static void people_header(struct app *app, int y, int w)
{
	struct cols c;
	cols_for(0, w - 1, &c);
	draw_text(app, y, c.name, "Name", c.name_w, UI_HEADING);
	if (c.role_w)
		draw_text(app, y, c.role, "Role / team", c.role_w, UI_HEADING);
	draw_text(app, y, c.last, "Last session", 12, UI_HEADING);
	draw_text(app, y, c.open, "Open", 4, UI_HEADING);
	draw_text(app, y, c.overdue, "Overdue", 7, UI_HEADING);
}

static void greeting_draw(struct app *app)
{
	static const char intro[] =
		"ownit walks a team lead through the red flags of low "
		"ownership, the pillars that build it and the accountability "
		"ladder, and follows up the commitments made, session after "
		"session.";
	int w = COLS - 4 < 76 ? COLS - 4 : 76;
	int y = (LINES - 14) / 2;
	if (y < 2)
		y = 2;
	draw_text(app, y, 2, "Welcome to ownit.", w, UI_HEADING);
	int n = fields_wrap(app, y + 2, 2, w, 3, intro, UI_NORMAL);
	y += 3 + n;
	draw_text(app, y, 2, "Nobody here yet. To begin:", w, UI_NORMAL);
	draw_text(app, y + 2, 4, "a", 1, UI_KEY);
	draw_text(app, y + 2, 8, "add the first person you coach", w - 6,
		  UI_NORMAL);
	draw_text(app, y + 3, 4, "m", 1, UI_KEY);
	draw_text(app, y + 3, 8,
		  "assess yourself: adds \"me\", starts a self-assessment",
		  w - 6, UI_NORMAL);
	draw_text(app, y + 4, 4, "?", 1, UI_KEY);
	draw_text(app, y + 4, 8, "every key of this screen", w - 6,
		  UI_NORMAL);
}

/* The first run's greeting instead of the lists. */
static int greeting_shown(struct home *h)
{
	return !h->anyone && !list_filter(h->people)[0] && !h->show_archived;
}

/* Where the lists go.  Lines 1 .. LINES-3 are ours; the status line sits
 * above the key line.  People get three fifths, commitments the rest. */
struct home_layout {
	int filter;  /* a line under the people for the filter */
	int list_h;  /* people rows */
	int panel_y; /* the commitments' rule */
	int panel_h; /* commitment rows under it */
};

static struct home_layout home_layout(struct home *h)
{
	struct home_layout lay;
	int people_h = (LINES - 3) * 3 / 5;
	lay.filter = list_filtering(h->people) || list_filter(h->people)[0];
	lay.list_h = people_h - 1 - lay.filter;
	lay.panel_y = 1 + people_h + 1;
	lay.panel_h = LINES - 2 - (lay.panel_y + 1);
	return lay;
}

static void home_show(struct screen *s, struct app *app)
{
	struct home *h = s->data;
	if (greeting_shown(h))
		return;
	struct home_layout lay = home_layout(h);
	list_show(h->people, app, lay.list_h);
	selection_sync(h);
	home_commits_show(&h->sel, app, lay.panel_h);
}

static void home_draw(struct screen *s, struct app *app)
{
	struct home *h = s->data;
	if (greeting_shown(h)) {
		greeting_draw(app);
		return;
	}
	struct home_layout lay = home_layout(h);
	people_header(app, 1, COLS);
	list_draw(h->people, app, 2, 0, lay.list_h, COLS);
	if (lay.filter)
		list_filter_draw(h->people, app, 2 + lay.list_h, 1, COLS - 2);
	if (!list_current(h->people) && !list_failed(h->people))
		draw_text(app, 2, 2,
			  list_filter(h->people)[0]
				  ? "Nobody matches the filter."
				  : "Nobody to show (v shows archived people).",
			  COLS - 4, UI_DIM);
	home_commits_draw(&h->sel, app, lay.panel_y, lay.panel_h);
}

/* -------------------------------------------------------------- actions */

static struct intent need_person(struct app *app)
{
	app_status(app, 1, "Add a person first (a), or m to assess yourself.");
	return intent_of(INTENT_REDRAW);
}

static struct intent home_resume(struct home *h, struct app *app)
{
	int64_t sid;
	struct error err = {0};
	int64_t who = h->sel.person;
	int r = store_session_open_latest(app->store, who, &sid, &err);
	if (r < 0) {
		app_status(app, 1, "%s", err.msg);
		return intent_of(INTENT_REDRAW);
	}
	if (r == 0) {
		app_status(app, 0, "%s has no open session; n starts one.",
			   h->sel.name);
		return intent_of(INTENT_REDRAW);
	}
	return intent_push(session_screen_resume(app, sid));
}

static int delete_person(void *ud, struct app *app,
			 const struct prompt_result *r)
{
	struct home *h = ud;
	struct error err = {0};
	(void)r;
	if (store_person_delete(app->store, h->deleting, &err) < 0) {
		app_status(app, 1, "not deleted: %s", err.msg);
		return -1;
	}
	app_status(app, 0, "Deleted, with all their sessions and commitments.");
	return 0;
}

static struct intent home_delete(struct home *h)
{
	char title[200];
	snprintf(title, sizeof title, "Delete %s", h->sel.name);
	h->deleting = h->sel.person;
	return intent_push(confirm_delete_new(
		title,
		"All their sessions, answers, notes and commitments go for "
		"good; e archives instead. Esc keeps them.",
		delete_person, h, &h->confirm));
}

/* "me" is an ordinary person: found again when already there. */
static struct intent home_me(struct app *app)
{
	struct error err = {0};
	int64_t id;
	int r = store_person_find(app->store, "me", &id, &err);
	if (r == 0) {
		struct store_person p = {.name = "me",
					 .role = "self-assessment"};
		r = store_person_add(app->store, &p, &err) == 0 ? 1 : -1;
		id = p.id;
	}
	if (r < 0) {
		app_status(app, 1, "%s", err.msg);
		return intent_of(INTENT_REDRAW);
	}
	app->focus_person = id;
	return intent_push(session_new_or_resume(app, id, STORE_KIND_SELF));
}

/* Actions about the selected person. */
static struct intent home_person(struct home *h, struct app *app, int id)
{
	if (!h->sel.person)
		return need_person(app);
	switch (id) {
	case HOME_NEW:
		/* "me" assesses themself: no coach to ask for. */
		return intent_push(session_new_or_resume(
			app, h->sel.person,
			strcmp(h->sel.name, "me") == 0 ? STORE_KIND_SELF
						       : STORE_KIND_COACHING));
	case HOME_RESUME:
		return home_resume(h, app);
	case HOME_EDIT:
		return intent_push(person_form_new(app, h->sel.person));
	case HOME_DELETE:
		return home_delete(h);
	case HOME_HISTORY:
		return intent_push(history_screen_new(app, h->sel.person));
	case HOME_TEAM:
		return intent_push(team_round_screen_new(app, h->sel.person));
	}
	return intent_of(INTENT_NONE);
}

static struct intent home_act(struct screen *s, struct app *app, int id,
			      struct key key)
{
	struct home *h = s->data;
	if (list_filtering(h->people)) {
		list_filter_key(h->people, app, key);
		return intent_of(INTENT_REDRAW);
	}
	switch (id) {
	case HOME_NEW:
	case HOME_RESUME:
	case HOME_EDIT:
	case HOME_HISTORY:
	case HOME_TEAM:
	case HOME_DELETE:
		selection_sync(h);
		return home_person(h, app, id);
	case HOME_ADD:
		return intent_push(person_form_new(app, 0));
	case HOME_ME:
		return home_me(app);
	case HOME_COMMITMENTS:
		return intent_push(commitments_screen_new(app));
	case HOME_EXPORT:
		selection_sync(h);
		return intent_push(export_screen_new(app, h->sel.person, 0));
	case HOME_SEARCH:
		if (!h->anyone)
			return intent_of(INTENT_NONE);
		list_filter_begin(h->people);
		return intent_of(INTENT_REDRAW);
	case HOME_ESC:
		if (list_filter(h->people)[0]) {
			list_filter_begin(h->people);
			struct key esc = {.code = 0, .ch = UI_KEY_ESC};
			list_filter_key(h->people, app, esc);
		}
		return intent_of(INTENT_REDRAW);
	case HOME_ARCHIVED:
		h->show_archived = !h->show_archived;
		list_reload(h->people);
		app_status(app, 0, h->show_archived
					   ? "Showing archived people too."
					   : "Archived people hidden.");
		return intent_of(INTENT_REDRAW);
	case HOME_HELP:
		return intent_push(help_screen_new(s));
	case HOME_QUIT:
		return intent_of(INTENT_QUIT);
	default:
		list_move_key(h->people, app, id, HOME_MOVE);
		return intent_of(INTENT_REDRAW);
	}
}

static int home_wants_text(const struct screen *s)
{
	const struct home *h = s->data;
	return list_filtering(h->people);
}

static void home_destroy(struct screen *s)
{
	struct home *h = s->data;
	if (h) {
		list_free(h->people);
		home_commits_clear(&h->sel);
		prompt_result_clear(&h->confirm);
		free(h);
	}
	free(s);
}

static const struct list_ops people_ops = {
	.load = people_load,
	.draw_row = person_draw_row,
	.free_row = person_row_free,
	.load_near = people_near,
	.count = people_count,
};

static const struct screen_ops home_ops = {
    .title = "Home",
    .purpose = "The people you coach, their sessions and open commitments.",
    .actions = home_actions,
    .enter = home_enter,
    .show = home_show,
    .draw = home_draw,
    .act = home_act,
    .tick = home_tick,
    .wants_text = home_wants_text,
    .destroy = home_destroy,
};

struct screen *home_screen_new(struct app *app)
{
	struct screen *s = screen_alloc(&home_ops, sizeof(struct home));
	struct home *h = s ? s->data : NULL;
	if (!s || !h) {
		screen_free(s);
		return NULL;
	}
	h->app = app;
	home_commits_init(&h->sel);
	h->people = list_new(&people_ops, h);
	if (!h->people) {
		screen_free(s);
		return NULL;
	}
	return s;
}
