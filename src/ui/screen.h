/* screen.h - what every screen of the TUI offers the main loop.
 *
 * A screen is a small ops struct (in the spirit of tig's view_ops and
 * htop's Panel): it draws itself, and acts on the actions of its key
 * table.  The same table feeds the key dispatch, the bottom key line and
 * the `?` help, so the three can never disagree.  A handler never calls
 * another screen: it returns an intent and the loop in app.c acts on it.
 */
#ifndef OWNIT_UI_SCREEN_H
#define OWNIT_UI_SCREEN_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

struct app;
struct screen;

/* The Esc key as get_wch reads it (curses has no KEY_ name for it). */
#define UI_KEY_ESC 27

/* One key press: a function key (code = KEY_*) or a character.  A
 * character that came inside a bracketed paste has pasted set: it is text
 * for a field or note, whatever it is (Tab, CR, Esc), and never a key. */
struct key {
	int code;   /* KEY_* for function keys, 0 for characters */
	wint_t ch;  /* the character when code is 0 */
	int pasted; /* 1 for a character of a bracketed paste */
};

/* Keys the loop in app.c recognises itself, numbered past curses'
 * KEY_MAX (0777): Alt+Backspace (Esc then DEL or ^H) deletes a word. */
#define UI_KEY_WORD_RUBOUT 0x2001

/* One row of a key table; a table ends with a row whose id is 0.  Several
 * rows may share an id (arrows and j/k); only rows with a label appear on
 * the key line, only rows with help text in the help overlay. */
struct action {
	int code;          /* KEY_* to match, or 0 to match ch */
	wint_t ch;         /* character to match when code is 0 */
	const char *keys;  /* how help names the keys: "j/k", "Enter" */
	const char *label; /* word on the bottom key line, or NULL */
	const char *help;  /* line in the help overlay, or NULL */
	int id;            /* the screen's own action number, > 0 */
};

enum intent_kind {
	INTENT_NONE,   /* nothing changed on screen */
	INTENT_REDRAW, /* redraw the current screen */
	INTENT_PUSH,   /* show `next` on top of this screen */
	INTENT_POP,    /* close this screen, back to the one below */
	INTENT_REPLACE, /* close this screen and show `next` instead (a
	                 * dialog that leads on to the screen it set up) */
	INTENT_QUIT,   /* leave ownit */
};

struct intent {
	enum intent_kind kind;
	struct screen *next; /* for INTENT_PUSH and INTENT_REPLACE */
};

struct screen_ops {
	const char *title;   /* shown on the top line */
	const char *purpose; /* one line on what the screen is for (help) */
	const struct action *actions;
	/* Non-zero for a box drawn over the screen below (help, forms). */
	int overlay;
	/* Non-zero for the help overlay itself: no help about help. */
	int is_help;
	/* Called when the screen comes to the top (pushed, or uncovered by a
	 * pop): the place to (re)read what it shows from the store. */
	void (*enter)(struct screen *s, struct app *app);
	/* Reads what the next frame shows that enter has not: rows a list
	 * scrolls to, what a resize makes room for.  Called before every
	 * frame, so it reads only what it does not hold yet.  NULL when
	 * enter reads all there is to show. */
	void (*show)(struct screen *s, struct app *app);
	/* Draws the body between the title and the key line from what enter
	 * and show read: never from the store, as it runs on every key and
	 * resize. */
	void (*draw)(struct screen *s, struct app *app);
	/* Acts on action id (0: a key not in the table, e.g. typed text). */
	struct intent (*act)(struct screen *s, struct app *app, int id,
			     struct key key);
	/* Non-zero while the screen takes typed text, so that `?` and `q`
	 * reach it as characters.  NULL means never. */
	int (*wants_text)(const struct screen *s);
	/* Called about twice a second, while keys arrive too (autosave). */
	void (*tick)(struct screen *s, struct app *app);
	/* Frees the screen and its data. */
	void (*destroy)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	void *data;
};

static inline struct intent intent_of(enum intent_kind kind)
{
	struct intent in = {kind, 0};
	return in;
}

static inline struct intent intent_push(struct screen *next)
{
	struct intent in = {INTENT_PUSH, next};
	return in;
}

static inline struct intent intent_replace(struct screen *next)
{
	struct intent in = {INTENT_REPLACE, next};
	return in;
}

/* A new screen with ops and size bytes of zeroed data in s->data, or
 * NULL when out of memory.  Every constructor starts with it. */
struct screen *screen_alloc(const struct screen_ops *ops, size_t size);

/* Frees a screen from screen_alloc and its data block, not what the data
 * points to: a constructor's way out, and a destroy's last line. */
void screen_free(struct screen *s);

/* Screens the main loop or other screens create.  A constructor returns
 * NULL (after app_status explains why) when it cannot open the screen.
 * Ids are the store's integer keys. */
struct screen *home_screen_new(struct app *app);
struct screen *help_screen_new(const struct screen *about);
/* home.c, person.c, history.c, commitments.c, export.c */
struct screen *person_form_new(struct app *app, int64_t person_id);
struct screen *history_screen_new(struct app *app, int64_t person_id);
struct screen *commitments_screen_new(struct app *app);
struct screen *export_screen_new(struct app *app, int64_t person_id,
				 int64_t session_id);
/* newsession.c: asks the kind (enum store_kind, preselected) and the
 * coach of a new session with person_id, then opens the session. */
struct screen *session_dialog_new(struct app *app, int64_t person_id,
				  int kind);
/* The same, after asking whether to resume when person_id has an open
 * session already. */
struct screen *session_new_or_resume(struct app *app, int64_t person_id,
				     int kind);
/* session.c and the step files: a new session (kind: enum store_kind),
 * an open one resumed where it was left, and a session's summary page. */
struct screen *session_screen_new(struct app *app, int64_t person_id,
				  int kind);
struct screen *session_screen_resume(struct app *app, int64_t session_id);
struct screen *summary_screen_new(struct app *app, int64_t session_id);
/* team_round.c: the members of person_id's team answer in turn. */
struct screen *team_round_screen_new(struct app *app, int64_t person_id);

#endif
