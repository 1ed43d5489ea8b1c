#!/bin/sh
# Two ownit on one session: a note, an answer or a rating saved in one
# is never silently replaced by the other.  The second one to save over a change it has not
# seen says "changed elsewhere", keeps its text, and offers ^O (save mine
# over it) and ^R (show theirs); leaving with the text unsaved puts it in
# a private file named on exit.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')

# The second ownit (lib.sh's u_start, u_keys, u_wait) runs in tmux
# session "u" beside "t".
note() { db "SELECT coalesce((SELECT body FROM note), '(none)')"; }

tui_start 80x24 TMPDIR="$T_TMP" --
tui_first_session Kai
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
like "$(tmux_ capture-pane -p -J -t =t: | tr -d '\n')" \
	"your text is in $rescued" "and names the file that holds it"
is "$(cat "$rescued" 2>/dev/null)" "from A!? lost?" "the file holds A's text"
is "$(note)" "from A!?." "B's note stands"

u_keys Escape
u_wait "Open commitments of Kai" "B leaves the session"
u_keys q
u_wait "[exit 0]" "B quits"

# Answers and ratings: both open the session again and go to the red
# flags, each having read statement 1 unanswered.
tmux_ kill-session -t =t:
tmux_ kill-session -t =u:
answer() { db "SELECT coalesce((SELECT value FROM answer), '(none)')"; }
rating() {
	db "SELECT coalesce((SELECT value FROM rating), '(none)')"
}
tui_start 80x24 TMPDIR="$T_TMP" --
tui_wait "Open commitments of Kai" "A starts again"
tui_keys r
tui_wait "Notes" "A resumes at the note"
tui_keys BTab BTab BTab BTab BTab
tui_wait "flag 1/5 · statement 1/" "A goes back to the red flags"
u_start
u_wait "Open commitments of Kai" "B starts again"
u_keys r
u_wait "flag 1/5 · statement 1/" "B resumes where A is: the same statement"

tui_keys 3
tui_wait "flag 1/5 · statement 2/" "A answers statement 1 and moves on"
is "$(answer)" 3 "A's answer is in the database"
u_keys 1
u_wait "changed elsewhere: another ownit answered 3" \
	"B's answer over A's is refused: changed elsewhere"
u_wait "^O saves yours, 1" "and B is offered to save its own"
is "$(answer)" 3 "A's answer was not overwritten"
u_wait "flag 1/5 · statement 1/" "B stays on the statement"
u_keys C-o
u_wait "Your answer is saved over the other one" "^O saves B's answer"
is "$(answer)" 1 "the database has B's answer now"

tui_keys Left 4
tui_wait "another ownit answered 1" "A, behind again, sees B's answer"
tui_keys Right
tui_wait "flag 1/5 · statement 2/" "another key keeps theirs"
is "$(answer)" 1 "B's answer stands"
tui_keys C-o
tui_wait "nothing is waiting" "^O later has nothing to save"
is "$(answer)" 1 "so B's answer still stands"

tui_keys Tab
tui_wait "0/6 rated" "A goes on to the pillars"
u_keys Tab
u_wait "0/6 rated" "so does B"
tui_keys 2
tui_wait "1/6 rated" "A rates the first pillar"
is "$(rating)" 2 "A's rating is in the database"
u_keys 5
u_wait "changed elsewhere: another ownit rated it 2" \
	"B's rating over A's is refused: changed elsewhere"
is "$(rating)" 2 "A's rating was not overwritten"
u_keys C-o
u_wait "Your rating is saved over the other one" "^O saves B's rating"
is "$(rating)" 5 "the database has B's rating now"

# A commitment edited in both: the second edit to be saved is refused.
what() { db "SELECT coalesce((SELECT what FROM commitment), '(none)')"; }
tui_keys Tab Tab Tab
tui_wait "Commitments made in this session" "A goes on to the commitments"
tui_keys a
tui_wait "New commitment" "A adds one"
tui_keys 'Weekly update' Enter
tui_wait "Saved. a adds another" "A's commitment is saved"
u_keys Tab Tab Tab
u_wait "Weekly update" "B sees A's commitment"
tui_keys e
tui_wait "Edit commitment" "A opens it to edit"
u_keys e
u_wait "Edit commitment" "so does B"
u_keys End ' by Friday' Enter
u_wait_gone "Edit commitment" "B saves its edit"
is "$(what)" "Weekly update by Friday" "B's edit is in the database"
tui_keys End ' in writing' Enter
tui_wait "changed elsewhere: another ownit made it" \
	"A's edit over B's is refused: changed elsewhere"
tui_wait "Enter saves yours over it" "and A is offered to save its own"
is "$(what)" "Weekly update by Friday" "B's edit was not overwritten"
tui_keys Enter
tui_wait_gone "Edit commitment" "Enter again saves A's edit"
is "$(what)" "Weekly update in writing" "the database has A's edit now"

tui_keys Escape q
tui_wait "[exit 0]" "A quits"
u_keys Escape q
u_wait "[exit 0]" "B quits"
done_testing
