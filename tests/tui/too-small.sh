#!/bin/sh
# The "terminal too small" message fits down to 20 columns and offers q,
# which quits from there as from anywhere else.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

# wide_lines SCREEN: how many lines are wider than 20 columns.
wide_lines() {
	printf '%s\n' "$1" | "$PYTHON3" -c 'import sys
print(sum(len(l.rstrip()) > 20 for l in sys.stdin))'
}

tui_start 20x8 --
tui_wait "terminal too small" "20x8: too small"
tui_wait "need 60x18" "20x8: the size needed"
tui_wait "have 20x8" "20x8: the size there is"
tui_wait "q quit" "20x8: the way out is offered"
is "$(wide_lines "$(tui_screen)")" 0 "20x8: every line fits"
tui_keys q
tui_wait "[exit 0]" "q quits"
# Wide enough again for the wrapper's report on the terminal to fit.
tui_resize 80x24
tui_expect_exit 0 "q on the too-small screen"
tmux_ kill-session -t =t:

# Shrunk in the middle of a session: q still leaves, everything saved.
tui_start 80x24 --
tui_first_person Ana
tui_resize 40x12
tui_wait "need 60x18, have 40x12" "40x12: both sizes on one line"
tui_wait "q quit" "40x12: q is offered"
tui_resize 20x10
tui_wait "have 20x10" "20x10: the sizes split"
is "$(wide_lines "$(tui_screen)")" 0 "20x10: every line fits"
tui_keys x
tui_settle
like "$(tui_screen)" "terminal too small" "other keys do nothing"
tui_keys q
tui_wait "[exit 0]" "q quits after shrinking"
tui_resize 80x24
tui_expect_exit 0 "q after shrinking"
is "$("$SQLITE3" "$OWNIT_DB" "SELECT name FROM person")" Ana "Ana was saved"

done_testing
