/* fields.h - one-line input fields on ncurses' form library.
 *
 * The person form, the new-session and export dialogs, the due-date
 * prompt and the `/` search of a list all take a few lines of text.  This
 * wraps a FORM (wide-character driver, so any UTF-8 text can be typed) in
 * the way ownit draws: the form lives on a pad of its own that is never
 * refreshed directly; each draw copies its fields onto the screen, so the
 * main loop can clear and redraw everything on every frame (and on
 * KEY_RESIZE) without the form losing what was typed.
 *
 * A field is either text (scrolls sideways beyond its width) or a choice
 * between fixed words, changed with Space or the left and right arrows.
 */
#ifndef OWNIT_UI_FIELDS_H
#define OWNIT_UI_FIELDS_H

#include "ui/app.h"
#include "ui/screen.h"

/* The widest a field is drawn; what fits in a 60-column dialog. */
#define FIELDS_WIDTH_MAX 40

struct fields_def {
	const char *label;           /* shown left of the field */
	int width;                   /* columns, at most FIELDS_WIDTH_MAX */
	int max;                     /* most characters accepted (0: 200) */
	const char *const *choices;  /* NULL for text, else NULL-ended */
};

struct fields;

/* Makes n fields; NULL when curses refuses (out of memory). */
struct fields *fields_new(const struct fields_def *defs, int n);
void fields_free(struct fields *f);

/* Sets the text of field i (NULL as ""), or its choice by index. */
void fields_set(struct fields *f, int i, const char *utf8);
void fields_set_choice(struct fields *f, int i, int choice);

/* The text of field i without trailing blanks (malloc'd, NULL when out
 * of memory), or the index of its choice. */
char *fields_get(struct fields *f, int i);
int fields_choice(struct fields *f, int i);

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

/* Draws just field i at (y, x) (for a prompt with its own label). */
void fields_draw_field(struct fields *f, struct app *app, int i, int y,
		       int x);

/* Feeds a key to the form: typed text, editing and cursor keys, Tab /
 * Shift-Tab / Up / Down between fields.  Returns 1 when the key was
 * used, 0 when the screen should handle it (Enter, Esc, ...). */
int fields_key(struct fields *f, struct key k);

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
