/* charthelp.c - making and reading back canvases in the chart tests. */
#include "config.h"

#include "charthelp.h"

#include <check.h>
#include <string.h>

struct canvas *charthelp_canvas(int w, int h, enum canvas_mode mode)
{
	struct error err = {0};
	struct canvas *c = canvas_new(w, h, mode, &err);

	ck_assert_msg(c != NULL, "canvas_new: %s", err.msg);
	return c;
}

char *charthelp_render(const struct canvas *c, unsigned flags)
{
	struct error err = {0};
	char *s = canvas_render(c, flags, &err);

	ck_assert_msg(s != NULL, "canvas_render: %s", err.msg);
	return s;
}

void charthelp_row(const struct canvas *c, int y, char *out, size_t size)
{
	size_t o = 0;

	for (int x = 0; x < canvas_width(c) && o + 5 < size; x++) {
		struct canvas_glyph g;
		ck_assert_int_eq(canvas_get(c, x, y, &g), 0);
		memcpy(out + o, g.utf8, strlen(g.utf8));
		o += strlen(g.utf8);
	}
	out[o] = '\0';
}

int charthelp_has(const struct canvas *c, const char *text)
{
	char row[4096];

	for (int y = 0; y < canvas_height(c); y++) {
		charthelp_row(c, y, row, sizeof row);
		if (strstr(row, text))
			return 1;
	}
	return 0;
}

int charthelp_cell_is(const struct canvas *c, int x, int y, uint32_t cp,
		      enum canvas_style st)
{
	struct canvas_glyph g;
	return canvas_get(c, x, y, &g) == 0 && g.cp == cp && g.style == st;
}
