#!/bin/sh
# An ESCDELAY curses cannot use (not a number, negative, empty) gets
# ownit's own short delay, not curses' fallback of a whole second.
#
# The help overlay at 60x18 scrolls on Down and closes on Esc.  Esc is
# sent alone, then, a while later, "[B": with the short delay the Esc has
# long been taken as Esc (the help closes); with a one-second delay
# curses would still be waiting and read the three bytes as Down (the
# help scrolls and stays).
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

OWNIT_TODAY=2026-03-02
export OWNIT_TODAY
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
esc=$(printf '\033')

for value in abc -1 ''; do
	name="ESCDELAY='$value'"
	tui_start 60x18 "ESCDELAY=$value" --
	tui_wait "ownit · Home" "$name: home is up"
	tui_keys '?'
	tui_wait "start a new session with the" "$name: the help is open"
	tui_keys -l "$esc"
	sleep 0.4
	tui_keys -l "[B"
	tui_wait "ownit · Home" "$name: Esc alone closed the help"
	tui_wait_gone "any key close" "$name: the help is gone"
	tui_keys q
	tui_expect_exit 0 "$name"
	tmux_ kill-session -t =t:
done

done_testing
