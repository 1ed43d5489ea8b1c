/* fields.h - the one-line text field of the TUI, and forms of them.
 *
 * Every one-line entry (the person form, the coach's name, the new-session,
 * export and renegotiation dialogs, the `/` filter of a list, and the
 * prompts of a session) is this widget, so they all edit alike.  Each text
 * field is a core textbuf (core/textbuf.h): the cursor and Backspace move
 * by grapheme clusters, so combining marks, ZWJ sequences, variation
 * selectors and bidi controls stay where they were typed; control
 * characters are shown as ^X and bidi controls as a stand-in, never raw.
 *
 * A field never rewrites what it was not asked to: text set into it and
 * left alone comes back byte for byte (tabs, escapes, a length past its
 * limit and all); the limit stops typing only, and the field shows its
 * count as the limit nears.  Text comes in typed or pasted (bracketed
 * paste: a pasted Tab, CR or Esc is text, never a key).
 *
 * A field is either text (scrolls sideways beyond its width) or a choice
 * between fixed words, changed with Space or the left and right arrows.
 * Fields draw straight onto the screen every frame, so the main loop can
 * clear and redraw everything (KEY_RESIZE too) without losing a thing.
 */
#ifndef OWNIT_UI_FIELDS_H
#define OWNIT_UI_FIELDS_H

#include "core/base/textbuf.h"
#include "ui/app.h"
#include "ui/screen.h"

/* The widest a form field is drawn; what fits in a 60-column dialog. */
#define FIELDS_WIDTH_MAX 40
/* The limit of a field whose definition gives none. */
#define FIELDS_MAX_DEFAULT 200

struct fields_def {
	const char *label;           /* shown left of the field */
	int width;                   /* columns, at most FIELDS_WIDTH_MAX */
	int max;                     /* most characters typed (0: 200) */
	const char *const *choices;  /* NULL for text, else NULL-ended */
};

struct fields;

/* Makes n fields; NULL when out of memory. */
struct fields *fields_new(const struct fields_def *defs, int n);
void fields_free(struct fields *f);

/* Sets the text of field i (NULL as ""), the cursor at its end; or its
 * choice by index.  0, or -1 when out of memory. */
int fields_set(struct fields *f, int i, const char *utf8);
void fields_set_choice(struct fields *f, int i, int choice);

/* The text of field i (malloc'd, NULL when out of memory): as it was set
 * when it was not edited, else as typed without leading and trailing
 * blanks.  Or the index of its choice. */
char *fields_get(struct fields *f, int i);
int fields_choice(struct fields *f, int i);

/* 1 when field i was edited since it was set. */
int fields_edited(const struct fields *f, int i);

/* The field being edited, and moving to another one. */
int fields_current(const struct fields *f);
void fields_focus(struct fields *f, int i);

/* Takes field i out of the form: not drawn by the caller, skipped by
 * Tab. */
void fields_disable(struct fields *f, int i);

/* Width of the widest label, for lining fields up. */
int fields_label_width(const struct fields *f);

/* Draws field i's label at (y, x) and the field at (y, fx); the field
 * being edited shows its cursor. */
void fields_draw(struct fields *f, struct app *app, int i, int y, int x,
		 int fx);

/* Draws just field i at (y, x), in its own width or in w cells. */
void fields_draw_field(struct fields *f, struct app *app, int i, int y,
		       int x);
void fields_draw_at(struct fields *f, struct app *app, int i, int y, int x,
		    int w);

/* Feeds a key to the fields: typed or pasted text, editing and cursor
 * keys (Left, Right, Home/^A, End/^E, Backspace, Delete/^D, ^U, ^K,
 * Alt+Backspace/^W), and Tab / Shift-Tab / Up / Down between fields.
 * Text that cannot be taken (the field is full; a non-ASCII character
 * where the locale is not UTF-8) is refused with a message on app's
 * status line.  Returns 1 when the key was used, 0 when the screen should
 * handle it (Enter, Esc, ...). */
int fields_key(struct fields *f, struct app *app, struct key k);

/* The editing keys every text entry shares, one-line fields and the
 * notes alike: Left, Right, Home/^A and End/^E (moving to home and end:
 * the text's ends in a field, the row's in the notes), Backspace,
 * Delete/^D, Alt+Backspace/^W.  1 when k was one of them; a pasted
 * character is never a key. */
int fields_edit_key(struct textbuf *t, struct key k, enum textbuf_move home,
		    enum textbuf_move end);

/* ------------------------------------------------------------- dialogs */

/* A framed box of h lines, as wide as want (at most the screen less a
 * margin), centred; sets its top-left corner and width. */
void fields_dialog(struct app *app, int h, int want, const char *title,
		   int *y, int *x, int *w);

/* Draws text wrapped at spaces over at most lines lines of w columns;
 * returns the lines used. */
int fields_wrap(struct app *app, int y, int x, int w, int nlines,
		const char *text, enum ui_style style);

/* 1 for Enter (either code), 0 otherwise. */
int fields_is_enter(struct key k);

#endif
