#!/bin/sh
# One review dialog: the session's follow-up step renegotiates with the
# same dialog as the Commitments screen (and it refuses a past day the
# same way), and asks the same "what helped?" question after y.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

run "$OWNIT" demo "$OWNIT_DB"
is "$status" 0 "a demo database is written"

tui_start 100x30 --
tui_wait "Open commitments of Amira Haddad" "home shows the demo people"
tui_keys r
tui_wait "Amira Haddad · coaching session" "r resumes Amira's open session"
tui_keys BTab BTab BTab BTab BTab BTab BTab BTab
tui_wait "y kept  p partly  m missed  r renegotiate" "Shift-Tab reaches the follow-up"
tui_keys r
tui_wait "today, +7d, +2w or a weekday" \
	"r in the follow-up opens the renegotiate dialog"
like "$(tui_screen)" "ownit · Renegotiate" "the same dialog as on the Commitments screen"
tui_keys 2020-01-01 Enter
tui_wait "2020-01-01 is in the past" "a past day is refused there"
tui_keys Escape
tui_wait_gone "ownit · Renegotiate" "Esc closes it"
tui_keys y
tui_wait "What helped?" "y asks what helped"
tui_keys Escape
tui_wait_gone "What helped?" "Esc keeps the review as it is"
tui_keys u q
tui_wait "Open commitments of Amira Haddad" "back home"

tui_keys c
tui_wait "ownit · Commitments" "c opens the commitments"
tui_keys r
tui_wait "today, +7d, +2w or a weekday" \
	"r there opens the very same dialog"
tui_keys Escape q q
tui_expect_exit 0 "quit"

done_testing
