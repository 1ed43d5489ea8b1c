/* canvas.c - the text canvas: cells, Braille dots, rendering (what text
 * may put in a cell is decided in canvas_glyph.c). */
#include "config.h"

#include "core/chart/canvas.h"

#include "core/base/utext.h"
#include "core/chart/canvas_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CANVAS_MAX_SIDE CANVAS_MAX
#define BRAILLE_BASE 0x2800u
#define REPLACEMENT '?'

/* A cell keeps its text glyph and, per layer, a dot mask with the style
 * and ASCII stand-in of the last dots drawn there.  Small and flat so a
 * clear is one memset. */
struct cell {
	uint32_t cp; /* text glyph; 0 = none, CANVAS_CONT = right half */
	uint8_t style;
	uint8_t mask[CANVAS_LAYERS];
	uint8_t dstyle[CANVAS_LAYERS];
	uint8_t ascii[CANVAS_LAYERS];
};

struct canvas {
	int w, h;
	size_t cap; /* cells allocated */
	enum canvas_mode mode;
	struct cell *cells;
};

/* Bit of dot (column, row) inside a cell, in Braille order: dots 1-3 down
 * the left, 4-6 down the right, then 7 and 8 along the bottom. */
static const uint8_t braille_bit[4][2] = {
	{0x01, 0x08},
	{0x02, 0x10},
	{0x04, 0x20},
	{0x40, 0x80},
};

static int size_ok(int w, int h)
{
	return w >= 1 && h >= 1 && w <= CANVAS_MAX_SIDE && h <= CANVAS_MAX_SIDE;
}

struct canvas *canvas_new(int width, int height, enum canvas_mode mode,
			  struct error *err)
{
	struct canvas *c;

	if (!size_ok(width, height)) {
		error_set(err, ERROR_INPUT, "canvas size %dx%d out of range "
			  "1x1..%dx%d", width, height, CANVAS_MAX_SIDE,
			  CANVAS_MAX_SIDE);
		return NULL;
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		error_set(err, ERROR_RUNTIME, "canvas: out of memory");
		return NULL;
	}
	c->mode = mode;
	if (canvas_resize(c, width, height, err) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

void canvas_free(struct canvas *c)
{
	if (!c)
		return;
	free(c->cells);
	free(c);
}

int canvas_resize(struct canvas *c, int width, int height, struct error *err)
{
	size_t need;

	if (!size_ok(width, height))
		return error_set(err, ERROR_INPUT, "canvas size %dx%d out of "
				 "range 1x1..%dx%d", width, height,
				 CANVAS_MAX_SIDE, CANVAS_MAX_SIDE);
	need = (size_t)width * (size_t)height;
	if (need > c->cap) {
		struct cell *n = realloc(c->cells, need * sizeof *n);
		if (!n)
			return error_set(err, ERROR_RUNTIME,
					 "canvas: out of memory");
		c->cells = n;
		c->cap = need;
	}
	c->w = width;
	c->h = height;
	canvas_clear(c);
	return 0;
}

void canvas_clear(struct canvas *c)
{
	memset(c->cells, 0, (size_t)c->w * (size_t)c->h * sizeof *c->cells);
}

void canvas_clear_rect(struct canvas *c, int x, int y, int w, int h)
{
	int x1 = x + w, y1 = y + h;

	if (x < 0)
		x = 0;
	if (y < 0)
		y = 0;
	if (x1 > c->w)
		x1 = c->w;
	if (y1 > c->h)
		y1 = c->h;
	for (int r = y; r < y1; r++)
		if (x < x1)
			memset(&c->cells[(size_t)r * c->w + x], 0,
			       (size_t)(x1 - x) * sizeof *c->cells);
}

int canvas_width(const struct canvas *c)
{
	return c->w;
}

int canvas_height(const struct canvas *c)
{
	return c->h;
}

enum canvas_mode canvas_mode(const struct canvas *c)
{
	return c->mode;
}

int canvas_dot_width(const struct canvas *c)
{
	return 2 * c->w;
}

int canvas_dot_height(const struct canvas *c)
{
	return 4 * c->h;
}

static struct cell *cell_at(const struct canvas *c, int x, int y)
{
	if (x < 0 || y < 0 || x >= c->w || y >= c->h)
		return NULL;
	return &c->cells[(size_t)y * c->w + x];
}


int canvas_text_width(const struct canvas *c, const char *text)
{
	return canvas_glyph_text_width(text, c->mode);
}

/* Puts a glyph, repairing any wide glyph it cuts in half. */
static void cell_set(struct canvas *c, int x, int y, uint32_t cp, int width,
		     enum canvas_style style)
{
	struct cell *p = cell_at(c, x, y), *q;

	if (!p)
		return;
	if (p->cp == CANVAS_CONT && (q = cell_at(c, x - 1, y)))
		q->cp = ' ';
	if (p->cp != CANVAS_CONT && p->cp != 0 && (q = cell_at(c, x + 1, y)) &&
	    q->cp == CANVAS_CONT && width == 1)
		q->cp = ' ';
	memset(p, 0, sizeof *p);
	p->cp = cp;
	p->style = (uint8_t)style;
	if (width == 2 && (q = cell_at(c, x + 1, y))) {
		if (q->cp != 0 && q->cp != CANVAS_CONT &&
		    (p = cell_at(c, x + 2, y)) && p->cp == CANVAS_CONT)
			p->cp = ' ';
		memset(q, 0, sizeof *q);
		q->cp = CANVAS_CONT;
		q->style = (uint8_t)style;
	}
}

void canvas_put(struct canvas *c, int x, int y, uint32_t cp,
		enum canvas_style style)
{
	if (canvas_glyph_sanitize(&cp, c->mode) != 1)
		cp = REPLACEMENT;
	cell_set(c, x, y, cp, 1, style);
}

struct text_ctx {
	struct canvas *c;
	int x, y;
	enum canvas_style style;
};

static void emit_cell(void *ctx, uint32_t cp, int width)
{
	struct text_ctx *t = ctx;

	cell_set(t->c, t->x, t->y, cp, width, t->style);
	t->x += width;
}

int canvas_text(struct canvas *c, int x, int y, int maxw, const char *text,
		enum canvas_style style)
{
	struct text_ctx t = {c, x, y, style};
	int room;

	if (y < 0 || y >= c->h || x >= c->w || maxw <= 0)
		return 0;
	/* Text starting left of the canvas is cut from the right only; the
	 * charts never place text there. */
	if (x < 0)
		return 0;
	room = c->w - x;
	if (maxw > room)
		maxw = room;
	return canvas_glyph_walk(text, maxw, c->mode, emit_cell, &t);
}

/* --------------------------------------------------------------- dots */

void canvas_dot(struct canvas *c, int dx, int dy, enum canvas_layer layer,
		enum canvas_style style, char ascii)
{
	struct cell *p;

	if (dx < 0 || dy < 0 || layer < 0 || layer >= CANVAS_LAYERS)
		return;
	p = cell_at(c, dx / 2, dy / 4);
	if (!p || p->cp != 0)
		return;
	p->mask[layer] |= braille_bit[dy % 4][dx % 2];
	p->dstyle[layer] = (uint8_t)style;
	p->ascii[layer] = (ascii >= 0x20 && ascii < 0x7F) ? (uint8_t)ascii
							  : (uint8_t)'.';
}

/* The ASCII stroke of a line, from its true angle (dots are square). */
static char slope_char(double dx, double dy)
{
	double ax = fabs(dx), ay = fabs(dy);

	if (ay <= ax * 0.45)
		return '-';
	if (ay >= ax * 2.5)
		return '|';
	return ((dx > 0) == (dy > 0)) ? '\\' : '/';
}

/* The one walk both line kinds take: step i of the line is drawn when it
 * is a multiple of every and its bit (i mod 16) of pattern is set. */
static void line_walk(struct canvas *c, double x0, double y0, double x1,
		      double y1, int every, unsigned pattern,
		      enum canvas_layer layer, enum canvas_style style,
		      char ascii)
{
	double dx = x1 - x0, dy = y1 - y0;
	int steps = (int)ceil(fmax(fabs(dx), fabs(dy)));
	char a = ascii ? ascii : slope_char(dx, dy);

	if (every < 1)
		every = 1;
	if (steps < 1) {
		if (pattern & 1)
			canvas_dot(c, (int)floor(x0), (int)floor(y0), layer,
				   style, a);
		return;
	}
	for (int i = 0; i <= steps; i += every) {
		double t = (double)i / steps;
		if (pattern & (1u << (i % 16)))
			canvas_dot(c, (int)floor(x0 + t * dx),
				   (int)floor(y0 + t * dy), layer, style, a);
	}
}

void canvas_line_pattern(struct canvas *c, double x0, double y0, double x1,
			 double y1, unsigned pattern, enum canvas_layer layer,
			 enum canvas_style style, char ascii)
{
	line_walk(c, x0, y0, x1, y1, 1, pattern, layer, style, ascii);
}

void canvas_line(struct canvas *c, double x0, double y0, double x1,
		 double y1, int every, enum canvas_layer layer,
		 enum canvas_style style, char ascii)
{
	line_walk(c, x0, y0, x1, y1, every, 0xffffu, layer, style, ascii);
}

unsigned canvas_dots(const struct canvas *c, int x, int y,
		     enum canvas_layer layer)
{
	const struct cell *p = cell_at(c, x, y);

	if (!p || layer < 0 || layer >= CANVAS_LAYERS)
		return 0;
	return p->mask[layer];
}

/* ---------------------------------------------------------- rendering */

int canvas_get(const struct canvas *c, int x, int y, struct canvas_glyph *g)
{
	const struct cell *p = cell_at(c, x, y);

	if (!p)
		return -1;
	g->width = 1;
	g->style = CANVAS_STYLE_NONE;
	g->cp = ' ';
	if (p->cp == CANVAS_CONT) {
		g->cp = CANVAS_CONT;
		g->utf8[0] = '\0';
		g->width = 0;
		g->style = (enum canvas_style)p->style;
		return 0;
	}
	if (p->cp) {
		g->cp = p->cp;
		g->style = (enum canvas_style)p->style;
		/* The width the text was laid out with (canvas_glyph). */
		if (c->mode == CANVAS_UTF8 && p->cp >= 0x80 &&
		    !utext_is_control(p->cp) && utext_cells(p->cp) == 2)
			g->width = 2;
	} else {
		unsigned mask = 0;
		for (int l = CANVAS_LAYERS - 1; l >= 0; l--) {
			if (!p->mask[l])
				continue;
			if (!mask) {
				g->cp = p->ascii[l];
				g->style = (enum canvas_style)p->dstyle[l];
			}
			mask |= p->mask[l];
			break;
		}
		if (mask && c->mode == CANVAS_UTF8)
			g->cp = BRAILLE_BASE + mask;
	}
	canvas_utf8_encode(g->cp, g->utf8);
	return 0;
}

/* Colours that read on a dark and on a light background alike: no cyan
 * or yellow text, which fade into white; blue for the current session,
 * and the xterm-256 dark gold (136) and green (28) for the bands. */
static const char *const style_sgr[CANVAS_STYLE_COUNT] = {
	[CANVAS_STYLE_NONE] = "",
	[CANVAS_STYLE_AXIS] = "90",
	[CANVAS_STYLE_RING] = "90",
	[CANVAS_STYLE_LABEL] = "1",
	[CANVAS_STYLE_VALUE] = "1;34",
	[CANVAS_STYLE_SERIES_A] = "1;34",
	[CANVAS_STYLE_SERIES_B] = "35",
	[CANVAS_STYLE_FILL_A] = "34",
	[CANVAS_STYLE_BAND_GREEN] = "38;5;28",
	[CANVAS_STYLE_BAND_AMBER] = "38;5;136",
	[CANVAS_STYLE_BAND_RED] = "31",
	[CANVAS_STYLE_LEGEND] = "",
	[CANVAS_STYLE_TITLE] = "1",
	[CANVAS_STYLE_MISSING] = "90",
	[CANVAS_STYLE_SERIES_C] = "38;5;28",
	[CANVAS_STYLE_SERIES_D] = "38;5;166",
	[CANVAS_STYLE_SERIES_E] = "38;5;30",
	[CANVAS_STYLE_SERIES_F] = "1",
};

static const char *const style_name[CANVAS_STYLE_COUNT] = {
	[CANVAS_STYLE_NONE] = "none",
	[CANVAS_STYLE_AXIS] = "axis",
	[CANVAS_STYLE_RING] = "ring",
	[CANVAS_STYLE_LABEL] = "label",
	[CANVAS_STYLE_VALUE] = "value",
	[CANVAS_STYLE_SERIES_A] = "series-a",
	[CANVAS_STYLE_SERIES_B] = "series-b",
	[CANVAS_STYLE_FILL_A] = "fill-a",
	[CANVAS_STYLE_BAND_GREEN] = "band-green",
	[CANVAS_STYLE_BAND_AMBER] = "band-amber",
	[CANVAS_STYLE_BAND_RED] = "band-red",
	[CANVAS_STYLE_LEGEND] = "legend",
	[CANVAS_STYLE_TITLE] = "title",
	[CANVAS_STYLE_MISSING] = "missing",
	[CANVAS_STYLE_SERIES_C] = "series-c",
	[CANVAS_STYLE_SERIES_D] = "series-d",
	[CANVAS_STYLE_SERIES_E] = "series-e",
	[CANVAS_STYLE_SERIES_F] = "series-f",
};

const char *canvas_style_sgr(enum canvas_style style)
{
	if (style < 0 || style >= CANVAS_STYLE_COUNT)
		return "";
	return style_sgr[style];
}

const char *canvas_style_name(enum canvas_style style)
{
	if (style < 0 || style >= CANVAS_STYLE_COUNT)
		return "?";
	return style_name[style];
}

/* An output cursor that counts what it cannot store. */
struct out {
	char *buf;
	size_t size, len;
};

static void out_put(struct out *o, const char *s, size_t n)
{
	if (o->len < o->size) {
		size_t room = o->size - o->len;
		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static void out_str(struct out *o, const char *s)
{
	out_put(o, s, strlen(s));
}

/* The column after the last non-blank cell of a row. */
static int row_end(const struct canvas *c, int y)
{
	for (int x = c->w - 1; x >= 0; x--) {
		const struct cell *p = &c->cells[(size_t)y * c->w + x];
		if ((p->cp && p->cp != ' ') ||
		    (!p->cp && (p->mask[0] | p->mask[1] | p->mask[2])))
			return x + 1;
	}
	return 0;
}

size_t canvas_render_into(const struct canvas *c, unsigned flags, char *buf,
			  size_t size)
{
	struct out o = {buf, size, 0};
	int color = (flags & CANVAS_RENDER_COLOR) != 0;

	for (int y = 0; y < c->h; y++) {
		int end = row_end(c, y), cur_style = CANVAS_STYLE_NONE;
		const char *cur = "";

		for (int x = 0; x < end; x++) {
			const struct cell *p = &c->cells[(size_t)y * c->w + x];
			struct canvas_glyph g;
			int st;

			if (!p->cp && !(p->mask[0] | p->mask[1] | p->mask[2])) {
				/* A blank: the common case, kept cheap. */
				if (color && cur_style != CANVAS_STYLE_NONE &&
				    *cur) {
					out_str(&o, "\033[0m");
					cur = "";
				}
				cur_style = CANVAS_STYLE_NONE;
				out_put(&o, " ", 1);
				continue;
			}
			canvas_get(c, x, y, &g);
			if (g.cp == CANVAS_CONT)
				continue;
			st = g.cp == ' ' ? CANVAS_STYLE_NONE : (int)g.style;
			/* Styles that look the same share one sequence. */
			if (color && st != cur_style &&
			    strcmp(style_sgr[st], cur) != 0) {
				cur = style_sgr[st];
				out_str(&o, "\033[0");
				if (*cur) {
					out_str(&o, ";");
					out_str(&o, cur);
				}
				out_str(&o, "m");
			}
			cur_style = st;
			if (g.cp < 0x80)
				out_put(&o, g.utf8, 1);
			else
				out_str(&o, g.utf8);
		}
		if (color && *cur)
			out_str(&o, "\033[0m");
		out_put(&o, "\n", 1);
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}

char *canvas_render(const struct canvas *c, unsigned flags,
		    struct error *err)
{
	/* One pass in the common case: a buffer with room for 4 bytes a cell
	 * and a newline a row holds any rendering without colours; only one
	 * that does not fit (colours) is rendered a second time. */
	size_t guess = (size_t)c->w * (size_t)c->h * 4 + (size_t)c->h + 1;
	char *s = malloc(guess);

	if (!s) {
		error_set(err, ERROR_RUNTIME, "canvas: out of memory");
		return NULL;
	}
	size_t n = canvas_render_into(c, flags, s, guess);
	if (n < guess)
		return s;
	char *t = realloc(s, n + 1);
	if (!t) {
		free(s);
		error_set(err, ERROR_RUNTIME, "canvas: out of memory");
		return NULL;
	}
	canvas_render_into(c, flags, t, n + 1);
	return t;
}
