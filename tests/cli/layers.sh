#!/bin/sh
# The layers of DESIGN.md, kept by the source tree: each library's header
# is included by the one layer that owns it, core sees neither the
# terminal nor the commands, and the choices every screen shares (which
# symbol in UTF-8 or ASCII, whether the locale is UTF-8, how wide a
# character is) are made in one place each.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

cd "$OWNIT_SRCDIR" || fail "the source tree is readable"
files=$(find src -name '*.[ch]' | sort)
[ -n "$files" ] || fail "the source tree has C files"

# including PATTERN: the files whose #include lines match PATTERN.
including() {
	# shellcheck disable=SC2086
	grep -lE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($1)[>\"]" \
		$files
}

# only WHERE LIST: the entries of LIST outside WHERE (a grep -E pattern
# on the path).
only() {
	printf '%s\n' "$2" | grep -vE "$1" | grep . | tr '\n' ' '
}

is "$(only '^src/ui/' "$(including '(ncursesw/|ncurses/)?n?curses\.h|ui/curses\.h')")" "" \
	"curses is included in src/ui only"
is "$(only '^src/core/store/store[a-z_]*\.[ch]$' "$(including 'sqlite3\.h')")" "" \
	"sqlite3.h is included in src/core/store* only"
is "$(only '^src/core/io/csvfile\.c$' "$(including 'csv\.h')")" "" \
	"csv.h is included by the csv module only"
is "$(only '^$' "$(including '(ui|cli)/.*' | grep '^src/core/')")" "" \
	"core includes nothing of the TUI or the commands"
is "$(only '^$' "$(including 'cli/.*' | grep '^src/ui/')")" "" \
	"the TUI includes nothing of the commands"

# A module's private header is MODULE_int.h, and only the module's own
# files (and its white-box unit tests) include it.
strays=""
for h in $(find src -name '*_int.h'); do
	mod=$(basename "$h" _int.h)
	# shellcheck disable=SC2086
	for f in $(grep -lF "\"${h#src/}\"" $files $(find tests/unit -name '*.c')); do
		case $(basename "$f") in
		"$mod"*.[ch] | "test_$mod"*.c) ;;
		*) strays="$strays $f:${h#src/}" ;;
		esac
	done
done
is "$strays" "" "a private header is included by its own module only"
misnamed=""
for h in $(printf '%s\n' $files | grep '\.h$' | grep -v '_int\.h$'); do
	head -1 "$h" | grep -qi 'private' && misnamed="$misnamed $h"
done
is "$misnamed" "" "a header that says it is private is named MODULE_int.h"

# A symbol picked by mode on the spot: `ascii ? "-" : "·"` and the like.
# shellcheck disable=SC2086
inline=$(grep -nE '(ascii|utf8|CANVAS_ASCII|CANVAS_UTF8)[^;]*\?[^;]*"[^"]*"[^;]*:[^;]*"' \
	$files | grep -v '^src/core/base/glyph\.c:')
is "$inline" "" "every UTF-8 or ASCII symbol comes from the glyph table"

# shellcheck disable=SC2086
is "$(grep -l 'nl_langinfo' $files | tr '\n' ' ')" "src/core/base/utext.c " \
	"one place asks whether the locale is UTF-8"
# shellcheck disable=SC2086
is "$(grep -lE '\bwc(s)?width[[:space:]]*\(' $files | tr '\n' ' ')" "" \
	"character widths come from utext, never the C library's wcwidth"

# Esc has one name: a bare 27 (or 033) where the screens match keys
# would hide it from a reader and from grep.
# shellcheck disable=SC2086
is "$(grep -nE '(ch|\{0,)[[:space:]]*(==|=)?[[:space:]]*(27|033|0x1[bB])\b' \
	$(printf '%s\n' $files | grep '^src/ui/') | grep -v 'define UI_KEY_ESC')" "" \
	"the screens name the Esc key UI_KEY_ESC"

done_testing
