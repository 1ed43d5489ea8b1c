#!/bin/sh
# The export dialog: a workbook written from the TUI, and the database
# itself (directly, through a symlink, or its -wal file) refused with the
# database left whole.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-11-23
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
ln -s "$OWNIT_DB" "$T_TMP/link.db"
nsessions=$("$SQLITE3" "$OWNIT_DB" "SELECT count(*) FROM session")
sum_before=$("$SQLITE3" "$OWNIT_DB" "SELECT count(*) FROM answer")

tui_start 100x30 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys x
tui_wait "Export sessions" "x opens the export dialog"
tui_keys Tab Tab Tab Space Space
tui_wait "workbook" "the format offers a workbook"
tui_wait "ownit-2026-11-23.xlsx" "the offered file name follows the format"
tui_keys Tab C-u "$T_TMP/book.xlsx" Enter
tui_wait "Wrote $nsessions sessions to $T_TMP/book.xlsx" \
	"Enter writes the workbook and says how many sessions"
run "$OPENPYXL_PYTHON" -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[0] == "Sessions", wb.sheetnames
assert wb["Sessions"].max_row == int(sys.argv[2]) + 1
' "$T_TMP/book.xlsx" "$nsessions"
is "$status" 0 "the workbook holds every session"

for target in "$OWNIT_DB" "$T_TMP/link.db" "$OWNIT_DB-wal"; do
	tui_keys C-u "$target" Enter
	case $target in
	*-wal) want="the database's wal" ;;
	*) want="that is the database itself" ;;
	esac
	tui_wait "$want" "$(basename "$target"): refused in the dialog"
done
tui_keys Escape q
tui_expect_exit 0 "quit after the refusals"
is "$("$SQLITE3" "$OWNIT_DB" "PRAGMA integrity_check")" ok \
	"the database is intact"
is "$("$SQLITE3" "$OWNIT_DB" "SELECT count(*) FROM answer")" "$sum_before" \
	"and holds every answer"
[ -L "$T_TMP/link.db" ] && pass "the symlink is still a symlink" ||
	fail "the symlink is still a symlink"
done_testing
