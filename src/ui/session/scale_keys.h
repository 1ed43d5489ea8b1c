/* scale_keys.h - the keys of the two rating steps.
 *
 * The red-flag diagnostic and the pillar self-assessment ask the same
 * way: a scale under the question, Up/Down to choose on it, Left/Right
 * to go from one item to the next, a digit or Enter to rate, Delete to
 * take a rating back and ^O to save one over another ownit's change.
 * Both key tables take those rows from here, so the two steps keep the
 * same keys; only the words that name each step's things differ.
 */
#ifndef OWNIT_UI_SCALE_KEYS_H
#define OWNIT_UI_SCALE_KEYS_H

#include "ui/curses.h"
#include "ui/screen.h"

/* The ids of the shared rows; a step numbers its own from SCALE_OWN. */
enum scale_action {
	SCALE_RATE = 1, /* a digit: the key says which */
	SCALE_ENTER,
	SCALE_UP,
	SCALE_DOWN,
	SCALE_PREV,
	SCALE_NEXT,
	SCALE_CLEAR,
	SCALE_MINE,
	SCALE_OWN,
};

/* clang-format off */
/* The row of digit d after the first, which names them all ("0-4"). */
#define SCALE_DIGIT(d) {0, L'0' + (d), #d, NULL, NULL, SCALE_RATE}

/* The rows from Up/Down to ^O.  choose and item are the key line's
 * words for moving on the scale and between items, choose_help and
 * item_help their lines in the help (string literals: the other keys
 * are added); enter_help, clear_help and mine_help the help's lines for
 * Enter, Delete and ^O. */
#define SCALE_KEYS(choose, choose_help, item, item_help, enter_help,           \
		   clear_help, mine_help)                                      \
	{KEY_UP, 0, "\xe2\x86\x91/\xe2\x86\x93", choose,                       \
	 choose_help " (also k/j)", SCALE_UP},                                 \
	{0, L'k', "k", NULL, NULL, SCALE_UP},                                  \
	{KEY_DOWN, 0, "Down", NULL, NULL, SCALE_DOWN},                         \
	{0, L'j', "j", NULL, NULL, SCALE_DOWN},                                \
	{KEY_LEFT, 0, "\xe2\x86\x90/\xe2\x86\x92", item,                       \
	 item_help " (also h/l, PgUp/PgDn)", SCALE_PREV},                      \
	{0, L'h', "h", NULL, NULL, SCALE_PREV},                                \
	{KEY_RIGHT, 0, "Right", NULL, NULL, SCALE_NEXT},                       \
	{0, L'l', "l", NULL, NULL, SCALE_NEXT},                                \
	{KEY_PPAGE, 0, "PgUp", NULL, NULL, SCALE_PREV},                        \
	{KEY_NPAGE, 0, "PgDn", NULL, NULL, SCALE_NEXT},                        \
	{0, L'\r', "Enter", NULL, enter_help, SCALE_ENTER},                    \
	{KEY_ENTER, 0, "Enter", NULL, NULL, SCALE_ENTER},                      \
	{KEY_DC, 0, "Delete", NULL, clear_help, SCALE_CLEAR},                  \
	{0, 15, "^O", NULL, mine_help, SCALE_MINE}
/* clang-format on */

#endif
