/* charthelp.h - making and reading back canvases in the chart tests.
 *
 * The canvas, charts, radar and trend tests each draw into a canvas and
 * look at what landed where: a cell's glyph and style, a row as text, a
 * whole render.  These do it one way; a failure fails the running test.
 */
#ifndef OWNIT_TEST_CHARTHELP_H
#define OWNIT_TEST_CHARTHELP_H

#include <stddef.h>
#include <stdint.h>

#include "core/chart/canvas.h"

/* A new w x h canvas. */
struct canvas *charthelp_canvas(int w, int h, enum canvas_mode mode);

/* canvas_render's text (malloc'd). */
char *charthelp_render(const struct canvas *c, unsigned flags);

/* Row y of c as UTF-8 text, cut to fit size bytes. */
void charthelp_row(const struct canvas *c, int y, char *out, size_t size);

/* 1 when some row of c contains text. */
int charthelp_has(const struct canvas *c, const char *text);

/* 1 when the cell at (x, y) holds code point cp in style st. */
int charthelp_cell_is(const struct canvas *c, int x, int y, uint32_t cp,
		      enum canvas_style st);

#endif
