/* ui.h - the coaching screens, as main.c sees them. */
#ifndef OWNIT_UI_H
#define OWNIT_UI_H

struct ui_options {
	const char *db;      /* --db, or NULL for the default location */
	const char *content; /* --content, or NULL */
	int ascii;           /* draw with ASCII only */
	int no_color;        /* no colours, whatever the terminal offers */
	int demo;            /* run on a throwaway sample database */
};

/* Runs the TUI until the user quits; returns the exit status (0, 1 on a
 * runtime failure, 2 when there is no usable terminal).  The terminal is
 * restored on every path out, signals included. */
int ui_run(const struct ui_options *opts);

#endif
