/* team_trends.h - a person's team rounds on the history screen.
 *
 * The history reads the rounds when it is entered (team_trends_load) and
 * draws from what it read, so a redraw (a key, a resize) asks the store
 * nothing. */
#ifndef OWNIT_UI_TEAM_TRENDS_H
#define OWNIT_UI_TEAM_TRENDS_H

#include <stddef.h>
#include <stdint.h>

#include "core/coaching/teamview.h"
#include "ui/app.h"

/* Rounds shown at most: the newest ones. */
#define TEAM_TRENDS_MAX 4

struct team_trends {
	size_t total; /* the person's rounds, shown or not */
	size_t n;     /* rounds read into round[], oldest first */
	struct teamview round[TEAM_TRENDS_MAX];
	struct teamview_trend trend; /* the team's evidence across rounds */
};

/* An empty panel, safe to draw and to clear. */
void team_trends_init(struct team_trends *tt);

/* Reads the newest rounds of person_id and their trend into tt, after
 * freeing what tt held; a failure is told on the status line and leaves
 * what could be read. */
void team_trends_load(struct team_trends *tt, struct app *app,
		      int64_t person_id);

/* Draws a heading and the rounds read from row y; returns the rows used
 * (0 when the person has no round). */
int team_trends_draw(const struct team_trends *tt, struct app *app, int y);

/* The rows team_trends_draw takes at the terminal's width now, without
 * drawing: what a screen lays out before it draws. */
int team_trends_rows(const struct team_trends *tt, const struct app *app);

/* Frees what tt holds; it is empty again. */
void team_trends_clear(struct team_trends *tt);

#endif
