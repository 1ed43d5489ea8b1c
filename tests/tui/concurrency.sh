#!/bin/sh
# Two ownit on one session: a note saved in one is never silently
# replaced by the other.  The second one to save over a change it has not
# seen says "changed elsewhere", keeps its text, and offers ^O (save mine
# over it) and ^R (show theirs); leaving with the text unsaved puts it in
# a private file named on exit.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')

# The second ownit runs in a tmux session "u" beside lib.sh's "t".
u_start() {
	tmux_ new-session -d -s u -x 80 -y 24 \
		env TMPDIR="$T_TMP" "$T_TMP/pane.sh" "$OWNIT" "$@"
}
u_screen() { tmux_ capture-pane -p -t u; }
u_keys() { tmux_ send-keys -t u "$@"; }
u_wait() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while [ "$(date +%s)" -le "$deadline" ]; do
		if u_screen | grep -qF -- "$1"; then
			pass "$2"
			return
		fi
		sleep 0.05
	done
	fail "$2" "waited ${TUI_TIMEOUT}s for: $1" "screen:" "$(u_screen)"
}
note() { db "SELECT coalesce((SELECT body FROM note), '(none)')"; }

tui_start 80x24 TMPDIR="$T_TMP" --
tui_wait "add the first person you coach" "first run"
tui_keys a
tui_wait "Add a person" "the person form"
tui_keys 'Kai' Enter
tui_wait "Open commitments of Kai" "a person is added"
tui_keys n
tui_wait "New session" "n asks what kind of session"
tui_keys Enter
tui_wait "flag 1/5 · statement 1/" "the session starts at the red flags"
tui_keys Tab Tab Tab Tab Tab
tui_wait "Type the notes" "five Tabs reach the notes"
tui_keys 'from A'
tui_wait "saved " "the first ownit saves its note"
is "$(note)" "from A" "the note is in the database"

u_start
u_wait "Open commitments of Kai" "a second ownit on the same database"
u_keys r
u_wait "from A" "it resumes the session at the note, with A's text"
u_keys End ' and B'
u_wait "saved " "the second ownit saves its addition"
is "$(note)" "from A and B" "the database has B's text"

tui_keys '!'
tui_wait "changed elsewhere" "A's next save sees the change: changed elsewhere"
tui_wait "^O saves yours over it" "and the status line offers the way out"
is "$(note)" "from A and B" "B's text was not overwritten"
tui_keys '?'
sleep 1
is "$(note)" "from A and B" "nor by the next autosave"

tui_keys C-o
tui_wait "Your note is saved over the other change" "^O saves A's text"
is "$(note)" "from A!?" "the database has A's text now"

u_keys '#'
u_wait "changed elsewhere" "now B's save sees A's change"
u_keys C-r
u_wait "from A!?" "^R shows the other text in B"
u_keys '.'
u_wait "saved " "and B can save again"
is "$(note)" "from A!?." "B's edit of A's text is in"

# A is stale again; it leaves without saving over B: the text is rescued.
tui_keys ' lost?'
tui_wait "changed elsewhere" "A sees the change again"
tui_keys Escape
tui_wait "Open commitments of Kai" "A leaves the session"
tui_keys q
tui_wait "[exit 0]" "A quits"
tui_wait "could not be saved (another ownit changed it)" \
	"on exit A says its note was not saved"
rescued=$(ls "$T_TMP"/ownit-note-session-* 2>/dev/null | head -1)
# The message is long: joined back from the rows the pane wrapped it into.
like "$(tmux_ capture-pane -p -J -t t | tr -d '\n')" \
	"your text is in $rescued" "and names the file that holds it"
is "$(cat "$rescued" 2>/dev/null)" "from A!? lost?" "the file holds A's text"
is "$(note)" "from A!?." "B's note stands"

u_keys Escape
u_wait "Open commitments of Kai" "B leaves the session"
u_keys q
u_wait "[exit 0]" "B quits"
done_testing
