/* list.h - a scrolling list of rows read from the store a page at a time.
 *
 * People, sessions and commitments are all shown with this one widget.
 * The owner says how to load rows [offset, offset + limit) and how to draw
 * one row; the list keeps only a window of rows around what is on screen,
 * so a long history is never read whole.  It also runs the `/` filter
 * prompt: the owner's load sees the typed text through list_filter().
 */
#ifndef OWNIT_UI_LIST_H
#define OWNIT_UI_LIST_H

#include <stddef.h>

#include "core/base/error.h"
#include "ui/app.h"
#include "ui/screen.h"

struct list;

struct list_ops {
	/* Loads the rows [offset, offset + limit) of the list as it stands
	 * (filter applied), handing each to list_add.  Fewer rows than
	 * limit means the list ends there.  0, or -1 with err set. */
	int (*load)(void *ud, struct list *l, size_t offset, size_t limit,
		    struct error *err);
	/* Draws one row in the w columns from (y, x); selected is the row
	 * under the cursor (the list has already painted its bar). */
	void (*draw_row)(void *ud, struct app *app, const void *row, int y,
			 int x, int w, int selected);
	/* Frees a row given to list_add. */
	void (*free_row)(void *row);
	/* Optional, for long lists (keyset paging): loads up to limit rows
	 * next to the row from, after it (dir 1) or before it (dir -1),
	 * nearest first; from NULL means from the start (dir 1) or from the
	 * end (dir -1).  Scrolling and the ends then read only the rows
	 * shown, and load serves only far jumps. */
	int (*load_near)(void *ud, struct list *l, const void *from, int dir,
			 size_t limit, struct error *err);
	/* Optional: the number of rows (filter applied), so End goes
	 * straight to the last page instead of reading the list through. */
	int (*count)(void *ud, size_t *n, struct error *err);
};

/* A new, empty list; nothing is loaded before the first show or move. */
struct list *list_new(const struct list_ops *ops, void *ud);
void list_free(struct list *l);

/* Called from load: the list takes the row (freed with free_row, also
 * when this fails).  0, or -1 when out of memory. */
int list_add(struct list *l, void *row);

/* Forgets the loaded rows (after a change in the store); the cursor
 * keeps its place as far as the list still reaches. */
void list_reload(struct list *l);

/* Reads what a list h lines high shows: the cursor kept on a row that
 * exists, the rows from the top line down, and the row below them (for
 * the "more" mark).  Rows already at hand are not read again.  For a
 * screen's show op, with the h its draw will use. */
void list_show(struct list *l, struct app *app, int h);

/* Draws the rows that fit in h lines from (y, x), scrolling so the cursor
 * is visible; a line on the right marks more rows above or below.  Reads
 * nothing: it draws the rows list_show (or a move) read. */
void list_draw(struct list *l, struct app *app, int y, int x, int h, int w);

/* Moves the cursor by delta rows (a page is the height last drawn),
 * stopping at either end.  Returns 1 when it moved. */
int list_move(struct list *l, struct app *app, long delta);
void list_first(struct list *l, struct app *app);
void list_last(struct list *l, struct app *app);
int list_page(const struct list *l);

/* The moving keys every list shares, for a screen's key table: their
 * action ids are base + enum list_key, and list_move_key acts on them,
 * so home, history and the commitments move alike. */
enum list_key {
	LIST_KEY_UP,
	LIST_KEY_DOWN,
	LIST_KEY_PGUP,
	LIST_KEY_PGDN,
	LIST_KEY_FIRST,
	LIST_KEY_LAST,
	LIST_KEYS
};

#define LIST_MOVE_ACTIONS(base)                                            \
	{KEY_UP, 0, "Up/Down j/k", NULL, "move in the list",              \
	 (base) + LIST_KEY_UP},                                            \
	    {0, L'k', NULL, NULL, NULL, (base) + LIST_KEY_UP},             \
	    {KEY_DOWN, 0, NULL, NULL, NULL, (base) + LIST_KEY_DOWN},       \
	    {0, L'j', NULL, NULL, NULL, (base) + LIST_KEY_DOWN},           \
	    {KEY_PPAGE, 0, "PgUp/PgDn", NULL,                              \
	     "a page up or down (Home/End, g/G: first or last)",           \
	     (base) + LIST_KEY_PGUP},                                      \
	    {KEY_NPAGE, 0, NULL, NULL, NULL, (base) + LIST_KEY_PGDN},      \
	    {KEY_HOME, 0, NULL, NULL, NULL, (base) + LIST_KEY_FIRST},      \
	    {0, L'g', NULL, NULL, NULL, (base) + LIST_KEY_FIRST},          \
	    {KEY_END, 0, NULL, NULL, NULL, (base) + LIST_KEY_LAST},        \
	    {0, L'G', NULL, NULL, NULL, (base) + LIST_KEY_LAST}

/* Moves the cursor for action id when it is one of the keys above
 * (base + enum list_key): 1, or 0 when id is another action. */
int list_move_key(struct list *l, struct app *app, int id, int base);

/* The row under the cursor, or NULL when the list is empty. */
const void *list_selected(struct list *l, struct app *app);
/* The same without reading: NULL also when the row is not read yet.  For
 * draw. */
const void *list_current(const struct list *l);
/* Puts the cursor on row i (kept within the list at the next draw). */
void list_set_cursor(struct list *l, size_t i);
size_t list_cursor(const struct list *l);

/* Loading problems go to the status line; this says whether the last
 * load failed (so a screen can show it rather than "empty"). */
int list_failed(const struct list *l);

/* -------------------------------------------------------------- filter */

/* The text rows must match (lower-cased substring), "" for all. */
const char *list_filter(const struct list *l);

/* Opens the `/` prompt; while it is open list_filtering is 1 and keys go
 * to list_filter_key, which returns 1 when it used the key.  Enter keeps
 * the filter, Esc clears it; the list reloads as the text changes. */
void list_filter_begin(struct list *l);
int list_filtering(const struct list *l);
int list_filter_key(struct list *l, struct app *app, struct key k);

/* Draws the prompt (or the kept filter) on line y, w columns from x. */
void list_filter_draw(struct list *l, struct app *app, int y, int x, int w);

/* 1 when haystack contains needle, ignoring letter case (UTF-8). */
int list_match(const char *haystack, const char *needle);

#endif
