#!/bin/sh
# Export when the disk fills up: a clear error, the previous file kept
# whole, no temporary file left behind.
#
# Two ways to fill the disk: a 64 KiB tmpfs (needs mount privileges, so
# it runs where root may mount, in a private mount namespace that
# vanishes with the test) and the file size limit (ulimit -f, works
# everywhere, SIGXFSZ ignored so the write fails with EFBIG as a full
# disk fails with ENOSPC).  The limit is always tested; the tmpfs too
# where it can be mounted, which the output says.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

export OWNIT_TODAY=2026-11-23
DB="$T_TMP/demo.db"
"$OWNIT" demo "$DB" >/dev/null || fail "ownit demo"
summary_bytes=$("$OWNIT" --db "$DB" export | wc -c)
detail_bytes=$("$OWNIT" --db "$DB" export --detail | wc -c)
[ "$summary_bytes" -lt 16384 ] && [ "$detail_bytes" -gt 65536 ] &&
	pass "fixture: a summary fits in 16 KiB, a detail export not in 64" ||
	fail "fixture sizes" "summary $summary_bytes, detail $detail_bytes"

# check_full METHOD FILE STATUS ERR LISTING: the previous export (a copy
# kept in $T_TMP/previous.csv) survived in FILE, and the folder LISTING
# holds nothing else.
check_full() {
	is "$3" 1 "$1: export fails with status 1"
	like "$4" "out.csv: (disk full while writing; nothing was written, free some space|writing: File too large)" \
		"$1: the message names the file and the cause"
	if cmp -s "$2" "$T_TMP/previous.csv"; then
		pass "$1: the previous export is untouched"
	else
		fail "$1: the previous export is untouched"
	fi
	is "$5" "out.csv" "$1: no temporary file is left"
}

# 1. The file size limit.
mkdir "$T_TMP/limit"
"$OWNIT" --db "$DB" export -o "$T_TMP/limit/out.csv" 2>/dev/null
cp "$T_TMP/limit/out.csv" "$T_TMP/previous.csv"
run sh -c 'ulimit -f 64 && trap "" XFSZ &&
	exec "$0" --db "$1" export --detail -o "$2"' \
	"$OWNIT" "$DB" "$T_TMP/limit/out.csv"
check_full "ulimit -f" "$T_TMP/limit/out.csv" "$status" "$err" \
	"$(ls -A "$T_TMP/limit")"

# 2. A tmpfs of 64 KiB, really full.
mkdir "$T_TMP/mnt"
if unshare -m sh -c 'mount -t tmpfs -o size=64k ownit-test "$0"' \
	"$T_TMP/mnt" 2>/dev/null; then
	echo "# tmpfs: mount permitted, testing a really full disk"
	run unshare -m sh -c '
		mount -t tmpfs -o size=64k ownit-test "$1" || exit 9
		"$0" --db "$2" export -o "$1/out.csv" 2>/dev/null || exit 8
		cp "$1/out.csv" "$3/previous.csv"
		"$0" --db "$2" export --detail -o "$1/out.csv"
		s=$?
		ls -A "$1" >"$3/mnt-files"
		cp "$1/out.csv" "$3/mnt-out.csv"
		exit $s' "$OWNIT" "$T_TMP/mnt" "$DB" "$T_TMP"
	like "$err" "out.csv: disk full while writing; nothing was written" \
		"tmpfs: the message says the disk is full"
	check_full "tmpfs" "$T_TMP/mnt-out.csv" "$status" "$err" \
		"$(cat "$T_TMP/mnt-files")"
else
	echo "# tmpfs: mount not permitted here; the file size limit above stands in"
fi

# 3. Standard output on a full device.
run sh -c 'exec "$0" --db "$1" export --detail >/dev/full' "$OWNIT" "$DB"
is "$status" 1 "/dev/full: export fails with status 1"
like "$err" "standard output: disk full while writing the export" \
	"/dev/full: the message says so"

# 4. Exports while another ownit writes: none fails, no write is lost.
# The import file is the corpus's July export without its first session,
# which the demo holds with other content (import would refuse it).
cp "$DB" "$T_TMP/busy.db"
"$PYTHON3" - "$OWNIT_SRCDIR/tests/fuzz/corpus/import/july.csv" \
	"$T_TMP/july-new.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
first = [r for r in rows if r[0] == "session"][0][1]
keep = [r for r in rows if first not in (r[1], r[3])]
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\r\n").writerows(keep)
EOF
i=0
: >"$T_TMP/export-errors"
while [ $i -lt 20 ]; do
	"$OWNIT" --db "$T_TMP/busy.db" export --detail >/dev/null \
		2>>"$T_TMP/export-errors" || echo "status $?" >>"$T_TMP/export-errors"
	i=$((i + 1))
done &
exporter=$!
"$OWNIT" --db "$T_TMP/busy.db" import "$T_TMP/july-new.csv" \
	>/dev/null 2>"$T_TMP/import-err"
import_status=$?
wait "$exporter"
is "$import_status" 0 "import beside 20 exports succeeds"
is "$(cat "$T_TMP/export-errors" "$T_TMP/import-err")" "" \
	"no export and no import reported an error"
is "$("$SQLITE3" "$T_TMP/busy.db" 'SELECT count(*) FROM session')" \
	"$(($("$SQLITE3" "$DB" 'SELECT count(*) FROM session') + 1))" \
	"the imported session is in the database"

done_testing
