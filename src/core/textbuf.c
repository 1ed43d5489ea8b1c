/* textbuf.c - wide-character text, its word wrap and its cursor. */
#include "config.h"

#include "core/textbuf.h"

#include <stdlib.h>
#include <string.h>

int textbuf_cells(wchar_t wc)
{
	if (wc < 0x20 || wc == 0x7f || (wc >= 0x80 && wc < 0xa0))
		return 2;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

void textbuf_init(struct textbuf *t, size_t max)
{
	memset(t, 0, sizeof *t);
	t->max = max;
	/* One empty row, so the cursor always has a row. */
	textbuf_layout(t, 1);
}

void textbuf_free(struct textbuf *t)
{
	free(t->text);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

static int reserve(struct textbuf *t, size_t need)
{
	if (need + 1 <= t->cap_)
		return 0;
	size_t cap = t->cap_ ? t->cap_ : 256;
	while (cap < need + 1)
		cap *= 2;
	wchar_t *p = realloc(t->text, cap * sizeof *p);
	if (!p)
		return -1;
	t->text = p;
	t->cap_ = cap;
	return 0;
}

/* ------------------------------------------------------------- layout */

static int row_push(struct textbuf *t, size_t a, size_t b)
{
	if (t->nrows == t->caprows_) {
		size_t cap = t->caprows_ ? 2 * t->caprows_ : 64;
		struct textbuf_row *r = realloc(t->rows, cap * sizeof *r);
		if (!r)
			return -1;
		t->rows = r;
		t->caprows_ = cap;
	}
	t->rows[t->nrows].start = a;
	t->rows[t->nrows++].end = b;
	return 0;
}

/* Where the row from start ends at width w: *end is its last character
 * + 1, the return value where the next row starts (past a blank or a
 * line break).  Returns len at the end of the text. */
static size_t row_end(const struct textbuf *t, size_t start, int w,
		      size_t *end)
{
	size_t i = start, brk = (size_t)-1;
	int col = 0;
	while (i < t->len && t->text[i] != L'\n') {
		int cw = textbuf_cells(t->text[i]);
		if (col + cw > w && i > start) {
			if (t->text[i] == L' ') {
				*end = i;
				return i + 1;
			}
			if (brk != (size_t)-1) {
				*end = brk;
				return brk + 1;
			}
			*end = i; /* a word longer than the row */
			return i;
		}
		if (t->text[i] == L' ')
			brk = i;
		col += cw;
		i++;
	}
	*end = i;
	return i < t->len ? i + 1 : t->len + 1;
}

int textbuf_layout(struct textbuf *t, int width)
{
	t->width = width < 1 ? 1 : width;
	t->nrows = 0;
	size_t i = 0;
	for (;;) {
		size_t end, next = row_end(t, i, t->width, &end);
		if (row_push(t, i, end) < 0)
			return -1;
		if (next > t->len)
			return 0;
		i = next;
	}
}

size_t textbuf_cursor_row(const struct textbuf *t)
{
	size_t r = 0;
	while (r + 1 < t->nrows && t->rows[r + 1].start <= t->cur)
		r++;
	return r;
}

static int col_of(const struct textbuf *t, size_t row, size_t k)
{
	int col = 0;
	if (row >= t->nrows)
		return 0;
	for (size_t i = t->rows[row].start; i < k && i < t->len; i++)
		col += textbuf_cells(t->text[i]);
	return col;
}

int textbuf_cursor_col(const struct textbuf *t)
{
	return col_of(t, textbuf_cursor_row(t), t->cur);
}

/* The character of a row at column want (or the row's end). */
static size_t index_at(const struct textbuf *t, size_t row, int want)
{
	const struct textbuf_row *r = &t->rows[row];
	size_t i = r->start;
	int col = 0;
	while (i < r->end) {
		int cw = textbuf_cells(t->text[i]);
		if (col + cw > want)
			break;
		col += cw;
		i++;
	}
	return i;
}

/* After a change or a move other than Up/Down: lay out again and take
 * the cursor's column as the one to keep. */
static void settle(struct textbuf *t)
{
	textbuf_layout(t, t->width);
	t->want_ = textbuf_cursor_col(t);
}

/* -------------------------------------------------------------- editing */

int textbuf_insert(struct textbuf *t, wchar_t wc)
{
	if (t->len >= t->max || reserve(t, t->len + 1) < 0)
		return -1;
	memmove(t->text + t->cur + 1, t->text + t->cur,
		(t->len - t->cur) * sizeof *t->text);
	t->text[t->cur++] = wc;
	t->len++;
	t->dirty = 1;
	settle(t);
	return 0;
}

static void cut(struct textbuf *t, size_t a)
{
	memmove(t->text + a, t->text + a + 1,
		(t->len - a - 1) * sizeof *t->text);
	t->len--;
	t->dirty = 1;
	settle(t);
}

void textbuf_backspace(struct textbuf *t)
{
	if (t->cur > 0)
		cut(t, --t->cur);
}

void textbuf_delete(struct textbuf *t)
{
	if (t->cur < t->len)
		cut(t, t->cur);
}

void textbuf_move(struct textbuf *t, enum textbuf_move m, long n)
{
	if (t->nrows == 0)
		return;
	size_t r = textbuf_cursor_row(t);
	long to;
	switch (m) {
	case TEXTBUF_LEFT:
		t->cur -= t->cur > 0;
		break;
	case TEXTBUF_RIGHT:
		t->cur += t->cur < t->len;
		break;
	case TEXTBUF_ROW_START:
		t->cur = t->rows[r].start;
		break;
	case TEXTBUF_ROW_END:
		t->cur = t->rows[r].end;
		break;
	case TEXTBUF_UP:
	case TEXTBUF_DOWN:
		to = (long)r + (m == TEXTBUF_UP ? -n : n);
		if (to < 0)
			to = 0;
		if (to >= (long)t->nrows)
			to = (long)t->nrows - 1;
		t->cur = index_at(t, (size_t)to, t->want_);
		return; /* the kept column stays */
	}
	t->want_ = textbuf_cursor_col(t);
}

/* -------------------------------------------------------------- UTF-8 */

int textbuf_set_utf8(struct textbuf *t, const char *s)
{
	size_t len = strlen(s);
	if (reserve(t, len < t->max ? len : t->max) < 0)
		return -1;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	t->len = 0;
	for (size_t i = 0; i < len && t->len < t->max;) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			wc = 0xFFFD;
			n = 1;
			memset(&st, 0, sizeof st);
		}
		i += n == 0 ? 1 : n;
		t->text[t->len++] = wc;
	}
	t->cur = t->len;
	settle(t);
	return 0;
}

char *textbuf_utf8(const struct textbuf *t)
{
	char *s = malloc(t->len * MB_CUR_MAX + 1);
	if (!s)
		return NULL;
	size_t o = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < t->len; i++) {
		size_t k = wcrtomb(s + o, t->text[i], &st);
		if (k == (size_t)-1) {
			s[o] = '?';
			k = 1;
			memset(&st, 0, sizeof st);
		}
		o += k;
	}
	s[o] = '\0';
	return s;
}
