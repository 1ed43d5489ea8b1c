#!/bin/sh
# One text field everywhere: combining marks and other scripts stay as
# typed, a field left alone keeps its text byte for byte, the length limit
# shows while typing.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}

ZOE=$(printf 'Zoe\314\201')          # "Zoé" with a combining acute
ZOE_NFC=$(printf 'Zo\303\251')       # the same name composed
NAMASTE=$(printf '\340\244\250\340\244\256\340\244\270\340\245\215\340\244\244\340\245\207')

tui_start 80x24 --
tui_wait "Welcome to ownit." "home is up"
tui_keys a
tui_wait "Add a person" "a opens the person form"
tui_keys -l "$ZOE"
tui_keys Tab
tui_keys -l "$NAMASTE"
tui_wait "Role       $NAMASTE" "Devanagari shows in the role field as typed"
tui_keys BTab
tui_wait "Name       $ZOE" "the combining accent stays on its letter"
tui_keys Enter
tui_wait "Added " "the person is saved"
tui_wait "$ZOE_NFC " "home shows the name"
is "$(db "SELECT hex(name) || '|' || role FROM person")" \
	"5A6FC3A9|$NAMASTE" \
	"the name is stored NFC, the role exactly as typed"
is "$("$OWNIT" list people --tsv | sed -n 2p | cut -f1,2)" \
	"$ZOE_NFC	$NAMASTE" "ownit list people agrees"

# A role with a tab, an escape and 150 characters, left alone while the
# team is edited: the old form cut it to 120 and rewrote tab and escape.
db "UPDATE person SET role = 'R' || char(9) || 'x' || char(27) || '[1m' ||
	replace(hex(zeroblob(75)), '0', 'y')"
before=$(db "SELECT hex(role) FROM person")
tui_keys e
tui_wait "Edit person" "e edits the person"
tui_keys Tab Tab Ops Enter
tui_wait "Saved " "saved after editing the team only"
is "$(db "SELECT hex(role) FROM person")" "$before" \
	"the role no one touched is kept byte for byte"
is "$(db "SELECT team FROM person")" "Ops" "the team is what was typed"

# The name takes 120 characters: the count shows as the limit nears.
tui_keys e
tui_wait "Edit person" "the form opens again"
tui_keys -l "$(printf '%095d' 0 | tr 0 x)"
tui_wait "98/120" "the count shows near the limit"
tui_keys -l "$(printf '%030d' 0 | tr 0 x)"
tui_wait "120/120" "the count stops at the limit"
tui_wait "Name takes at most 120 characters." "typing past it is refused, said"
tui_keys Escape
tui_wait_gone "Edit person" "Esc cancels"
is "$(db "SELECT hex(name) FROM person")" "5A6FC3A9" "the name is unchanged"

# The coach field is the same widget.
tui_keys n
tui_wait "New session" "n asks about a new session, at the coach field"
tui_keys -l "$ZOE"
tui_wait "Coach   $ZOE" "the coach's name shows as typed"
tui_keys Enter
tui_wait "coaching session" "the session starts"
is "$(db "SELECT hex(coach) FROM session")" "5A6F65CC81" \
	"the coach is stored as typed, accent after its letter"
tui_keys Escape
tui_wait "Open commitments of" "back home"

# The / filter folds like names do: "ZOE" + a combining acute finds the
# stored "Zoé", and leaves Bob out.
tui_keys a
tui_poll "Add a person" >/dev/null
tui_keys Bob Enter
tui_wait "Added Bob." "a second person"
tui_keys /
tui_keys -l "$(printf 'ZOE\314\201')"
tui_wait_gone " Bob " "/ with capitals and a combining accent leaves Bob out"
tui_wait " $ZOE_NFC " "and finds Zoé"
tui_keys Escape
tui_wait " Bob " "Esc clears the filter"
db "UPDATE person SET team = 'Ops' || char(8238) || 'evil' WHERE name = 'Bob'"
tui_keys e Escape
tui_wait "Ops?evil" "a bidi override in a team shows as ?, in place"
unlike "$(tui_screen)" "$(printf '\342\200\256')" "and never reaches the screen raw"
# The editing keys of a field, the ones it shares with the notes and the
# cuts it adds.
tui_keys a
tui_wait "Add a person" "a opens the form for the editing keys"
tui_keys -l "one two"
tui_keys Home X End Y
tui_wait "Name       Xone twoY" "Home and End go to the ends of the field"
tui_keys C-a DC C-e BSpace
tui_wait "Name       one two " "^A, Delete, ^E and Backspace"
tui_keys Left Left Left C-k
tui_wait "Name       one  " "^K cuts to the end"
tui_keys C-w Z
tui_wait "Name       Z  " "^W deletes the word before the cursor"
tui_keys Escape
tui_wait_gone "Add a person" "Esc leaves the form"
tui_keys q
tui_expect_exit 0 "q quits"
tmux_ kill-session -t =t:

# Under LANG=C curses cannot decode UTF-8: a non-ASCII letter is refused
# with a message instead of vanishing with the keys after it.
tui_start 80x24 LANG=C LC_ALL=C --
tui_wait "Open commitments of" "LANG=C: home is up"
tui_wait " Zo? " "LANG=C: a letter the terminal cannot show is a ?"
tui_keys a
tui_wait "Add a person" "LANG=C: the person form opens"
tui_keys -l "$ZOE_NFC"
tui_wait "Only ASCII can be typed: the locale is not UTF-8" \
	"LANG=C: a non-ASCII letter is refused, and said"
tui_keys -l "x"
tui_wait "Name       Zox" "LANG=C: what is typed after it still arrives"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "LANG=C run quits"

done_testing
