#!/bin/sh
# The commitments screen on a seeded database: overdue first, a status
# change with what helped or what got in the way and what will change,
# and a renegotiation reach the database, outside any session; undo.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-03-02
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}
# The store's order: overdue first, then by due date.
first=$(db "SELECT id FROM commitment WHERE status = 'open'
	ORDER BY due < '$OWNIT_TODAY' DESC, due, id LIMIT 1")
what=$(db "SELECT what FROM commitment WHERE id = $first")
who=$(db "SELECT p.name FROM commitment c JOIN person p
	ON p.id = c.person_id WHERE c.id = $first")
open_before=$(db "SELECT count(*) FROM commitment WHERE status = 'open'")

tui_start 140x30 TERM=xterm-256color -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys c
tui_wait "ownit · Commitments" "c opens the commitments screen"
# what may hold characters a regular expression would read as operators.
what_re=$(printf '%s' "$what" | sed 's/[][\\.*^$()+?{}|]/\\&/g')
like "$(tui_screen | sed -n 3p)" "^ ! [0-9-]{10}  $who +$what_re" \
	"the first row is the most overdue, marked !"
is "$(tui_screen | grep -c '^ ! ')" \
	"$(db "SELECT count(*) FROM commitment WHERE status = 'open'
		AND due < '$OWNIT_TODAY'")" "every overdue one is marked"

# Under the list, the selected commitment whole: whose it is, when it is
# due, and every word the list's column cut off.
like "$(tui_screen | grep -E '^─ Overdue ')" \
	"^─ Overdue  due [0-9-]{10} · $who " "the panel heads the selected one"
long='Write down the decision rights for the release process, share them with the whole team, collect every objection in one place and settle them before the planning'
last=$(db "SELECT id FROM commitment WHERE status = 'open'
	ORDER BY due < '$OWNIT_TODAY' DESC, due, id LIMIT 1 OFFSET 2")
db "UPDATE commitment SET what = '$long', owner = 'Priya Raman'
	WHERE id = $last"
tui_keys Escape c
tui_wait "ownit · Commitments" "the screen opens again"
tui_keys j j
tui_wait "owner Priya Raman" "the panel names another owner"
is "$(tui_screen | sed -n '/^─ /,$p' | sed -n '2,5p' | sed 's/^  //' |
	tr '\n' ' ' | sed 's/ *$//')" "$long" \
	"it shows the commitment the list cut short, whole"
tui_keys k k
tui_keys k
sleep 0.3
is "$(db "SELECT status FROM commitment WHERE id = $first")" open \
	"k moves up, as everywhere; it marks nothing"
tui_keys y
tui_wait "Marked kept" "y marks the first one kept"
tui_wait "What helped?" "and asks what helped"
tui_keys 'A fixed slot on Mondays' Enter
tui_wait_gone "What helped?" "the answer is saved"
is "$(db "SELECT status || '|' || helped FROM commitment WHERE id = $first")" \
	"kept|A fixed slot on Mondays" "the database says kept, and what helped"
is "$(db "SELECT reviewed_session_id IS NULL AND reviewed IS NOT NULL
	FROM commitment WHERE id = $first")" 1 \
	"recorded outside any session, with its time"
is "$(db "SELECT count(*) FROM commitment WHERE status = 'open'")" \
	$((open_before - 1)) "one fewer open"
tui_keys u
tui_wait "Open again." "u undoes it"
is "$(db "SELECT status || '|' || coalesce(helped, '-') FROM commitment
	WHERE id = $first")" "open|-" "the database says open again"
tui_keys m
tui_wait "Marked missed" "m marks it missed"
tui_wait "What got in the way?" "and asks what got in the way"
tui_wait "What will you do differently?" "and what will change"
tui_keys 'Two incidents' Tab 'Say so the day it slips' Enter
tui_wait_gone "What got in the way?" "the answers are saved"
is "$(db "SELECT status || '|' || obstacle || '|' || differently
	FROM commitment WHERE id = $first")" \
	"missed|Two incidents|Say so the day it slips" \
	"the database says missed, with both answers"

second=$(db "SELECT id FROM commitment WHERE status = 'open'
	ORDER BY due < '$OWNIT_TODAY' DESC, due, id LIMIT 1")
tui_keys r
tui_wait "New due date" "r asks for a new due date"
tui_keys 'someday' Enter
tui_wait 'due date "someday" not understood' "a bad date is explained"
tui_keys C-u '+7d' Tab 'the audit took all week' Tab 'flag it a week ahead' \
	Enter
tui_wait "Renegotiated, now due 2026-03-09." "+7d counts from today"
is "$(db "SELECT status || '|' || obstacle || '|' || differently
	FROM commitment WHERE id = $second")" \
	"renegotiated|the audit took all week|flag it a week ahead" \
	"the old one is closed as renegotiated, with what got in the way"
is "$(db "SELECT count(*) FROM commitment WHERE status = 'open'
	AND due = '2026-03-09' AND id > $second AND what =
	(SELECT what FROM commitment WHERE id = $second)")" 1 \
	"a new open one has the new date"

tui_keys / 'nothing like this'
tui_wait "No open commitment matches the filter." "/ filters"
tui_keys Escape
tui_wait_gone "No open commitment matches" "Esc clears the filter"
tui_keys Escape
tui_wait "ownit · Home" "Esc goes back home"

# The follow-up made here counts for the person's next session: its
# follow-up step lists it as reviewed, like one made in the step itself.
tui_keys / "$who" Enter
tui_poll "$who" >/dev/null
open_now=$(db "SELECT count(*) FROM session s JOIN person p
	ON p.id = s.person_id WHERE p.name = '$who' AND s.status = 'open'")
tui_keys n
if [ "$open_now" -gt 0 ]; then
	# With an open session, n asks first; n again starts a new one.
	tui_wait "has an open session" "n asks about the open session first"
	tui_keys n
fi
tui_wait "New session" "n offers a new session for $who"
tui_keys Enter
tui_poll "coaching session" >/dev/null
tui_keys BTab BTab BTab BTab BTab BTab BTab
tui_wait "Commitments from earlier sessions" "the follow-up step opens"
tui_wait "(on the Commitments screen)" \
	"the miss recorded on the Commitments screen is listed"
tui_wait "in the way: Two incidents" "with what got in the way"
is "$(db "SELECT count(*) FROM commitment WHERE id = $first
	AND reviewed_session_id IS NULL AND status = 'missed'")" 1 \
	"still recorded outside any session"
tui_keys Escape
tui_wait "ownit · Home" "Esc leaves the session"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
