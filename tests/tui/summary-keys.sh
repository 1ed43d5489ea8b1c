#!/bin/sh
# The summary's m says what it will do: reopen a completed session, mark
# an open one complete; on the summary history opens and on the session's
# own summary step alike, and again after each press.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-03-02
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}
pid=$(db "SELECT id FROM person ORDER BY name COLLATE NOCASE LIMIT 1")
# The newest complete session has a day of its own (history.sh).
sid=$(db "SELECT id FROM session WHERE person_id = $pid AND
	status = 'complete' ORDER BY started DESC LIMIT 1")
day=$(db "SELECT date(started) FROM session WHERE id = $sid")
status() {
	db "SELECT status FROM session WHERE id = $sid"
}

tui_start 100x30 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys h
tui_wait "Pillar trends" "h opens the history"
tui_keys / "$day" Enter Enter
tui_wait "ownit · Session summary" "Enter opens the completed session"
tui_wait "Esc back  m reopen  x export" "m offers to reopen it"
tui_keys m
tui_wait "Session open again." "m reopens it"
tui_wait "Esc back  m mark complete  x export" "now m offers to mark it complete"
is "$(status)" open "the database says open"
tui_keys m
tui_wait "Session marked complete." "m marks it complete again"
tui_wait "Esc back  m reopen  x export" "and m offers to reopen it again"
is "$(status)" complete "the database says complete"
tui_keys '?'
tui_wait "open the session again (m again marks it" "help says what m does now"
tui_keys Escape Escape
tui_wait "ownit · History" "back to the history"
# Esc clears the filter first, then leaves.
tui_keys Escape Escape
tui_wait "ownit · Home" "back home"

# The summary step of the session being resumed.
tui_keys r
tui_wait "coaching session · started" "r resumes the open session"
tui_keys Tab Tab Tab Tab Tab Tab Tab
tui_wait "m mark complete  x export" "its summary step offers to mark it complete"
tui_keys m
tui_wait "Session marked complete." "m marks it complete"
tui_wait "m reopen  x export" "then m offers to reopen it"
tui_keys BTab
tui_wait_gone "m reopen" "Shift-Tab leaves the summary"
tui_keys Tab
tui_wait "m reopen  x export" "and the summary still offers to reopen it"
tui_keys m
tui_wait "Session open again." "m reopens it"
tui_wait "m mark complete  x export" "and offers to mark it complete again"
tui_keys Escape
tui_wait "ownit · Home" "Esc leaves the session"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
