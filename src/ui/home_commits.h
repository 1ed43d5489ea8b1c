/* home_commits.h - home's lower panel: the open commitments of the person
 * under the cursor, overdue first, as many as fit.
 *
 * Home tells the panel who is selected (with the counts its people list
 * already has) and how much room it has; the panel reads only the rows it
 * has room for from the store, and again only when the person or the
 * room changes. */
#ifndef OWNIT_UI_HOME_COMMITS_H
#define OWNIT_UI_HOME_COMMITS_H

#include <stdint.h>

#include "core/base/dates.h"
#include "ui/app.h"

#define HOME_COMMITS_MAX 40

/* One open commitment as listed; what is an owned copy. */
struct home_commit {
	char *what;
	char due[DATES_DAY_SIZE];
	int overdue;
};

struct home_commits {
	int64_t person; /* whose commitments, 0 for nobody */
	char name[160];
	int open, overdue;  /* the person's counts */
	int64_t loaded;     /* whose rows are loaded, -1 for none */
	int room;	    /* rows the last show had */
	struct home_commit rows[HOME_COMMITS_MAX];
	int n;
};

/* An empty panel. */
void home_commits_init(struct home_commits *hc);

/* Shows person (0: nobody) with the name and counts of home's list. */
void home_commits_select(struct home_commits *hc, struct app *app,
			 int64_t person, const char *name, int open,
			 int overdue);

/* Forgets the rows read, so the next show reads them again (after the
 * store may have changed). */
void home_commits_stale(struct home_commits *hc);

/* Reads the rows of a panel `rows` high, unless they are at hand (the
 * same person, the same room): from home's show, before its draw. */
void home_commits_show(struct home_commits *hc, struct app *app, int rows);

/* Draws the panel's rule at row y and up to `rows` rows under it, from
 * what home_commits_show read. */
void home_commits_draw(const struct home_commits *hc, struct app *app, int y,
		       int rows);

/* Frees the rows; the panel is empty again. */
void home_commits_clear(struct home_commits *hc);

#endif
