/* wrap.c - word wrap by display width. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/wrap.h"

int wrap_cells(wchar_t wc)
{
	if (wc < 0x20 || wc == 0x7f || (wc >= 0x80 && wc < 0xa0))
		return 2;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

size_t wrap_decode(const char *s, size_t len, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2) {
		*wc = 0xFFFD;
		return 1;
	}
	return n == 0 ? 1 : n;
}

size_t wrap_row(const char *s, int width, size_t *next)
{
	size_t len = strlen(s);
	size_t i = 0, brk = 0, brk_next = 0;
	int used = 0;
	if (width < 1)
		width = 1;
	while (i < len) {
		wchar_t wc;
		size_t n = wrap_decode(s + i, len - i, &wc);
		if (wc == L'\n') {
			*next = i + n;
			return i;
		}
		int w = wrap_cells(wc);
		if (used + w > width) {
			if (wc == L' ') {
				/* The blank at the break is not shown. */
				size_t j = i;
				while (j < len && s[j] == ' ')
					j++;
				if (j < len && s[j] == '\n')
					j++;
				*next = j;
				return i;
			}
			if (brk) {
				*next = brk_next;
				return brk;
			}
			/* A word longer than the row is cut; at least one
			 * character per row so that wrapping always ends. */
			if (i == 0)
				i = n;
			*next = i;
			return i;
		}
		if (wc == L' ') {
			brk = i;
			size_t j = i;
			while (j < len && s[j] == ' ')
				j++;
			brk_next = j;
		}
		used += w;
		i += n;
	}
	*next = len;
	return len;
}

int wrap_count(const char *text, int width)
{
	int rows = 0;
	const char *p = text ? text : "";
	do {
		size_t next;
		wrap_row(p, width, &next);
		rows++;
		p += next;
	} while (*p);
	return rows;
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
