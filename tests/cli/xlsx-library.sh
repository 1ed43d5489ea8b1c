#!/bin/sh
# libxlsxwriter is opened when a workbook is written, not linked (issue 13:
# loading it and what it pulls in, libcrypto among them, took a third of
# the start-up).  The program must not need it to start; without it every
# other command works and --xlsx fails with a message naming the library,
# exit status 1, and no file left behind.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

OBJDUMP=${OBJDUMP:-objdump}
soname=$(sed -n 's/^#define XLSX_SONAME "\(.*\)"$/\1/p' \
	"$OWNIT_BUILDDIR/config.h")
like "$soname" '^libxlsxwriter\.so\.[0-9]' "configure found the soname"

run "$OBJDUMP" -p "$OWNIT_BIN"
is "$status" 0 "objdump reads the program"
needed=$(printf '%s\n' "$out" | sed -n 's/^ *NEEDED *//p')
like "$needed" 'libsqlite3' "the program's own libraries are listed"
unlike "$needed" 'xlsxwriter' "libxlsxwriter is not linked"
unlike "$needed" 'libcrypto|libminizip|libz\.' \
	"nor what only libxlsxwriter needs"

db="$T_TMP/x.db"
run "$OWNIT" demo "$db"
is "$status" 0 "demo database made"

run "$OWNIT" --db "$db" export --xlsx "$T_TMP/ok.xlsx"
is "$status" 0 "a workbook is written with the library there"
like "$(head -c 2 "$T_TMP/ok.xlsx")" '^PK$' "the workbook is a zip file"

# A library of that name the loader finds first but cannot load: what a
# missing or broken installation looks like to ownit.
mkdir -p "$T_TMP/lib"
: >"$T_TMP/lib/$soname"
run env LD_LIBRARY_PATH="$T_TMP/lib" "$OWNIT" --db "$db" export
is "$status" 0 "without the library, the CSV export still runs"
like "$out" '^session_id,' "and writes its rows"
run env LD_LIBRARY_PATH="$T_TMP/lib" "$OWNIT" --db "$db" \
	export --xlsx "$T_TMP/no.xlsx"
is "$status" 1 "without the library, --xlsx fails as a runtime error"
like "$err" "cannot write a workbook: $soname \(the libxlsxwriter library\) cannot be loaded" \
	"the message names the library"
if [ -e "$T_TMP/no.xlsx" ]; then
	fail "no workbook is left behind"
else
	pass "no workbook is left behind"
fi

done_testing
