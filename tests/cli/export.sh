#!/bin/sh
# ownit export: both formats read back by Python's csv module and checked
# against the database as the sqlite3 shell sees it; locale, quoting,
# spreadsheet safety, filters and the atomic write's failure modes.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

: "${SQLITE3:?}" "${PYTHON3:?}"
T=$T_TMP
db=$T/demo.db
run "$OWNIT" demo "$db"
is "$status" 0 "demo database made"

# Notes a spreadsheet and a CSV writer must both survive: commas, quotes,
# line breaks, non-ASCII text and a leading '=' (a formula).
"$SQLITE3" "$db" "UPDATE note SET body = '=HYPERLINK(\"http://x\"), said \"Zoë\"' || char(10) || 'línea dos, ünï' WHERE session_id = 2;
UPDATE note SET body = '+1 and -2' WHERE session_id = 3;
UPDATE session SET coach = '@coach, \"the\" best' WHERE id = 3;"

HEADER='session_id,person,kind,coach,started_at,completed_at,status,content_version,flag_vague_updates,flag_slow_escalation,flag_not_my_job,flag_missed_commitments,flag_passive_agreement,pillar_clarity,pillar_trust_openness,pillar_autonomy,pillar_feedback_systems,pillar_role_modelling,vision,evidence_clarity,evidence_trust_openness,evidence_autonomy,evidence_feedback_systems,evidence_role_modelling,strongest_flag,ladder_situation,ladder_start,ladder_reached,commitments_made,commitments_kept,commitments_missed,notes,team_day,team_label,team_responses,team_flag_vague_updates,team_flag_slow_escalation,team_flag_not_my_job,team_flag_missed_commitments,team_flag_passive_agreement,team_spread_vague_updates,team_spread_slow_escalation,team_spread_not_my_job,team_spread_missed_commitments,team_spread_passive_agreement,team_gap_flag_vague_updates,team_gap_flag_slow_escalation,team_gap_flag_not_my_job,team_gap_flag_missed_commitments,team_gap_flag_passive_agreement,team_pillar_clarity,team_pillar_trust_openness,team_pillar_autonomy,team_pillar_feedback_systems,team_pillar_role_modelling,team_pillar_vision,team_gap_clarity,team_gap_trust_openness,team_gap_autonomy,team_gap_feedback_systems,team_gap_role_modelling,team_gap_vision'

# The database as the sqlite3 shell sees it, one CSV file per question.
"$SQLITE3" -csv -header "$db" "SELECT s.id, s.uuid, p.name, s.kind,
  coalesce(s.coach, '') AS coach, s.started, coalesce(s.completed, '')
  AS completed, s.status, s.content_version,
  coalesce(n.body, '') AS note,
  coalesce(l.situation, '') AS situation,
  coalesce(l.start_rung, '') AS start_rung,
  coalesce(l.reached_rung, '') AS reached_rung,
  (SELECT count(*) FROM commitment c WHERE c.session_id = s.id) AS made,
  (SELECT count(*) FROM commitment c WHERE c.reviewed_session_id = s.id
   AND c.session_id <> s.id AND c.status = 'kept') AS kept,
  (SELECT count(*) FROM commitment c WHERE c.reviewed_session_id = s.id
   AND c.session_id <> s.id AND c.status = 'missed') AS missed,
  (SELECT count(*) FROM commitment c WHERE c.reviewed_session_id = s.id
   AND c.session_id <> s.id
   AND (coalesce(c.owner, '') = '' OR lower(c.owner) = lower(p.name))
   AND (c.status = 'missed' OR (c.status = 'renegotiated'
        AND date(c.reviewed) > c.due))) AS evidence
  FROM session s JOIN person p ON p.id = s.person_id
  LEFT JOIN note n ON n.session_id = s.id
  LEFT JOIN ladder l ON l.session_id = s.id
  ORDER BY s.started, s.id" >"$T/sessions.csv"
"$SQLITE3" -csv -header "$db" "SELECT session_id, item_id, value FROM answer
  WHERE value IS NOT NULL" >"$T/answers.csv"
"$SQLITE3" -csv -header "$db" "SELECT session_id, pillar_id, value
  FROM rating" >"$T/ratings.csv"

# check.py EXPORT RAW: compares a summary export with the database.
# Scores are worked out here from the answers and content/items.csv, on
# the rules of score.h, independently of ownit's own code.
cat >"$T/check.py" <<'EOF'
import csv, sys
export, raw, tmp, src = sys.argv[1], sys.argv[2] == "raw", sys.argv[3], sys.argv[4]

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

items = {r["id"]: r for r in rows(src + "/content/items.csv")}
answers, ratings = {}, {}
for a in rows(tmp + "/answers.csv"):
    answers.setdefault(a["session_id"], []).append(a)
for r in rows(tmp + "/ratings.csv"):
    ratings.setdefault(r["session_id"], {})[r["pillar_id"]] = int(r["value"])

def two(x):
    return "" if x is None else "%.2f" % (x + 1e-9)

def safe(v):
    if not raw and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v

# Free text is guarded also when a spreadsheet would convert it: anything
# starting with an ASCII non-letter (plain integers aside), booleans, Err:.
def text(v):
    c = v[:1]
    plain = v.isdigit() and len(v) <= 15 and (v[0] != "0" or len(v) == 1)
    if raw or not v or plain:
        return v
    if (c.isascii() and not c.isalpha()) or v.lower() in ("true", "false") \
            or v.startswith("Err:"):
        return "'" + v
    return v

fails = []
with open(export, newline="", encoding="utf-8") as f:
    got = list(csv.DictReader(f))
want = rows(tmp + "/sessions.csv")
if len(got) != len(want):
    fails.append("%d rows, database has %d sessions" % (len(got), len(want)))
for g, w in zip(got, want):
    sid = w["id"]
    def eq(col, value):
        if g[col] != value:
            fails.append("session %s %s: got %r want %r" % (sid, col, g[col], value))
    eq("session_id", w["uuid"])
    eq("person", text(w["name"]))
    eq("kind", w["kind"])
    eq("coach", text(w["coach"]))
    eq("status", w["status"])
    eq("content_version", text(w["content_version"]))
    eq("started_at", w["started"].replace("Z", "+00:00"))
    eq("completed_at", w["completed"].replace("Z", "+00:00"))
    eq("notes", text(w["note"]))
    eq("ladder_situation", text(w["situation"]))
    eq("ladder_start", w["start_rung"])
    eq("ladder_reached", w["reached_rung"])
    eq("commitments_made", w["made"])
    eq("commitments_kept", w["kept"])
    eq("commitments_missed", w["missed"])
    flags = {}
    for a in answers.get(sid, []):
        it = items[a["item_id"]]
        v = int(a["value"])
        flags.setdefault(it["flag"], []).append(4 - v if it["reverse"] == "1" else v)
    # The person's own misses, and renegotiations after the due day.
    missed = min(int(w["evidence"]), 4)
    if missed:
        flags.setdefault("missed-commitments", []).extend([4] * missed)
    for fl in ("vague-updates", "slow-escalation", "not-my-job",
               "missed-commitments", "passive-agreement"):
        vs = flags.get(fl)
        eq("flag_" + fl.replace("-", "_"), two(sum(vs) / len(vs)) if vs else "")
    rs = ratings.get(sid, {})
    for p in ("clarity", "trust-openness", "autonomy", "feedback-systems",
              "role-modelling"):
        eq("pillar_" + p.replace("-", "_"), two(rs.get(p)))
    eq("vision", two(rs.get("vision")))
for line in fails[:20]:
    print(line)
sys.exit(1 if fails else 0)
EOF

run "$OWNIT" --db "$db" export -o "$T/summary.csv"
is "$status" 0 "summary export succeeds"
nsess=$("$SQLITE3" "$db" "SELECT count(*) FROM session")
is "$err" "ownit: wrote $nsess rows to $T/summary.csv" "says how many rows it wrote"
is "$(head -n 1 "$T/summary.csv" | tr -d '\r')" "$HEADER" "summary header, exactly"
run "$PYTHON3" "$T/check.py" "$T/summary.csv" safe "$T" "$OWNIT_SRCDIR"
is "$status" 0 "every summary value matches the database"
[ "$status" -eq 0 ] || fail "mismatches" "$out"

run "$PYTHON3" -c '
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\r\n"), "no CRLF at the end"
assert not data.startswith(b"\xef\xbb\xbf"), "BOM without --bom"
# Records end in CRLF; line breaks inside notes stay bare LF.
assert data.count(b"\r\n") == int(sys.argv[2]) + 1, data.count(b"\r\n")
assert b"\"\x27=HYPERLINK(\"\"http://x\"\"), said \"\"Zo\xc3\xab\"\"\nl\xc3\xadnea dos, \xc3\xbcn\xc3\xaf\"" in data
# A guarded cell is always quoted, so a reader takes it for text.
assert b",\"\x27+1 and -2\"," in data
assert b",\"\x27@coach, \"\"the\"\" best\"," in data
' "$T/summary.csv" "$nsess"
is "$status" 0 "RFC 4180 quoting, CRLF, embedded newline kept, formulas neutralised"
[ "$status" -eq 0 ] || fail "byte checks" "$err"

run "$OWNIT" --db "$db" export --raw
printf '%s\n' "$out" >"$T/raw.csv"
run "$PYTHON3" "$T/check.py" "$T/raw.csv" raw "$T" "$OWNIT_SRCDIR"
is "$status" 0 "--raw writes values exactly"

# A comma-decimal locale changes nothing.  The locale is installed by
# bootstrap --deps and .ci/run; without it this test fails on purpose.
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\{0,1\}8$'; then
	pass "de_DE.UTF-8 locale is installed"
else
	fail "de_DE.UTF-8 locale is installed" \
		"generate it: echo de_DE.UTF-8 UTF-8 >>/etc/locale.gen && locale-gen"
fi
LC_ALL=de_DE.UTF-8 "$OWNIT" --db "$db" export >"$T/de.csv" 2>"$T/de.err"
is "$?" 0 "export under LC_ALL=de_DE.UTF-8"
is "$(cat "$T/de.err")" "" "no locale complaint"
if cmp -s "$T/de.csv" "$T/summary.csv"; then
	pass "German locale: byte-identical output"
else
	fail "German locale: byte-identical output"
fi
run "$PYTHON3" -c '
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
n = 0
for r in rows:
    for k, v in r.items():
        if k.startswith(("flag_", "pillar_", "evidence_")) or k == "vision":
            if v:
                assert re.fullmatch(r"\d\.\d\d", v), (k, v)
                n += 1
assert n > 100, n
' "$T/de.csv"
is "$status" 0 "scores have two decimals and a point"

run "$OWNIT" --db "$db" export --bom
like "$(printf '%s' "$out" | head -c 3 | od -An -tx1)" "ef bb bf" "--bom starts with a byte order mark"

# Filters.
run "$OWNIT" --db "$db" export --person 'jonas weiß' --status complete
is "$status" 0 "--person (any letter case) and --status"
want=$("$SQLITE3" "$db" "SELECT count(*) FROM session s JOIN person p
  ON p.id = s.person_id WHERE p.name = 'Jonas Weiß' AND status = 'complete'")
is "$(printf '%s\n' "$out" | "$PYTHON3" -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))) - 1)')" \
	"$want" "--person selects that person's sessions"
run "$OWNIT" --db "$db" export --since 2026-07-01 --until 2026-08-31
want=$("$SQLITE3" "$db" "SELECT count(*) FROM session WHERE
  date(started) BETWEEN '2026-07-01' AND '2026-08-31'")
is "$(printf '%s\n' "$out" | "$PYTHON3" -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))) - 1)')" \
	"$want" "--since and --until are inclusive days"
run "$OWNIT" --db "$db" export --person Nobody
is "$status" 2 "unknown person exits 2"
like "$err" 'no person called "Nobody"' "unknown person named"
run "$OWNIT" --db "$db" export --since 2026-02-30
is "$status" 2 "bad date exits 2"
like "$err" 'YYYY-MM-DD, not "2026-02-30"' "bad date named"
for how in "-o $T/never.csv" "--xlsx $T/never.xlsx"; do
	# shellcheck disable=SC2086
	run "$OWNIT" --db "$db" export $how --since 2026-11-20 --until 2026-11-01
	is "$status" 2 "export $how: --since after --until exits 2"
	like "$err" "--since 2026-11-20 is later than --until 2026-11-01" \
		"export $how: both days named"
done
[ ! -e "$T/never.csv" ] && [ ! -e "$T/never.xlsx" ]
is "$?" 0 "an empty range writes no file"
run "$OWNIT" --db "$db" export --status done
is "$status" 2 "bad status exits 2"

# Detail: one row per record, counted against every table.
run "$OWNIT" --db "$db" export --detail -o "$T/detail.csv"
is "$status" 0 "detail export succeeds"
run "$PYTHON3" -c '
import csv, subprocess, sys
path, sqlite, db = sys.argv[1:4]
rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
head = rows[0]
assert head == ["record", "uuid", "person", "session", "name", "role",
    "team", "archived", "kind", "coach", "status", "content_version", "step",
    "item", "value", "text", "note", "start_rung", "reached_rung", "rung",
    "owner", "due", "reviewed_in", "obstacle", "time", "closed",
    "no_occasion", "regulated", "helped", "differently", "day", "round",
    "count"], head
assert all(len(r) == 33 for r in rows)
# Only person rows fill the regulated column, with 0 or 1.
assert all(r[27] in ("0", "1") if r[0] == "person" else r[27] == ""
    for r in rows[1:])
# The follow-up answers travel on the commitment rows.
assert any(r[0] == "commitment" and r[10] == "kept" and r[28] for r in rows)
assert any(r[0] == "commitment" and r[10] == "missed" and r[29] for r in rows)
count = {}
for r in rows[1:]:
    count[r[0]] = count.get(r[0], 0) + 1
tables = {"person": "person", "session": "session", "answer": "answer",
    "rating": "rating", "ladder": "ladder", "ladder_step": "ladder_step",
    "commitment": "commitment", "note": "note"}
for rec, table in tables.items():
    n = int(subprocess.check_output([sqlite, db, "SELECT count(*) FROM " + table]))
    assert count.get(rec, 0) == n, (rec, count.get(rec), n)
# Guarded: the note is behind a \x27, which import removes.
assert any(r[0] == "note" and r[15].startswith("\x27=HYPERLINK") for r in rows)
# Every uuid of the database is there.
uuids = subprocess.check_output([sqlite, db, "SELECT uuid FROM session"]).decode().split()
assert set(uuids) == {r[1] for r in rows if r[0] == "session"}
' "$T/detail.csv" "$SQLITE3" "$db"
is "$status" 0 "detail: header, a row per record of every table, guarded values"
[ "$status" -eq 0 ] || fail "detail checks" "$err"

# Atomic writes.  A missing folder: exit 2, nothing created.
run "$OWNIT" --db "$db" export -o "$T/no/such/dir/out.csv"
is "$status" 2 "missing folder exits 2"
is "$err" "ownit: $T/no/such/dir/out.csv: the folder does not exist" \
	"missing folder is named"

# Replacing a file leaves no temporary file behind.
mkdir "$T/out"
printf 'old\n' >"$T/out/x.csv"
run "$OWNIT" --db "$db" export -o "$T/out/x.csv"
is "$status" 0 "export over an old file"
is "$(ls -A "$T/out")" "x.csv" "no temporary file left"
is "$(head -n 1 "$T/out/x.csv" | tr -d '\r')" "$HEADER" "old file replaced"

# Permission denied, as an unprivileged user (CI runs as root, and root
# is never denied).  The old file must stay as it was.
mkdir "$T/locked"
printf 'old\n' >"$T/locked/x.csv"
before=$(sha256sum "$T/locked/x.csv")
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null || fail "setpriv is installed (util-linux)"
	mkdir "$T/nobody"
	cp "$db" "$T/nobody/demo.db"
	chown -R 65534:65534 "$T/nobody"
	chmod 755 "$T" "$T/locked"
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
		env HOME="$T/nobody" "$OWNIT" --db "$T/nobody/demo.db" \
		export --detail -o "$T/locked/x.csv"
else
	chmod 555 "$T/locked"
	run "$OWNIT" --db "$db" export --detail -o "$T/locked/x.csv"
fi
is "$status" 1 "permission denied exits 1"
like "$err" "^ownit: $T/locked/x.csv: permission denied" "permission denied is named"
is "$(sha256sum "$T/locked/x.csv")" "$before" "old file untouched"
is "$(ls -A "$T/locked")" "x.csv" "no temporary file left"
chmod 755 "$T/locked"

# A full disk on standard output.
"$OWNIT" --db "$db" export --detail >/dev/full 2>"$T/full.err"
is "$?" 1 "disk full exits 1"
like "$(cat "$T/full.err")" "^ownit: standard output: disk full" "disk full is named"

# Memory stays flat: 200 times more sessions must not need much more.
big=$T/big.db
"$SQLITE3" "$db" ".backup '$big'"
"$SQLITE3" "$big" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
  FROM n WHERE i < 3000) INSERT INTO session (uuid, person_id, kind, started,
  status, content_version) SELECT printf('00000000-0000-4000-8000-%012d', i),
  1, 'self', printf('2027-01-01T%02d:%02d:%02dZ', i / 3600, i / 60 % 60,
  i % 60), 'open', 'x' FROM n;
INSERT INTO answer SELECT s.id, a.item_id, a.statement, a.value, a.note,
  a.answered FROM session s, answer a WHERE s.kind = 'self'
  AND s.content_version = 'x' AND a.session_id = 1;"
# Under AddressSanitizer freed memory is held in quarantine, which would
# look like growth: measure with the quarantine off.  Under valgrind the
# wrapper's memory is valgrind's: measure the program itself.
rss() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
		/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1
}
if [ -x /usr/bin/time ]; then
	small_kb=$(rss "$OWNIT_BIN" --db "$db" export)
	big_kb=$(rss "$OWNIT_BIN" --db "$big" export)
	if [ "$big_kb" -lt $((small_kb + 8192)) ]; then
		pass "memory stays flat ($small_kb KiB -> $big_kb KiB)"
	else
		fail "memory stays flat" "$small_kb KiB -> $big_kb KiB"
	fi
	# The workbook streams too (libxlsxwriter's constant-memory mode).
	small_kb=$(rss "$OWNIT_BIN" --db "$db" export --xlsx "$T/small.xlsx")
	big_kb=$(rss "$OWNIT_BIN" --db "$big" export --xlsx "$T/big.xlsx")
	if [ "$big_kb" -lt $((small_kb + 8192)) ]; then
		pass "workbook memory stays flat ($small_kb KiB -> $big_kb KiB)"
	else
		fail "workbook memory stays flat" "$small_kb KiB -> $big_kb KiB"
	fi
else
	fail "GNU time is installed (apt-get install time)"
fi

# Exporting onto the database itself, or its -wal or -shm file (there or
# not yet), by any path or symlink: refused with exit 2, database intact.
mkdir -p "$T/dbdir"
cp "$db" "$T/dbdir/o.db"
ln -s "$T/dbdir/o.db" "$T/dblink"
ln -s o.db-shm "$T/dbdir/shmlink"
sum=$(cksum <"$T/dbdir/o.db")
for target in "$T/dbdir/o.db" "$T/dblink" "$T/dbdir/../dbdir/o.db" \
	"$T/dbdir/o.db-wal" "$T/dbdir/shmlink" "$T/dblink-wal"; do
	for how in "-o" "--detail -o" "--xlsx"; do
		# shellcheck disable=SC2086
		run "$OWNIT" --db "$T/dbdir/o.db" export $how "$target"
		case $target in
		*-wal | *shmlink) want="that is the database's" ;;
		*) want="that is the database itself" ;;
		esac
		[ "$target" = "$T/dblink-wal" ] && want=none
		if [ "$want" = none ]; then
			# dblink-wal is a new file beside the symlink, not the
			# database's journal: allowed.
			is "$status" 0 "export $how $(basename "$target"): another file"
			rm -f "$target"
		else
			is "$status" 2 "export $how $(basename "$target"): exit 2"
			like "$err" "$want" "export $how $(basename "$target"): says why"
		fi
	done
done
is "$(cksum <"$T/dbdir/o.db")" "$sum" "the database is untouched"
[ ! -e "$T/dbdir/o.db-wal" ] && [ ! -e "$T/dbdir/o.db-shm" ]
is "$?" 0 "no journal file was written"

# What -o names is written where the shell's > would write: a symlink
# stays a link and the file it points to is replaced (keeping its mode), a
# pipe or device is written to, a folder is refused.  None of them may
# become a plain file.
mkdir "$T/kinds" "$T/kinds/dir.csv"
echo old >"$T/kinds/target.csv"
chmod 640 "$T/kinds/target.csv"
ln -s target.csv "$T/kinds/link.csv"
ln -s later.csv "$T/kinds/dangling.csv"
ln -s /dev/full "$T/kinds/full.csv"
mkfifo "$T/kinds/fifo"
run "$OWNIT" --db "$db" export -o "$T/kinds/link.csv"
is "$status" 0 "export onto a symlink: exit 0"
[ -L "$T/kinds/link.csv" ]
is "$?" 0 "the symlink is still a symlink"
is "$(head -c 10 "$T/kinds/target.csv")" "session_id" "the file it points to holds the export"
is "$(stat -c %a "$T/kinds/target.csv")" 640 "that file keeps its mode"
run "$OWNIT" --db "$db" export --xlsx "$T/kinds/link.csv"
[ -L "$T/kinds/link.csv" ] && [ "$(head -c 2 "$T/kinds/target.csv")" = PK ]
is "$?" 0 "a workbook goes through the symlink too"
run "$OWNIT" --db "$db" export -o "$T/kinds/dangling.csv"
[ -L "$T/kinds/dangling.csv" ] && [ -f "$T/kinds/later.csv" ]
is "$status.$?" 0.0 "a dangling symlink gets the file it names"
timeout 20 cat "$T/kinds/fifo" >"$T/kinds/from-fifo" &
reader=$!
run timeout 20 "$OWNIT" --db "$db" export -o "$T/kinds/fifo"
wait "$reader"
is "$status" 0 "export into a FIFO: exit 0"
[ -p "$T/kinds/fifo" ]
is "$?" 0 "the FIFO is still a FIFO"
is "$(head -n 1 "$T/kinds/from-fifo" | tr -d "\r")" "$HEADER" "the reader got the export"
run "$OWNIT" --db "$db" export -o "$T/kinds/full.csv"
is "$status" 1 "export into /dev/full: exit 1"
like "$err" "full.csv: disk full" "the full device is named"
[ -L "$T/kinds/full.csv" ] && [ -c /dev/full ]
is "$?" 0 "the link and the device are left as they were"
run "$OWNIT" --db "$db" export --xlsx "$T/kinds/fifo"
is "$status" 2 "a workbook into a FIFO: exit 2"
like "$err" "fifo: that is a pipe or a device, not a file" "says why"
run "$OWNIT" --db "$db" export -o "$T/kinds/dir.csv"
is "$status" 2 "export onto a folder: exit 2"
like "$err" "dir.csv: that is a folder" "says so"
run "$OWNIT" --db "$db" export -o /proc/ownit-test.csv
is "$status" 1 "a folder that allows no new files: exit 1"
like "$err" "/proc/ownit-test.csv: its folder does not allow new files" \
	"says so, not that the folder is missing"

# --xlsx goes with the filters, not with the CSV options.
for opt in "-o x.csv" "--detail" "--raw" "--bom"; do
	# shellcheck disable=SC2086
	run "$OWNIT" --db "$db" export --xlsx "$T/w.xlsx" $opt
	is "$status" 2 "--xlsx with $opt exits 2"
done
run "$OWNIT" --db "$db" export --xlsx ""
is "$status" 2 "--xlsx without a name exits 2"
run "$OWNIT" --db "$db" export --xlsx "$T/w.xlsx" --person 'jonas weiß' --since 2026-07-01
is "$status" 0 "--xlsx with filters"
like "$err" "^ownit: wrote [0-9]+ sessions to $T/w.xlsx" "says how many sessions"
run "$OWNIT" --db "$db" export --xlsx "$T/nowhere/w.xlsx"
is "$status" 2 "--xlsx into a missing folder exits 2"

# A text no spreadsheet cell can hold stops the workbook, never cut short.
cp "$db" "$T/long.db"
"$SQLITE3" "$T/long.db" "UPDATE note SET body = 'x' ||
	replace(hex(zeroblob(20000)), '00', 'ab') WHERE id = (SELECT min(id) FROM note)"
run "$OWNIT" --db "$T/long.db" export --xlsx "$T/long.xlsx"
is "$status" 2 "a 40,001-character note: --xlsx exits 2"
like "$err" "note of session .* longer than a spreadsheet cell holds \\(32767" \
	"and says which note and why"
[ ! -e "$T/long.xlsx" ] && ! ls -a "$T" | grep -q '^\.long'
is "$?" 0 "no workbook and no temporary file left"

done_testing
