#!/bin/sh
# Names of people in every script: --person finds a name in any letter
# case (ß as ss, Ü as ü), and people are listed in the locale's order.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

OWNIT_TODAY=2026-11-23
export OWNIT_TODAY
db="$T_TMP/n.db"
OWNIT_DB="$db"
export OWNIT_DB
"$OWNIT" demo "$db" >/dev/null || echo "Bail out! demo failed"

run "$OWNIT" list sessions --person "JONAS WEISS"
is "$status" 0 "--person JONAS WEISS finds Jonas Weiß"
is "$(printf '%s\n' "$out" | sed -n 2p | grep -c 'Jonas Weiß')" 1 \
	"and lists his sessions"
run "$OWNIT" export --person "jonas weiss"
is "$status" 0 "export --person folds ß too"
run "$OWNIT" trend "JONAS WEIß"
is "$status" 0 "trend takes the name in capitals"
run "$OWNIT" list sessions --person "Jonas Weis"
is "$status" 2 "a different name is still not found"

# People added by another program: the locale decides the order, and
# Ö sorts with O in German, not after Z as its bytes would.
"$SQLITE3" "$db" "INSERT INTO person (uuid, name, created) VALUES
	('00000000-0000-4000-8000-000000000001', 'Zara Lind', '2026-01-01T00:00:00Z'),
	('00000000-0000-4000-8000-000000000002', 'Özlem Kaya', '2026-01-01T00:00:00Z'),
	('00000000-0000-4000-8000-000000000003', 'oskar', '2026-01-01T00:00:00Z')"
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\{0,1\}8$'; then
	is "$(LC_ALL=de_DE.UTF-8 "$OWNIT" list people --tsv | cut -f1 | tr '\n' ,)" \
		"NAME,Amira Haddad,Jonas Weiß,me,oskar,Özlem Kaya,Zara Lind," \
		"people sorted by the German locale"
else
	fail "people sorted by the German locale" "the de_DE.UTF-8 locale is missing (bootstrap --deps installs it)"
fi
run "$OWNIT" list sessions --person "Özlem Kaya"
is "$status" 0 "a name stored by another program is found too"

# A right-to-left override in a team would make the rest of the line
# read backwards: it is shown by its code point, never sent raw.
"$SQLITE3" "$db" "UPDATE person SET team = 'Ops' || char(8238) || 'evil'
	WHERE name = 'oskar'"
run "$OWNIT" list people --tsv
is "$(printf '%s\n' "$out" | grep '^oskar' | cut -f3)" "Ops<U+202E>evil" \
	"a bidi override is shown as <U+202E>"
is "$(printf '%s\n' "$out" | grep -c "$(printf '\342\200\256')")" 0 \
	"and never printed raw"

done_testing
