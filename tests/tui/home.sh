#!/bin/sh
# The home screen, the help overlay and quitting.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

tui_start 80x24 --
tui_wait "ownit · Home" "title line names the screen"
tui_wait "? help  q quit" "key line shows the keys"

tui_keys '?'
tui_wait "The people you coach" "? shows the help overlay"
# At 80x24 the home keys fill more than the box: the rest scrolls.
tui_keys End
tui_wait "leave ownit (everything is already saved)" "help scrolls to its last key"
tui_keys Space
tui_wait_gone "leave ownit (everything is already saved)" "any key closes help"

tui_keys q
tui_expect_exit 0 "q quits"
like "$(tui_format '#{pane_current_command}')" "sleep" "ownit is gone"

done_testing
