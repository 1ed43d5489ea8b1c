#!/bin/sh
# The manual page is well-formed and in step with --help.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"
: "${MANLINT:=groff}"
page="$OWNIT_SRCDIR/man/ownit.1"

case $MANLINT in
*mandoc) run "$MANLINT" -Tlint -Wwarning "$page" ;;
*) run "$MANLINT" -man -ww -z "$page" ;;
esac
is "$status" 0 "man page lint exits 0"
is "$err$out" "" "man page lint prints no warnings"

for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" \
	ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
	like "$(cat "$page")" "^\.SH \"?$section\"?$" "man page has $section"
done

# Read the page with its escaped hyphens (\-) made plain.
text=$(sed 's/\\-/-/g' "$page")
help=$("$OWNIT" --help)
for cmd in $(printf '%s\n' "$help" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p;s/^  \([a-z][a-z-]*\)$/\1/p'); do
	like "$text" "^\.B[IR]? \"?$cmd\"?( |$)" "man page documents $cmd"
done
for opt in db content ascii no-color demo help version; do
	like "$text" "^\.B[IR]? (.* )?--$opt( |$)" "man page documents --$opt"
done

done_testing
