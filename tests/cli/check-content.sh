#!/bin/sh
# ownit check-content DIR: good and broken folders, exit codes, and a
# folder laid over the installed content file by file.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

base="$OWNIT_SRCDIR/content"
fixtures="$OWNIT_SRCDIR/tests/unit/fixtures/content"
ok_line='content OK: 5 red flags, 23 statements, 29 team statements, 6 pillars, 8 rungs, 5 practices, 14 checks'

run "$OWNIT" check-content "$base"
is "$status" 0 "shipped content exits 0"
is "$out" "$ok_line" "shipped content prints the summary"
is "$err" "" "shipped content has no warnings"

run "$OWNIT" check-content
is "$status" 2 "no folder exits 2"
like "$err" "check-content needs one folder" "no folder says why"

run "$OWNIT" check-content "$base" "$base"
is "$status" 2 "two folders exit 2"

run "$OWNIT" check-content "$T_TMP/none"
is "$status" 2 "missing folder exits 2"
like "$err" "none: not a directory" "missing folder named"

run "$OWNIT" check-content --help
is "$status" 0 "--help exits 0"
like "$out" "^Usage: ownit check-content DIR" "--help prints usage"

# A folder holding only items.csv is checked with the installed rest.
user="$T_TMP/user"
mkdir -p "$user"
cp "$base/items.csv" "$user/items.csv"
printf '%s\n' 'extra-1,not-my-job,I hear about a gap only after it hurt.,0' \
	>>"$user/items.csv"
run "$OWNIT" check-content "$user"
is "$status" 0 "override folder exits 0"
is "$out" "content OK: 5 red flags, 24 statements, 29 team statements, 6 pillars, 8 rungs, 5 practices, 14 checks" \
	"override statements counted with the installed rest"

# Team statements are checked with the rest: a team-only row needs a
# pillar that exists and its wording in the team column.
team="$T_TMP/team"
mkdir -p "$team"
cp "$base/items.csv" "$team/items.csv"
printf '%s\n' 'leader-x,,,0,0,"In our team, our leader listens.",courage' \
	'leader-y,,,0,0,,autonomy' >>"$team/items.csv"
run "$OWNIT" check-content "$team"
is "$status" 2 "bad team statements exit 2"
like "$err" "items.csv:38:7: unknown pillar \"courage\"" \
	"team-only statement with an unknown pillar named by line and column"
like "$err" "items.csv:39:6: empty team" \
	"team-only statement without wording named by line and column"

# The same folder wins over OWNIT_CONTENT and --content: DIR is checked.
run env OWNIT_CONTENT="$fixtures/rung-gap" "$OWNIT" --content "$fixtures/rung-gap" \
	check-content "$user"
is "$status" 0 "DIR is checked, not --content or OWNIT_CONTENT"

# A dangling reference in the override names the override's file.
printf '%s\n' 'extra-2,no-such-flag,Text.,0' >>"$user/items.csv"
last=$(wc -l <"$user/items.csv")
run "$OWNIT" check-content "$user"
is "$status" 2 "dangling reference exits 2"
is "$err" "$user/items.csv:$last:2: unknown red flag \"no-such-flag\" (not in $base/redflags.csv)" \
	"dangling reference as FILE:LINE:COLUMN"
is "$out" "" "nothing on stdout when broken"

# Every error is reported, one per line.
cp "$fixtures/rung-gap/ladder.csv" "$user/ladder.csv"
run "$OWNIT" check-content "$user"
is "$status" 2 "two broken files exit 2"
is "$err" "$user/items.csv:$last:2: unknown red flag \"no-such-flag\" (not in $base/redflags.csv)
$user/ladder.csv:1:1: rung 5 is missing: rungs run 1 to 8 without gaps" \
	"both errors printed, one per line"

# The flags column of checks.csv names red flags; a check without it, or
# with a flag that does not exist, is located to the field.
checks="$T_TMP/checks"
mkdir -p "$checks"
sed 's/"not-my-job;slow-escalation"$/"not-my-job;slow-escalatoin"/' \
	"$base/checks.csv" >"$checks/checks.csv"
run "$OWNIT" check-content "$checks"
is "$status" 2 "an unknown red flag in checks.csv exits 2"
is "$err" "$checks/checks.csv:2:5: unknown red flag \"slow-escalatoin\" (not in $base/redflags.csv)" \
	"the unknown flag is named as FILE:LINE:COLUMN"
printf '%s\n' 'id,topic,question,practices' \
	'solving-for-them,habits,Am I solving what the team could?,clear-outcomes' \
	>"$checks/checks.csv"
run "$OWNIT" check-content "$checks"
is "$status" 2 "checks.csv without its flags column exits 2"
is "$err" "$checks/checks.csv:1:5: missing column \"flags\"" \
	"the missing flags column is named"

for f in missing-column duplicate-id unterminated-quote; do
	run "$OWNIT" check-content "$fixtures/$f"
	is "$status" 2 "fixture $f exits 2"
done
like "$err" "^$fixtures/unterminated-quote/items.csv:23:3: quoted field not closed" \
	"unterminated quote located"

run "$OWNIT" check-content "$fixtures/bom"
is "$status" 0 "a byte order mark is accepted"

# A warning does not fail the check.
warn="$T_TMP/warn"
mkdir -p "$warn"
sed '1s/$/,notes/' "$base/items.csv" >"$warn/items.csv"
run "$OWNIT" check-content "$warn"
is "$status" 0 "unknown column is only a warning"
is "$err" "$warn/items.csv:1:8: warning: unknown column \"notes\" ignored" \
	"warning printed as FILE:LINE:COLUMN"
is "$out" "$ok_line" "summary printed after a warning"

# What a spreadsheet writes back when a field was split in two: the header
# padded with an empty cell, one row with data under it.  An error, never a
# warning: the row lost a field and gained a stranger.
shift="$T_TMP/shift"
mkdir -p "$shift"
awk 'NR == 1 { print $0 "," ; next }
     NR == 2 { sub(/,"clarity;feedback-systems;vision",/, ",clarity,feedback-systems;vision,"); print; next }
     { print $0 "," }' "$base/redflags.csv" >"$shift/redflags.csv"
run "$OWNIT" check-content "$shift"
is "$status" 2 "data in an unnamed column exits 2"
like "$err" "^$shift/redflags.csv:2:6: data in column 6, which has no name in the header" \
	"the unnamed column's data is located"
# An empty unnamed column (a spreadsheet's padding) is fine.
awk '{ print $0 "," }' "$base/redflags.csv" >"$shift/redflags.csv"
run "$OWNIT" check-content "$shift"
is "$status" 0 "an empty unnamed column is padding"
is "$err" "" "and no warning"
# A row one field longer than the header is an error too.
awk 'NR == 2 { print $0 ",extra"; next } { print }' "$base/redflags.csv" >"$shift/redflags.csv"
run "$OWNIT" check-content "$shift"
is "$status" 2 "a shifted row exits 2"
like "$err" "^$shift/redflags.csv:2:6: field beyond the last column" \
	"the shifted row is located"

# Bytes no spreadsheet should save: NUL and invalid UTF-8.
bad="$T_TMP/bad"
mkdir -p "$bad"
printf 'value,label\n0,Never\n1,Ra\377ly\n' >"$bad/scale.csv"
run "$OWNIT" check-content "$bad"
is "$status" 2 "invalid UTF-8 exits 2"
like "$err" "^$bad/scale.csv:3:2: invalid UTF-8 in field: save the file as UTF-8 " \
	"invalid UTF-8 located"
like "$err" 'LibreOffice Calc: .*"Unicode \(UTF-8\)".*Excel: Save As "CSV UTF-8' \
	"and the message says how to save UTF-8 from a spreadsheet"
printf 'value,label\n0,Ne\000ver\n' >"$bad/scale.csv"
run "$OWNIT" check-content "$bad"
is "$err" "$bad/scale.csv:2:2: NUL byte in field" "NUL byte located"

done_testing
