/* bare_tui.c - the start-up reference: the least a curses program can do.
 *
 *   bare_tui [--db FILE]
 *
 * Links the libraries a curses program over SQLite and CSV needs
 * (ncursesw, SQLite, libcsv, libm; the linker drops what a program does
 * not call, so this calls into each) so the dynamic loader has to map and
 * relocate them all.  It does not link what ownit added for its own
 * features (libxlsxwriter with zlib, minizip and libcrypto for .xlsx
 * export, libunistring for text): their loading is part of ownit's
 * start-up, not of the floor.  It sets the terminal up the way ownit's
 * app.c does (newterm, cbreak, noecho, keypad, hidden cursor, colours on
 * the terminal's own background), draws one screen shaped like ownit's home
 * screen (a title bar, a list of people, a key line at the bottom, the key
 * line drawn last) and waits for `q`.  It opens no database and reads no
 * files: it is the floor that ownit's start-up is compared with.
 *
 * With --db it is a second, informational floor: before the terminal is
 * set up it opens FILE as any SQLite program would (read-write, the
 * file's own journal mode) and lists the names of the first page of
 * people in one statement, which is the least a program that shows the
 * database can read; the list shows those names.  The bench prints how
 * far above bare_tui that floor already is, so the start-up target can be
 * read against it.
 *
 * This is a benchmark reference, not part of ownit, so it includes curses,
 * sqlite3 and csv headers directly.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>
#include <sqlite3.h>

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

/* The first page of names from db, or -1 (with a message) when it cannot
 * be read. */
static int names_read(const char *db, char names[][48], int max)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int n = 0;
	int rc = sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(h,
					"SELECT name FROM person ORDER BY name "
					"LIMIT ?1",
					-1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 1, max);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(names[n++], 48, "%s", sqlite3_column_text(st, 0));
		rc = n < max ? SQLITE_OK : SQLITE_DONE;
	}
	if (rc != SQLITE_DONE)
		fprintf(stderr, "bare_tui: %s: %s\n", db, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc == SQLITE_DONE ? n : -1;
}

int main(int argc, char **argv)
{
	struct csv_parser p;
	/* The list of the bench's 24-line screen: rows 2 to 21. */
	static char names[20][48];
	int nnames = 0;
	volatile double two = 2.0;
	setlocale(LC_ALL, "");
	/* One call into each library, so none is dropped as unneeded. */
	if (csv_init(&p, 0) != 0 || sqlite3_libversion_number() < 3000000 ||
	    sqrt(two) < 1.0)
		return 1;
	csv_free(&p);
	if (argc == 3 && strcmp(argv[1], "--db") == 0)
		nnames = names_read(argv[2], names, 20);
	else if (argc != 1) {
		fprintf(stderr, "usage: bare_tui [--db FILE]\n");
		return 2;
	}
	if (nnames < 0)
		return 1;

	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return 1;
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_BLACK, COLOR_CYAN);
		init_pair(2, COLOR_CYAN, -1);
	}
	attron(COLOR_PAIR(1) | A_BOLD);
	mvhline(0, 0, ' ', COLS);
	mvaddstr(0, 0, " bare \xc2\xb7 Home");
	attroff(COLOR_PAIR(1) | A_BOLD);
	for (int y = 2; y < LINES - 2; y++) {
		char line[128];
		int i = y - 2;
		snprintf(line, sizeof line,
			 "%-20s  last session 2026-11-%02d  open %d  "
			 "overdue %d",
			 i < nnames ? names[i] : "Person", y % 28 + 1, y % 4,
			 y % 2);
		mvaddnstr(y, 2, line, COLS - 4);
	}
	static const char *const keys[][2] = {
	    {"n", "new"},
	    {"h", "history"},
	    {"?", "help"},
	    {"q", "quit"},
	};
	int x = 0;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		attron(COLOR_PAIR(2) | A_BOLD);
		mvaddstr(LINES - 1, x, keys[i][0]);
		attroff(COLOR_PAIR(2) | A_BOLD);
		addstr(" ");
		addstr(keys[i][1]);
		addstr("  ");
		x += (int)(strlen(keys[i][0]) + strlen(keys[i][1])) + 3;
	}
	refresh();
	int ch;
	while ((ch = getch()) != 'q' && ch != ERR)
		;
	endwin();
	delscreen(scr);
	return 0;
}
