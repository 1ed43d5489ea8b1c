/* wrap.h - word wrap of UTF-8 text by display width, for the screens.
 *
 * The rules are core/utext's (one implementation for the TUI and the
 * reports): rows break after the last blank that fits, or between
 * grapheme clusters of a word longer than the row; a newline always ends
 * a row.  Widths are counted the way draw_text shows the text (a control
 * character takes two cells, ^X; a combining mark none). */
#ifndef OWNIT_UI_WRAP_H
#define OWNIT_UI_WRAP_H

#include <stddef.h>
#include <wchar.h>

#include "ui/app.h"

/* The first row of s at width cells: returns how many bytes it shows and
 * sets *next to the bytes up to the start of the following row (blanks at
 * the break and the newline included).  *next == 0 only for "". */
size_t wrap_row(const char *s, int width, size_t *next);

/* Rows text needs at width (at least 1). */
int wrap_count(const char *text, int width);

/* Draws text wrapped into width cells from (y, x), skipping the first
 * `skip` rows and drawing at most maxrows; returns the rows drawn. */
int wrap_draw(struct app *app, int y, int x, int width, int skip,
	      int maxrows, const char *text, enum ui_style style);

#endif
