/* wrap.c - word wrap by display width: the screens' names for core/utext,
 * and the drawing of wrapped text. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/wrap.h"

size_t wrap_row(const char *s, int width, size_t *next)
{
	return utext_row(s, width, next);
}

int wrap_count(const char *text, int width)
{
	return utext_rows(text, width);
}

int wrap_draw(struct app *app, int y, int x, int width, int skip,
	      int maxrows, const char *text, enum ui_style style)
{
	const char *p = text ? text : "";
	int row = 0, drawn = 0;
	char *buf = malloc(strlen(p) + 1);
	if (!buf)
		return 0;
	do {
		size_t next, n = wrap_row(p, width, &next);
		if (row >= skip) {
			if (drawn >= maxrows)
				break;
			memcpy(buf, p, n);
			buf[n] = '\0';
			draw_text(app, y + drawn, x, buf, width, style);
			drawn++;
		}
		row++;
		p += next;
	} while (*p);
	free(buf);
	return drawn;
}
