/* chart.h - a core text canvas (radar, bars, sparklines) drawn with curses.
 *
 * The charts draw into a canvas in src/core, which knows no terminal; this
 * is the one place that turns a canvas into curses cells.  A cell's style
 * says what it is (axis, series A, red band); here it becomes one of the
 * app's drawing roles, so colours, NO_COLOR and monochrome terminals are
 * decided in app.c like everywhere else. */
#ifndef OWNIT_UI_CHART_H
#define OWNIT_UI_CHART_H

#include "core/chart/canvas.h"
#include "ui/app.h"

/* The app style a canvas style is drawn with. */
enum ui_style chart_style(enum canvas_style style);

/* Draws the whole canvas with its top left cell at (y, x), clipped to the
 * screen. */
void chart_draw(struct app *app, const struct canvas *cv, int y, int x);

/* Draws rows [row, row + n) of the canvas from screen row y, at most
 * maxw columns wide (for a canvas inside a scrolled page). */
void chart_draw_rows(struct app *app, const struct canvas *cv, int row,
		     int n, int y, int x, int maxw);

#endif
