/* list.c - a scrolling list of rows read from the store a page at a time.
 *
 * Why not ncurses' menu library: a MENU is built from an array of every
 * ITEM up front, so a person's whole history (or every commitment) would
 * have to be read and kept to show the first screenful, and an item is a
 * name and a description, where our rows are columns with their own
 * styles (overdue in red, scores, sparklines).  This widget keeps only a
 * window of rows around the screen and asks its owner for more by offset,
 * and lets the owner draw each row.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/list.h"

#define LIST_WINDOW_MIN 16
#define LIST_FILTER_MAX 64

struct list {
	const struct list_ops *ops;
	void *ud;
	void **rows;     /* the loaded window: rows [off, off + n) */
	size_t off, n, cap;
	size_t end;      /* the number of rows, once a load came short */
	size_t cur, top; /* cursor and first row on screen */
	int height;      /* lines last drawn */
	int fresh;       /* nothing loaded since creation or reload */
	int failed;
	char filter[LIST_FILTER_MAX * 4 + 1];
	struct fields *prompt; /* while the `/` prompt is open */
};

static const struct fields_def filter_def[] = {
	{"/", FIELDS_WIDTH_MAX, LIST_FILTER_MAX, NULL},
};

struct list *list_new(const struct list_ops *ops, void *ud)
{
	struct list *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->ops = ops;
	l->ud = ud;
	l->end = (size_t)-1;
	l->height = 10;
	l->fresh = 1;
	return l;
}

static void rows_drop(struct list *l)
{
	for (size_t i = 0; i < l->n; i++)
		l->ops->free_row(l->rows[i]);
	l->n = 0;
	l->off = 0;
}

void list_free(struct list *l)
{
	if (!l)
		return;
	rows_drop(l);
	free(l->rows);
	fields_free(l->prompt);
	free(l);
}

int list_add(struct list *l, void *row)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : LIST_WINDOW_MIN;
		void **rows = realloc(l->rows, cap * sizeof *rows);
		if (!rows) {
			l->ops->free_row(row);
			return -1;
		}
		l->rows = rows;
		l->cap = cap;
	}
	l->rows[l->n++] = row;
	return 0;
}

void list_reload(struct list *l)
{
	rows_drop(l);
	l->end = (size_t)-1;
	l->failed = 0;
	l->fresh = 1;
}

static size_t window_size(const struct list *l)
{
	size_t w = (size_t)l->height * 3;
	return w < LIST_WINDOW_MIN ? LIST_WINDOW_MIN : w;
}

static void rows_reverse(void **rows, size_t from, size_t to)
{
	while (from + 1 < to) {
		void *t = rows[from];
		rows[from++] = rows[--to];
		rows[to] = t;
	}
}

/* Reads rows [start, start + want) next to rows already at hand (the old
 * window, still alive here): after its row start - 1, before its first
 * row, or from either end.  1 when it did, 0 when no row is near enough
 * (or the list changed under it) and an offset load must do. */
static int load_keyed(struct list *l, void **old, size_t old_off,
		      size_t old_n, size_t start, size_t want,
		      struct error *err)
{
	const struct list_ops *o = l->ops;
	if (start == 0)
		return o->load_near(l->ud, l, NULL, 1, want, err) ? -1 : 1;
	if (old_n && start > old_off && start <= old_off + old_n)
		return o->load_near(l->ud, l, old[start - 1 - old_off], 1,
				    want, err) ? -1 : 1;
	size_t back;
	const void *from;
	if (old_n && start < old_off && start + want > old_off) {
		back = old_off - start; /* PgUp: the rows above the window */
		from = old[0];
	} else if (l->end != (size_t)-1 && start < l->end &&
		   start + want >= l->end) {
		back = l->end - start; /* End: the last rows */
		from = NULL;
	} else {
		return 0;
	}
	if (o->load_near(l->ud, l, from, -1, back, err))
		return -1;
	if (l->n != back)
		return 0; /* rows came or went: count from the top instead */
	rows_reverse(l->rows, 0, l->n);
	if (from && want > back &&
	    o->load_near(l->ud, l, l->rows[l->n - 1], 1, want - back, err))
		return -1;
	return 1;
}

/* Loads a window of rows starting a little before row i.  A list that
 * has loaded nothing yet and is asked for its first screen reads only
 * that screen and the row below it (for the "more" mark): that is all a
 * first frame shows, and a screen that is never scrolled reads no more. */
static void window_load(struct list *l, struct app *app, size_t i)
{
	size_t want = window_size(l);
	size_t start = i > want / 3 ? i - want / 3 : 0;
	if (l->fresh && i < (size_t)l->height) {
		want = (size_t)l->height + 1;
		start = 0;
	}
	l->fresh = 0;
	struct error err = {0};
	/* The old window stays until the new one is read: its rows are the
	 * key positions keyset paging starts from. */
	void **old = l->rows;
	size_t old_off = l->off, old_n = l->n;
	l->rows = NULL;
	l->n = l->cap = 0;
	l->off = start;
	int r = l->ops->load_near ? load_keyed(l, old, old_off, old_n, start,
					       want, &err)
				  : 0;
	if (r == 0) {
		rows_drop(l);
		l->off = start;
		r = l->ops->load(l->ud, l, start, want, &err) ? -1 : 1;
	}
	for (size_t k = 0; k < old_n; k++)
		l->ops->free_row(old[k]);
	free(old);
	if (r < 0) {
		rows_drop(l);
		l->failed = 1;
		l->end = 0;
		app_status(app, 1, "%s", err.msg);
		return;
	}
	l->failed = 0;
	if (l->n < want)
		l->end = start + l->n;
}

/* Row i when it is at hand, else NULL. */
static void *row_held(const struct list *l, size_t i)
{
	if (i >= l->end || i < l->off || i >= l->off + l->n)
		return NULL;
	return l->rows[i - l->off];
}

/* Row i, loading its window when needed; NULL past the end. */
static void *row_at(struct list *l, struct app *app, size_t i)
{
	if (i >= l->end)
		return NULL;
	if (i < l->off || i >= l->off + l->n)
		window_load(l, app, i);
	if (i < l->off || i >= l->off + l->n)
		return NULL;
	return l->rows[i - l->off];
}

/* Puts the cursor on a row that exists (the list may have shrunk). */
static void cursor_fix(struct list *l, struct app *app)
{
	if (row_at(l, app, l->cur))
		return;
	if (l->end == (size_t)-1 || l->end == 0) {
		l->cur = 0;
		return;
	}
	l->cur = l->end - 1;
	row_at(l, app, l->cur);
}

static void scroll_fix(struct list *l)
{
	size_t h = l->height > 0 ? (size_t)l->height : 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + h)
		l->top = l->cur - h + 1;
}

void list_show(struct list *l, struct app *app, int h)
{
	if (h <= 0)
		return;
	l->height = h;
	cursor_fix(l, app);
	scroll_fix(l);
	for (int r = 0; r < h; r++)
		if (!row_at(l, app, l->top + (size_t)r))
			break;
	row_at(l, app, l->top + (size_t)h);
	/* Looking ahead may have moved the window off the cursor. */
	row_at(l, app, l->cur);
}

void list_draw(struct list *l, struct app *app, int y, int x, int h, int w)
{
	if (h <= 0 || w <= 0)
		return;
	scroll_fix(l);
	for (int r = 0; r < h; r++) {
		size_t i = l->top + (size_t)r;
		void *row = row_held(l, i);
		if (!row)
			break;
		int sel = i == l->cur;
		if (sel) {
			attr_t a = app_attr(app, UI_SELECTED);
			attron(a);
			mvhline(y + r, x, ' ', w);
			attroff(a);
		}
		l->ops->draw_row(l->ud, app, row, y + r, x, w - 1, sel);
	}
	/* Arrows in the last column say there is more to scroll to. */
	if (l->top > 0)
		draw_text(app, y, x + w - 1, draw_glyph(app, GLYPH_LIST_ABOVE),
			  1, UI_DIM);
	if (row_held(l, l->top + (size_t)h))
		draw_text(app, y + h - 1, x + w - 1,
			  draw_glyph(app, GLYPH_LIST_BELOW), 1, UI_DIM);
}

int list_page(const struct list *l)
{
	return l->height > 1 ? l->height - 1 : 1;
}

int list_move(struct list *l, struct app *app, long delta)
{
	size_t old = l->cur;
	if (delta < 0) {
		size_t back = (size_t)-delta;
		l->cur = back > l->cur ? 0 : l->cur - back;
	} else {
		size_t to = l->cur + (size_t)delta;
		if (!row_at(l, app, to)) {
			cursor_fix(l, app);
			to = l->end != (size_t)-1 && l->end > 0 ? l->end - 1
								: l->cur;
		}
		l->cur = to;
	}
	row_at(l, app, l->cur);
	scroll_fix(l);
	return l->cur != old;
}

void list_first(struct list *l, struct app *app)
{
	l->cur = 0;
	l->top = 0;
	row_at(l, app, 0);
}

/* The end is counted when the owner can count, else found by loading
 * window after window: only ever one window is kept, so memory stays flat
 * however long the list. */
void list_last(struct list *l, struct app *app)
{
	size_t n = 0;
	struct error err = {0};
	if (l->end == (size_t)-1 && l->ops->count) {
		if (l->ops->count(l->ud, &n, &err) == 0) {
			l->end = n;
		} else {
			l->failed = 1;
			app_status(app, 1, "%s", err.msg);
		}
	}
	while (l->end == (size_t)-1 && !l->failed)
		window_load(l, app, l->off + l->n + window_size(l) / 3);
	l->cur = l->end > 0 && l->end != (size_t)-1 ? l->end - 1 : 0;
	row_at(l, app, l->cur);
	scroll_fix(l);
}

const void *list_selected(struct list *l, struct app *app)
{
	cursor_fix(l, app);
	return row_at(l, app, l->cur);
}

const void *list_current(const struct list *l)
{
	return row_held(l, l->cur);
}

void list_set_cursor(struct list *l, size_t i)
{
	l->cur = i;
}

size_t list_cursor(const struct list *l)
{
	return l->cur;
}

int list_failed(const struct list *l)
{
	return l->failed;
}

/* --------------------------------------------------------------- filter */

const char *list_filter(const struct list *l)
{
	return l->filter;
}

int list_filtering(const struct list *l)
{
	return l->prompt != NULL;
}

void list_filter_begin(struct list *l)
{
	if (l->prompt)
		return;
	l->prompt = fields_new(filter_def, 1);
	if (!l->prompt)
		return;
	fields_set(l->prompt, 0, l->filter);
}

static void filter_apply(struct list *l, struct app *app, const char *text)
{
	if (strcmp(text, l->filter) == 0)
		return;
	snprintf(l->filter, sizeof l->filter, "%s", text);
	list_reload(l);
	l->cur = 0;
	l->top = 0;
	row_at(l, app, 0);
}

int list_filter_key(struct list *l, struct app *app, struct key k)
{
	if (!l->prompt)
		return 0;
	int done = fields_is_enter(k);
	int cancel = !k.pasted && !k.code && k.ch == UI_KEY_ESC;
	if (done || cancel) {
		if (cancel)
			filter_apply(l, app, "");
		fields_free(l->prompt);
		l->prompt = NULL;
		return 1;
	}
	/* Up and Down still move in the list while typing. */
	if (k.code == KEY_UP || k.code == KEY_DOWN) {
		list_move(l, app, k.code == KEY_UP ? -1 : 1);
		return 1;
	}
	fields_key(l->prompt, app, k);
	char *text = fields_get(l->prompt, 0);
	if (text) {
		filter_apply(l, app, text);
		free(text);
	}
	return 1;
}

void list_filter_draw(struct list *l, struct app *app, int y, int x, int w)
{
	if (l->prompt) {
		draw_text(app, y, x, "/", 1, UI_KEY);
		fields_draw_field(l->prompt, app, 0, y, x + 2);
		int fw = FIELDS_WIDTH_MAX + 3;
		if (w > fw + 24)
			draw_text(app, y, x + fw,
				  "Enter keep  Esc clear", w - fw, UI_DIM);
		return;
	}
	if (!l->filter[0])
		return;
	int n = draw_text(app, y, x, "filter: ", w, UI_DIM);
	n += draw_text(app, y, x + n, l->filter, w - n - 16, UI_ACCENT);
	draw_text(app, y, x + n, "  (/ to change)", w - n, UI_DIM);
}

/* ---------------------------------------------------------------- match */

/* Case-insensitive in every script, accents typed apart or not: the
 * rule names follow everywhere (core/utext). */
int list_match(const char *haystack, const char *needle)
{
	if (!needle || !needle[0])
		return 1;
	if (!haystack)
		return 0;
	return utext_fold_contains(haystack, needle) == 1;
}

int list_move_key(struct list *l, struct app *app, int id, int base)
{
	switch (id - base) {
	case LIST_KEY_UP:
		list_move(l, app, -1);
		return 1;
	case LIST_KEY_DOWN:
		list_move(l, app, 1);
		return 1;
	case LIST_KEY_PGUP:
		list_move(l, app, -list_page(l));
		return 1;
	case LIST_KEY_PGDN:
		list_move(l, app, list_page(l));
		return 1;
	case LIST_KEY_FIRST:
		list_first(l, app);
		return 1;
	case LIST_KEY_LAST:
		list_last(l, app);
		return 1;
	}
	return 0;
}
