/* canvas.h - a text canvas that charts draw into.
 *
 * A canvas is a grid of W x H cells.  Each cell shows one glyph (a Unicode
 * code point that takes one terminal column, or two for a wide character
 * whose right half is a continuation cell) and a style id; the style says
 * what the cell *is* (an axis, a label, series A...), never how it looks.
 * Looks are decided by whoever shows the canvas: canvas_render() maps
 * styles to ANSI SGR colours, the TUI maps them to curses attributes.
 *
 * Two ways to fill cells:
 *
 *  - Text: canvas_text() writes a label.  Labels are untrusted: control
 *    characters are replaced, combining characters dropped, wide ones
 *    measured by utext (the rule every screen uses), and a label that
 *    does not fit is cut at a display width with an ellipsis (`~` in
 *    ASCII mode).
 *
 *  - Dots: every cell is also a 2 x 4 grid of dots, so the canvas is a
 *    (2W) x (4H) dot grid for lines.  A terminal cell is about twice as
 *    tall as wide, so a dot is about square: geometry in dot coordinates
 *    needs no aspect correction.  Dots shown as Braille (U+2800..U+28FF).
 *    Dots live on layers (grid below, fill, lines on top); a cell shows
 *    the dots of its top non-empty layer only, so a shaded area hides the
 *    grid under it and a line is never cluttered by the grid.  Within a
 *    layer dots only accumulate, so one series never erases another: a
 *    cell shared by two series keeps both dots and takes the style of the
 *    one drawn last.
 *
 * In ASCII mode the same dot geometry is kept, but a cell with dots shows
 * one ASCII character picked by whoever drew the dots (a line picks `-`,
 * `|`, `/` or `\` from its slope), and text is restricted to 0x20..0x7E.
 * The output of an ASCII canvas only ever contains bytes 0x20..0x7E and
 * newlines (and ESC sequences if colour is asked for).
 *
 * Text wins over dots: writing text into a cell hides its dots.
 *
 * Everything is deterministic: the same calls give the same bytes.  Cell
 * storage is allocated once by canvas_new (and canvas_resize when growing),
 * so drawing and rendering into a caller's buffer never allocate.
 *
 * Widths do not follow the locale: a UTF-8 canvas lays a label out and
 * renders it with the same widths whatever LC_CTYPE says, and only an
 * ASCII canvas shows non-ASCII characters as `?`.
 */
#ifndef OWNIT_CANVAS_H
#define OWNIT_CANVAS_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"

/* What a cell is.  New styles are added before CANVAS_STYLE_COUNT only. */
enum canvas_style {
	CANVAS_STYLE_NONE = 0,   /* plain text, blank cells */
	CANVAS_STYLE_AXIS,       /* radar spokes */
	CANVAS_STYLE_RING,       /* radar rings, bar tracks: lighter */
	CANVAS_STYLE_LABEL,      /* axis and bar labels */
	CANVAS_STYLE_VALUE,      /* numbers next to labels, centre score */
	CANVAS_STYLE_SERIES_A,   /* the current session */
	CANVAS_STYLE_SERIES_B,   /* the comparison */
	CANVAS_STYLE_FILL_A,     /* the shading inside series A */
	CANVAS_STYLE_BAND_GREEN, /* red-flag bands */
	CANVAS_STYLE_BAND_AMBER,
	CANVAS_STYLE_BAND_RED,
	CANVAS_STYLE_LEGEND,
	CANVAS_STYLE_TITLE,
	CANVAS_STYLE_MISSING,    /* a missing value's marker and `-` */
	CANVAS_STYLE_SERIES_C,   /* more lines of a trend chart */
	CANVAS_STYLE_SERIES_D,
	CANVAS_STYLE_SERIES_E,
	CANVAS_STYLE_SERIES_F,
	CANVAS_STYLE_COUNT
};

enum canvas_mode {
	CANVAS_UTF8 = 0, /* Braille dots, box drawing, UTF-8 labels */
	CANVAS_ASCII,    /* bytes 0x20..0x7E only */
};

/* Dot layers, lowest first.  A cell shows its top non-empty layer. */
enum canvas_layer {
	CANVAS_LAYER_GRID = 0, /* rings, axes */
	CANVAS_LAYER_FILL,     /* shading inside a series */
	CANVAS_LAYER_LINE,     /* series outlines */
	CANVAS_LAYERS
};

/* The largest width or height of a canvas, in cells. */
#define CANVAS_MAX 1000

/* A cell's glyph continues the wide glyph to its left (cp of such cells). */
#define CANVAS_CONT 0xFFFFFFFFu

struct canvas;

/* A new blank canvas; width and height at least 1 and at most 1000.
 * NULL with err set on bad size or no memory. */
struct canvas *canvas_new(int width, int height, enum canvas_mode mode,
			  struct error *err);

/* Frees a canvas; NULL is allowed. */
void canvas_free(struct canvas *c);

/* Changes the size and blanks the canvas; storage only grows.  On failure
 * the canvas is unchanged. */
int canvas_resize(struct canvas *c, int width, int height, struct error *err);

/* Blanks every cell (no dots, no text, style NONE). */
void canvas_clear(struct canvas *c);

/* Blanks the cells of a rectangle, clipped to the canvas. */
void canvas_clear_rect(struct canvas *c, int x, int y, int w, int h);

int canvas_width(const struct canvas *c);
int canvas_height(const struct canvas *c);
enum canvas_mode canvas_mode(const struct canvas *c);

/* Puts one code point at cell (x, y) with a style; hides the cell's dots.
 * Out-of-canvas cells are ignored.  A code point that is not a printable
 * single-column character in the canvas mode is shown as `?`. */
void canvas_put(struct canvas *c, int x, int y, uint32_t cp,
		enum canvas_style style);

/* Writes UTF-8 text from (x, y) rightwards, at most maxw columns (clipped
 * to the canvas too), sanitised as described above and cut with an
 * ellipsis when too wide.  Returns the columns written. */
int canvas_text(struct canvas *c, int x, int y, int maxw, const char *text,
		enum canvas_style style);

/* The columns canvas_text would use for text with no width limit. */
int canvas_text_width(const struct canvas *c, const char *text);

/* Sanitises text for mode and cuts it at maxw columns (maxw < 0: no
 * limit) the same way canvas_text does, into out (always NUL-terminated,
 * cut further if outsize is too small; with outsize 0, out may be NULL
 * and the text is only measured).  Returns the display width.
 * For text printed outside a canvas, e.g. the numbers under a chart. */
int canvas_sanitize(const char *text, int maxw, enum canvas_mode mode,
		    char *out, size_t outsize);

/* The dot grid: (2 * width) x (4 * height), (0, 0) top left. */
int canvas_dot_width(const struct canvas *c);
int canvas_dot_height(const struct canvas *c);

/* Sets dot (dx, dy) on a layer with a style.  In ASCII mode the cell shows
 * `ascii` for that layer (a printable ASCII character or a space, which
 * blanks the cell while hiding lower layers; anything else is taken as
 * `.`).  Out-of-grid dots are ignored. */
void canvas_dot(struct canvas *c, int dx, int dy, enum canvas_layer layer,
		enum canvas_style style, char ascii);

/* Draws a line between two points in continuous dot coordinates (dot
 * (i, j) covers [i, i+1) x [j, j+1)).  Every `every`-th dot along the line
 * is set (1 = solid, 2 or more = dotted); the ASCII character is chosen
 * from the slope unless ascii is not 0, in which case it is used. */
void canvas_line(struct canvas *c, double x0, double y0, double x1,
		 double y1, int every, enum canvas_layer layer,
		 enum canvas_style style, char ascii);

/* Like canvas_line, but dot i along the line is set when bit (i % 16) of
 * pattern is, e.g. 0x0707 for dashes of three dots. */
void canvas_line_pattern(struct canvas *c, double x0, double y0, double x1,
			 double y1, unsigned pattern, enum canvas_layer layer,
			 enum canvas_style style, char ascii);

/* The dot mask of a cell on one layer: bit i is dot i of the Braille
 * pattern (U+2800 + mask).  0 for cells outside the canvas. */
unsigned canvas_dots(const struct canvas *c, int x, int y,
		     enum canvas_layer layer);

/* What a cell finally shows. */
struct canvas_glyph {
	uint32_t cp;          /* code point; CANVAS_CONT for the right half
			       * of a wide glyph (draw nothing there) */
	char utf8[5];         /* the same, UTF-8, NUL-terminated ("" for
			       * CANVAS_CONT) */
	int width;            /* 1, 2 for a wide glyph, 0 for CANVAS_CONT */
	enum canvas_style style;
};

/* Resolves cell (x, y): text if any, else the top dot layer, else a blank.
 * Returns -1 for a cell outside the canvas.  This is what the TUI loops
 * over to draw a canvas with curses. */
int canvas_get(const struct canvas *c, int x, int y, struct canvas_glyph *g);

/* Rendering flags. */
#define CANVAS_RENDER_COLOR 1u /* ANSI SGR colours per style */

/* Renders the canvas as lines ending in "\n", trailing blanks trimmed.
 * Writes at most size bytes including the final NUL (like snprintf) and
 * returns the length of the full rendering, so a caller can retry with a
 * bigger buffer; never allocates. */
size_t canvas_render_into(const struct canvas *c, unsigned flags, char *buf,
			  size_t size);

/* The same into a malloc'd string the caller frees; NULL with err set when
 * out of memory. */
char *canvas_render(const struct canvas *c, unsigned flags,
		    struct error *err);

/* The ANSI SGR parameters used for a style ("" for none), e.g. "1;36". */
const char *canvas_style_sgr(enum canvas_style style);

/* A short stable name for a style ("series-a"), for tests and themes. */
const char *canvas_style_name(enum canvas_style style);

#endif
