#!/bin/sh
# A team round by passing the keyboard: four members answer in turn (the
# round's figures are shown), a member's Esc throws away only their own
# answers, nothing of one member is on screen for the next, and a round
# of two shows no figure at all.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

: "${SQLITE3:?}"
export OWNIT_TODAY=2026-12-01
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}
n=$("$OWNIT" survey print --format csv | tail -n +2 | wc -l)
is "$n" 29 "29 team statements asked"

# member N VALUE: member N answers every statement with VALUE.
member() {
	tui_keys Enter
	answer_all "$@"
}

# answer_all N VALUE: the same once member N's first statement is asked.
answer_all() {
	tui_wait "Statement 1 of $n" "member $1: the first statement"
	i=1
	while [ $i -le "$n" ]; do
		tui_keys "$2"
		i=$((i + 1))
	done
	tui_wait "you answered $n of $n" "member $1: asked to confirm"
	tui_keys Enter
	tui_wait "Members who have answered so far: $1" "member $1: saved"
}

tui_start 100x30 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys t
tui_wait "Team round about Amira Haddad" "t opens a team round for the selected person"
tui_wait "Members who have answered so far: 0" "nobody has answered yet"

# Before the first member the round may get a label.
tui_keys Enter
tui_wait "Label this round (optional)" "the first Enter asks for a label"
tui_keys "Q4 retro"
tui_keys Enter
answer_all 1 1
like "$(tui_screen)" "Label: Q4 retro" "the label stays on the screen"
screen=$(tui_screen)
unlike "$screen" "Your answer|Statement [0-9]" \
	"between members nothing of the last member's answers is shown"

# The second member starts, answers a few, then throws them away.
tui_keys Enter
tui_wait "Statement 1 of $n" "member 2 starts"
tui_keys 4 4 4
tui_wait "Statement 4 of $n" "member 2 answers three"
tui_keys Left
tui_wait "Your answer: 4 Almost always" "Left goes back to their own last answer"
tui_keys Escape
tui_wait "Your answers were thrown away" "Esc discards the member's own answers"
tui_wait "Members who have answered so far: 1" "the first member's answers stay"
is "$(db "SELECT responses FROM team_round")" 1 "one response stored"
is "$(db "SELECT count(*) FROM team_tally WHERE value = 4")" 0 \
	"nothing of the discarded answers stored"
# Starting again, the screen remembers nothing of them.
tui_keys Enter
tui_wait "Statement 1 of $n" "member 2 starts again"
unlike "$(tui_screen)" "Your answer" "no answer carried over to the new start"
tui_keys Escape
tui_wait "Members who have answered so far: 1" "back between members"

member 2 2
member 3 3
member 4 3
is "$(db "SELECT responses FROM team_round")" 4 "four responses stored"
is "$(db "SELECT day FROM team_round")" 2026-12-01 "the round has a day only"
is "$(db "SELECT label FROM team_round")" "Q4 retro" "the round keeps its label"
is "$(db "SELECT group_concat(value || 'x' || count, ' ') FROM team_tally
	WHERE item_id = 'vague-updates-1'")" "1x1 2x1 3x2" \
	"answers kept as counts per value, no order"

tui_keys f
tui_wait "Team round about Amira Haddad: 4 responses" "f finishes the round"
# vague-updates: 4 warning statements answered 1, 2, 3, 3 and the reverse
# one counting 3, 2, 1, 1: 43 / 20 = 2.15, shown 2.1.
like "$(tui_screen | grep 'Vague or evasive updates')" \
	"Vague or evasive updates +2\.1 +0\.[0-9] (agree|mixed)" \
	"the team's score and spread shown"
like "$(tui_screen | grep 'Role-model behaviours')" "Role-model behaviours +[1-5]\.[0-9]" \
	"pillar evidence shown"
tui_keys Escape
tui_wait "ownit · Home" "Esc leaves the round"

# The results step of Amira's open session compares its radar with the
# team's view once t has gone past the previous session and the evidence.
tui_keys r
i=0
while [ $i -lt 10 ] && ! tui_screen | grep -q "t compare"; do
	tui_keys Tab
	tui_settle
	i=$((i + 1))
done
tui_wait "t compare" "the results step of Amira's open session"
i=0
while [ $i -lt 3 ] && ! tui_screen | grep -q "Team 2026-12-01 (4)"; do
	tui_keys t
	tui_settle
	i=$((i + 1))
done
tui_wait "Team 2026-12-01 (4)" "t compares the radar with the team's view"
# The red-flag bars carry the team's score as a second mark and say it
# with the spread (vague-updates: 2.15, shown 2.1).
like "$(tui_screen)" "team 2\.1 ±[0-9]\.[0-9]" \
	"the team's score and spread under the Vague updates bar"
like "$(tui_screen)" "━[━╋┼╸─]*◊[━╋┼╸─]* +[0-4]\.[0-9] " \
	"the team's mark on a bar's track"
tui_keys t
tui_wait_gone "Team 2026-12-01 (4)" "t again moves on from the team's view"
tui_keys Escape
tui_wait "ownit · Home" "back home from the session"

# A round of two: the figures are withheld, on screen and in the report.
tui_keys j t
tui_wait "Team round about Jonas Weiß" "a round for the next person"
tui_keys Enter
tui_wait "Label this round (optional)" "Jonas's round asks for a label too"
tui_keys Enter
answer_all 1 4
member 2 0
tui_keys f
tui_wait "Team round about Jonas Weiß: 2 responses" "the two-member round finishes"
tui_wait "Fewer than 3 responses: no team figure is shown" "figures withheld"
unlike "$(tui_screen)" "Vague or evasive updates" "no flag row at all"
tui_keys Escape
tui_wait "ownit · Home" "back home"
# History shows the team's rounds with their pillar figures, or withheld.
tui_keys h
tui_wait "Team rounds" "Jonas's history lists his team rounds"
like "$(tui_screen | grep ' 2026-12-01 ')" "2 resp\.  figures withheld \(fewer than 3\)" \
	"the two-member round shows no figure in the history"
unlike "$(tui_screen)" "Trend, " "one round: no trend line"
# A second round for Amira, from a forms tool a month earlier: her
# history sketches the team's evidence per pillar across the two.
printf '%s\n' "Timestamp,vague-updates-1,slow-escalation-1" \
	"2026/11/01 10:00:00,0,0" "2026/11/01 10:05:00,0,1" \
	"2026/11/01 10:09:00,0,0" >"$T_TMP/nov.csv"
"$OWNIT" --db "$OWNIT_DB" survey import "$T_TMP/nov.csv" \
	--person "Amira Haddad" --round "Nov pulse" --date 2026-11-01 \
	>/dev/null || fail "survey import"
tui_keys Escape k h
tui_wait "Sessions of Amira Haddad" "Amira's history"
like "$(tui_screen | grep 'Trend, ')" \
	"Trend, 2 rounds +Cla [^ ]{2} +Tru [^ ]{2} +Aut" \
	"two rounds with figures: the team's trend per pillar"
like "$(tui_screen | grep ' 2026-11-01 ')" "Nov pulse +3 resp\. +Cla 5\.0" \
	"the imported round's line"
like "$(tui_screen | grep ' 2026-12-01 ')" "Q4 retro +4 resp\. +Cla [1-5]\.[0-9] Tru [1-5]\.[0-9] Aut" \
	"the four-member round shows the team's view per pillar"
# The screen draws what it read on entering: a round imported while it
# is up changes nothing on a redraw (the draw asks the store nothing),
# and shows once the history is entered again.
like "$(tui_screen)" "Team rounds.*2 rounds, the team's view" "two rounds counted"
"$OWNIT" --db "$OWNIT_DB" survey import "$T_TMP/nov.csv" \
	--person "Amira Haddad" --round "Old pulse" --date 2025-01-15 \
	>/dev/null || fail "survey import while the history is up"
tui_keys j
tui_settle
like "$(tui_screen)" "Team rounds.*2 rounds, the team's view" \
	"a redraw shows what the screen read on entering"
unlike "$(tui_screen)" "Old pulse" "the round imported meanwhile not yet"
tui_keys Escape h
tui_wait "Old pulse" "entered again, the history reads the new round"
like "$(tui_screen)" "Team rounds.*3 rounds, the team's view" "three rounds counted"
like "$(tui_screen | grep 'Trend, ')" "Trend, 3 rounds " \
	"the trend takes in the new round"
# A label is cut to its twelve columns by characters, never inside one,
# and the columns after it stay in line.
"$OWNIT" --db "$OWNIT_DB" survey import "$T_TMP/nov.csv" \
	--person "Amira Haddad" --round "Équipe été, hiver" --date 2025-02-15 \
	>/dev/null || fail "survey import of a long accented label"
tui_keys Escape h
tui_wait "Équipe été," "entered again, the history shows the accented label"
line=$(tui_screen | grep ' 2025-02-15 ')
like "$line" "Équipe été,…  +3 resp\." "cut with an ellipsis at twelve columns"
unlike "$line" "$(printf '\357\277\275')" "no character broken into U+FFFD"
col() { printf '%s\n' "$1" | "$PYTHON3" -c 'import sys
print(sys.stdin.read().index("resp."))'; }
is "$(col "$line")" "$(col "$(tui_screen | grep ' 2026-11-01 ')")" \
	"its responses stand in the column of the other rounds'"
# Leaving before anyone answered leaves no round behind.
before=$(db "SELECT count(*) FROM team_round")
tui_keys Escape
tui_wait "ownit · Home" "home again"
tui_keys t
tui_wait "Members who have answered so far: 0" "a new round"
tui_keys Enter
tui_wait "Label this round (optional)" "the label is asked"
tui_keys "Never kept"
tui_keys Escape
tui_wait "Members who have answered so far: 0" "Esc on the label goes back"
unlike "$(tui_screen)" "Label: Never kept" "and keeps no label"
tui_keys Escape
tui_wait "ownit · Home" "left before anyone answered"
is "$(db "SELECT count(*) FROM team_round")" "$before" "no empty round stored"
tui_keys q
tui_expect_exit 0 "quit"
jonas=$(db "SELECT s.id FROM session s JOIN person p ON p.id = s.person_id
	WHERE p.name = 'Jonas Weiß' ORDER BY s.started DESC LIMIT 1")
run "$OWNIT" --db "$OWNIT_DB" report "$jonas"
like "$out" "Round of 2026-12-01 · 2 responses" "the report names the round"
like "$out" "Fewer than 3 responses: no team figure is shown" \
	"and withholds its figures"
is "$(db "SELECT count(*) FROM team_round
	WHERE label IS NULL AND responses = 2")" 1 \
	"a label left empty is stored as none"
amira=$(db "SELECT s.id FROM session s JOIN person p ON p.id = s.person_id
	WHERE p.name = 'Amira Haddad' ORDER BY s.started DESC LIMIT 1")
run "$OWNIT" --db "$OWNIT_DB" report "$amira"
like "$out" "Round of 2026-12-01 · Q4 retro · 4 responses" \
	"the report names the round by its label"

done_testing
