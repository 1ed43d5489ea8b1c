#!/bin/sh
# The `?` overlay at the smallest size: a key table taller than the box
# scrolls to its last line, on home and in a session step, and any key
# that does not scroll closes it without acting on the screen below.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

tui_start 60x18 --
tui_first_person Ana

tui_keys '?'
tui_wait "start a new session with the" "? opens the help of home"
unlike "$(tui_screen)" "leave ownit" "at 60x18 the last key is below the box"
tui_keys NPage NPage NPage
tui_wait "leave ownit (everything is already" "PgDn scrolls to the last key's line"
tui_wait "saved)" "which wraps instead of being cut"
unlike "$(tui_screen)" "start a new session with the" \
	"the first key has scrolled out"
tui_keys Home
tui_wait "start a new session with the" "Home goes back to the top"
tui_keys Down End
tui_wait "saved)" "End reaches the bottom"
tui_keys '?'
tui_wait_gone "saved)" "? closes the help"
like "$(tui_screen)" "ownit · Home" "home is under it"
tui_keys '?'
tui_wait "start a new session with the" "help again"
tui_keys x
tui_wait_gone "start a new session with the" "another key closes it"
unlike "$(tui_screen)" "Export" "and is not acted on by home"

# The card on ownership, accountability and responsibility, from help.
tui_keys '?'
tui_wait "start a new session with the" "help once more"
tui_keys End
tui_wait "o: what ownership, accountability and" "help ends with the way to the card"
tui_keys o
tui_wait "Ownership, accountability" "o opens the card"
tui_wait "Ownership is inside a person" "ownership comes first"
tui_keys Down Down Down
tui_wait "Accountability is outside" "then accountability"
tui_keys End
tui_wait "Responsibility sits between the two" "and responsibility"
tui_wait "any other key closes" "the card says how to leave it"
tui_keys o
tui_wait "start a new session with the" "o goes back to the keys"
tui_keys o x
tui_wait_gone "Ownership is inside" "another key closes the card"
like "$(tui_screen)" "ownit · Home" "home is under it"

tui_keys n
tui_wait "New session" "n asks what kind of session"
tui_keys Enter
tui_wait "flag 1/5 · statement 1/" "the diagnostic step"
tui_keys '?'
tui_wait "rate the statement" "? opens the help of the step"
tui_keys o
tui_wait "Ownership is inside a person" "the card is reached from a step too"
tui_keys o
unlike "$(tui_screen)" "show the keys of this step" \
	"the frame's last key is below the box"
tui_keys Down Down Down Down Down Down Down Down Down Down Down Down \
	Down Down Down Down Down Down Down Down
tui_wait "show the keys of this step" "Down scrolls to the last key's line"
tui_keys j
like "$(tui_screen)" "show the keys of this step" "it stops at the bottom"
tui_keys Escape
tui_wait_gone "show the keys of this step" "Esc closes the help"
like "$(tui_screen)" "flag 1/5 · statement 1/" "and stays in the session"
tui_keys Escape
tui_wait "Open commitments of Ana" "Esc again leaves the session"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
