/* canvas_glyph.c - what text may put in a canvas cell: UTF-8 decoding,
 * sanitising (controls replaced, combining marks dropped, widths from
 * wcwidth, ASCII mode kept to 0x20..0x7E) and cutting with an ellipsis.
 * Split from canvas.c, which keeps the cells. */
#include "config.h"

#include "core/canvas_glyph.h"
#include "core/glyph.h"

#include <string.h>
#include <wchar.h>

#define REPLACEMENT '?'

/* ------------------------------------------------------------- glyphs */

/* Decodes one UTF-8 sequence; malformed, overlong and surrogate sequences
 * take one byte and give '?'.  Returns the bytes used (0 at the end). */
static int utf8_decode(const unsigned char *s, uint32_t *cp)
{
	static const uint32_t min[4] = {0, 0x80, 0x800, 0x10000};
	uint32_t v;
	int n;

	if (!s[0])
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		n = 1;
		v = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 2;
		v = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 3;
		v = s[0] & 0x07;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = REPLACEMENT;
		return 1;
	}
	*cp = v;
	return n + 1;
}

int canvas_utf8_encode(uint32_t cp, char out[5])
{
	int n;

	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
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
	if (*cp < 0x20 || *cp == 0x7F || (*cp >= 0x80 && *cp < 0xA0)) {
		*cp = REPLACEMENT;
		return 1;
	}
	if (*cp < 0x7F)
		return 1;
	if (mode == CANVAS_ASCII) {
		*cp = REPLACEMENT;
		return 1;
	}
	w = wcwidth((wchar_t)*cp);
	if (w == 0)
		return 0;
	if (w < 0 || w > 2) {
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
