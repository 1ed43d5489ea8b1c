#!/bin/sh
# Every command that writes to standard output says so when the write
# fails, the same way: "standard output", what it was writing and the
# cause, exit status 1.  /dev/full fails every write with ENOSPC; a
# closed standard output fails with EBADF.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

if [ ! -c /dev/full ]; then
	echo "1..0 # SKIP no /dev/full here"
	exit 0
fi

DB="$T_TMP/demo.db"
"$OWNIT" demo "$DB" >/dev/null || echo "Bail out! demo failed"
"$OWNIT" --db "$DB" export --detail >"$T_TMP/detail.csv" ||
	echo "Bail out! export failed"
session=$("$OWNIT" --db "$DB" list sessions --tsv | sed -n 2p | cut -f1)
person=$("$OWNIT" --db "$DB" list people --tsv | sed -n 2p | cut -f1)

# full WHAT CMD...: CMD with standard output on /dev/full fails with
# status 1 and the one message, naming WHAT it was writing.
full() {
	what=$1
	shift
	"$@" >/dev/full 2>"$T_TMP/full.err"
	status=$?
	name=$(printf '%s' "$*" | sed "s|$OWNIT|ownit|; s|$T_TMP/||g")
	is "$status" 1 "$name: exit status 1"
	is "$(cat "$T_TMP/full.err")" "ownit: standard output: disk full while writing $what; the output is incomplete, free some space and try again" \
		"$name: the message names standard output and the cause"
}

full "the report" "$OWNIT" --db "$DB" report "$session"
full "the check's result" "$OWNIT" --db "$DB" check
full "the list" "$OWNIT" --db "$DB" list people
full "the list" "$OWNIT" --db "$DB" list sessions
full "the list" "$OWNIT" --db "$DB" list commitments --all --tsv
full "the export" "$OWNIT" --db "$DB" export
full "the export" "$OWNIT" --db "$DB" export --detail
full "the chart" "$OWNIT" radar --scores clarity=3,autonomy=2
full "the chart" "$OWNIT" --db "$DB" trend "$person"
full "the result" "$OWNIT" check-content "$OWNIT_SRCDIR/content"
full "the summary (the rows were imported)" \
	"$OWNIT" --db "$T_TMP/new.db" import "$T_TMP/detail.csv"
full "the summary (the database was written)" "$OWNIT" demo "$T_TMP/d2.db"
full "the team statements" "$OWNIT" survey print
full "the team statements" "$OWNIT" survey print --format csv
full "the help" "$OWNIT" --help
full "the version" "$OWNIT" --version
for cmd in report export list import check-content survey; do
	full "the help" "$OWNIT" "$cmd" --help
done

# A failed write is not taken for a failure of something else.
"$OWNIT" --db "$DB" check >&- 2>"$T_TMP/closed.err"
is "$?" 1 "check with standard output closed: exit status 1"
is "$(cat "$T_TMP/closed.err")" "ownit: standard output: writing the check's result: Bad file descriptor" \
	"check with standard output closed: the cause is named"

done_testing
