/* home_commits.c - the open commitments of the selected person. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/store.h"
#include "ui/draw.h"
#include "ui/home_commits.h"

void home_commits_init(struct home_commits *hc)
{
	memset(hc, 0, sizeof *hc);
	hc->loaded = -1;
}

void home_commits_clear(struct home_commits *hc)
{
	for (int i = 0; i < hc->n; i++)
		free(hc->rows[i].what);
	hc->n = 0;
}

void home_commits_stale(struct home_commits *hc)
{
	hc->loaded = -1;
}

static int commit_cb(const struct store_open_commitment *c, void *ud)
{
	struct home_commits *hc = ud;
	if (hc->n >= hc->room || hc->n >= HOME_COMMITS_MAX)
		return 1;
	struct home_commit *r = &hc->rows[hc->n];
	r->what = strdup(c->what ? c->what : "");
	if (!r->what)
		return 1;
	snprintf(r->due, sizeof r->due, "%s", c->due ? c->due : "");
	r->overdue = c->overdue;
	hc->n++;
	return 0;
}

/* Reads the open commitments of the person, as many as fit. */
static void commits_load(struct home_commits *hc, struct app *app)
{
	home_commits_clear(hc);
	hc->loaded = hc->person;
	if (!hc->person || hc->open == 0)
		return;
	struct error err = {0};
	if (store_open_commitments_each(app->store, hc->person, commit_cb, hc,
					&err) < 0)
		app_status(app, 1, "%s", err.msg);
}

void home_commits_select(struct home_commits *hc, struct app *app,
			 int64_t person, const char *name, int open,
			 int overdue)
{
	snprintf(hc->name, sizeof hc->name, "%s", name ? name : "");
	hc->person = person;
	hc->open = open;
	hc->overdue = overdue;
	/* The rows are read by the next show, which knows the room. */
	(void)app;
}

void home_commits_show(struct home_commits *hc, struct app *app, int rows)
{
	if (rows == hc->room && hc->loaded == hc->person)
		return;
	hc->room = rows;
	commits_load(hc, app);
}

void home_commits_draw(const struct home_commits *hc, struct app *app, int y,
		       int rows)
{
	char head[256], counts[64];
	if (!hc->person) {
		draw_rule(app, y, "Open commitments", NULL);
		return;
	}
	snprintf(head, sizeof head, "Open commitments of %s", hc->name);
	if (hc->overdue)
		snprintf(counts, sizeof counts, "%d open, %d overdue",
			 hc->open, hc->overdue);
	else
		snprintf(counts, sizeof counts, "%d open", hc->open);
	draw_rule(app, y, head, counts);
	if (hc->open == 0) {
		draw_text(app, y + 1, 3, "None open.", COLS - 4, UI_DIM);
		return;
	}
	int shown = hc->n < rows ? hc->n : rows;
	if (hc->open > shown && shown == rows)
		shown--; /* room for the "more" line */
	for (int i = 0; i < shown; i++) {
		const struct home_commit *r = &hc->rows[i];
		int ry = y + 1 + i;
		if (r->overdue)
			draw_text(app, ry, 1, "!", 1, UI_BAD);
		draw_text(app, ry, 3, r->due[0] ? r->due : "no date", 10,
			  r->overdue ? UI_BAD : r->due[0] ? UI_NORMAL : UI_DIM);
		draw_text(app, ry, 15, r->what, COLS - 16, UI_NORMAL);
	}
	if (hc->open > shown) {
		char more[64];
		snprintf(more, sizeof more, "%d more: c lists everyone's",
			 hc->open - shown);
		draw_text(app, y + 1 + shown, 3, more, COLS - 4, UI_DIM);
	}
}
