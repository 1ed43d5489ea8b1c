#!/bin/sh
# The export dialog's date range: a date field shows the whole date while
# typed and after, a range whose Since is later than its Until is refused
# before anything is written, and a day that is none is reported before
# asking to replace a file that exists.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-11-23
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
out="$T_TMP/range.csv"
echo "kept" >"$out"

tui_start 100x30 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys x
tui_wait "Export sessions" "x opens the export dialog"
tui_keys Tab 2026-11-20
tui_wait "Since        2026-11-20" "the whole date shows while it is typed"
is "$(tui_screen | grep -c '10/10')" 0 "with no count beside it"
tui_keys Tab 2026-11-01
tui_wait "Until        2026-11-01" "the next date shows whole too"
tui_wait "Since        2026-11-20" "and the first one still does"

tui_keys Tab Tab C-u "$out" Enter
tui_wait "Since 2026-11-20 is later than Until 2026-11-01" \
	"a range with Since after Until is refused"
is "$(cat "$out")" kept "nothing is written"
is "$(tui_screen | grep -c 'Enter again replaces it')" 0 \
	"and replacing the file is not asked"

# Focus is on Since now: the range mended, Until made a day that is none.
tui_keys C-u 2026-10-01 Tab C-u 2026-13-01 Enter
tui_wait 'Until: "2026-13-01" is not a day' \
	"a day that is none is reported first"
is "$(tui_screen | grep -c 'Enter again replaces it')" 0 \
	"before asking to replace the file"
is "$(cat "$out")" kept "the file is left alone"

tui_keys C-u 2026-11-30 Enter
tui_wait "exists: Enter again replaces it." "a good range asks to replace the file"
tui_keys Enter
tui_wait "Wrote " "Enter again writes it"
like "$(head -1 "$out")" "^session_id,person," "the file is the export"
tui_keys Escape q
tui_expect_exit 0 "quit"

done_testing
