# lib.sh - TAP helpers shared by the shell tests (sourced, not run).
#
# Each test script sources this file, calls the helpers below, and ends
# with done_testing, which prints the plan.  A test gets its own temporary
# HOME, so no test ever reads or writes the developer's database.

: "${OWNIT:?OWNIT must name the program; run the tests through make check}"
: "${OWNIT_SRCDIR:?OWNIT_SRCDIR must name the source tree}"

T_NUM=0
T_FAILED=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ownit-test.XXXXXX")
T_CLEANUP=":"
trap 't_cleanup' EXIT
t_cleanup() {
	eval "$T_CLEANUP"
	chmod -R u+rwX "$T_TMP" 2>/dev/null
	rm -rf "$T_TMP"
}

# make check-valgrind: every run of the program goes through memcheck.
if [ -n "${OWNIT_VALGRIND-}" ]; then
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$OWNIT_VALGRIND" "$OWNIT" \
		>"$T_TMP/ownit-valgrind"
	chmod +x "$T_TMP/ownit-valgrind"
	OWNIT="$T_TMP/ownit-valgrind"
fi

HOME="$T_TMP/home"
mkdir -p "$HOME"
export HOME

pass() {
	T_NUM=$((T_NUM + 1))
	echo "ok $T_NUM - $1"
}

# fail NAME [DETAIL...]: a failed check, with details as TAP comments.
fail() {
	T_NUM=$((T_NUM + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_NUM - $1"
	shift
	for line in "$@"; do
		printf '%s\n' "$line" | sed 's/^/#   /'
	done
}

# run CMD...: runs a command, keeping $out, $err and $status.
run() {
	"$@" >"$T_TMP/.out" 2>"$T_TMP/.err"
	status=$?
	out=$(cat "$T_TMP/.out")
	err=$(cat "$T_TMP/.err")
}

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3" "got:  $1" "want: $2"
	fi
}

# like TEXT REGEX NAME: TEXT matches the extended regular expression.
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		pass "$3"
	else
		fail "$3" "text (first lines): $(printf "%s\n" "$1" | head -5)" \
			"does not match: $2"
	fi
}

# unlike TEXT REGEX NAME
unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		fail "$3" "text: $1" "unexpectedly matches: $2"
	else
		pass "$3"
	fi
}

done_testing() {
	echo "1..$T_NUM"
	[ "$T_FAILED" -eq 0 ]
}
