#!/bin/sh
# An interrupted session: ownit killed with SIGKILL in the middle of the
# red-flag diagnostic keeps every answer given, and resumes where it was.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
# The statements the diagnostic asks (retired ones are not asked).
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')

tui_start 80x24 --
tui_first_session Kai
tui_keys 4 3 2 1 0 1 2
tui_wait "7/$ITEMS rated" "seven statements rated"
tui_keys n
tui_poll "Note on this statement" >/dev/null
tui_keys 'said twice – ü' Enter
tui_wait "Note: said twice – ü" "a note on the eighth statement"

kill -9 "$(tui_pid)"
tui_wait "[exit 137]" "ownit is killed with SIGKILL"
is "$(db "SELECT count(*) FROM answer WHERE value >= 0")" 7 \
	"all seven answers are in the database"
is "$(db "SELECT group_concat(value, '') FROM (SELECT value FROM answer
	WHERE value >= 0 ORDER BY rowid)")" 4321012 "with their values"
is "$(db "SELECT note FROM answer WHERE note IS NOT NULL")" \
	"said twice – ü" "the note too"
is "$(db "SELECT status FROM session")" open "the session is still open"

tmux_ kill-session -t =t:
tui_start 80x24 --
tui_wait "Open commitments of Kai" "ownit starts again"
tui_keys r
tui_wait "7/$ITEMS rated" "r resumes the session with its answers"
tui_wait "Note: said twice – ü" "at the first unanswered statement"
tui_keys Left
tui_wait "2  Sometimes       ● your answer" \
	"an answered statement shows its value when revisited"
tui_keys Right 3
tui_wait "8/$ITEMS rated" "rating goes on where it stopped"
tui_keys Escape
tui_wait "Open commitments of Kai" "Esc leaves the session"
is "$(db "SELECT status FROM session")" open "and it stays open"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
