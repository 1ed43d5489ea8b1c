/* app.h - the state every screen shares, and what the main loop offers.
 *
 * app.c owns the terminal: it starts curses, maps styles to attributes,
 * restores the terminal on every exit path, and runs the loop that reads
 * keys (resize included) and acts on the intents screens return. */
#ifndef OWNIT_UI_APP_H
#define OWNIT_UI_APP_H

#include <stdint.h>

#include "core/error.h"
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
	UI_STYLE_COUNT
};

struct store;
struct content;

struct app {
	const struct ui_options *opts;
	struct store *store;     /* the open database */
	struct content *content; /* the coaching content, loaded once */
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
};

/* The attribute for a style under the current colour settings. */
attr_t app_attr(const struct app *app, enum ui_style style);

/* Sets the message shown above the key line until the next key. */
void app_status(struct app *app, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* startup.c: finds the database and the content, loads the content and
 * opens (creating when needed) the database, or for --demo a seeded
 * throwaway one.  Runs before curses starts, so a failure can be printed
 * plainly.  0, or -1 with err set (ERROR_INPUT: exit 2, else 1). */
int app_data_open(struct app *app, struct error *err);

/* Closes the store, frees the content, removes a demo database. */
void app_data_close(struct app *app);

/* Removes a demo database from a crash signal handler: only
 * async-signal-safe calls, paths prepared in advance. */
void app_data_crash_cleanup(void);

#endif
