#!/bin/sh
# ownit import: round trip, idempotence, merging by name, and broken files
# that must be refused whole, leaving the database byte for byte as it was.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

: "${SQLITE3:?}" "${PYTHON3:?}"
T=$T_TMP
src=$T/src.db
"$OWNIT" demo "$src" >/dev/null || fail "demo database made"
"$SQLITE3" "$src" "UPDATE note SET body = '=cmd|x, \"quoted\"' || char(10) ||
  'ünïcödé' WHERE session_id = 2"
# One follow-up made on the Commitments screen: no reviewing session.
"$SQLITE3" "$src" "UPDATE commitment SET reviewed_session_id = NULL
  WHERE id = (SELECT min(id) FROM commitment WHERE status = 'missed')"
"$OWNIT" --db "$src" export --detail -o "$T/one.csv" 2>/dev/null

count() {
	"$SQLITE3" "$1" "SELECT count(*) FROM $2"
}
csv_count() {
	"$PYTHON3" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
print(sum(1 for r in rows[1:] if r[0] == sys.argv[2]))' "$1" "$2"
}

# Into a new database (created by the import).
dst=$T/dst.db
run "$OWNIT" --db "$dst" import "$T/one.csv"
is "$status" 0 "import into a new database"
np=$(csv_count "$T/one.csv" person)
ns=$(csv_count "$T/one.csv" session)
nc=$(csv_count "$T/one.csv" commitment)
rows=$("$PYTHON3" -c '
import csv, sys
print(len(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))) - 1)' "$T/one.csv")
like "$out" "^imported [0-9]+ rows: people $np added, 0 skipped; sessions $ns added, 0 skipped; commitments $nc added, 0 skipped$" \
	"summary line counts what was added"
for t in person session answer rating ladder ladder_step commitment note; do
	is "$(count "$dst" "$t")" "$(csv_count "$T/one.csv" "$t")" \
		"every $t row is in the database"
done
is "$("$SQLITE3" "$dst" "SELECT body FROM note n JOIN session s ON
  s.id = n.session_id WHERE s.uuid = (SELECT uuid FROM session WHERE 0)
  OR n.body LIKE '=cmd%'")" '=cmd|x, "quoted"
ünïcödé' "a note with a formula, quotes, a line break and non-ASCII text comes back exactly"

# Round trip: exporting the imported database gives the same bytes.
"$OWNIT" --db "$dst" export --detail -o "$T/two.csv" 2>/dev/null
if cmp -s "$T/one.csv" "$T/two.csv"; then
	pass "round trip: detail export is byte-identical"
else
	fail "round trip: detail export is byte-identical" \
		"$(diff "$T/one.csv" "$T/two.csv" | head -5)"
fi
follow_ups() {
	"$SQLITE3" "$1" "SELECT group_concat(c.uuid || ':' ||
	  coalesce(c.helped, '-') || ':' || coalesce(c.differently, '-') || ':' ||
	  coalesce(r.uuid, 'outside'), ' ') FROM (SELECT * FROM commitment
	  ORDER BY uuid) c LEFT JOIN session r ON r.id = c.reviewed_session_id"
}
like "$(follow_ups "$src")" ":outside" "the source has a follow-up outside a session"
like "$(follow_ups "$src")" ":-:[^-]" "and follow-ups with what will change"
is "$(follow_ups "$dst")" "$(follow_ups "$src")" \
	"what helped, what will change and where it was followed up come back"
# An export from before the two follow-up columns still imports.
"$PYTHON3" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
w = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"))
w.writerows(r[:26] for r in rows)' "$T/one.csv" "$T/old.csv"
run "$OWNIT" --db "$T/old.db" import "$T/old.csv"
is "$status" 0 "an export in the older 26-column layout imports"
is "$("$SQLITE3" "$T/old.db" "SELECT count(*) FROM commitment
  WHERE helped IS NOT NULL OR differently IS NOT NULL")" 0 \
	"without what helped and what will change"
is "$(count "$T/old.db" commitment)" "$nc" "and with every commitment"
"$OWNIT" --db "$src" export >"$T/sum1.csv"
"$OWNIT" --db "$dst" export >"$T/sum2.csv"
if cmp -s "$T/sum1.csv" "$T/sum2.csv"; then
	pass "round trip: summary export is byte-identical"
else
	fail "round trip: summary export is byte-identical"
fi

# The same file again changes nothing.
before=$(sha256sum <"$dst")
run "$OWNIT" --db "$dst" import "$T/one.csv"
is "$status" 0 "second import succeeds"
is "$out" "imported $rows rows: people 0 added, $np skipped; sessions 0 added, $ns skipped; commitments 0 added, $nc skipped" \
	"second import adds nothing"
is "$(sha256sum <"$dst")" "$before" "second import leaves the file as it was"

# People are matched by name, ignoring letter case.
m=$T/merge.db
"$PYTHON3" -c '
import sys
head = open(sys.argv[1], newline="").readline()
open(sys.argv[2], "w", newline="").write(head)' "$T/one.csv" "$T/header.csv"
run "$OWNIT" --db "$m" import "$T/header.csv"
is "$status" 0 "a file with only the header imports nothing, fine"
"$SQLITE3" "$m" "INSERT INTO person (uuid, name, created) VALUES
  ('00000000-0000-4000-8000-000000000001', 'AMIRA HADDAD',
  '2026-01-01T00:00:00Z')"
run "$OWNIT" --db "$m" import "$T/one.csv"
is "$status" 0 "import next to an existing person"
like "$out" "people $((np - 1)) added, 1 skipped" "Amira matched as AMIRA HADDAD"
is "$(count "$m" person)" "$np" "no duplicate person"
is "$("$SQLITE3" "$m" "SELECT count(*) FROM session s JOIN person p ON
  p.id = s.person_id WHERE p.name = 'AMIRA HADDAD'")" \
	"$("$SQLITE3" "$src" "SELECT count(*) FROM session s JOIN person p ON
  p.id = s.person_id WHERE p.name = 'Amira Haddad'")" \
	"her sessions joined the existing person"

# Broken files: refused whole, every problem named, database untouched.
"$OWNIT" --db "$dst" export --detail --person me -o "$T/me.csv" 2>/dev/null
target=$T/target.db
"$OWNIT" demo "$target" >/dev/null
sum_before=$(sha256sum <"$target")

# broken NAME WANT-STATUS WANT-STDERR-REGEX: imports $T/NAME.
broken() {
	run sh -c 'cd "$1" && exec "$2" --db "$3" import "$4"' sh "$T" \
		"$OWNIT" "$target" "$1.csv"
	is "$status" "$2" "$1: exit status $2"
	like "$err" "$3" "$1: problem named"
	is "$(sha256sum <"$target")" "$sum_before" "$1: database untouched"
}

"$PYTHON3" - "$T" <<'EOF'
import sys
t = sys.argv[1]
good = open(t + "/me.csv", "rb").read()
lines = good.split(b"\r\n")
head, body = lines[0], lines[1:]
def write(name, data):
    open("%s/%s.csv" % (t, name), "wb").write(data)
# A valid file with one broken row near the end: nothing of it may land.
def with_row(row, at=-3):
    rows = list(body)
    rows.insert(len(rows) + at, row)
    return b"\r\n".join([head] + rows)
write("unterminated", good + b'note,"never closed\r\n')
write("columns", with_row(b"person,a,b"))
write("record", with_row(b"meeting" + b"," * 27))
sess = [l for l in body if l.startswith(b"session,")][0]
write("date", with_row(sess.replace(b"T09:30:00Z", b"T25:30:00Z", 1)
                       .replace(sess.split(b",")[1], b"99999999-0000-4000-8000-000000000000")))
write("nul", good.replace(b"Head of data", b"Head\x00of data"))
write("midbom", good + b"\xef\xbb\xbf" + head + b"\r\n")
write("bigfield", good + b"note," + b"x" * (10 * 1024 * 1024) + b"," * 24 + b"\r\n")
write("many", with_row(b"bogus" + b"," * 25, -5) + b"\r\nperson,x\r\n")
write("header", b"id,name\r\n1,2\r\n")
write("bom", b"\xef\xbb\xbf" + good)
EOF

broken unterminated 2 "^unterminated.csv:[0-9]+:2: quoted field not closed"
broken columns 2 "^columns.csv:[0-9]+: 3 fields, expected 28"
broken record 2 '^record.csv:[0-9]+: unknown record type "meeting"'
broken date 2 'date.csv:[0-9]+: column "time": bad time "2026-[0-9-]+T25:30:00Z"'
broken nul 2 "^nul.csv:[0-9]+:[0-9]+: .*(NUL|nul|zero)"
broken midbom 2 "^midbom.csv:[0-9]+: unknown record type"
broken bigfield 2 "^bigfield.csv:[0-9]+:[0-9]+: .*(long|large|MiB|bytes)"
broken header 2 '^header.csv:1: not an `ownit export --detail` file'
broken many 2 "problems; nothing was imported"
n=$(printf '%s\n' "$err" | grep -c '^many.csv:[0-9]*: ')
is "$n" 2 "many: every problem is reported"
like "$err" "ownit: many.csv: 2 problems; nothing was imported" "many: the count is given"

# A byte order mark at the start (export --bom) is fine.
run "$OWNIT" --db "$T/bom.db" import "$T/bom.csv"
is "$status" 0 "a leading byte order mark is accepted"

run "$OWNIT" --db "$target" import "$T/missing.csv"
is "$status" 2 "a missing file exits 2"
like "$err" "missing.csv" "the missing file is named"
run "$OWNIT" --db "$target" import
is "$status" 2 "no file exits 2"

# From standard input.
run sh -c '"$0" --db "$1" import - <"$2"' "$OWNIT" "$T/stdin.db" "$T/me.csv"
is "$status" 0 "import - reads standard input"

done_testing
