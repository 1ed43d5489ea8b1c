#!/bin/sh
# Signals and bad terminals never leave the terminal broken.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

for sig in TERM HUP INT; do
	tui_start 80x24 --
	tui_wait "ownit · Home" "SIG$sig: home screen up"
	kill -s "$sig" "$(tui_pid)"
	case $sig in
	TERM) code=143 ;;
	HUP) code=129 ;;
	INT) code=130 ;;
	esac
	tui_expect_exit "$code" "SIG$sig"
	tmux_ kill-session -t t
done

tui_start 80x24 TERM=unknown-terminal-xyz --
tui_wait "unknown terminal type 'unknown-terminal-xyz'" "unknown TERM named"
tui_expect_exit 2 "unknown TERM"
tmux_ kill-session -t t

tui_start 80x24 TERM=dumb --
tui_wait "terminal type 'dumb' cannot move the cursor" "dumb TERM explained"
tui_expect_exit 2 "dumb TERM"
tmux_ kill-session -t t

tui_start 80x24 NO_COLOR=1 --
tui_wait "ownit · Home" "NO_COLOR: home screen up"
tui_keys q
tui_expect_exit 0 "NO_COLOR: quits"

done_testing
