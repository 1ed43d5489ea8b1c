#!/bin/sh
# ownit radar: the chart, its numbers table, options and input errors.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

S=clarity=3.8,trust-openness=2.4,autonomy=3,feedback-systems=2.1,role-modelling=4,vision=3.5
P=clarity=3.1,trust-openness=2,autonomy=3.4,feedback-systems=2.6,role-modelling=3.5,vision=3

run "$OWNIT" radar --scores "$S"
is "$status" 0 "radar exits 0"
is "$err" "" "radar writes nothing to stderr"
like "$out" "Clarity 3\.8" "chart labels the top axis with its value"
like "$out" "Autonomy 3\.0" "values have one decimal"
is "$(printf '%s\n' "$out" | wc -l)" 24 "80x16 chart, a blank line, 7 table lines: one 24-row screen"
is "$(printf '%s\n' "$out" | tail -n 7)" "Pillar                 Scores
Clarity                   3.8
Trust and openness        2.4
Autonomy                  3.0
Feedback systems          2.1
Role-model behaviours     4.0
Connection to vision      3.5" "numbers table under the chart"
unlike "$out" "$(printf '\033')" "no colour when stdout is not a terminal"
width=$(printf '%s\n' "$out" | head -n 24 | wc -L)
if [ "$width" -le 80 ]; then pass "chart fits 80 columns"; else fail "chart fits 80 columns" "widest: $width"; fi

run "$OWNIT" radar --scores "$S" --compare "$P" --width 60 --height 20
is "$status" 0 "radar --compare exits 0"
is "$(printf '%s\n' "$out" | sed -n 21,22p)" "
Pillar                 Scores  Comparison  Difference" "table has comparison and difference"
like "$out" "Clarity                   3\.8         3\.1        \+0\.7" "difference is signed"
like "$out" "Comparison" "legend names the comparison"

run "$OWNIT" radar --scores "$S" --compare "$P"
first="$out"
run "$OWNIT" radar --scores "$S" --compare "$P"
is "$out" "$first" "same input, same bytes"

run "$OWNIT" radar --ascii --scores "$S" --compare "$P"
is "$status" 0 "radar --ascii exits 0"
if printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'; then
	fail "--ascii prints only printable ASCII"
else
	pass "--ascii prints only printable ASCII"
fi

# A locale whose charset is not UTF-8 gets ASCII without asking.
out=$(LC_ALL=C LANG=C "$OWNIT" radar --scores "$S")
if printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'; then
	fail "C locale falls back to ASCII"
else
	pass "C locale falls back to ASCII"
fi

run "$OWNIT" radar --scores clarity=2
is "$status" 0 "missing pillars are allowed"
like "$out" "Autonomy [-–]" "a missing pillar is labelled with a dash"

run "$OWNIT" radar --scores clarity=3 --width 36 --height 14
is "$status" 0 "smallest size works"
is "$(printf '%s\n' "$out" | head -n 14 | wc -l)" 14 "chart is 14 lines"

# Errors: a clear message naming the bad item, exit 2.
run "$OWNIT" radar --scores clarity=3,honesty=4
is "$status" 2 "unknown pillar exits 2"
like "$err" "unknown pillar 'honesty'" "unknown pillar is named"
is "$out" "" "nothing on stdout after an error"

run "$OWNIT" radar --scores clarity=3 --compare autonomy=6
is "$status" 2 "value above 5 exits 2"
is "$err" "ownit: --compare: autonomy=6 is outside 1..5" "out-of-range message"

run "$OWNIT" radar --scores clarity=0.5
is "$status" 2 "value below 1 exits 2"

run "$OWNIT" radar --scores clarity=3,,autonomy=2
is "$status" 2 "empty item exits 2"
like "$err" "'' is not ID=VALUE" "empty item named"

run "$OWNIT" radar --scores clarity:3
is "$status" 2 "item without = exits 2"
like "$err" "'clarity:3' is not ID=VALUE" "malformed item named"

run "$OWNIT" radar --scores clarity=3,5x
like "$err" "'5x' is not ID=VALUE" "second malformed item named"

run "$OWNIT" radar --scores clarity=3,5
is "$status" 2 "value without id exits 2"

run "$OWNIT" radar --scores clarity=3.x
is "$status" 2 "bad number exits 2"
like "$err" "'3\.x' is not a number" "bad number named"

run "$OWNIT" radar --scores clarity=3,clarity=4
is "$status" 2 "duplicate pillar exits 2"
like "$err" "pillar 'clarity' given twice" "duplicate named"

run "$OWNIT" radar --scores ""
is "$status" 2 "empty list exits 2"

run "$OWNIT" radar
is "$status" 2 "missing --scores exits 2"
like "$err" "--scores is required" "missing --scores explained"

run "$OWNIT" radar --scores clarity=3 --width 35
is "$status" 2 "too narrow exits 2"
like "$err" "--width: 35 is outside 36\.\.1000" "too narrow explained"

run "$OWNIT" radar --scores clarity=3 --height abc
is "$status" 2 "non-numeric height exits 2"
is "$err" "ownit: --height: 'abc' is not a whole number
Try 'ownit --help' for more information." "the option and the value named"

# One rule for every number option (cli_number): digits only, in range.
for bad in +40 " 40" 40x -40 4e1 ""; do
	run "$OWNIT" radar --scores clarity=3 --width "$bad"
	is "$status" 2 "--width '$bad' exits 2"
	is "$err" "ownit: --width: '$bad' is not a whole number
Try 'ownit --help' for more information." \
		"--width '$bad' refused as not a whole number"
done
run "$OWNIT" radar --scores clarity=3 --width 99999999999999999999
is "$status" 2 "a width past long exits 2"
like "$err" "--width: 99999999999999999999 is outside 36\.\.1000" \
	"a width past long is outside the range, not wrapped"
run "$OWNIT" radar --scores clarity=3 --width 1001
like "$err" "--width: 1001 is outside 36\.\.1000" "the top of the range"
run "$OWNIT" radar --scores clarity=3 --width 0036
is "$status" 0 "leading zeros are still the number"

run "$OWNIT" radar --scores clarity=3 extra
is "$status" 2 "stray argument exits 2"

run "$OWNIT" radar --bogus
is "$status" 2 "unknown option exits 2"

# Pillar names come from the content: a user folder renaming one shows it.
mkdir -p "$T_TMP/names"
sed 's/^clarity,Clarity,/clarity,Klarheit,/' "$OWNIT_SRCDIR/content/pillars.csv" \
	>"$T_TMP/names/pillars.csv"
run env OWNIT_CONTENT="$T_TMP/names" "$OWNIT" radar --scores clarity=3.5
is "$status" 0 "radar with a user's content exits 0"
like "$out" "Klarheit 3.5" "the chart labels the pillar by the content's name"
like "$out" "^Klarheit +3.5" "the table names it the same way"

done_testing
