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
tmux_ kill-session -t =t:

# Another ownit (here the sqlite3 shell) closes Jonas's open commitments
# while home is up: home reads its counts again on its own, and the
# cursor stays where it was.
export OWNIT_TODAY=2026-12-01
demo_db=$T_TMP/demo.db
"$OWNIT" demo "$demo_db" >/dev/null || fail "ownit demo"
tui_start 100x30 -- --db "$demo_db"
tui_wait "ownit · Home" "demo home is up"
tui_keys j
tui_wait "Open commitments of Jonas" "the cursor on Jonas"
like "$(tui_screen | grep '^ Jonas ')" " [1-9] +[0-9]+ *\$" \
	"Jonas has open commitments"
"$SQLITE3" "$demo_db" "UPDATE commitment SET status = 'kept',
	reviewed = '2026-12-01T10:00:00Z' WHERE status = 'open'
	AND person_id = (SELECT id FROM person WHERE name LIKE 'Jonas%')"
tui_wait "Open commitments of Jonas Weiß  0 open" \
	"home notices the change made elsewhere"
like "$(tui_screen | grep '^ Jonas ')" " 0 +0 *\$" "and shows the new counts"
tui_keys q
tui_expect_exit 0 "q quits again"

done_testing
