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

# The coaching model and the scoring rules, stated where a user looks.
like "$(cat "$page")" '^\.SH SCORING$' "man page has SCORING"
like "$(cat "$page")" '^\.SH "THE COACHING MODEL"$' "man page has THE COACHING MODEL"
for phrase in "reverse-scored statement" "no occasion / can't say" \
	"the lower edge belongs to" "2.4999 shows as 2.4" \
	"cut rather than rounded" "one decimal at most" \
	"this product's own reading" "at least two red" \
	"^is inside a person" "^is outside: the reviews" "^sits between the two" \
	"^\.B o$" "in the last four weeks" "^\.B not-my-job-5$" \
	"^\.B hand-back$" "^\.B retired$" "^\.B no_occasion$"; do
	like "$text" "$phrase" "man page: $phrase"
done

# The keys, screen by screen, and the forms a due date may take.
like "$(cat "$page")" '^\.SH KEYS$' "man page has KEYS"
for sub in Home History Commitments '"A session"' '"Due dates"'; do
	like "$(cat "$page")" "^\.SS $sub\$" "KEYS covers $sub"
done
for phrase in "^\.BR \+7d \" or \" \+2w$" "a day in the past is refused" \
	"only on the$" "^\.B F1$"; do
	like "$text" "$phrase" "man page: $phrase"
done

done_testing
