#!/bin/sh
# ownit report SESSION: the summary page of a seeded session, found by
# number, uuid or uuid prefix; width, ASCII, colour and errors.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

: "${SQLITE3:?}" "${PYTHON3:?}"
T=$T_TMP
db=$T/demo.db
"$OWNIT" demo "$db" >/dev/null || fail "demo database made"
# The first coaching session with every section: a ladder, a note, earlier
# commitments followed up and a session before it (the demo's random draws
# move with the content, so the number is looked up, not assumed).
sid=$("$SQLITE3" "$db" "SELECT s.id FROM session s WHERE s.kind = 'coaching'
  AND EXISTS (SELECT 1 FROM ladder WHERE session_id = s.id)
  AND EXISTS (SELECT 1 FROM note WHERE session_id = s.id)
  AND EXISTS (SELECT 1 FROM commitment WHERE reviewed_session_id = s.id)
  AND EXISTS (SELECT 1 FROM session p WHERE p.person_id = s.person_id
    AND p.started < s.started)
  ORDER BY s.id LIMIT 1")
[ -n "$sid" ] || fail "the demo has a session with every section"
"$SQLITE3" "$db" "UPDATE note SET body = 'Line one, with \"quotes\"' ||
  char(10) || 'esc ' || char(27) || '[31m red and a bell ' || char(7)
  WHERE session_id = $sid"

# The session the report is about.
uuid=$("$SQLITE3" "$db" "SELECT uuid FROM session WHERE id = $sid")
name=$("$SQLITE3" "$db" "SELECT p.name FROM session s JOIN person p
  ON p.id = s.person_id WHERE s.id = $sid")
started=$("$SQLITE3" "$db" "SELECT replace(substr(started, 1, 16), 'T', ' ')
  FROM session WHERE id = $sid")

run "$OWNIT" --db "$db" report $sid
is "$status" 0 "report by number"
is "$(printf '%s\n' "$out" | head -n 1)" \
	"$name · Coaching session, $started" "first line: person, kind, date"
like "$out" "Session $sid · $uuid" "the session's id and uuid"
for heading in "Follow-up of earlier commitments" \
	"Red flags (0 never .. 4 almost always)" "Pillars (1 .. 5)" \
	"Strongest signals" "Rating vs reported behaviour" \
	"Accountability ladder" "Commitments" "Notes"; do
	if printf '%s\n' "$out" | grep -qxF "$heading"; then
		pass "section: $heading"
	else
		fail "section: $heading"
	fi
done
like "$out" "Previous 20[0-9-]*" "the radar compares with the previous session, named by its day"
like "$out" "^Connection to vision +[0-9]\\.[0-9] +[0-9]\\.[0-9] +[-+ ][0-9]\\.[0-9]$" \
	"numbers table under the chart"
like "$out" "^1\\. .*: [0-9]\\.[0-9] · " "strongest signal with its score and band"
like "$out" "[━─╸] [0-4]\\.[0-9] (Few signs|Worth a look|Discuss first)\$" \
	"every red-flag bar ends in its status word"
like "$out" "^┼ marks where a band starts: Worth a look from 1\\.5, Discuss first from 2\\.5\$" \
	"the tick marks are explained under the bars"
unlike "$out" "[Pp]erception gap" "the name perception gap is not used"
# A note taken on a statement during the diagnostic is part of the
# session's record: under Notes, after the statement it was taken on.
"$SQLITE3" "$db" "UPDATE answer SET note = 'Twice in the release retro'
  WHERE session_id = $sid AND item_id = (SELECT min(item_id) FROM answer
  WHERE session_id = $sid)"
stmt=$("$SQLITE3" "$db" "SELECT statement FROM answer WHERE session_id = $sid
  AND note = 'Twice in the release retro'")
run "$OWNIT" --db "$db" report --width 400 $sid
notes=$(printf '%s\n' "$out" | sed -n '/^Notes$/,$p')
like "$notes" "^  On \"$(printf '%s' "$stmt" | sed 's/[][\.*^$()+?{}|]/\\&/g')\":\$" \
	"a statement's note is under Notes, after its statement"
like "$notes" "^    Twice in the release retro\$" "with the note itself"
like "$out" "^  Pillar +Rating +Behaviour +Gap$" \
	"each pillar's rating against the reported behaviour"
# Each signal: its summary, practices with their actions, and its
# self-checks ranked, none for regulated settings unless marked so.
like "$out" "^     • Name the decisions the owner can take without asking you$" \
	"practice actions are listed"
like "$out" "^   Pillar: Clarity\\. Everyone knows the outcome" \
	"the pillars a signal points to, with their summaries"
like "$out" "^     1\\. Habits: When I ask for an update" \
	"vague updates: the most relevant self-check first, with its topic"
like "$out" "^     1\\. Habits: Have I added approvals or sign-offs" \
	"missed commitments: its own first self-check"
unlike "$out" "Regulated" "no regulated-setting checks for this person"
"$SQLITE3" "$db" "UPDATE person SET regulated = 1 WHERE id = (SELECT
  person_id FROM session WHERE id = $sid)"
run "$OWNIT" --db "$db" report $sid
like "$out" "^Coach: .* · Regulated setting · " "the header says regulated setting"
like "$out" "^     1\\. Regulated: Which boundaries are truly non-negotiable" \
	"vague updates: the regulated check leads for a regulated person"
like "$out" "^     1\\. Regulated: Inside those boundaries, how much freedom" \
	"missed commitments: so does its regulated check"
"$SQLITE3" "$db" "UPDATE person SET regulated = 0"
run "$OWNIT" --db "$db" report $sid
like "$out" "^  Line one, with \"quotes\"$" "note text kept"
situation=$("$SQLITE3" "$db" "SELECT substr(situation, 1, 30) FROM ladder
  WHERE session_id = $sid")
like "$out" "Situation: $situation" "the ladder's situation"
printf '%s\n' "$out" >"$T/r80.txt"
run "$PYTHON3" -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
assert all(len(l) <= 80 for l in text.splitlines()), max(map(len, text.splitlines()))
assert not any(ord(c) < 32 and c != "\n" for c in text), "control character"
' "$T/r80.txt"
is "$status" 0 "80 columns, no control characters (from the note either)"

run "$OWNIT" --db "$db" report "$uuid"
is "$(printf '%s\n' "$out" | head -n 3)" "$(head -n 3 "$T/r80.txt")" "report by uuid"
prefix=$(printf '%s' "$uuid" | cut -c1-8 | tr a-f A-F)
run "$OWNIT" --db "$db" report "$prefix"
is "$status" 0 "report by uuid prefix, any letter case"
is "$(printf '%s\n' "$out" | head -n 3)" "$(head -n 3 "$T/r80.txt")" "same session"

run "$OWNIT" --db "$db" report --width 120 "$sid"
is "$status" 0 "--width 120"
printf '%s\n' "$out" >"$T/r120.txt"
run "$PYTHON3" -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert max(map(len, lines)) <= 120 and max(map(len, lines)) > 80
' "$T/r120.txt"
is "$status" 0 "lines use the wider width"

run "$OWNIT" --db "$db" --ascii report $sid
is "$status" 0 "--ascii"
printf '%s\n' "$out" >"$T/ascii.txt"
if LC_ALL=C grep -q '[^ -~]' "$T/ascii.txt"; then
	fail "ASCII mode writes printable ASCII only"
else
	pass "ASCII mode writes printable ASCII only"
fi

# Colour only on a terminal, and never with NO_COLOR or --no-color.
run "$OWNIT" --db "$db" report $sid
unlike "$out" "$(printf '\033')" "no colour into a pipe"
script -qec "\"$OWNIT\" --db \"$db\" report $sid" /dev/null >"$T/tty.txt" 2>&1
if grep -q "$(printf '\033\\[')" "$T/tty.txt"; then
	pass "colour on a terminal"
else
	fail "colour on a terminal"
fi
NO_COLOR=1 script -qec "\"$OWNIT\" --db \"$db\" report $sid" /dev/null \
	>"$T/nc.txt" 2>&1
if grep -q "$(printf '\033\\[')" "$T/nc.txt"; then
	fail "NO_COLOR turns colour off"
else
	pass "NO_COLOR turns colour off"
fi
script -qec "\"$OWNIT\" --db \"$db\" report --no-color $sid" /dev/null \
	>"$T/nc2.txt" 2>&1
if grep -q "$(printf '\033\\[')" "$T/nc2.txt"; then
	fail "--no-color turns colour off"
else
	pass "--no-color turns colour off"
fi

# An open session without ratings still reports.
run "$OWNIT" --db "$db" report 7
is "$status" 0 "open session"
like "$out" "Open \\(not marked complete\\)" "open session says so"

# Errors.
run "$OWNIT" --db "$db" report 999
is "$status" 2 "unknown session exits 2"
is "$err" 'ownit: report: no session "999" (see ownit list sessions)' \
	"unknown session named"
run "$OWNIT" --db "$db" report ffffffff
is "$status" 2 "unknown uuid exits 2"
run "$OWNIT" --db "$db" report
is "$status" 2 "no session given exits 2"
run "$OWNIT" --db "$db" report --width 30 "$sid"
is "$status" 2 "too narrow exits 2"
like "$err" "^ownit: --width: 30 is outside 40\.\.400" "width range named"
run "$OWNIT" --db "$db" report --width 80x "$sid"
is "$status" 2 "a width with letters exits 2"
like "$err" "^ownit: --width: '80x' is not a whole number" \
	"the same words as every number option"
run "$OWNIT" --db "$T/none.db" report 1
is "$status" 2 "a missing database is refused"
is "$out" "" "nothing on stdout when it fails"

# A broken content folder: each problem is printed once.  One problem is
# the message itself; more are listed, then counted.
broken_content() { # DIR LINE...: content/ with those items.csv lines broken
	dir=$1
	shift
	cp -r "$OWNIT_SRCDIR/content" "$dir"
	chmod -R u+w "$dir"
	for l in "$@"; do
		sed -i "${l}s/^\([^,]*\),[^,]*,/\1,no-such-flag,/" "$dir/items.csv"
	done
}
broken_content "$T/one-bad" 2
run env OWNIT_CONTENT="$T/one-bad" "$OWNIT" --db "$db" report "$sid"
is "$status" 2 "one content problem: exits 2"
is "$err" "ownit: $T/one-bad/items.csv:2:2: unknown red flag \"no-such-flag\" (not in $T/one-bad/redflags.csv)" \
	"one content problem: printed once"
ln=$(grep -n '^not-my-job-' "$OWNIT_SRCDIR/content/items.csv" | head -1 | cut -d: -f1)
broken_content "$T/two-bad" 3 "$ln"
run env OWNIT_CONTENT="$T/two-bad" "$OWNIT" --db "$db" report "$sid"
is "$status" 2 "two content problems: exits 2"
is "$(printf '%s\n' "$err" | grep -c 'items.csv:3:2: unknown red flag')" 1 \
	"two content problems: the first printed once"
is "$(printf '%s\n' "$err" | grep -c "items.csv:$ln:2: unknown red flag")" 1 \
	"two content problems: the second printed once"
is "$(printf '%s\n' "$err" | tail -1)" "ownit: content not loaded: 2 errors (listed above)" \
	"two content problems: counted at the end"
# demo prints no list: its one line counts the rest, in good English.
run env OWNIT_CONTENT="$T/two-bad" "$OWNIT" demo "$T/broken-content.db"
is "$status" 2 "demo on broken content exits 2"
like "$err" "items\.csv:3:2: unknown red flag .* \\(and 1 more error\\)$" \
	"one more error, singular"

done_testing
