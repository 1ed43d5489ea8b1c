/* textbuf.h - the text of a small multi-line editor, without a terminal.
 *
 * The session notes are edited in place: this module holds the text as
 * wide characters with a cursor, word-wraps it into rows for a width, and
 * moves the cursor by characters, rows and row ends the way a terminal
 * user expects (Up and Down keep the column they started from).  The
 * screen only maps keys to these calls and draws the rows, so all of it
 * is unit-tested without curses.
 *
 * The same buffer is every one-line field of the TUI (ui/fields.c): one
 * widget, one set of editing rules.
 *
 * Widths are display cells as core/utext counts them (a control character
 * takes two, drawn as ^X; a combining mark none).  The cursor, Backspace
 * and Delete move by grapheme clusters, so "e" + U+0301 or a ZWJ emoji
 * sequence is one step and is never split.  Text is UTF-8 in and out
 * whatever the locale; a byte that does not decode becomes U+FFFD.
 */
#ifndef OWNIT_TEXTBUF_H
#define OWNIT_TEXTBUF_H

#include <stddef.h>
#include <wchar.h>

/* One screen row: characters [start, end) of the text.  A row ends at a
 * line break (not included) or where the word wrap broke it (a blank at
 * the break is not included either). */
struct textbuf_row {
	size_t start, end;
};

struct textbuf {
	wchar_t *text;
	size_t len;   /* characters in text */
	size_t cur;   /* the cursor, 0 .. len */
	size_t max;   /* the most characters the buffer takes */
	int dirty;    /* changed since the owner last cleared it */
	int width;    /* of the layout; 0 before textbuf_layout */
	struct textbuf_row *rows;
	size_t nrows; /* at least 1 once laid out */

	/* Not for callers. */
	size_t cap_, caprows_;
	int want_; /* the column Up and Down keep */
};

enum textbuf_move {
	TEXTBUF_LEFT,      /* one character back */
	TEXTBUF_RIGHT,     /* one character on */
	TEXTBUF_UP,        /* n rows up, at the kept column */
	TEXTBUF_DOWN,      /* n rows down, at the kept column */
	TEXTBUF_ROW_START, /* start of the cursor's row */
	TEXTBUF_ROW_END,   /* end of the cursor's row */
	TEXTBUF_START,     /* start of the text */
	TEXTBUF_END,       /* end of the text */
};

/* An empty buffer taking at most max characters, laid out at width 1
 * until textbuf_layout says otherwise. */
void textbuf_init(struct textbuf *t, size_t max);

/* Frees what the buffer holds; init it again to reuse it. */
void textbuf_free(struct textbuf *t);

/* Replaces the text with UTF-8 s, all of it even past max (max limits
 * typing only), the cursor at its end; dirty is left as it was.  -1 when
 * out of memory (the buffer is then unchanged). */
int textbuf_set_utf8(struct textbuf *t, const char *s);

/* The text as a malloc'd UTF-8 string, NULL when out of memory. */
char *textbuf_utf8(const struct textbuf *t);

/* Word-wraps the text into rows of at most width cells (at least 1): a
 * row breaks after its last blank that fits, or inside a word longer
 * than a row.  Editing keeps the layout at this width.  -1 when out of
 * memory (the rows are then incomplete until the next layout). */
int textbuf_layout(struct textbuf *t, int width);

/* Inserts a character at the cursor ('\n' breaks the line); 0, or -1
 * when the buffer is full or out of memory. */
int textbuf_insert(struct textbuf *t, wchar_t wc);

/* Deletes the grapheme cluster before the cursor (joining lines at a
 * row's start) or under it. */
void textbuf_backspace(struct textbuf *t);
void textbuf_delete(struct textbuf *t);

/* Deletes the word before the cursor and the blanks after it
 * (Alt+Backspace, ^W). */
void textbuf_delete_word(struct textbuf *t);

/* Deletes characters [a, b) and puts the cursor at a. */
void textbuf_cut(struct textbuf *t, size_t a, size_t b);

/* Where the grapheme cluster before / after character i starts. */
size_t textbuf_cluster_prev(const struct textbuf *t, size_t i);
size_t textbuf_cluster_next(const struct textbuf *t, size_t i);

/* Moves the cursor; n counts rows for TEXTBUF_UP and _DOWN (a page is
 * some rows) and is ignored otherwise. */
void textbuf_move(struct textbuf *t, enum textbuf_move m, long n);

/* The row the cursor is on, and the cursor's column in it. */
size_t textbuf_cursor_row(const struct textbuf *t);
int textbuf_cursor_col(const struct textbuf *t);

/* Cells a character takes on screen (see the top of this file). */
int textbuf_cells(wchar_t wc);

#endif
