/* chart.c - canvas cells to curses cells. */
#include "config.h"

#include <wchar.h>

#include "ui/chart.h"

enum ui_style chart_style(enum canvas_style style)
{
	switch (style) {
	case CANVAS_STYLE_AXIS:
	case CANVAS_STYLE_RING:
	case CANVAS_STYLE_MISSING:
		return UI_DIM;
	case CANVAS_STYLE_VALUE:
	case CANVAS_STYLE_TITLE:
		return UI_HEADING;
	case CANVAS_STYLE_SERIES_A:
	case CANVAS_STYLE_FILL_A:
		return UI_ACCENT;
	case CANVAS_STYLE_SERIES_B:
		return UI_ACCENT2;
	case CANVAS_STYLE_SERIES_C:
		return UI_SERIES_C;
	case CANVAS_STYLE_SERIES_D:
		return UI_SERIES_D;
	case CANVAS_STYLE_SERIES_E:
		return UI_SERIES_E;
	case CANVAS_STYLE_SERIES_F:
		return UI_SERIES_F;
	case CANVAS_STYLE_BAND_GREEN:
		return UI_GOOD;
	case CANVAS_STYLE_BAND_AMBER:
		return UI_WARN;
	case CANVAS_STYLE_BAND_RED:
		return UI_BAD;
	case CANVAS_STYLE_NONE:
	case CANVAS_STYLE_LABEL:
	case CANVAS_STYLE_LEGEND:
	case CANVAS_STYLE_COUNT:
		break;
	}
	return UI_NORMAL;
}

/* One cell.  The canvas has already made the glyph safe (printable, one or
 * two columns, ASCII only in ASCII mode), so it goes out as it is. */
static void cell_put(struct app *app, int y, int x,
		     const struct canvas_glyph *g)
{
	attr_t attr = app_attr(app, chart_style(g->style));
	/* The fill is shading, quieter than the outline drawn over it. */
	if (g->style == CANVAS_STYLE_FILL_A)
		attr |= A_DIM;
	wchar_t wc[2] = {(wchar_t)g->cp, 0};
	cchar_t cc;
	if (setcchar(&cc, wc, attr & ~A_COLOR, PAIR_NUMBER(attr), NULL) ==
	    ERR)
		return;
	mvadd_wch(y, x, &cc);
}

void chart_draw_rows(struct app *app, const struct canvas *cv, int row,
		     int n, int y, int x, int maxw)
{
	int w = canvas_width(cv);
	if (w > maxw)
		w = maxw;
	if (x + w > COLS)
		w = COLS - x;
	for (int r = 0; r < n && y + r < LINES; r++) {
		for (int c = 0; c < w; c++) {
			struct canvas_glyph g;
			if (canvas_get(cv, c, row + r, &g) != 0 ||
			    g.cp == CANVAS_CONT)
				continue;
			/* A wide glyph that would hang over the edge is
			 * left out rather than cut in half. */
			if (g.width == 2 && c + 1 >= w)
				continue;
			cell_put(app, y + r, x + c, &g);
		}
	}
}

void chart_draw(struct app *app, const struct canvas *cv, int y, int x)
{
	chart_draw_rows(app, cv, 0, canvas_height(cv), y, x, COLS - x);
}
