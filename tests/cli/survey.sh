#!/bin/sh
# ownit survey: the team statements out to a forms tool, and the responses
# it exports read back into an anonymous team round.  The two fixtures
# follow the tools' documented exports: Google Forms ("Timestamp", the
# respondent's "Email Address" when collected, then one column per question
# headed by its title, answers as the option's label) and LimeSurvey
# (id, submitdate, lastpage, startlanguage, seed, then question codes,
# answers as answer codes; an unfinished response has no submitdate).
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

: "${SQLITE3:?}" "${PYTHON3:?}"
T=$T_TMP
fix=$OWNIT_SRCDIR/tests/cli/survey
export OWNIT_TODAY=2026-12-01
db=$T/team.db
"$OWNIT" demo "$db" >/dev/null || fail "demo database made"
q() {
	"$SQLITE3" "$db" "$1"
}
rounds() {
	q "SELECT count(*) FROM team_round"
}

# ---------------------------------------------------------------- print
run "$OWNIT" survey print
is "$status" 0 "survey print exits 0"
like "$out" "^ 1\. vague-updates-1$" "text lists each statement with its id"
like "$out" "^    In our team, our leader says so openly when they got something wrong\.$" \
	"text holds the team-only statements"
like "$out" "0 Never 1 Rarely 2 Sometimes 3 Often 4 Almost always" \
	"text gives the scale"
is "$(printf '%s\n' "$out" | grep -c '^ *[0-9]*\. ')" 29 "29 statements asked"

run "$OWNIT" survey print --format csv
is "$status" 0 "survey print --format csv exits 0"
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "id,code,statement" "csv header"
like "$out" '^leader-sets-bounds,leadersetsbounds,"In our team, our leader says what' \
	"csv row: id, code without dashes, quoted wording"
is "$(printf '%s\n' "$out" | wc -l)" 30 "csv: header and 29 rows"

run "$OWNIT" survey print --format xml
is "$status" 2 "unknown --format exits 2"
like "$err" 'not "xml"' "unknown --format named"

# ------------------------------------------------------ Google Forms import
run "$OWNIT" --db "$db" survey import "$fix/google-forms.csv" \
	--person "amira haddad" --round "Q4 retro"
is "$status" 0 "Google Forms export imports"
is "$out" "team round for amira haddad, Q4 retro: 4 responses to 11 statements imported; 2 other columns ignored" \
	"import says what it kept and ignored"
is "$(q "SELECT p.name, r.day, r.label, r.responses FROM team_round r
	JOIN person p ON p.id = r.person_id")" \
	"Amira Haddad|2026-12-01|Q4 retro|4" "round: leader, day only, label, responses"
is "$(q "SELECT group_concat(value || 'x' || count, ' ') FROM team_tally
	WHERE item_id = 'vague-updates-1'")" "2x1 3x2 4x1" \
	"answers kept as counts per value"
is "$(q "SELECT sum(count) FROM team_tally WHERE item_id = 'slow-escalation-1'")" 3 \
	"an empty cell is no answer"
# Nothing of the ignored columns, nor any time, is in the database.
"$SQLITE3" "$db" .dump >"$T/dump.sql"
unlike "$(cat "$T/dump.sql")" "example\.org|9:14:03|GMT" \
	"no e-mail address or timestamp stored"
is "$(q "SELECT count(*) FROM pragma_table_info('team_tally')
	WHERE name IN ('respondent', 'answered', 'created')")" 0 \
	"tallies have no respondent or time column"

# --------------------------------------------------------- LimeSurvey import
run "$OWNIT" --db "$db" survey import "$fix/limesurvey.csv" \
	--person "Jonas Weiß" --date 2026-11-29
is "$status" 0 "LimeSurvey export imports"
like "$out" "3 responses to 6 statements imported; 5 other columns ignored; rows with no answer skipped" \
	"the unfinished response is not counted"
is "$(q "SELECT r.day, r.label IS NULL, r.responses FROM team_round r
	JOIN person p ON p.id = r.person_id WHERE p.name = 'Jonas Weiß'")" \
	"2026-11-29|1|3" "round dated by --date, no label"
is "$(q "SELECT group_concat(value || 'x' || count, ' ') FROM team_tally
	WHERE item_id = 'leader-asks-approval'")" "1x2 2x1" \
	"question codes matched to statements"
unlike "$(q "SELECT group_concat(statement) FROM team_tally")" "1184529|submitdate" \
	"no LimeSurvey bookkeeping stored"

# ------------------------------------------------- report and summary CSV
# Amira's latest session (2026-11-29) sits beside the round of 2026-12-01.
amira=$(q "SELECT s.id FROM session s JOIN person p ON p.id = s.person_id
	WHERE p.name = 'Amira Haddad' ORDER BY s.started DESC LIMIT 1")
run "$OWNIT" --db "$db" report "$amira"
is "$status" 0 "report with a team round exits 0"
like "$out" "^Team view$" "report has the team view"
like "$out" "Round of 2026-12-01 · Q4 retro · 4 responses" "the round named"
# vague-updates: 20 answers, mean 59/20 = 2.95, shown cut to 2.9.
like "$out" "^  Vague or evasive updates +[0-9.]+ +2\.9 +0\.[0-9] agree" \
	"team score and spread beside the leader's"
like "$out" "^  Role-model behaviours " "pillar rows"
# Only the first two red flags were asked: the others show a dash.
like "$out" '^  Repeated missed commitments +[0-9.–-]+ +– +–' "flags not asked show no figure"
"$OWNIT" --db "$db" export -o "$T/summary.csv" 2>/dev/null
col() { # SESSION-PERSON COLUMN
	"$PYTHON3" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
print([r[sys.argv[3]] for r in rows if r["person"] == sys.argv[2]][-1])' \
		"$T/summary.csv" "$1" "$2"
}
is "$(col "Amira Haddad" team_day)|$(col "Amira Haddad" team_responses)" \
	"2026-12-01|4" "summary CSV: round day and responses"
is "$(col "Amira Haddad" team_flag_vague_updates)" "2.95" "summary CSV: team flag score"
is "$(col "Amira Haddad" team_flag_not_my_job)" "" "summary CSV: no figure where nobody answered"
is "$(col "me" team_day)" "" "summary CSV: empty without a round"

# The same round with the threshold raised to 5: no figure anywhere.
run env OWNIT_TEAM_MIN=5 "$OWNIT" --db "$db" report "$amira"
like "$out" "Fewer than 5 responses: no team figure is shown" "raised threshold withholds the report's figures"
unlike "$out" "^  Vague or evasive updates .*agree" "and no team row is printed"
OWNIT_TEAM_MIN=5 "$OWNIT" --db "$db" export -o "$T/summary5.csv" 2>/dev/null
"$PYTHON3" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
row = [r for r in rows if r["person"] == "Amira Haddad"][-1]
team = [k for k in row if k.startswith("team_") and k not in
        ("team_day", "team_label", "team_responses")]
assert len(team) == 27, len(team)
assert all(row[k] == "" for k in team), [row[k] for k in team]
assert row["team_responses"] == "4"' "$T/summary5.csv"
is "$?" 0 "summary CSV: figures empty below the threshold"
run env OWNIT_TEAM_MIN=1 "$OWNIT" --db "$db" report "$amira"
is "$status" 2 "report refuses a threshold below 3"

# ------------------------------------------- detail export and import
"$OWNIT" --db "$db" export --detail -o "$T/detail.csv" 2>/dev/null
is "$(grep -c '^team_round,' "$T/detail.csv")" 2 "detail: a row per team round"
like "$(grep '^team_round,.*Q4 retro' "$T/detail.csv")" ',Q4 retro,.*,2026-12-01,,4' \
	"detail: label, day and responses"
like "$(cat "$T/detail.csv")" '^team_tally,{13}vague-updates-1,3,"In our team, .*,[0-9a-f-]{36},2' \
	"detail: the counts follow their round"
copy=$T/copy.db
run "$OWNIT" --db "$copy" import "$T/detail.csv"
is "$status" 0 "detail with team rounds imports"
like "$out" "team rounds 2 added, 0 skipped" "both rounds added"
run "$OWNIT" --db "$copy" import "$T/detail.csv"
like "$out" "team rounds 0 added, 2 skipped" "importing again adds nothing"
"$OWNIT" --db "$copy" export --detail -o "$T/detail2.csv" 2>/dev/null
cmp -s "$T/detail.csv" "$T/detail2.csv"
is "$?" 0 "detail export of the copy is byte for byte the same"
is "$("$SQLITE3" "$copy" "SELECT sum(count) FROM team_tally")" \
	"$(q "SELECT sum(count) FROM team_tally")" "every count travelled"
# A count that does not follow its round is refused, nothing imported.
"$PYTHON3" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
k = [i for i, r in enumerate(rows) if r[0] == "team_tally"][-1]
rows[k][31] = "11111111-2222-4333-8444-555555555555"
csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8")).writerows(rows)
' "$T/detail.csv" "$T/stray.csv"
run "$OWNIT" --db "$T/stray.db" import "$T/stray.csv"
is "$status" 2 "a stray team_tally row is refused"
like "$err" "team_tally row: its round 11111111-2222-4333-8444-555555555555 is not the team_round row above it" \
	"and named"

# ------------------------------------------------------------ refused whole
before=$(rounds)
bad() { # NAME FILE-CONTENT REGEX
	printf '%b' "$2" >"$T/bad.csv"
	run "$OWNIT" --db "$db" survey import "$T/bad.csv" --person me
	is "$status" 2 "$1: exits 2"
	like "$err" "$3" "$1: located"
	is "$(rounds)" "$before" "$1: nothing written"
}
h='Timestamp,vague-updates-1,vague-updates-2'
bad "empty file" '' 'bad\.csv:1:1: empty file'
bad "header only" "$h\n" 'bad\.csv:1:1: 0 responses: a team round needs at least 3'
bad "two respondents" "$h\nx,1,2\ny,3,4\n" \
	'bad\.csv:1:1: 2 responses: a team round needs at least 3'
bad "value out of range" "$h\nx,1,2\ny,3,7\nz,0,0\n" \
	'bad\.csv:3:3: value "7" is out of range: the scale runs from 0 to 4'
bad "value not on the scale" "$h\nx,1,2\ny,Often,Frequently\nz,0,0\n" \
	'bad\.csv:3:3: "Frequently" is not on the scale'
bad "number and label disagree" "$h\nx,1,2\ny,3 - Rarely,4\nz,0,0\n" \
	'bad\.csv:3:2: "3 - Rarely": 3 on the scale is "Often"'
bad "duplicate statement column" "$h,vagueupdates1\nx,1,2,3\ny,1,2,3\nz,1,2,3\n" \
	'bad\.csv:1:4: statement "vague-updates-1" is already in column 2'
bad "wrong statement" "Timestamp,\"In our team, we enjoy Fridays.\",vague-updates-1\nx,1,2\ny,1,2\nz,1,2\n" \
	'bad\.csv:1:2: "In our team, we enjoy Fridays\." is not a team statement'
bad "no statement at all" "Timestamp,Email\nx,y\n" \
	'bad\.csv:1:1: no column names a team statement'
bad "cell beyond the header" "$h\nx,1,2,3\ny,1,2\nz,1,2\n" \
	'bad\.csv:2:4: field beyond the last column'
bad "broken quoting" "$h\nx,\"1,2\n" 'bad\.csv:2:2: '
# A Latin-1 file (a spreadsheet's default save) breaks in its header: that
# one problem is the report, not an "empty file" after it.
bad "Latin-1 header" "Horodat\0351ur,vague-updates-1\nx,1\ny,2\nz,3\n" \
	'bad\.csv:1:1: invalid UTF-8 in field: save the file as UTF-8'
unlike "$err" "empty file" "Latin-1 header: no spurious empty file"
like "$err" "bad\.csv: 1 problem: nothing imported" "Latin-1 header: one problem counted"
# Every problem is reported, not just the first.
printf '%b' "$h\nx,9,2\ny,3,Sometimes\nz,0,-1\n" >"$T/bad.csv"
run "$OWNIT" --db "$db" survey import "$T/bad.csv" --person me
is "$(printf '%s\n' "$err" | grep -c '^.*bad\.csv:[0-9]*:[0-9]*: ')" 2 \
	"both bad cells reported"
like "$err" "2 problems: nothing imported" "the count of problems ends the report"

# The threshold can be raised, never lowered.
run env OWNIT_TEAM_MIN=5 "$OWNIT" --db "$db" survey import \
	"$fix/google-forms.csv" --person me
is "$status" 2 "OWNIT_TEAM_MIN=5: 4 responses refused"
like "$err" "4 responses: a team round needs at least 5" "the raised threshold named"
run env OWNIT_TEAM_MIN=2 "$OWNIT" --db "$db" survey import \
	"$fix/google-forms.csv" --person me
is "$status" 2 "OWNIT_TEAM_MIN=2 refused"
like "$err" 'OWNIT_TEAM_MIN: "2" is not a response threshold' "and says why"
is "$(rounds)" "$before" "refused thresholds write nothing"

# Usage.
run "$OWNIT" --db "$db" survey import "$fix/google-forms.csv"
is "$status" 2 "import without --person exits 2"
run "$OWNIT" --db "$db" survey import "$fix/google-forms.csv" --person nobody
is "$status" 2 "unknown person exits 2"
like "$err" 'no person called "nobody"' "unknown person named"
run "$OWNIT" --db "$db" survey import "$fix/google-forms.csv" --person me \
	--date 2026-13-01
is "$status" 2 "bad --date exits 2"
run "$OWNIT" --db "$db" survey import "$T/none.csv" --person me
is "$status" 2 "missing file exits 2"
run "$OWNIT" survey
is "$status" 2 "survey without an action exits 2"
run "$OWNIT" survey --help
is "$status" 0 "survey --help exits 0"
like "$out" "^Usage: ownit survey print" "survey --help prints usage"
is "$(rounds)" "$before" "usage errors write nothing"

# --round follows the one rule for a label (the team round screen's): a
# label an export could not carry, or the screens could not show, is
# refused before anything is read.
badround() { # NAME LABEL REGEX
	run "$OWNIT" --db "$db" survey import "$fix/google-forms.csv" \
		--person me --round "$2"
	is "$status" 2 "--round $1: exits 2"
	like "$err" "^ownit: survey import: --round: $3" "--round $1: named"
	is "$(rounds)" "$before" "--round $1: nothing written"
}
badround "not UTF-8" "$(printf 'Q4\377')" "a label must be UTF-8 text"
badround "of 5000 characters" "$(printf '%05000d' 0)" \
	"a label has at most 60 characters \(this has 5000\)"
badround "of 61 characters" "$(printf 'é%.0s' $(seq 61))" \
	"a label has at most 60 characters \(this has 61\)"
badround "with an escape" "$(printf 'Q4\033[31m')" \
	"a label may not hold a control character \(character 3 is one\)"
badround "of blanks" "   " "a label must not be blank"
badround "empty" "" "a label must not be blank"
run "$OWNIT" --db "$db" survey import "$fix/google-forms.csv" --person me \
	--round "$(printf 'é%.0s' $(seq 60))"
is "$status" 0 "--round of 60 characters is taken"
is "$(q "SELECT length(label) FROM team_round WHERE id = (SELECT max(id)
	FROM team_round)")" 60 "and kept whole"
before=$(rounds)

# From standard input.
run sh -c "\"$OWNIT\" --db \"$db\" survey import - --person me <\"$fix/limesurvey.csv\""
is "$status" 0 "responses read from standard input"

done_testing
