#!/bin/sh
# ownit trend NAME: a person's pillar ratings over sessions, the history
# screen's line chart on standard output.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

OWNIT_TODAY=2026-11-23
export OWNIT_TODAY
db="$T_TMP/t.db"
OWNIT_DB="$db"
export OWNIT_DB
"$OWNIT" demo "$db" >/dev/null || echo "Bail out! demo failed"

run "$OWNIT" trend "Amira Haddad"
is "$status" 0 "trend exits 0"
is "$err" "" "trend writes nothing to stderr"
is "$(printf '%s\n' "$out" | wc -l)" 16 "80x16 by default"
for level in 5 4 3 2 1; do
	like "$out" "^$level ┤" "the y axis is labelled $level"
done
like "$out" "C Clarity +[1-5]\\.0" "the legend names Clarity with its newest value"
like "$out" "V Connection to vision +[1-5]\\.0" "and the centre, marked V"
first=$("$SQLITE3" "$db" "SELECT date(min(started)) FROM session JOIN person
	ON person.id = session.person_id WHERE person.name = 'Amira Haddad'
	AND session.id IN (SELECT session_id FROM rating)")
like "$out" "^   $first " "the oldest rated session is named under the axis"
unlike "$out" "$(printf '\033')" "no colour into a pipe"

run "$OWNIT" trend --ascii --width 60 --height 10 "Amira Haddad"
is "$status" 0 "--ascii with a size exits 0"
is "$(printf '%s\n' "$out" | LC_ALL=C tr -d '\n -~' | wc -c)" 0 \
	"--ascii prints only printable ASCII"
is "$(printf '%s\n' "$out" | wc -l)" 10 "--height is kept"

run "$OWNIT" trend Nobody
is "$status" 2 "an unknown person exits 2"
like "$err" 'no person called "Nobody"' "and is named"
run "$OWNIT" trend
is "$status" 2 "no name exits 2"
run "$OWNIT" trend --width 10 "Amira Haddad"
is "$status" 2 "too narrow exits 2"
like "$err" "^ownit: --width: 10 is outside 24\.\.1000" "the range named"
run "$OWNIT" trend --height 1x "Amira Haddad"
is "$status" 2 "a height with letters exits 2"
like "$err" "^ownit: --height: '1x' is not a whole number" \
	"the same words as every number option"

done_testing
