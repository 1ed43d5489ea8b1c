#!/bin/sh
# The exports and the content as real spreadsheets open them: LibreOffice
# Calc (headless) and gnumeric's ssconvert.  Every field in its own cell and
# unchanged, numbers as number cells, no formula cells; the detail export
# survives a Calc save-as-CSV and comes back byte for byte; content saved by
# Calc still passes check-content with no field changed; ownit's own
# workbook read back cell by cell.
#
# Calc is driven through its CSV filter options, the string the Text Import
# dialog would produce (token by token): separators comma, semicolon and
# tab (44/59/9, Calc's defaults on a fresh profile), text delimiter " (34),
# UTF-8 (76), from line 1, standard column types, English (USA) (1033),
# quoted fields not forced to text, then the two riskiest switches on:
# "detect special numbers" (token 8) and "evaluate formulas" (token 13).
# Saving uses comma, ", UTF-8.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

CALC_IN='44/59/9,34,76,1,,1033,false,true,true,false,false,0,true'
CALC_OUT='44,34,76,1'
PY="$OPENPYXL_PYTHON"
CHECK="$OWNIT_SRCDIR/tests/cli/spreadsheet.py"
db="$T_TMP/s.db"
W="$T_TMP/w"
mkdir -p "$W/calc-csv" "$W/calc-xlsx" "$W/gnumeric" "$W/content"

# LibreOffice wants a private profile and a writable home; every call
# converts a whole batch, since starting it is slow.
calc() {
	HOME="$T_TMP/home" "$SOFFICE" --headless \
		"-env:UserInstallation=file://$T_TMP/lo" \
		--infilter="CSV:$CALC_IN" "$@" >"$T_TMP/soffice.log" 2>&1
}

"$OWNIT" demo "$db" >/dev/null 2>&1 || fail "ownit demo"
# Values a spreadsheet likes to change, put where users can type them.
tab=$(printf '\t')
"$SQLITE3" "$db" "
UPDATE note SET body = 'multi-line UTF-8: Zoë' || char(10) || 'línea dos, ünï'
	|| char(10) || char(9) || 'indented' WHERE id = (SELECT min(id) FROM note);
UPDATE person SET role = '  two leading spaces', team = 'Ops;Lab, Core'
	WHERE id = (SELECT min(id) FROM person);
UPDATE commitment SET owner = '\$5', obstacle = '2026-06-27'
	WHERE id = (SELECT min(id) FROM commitment);
CREATE TEMP TABLE tricky (k INTEGER PRIMARY KEY, v TEXT);
INSERT INTO tricky (v) VALUES ('=1+1'), ('${tab}starts with a tab'),
	('   three spaces'), ('007'), ('''quoted'), ('#NAME?'), ('Err:509'),
	('TRUE'), ('3.50'), ('a;b,c'), ('+4'), ('-x'), ('@sum(A1)'),
	('trailing  '), ('''''two'), ('=HYPERLINK(\"http://x\")'),
	('May 1'), ('Jan-5'), ('June 5, 2026');
UPDATE answer SET note = (SELECT v FROM tricky WHERE k = (
	SELECT count(*) FROM answer a2 WHERE a2.rowid <= answer.rowid))
	WHERE rowid IN (SELECT rowid FROM answer ORDER BY rowid LIMIT 19);
UPDATE session SET coach = 'March 2026' WHERE id = (SELECT min(id) FROM session);
" || fail "tricky values stored"
# A team round beside the sessions, so the team columns have figures.
"$OWNIT" --db "$db" survey import \
	"$OWNIT_SRCDIR/tests/cli/survey/google-forms.csv" --person "Amira Haddad" \
	--round "Q4 pulse" --date 2026-11-28 >/dev/null 2>&1 ||
	fail "a team round imported"
people=$("$SQLITE3" "$db" "SELECT count(DISTINCT person_id) FROM session
	WHERE id IN (SELECT session_id FROM rating)")

"$OWNIT" --db "$db" export -o "$W/summary.csv" 2>/dev/null &&
	"$OWNIT" --db "$db" export --raw -o "$W/summary-raw.csv" 2>/dev/null &&
	"$OWNIT" --db "$db" export --detail -o "$W/detail.csv" 2>/dev/null &&
	"$OWNIT" --db "$db" export --xlsx "$W/book.xlsx" 2>/dev/null
is "$?" 0 "summary, detail and workbook exported"

# The shipped content exactly as installed: its list fields are quoted, so
# Calc's default separators (comma, semicolon, tab) cannot split them.
cp "$OWNIT_SRCDIR"/content/*.csv "$OWNIT_SRCDIR/content/VERSION" "$W/content/"
run "$OWNIT" check-content "$W/content"
is "$status" 0 "the shipped content is valid"

inputs="$W/summary.csv $W/detail.csv $(ls "$W"/content/*.csv)"
# shellcheck disable=SC2086
calc --convert-to xlsx --outdir "$W/calc-xlsx" $inputs
is "$?" 0 "Calc opens every file"
# shellcheck disable=SC2086
calc --convert-to "csv:Text - txt - csv (StarCalc):$CALC_OUT" \
	--outdir "$W/calc-csv" $(echo $inputs | sed 's|[^ ]*summary.csv||')
is "$?" 0 "Calc saves every file as CSV again"
for f in $inputs; do
	"$SSCONVERT" "$f" "$W/gnumeric/$(basename "$f" .csv).xlsx" \
		>/dev/null 2>&1 || fail "ssconvert $(basename "$f")"
done

for f in $inputs; do
	name=$(basename "$f" .csv)
	run "$PY" "$CHECK" cells "$f" "$W/calc-xlsx/$name.xlsx" calc
	is "$status" 0 "Calc: $name.csv, one cell per field, unchanged, typed"
	[ "$status" -eq 0 ] || fail "Calc: $name" "$out"
	run "$PY" "$CHECK" cells "$f" "$W/gnumeric/$name.xlsx" gnumeric
	is "$status" 0 "gnumeric: $name.csv, one cell per field, unchanged, typed"
	[ "$status" -eq 0 ] || fail "gnumeric: $name" "$out"
done

# Calc's save-as-CSV of the detail export, imported into a new database,
# exports the very same bytes.
run "$OWNIT" --db "$T_TMP/back.db" import "$W/calc-csv/detail.csv"
is "$status" 0 "Calc's CSV of the detail export imports"
[ "$status" -eq 0 ] || fail "import" "$err"
"$OWNIT" --db "$T_TMP/back.db" export --detail -o "$W/again.csv" 2>/dev/null
if cmp -s "$W/detail.csv" "$W/again.csv"; then
	pass "round trip through Calc: the detail export is byte-identical"
else
	fail "round trip through Calc: the detail export is byte-identical" \
		"$(diff "$W/detail.csv" "$W/again.csv" | head -20)"
fi

# Content saved by Calc: valid, and no field changed.
mkdir -p "$W/content-calc"
cp "$W"/calc-csv/*.csv "$W/content-calc/" && rm "$W/content-calc/detail.csv"
cp "$OWNIT_SRCDIR/content/VERSION" "$W/content-calc/"
run "$OWNIT" check-content "$W/content-calc"
is "$status" 0 "content saved by Calc passes check-content"
is "$err" "" "with no warning"
for f in "$W"/content/*.csv; do
	run "$PY" "$CHECK" same "$f" "$W/content-calc/$(basename "$f")"
	is "$status" 0 "Calc left every field of $(basename "$f") unchanged"
	[ "$status" -eq 0 ] || fail "fields" "$out"
done

# ownit's own workbook, cell by cell against the CSV exports.
run "$PY" "$CHECK" workbook "$W/book.xlsx" "$W/summary-raw.csv" \
	"$W/detail.csv" "$people"
is "$status" 0 "the workbook holds every value, typed, with a radar chart per person"
[ "$status" -eq 0 ] || fail "workbook" "$out"
# gnumeric reads it too, with the same sheets.
run "$SSCONVERT" --export-type=Gnumeric_stf:stf_csv -S "$W/book.xlsx" \
	"$W/book-%s.csv"
is "$status" 0 "gnumeric opens the workbook"
like "$(ls "$W")" "book-Radar.csv" "and finds its sheets"
run "$PY" "$CHECK" same "$W/book-Notes.csv" "$W/book-Notes.csv"
n_notes=$(grep -c '^note,' "$W/detail.csv")
is "$("$PY" -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline=""))))-1)' "$W/book-Notes.csv")" \
	"$n_notes" "gnumeric sees every note"

done_testing
