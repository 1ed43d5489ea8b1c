/* newsession.c - the small dialog before a new session: coaching or
 * self-assessment, and who coaches (optional, the last coach offered).
 * On Enter it gives way to the session itself.  When the person has an
 * open session already, a question comes first: resume it, or not. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/store/store.h"
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
	/* A coach left in the field does not follow a self-assessment. */
	if (next && coach && coach[0] && kind == STORE_KIND_COACHING) {
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
		fields_key(ns->f, app, key);
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

/* The coach is usually the same person every time: the last one named
 * is typed in already, to keep or to change. */
static void coach_prefill(struct newsession *ns, struct app *app)
{
	struct error err = {0};
	char *coach = NULL;
	int r = store_session_last_coach(app->store, ns->person_id, &coach,
					 &err);
	if (r < 0)
		app_status(app, 1, "%s", err.msg);
	else if (r == 1)
		fields_set(ns->f, F_COACH, coach);
	free(coach);
}

struct screen *session_dialog_new(struct app *app, int64_t person_id, int kind)
{
	struct store_person p;
	if (!app_person_get(app, person_id, &p))
		return NULL;
	struct screen *s = screen_alloc(&ns_ops, sizeof(struct newsession));
	struct newsession *ns = s ? s->data : NULL;
	if (ns)
		ns->f = fields_new(ns_fields, F_COUNT);
	if (!s || !ns || !ns->f) {
		store_person_clear(&p);
		if (ns)
			fields_free(ns->f);
		screen_free(s);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	ns->person_id = person_id;
	snprintf(ns->name, sizeof ns->name, "%s", p.name);
	store_person_clear(&p);
	if (kind == STORE_KIND_COACHING)
		coach_prefill(ns, app);
	fields_set_choice(ns->f, F_KIND, kind);
	fields_focus(ns->f, kind == STORE_KIND_SELF ? F_KIND : F_COACH);
	return s;
}

/* ------------------------------------------------- an open one already */

/* Asked before a new session when the person has an open one: most
 * often the coach meant to carry on with it, so resuming is offered
 * first; a second open session is still allowed. */
enum { OA_RESUME = 1, OA_NEW, OA_CANCEL };

static const struct action oa_actions[] = {
	{0, L'r', "r", "resume it", "carry on with the open session", OA_RESUME},
	{0, L'\r', "Enter", NULL, "resume too", OA_RESUME},
	{KEY_ENTER, 0, NULL, NULL, NULL, OA_RESUME},
	{0, L'n', "n", "new anyway", "start another session; the open one "
	 "stays open", OA_NEW},
	{0, UI_KEY_ESC, "Esc", "cancel", "back, starting nothing", OA_CANCEL},
	{0, L'q', "q", NULL, "back too", OA_CANCEL},
	{0, 0, NULL, NULL, NULL, 0},
};

struct open_ask {
	int64_t person_id, session_id;
	int kind;
	char name[160];
	char started[DATES_LOCAL_SIZE];
};

static void oa_draw(struct screen *s, struct app *app)
{
	struct open_ask *oa = s->data;
	int y, x, w;
	char line[320];
	fields_dialog(app, 8, 60, "Open session", &y, &x, &w);
	snprintf(line, sizeof line, "%s has an open session, started %s.",
		 oa->name, oa->started);
	fields_wrap(app, y + 2, x + 2, w - 4, 2, line, UI_NORMAL);
	draw_text(app, y + 5, x + 2,
		  "r resumes it, n starts a new one anyway.", w - 4, UI_DIM);
}

static struct intent oa_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct open_ask *oa = s->data;
	(void)key;
	switch (id) {
	case OA_RESUME:
		return intent_replace(
			session_screen_resume(app, oa->session_id));
	case OA_NEW:
		return intent_replace(
			session_dialog_new(app, oa->person_id, oa->kind));
	case OA_CANCEL:
		return intent_of(INTENT_POP);
	}
	return intent_of(INTENT_NONE);
}

static void oa_destroy(struct screen *s)
{
	free(s->data);
	free(s);
}

static const struct screen_ops oa_ops = {
	.title = "Open session",
	.purpose = "This person has a session that is not complete yet: "
		   "carry on with it, or start another.",
	.actions = oa_actions,
	.overlay = 1,
	.draw = oa_draw,
	.act = oa_act,
	.destroy = oa_destroy,
};

struct screen *session_new_or_resume(struct app *app, int64_t person_id,
				     int kind)
{
	struct error err = {0};
	int64_t sid;
	int r = store_session_open_latest(app->store, person_id, &sid, &err);
	if (r < 0) {
		app_status(app, 1, "%s", err.msg);
		return NULL;
	}
	if (r == 0)
		return session_dialog_new(app, person_id, kind);
	struct store_session ses;
	struct store_person p;
	if (!app_session_get(app, sid, &ses))
		return NULL;
	if (!app_person_get(app, person_id, &p)) {
		store_session_clear(&ses);
		return NULL;
	}
	struct screen *s = screen_alloc(&oa_ops, sizeof(struct open_ask));
	struct open_ask *oa = s ? s->data : NULL;
	if (!s || !oa) {
		screen_free(s);
		store_session_clear(&ses);
		store_person_clear(&p);
		app_status(app, 1, "out of memory");
		return NULL;
	}
	oa->person_id = person_id;
	oa->session_id = sid;
	oa->kind = kind;
	snprintf(oa->name, sizeof oa->name, "%s", p.name);
	if (dates_local_display(ses.started, oa->started, &err) < 0)
		snprintf(oa->started, sizeof oa->started, "%.19s",
			 ses.started);
	store_session_clear(&ses);
	store_person_clear(&p);
	return s;
}
