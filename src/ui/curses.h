/* curses.h - the one place ownit includes curses from.
 *
 * Debian installs the wide-character headers both as <curses.h> and under
 * ncursesw/; other systems have only one of them.  Everything in src/ui
 * includes "ui/curses.h" instead of choosing for itself. */
#ifndef OWNIT_UI_CURSES_H
#define OWNIT_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

#endif
