/* glyph.c - the table of symbols in UTF-8 and ASCII. */
#include "config.h"

#include "core/base/glyph.h"

static const struct {
	const char *utf8, *ascii;
} glyphs[GLYPH_COUNT] = {
    [GLYPH_DOT] = {"\u00b7", "-"},
    [GLYPH_BULLET] = {"\u2022", "-"},
    [GLYPH_ARROW] = {"\u2192", "->"},
    [GLYPH_ELLIPSIS] = {"\u2026", "~"},
    [GLYPH_TICK] = {"\u253c", "|"},
    [GLYPH_TICK_PASSED] = {"\u254b", "|"},
    [GLYPH_BAR_FULL] = {"\u2501", "#"},
    [GLYPH_BAR_HALF] = {"\u2578", "#"},
    [GLYPH_BAR_EMPTY] = {"\u2500", "-"},
    [GLYPH_DONE] = {"\u2713", "*"},
    [GLYPH_MORE_ABOVE] = {"\u25b2", "^"},
    [GLYPH_MORE_BELOW] = {"\u25bc", "v"},
    [GLYPH_LIST_ABOVE] = {"\u2191", "^"},
    [GLYPH_LIST_BELOW] = {"\u2193", "v"},
    [GLYPH_RULE_V] = {"\u2502", "|"},
    [GLYPH_AXIS_TEE] = {"\u2524", "+"},
    [GLYPH_AXIS_CORNER] = {"\u2514", "+"},
    [GLYPH_AXIS_UP_TEE] = {"\u2534", "+"},
    [GLYPH_STEP_NEXT] = {"\u203a", ">"},
    [GLYPH_QUOTE_OPEN] = {"\u201c", "\""},
    [GLYPH_QUOTE_CLOSE] = {"\u201d", "\""},
    [GLYPH_LEVEL_ON] = {"\u25cf", "#"},
    [GLYPH_LEVEL_OFF] = {"\u25cb", "."},
    [GLYPH_CHOSEN] = {"\u25cf", "*"},
    [GLYPH_SWATCH_A] = {"\u2836\u2836\u2836", "-*-"},
    [GLYPH_SWATCH_B] = {"\u2812\u25ca\u2812", "+o+"},
    [GLYPH_MARK_B] = {"\u25ca", "o"},
    [GLYPH_JOIN] = {" \u00b7 ", ", "},
    [GLYPH_PROGRESS] = {"\u2501", "="},
    [GLYPH_RUNS_ON] = {"\u2026", "..."},
    [GLYPH_PLUS_MINUS] = {"\u00b1", "+/-"},
    [GLYPH_NO_VALUE] = {"\u2013", "-"},
};

const char *glyph_str(enum glyph g, enum canvas_mode mode)
{
	if ((unsigned)g >= GLYPH_COUNT)
		return "?";
	return mode == CANVAS_ASCII ? glyphs[g].ascii : glyphs[g].utf8;
}

uint32_t glyph_cp(enum glyph g, enum canvas_mode mode)
{
	const unsigned char *s = (const unsigned char *)glyph_str(g, mode);
	if (s[0] < 0x80)
		return s[0];
	if ((s[0] & 0xe0) == 0xc0)
		return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3fu);
	/* Every symbol in the table is in the BMP. */
	return (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 |
	       (s[2] & 0x3fu);
}
