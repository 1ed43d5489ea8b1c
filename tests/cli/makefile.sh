#!/bin/sh
# The build description stays in order: Makefile.am's sections follow the
# layers, a program states flags only where they differ from the
# defaults, and every source file and test script is built or run, so
# none is left out of the tarball or of make check unnoticed.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

MK="$OWNIT_SRCDIR/Makefile.am"
[ -r "$MK" ] || fail "Makefile.am is readable"

# Makefile.am with each continued line joined to one.
joined=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$MK")

# The section headings, in order.
sections=$(sed -n 's/^# -\{8,\} *\([a-z]*\)$/\1/p' "$MK" | tr '\n' ' ')
is "$sections" "core ui cli tests valgrind benchmarks content manual " \
	"sections follow the layers: core, ui, cli, tests, bench, docs"

# A stanza that only repeats a default: the program's flags or libraries
# set to the default variable alone.
repeats=$(printf '%s\n' "$joined" | grep -E \
	'^[a-z0-9_]+_(CPPFLAGS|LDADD) *= *\$\((AM_CPPFLAGS|UNIT_CPPFLAGS|LDADD|UNIT_LDADD)\) *$')
is "$repeats" "" "no program restates the default flags or libraries"

defaults=$(printf '%s\n' "$joined" | grep -E '^(AM_CPPFLAGS|LDADD) *=')
like "$defaults" 'LDADD = \$\(CORE_LIBS\) \$\(CHECK_LIBS\)' \
	"the unit tests' libraries are the default"
like "$defaults" 'AM_CPPFLAGS = .*\$\(CHECK_CFLAGS\)' \
	"and so are their flags"

# words FILE...: the paths named, relative to the source tree.
missing=""
# src/core has folders of its own, so the sources are found at any depth.
for f in $(find "$OWNIT_SRCDIR/src" -name '*.[ch]') \
	"$OWNIT_SRCDIR"/tests/unit/test_*.c \
	"$OWNIT_SRCDIR"/tests/cli/*.sh "$OWNIT_SRCDIR"/tests/tui/*.sh; do
	rel=${f#"$OWNIT_SRCDIR"/}
	case $rel in */lib.sh) continue ;; esac
	grep -Eq "(^|[[:space:]])$rel([[:space:]]|\\\\|\$)" "$MK" ||
		missing="$missing $rel"
done
is "$missing" "" "every source file and test script is named in Makefile.am"

# Each test script is run by make check, not only shipped.
unrun=""
for f in "$OWNIT_SRCDIR"/tests/cli/*.sh "$OWNIT_SRCDIR"/tests/tui/*.sh; do
	rel=${f#"$OWNIT_SRCDIR"/}
	case $rel in */lib.sh) continue ;; esac
	printf '%s\n' "$joined" |
		grep -Eq "^(CLI|TUI)_TESTS *\+?=.*[[:space:]]$rel( |\$)" ||
		unrun="$unrun $rel"
done
is "$unrun" "" "every test script is in CLI_TESTS or TUI_TESTS"

done_testing
