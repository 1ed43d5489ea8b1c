/* canvas_int.h - what canvas.c and canvas_glyph.c share: text into glyphs.
 *
 * canvas.c keeps the cells, canvas_glyph.c decides what text may become
 * (see canvas.h for the rules); everyone else uses core/chart/canvas.h. */
#ifndef OWNIT_CANVAS_INT_H
#define OWNIT_CANVAS_INT_H

#include <stdint.h>

#include "core/chart/canvas.h"

/* Encodes cp as UTF-8 into out (NUL-terminated); returns the bytes. */
int canvas_utf8_encode(uint32_t cp, char out[5]);

/* Makes *cp safe for mode; returns its width (1 or 2), or 0 for a glyph
 * to drop (a combining mark). */
int canvas_glyph_sanitize(uint32_t *cp, enum canvas_mode mode);

/* The columns text takes, sanitised, without limit. */
int canvas_glyph_text_width(const char *text, enum canvas_mode mode);

typedef void (*emit_fn)(void *ctx, uint32_t cp, int width);

/* Calls emit for each glyph of text cut to maxw columns (maxw < 0: no
 * limit), ending with an ellipsis when cut.  Returns the width used. */
int canvas_glyph_walk(const char *text, int maxw, enum canvas_mode mode,
		      emit_fn emit, void *ctx);

#endif
