#!/bin/sh
# The follow-up step of a second session, on a commitment whose owner is
# not the person coached: the renegotiate dialog names its owner, the row
# shows the new due date once renegotiated, and the key line offers u
# whenever the message tells to press it.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

tui_start 100x30 OWNIT_TODAY=2026-12-01 -- --db "$OWNIT_DB"
tui_first_session Zoë
tui_keys Tab Tab Tab Tab
tui_wait "Commitments made in this session" "on to the commitments"
tui_keys a
tui_wait "New commitment" "a opens the form"
tui_keys 'Ask Priya for the budget figures' Tab C-u Priya Tab 2026-12-08 Enter
tui_wait "Commitments made in this session · 1" "a commitment owned by Priya"
tui_keys Tab Tab
tui_wait "m mark complete" "on to the summary"
tui_keys m
tui_wait "Session marked complete." "the first session is complete"
tui_keys Escape
tui_wait "Open commitments of Zoë" "back home"
tui_keys n
tui_wait "New session" "n asks what kind of session"
tui_keys Enter
tui_wait "Commitments from earlier sessions · 1 to review" \
	"the second session starts at the follow-up"
tui_wait "y kept  p partly  m missed  r renegotiate  Tab" \
	"an open one offers the reviews, not u"

tui_keys r
tui_wait "ownit · Renegotiate" "r opens the renegotiate dialog"
tui_wait "Priya: Ask Priya for the budget figures" \
	"the dialog names the commitment's owner"
is "$(tui_screen | grep -c 'Zoë: Ask Priya')" 0 \
	"not the person coached, who does not own it"
tui_keys +2w Enter
tui_wait_gone "ownit · Renegotiate" "Enter saves the new date"
tui_wait "renegotiated Ask Priya for the budget figures" \
	"the row says renegotiated"
tui_wait "now due 2026-12-15 (was 2026-12-08) · Priya" \
	"and shows the new due date"
tui_wait "u undo  Tab next step" "the key line offers u"
tui_keys r
tui_wait "Already reviewed: u undoes it first." "r again points at u"
like "$(tui_screen | tail -1)" "^u undo " "which the key line shows"
tui_keys u
tui_wait "due 2026-12-08 · Priya" "u makes it open again, with its date"
tui_wait "y kept  p partly  m missed  r renegotiate  Tab" \
	"and the key line offers the reviews again"

tui_keys m
tui_wait "What got in the way?" "m asks what got in the way"
tui_keys Escape
tui_wait "y kept  p partly  m missed  w why  u undo  Tab" \
	"a missed one offers why and u, not r"
tui_keys r
tui_wait "Already reviewed: u undoes it first." "r points at u there too"
tui_keys u
tui_wait "y kept  p partly  m missed  r renegotiate  Tab" "u opens it again"
is "$("$SQLITE3" "$OWNIT_DB" "SELECT count(*) FROM commitment
	WHERE what = 'Ask Priya for the budget figures'")" 1 \
	"undoing the renegotiation took back the copy it made"
tui_keys Escape
tui_wait "Open commitments of Zoë" "Esc leaves the session"

# The Commitments screen opens the same dialog, headed the same way.
tui_keys c
tui_wait "ownit · Commitments" "c opens the commitments"
tui_keys r
tui_wait "ownit · Renegotiate" "r opens the dialog there"
tui_wait "Priya: Ask Priya" "the owner heads it there too"
tui_keys Escape q q
tui_expect_exit 0 "quit"

done_testing
