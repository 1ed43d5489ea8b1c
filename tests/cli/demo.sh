#!/bin/sh
# ownit demo FILE: a new database with sample history, checked with sqlite3.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

OWNIT_TODAY=2026-11-23
export OWNIT_TODAY
db="$T_TMP/sample.db"
q() { "$SQLITE3" "$db" "$1"; }

run "$OWNIT" demo "$db"
is "$status" 0 "demo exits 0"
is "$out" "wrote sample coaching history for 3 people to $db" "demo says what it wrote"
is "$err" "" "demo is quiet on stderr"
is "$(stat -c %a "$db")" 600 "the database is private (0600)"

is "$(q 'PRAGMA user_version')" 4 "schema version 4"
is "$(q 'PRAGMA application_id')" 1870097993 "ownit's application id"
is "$(q 'PRAGMA integrity_check')" ok "integrity_check ok"
is "$(q 'PRAGMA foreign_key_check')" "" "no dangling references"
is "$(q "SELECT group_concat(name, '|') FROM (SELECT name FROM person ORDER BY name)")" \
	"Amira Haddad|Jonas Weiß|me" "three people, one non-ASCII name"
is "$(q 'SELECT count(*) FROM session')" 15 "fifteen sessions"
is "$(q "SELECT count(*) FROM session WHERE status = 'open'")" 1 "one open session to resume"
is "$(q "SELECT count(DISTINCT kind) FROM session")" 2 "coaching and self sessions"
is "$(q "SELECT min(started) < '2026-06-30' FROM session")" 1 "several months of history"
is "$(q "SELECT max(started) FROM session")" 2026-11-21T09:30:00Z "dates count back from today"
is "$(q "SELECT count(*) FROM answer WHERE value NOT BETWEEN 0 AND 4")" 0 "answers on the 0..4 scale"
is "$(q "SELECT count(*) FROM rating WHERE value NOT BETWEEN 1 AND 5")" 0 "ratings on the 1..5 scale"
is "$(q "SELECT count(DISTINCT pillar_id) FROM rating")" 6 "every pillar rated"
is "$(q "SELECT count(*) > 0 FROM ladder_step")" 1 "ladder climbs"
for st in open kept partly missed renegotiated; do
	is "$(q "SELECT count(*) > 0 FROM commitment WHERE status = '$st'")" 1 \
		"a $st commitment"
done
is "$(q "SELECT count(*) > 0 FROM commitment WHERE status = 'open' AND due < '2026-11-23'")" 1 \
	"an overdue commitment"
is "$(q "SELECT count(*) > 0 FROM commitment WHERE status = 'open' AND due >= '2026-11-23'")" 1 \
	"an open commitment not yet due"
is "$(q "SELECT count(*) > 0 FROM note WHERE body LIKE '%,%' AND body LIKE '%\"%' AND instr(body, char(10))")" 1 \
	"a note with a comma, a quote and a line break"
is "$(q "SELECT count(*) FROM (SELECT uuid FROM person UNION ALL SELECT uuid FROM session UNION ALL SELECT uuid FROM commitment UNION ALL SELECT uuid FROM note) WHERE uuid NOT GLOB '????????-????-4???-????-????????????'")" \
	0 "every uuid is a version 4 uuid"

# The same sample every time (uuids included).
run "$OWNIT" demo "$T_TMP/again.db"
is "$status" 0 "a second demo exits 0"
is "$("$SQLITE3" "$T_TMP/again.db" .dump)" "$("$SQLITE3" "$db" .dump)" \
	"the sample is the same every time"

# An existing path is refused and left alone.
printf 'precious\n' >"$T_TMP/taken"
run "$OWNIT" demo "$T_TMP/taken"
is "$status" 2 "an existing file is refused (exit 2)"
is "$err" "ownit: $T_TMP/taken already exists: give a new file name" "the refusal names the file"
is "$(cat "$T_TMP/taken")" precious "the existing file is untouched"

run "$OWNIT" demo
is "$status" 2 "demo without FILE exits 2"
like "$err" "demo needs exactly one FILE" "demo without FILE says why"

# A named file's folder must be there: only the default location's
# folders are made (0700), never a tree after a typo.
run "$OWNIT" demo "$T_TMP/no/such/dir/x.db"
is "$status" 2 "a missing folder is refused (exit 2)"
is "$err" "ownit: cannot create $T_TMP/no/such/dir/x.db: there is no folder $T_TMP/no/such/dir (make it first, or give a file in a folder that exists)" \
	"the refusal names the missing folder"
test ! -e "$T_TMP/no"
is "$?" 0 "and no folder is created"
"$OWNIT" --db "$db" export --detail -o "$T_TMP/detail.csv" 2>/dev/null
run "$OWNIT" --db "$T_TMP/no/x.db" import "$T_TMP/detail.csv"
is "$status" 2 "import into a missing folder is refused"
test ! -e "$T_TMP/no"
is "$?" 0 "and creates no folder either"
printf 'not a folder\n' >"$T_TMP/plain"
run "$OWNIT" demo "$T_TMP/plain/x.db"
is "$status" 2 "a file where the folder should be is refused (exit 2)"
like "$err" "cannot create .*/plain/x.db: a part of its path is not a folder" \
	"and named"
run env -u OWNIT_DB XDG_DATA_HOME="$T_TMP/xdg" "$OWNIT" import "$T_TMP/detail.csv"
is "$status" 0 "import into the default location works"
is "$(stat -c %a "$T_TMP/xdg/ownit")" 700 "the default location's folder is made, private (0700)"

# An empty FILE is demo's own argument, not --db.
run "$OWNIT" demo ""
is "$status" 2 "demo with an empty FILE exits 2"
is "$(printf '%s\n' "$err" | head -1)" "ownit: demo: FILE is empty: name the new database file" \
	"the empty name is demo's FILE, not --db"

run "$OWNIT" demo --width 3 "$T_TMP/opt.db"
is "$status" 2 "an option demo does not take is a usage error"
is "$err" "ownit demo: unrecognized option '--width'
Try 'ownit --help' for more information." "getopt names the option"
test ! -e "$T_TMP/opt.db"
is "$?" 0 "and nothing is created"

done_testing
