#!/bin/sh
# The sqlite3 references of `make bench` (tests/bench/export_summary.sql
# and export_detail.sql) must write exactly the rows ownit writes, or the
# bench times a different job.  This checks them on a small database with
# team rounds of every kind, so a change to either export that leaves the
# references behind fails here rather than in a bench run.  No timings.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

: "${SQLITE3:?}" "${PYTHON3:?}"
T=$T_TMP
db=$T/refs.db
OWNIT_TODAY=2026-11-01
OWNIT_CONTENT=$OWNIT_SRCDIR/content
export OWNIT_TODAY OWNIT_CONTENT
unset OWNIT_TEAM_MIN
run "$OWNIT" demo "$db"
is "$status" 0 "demo database made"

# Team rounds beside the demo sessions: one the same day, one days later
# than another session (the nearest wins, the earlier day on a tie), one
# below the response threshold, one with a statement answered by too few,
# one with a statement content no longer knows, one far from any session,
# and labels a spreadsheet would take for a formula or a number; the
# third person has no round at all.
"$SQLITE3" "$db" "
CREATE TEMP TABLE v(n INTEGER PRIMARY KEY, d INTEGER, label TEXT,
  responses INTEGER);
INSERT INTO v VALUES (1, 0, 'Q1 offsite', 5), (2, 3, '=SUM(A1)', 4),
  (3, -2, '2026', 2), (4, 10, NULL, 3), (5, 400, '-x', 6),
  (6, 3, 'true', 7);
INSERT INTO team_round (uuid, person_id, day, label, responses,
    content_version)
  SELECT printf('00000000-0000-4000-8000-%012d', s.id * 10 + v.n),
    s.person_id, date(s.started, v.d || ' days'), v.label, v.responses,
    s.content_version
  FROM session s JOIN v ON (s.id + v.n) % 3 = 0
  WHERE s.person_id <> 3;
INSERT INTO team_tally (round_id, item_id, statement, value, count)
  SELECT r.id, i.id, 'asked as: ' || i.id, (r.id + length(i.id)) % 5,
    CASE WHEN i.id = 'leader-blames' THEN 2
      ELSE min(r.responses, 1 + (r.id + length(i.id)) % 4) END
  FROM team_round r JOIN (SELECT 'vague-updates-1' AS id
    UNION ALL SELECT 'vague-updates-5b' UNION ALL SELECT 'slow-escalation-4'
    UNION ALL SELECT 'not-my-job-2' UNION ALL SELECT 'missed-commitments-5'
    UNION ALL SELECT 'passive-agreement-2' UNION ALL SELECT 'leader-blames'
    UNION ALL SELECT 'leader-sets-bounds' UNION ALL SELECT 'retired-one') i;
INSERT INTO team_tally (round_id, item_id, statement, value, count)
  SELECT r.id, 'leader-keeps-word', '@kept', 4, min(r.responses, 3)
  FROM team_round r;"
is "$?" 0 "team rounds added"

same() { # same KIND OWNIT-OUTPUT SQLITE3-OUTPUT
	run "$PYTHON3" - "$2" "$3" <<'EOF'
import csv, sys
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))
a, b = rows(sys.argv[1]), rows(sys.argv[2])
for n, (x, y) in enumerate(zip(a, b), 1):
    if x != y:
        for i in range(max(len(x), len(y))):
            u = x[i] if i < len(x) else None
            v = y[i] if i < len(y) else None
            if u != v:
                sys.exit("row %d column %d (%s): ownit %r, sqlite3 %r"
                         % (n, i + 1, a[0][i] if i < len(a[0]) else "?",
                            u, v))
if len(a) != len(b):
    sys.exit("ownit wrote %d rows, sqlite3 %d" % (len(a), len(b)))
print(len(a))
EOF
	if [ "$status" -eq 0 ]; then
		pass "$1: the reference writes ownit's $out rows"
	else
		fail "$1: the reference writes ownit's rows" "$err"
	fi
}

"$OWNIT" --db "$db" export >"$T/ours.csv"
is "$?" 0 "ownit export"
"$SQLITE3" -batch -readonly -csv -header "$db" \
	<"$OWNIT_SRCDIR/tests/bench/export_summary.sql" >"$T/ref.csv"
is "$?" 0 "sqlite3 runs export_summary.sql"
same summary "$T/ours.csv" "$T/ref.csv"

# Not a comparison of two empty columns: sessions with a round, with
# figures, with a negative gap and with a guarded label are all there.
run "$PYTHON3" - "$T/ours.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
round_ = [r for r in rows if r["team_day"]]
fig = [r for r in round_ if r["team_flag_vague_updates"]]
print(len(rows) > len(round_) > len(fig) > 0,
      any(r["team_gap_autonomy"].startswith("-") for r in fig),
      any(r["team_pillar_role_modelling"] for r in fig),
      any(r["team_label"].startswith("'") for r in round_))
EOF
is "$out" "True True True True" \
	"summary: rounds with and without figures, gaps, guarded labels"

"$OWNIT" --db "$db" export --detail >"$T/ours-detail.csv"
is "$?" 0 "ownit export --detail"
"$SQLITE3" -batch -readonly -csv -header "$db" \
	<"$OWNIT_SRCDIR/tests/bench/export_detail.sql" >"$T/ref-detail.csv"
is "$?" 0 "sqlite3 runs export_detail.sql"
same detail "$T/ours-detail.csv" "$T/ref-detail.csv"
like "$(grep -c '^team_tally,' "$T/ours-detail.csv")" '^[1-9][0-9]*$' \
	"detail: team tallies are among the rows compared"

done_testing
