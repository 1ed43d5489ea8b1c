#!/bin/sh
# The commitments screen with hundreds of open commitments: End, PgUp,
# PgDn, Home and the `/` filter show the right rows, consecutive in the
# list's order (overdue first, then by due date, none last), across the
# places where that order goes from overdue to coming to undated.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-03-02
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
# 600 commitments, a seventh of them closed; ties on every day.  Each
# open one is then named after its place in the order the screen had
# before it paged by key ("Task 0001" first), so the rows on screen
# must be numbered without a gap.
"$SQLITE3" "$OWNIT_DB" "DELETE FROM commitment;
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
	SELECT i + 1 FROM n WHERE i < 600)
	INSERT INTO commitment (uuid, person_id, session_id, what, due,
	                        status, created)
	SELECT printf('00000000-0000-4000-8000-%012d', i), s.person_id, s.id,
	       'Closed', CASE WHEN i % 10 = 0 THEN NULL
	       WHEN i % 5 = 1 THEN date('$OWNIT_TODAY', '-' || (1 + i % 9)
	                                || ' days')
	       WHEN i % 5 = 2 THEN '$OWNIT_TODAY'
	       ELSE date('$OWNIT_TODAY', '+' || (i % 11) || ' days') END,
	       CASE WHEN i % 7 = 0 THEN 'kept' ELSE 'open' END,
	       '2026-01-01T00:00:00Z'
	FROM n, (SELECT id, person_id FROM session ORDER BY id LIMIT 1) s;
	UPDATE commitment SET what = (SELECT printf('Task %04d', r) FROM
	  (SELECT id, row_number() OVER (ORDER BY due < '$OWNIT_TODAY' DESC,
	   due IS NULL, due, id) AS r FROM commitment WHERE status = 'open') o
	  WHERE o.id = commitment.id) WHERE status = 'open'" ||
	fail "600 commitments added"
total=$("$SQLITE3" "$OWNIT_DB" \
	"SELECT count(*) FROM commitment WHERE status = 'open'")
last=$(printf %04d "$total")

# The "Task NNNN" numbers of the list's rows, one a line (the panel
# under the list, from its rule down, repeats the selected one).
shown() {
	tui_screen | sed -n '/^─ /q; s/.* Task \([0-9]\{4\}\).*/\1/p'
}
consecutive() {
	shown | awk 'NR > 1 && $1 != prev + 1 { bad = 1 } { prev = $1 }
		END { exit bad || NR < 3 }'
}
check_consecutive() {
	consecutive && pass "$1" || fail "$1" "$(tui_screen)"
}

tui_start 80x24 --
tui_wait "ownit · Home" "home is up"
tui_keys c
tui_wait "Task 0001" "the commitments screen starts at the first"
check_consecutive "the first page is consecutive"
tui_keys End
tui_wait "Task $last" "End shows the last open commitment"
is "$(shown | tail -1)" "$last" "on the last row"
check_consecutive "the last page is consecutive"
like "$(tui_screen | grep "Task $last")" "no date" "the last one has no date"
last_top=$(shown | head -1)
# The first PgUp takes the cursor to the top row, the second scrolls.
tui_keys PPage PPage
tui_poll "Task $(printf %04d $((${last_top#0} - 1)))" >/dev/null
check_consecutive "PgUp from the end: consecutive rows"
is "$(shown | tail -1)" "$last_top" \
	"PgUp shows the page above, overlapping by one row"
# Seven pages up crosses from the undated ones into the dated ones.
tui_keys PPage PPage PPage PPage PPage
tui_settle
check_consecutive "five more PgUp: still consecutive"
like "$(tui_screen | sed -n 3p)" "2026-" "dated rows above the undated"

tui_keys Home
tui_wait "Task 0001" "Home goes back to the first"
is "$(shown | head -1)" 0001 "on the top row"
# Nine pages down (of 14 rows: 24 lines less the title, the heads, the
# panel and the key line) cross from the overdue ones into the coming
# ones.
tui_keys NPage NPage NPage NPage NPage NPage NPage NPage NPage
tui_settle
check_consecutive "nine PgDn from the top: consecutive rows"
overdue=$("$SQLITE3" "$OWNIT_DB" "SELECT count(*) FROM commitment
	WHERE status = 'open' AND due < '$OWNIT_TODAY'")
[ "$overdue" -gt 14 ] && [ "$overdue" -lt $((8 * 14)) ] &&
	pass "the pages read crossed from overdue to coming" ||
	fail "the pages read crossed from overdue to coming" "$overdue"
is "$(tui_screen | grep -c '^ ! ')" 0 "no overdue mark down there"

tui_keys / 'k 012'
tui_wait "/ k 012" "the filter prompt takes the text"
tui_poll "Task 0129" >/dev/null
is "$(shown | tr '\n' ' ')" \
	"0120 0121 0122 0123 0124 0125 0126 0127 0128 0129 " \
	"the filter keeps the matches, in order"
tui_keys BSpace 3
tui_wait "Task 0139" "each keystroke filters again"
is "$(shown | head -1)" 0130 "from the first match"
tui_keys Enter End
tui_settle
is "$(shown | tail -1)" 0139 "End in the filtered list: its last match"
tui_keys PPage
tui_settle
is "$(shown | tr '\n' ' ')" \
	"0130 0131 0132 0133 0134 0135 0136 0137 0138 0139 " \
	"PgUp in the filtered list"
tui_keys Escape
tui_wait "Task 0001" "Esc clears the filter"
tui_keys Escape
tui_wait "ownit · Home" "Esc goes back home"
tui_keys q
tui_expect_exit 0 "q quits"

done_testing
