/* textbuf.c - wide-character text, its word wrap and its cursor. */
#include "config.h"

#include "core/base/textbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"

/* The text is handed to core/utext as UCS-4, which wchar_t is on every
 * system ownit builds on (glibc, musl, the BSDs). */
_Static_assert(sizeof(wchar_t) == sizeof(uint32_t),
	       "wchar_t must hold UCS-4");

static const uint32_t *ucs4(const struct textbuf *t)
{
	return (const uint32_t *)t->text;
}

int textbuf_cells(wchar_t wc)
{
	return utext_cells((uint32_t)wc);
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

void textbuf_cut(struct textbuf *t, size_t a, size_t b)
{
	if (b > t->len)
		b = t->len;
	if (a >= b)
		return;
	memmove(t->text + a, t->text + b, (t->len - b) * sizeof *t->text);
	t->len -= b - a;
	t->cur = a;
	t->dirty = 1;
	settle(t);
}

size_t textbuf_cluster_prev(const struct textbuf *t, size_t i)
{
	return utext_cluster_prev(ucs4(t), t->len, i);
}

size_t textbuf_cluster_next(const struct textbuf *t, size_t i)
{
	return utext_cluster_next(ucs4(t), t->len, i);
}

void textbuf_backspace(struct textbuf *t)
{
	if (t->cur > 0)
		textbuf_cut(t, textbuf_cluster_prev(t, t->cur), t->cur);
}

void textbuf_delete(struct textbuf *t)
{
	if (t->cur < t->len)
		textbuf_cut(t, t->cur, textbuf_cluster_next(t, t->cur));
}

static int is_blank(wchar_t wc)
{
	return wc == L' ' || wc == L'\t' || wc == L'\n';
}

void textbuf_delete_word(struct textbuf *t)
{
	size_t a = t->cur;
	while (a > 0 && is_blank(t->text[a - 1]))
		a--;
	while (a > 0 && !is_blank(t->text[a - 1]))
		a = textbuf_cluster_prev(t, a);
	textbuf_cut(t, a, t->cur);
}

void textbuf_move(struct textbuf *t, enum textbuf_move m, long n)
{
	if (t->nrows == 0)
		return;
	size_t r = textbuf_cursor_row(t);
	long to;
	switch (m) {
	case TEXTBUF_LEFT:
		t->cur = textbuf_cluster_prev(t, t->cur);
		break;
	case TEXTBUF_RIGHT:
		t->cur = textbuf_cluster_next(t, t->cur);
		break;
	case TEXTBUF_START:
		t->cur = 0;
		break;
	case TEXTBUF_END:
		t->cur = t->len;
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
	/* All of it, even past max: max limits typing, and text that came
	 * from the store is never cut by a screen that only shows it. */
	size_t len = strlen(s);
	if (reserve(t, len) < 0)
		return -1;
	t->len = 0;
	for (size_t i = 0; i < len;) {
		uint32_t uc;
		i += utext_decode(s + i, len - i, &uc);
		t->text[t->len++] = (wchar_t)uc;
	}
	t->cur = t->len;
	settle(t);
	return 0;
}

char *textbuf_utf8(const struct textbuf *t)
{
	char *s = malloc(t->len * 4 + 1);
	if (!s)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < t->len; i++)
		o += utext_encode((uint32_t)t->text[i], s + o);
	s[o] = '\0';
	return s;
}
