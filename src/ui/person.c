/* person.c - the form that adds a person or edits one: name, role, team,
 * whether they work in a regulated setting (it decides which self-checks
 * the results offer) and whether they are archived (hidden from home,
 * history kept). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/store/store.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/screen.h"

enum { PF_SAVE = 1, PF_FIELD, PF_CANCEL };

static const struct action pf_actions[] = {
	{0, L'\r', "Enter", "save", "save the person", PF_SAVE},
	{KEY_ENTER, 0, NULL, NULL, NULL, PF_SAVE},
	{0, L'\t', "Tab", "next field", "move between the fields "
	 "(also Up, Down, Shift-Tab)", PF_FIELD},
	{KEY_BTAB, 0, NULL, NULL, NULL, PF_FIELD},
	{0, UI_KEY_ESC, "Esc", "cancel", "back without saving", PF_CANCEL},
	{0, 0, NULL, NULL, NULL, 0},
};

static const char *const yes_no[] = {"no", "yes", NULL};

enum { F_NAME, F_ROLE, F_TEAM, F_REGULATED, F_ARCHIVED, F_COUNT };
static const struct fields_def pf_fields[F_COUNT] = {
	{"Name", FIELDS_WIDTH_MAX, 120, NULL},
	{"Role", FIELDS_WIDTH_MAX, 120, NULL},
	{"Team", FIELDS_WIDTH_MAX, 120, NULL},
	{"Regulated", 0, 0, yes_no},
	{"Archived", 0, 0, yes_no},
};

struct person_form {
	int64_t id; /* 0 when adding */
	struct fields *f;
	char error[ERROR_MSG_MAX];
	/* The person as the form read it (editing): saved over only while
	 * the store still holds that, so another ownit's change is not
	 * silently undone. */
	struct store_person seen;
};

/* What the field under the cursor is for. */
static const char *pf_hint(const struct person_form *pf)
{
	switch (fields_current(pf->f)) {
	case F_REGULATED:
		return "Yes when they work in a regulated setting: the "
		       "results then add the self-checks about fixed "
		       "boundaries.";
	case F_ARCHIVED:
		return "Archived people leave the home list; their history "
		       "stays (v on home shows them).";
	default:
		return "Role and team are optional.";
	}
}

static void pf_draw(struct screen *s, struct app *app)
{
	struct person_form *pf = s->data;
	int y, x, w;
	fields_dialog(app, 13, 60, pf->id ? "Edit person" : "Add a person",
		      &y, &x, &w);
	int fx = x + 2 + fields_label_width(pf->f) + 2;
	for (int i = 0; i < F_COUNT; i++)
		fields_draw(pf->f, app, i, y + 2 + i + (i == F_ARCHIVED), x + 2,
			    fx);
	if (pf->error[0])
		fields_wrap(app, y + 9, x + 2, w - 4, 3, pf->error, UI_BAD);
	else
		fields_wrap(app, y + 9, x + 2, w - 4, 3, pf_hint(pf), UI_DIM);
}

/* NULL for an empty optional field. */
static char *field_or_null(struct fields *f, int i)
{
	char *v = fields_get(f, i);
	if (v && !v[0]) {
		free(v);
		return NULL;
	}
	return v;
}

/* Another ownit changed the person since the form read it: say what it
 * holds now, which the next Enter saves over (or Esc keeps). */
static int pf_changed_elsewhere(struct person_form *pf, struct app *app,
				struct error *err)
{
	struct store_person now;
	int found = store_person_get(app->store, pf->id, &now, err);
	if (found < 0)
		return -1;
	if (!found)
		return error_set(err, ERROR_INPUT,
				 "changed elsewhere: another ownit deleted "
				 "this person; Esc closes the form");
	error_set(err, ERROR_INPUT,
		  "changed elsewhere: another ownit made it %s%s%s%s%s%s; "
		  "Enter saves yours over it, Esc keeps theirs",
		  now.name, now.role ? ", " : "", now.role ? now.role : "",
		  now.team ? ", " : "", now.team ? now.team : "",
		  now.archived ? " (archived)" : "");
	store_person_clear(&pf->seen);
	pf->seen = now;
	return -1;
}

static int pf_write(struct person_form *pf, struct app *app,
		    struct store_person *p, struct error *err)
{
	if (!pf->id) {
		if (store_person_add(app->store, p, err) != 0)
			return -1;
		pf->id = p->id;
		app_status(app, 0, "Added %s.", p->name);
		return 0;
	}
	p->id = pf->id;
	int r = store_person_update_if(app->store, p, &pf->seen, err);
	if (r < 0)
		return -1;
	if (r == 1)
		return pf_changed_elsewhere(pf, app, err);
	app_status(app, 0, "Saved %s.", p->name);
	return 0;
}

static struct intent pf_save(struct person_form *pf, struct app *app)
{
	struct store_person p = {0};
	char *name = fields_get(pf->f, F_NAME);
	char *role = field_or_null(pf->f, F_ROLE);
	char *team = field_or_null(pf->f, F_TEAM);
	struct error err = {0};
	int ok = 0;
	if (!name) {
		snprintf(pf->error, sizeof pf->error, "out of memory");
	} else if (!name[0]) {
		snprintf(pf->error, sizeof pf->error,
			 "A name is needed: type the person's name (or \"me\").");
		fields_focus(pf->f, F_NAME);
	} else {
		p.name = name;
		p.role = role;
		p.team = team;
		p.regulated = fields_choice(pf->f, F_REGULATED);
		p.archived = fields_choice(pf->f, F_ARCHIVED);
		ok = pf_write(pf, app, &p, &err) == 0;
		if (!ok) {
			/* The form stays open with what was typed, so that
			 * Enter tries again (after a full disk, say). */
			snprintf(pf->error, sizeof pf->error, "%s", err.msg);
			app_status(app, 1, "not saved: %s", err.msg);
			if (err.kind == ERROR_INPUT)
				fields_focus(pf->f, F_NAME);
		}
	}
	free(name);
	free(role);
	free(team);
	if (!ok)
		return intent_of(INTENT_REDRAW);
	app->focus_person = pf->id;
	return intent_of(INTENT_POP);
}

static struct intent pf_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct person_form *pf = s->data;
	switch (id) {
	case PF_SAVE:
		return pf_save(pf, app);
	case PF_CANCEL:
		return intent_of(INTENT_POP);
	default:
		if (fields_key(pf->f, app, key))
			pf->error[0] = '\0';
		return intent_of(INTENT_REDRAW);
	}
}

static int pf_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void pf_destroy(struct screen *s)
{
	struct person_form *pf = s->data;
	if (pf) {
		fields_free(pf->f);
		store_person_clear(&pf->seen);
	}
	free(pf);
	free(s);
}

static const struct screen_ops pf_ops = {
	.title = "Person",
	.purpose = "A person you coach (or \"me\"): name, role, team, "
		   "regulated setting.",
	.actions = pf_actions,
	.overlay = 1,
	.draw = pf_draw,
	.act = pf_act,
	.wants_text = pf_wants_text,
	.destroy = pf_destroy,
};

/* Fills the form from the store when editing. */
static int pf_load(struct person_form *pf, struct app *app)
{
	struct store_person p;
	if (!app_person_get(app, pf->id, &p))
		return -1;
	int r = fields_set(pf->f, F_NAME, p.name) |
		fields_set(pf->f, F_ROLE, p.role) |
		fields_set(pf->f, F_TEAM, p.team);
	fields_set_choice(pf->f, F_REGULATED, p.regulated ? 1 : 0);
	fields_set_choice(pf->f, F_ARCHIVED, p.archived ? 1 : 0);
	pf->seen = p;
	if (r)
		app_status(app, 1, "out of memory");
	return r ? -1 : 0;
}

struct screen *person_form_new(struct app *app, int64_t person_id)
{
	struct screen *s = screen_alloc(&pf_ops, sizeof(struct person_form));
	struct person_form *pf = s ? s->data : NULL;
	if (pf)
		pf->f = fields_new(pf_fields, F_COUNT);
	if (!s || !pf || !pf->f) {
		app_status(app, 1, "out of memory");
		goto fail;
	}
	pf->id = person_id;
	if (person_id && pf_load(pf, app) != 0)
		goto fail;
	fields_focus(pf->f, F_NAME);
	return s;
fail:
	if (pf)
		fields_free(pf->f);
	screen_free(s);
	return NULL;
}
