/* team_trends.h - a person's team rounds on the history screen, and the
 * team's view as the results step's radar comparison. */
#ifndef OWNIT_UI_TEAM_TRENDS_H
#define OWNIT_UI_TEAM_TRENDS_H

#include <stdint.h>

#include "ui/app.h"

/* Draws a heading and the newest team rounds of person_id from row y;
 * returns the rows used (0 when the person has no round). */
int team_trends_draw(struct app *app, int64_t person_id, int y);

/* The team's evidence per pillar (vals, parallel to the content's
 * pillars) from the round set beside session_id, and a legend naming it:
 * 1 when that round's figures may be shown, else 0 (vals untouched). */
int team_results_series(struct app *app, int64_t session_id, double *vals,
			char *legend, size_t legend_size);

#endif
