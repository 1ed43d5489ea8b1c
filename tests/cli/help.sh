#!/bin/sh
# --help and --version follow the GNU conventions.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

run "$OWNIT" --help
is "$status" 0 "--help exits 0"
is "$err" "" "--help writes nothing to stderr"
like "$out" "^Usage: ownit " "--help starts with Usage"
for cmd in check check-content demo export import list radar report; do
	like "$out" "^  $cmd( |$)" "--help lists $cmd"
done
for opt in --db --content --ascii --no-color --demo --help --version; do
	like "$out" "^ +(-., )?$opt" "--help lists $opt"
done
for var in OWNIT_DB OWNIT_CONTENT XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR; do
	like "$out" "^  $var " "--help lists $var"
done
like "$out" "^Report bugs to: " "--help says where to report bugs"

run "$OWNIT" -h
is "$status" 0 "-h exits 0"

run "$OWNIT" --version
is "$status" 0 "--version exits 0"
is "$(printf '%s\n' "$out" | head -1)" \
	"ownit $(sed -n 's/^AC_INIT(\[ownit\], \[\([^]]*\)\].*/\1/p' "$OWNIT_SRCDIR/configure.ac")" \
	"--version first line is 'ownit' and the AC_INIT version"
like "$out" "^License ISC" "--version names the licence"

done_testing
