/* app.h - the state every screen shares, and what the main loop offers.
 *
 * app.c owns the terminal: it starts curses, maps styles to attributes,
 * restores the terminal on every exit path, and runs the loop that reads
 * keys (resize included) and acts on the intents screens return. */
#ifndef OWNIT_UI_APP_H
#define OWNIT_UI_APP_H

#include <stdint.h>

#include "core/base/error.h"
#include "ui/curses.h"
#include "ui/ui.h"

/* The smallest terminal every screen stays usable in. */
#define APP_MIN_COLS 60
#define APP_MIN_LINES 18

/* Drawing roles, mapped to colour pairs or plain attributes. */
enum ui_style {
	UI_NORMAL,
	UI_TITLE,     /* top line */
	UI_KEYLINE,   /* bottom key line */
	UI_KEY,       /* a key name on the key line or in help */
	UI_SELECTED,  /* the row under the cursor */
	UI_DIM,       /* secondary text */
	UI_HEADING,   /* section headings */
	UI_GOOD,      /* green band, kept */
	UI_WARN,      /* amber band, due soon */
	UI_BAD,       /* red band, overdue, errors */
	UI_ACCENT,    /* series A, highlights */
	UI_ACCENT2,   /* series B */
	UI_SERIES_C,  /* more lines of the trend chart */
	UI_SERIES_D,
	UI_SERIES_E,
	UI_SERIES_F,
	UI_STYLE_COUNT
};

struct store;
struct content;
struct content_diags;
struct store_person;
struct store_session;

struct app {
	const struct ui_options *opts;
	struct store *store;     /* the open database */
	/* The coaching content, loaded once, just after the first frame
	 * (see app_content_open): every screen but home may rely on it. */
	struct content *content;
	/* A failed content load's list of problems, for app_data_report. */
	struct content_diags *content_diags;
	int color;     /* colours in use */
	int ascii;     /* ASCII-only drawing */
	char status[256]; /* one-line message for the key line, or "" */
	int status_is_error;
	/* The person a form just created or changed: home selects them
	 * when it comes back to the top, then sets this back to 0. */
	int64_t focus_person;
	/* --demo: the throwaway folder and database (removed on exit). */
	char *demo_dir;
	char *db_path;
	char *exit_notices; /* app_exit_notice's lines, or NULL */
};

/* The attribute for a style under the current colour settings. */
attr_t app_attr(const struct app *app, enum ui_style style);

/* Sets the message shown above the key line until the next key. */
void app_status(struct app *app, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Asks the terminal for bracketed paste (1) or stops (0): ownit turns it
 * on at start and off on every way out; a screen that hands the terminal
 * to another program (the note's $EDITOR) turns it off meanwhile. */
void app_paste_mode(int on);

/* Hands the terminal to the user's editor ($VISUAL, else $EDITOR, else
 * vi, run through the shell so that "code -w" works) on the file at path
 * and takes it back: curses and bracketed paste are suspended meanwhile,
 * and ^C goes to the editor only.  Sets *editor to the command's name
 * (for messages); 1 when the editor exited 0, else 0. */
int app_edit_file(const char *path, const char **editor);
/* Keeps a line for standard error once the terminal is restored at exit
 * ("ownit: " is put before it): what the user must know after the screens
 * are gone, such as where unsaved text was put. */
void app_exit_notice(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* startup.c: finds and opens (creating when needed) the database, or for
 * --demo loads the content and seeds a throwaway one.  Runs before curses
 * starts, so a failure can be printed plainly.  0, or -1 with err set. */
int app_data_open(struct app *app, struct error *err);

/* Loads the content unless it is loaded already.  The home screen does
 * not need it, so the loop calls this right after the first frame, before
 * reading any key.  0, or -1 with err set (and every problem kept for
 * app_data_report). */
int app_content_open(struct app *app, struct error *err);

/* Prints a failure of the two above as "ownit: ..." lines (every content
 * problem, then err) on standard error, with the terminal restored by the
 * caller first.  Returns the exit status: 2 for ERROR_INPUT, else 1. */
int app_data_report(struct app *app, const struct error *err);

/* Closes the store, frees the content, removes a demo database. */
void app_data_close(struct app *app);

/* Read a person or a session for a screen about to show it: 1 with *out
 * filled (the caller clears it with store_person_clear or
 * store_session_clear), or 0 after the status line has said why (no data
 * open, no such person or session, a store failure). */
int app_person_get(struct app *app, int64_t id, struct store_person *out);
int app_session_get(struct app *app, int64_t id, struct store_session *out);

/* Removes a demo database from a crash signal handler: only
 * async-signal-safe calls, paths prepared in advance. */
void app_data_crash_cleanup(void);

#endif
