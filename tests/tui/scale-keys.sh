#!/bin/sh
# The red-flag diagnostic and the pillar self-assessment are rated the
# same way, and their help says so: the same keys for the scale, for
# going between items, for rating, taking back and saving over another
# ownit's change, in the same order, each named in the step's own words.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

# scale_keys FILE: the keys the help in FILE names, one after the other,
# from the scale's (Up/Down) to ^O.
scale_keys() {
	awk -F'│' 'NF >= 3 { print $2 }' "$1" |
		sed -n 's/^ \([^ ][^ ]*\)  .*/\1/p' |
		sed -n '/^↑/,/^\^O$/p' | tr '\n' ' '
}

tui_start 100x50 --
tui_wait "add the first person you coach" "an empty database"
tui_keys m
tui_wait "New session" "m: a self-assessment for me"
tui_keys Enter
tui_wait "flag 1/5 · statement 1/" "the diagnostic step"
tui_keys '?'
tui_wait "rate the statement" "? opens the help of the diagnostic"
tui_screen >"$T_TMP/diag.txt"
tui_keys Escape
tui_wait_gone "rate the statement" "Esc closes it"
tui_keys Tab
tui_wait "1-5" "Tab goes on to the pillars"
tui_keys '?'
tui_wait "rate the pillar under the cursor" "? opens the help of the pillars"
tui_screen >"$T_TMP/pillars.txt"
tui_keys Escape
tui_wait_gone "rate the pillar under the cursor" "Esc closes it"

is "$(scale_keys "$T_TMP/diag.txt")" "↑/↓ ←/→ Enter Delete ^O " \
	"the diagnostic: scale, statements, Enter, Delete, ^O"
is "$(scale_keys "$T_TMP/pillars.txt")" "↑/↓ ←/→ Enter Delete ^O " \
	"the pillars: the same keys in the same order"
like "$(cat "$T_TMP/diag.txt")" "choose on the scale \\(also k/j\\)" \
	"each step names them in its own words"
like "$(cat "$T_TMP/pillars.txt")" "previous / next pillar \\(also h/l, PgUp/PgDn\\)" \
	"and says the other keys that do the same"
tui_keys Escape
tui_wait "Open commitments of me" "Esc leaves the session"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
