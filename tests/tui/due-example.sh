#!/bin/sh
# The example due date the commitment form and the renegotiate dialog
# show is a week from today, whatever today is, and typing it as shown
# is accepted; a date that does not parse names that same example.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}

# example_day TODAY EXAMPLE: one run of ownit with today fixed.
example_day() {
	rm -f "$OWNIT_DB"
	tui_start 100x30 OWNIT_TODAY="$1" -- --db "$OWNIT_DB"
	tui_first_session Zoë
	tui_keys Tab Tab Tab Tab
	tui_wait "Commitments made in this session" "$1: on to the commitments"
	tui_keys a
	tui_wait "Due ($2, +7d, +2w, mon..sun; empty for none)" \
		"$1: the form's example is $2, a week ahead"
	tui_keys 'Book the review' Tab Tab 'someday' Enter
	tui_wait "due date \"someday\" not understood: try $2, +7d" \
		"$1: a date that does not parse names the same example"
	tui_keys C-u "$2" Enter
	tui_wait "Commitments made in this session · 1" \
		"$1: the example typed as shown is accepted"
	is "$(db "SELECT due FROM commitment")" "$2" \
		"$1: and saved as that day"

	# The renegotiate dialog of the Commitments screen.
	tui_keys Escape
	tui_wait "Open commitments of Zoë" "$1: back home"
	tui_keys c
	tui_wait "ownit · Commitments" "$1: c opens the commitments"
	tui_keys r
	tui_wait "Due: $2, today, +7d, +2w or a weekday" \
		"$1: the dialog's example is $2 too"
	tui_keys "$2" Enter
	tui_wait "Renegotiated, now due $2." \
		"$1: the example typed as shown is accepted there"
	tui_keys Escape q
	tui_expect_exit 0 "$1: quit"
	tmux_ kill-session -t =t:
}

# After the day the old fixed example (2026-12-05) named, and in another
# month and year.
example_day 2026-12-10 2026-12-17
example_day 2027-02-25 2027-03-04

done_testing
