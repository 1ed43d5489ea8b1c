#!/bin/sh
# Keys mean the same on every screen: q closes the view it is pressed in
# and quits only from home; ? (or F1 where ? is text) opens help; every
# key line offers help; the diagnostic and the pillars share their moves
# (Up/Down over the scale, Left/Right from item to item).
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

tui_start 100x30 --
tui_wait "add the first person you coach" "first run"
tui_keys a
tui_wait "Add a person" "the person form"
like "$(tui_screen)" "F1 help" "a form's key line offers F1 help (? is text there)"
tui_keys F1
tui_wait "back without saving" "F1 opens the form's help"
tui_keys Escape
tui_wait_gone "back without saving" "Esc closes it"
tui_keys 'Ana' Enter
tui_wait "Open commitments of Ana" "a person is added"
like "$(tui_screen)" "\? help  q quit" "home offers help and quit"

# History: q closes help, then history, and home is still there.
tui_keys h
tui_wait "Sessions of Ana" "h opens history"
like "$(tui_screen)" "\? help" "history's key line offers help"
tui_keys q
tui_wait "Open commitments of Ana" "q in history goes back to home"
tui_keys c
tui_wait "ownit · Commitments" "c opens the commitments"
tui_keys q
tui_wait "Open commitments of Ana" "q in commitments goes back to home"

# The new-session dialog takes text: F1 is its help, q is a letter.
tui_keys n
tui_wait "New session" "n opens the new-session dialog"
like "$(tui_screen)" "F1 help" "the dialog's key line offers F1 help"
tui_keys F1
tui_wait "back without starting" "F1 opens the dialog's help"
tui_keys Escape
tui_wait_gone "back without starting" "and Esc closes it"
tui_keys Enter
tui_wait "flag 1/5 · statement 1/" "the session opens at the red flags"
like "$(tui_screen)" "\? help" "a step's key line offers help"

# The diagnostic: Right and l step to the next statement, Left and h
# back; Down chooses on the scale.
tui_keys Right
tui_wait "statement 2/" "Right steps to the next statement"
tui_keys l
tui_wait "statement 3/" "l too"
tui_keys h
tui_wait "statement 2/" "h steps back"
tui_keys Left
tui_wait "statement 1/" "Left too"
tui_keys Down Down Enter
tui_wait "1/" "Down chooses on the scale and Enter rates"
tui_keys Tab
tui_wait "0/6 rated" "Tab goes on to the pillars"
# The pillars: Right steps to the next pillar, Down chooses a level.
like "$(tui_screen)" "> Clarity" "the cursor starts on the first pillar"
tui_keys Right
tui_wait "> Trust and openness" "Right steps to the next pillar"
tui_keys l
tui_wait "> Autonomy" "l too"
tui_keys h Left
tui_wait "> Clarity" "h and Left step back"
tui_keys Down Down Down Enter
tui_wait "1/6 rated" "Down chooses a level and Enter rates the pillar"
tui_wait "Clarity                ●●●○○ 3" "the third level is the rating"

# The note editor takes text: ? is typed, F1 opens help.
tui_keys Tab Tab Tab Tab
tui_wait "Type the notes of this session here" "Tab reaches the notes"
like "$(tui_screen)" "F1 help" "the note editor's key line offers F1 help"
tui_keys 'why?'
tui_wait "why?" "? is typed into the note"
tui_keys F1
tui_wait "show the keys of this step" "F1 opens help from the note editor"
tui_keys x
tui_wait_gone "show the keys of this step" "another key closes it"
tui_keys q
tui_wait "why?q" "q is typed into the note too"
tui_keys BTab
tui_wait "Commitments" "Shift-Tab leaves the editor"
tui_keys '?'
tui_wait "show the keys of this step" "? opens help on a step"
tui_keys q
tui_wait_gone "show the keys of this step" "q closes the help only"
like "$(tui_screen)" "ownit · Session" "the session is still open"
tui_keys q
tui_wait "Open commitments of Ana" "q leaves the session for home"
tui_keys q
tui_expect_exit 0 "q on home quits"

done_testing
