#!/bin/sh
# First run, adding a person (non-ASCII name), the form's checks, editing,
# and "me" for a self-assessment.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}

tui_start 80x24 --
tui_wait "Welcome to ownit." "first run greets"
tui_wait "the accountability" "and says what ownit does"
tui_wait "add the first person you coach" "offers to add a person"
tui_wait "assess yourself" "and a self-assessment"

tui_keys a
tui_wait "Add a person" "a opens the person form"
tui_keys Enter
tui_wait "A name is needed" "an empty name is refused"
tui_keys 'Zoë Ångström' Tab 'Team lead' Tab 'Platform'
tui_wait "Zoë Ångström" "typed UTF-8 shows in the field"
tui_keys Enter
tui_wait "Added Zoë Ångström." "saving says so"
tui_wait_gone "Add a person" "the form closes"
tui_wait "Team lead · Platform" "home lists role and team"
like "$(tui_screen)" '^ Zoë Ångström +Team lead' \
	"the person is a row of the list"
tui_wait "Open commitments of Zoë Ångström" "the person is selected"
is "$(db "SELECT name || '|' || role || '|' || team || '|' || archived
	FROM person")" "Zoë Ångström|Team lead|Platform|0" \
	"the database holds exactly what was typed"

tui_keys a
tui_wait "Add a person" "the form opens again"
# Names fold in every script (here an ASCII letter differs).
tui_keys 'ZOë Ångström' Enter
tui_wait "already here as" "a name taken in another letter case is refused"
like "$(tui_screen | tr -d '│' | tr -s ' \n' ' ')" \
	'"ZOë Ångström" is already here as "Zoë Ångström"' \
	"naming the person stored, as stored"
tui_keys Escape
tui_wait_gone "Add a person" "Esc cancels"
is "$(db "SELECT count(*) FROM person")" 1 "nothing was added"

tui_keys e
tui_wait "Edit person" "e edits the selected person"
tui_keys Tab C-u 'Head of platform' Tab Tab Tab Space Enter
tui_wait "Saved Zoë Ångström." "the edit is saved"
is "$(db "SELECT role || '|' || regulated || '|' || archived FROM person")" \
	"Head of platform|0|1" \
	"role and archived changed in the database, regulated left alone"
tui_wait "Nobody to show (v shows archived people)." \
	"an archived person leaves the list"
tui_keys v
tui_wait "(archived)" "v shows archived people, marked"
tui_keys e Tab Tab Tab
tui_wait "Yes when they work in a regulated setting" \
	"the fourth field is Regulated, and says what it is for"
tui_keys Space Tab Space Enter
tui_wait "Saved Zoë Ångström." "unarchived again"
is "$(db "SELECT regulated || '|' || archived FROM person")" "1|0" \
	"marked as working in a regulated setting and unarchived"
tui_keys e
tui_wait "Edit person" "the form opens again"
is "$(tui_screen | grep -c 'Regulated .*no  \[yes\]')" 1 \
	"the form shows the saved regulated setting"
tui_keys Escape
tui_wait_gone "Edit person" "Esc closes it"

# Another ownit changes the person while the form is open: Enter does not
# undo that change silently; it says what is stored now, and a second
# Enter saves over it.
tui_keys e
tui_wait "Edit person" "the form opens for the race"
db "UPDATE person SET role = 'Role from elsewhere', archived = 1"
tui_keys Tab C-u 'Role from here' Enter
tui_wait "changed elsewhere: another ownit made it Zoë Ångström," \
	"Enter says another ownit changed the person"
like "$(tui_screen | tr -d '│' | tr -s ' \n' ' ')" \
	"Role from elsewhere, Platform \\(archived\\); Enter saves yours over it, Esc keeps theirs" \
	"naming what it holds now"
is "$(db "SELECT role || '|' || archived FROM person")" \
	"Role from elsewhere|1" "and keeps their change"
tui_keys Enter
tui_wait "Saved Zoë Ångström." "a second Enter saves over it"
is "$(db "SELECT role || '|' || archived FROM person")" \
	"Role from here|0" "with what the form shows"
tui_keys v

tui_keys m
tui_wait "New session" "m adds \"me\" and asks about the session"
tui_wait "[self]" "a self-assessment is preselected"
tui_keys Escape
tui_wait_gone "New session" "Esc leaves the dialog"
tui_wait " me " "home now lists me"
is "$(db "SELECT count(*) FROM person WHERE name = 'me'")" 1 \
	"me is in the database once"
tui_keys m Escape
tui_wait_gone "New session" "m again"
is "$(db "SELECT count(*) FROM person WHERE name = 'me'")" 1 \
	"and me is not added twice"

tui_keys n
tui_wait "New session" "n asks about a new session"
# me is still selected: a session of me is a self-assessment.
tui_wait "[self]" "self-assessment is preselected for me"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "q quits"

done_testing
