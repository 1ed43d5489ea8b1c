/* glyph.h - the symbols the program draws, in UTF-8 and in ASCII.
 *
 * One table says what each symbol looks like in each canvas mode, so the
 * choice between a Unicode glyph and its ASCII stand-in is made here once
 * instead of at every place that draws one.  An ASCII form is always
 * plain 0x20..0x7E; a UTF-8 form always one terminal column per glyph. */
#ifndef OWNIT_GLYPH_H
#define OWNIT_GLYPH_H

#include <stdint.h>

#include "core/chart/canvas.h"

enum glyph {
	GLYPH_DOT,	   /* separator in a line of facts: · or - */
	GLYPH_BULLET,	   /* list item: • or - */
	GLYPH_ARROW,	   /* from .. to: → or -> */
	GLYPH_ELLIPSIS,	   /* text cut short: … or ~ */
	GLYPH_TICK,	   /* a band's start on a bar track: ┼ or | */
	GLYPH_TICK_PASSED, /* the same, the score past it: ╋ or | */
	GLYPH_BAR_FULL,	   /* a filled track cell: ━ or # */
	GLYPH_BAR_HALF,	   /* half a filled cell (UTF-8 only): ╸ or # */
	GLYPH_BAR_EMPTY,  /* an empty track cell, a horizontal axis: ─ or - */
	GLYPH_DONE,	  /* a step or rung done: ✓ or * */
	GLYPH_MORE_ABOVE, /* a scrolled page has more above: ▲ or ^ */
	GLYPH_MORE_BELOW, /* and below: ▼ or v */
	GLYPH_LIST_ABOVE, /* a list has more above: ↑ or ^ */
	GLYPH_LIST_BELOW, /* and below: ↓ or v */
	GLYPH_RULE_V,	  /* a vertical rule: │ or | */
	GLYPH_AXIS_TEE,	  /* an axis tick on a vertical axis: ┤ or + */
	GLYPH_AXIS_CORNER, /* where two axes meet: └ or + */
	GLYPH_AXIS_UP_TEE, /* a tick on a horizontal axis: ┴ or + */
	GLYPH_STEP_NEXT,   /* between steps: › or > */
	GLYPH_QUOTE_OPEN,  /* “ or " */
	GLYPH_QUOTE_CLOSE, /* ” or " */
	GLYPH_LEVEL_ON,	   /* a level reached on a rating scale: ● or # */
	GLYPH_LEVEL_OFF,   /* a level not reached: ○ or . */
	GLYPH_CHOSEN,	   /* the answer given: ● or * */
	GLYPH_SWATCH_A,	   /* the radar legend's sample of the first series,
			    * heavy and solid: ⠶⠶⠶ or -*- */
	GLYPH_SWATCH_B,	   /* of the comparison, thin with its lozenge
			    * point: ⠒◊⠒ or +o+ */
	GLYPH_MARK_B,	   /* the comparison's point, on the radar, in its
			    * labels and on a bar track: ◊ or o (a shape,
			    * so the series tell apart without colour) */
	GLYPH_JOIN,	   /* two parts of one field, role and team:
			    * " · " or ", " */
	GLYPH_PROGRESS,	   /* the done part of a progress line: ━ or =
			    * (a line, where GLYPH_BAR_FULL is a block) */
	GLYPH_RUNS_ON,	   /* text running on past what is shown, where
			    * the ASCII form may take three columns: … or
			    * ... */
	GLYPH_PLUS_MINUS,  /* a spread around a mean: ± or +/- */
	GLYPH_NO_VALUE,	   /* a figure that is not there: – or - */
	GLYPH_COUNT
};

/* The symbol as a NUL-terminated UTF-8 (or ASCII) string. */
const char *glyph_str(enum glyph g, enum canvas_mode mode);

/* The same as a code point, for canvas_put: the first (and, for every
 * one-column symbol, only) character of glyph_str. */
uint32_t glyph_cp(enum glyph g, enum canvas_mode mode);

#endif
