/* draw.h - drawing helpers every screen shares.
 *
 * Text from users and content files goes through draw_text, which never
 * lets a control character reach the terminal raw (it is shown as ^X) and
 * measures wide characters by their display width. */
#ifndef OWNIT_UI_DRAW_H
#define OWNIT_UI_DRAW_H

#include "core/base/glyph.h"
#include "ui/app.h"
#include "ui/screen.h"

/* Draws UTF-8 text at (y, x), at most width columns, cut with an
 * ellipsis when longer; returns the number of columns used. */
int draw_text(struct app *app, int y, int x, const char *utf8, int width,
	      enum ui_style style);

/* The canvas mode of the app: ASCII under --ascii, else UTF-8. */
enum canvas_mode draw_mode(const struct app *app);

/* A symbol from the glyph table in the app's mode. */
const char *draw_glyph(const struct app *app, enum glyph g);

/* The top line: "ownit · TITLE" across the full width. */
void draw_title(struct app *app, const char *title);

/* How the key line offers help: `?`, F1 while the screen takes text
 * (where `?` is a character), or not at all (help itself). */
enum draw_help { DRAW_HELP_KEYS, DRAW_HELP_TYPING, DRAW_HELP_NONE };

/* The bottom line: the labelled keys of a table, and the status message
 * on the line above it when there is one.  The help entry always shows:
 * when the keys do not all fit, it keeps its place at the end. */
void draw_keyline(struct app *app, const struct action *actions,
		  enum draw_help help);

/* A dim rule across the full width at row y, with a heading at its left
 * when title is not NULL, and extra (NULL for none) dim after it. */
void draw_rule(struct app *app, int y, const char *title, const char *extra);

/* Clears an h x w area at (y, x) and frames it, with an optional title. */
void draw_box(struct app *app, int y, int x, int h, int w, const char *title);

#endif
