/* canvas_glyph.c - what text may put in a canvas cell: UTF-8 decoding,
 * sanitising (controls and bidi controls replaced, combining marks
 * dropped, widths from core/utext, ASCII mode kept to 0x20..0x7E) and cutting with an ellipsis.
 * Split from canvas.c, which keeps the cells. */
#include "config.h"

#include "core/chart/canvas_int.h"
#include "core/base/glyph.h"

#include <string.h>

#include "core/base/utext.h"

#define REPLACEMENT '?'

/* ------------------------------------------------------------- glyphs */

/* Decodes one UTF-8 sequence (core/utext); malformed, overlong and
 * surrogate sequences take one byte and give '?'.  Returns the bytes used
 * (0 at the end). */
static int utf8_decode(const unsigned char *s, uint32_t *cp)
{
	if (!s[0])
		return 0;
	size_t len = strnlen((const char *)s, 4);
	size_t n = utext_decode((const char *)s, len, cp);
	if (*cp == UTEXT_REPLACEMENT && memcmp(s, "\xef\xbf\xbd", 3) != 0) {
		*cp = REPLACEMENT;
		return 1;
	}
	return (int)n;
}

int canvas_utf8_encode(uint32_t cp, char out[5])
{
	int n = (int)utext_encode(cp, out);
	out[n] = '\0';
	return n;
}

/* What a code point shows as in a mode: *cp may be replaced; returns its
 * width (0: drop it).  Controls become '?' (whitespace a space), combining
 * and other zero-width characters are dropped, unprintable ones '?'. */
int canvas_glyph_sanitize(uint32_t *cp, enum canvas_mode mode)
{
	int w;

	if (*cp == '\t' || *cp == '\n' || *cp == '\r') {
		*cp = ' ';
		return 1;
	}
	/* A bidi control in a cell would reorder the rest of the line. */
	if (utext_is_control(*cp) || utext_is_bidi_control(*cp)) {
		*cp = REPLACEMENT;
		return 1;
	}
	if (*cp < 0x7F)
		return 1;
	if (mode == CANVAS_ASCII) {
		*cp = REPLACEMENT;
		return 1;
	}
	if (!utext_is_printable(*cp)) {
		*cp = REPLACEMENT;
		return 1;
	}
	w = utext_cells(*cp);
	if (w == 0)
		return 0;
	if (w > 2) {
		*cp = REPLACEMENT;
		return 1;
	}
	return w;
}

/* Walks text glyph by glyph as canvas_text shows it. */
struct glyph_iter {
	const unsigned char *s;
	enum canvas_mode mode;
};

static int glyph_next(struct glyph_iter *it, uint32_t *cp, int *width)
{
	for (;;) {
		int n = utf8_decode(it->s, cp);
		if (n == 0)
			return 0;
		it->s += n;
		*width = canvas_glyph_sanitize(cp, it->mode);
		if (*width > 0)
			return 1;
	}
}

int canvas_glyph_text_width(const char *text, enum canvas_mode mode)
{
	struct glyph_iter it = {(const unsigned char *)text, mode};
	uint32_t cp;
	int w, total = 0;

	if (!text)
		return 0;
	while (glyph_next(&it, &cp, &w))
		total += w;
	return total;
}

/* Calls emit for each glyph of text cut to maxw columns (maxw < 0: no
 * limit), ending with an ellipsis when cut.  Returns the width used. */

int canvas_glyph_walk(const char *text, int maxw, enum canvas_mode mode,
		      emit_fn emit, void *ctx)
{
	struct glyph_iter it = {(const unsigned char *)text, mode};
	uint32_t cp;
	int w, used = 0, full;

	if (!text || maxw == 0)
		return 0;
	full = maxw < 0 ? 0 : canvas_glyph_text_width(text, mode);
	if (maxw < 0 || full <= maxw) {
		while (glyph_next(&it, &cp, &w)) {
			emit(ctx, cp, w);
			used += w;
		}
		return used;
	}
	while (glyph_next(&it, &cp, &w) && used + w <= maxw - 1) {
		emit(ctx, cp, w);
		used += w;
	}
	emit(ctx, glyph_cp(GLYPH_ELLIPSIS, mode), 1);
	return used + 1;
}

struct buf_ctx {
	char *out;
	size_t size, len;
};

static void emit_buf(void *ctx, uint32_t cp, int width)
{
	struct buf_ctx *b = ctx;
	char u[5];
	int n = canvas_utf8_encode(cp, u);

	(void)width;
	if (b->len + (size_t)n < b->size) {
		memcpy(b->out + b->len, u, (size_t)n);
		b->len += (size_t)n;
		b->out[b->len] = '\0';
	} else {
		b->size = b->len + 1; /* stop: never cut a sequence */
	}
}

static void emit_none(void *ctx, uint32_t cp, int width)
{
	(void)ctx;
	(void)cp;
	(void)width;
}

int canvas_sanitize(const char *text, int maxw, enum canvas_mode mode,
		    char *out, size_t outsize)
{
	struct buf_ctx b = {out, outsize, 0};

	if (!outsize)
		return canvas_glyph_walk(text, maxw, mode, emit_none, NULL);
	out[0] = '\0';
	return canvas_glyph_walk(text, maxw, mode, emit_buf, &b);
}
