/* team_trends.h - a person's team rounds on the history screen. */
#ifndef OWNIT_UI_TEAM_TRENDS_H
#define OWNIT_UI_TEAM_TRENDS_H

#include <stdint.h>

#include "ui/app.h"

/* Draws a heading and the newest team rounds of person_id from row y;
 * returns the rows used (0 when the person has no round). */
int team_trends_draw(struct app *app, int64_t person_id, int y);

#endif
