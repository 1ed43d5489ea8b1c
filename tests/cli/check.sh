#!/bin/sh
# ownit check: integrity_check and foreign_key_check, exit 0 only when ok.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

db="$T_TMP/c.db"
"$OWNIT" demo "$db" >/dev/null || echo "Bail out! demo failed"

run "$OWNIT" --db "$db" check
is "$status" 0 "a sound database exits 0"
is "$out" ok "and prints ok"
is "$err" "" "with nothing on stderr"

run "$OWNIT" check --db "$db"
is "$status" 0 "--db also after the command"

OWNIT_DB="$db" run "$OWNIT" check
is "$status" 0 "OWNIT_DB names the database"

# A dangling reference, made behind ownit's back.
"$SQLITE3" "$db" "INSERT INTO answer (session_id, item_id, statement, value, note, answered) VALUES (999, 'x', 't', 1, NULL, '2026-01-01T00:00:00Z')"
run "$OWNIT" --db "$db" check
is "$status" 1 "a broken reference exits 1"
is "$out" "table answer row $("$SQLITE3" "$db" 'SELECT max(rowid) FROM answer') refers to a missing row of session" \
	"the problem is printed"
like "$err" "has problems" "stderr says what to do"

# Not a database: refused, exit 2 as for every command, file untouched.
printf 'a,b\n1,2\n' >"$T_TMP/data.csv"
run "$OWNIT" --db "$T_TMP/data.csv" check
is "$status" 2 "a CSV file is invalid input (exit 2)"
is "$err" "ownit: $T_TMP/data.csv is not an ownit database (not an SQLite file at all); nothing was written to it: choose another file with --db" \
	"the message names the file"
is "$(cat "$T_TMP/data.csv")" "a,b
1,2" "the CSV file is untouched"
run "$OWNIT" --db "$T_TMP/data.csv" list people
is "$status" 2 "list exits the same on it"

# From a newer ownit: refused the same way as list does, exit 2.
"$OWNIT" demo "$T_TMP/newer.db" >/dev/null
"$SQLITE3" "$T_TMP/newer.db" 'PRAGMA user_version = 999'
run "$OWNIT" --db "$T_TMP/newer.db" check
is "$status" 2 "a newer ownit's database exits 2"
like "$err" "newer.db was written by a newer ownit \(database version 999" \
	"and says so"
run "$OWNIT" --db "$T_TMP/newer.db" list people
is "$status" 2 "list exits the same on it"

# A missing database is not created by check.
run "$OWNIT" --db "$T_TMP/none.db" check
is "$status" 2 "a missing database exits 2, as for list"
like "$err" "no database at $T_TMP/none.db" "and says so"
[ -e "$T_TMP/none.db" ] && fail "check created a database" || pass "check created nothing"

# Damaged pages.
"$OWNIT" demo "$T_TMP/d.db" >/dev/null
size=$(stat -c %s "$T_TMP/d.db")
dd if=/dev/zero of="$T_TMP/d.db" bs=1 seek=$((size / 2)) count=8192 conv=notrunc 2>/dev/null
sum=$(cksum <"$T_TMP/d.db")
run "$OWNIT" --db "$T_TMP/d.db" check
is "$status" 1 "a damaged database exits 1"
unlike "$out" "^ok$" "and is not reported ok"
like "$out" "(Page|page) [0-9]+" "the damaged pages are listed"
is "$err" "ownit: $T_TMP/d.db has problems (listed above): keep a copy of it and restore a backup" \
	"stderr says what to do, and not to run the check again"
is "$(cksum <"$T_TMP/d.db")" "$sum" "checking wrote nothing to it"

# Damaged so that the other commands cannot open it: they send the user
# to ownit check, which must then open it and say what is wrong.
"$OWNIT" demo "$T_TMP/whole.db" >/dev/null
head -c 50000 "$T_TMP/whole.db" >"$T_TMP/cut.db"
chmod 600 "$T_TMP/cut.db"
sum=$(cksum <"$T_TMP/cut.db")
run "$OWNIT" --db "$T_TMP/cut.db" list sessions
is "$status" 1 "list refuses a truncated database (exit 1)"
like "$err" "cut.db is damaged .*run \`ownit check\`" "and advises ownit check"
run "$OWNIT" --db "$T_TMP/cut.db" check
is "$status" 1 "check exits 1 on it"
like "$out" "(Page|page) [0-9]+" "check opens it and lists the damage"
is "$err" "ownit: $T_TMP/cut.db has problems (listed above): keep a copy of it and restore a backup" \
	"and says what to do"
is "$(cksum <"$T_TMP/cut.db")" "$sum" "checking wrote nothing to it"
ls "$T_TMP"/cut.db-* >/dev/null 2>&1 &&
	fail "check left files beside it" "$(ls "$T_TMP"/cut.db-*)" ||
	pass "check left nothing beside it"

# Readable by others: a warning, still checked.
"$OWNIT" demo "$T_TMP/open.db" >/dev/null
chmod 644 "$T_TMP/open.db"
run "$OWNIT" --db "$T_TMP/open.db" check
is "$status" 0 "a readable database is still checked"
is "$err" "ownit: warning: $T_TMP/open.db can be read by other users (mode 0644): coaching notes are private, run \`chmod 600 $T_TMP/open.db\`" \
	"with a warning on stderr"

run "$OWNIT" check extra
is "$status" 2 "an argument is a usage error"

run "$OWNIT" check --width 3 
is "$status" 2 "an option check does not take is a usage error"
is "$err" "ownit check: unrecognized option '--width'
Try 'ownit --help' for more information." "getopt names the option"

done_testing
