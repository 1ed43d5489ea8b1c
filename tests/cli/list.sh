#!/bin/sh
# ownit list people|sessions|commitments: aligned text, --tsv for scripts.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

OWNIT_TODAY=2026-11-23
export OWNIT_TODAY
db="$T_TMP/l.db"
OWNIT_DB="$db"
export OWNIT_DB
"$OWNIT" demo "$db" >/dev/null || echo "Bail out! demo failed"

run "$OWNIT" list people
is "$status" 0 "list people exits 0"
is "$out" "NAME          ROLE                 TEAM               LAST SESSION  OPEN  OVERDUE  REGULATED
Amira Haddad  Engineering lead     Platform           2026-11-21       2        2  no
Jonas Weiß    Lab operations lead  Assay development  2026-11-08       3        1  no
me            Head of data         Data & analytics   2026-11-02       2        1  no" \
	"people with last session, open/overdue counts and regulated setting, aligned by display width"

"$SQLITE3" "$db" "UPDATE person SET regulated = 1 WHERE name = 'Jonas Weiß'"
run "$OWNIT" list people --tsv
is "$(printf '%s\n' "$out" | sed -n 3p)" "$(printf 'Jonas Weiß\tLab operations lead\tAssay development\t2026-11-08\t3\t1\tyes')" \
	"--tsv separates with tabs; a person in a regulated setting says yes"
is "$(printf '%s\n' "$out" | sed -n 1p | cut -f7)" REGULATED "the last column is REGULATED"
is "$(printf '%s\n' "$out" | wc -l)" 4 "--tsv has a header and one line per person"

run "$OWNIT" list sessions
is "$status" 0 "list sessions exits 0"
is "$(printf '%s\n' "$out" | wc -l)" 16 "a header and fifteen sessions"
is "$(printf '%s\n' "$out" | sed -n 2p)" " 7  2026-11-21 09:30  Amira Haddad  coaching  open      Dana Okafor" \
	"newest first"
run "$OWNIT" list sessions --person 'JONAS WEIß' --tsv
is "$(printf '%s\n' "$out" | wc -l)" 6 "--person (any ASCII letter case) keeps that person's sessions"
is "$(printf '%s\n' "$out" | cut -f3 | sort -u | tr '\n' '|')" "Jonas Weiß|PERSON|" "only Jonas"

run "$OWNIT" list commitments --tsv
is "$status" 0 "list commitments exits 0"
is "$(printf '%s\n' "$out" | sed -n 1p)" "$(printf 'ID\tDUE\tSTATUS\tPERSON\tOWNER\tWHAT')" "commitments header"
is "$(printf '%s\n' "$out" | cut -f3 | tail -n +2 | sort -u | tr '\n' ' ')" "open overdue " \
	"open ones only, overdue marked"
is "$(printf '%s\n' "$out" | sed -n 2p | cut -f3)" overdue "overdue first"
run "$OWNIT" list commitments --all --tsv
is "$(($(printf '%s\n' "$out" | wc -l) - 1))" "$("$SQLITE3" "$db" 'SELECT count(*) FROM commitment')" \
	"--all lists every commitment"

# Control characters typed by a user never reach the terminal raw.
"$SQLITE3" "$db" "UPDATE person SET role = 'Lead' || char(27) || '[31mred' || char(10) || 'x' || char(9) || 'y' || char(127) WHERE name = 'me'"
run "$OWNIT" list people --tsv
is "$(printf '%s\n' "$out" | sed -n 4p | cut -f2)" 'Lead^[[31mred^Jx^Iy^?' "escape, newline, tab and DEL are shown as ^X"
run "$OWNIT" list people
unlike "$out" "$(printf '\033')" "no raw escape in the aligned output"
"$SQLITE3" "$db" "UPDATE person SET role = 'a' || char(155) || 'b' || CAST(x'ff' AS TEXT) WHERE name = 'me'"
run "$OWNIT" list people --tsv
is "$(printf '%s\n' "$out" | sed -n 4p | cut -f2)" 'a<U+009B>b\xFF' "C1 controls and invalid UTF-8 are escaped"

# Long cells: aligned output cuts them by display width with an ellipsis
# instead of padding every line to the longest; --tsv keeps them whole.
long=$T_TMP/long.db
"$SQLITE3" "$db" ".backup '$long'"
"$SQLITE3" "$long" "UPDATE person SET name = printf('%.*c', 10000, 'x'),
  role = 'Head of data' WHERE name = 'me';
UPDATE person SET role = 'Ingénieur ' || replace(printf('%.*c', 40, 'x'),
  'x', '名') WHERE name = 'Jonas Weiß';
UPDATE session SET coach = printf('%.*c', 5000, 'c') WHERE id = 7"
run "$OWNIT" --db "$long" list people
is "$status" 0 "a 10,000-character name lists"
is "$(printf '%s\n' "$out" | awk 'length($0) > 200' | wc -l)" 0 \
	"no line is padded to the long name"
x31=$(printf '%31s' '' | tr ' ' x)
like "$(printf '%s\n' "$out" | sed -n 4p)" "^$x31…  Head of data  " \
	"the name is cut to 32 columns, the last one an ellipsis"
kanji=$(printf '%10s' '' | sed 's/ /名/g')
like "$(printf '%s\n' "$out" | sed -n 3p)" "^Jonas Weiß +Ingénieur $kanji…  Assay" \
	"cut by display width: ten double-width characters, then the ellipsis"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
	"Amira Haddad                      Engineering lead                 Platform           2026-11-21       2        2  no" \
	"other lines are aligned to the cut width"
run "$OWNIT" --db "$long" --ascii list people
like "$(printf '%s\n' "$out" | sed -n 4p)" "^$(printf '%29s' '' | tr ' ' x)\\.\\.\\.  Head" \
	"--ascii cuts with three dots"
run "$OWNIT" --db "$long" list people --tsv
is "$(printf '%s\n' "$out" | sed -n 4p | cut -f1 | wc -c)" 10001 \
	"--tsv keeps the whole name"
run "$OWNIT" --db "$long" list sessions
line=$(printf '%s\n' "$out" | sed -n 2p)
like "$line" "  coaching  open      $(printf '%79s' '' | tr ' ' c)…$" \
	"the last column is cut at 80 columns"
run "$OWNIT" --db "$long" list sessions --tsv
is "$(printf '%s\n' "$out" | sed -n 2p | cut -f6 | wc -c)" 5001 \
	"--tsv keeps the whole coach"

run "$OWNIT" list
is "$status" 2 "list without a kind exits 2"
run "$OWNIT" list things
is "$status" 2 "an unknown kind exits 2"
like "$err" "unknown kind 'things'" "and names it"
run "$OWNIT" list sessions --person nobody
is "$status" 2 "an unknown person exits 2"
like "$err" 'no person called "nobody"' "and names them"
run "$OWNIT" --db "$T_TMP/none.db" list people
is "$status" 2 "a missing database is not created by list"
[ -e "$T_TMP/none.db" ] && fail "list created a database" || pass "list created nothing"

done_testing
