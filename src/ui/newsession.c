/* newsession.c - the small dialog before a new session: coaching or
 * self-assessment, and who coaches (optional).  On Enter it gives way to
 * the session itself. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/screen.h"

enum { NS_START = 1, NS_FIELD, NS_CANCEL };

static const struct action ns_actions[] = {
	{0, L'\r', "Enter", "start", "start the session", NS_START},
	{KEY_ENTER, 0, NULL, NULL, NULL, NS_START},
	{0, L'\t', "Tab", "next field", "move between the fields "
	 "(also Up, Down, Shift-Tab)", NS_FIELD},
	{KEY_BTAB, 0, NULL, NULL, NULL, NS_FIELD},
	{0, UI_KEY_ESC, "Esc", "cancel", "back without starting", NS_CANCEL},
	{0, 0, NULL, NULL, NULL, 0},
};

static const char *const kinds[] = {"coaching", "self", NULL};

enum { F_KIND, F_COACH, F_COUNT };
static const struct fields_def ns_fields[F_COUNT] = {
	{"Kind", 0, 0, kinds},
	{"Coach", 30, 80, NULL},
};

struct newsession {
	int64_t person_id;
	char name[160];
	struct fields *f;
};

static void ns_draw(struct screen *s, struct app *app)
{
	struct newsession *ns = s->data;
	int y, x, w;
	fields_dialog(app, 10, 56, "New session", &y, &x, &w);
	int fx = x + 2 + fields_label_width(ns->f) + 3;
	draw_text(app, y + 2, x + 2, "With", fx - x - 3, UI_NORMAL);
	draw_text(app, y + 2, fx, ns->name, x + w - 2 - fx, UI_ACCENT);
	fields_draw(ns->f, app, F_KIND, y + 4, x + 2, fx);
	fields_draw(ns->f, app, F_COACH, y + 5, x + 2, fx);
	draw_text(app, y + 7, x + 2,
		  fields_choice(ns->f, F_KIND) == STORE_KIND_SELF
			  ? "A self-assessment: no coach needed."
			  : "The coach's name is optional.",
		  w - 4, UI_DIM);
}

static struct intent ns_start(struct newsession *ns, struct app *app)
{
	int kind = fields_choice(ns->f, F_KIND);
	char *coach = fields_get(ns->f, F_COACH);
	struct screen *next = session_screen_new(app, ns->person_id, kind);
	if (next && coach && coach[0]) {
		/* The session screen creates the session as it opens: it
		 * is the person's newest open one. */
		struct error err = {0};
		int64_t sid;
		if (store_session_open_latest(app->store, ns->person_id, &sid,
					      &err) != 1 ||
		    store_session_set_coach(app->store, sid, coach, &err) != 0)
			app_status(app, 1, "coach not saved: %s",
				   err.msg[0] ? err.msg : "no open session");
	}
	free(coach);
	return intent_replace(next);
}

static struct intent ns_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct newsession *ns = s->data;
	switch (id) {
	case NS_START:
		return ns_start(ns, app);
	case NS_CANCEL:
		return intent_of(INTENT_POP);
	default:
		fields_key(ns->f, key);
		return intent_of(INTENT_REDRAW);
	}
}

static int ns_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void ns_destroy(struct screen *s)
{
	struct newsession *ns = s->data;
	if (ns)
		fields_free(ns->f);
	free(ns);
	free(s);
}

static const struct screen_ops ns_ops = {
	.title = "New session",
	.purpose = "Choose the kind of session and, for coaching, the coach.",
	.actions = ns_actions,
	.overlay = 1,
	.draw = ns_draw,
	.act = ns_act,
	.wants_text = ns_wants_text,
	.destroy = ns_destroy,
};

struct screen *session_dialog_new(struct app *app, int64_t person_id, int kind)
{
	struct store_person p;
	if (!app_person_get(app, person_id, &p))
		return NULL;
	struct screen *s = calloc(1, sizeof *s);
	struct newsession *ns = calloc(1, sizeof *ns);
	if (ns)
		ns->f = fields_new(ns_fields, F_COUNT);
	if (!s || !ns || !ns->f) {
		store_person_clear(&p);
		free(s);
		if (ns)
			fields_free(ns->f);
		free(ns);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	ns->person_id = person_id;
	snprintf(ns->name, sizeof ns->name, "%s", p.name);
	store_person_clear(&p);
	fields_set_choice(ns->f, F_KIND, kind);
	fields_focus(ns->f, kind == STORE_KIND_SELF ? F_KIND : F_COACH);
	s->ops = &ns_ops;
	s->data = ns;
	return s;
}
