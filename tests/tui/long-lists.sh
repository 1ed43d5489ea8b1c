#!/bin/sh
# Home with thousands of people: End, PgUp, PgDn and the `/` filter show
# the right rows, consecutive and in name order, however the list was
# paged (by key position next to the rows shown, or from the end).
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
"$SQLITE3" "$OWNIT_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
	SELECT i + 1 FROM n WHERE i < 3000)
	INSERT INTO person (uuid, name, role, created)
	SELECT printf('00000000-0000-4000-8000-%012d', i),
	       printf('Person %04d', i), CASE WHEN i = 1234 THEN 'Ärztin'
	       END, '2026-01-01T00:00:00Z' FROM n" ||
	fail "3000 people added"

# The "Person NNNN" numbers on screen, one a line.
shown() { tui_screen | sed -n 's/^ *Person \([0-9]\{4\}\) .*/\1/p'; }
# consecutive: the numbers on screen follow each other with no gap.
consecutive() {
	shown | awk 'NR > 1 && $1 != prev + 1 { bad = 1 } { prev = $1 }
		END { exit bad || NR < 3 }'
}

tui_start 80x24 --
tui_wait "Amira Haddad" "home lists the people"
tui_keys End
tui_wait "Person 3000" "End shows the last person"
is "$(shown | tail -1)" 3000 "on the last row"
consecutive && pass "the last page is consecutive" ||
	fail "the last page is consecutive" "$(tui_screen)"
last_top=$(shown | head -1)
# The first PgUp takes the cursor to the top row, the second scrolls.
tui_keys PPage
tui_wait "Open commitments of Person $last_top" "PgUp: the top row"
tui_keys PPage
tui_poll "Person $(printf %04d $((${last_top#0} - 1)))" >/dev/null
consecutive && pass "PgUp from the end: consecutive rows" ||
	fail "PgUp from the end: consecutive rows" "$(tui_screen)"
is "$(shown | tail -1)" "$last_top" \
	"PgUp shows the page above, overlapping by one row"
tui_keys PPage PPage PPage PPage PPage
tui_settle
consecutive && pass "five more PgUp: still consecutive" ||
	fail "five more PgUp: still consecutive" "$(tui_screen)"

tui_keys Home
tui_wait "Amira Haddad" "Home goes back to the top"
tui_keys NPage NPage NPage NPage NPage NPage NPage NPage
tui_settle
consecutive && pass "eight PgDn from the top: consecutive rows" ||
	fail "eight PgDn from the top: consecutive rows" "$(tui_screen)"

tui_keys / 'ÄRZT'
tui_wait "Person 1234" "the filter finds a role in any letter case"
is "$(shown | wc -l | tr -d ' ')" 1 "and only that person"
tui_keys BSpace BSpace BSpace BSpace '299'
tui_wait "/ 299 " "each keystroke filters again"
is "$(shown | tr '\n' ' ')" "0299 1299 2299 2990 2991 2992 2993 2994 2995 2996 " \
	"the matches in name order, a screenful"
tui_keys Enter End
tui_wait "Person 2999" "End in the filtered list"
is "$(shown | tail -1)" 2999 "shows its last match"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "q quits"

done_testing
