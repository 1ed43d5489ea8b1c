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
"$SQLITE3" "$src" "UPDATE person SET regulated = 1 WHERE name = 'Jonas Weiß'"
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

is "$("$SQLITE3" "$dst" "SELECT group_concat(name || '=' || regulated, ' ')
  FROM (SELECT name, regulated FROM person ORDER BY name)")" \
	"Amira Haddad=0 Jonas Weiß=1 me=0" \
	"the regulated setting of each person comes across"

# A file written before the regulated column (26 columns) still imports;
# its people are not marked as regulated.
"$PYTHON3" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0][27] == "regulated", rows[0]
w = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"))
w.writerows(r[:26] for r in rows)' "$T/one.csv" "$T/old.csv"
run "$OWNIT" --db "$T/old.db" import "$T/old.csv"
is "$status" 0 "a 26-column file from before the regulated column imports"
is "$(count "$T/old.db" session)" "$ns" "with all its sessions"
is "$("$SQLITE3" "$T/old.db" "SELECT sum(regulated) FROM person")" 0 \
	"and nobody marked as regulated"

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
write("record", with_row(b"meeting" + b"," * 32))
sess = [l for l in body if l.startswith(b"session,")][0]
write("date", with_row(sess.replace(b"T09:30:00Z", b"T25:30:00Z", 1)
                       .replace(sess.split(b",")[1], b"99999999-0000-4000-8000-000000000000")))
write("nul", good.replace(b"Head of data", b"Head\x00of data"))
write("midbom", good + b"\xef\xbb\xbf" + head + b"\r\n")
write("bigfield", good + b"note," + b"x" * (10 * 1024 * 1024) + b"," * 25 + b"\r\n")
write("many", with_row(b"bogus" + b"," * 26, -5) + b"\r\nperson,x\r\n")
write("header", b"id,name\r\n1,2\r\n")
# A value quoted in a problem, holding a terminal's escape sequence and a
# line break.
write("controls", with_row(b'"meet\x1b]0;owned\x07\ning"' + b"," * 32))
# A value quoted in a problem, holding a terminal's escape sequence and a
# line break.
write("controls", with_row(b'"meet\x1b]0;owned\x07\ning"' + b"," * 32))
write("bom", b"\xef\xbb\xbf" + good)
# A person whose name is only blanks, with the sessions that name them.
def blank_name(l):
    f = l.split(b",")
    if f[0] == b"person":
        f[4] = b"   "
    return b",".join(f)
write("blankname", b"\r\n".join([head] + [blank_name(l) for l in body]))
EOF

broken unterminated 2 "^unterminated.csv:[0-9]+:2: quoted field not closed"
broken columns 2 "^columns.csv:[0-9]+: 3 fields, expected 33"
broken record 2 '^record.csv:[0-9]+: unknown record type "meeting"'
broken date 2 'date.csv:[0-9]+:25: column "time": bad time "2026-[0-9-]+T25:30:00Z"'
broken nul 2 "^nul.csv:[0-9]+:[0-9]+: .*(NUL|nul|zero)"
broken midbom 2 "^midbom.csv:[0-9]+: unknown record type"
broken bigfield 2 "^bigfield.csv:[0-9]+:[0-9]+: .*(long|large|MiB|bytes)"
broken header 2 '^header.csv:1: not an `ownit export --detail` file'
broken controls 2 '^controls.csv:[0-9]+: unknown record type "meet�\]0;owned� ing"'
unlike "$err" "$(printf '[\033\007]')" "controls: no control byte of the file is printed"
broken controls 2 '^controls.csv:[0-9]+: unknown record type "meet�\]0;owned� ing"'
unlike "$err" "$(printf '[\033\007]')" "controls: no control byte of the file is printed"
broken many 2 "problems; nothing was imported"
n=$(printf '%s\n' "$err" | grep -c '^many.csv:[0-9]*: ')
is "$n" 2 "many: every problem is reported"
like "$err" "ownit: many.csv: 2 problems; nothing was imported" "many: the count is given"

# A blank name is the person row's one problem, named by its column;
# the rows naming that person are not each reported again.
: >"$T/blank.db"
chmod 600 "$T/blank.db"
run sh -c 'cd "$1" && exec "$2" --db "$3" import "$4"' sh "$T" \
	"$OWNIT" "$T/blank.db" blankname.csv
is "$status" 2 "blank name: exit status 2"
is "$err" "blankname.csv:2:5: column \"name\": a person's name must not be blank
ownit: blankname.csv: 1 problem; nothing was imported" \
	"blank name: one problem, at its column, and no cascade"
is "$(count "$T/blank.db" person)" 0 "blank name: nobody imported"

# A byte order mark at the start (export --bom) is fine.
run "$OWNIT" --db "$T/bom.db" import "$T/bom.csv"
is "$status" 0 "a leading byte order mark is accepted"

run "$OWNIT" --db "$target" import "$T/missing.csv"
is "$status" 2 "a missing file exits 2"
like "$err" "missing.csv" "the missing file is named"
run "$OWNIT" --db "$target" import
is "$status" 2 "no file exits 2"

# The same uuid twice: an identical record is skipped, a different one is
# a problem naming both places (two lines of the file, or a line and the
# record stored in the database).
"$PYTHON3" - "$T" <<'EOF'
import csv, io, sys
t = sys.argv[1]
rows = list(csv.reader(open(t + "/me.csv", newline="", encoding="utf-8")))
head, body = rows[0], rows[1:]
sessions, cur = [], None
for r in body:
    if r[0] == "session":
        cur = [r]
        sessions.append(cur)
    elif cur is not None and r[0] != "person":
        cur.append(r)
person = [r for r in body if r[0] == "person"][0]
flat = [r for b in sessions for r in b]
s1 = sessions[0]
facts = open(t + "/dup.facts", "w")
def fact(k, v):
    facts.write("%s=%s\n" % (k, v))
def write(name, recs):
    # Writes recs as NAME.csv; returns the line each record starts on.
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    at = []
    for r in [head] + recs:
        at.append(buf.getvalue().count("\n") + 1)
        w.writerow(r)
    with open("%s/%s.csv" % (t, name), "w", newline="", encoding="utf-8") as f:
        f.write(buf.getvalue())
    return at[1:]
def changed(block, kind, col, value):
    out = [list(r) for r in block]
    for r in out:
        if r[0] == kind:
            r[col] = value if r[col] != value else value + "0"
            break
    return out
fact("S1", s1[0][1])
fact("P", person[1])
# A session copied whole further down, once the same, once with one
# rating changed.
write("twice_same", [person] + flat + s1)
at = write("twice_diff", [person] + flat + changed(s1, "rating", 14, "1"))
fact("twice_diff_first", at[1])
fact("twice_diff_second", at[1 + len(flat)])
# A person twice, with another role the second time.
p2 = list(person)
p2[5] = "Chief of data"
at = write("person_twice", [person] + flat + [p2])
fact("person_twice_first", at[0])
fact("person_twice_second", at[-1])
# Against the database holding me.csv: a session and a person changed.
write("stored_session", [person] + changed(s1, "answer", 14, "0") +
      [r for b in sessions[1:] for r in b])
write("stored_person", [p2] + flat)
# A new session whose note (or commitment) has the uuid of one stored.
note = [r for r in flat if r[0] == "note"][0]
commit = [r for r in flat if r[0] == "commitment"][0]
new = "0000beef-0000-4000-8000-000000000001"
def new_session(extra):
    sr = list(s1[0])
    sr[1] = new
    out = [sr]
    for r in extra:
        r = list(r)
        r[3] = new
        out.append(r)
    return out
at = write("note_stored", [person] + new_session([note]))
fact("note_line", at[-1])
fact("N", note[1])
fact("N_SESSION", note[3])
at = write("commit_stored", [person] + new_session([commit]))
fact("commit_line", at[-1])
fact("C", commit[1])
fact("C_SESSION", commit[3])
# The same within one file: the note again in a new session.
at = write("note_twice", [person] + flat + new_session([note]))
fact("note_twice_first", at[1 + flat.index(note)])
fact("note_twice_second", at[-1])
# Two notes (each with its own uuid) in one session block: a session has
# one note, so the second must not silently replace the first.
n1 = list(note)
n1[1] = "0000beef-0000-4000-8000-00000000000a"
n2 = list(note)
n2[1] = "0000beef-0000-4000-8000-00000000000b"
n2[15] = "A second note for the same session"
at = write("two_notes", [person] + new_session([n1, n2]))
fact("two_notes_first", at[-2])
fact("two_notes_second", at[-1])
# A second row for a place a session holds once: an item's answer, a
# pillar's rating, the ladder, a rung's answer; changed or the same.
# The store would keep only the last, and a second import of the file
# would then find the session changed.
def held_once(kind):
    # The session row and its answers, ratings and ladder of the first
    # session with a KIND row, moved to a new uuid.
    b = next(b for b in sessions if any(r[0] == kind for r in b))
    keep = ("answer", "rating", "ladder", "ladder_step")
    out = [list(b[0])] + [list(r) for r in b[1:] if r[0] in keep]
    out[0][1] = new
    for r in out[1:]:
        r[3] = new
    return out
for kind, col, value in (("answer", 14, "0"), ("rating", None, None),
                         ("ladder", 15, "Another situation"),
                         ("ladder_step", None, None)):
    recs = held_once(kind)
    i = next(k for k, r in enumerate(recs) if r[0] == kind)
    again = list(recs[i])
    if col is not None:
        again[col] = value if again[col] != value else "1"
    at = write("twice_" + kind, [person] + recs[:i + 1] + [again] +
               recs[i + 1:])
    fact("twice_%s_first" % kind, at[1 + i])
    fact("twice_%s_second" % kind, at[2 + i])
    fact("twice_%s_key" % kind, again[19] if kind == "ladder_step"
         else again[13])
EOF
. "$T/dup.facts"
medb=$T/me.db
"$OWNIT" --db "$medb" import "$T/me.csv" >/dev/null || fail "me.csv imported"
me_sum=$(sha256sum <"$medb")
cp "$medb" "$T/scratch.db"
nme=$(csv_count "$T/me.csv" session)

run "$OWNIT" --db "$T/twice_same.db" import "$T/twice_same.csv"
is "$status" 0 "an identical session twice in a file imports"
like "$out" "sessions $nme added, 1 skipped" "the copy is counted as skipped"
is "$(count "$T/twice_same.db" session)" "$nme" "and not written twice"

# refused NAME DB REGEX TEST: importing $T/NAME.csv into DB exits 2
# naming REGEX, and leaves DB as it was.
refused() {
	before=$(sha256sum <"$2" 2>/dev/null)
	run sh -c 'cd "$1" && exec "$2" --db "$3" import "$4"' sh "$T" \
		"$OWNIT" "$2" "$1.csv"
	is "$status" 2 "$4: exit status 2"
	like "$err" "$3" "$4: both places named"
	like "$err" "1 problem; nothing was imported" "$4: nothing imported"
	is "$(sha256sum <"$2" 2>/dev/null)" "$before" "$4: database untouched"
}
refused twice_diff "$T/scratch.db" \
	"^twice_diff.csv:$twice_diff_second: session $S1 differs from the session with the same uuid at twice_diff.csv:$twice_diff_first" \
	"two different sessions with one uuid in a file"
refused person_twice "$T/scratch.db" \
	"^person_twice.csv:$person_twice_second: person $P differs from the person with the same uuid at person_twice.csv:$person_twice_first" \
	"a person twice with different content"
refused note_twice "$T/scratch.db" \
	"^note_twice.csv:$note_twice_second: note $N differs from the note with the same uuid at note_twice.csv:$note_twice_first" \
	"one note uuid in two sessions of a file"
refused two_notes "$T/scratch.db" \
	"^two_notes.csv:$two_notes_second: session 0000beef-0000-4000-8000-000000000001 has a second note; its first note is at two_notes.csv:$two_notes_first" \
	"two notes in one session block"
new=0000beef-0000-4000-8000-000000000001
refused twice_answer "$T/scratch.db" \
	"^twice_answer.csv:$twice_answer_second: session $new answers item \"$twice_answer_key\" twice; its first answer is at twice_answer.csv:$twice_answer_first" \
	"an item answered twice in one session"
refused twice_rating "$T/scratch.db" \
	"^twice_rating.csv:$twice_rating_second: session $new rates \"$twice_rating_key\" twice; its first rating is at twice_rating.csv:$twice_rating_first" \
	"a pillar rated twice in one session, the same both times"
refused twice_ladder "$T/scratch.db" \
	"^twice_ladder.csv:$twice_ladder_second: session $new has a second ladder; its first ladder is at twice_ladder.csv:$twice_ladder_first" \
	"two ladders in one session"
refused twice_ladder_step "$T/scratch.db" \
	"^twice_ladder_step.csv:$twice_ladder_step_second: session $new answers rung $twice_ladder_step_key twice; its first answer is at twice_ladder_step.csv:$twice_ladder_step_first" \
	"a rung answered twice in one session, the same both times"
refused stored_session "$medb" \
	"^stored_session.csv:3: session $S1 differs from the session stored with the same uuid" \
	"a session changed since it was imported"
refused stored_person "$medb" \
	"^stored_person.csv:2: person $P differs from the person stored with the same uuid" \
	"a person changed since they were imported"
refused note_stored "$medb" \
	"^note_stored.csv:$note_line: note $N differs from the note stored with the same uuid, the note of session $N_SESSION" \
	"a new session's note with a stored note's uuid"
refused commit_stored "$medb" \
	"^commit_stored.csv:$commit_line: commitment $C differs from the commitment stored with the same uuid, made in session $C_SESSION" \
	"a new session's commitment with a stored commitment's uuid"
is "$(sha256sum <"$medb")" "$me_sum" "the database holding me.csv never changed"

# Memory stays flat: what the import remembers (uuids met, follow-ups
# waiting for a session further down) must not grow with the file, nor
# must linking them at the end.  Two files of one session with 40,000
# and 120,000 commitments: the first followed up in a session the file
# never brings, every other one in the session that ends the file.
"$PYTHON3" - "$T" <<'EOF'
import sys
t = sys.argv[1]
head = open(t + "/one.csv", newline="", encoding="utf-8").readline().rstrip("\r\n")
# The first 30 columns, as an export before team rounds wrote them.
head = ",".join(head.split(",")[:30])
P = "11111111-1111-4111-8111-111111111111"
S = "22222222-2222-4222-8222-222222222222"
R = "33333333-3333-4333-8333-333333333333"
Q = "55555555-5555-4555-8555-555555555555"
for n in (40000, 120000):
    with open("%s/pending%d.csv" % (t, n), "w", newline="") as f:
        f.write(head + "\r\n")
        f.write("person,%s,,,Pat,,,0,,,,,,,,,,,,,,,,,"
                "2026-01-01T00:00:00Z,,,,,\r\n" % P)
        f.write("session,%s,%s,,,,,,self,,open,x,,,,,,,,,,,,,"
                "2026-01-02T00:00:00Z,,,,,\r\n" % (S, P))
        for i in range(n):
            f.write("commitment,44444444-4444-4444-8444-%012d,%s,%s,,,,,,,"
                    "kept,,,,,Step %d,,,,,,,%s,,2026-01-02T00:00:00Z,"
                    "2026-01-03T00:00:00Z,,,,\r\n" % (i, P, S, i,
                                                       Q if i == 0 else R))
        f.write("session,%s,%s,,,,,,self,,open,x,,,,,,,,,,,,,"
                "2026-01-09T00:00:00Z,,,,,\r\n" % (R, P))
EOF
# As in export.sh: AddressSanitizer's quarantine off, the program itself
# measured (not a valgrind wrapper).
rss() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
		/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1
}
if [ -x /usr/bin/time ]; then
	small_kb=$(rss "$OWNIT_BIN" --db "$T/pending-small.db" import "$T/pending40000.csv")
	big_kb=$(rss "$OWNIT_BIN" --db "$T/pending-big.db" import "$T/pending120000.csv")
	# Linking the follow-ups as one UPDATE ... FROM held them all in
	# memory: +800 KiB from the small file to the big one.
	if [ "$big_kb" -lt $((small_kb + 512)) ]; then
		pass "import memory stays flat ($small_kb KiB -> $big_kb KiB)"
	else
		fail "import memory stays flat" "$small_kb KiB -> $big_kb KiB"
	fi
	is "$(count "$T/pending-big.db" commitment)" 120000 \
		"every commitment of the big file is in"
	is "$("$SQLITE3" "$T/pending-big.db" "SELECT count(*) FROM commitment
	  c JOIN session s ON s.id = c.reviewed_session_id
	  WHERE s.uuid = '33333333-3333-4333-8333-333333333333'")" 119999 \
		"follow-ups in the session that ends the file are linked"
	is "$("$SQLITE3" "$T/pending-big.db" "SELECT reviewed_session_id IS NULL
	  FROM commitment WHERE uuid = '44444444-4444-4444-8444-000000000000'")" 1 \
		"a follow-up in a session that never came stays unlinked"
else
	fail "GNU time is installed (apt-get install time)"
fi

# From standard input.
run sh -c '"$0" --db "$1" import - <"$2"' "$OWNIT" "$T/stdin.db" "$T/me.csv"
is "$status" 0 "import - reads standard input"

# A team round's tallies: an answer counted twice (the store would add
# the two up) or more answers than the round has responses (no report
# could show it) are refused, naming the lines.
"$OWNIT" demo "$T/team.db" >/dev/null 2>&1
"$OWNIT" --db "$T/team.db" survey import \
	"$OWNIT_SRCDIR/tests/cli/survey/google-forms.csv" \
	--person "Amira Haddad" --date 2026-11-28 >/dev/null 2>&1
"$OWNIT" --db "$T/team.db" export --detail -o "$T/team.csv" 2>/dev/null
"$PYTHON3" - "$T" <<'EOF2'
import csv, io, sys
t = sys.argv[1]
rows = list(csv.reader(open(t + "/team.csv", newline="", encoding="utf-8")))
head, body = rows[0], rows[1:]
rnd = [i for i, r in enumerate(body) if r[0] == "team_round"][0]
tal = rnd + 1
facts = open(t + "/team.facts", "w")
def write(name, recs):
    # Writes recs as NAME.csv; returns the line each record starts on.
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    at = []
    for r in [head] + recs:
        at.append(buf.getvalue().count("\n") + 1)
        w.writerow(r)
    open("%s/%s.csv" % (t, name), "w", newline="", encoding="utf-8").write(
        buf.getvalue())
    return at[1:]
facts.write("round=%s\n" % body[rnd][1])
facts.write("item=%s\n" % body[tal][head.index("item")])
facts.write("value=%s\n" % body[tal][head.index("value")])
facts.write("responses=%s\n" % body[rnd][head.index("count")])
at = write("tally_twice", body[:tal + 1] + [body[tal]] + body[tal + 1:])
facts.write("twice_first=%d\ntwice_second=%d\n" % (at[tal], at[tal + 1]))
many = [list(r) for r in body]
many[tal][head.index("count")] = "99"
at = write("tally_too_many", many)
facts.write("many_line=%d\n" % at[tal])
EOF2
. "$T/team.facts"
refused tally_twice "$T/scratch.db" \
	"^tally_twice.csv:$twice_second: team round $round counts answer $value to \"$item\" twice; its first count is at tally_twice.csv:$twice_first" \
	"a team answer counted twice"
refused tally_too_many "$T/scratch.db" \
	"^tally_too_many.csv:$many_line: team round $round: \"$item\" has 99 answers counted so far, more than the round's $responses responses" \
	"more answers than the round has responses"

done_testing
