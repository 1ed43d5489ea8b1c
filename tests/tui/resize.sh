#!/bin/sh
# Resizing: below 60x18 only a clear message, back to size redraws.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

tui_start 80x24 --
tui_wait "ownit · Home" "home screen at 80x24"

tui_resize 40x12
tui_wait "terminal too small" "40x12 says too small"
tui_wait "need 60x18, have 40x12" "and gives the size needed and current"
tui_wait_gone "ownit · Home" "nothing else is drawn when too small"

tui_resize 60x18
tui_wait "ownit · Home" "60x18 is enough"

tui_resize 80x24
tui_wait "? help  q quit" "back at 80x24 the key line is redrawn"
tui_keys q
tui_expect_exit 0 "quit after resizing"

done_testing
