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
	tmux_ kill-session -t =t:
done

tui_start 80x24 TERM=unknown-terminal-xyz --
tui_wait "unknown terminal type 'unknown-terminal-xyz'" "unknown TERM named"
tui_expect_exit 2 "unknown TERM"
tmux_ kill-session -t =t:

tui_start 80x24 TERM=dumb --
tui_wait "terminal type 'dumb' cannot move the cursor" "dumb TERM explained"
tui_expect_exit 2 "dumb TERM"
tmux_ kill-session -t =t:

tui_start 80x24 NO_COLOR=1 --
tui_wait "ownit · Home" "NO_COLOR: home screen up"
tui_keys q
tui_expect_exit 0 "NO_COLOR: quits"
tmux_ kill-session -t =t:

# Keys as tmux and rxvt send them whatever TERM says, read by every
# screen: Home and End move the list, an unknown sequence is dropped
# whole instead of being taken as Esc and the rest as typed keys.
export OWNIT_TODAY=2026-03-02
"$OWNIT" demo "$T_TMP/keys.db" >/dev/null || fail "ownit demo"
last=$("$SQLITE3" "$T_TMP/keys.db" "SELECT name FROM person
	ORDER BY name COLLATE NOCASE DESC LIMIT 1")
esc=$(printf '\033')
tui_start 80x24 -- --db "$T_TMP/keys.db"
tui_wait "ownit · Home" "keys: home is up"
tui_keys -l "${esc}[4~"
tui_keys h
tui_wait "Sessions of $last" "ESC [4~ is End on home"
tui_keys -l "${esc}[25~"
tui_keys -l "${esc}OX"
tui_keys j
tui_settle
like "$(tui_screen)" "Sessions of $last" \
	"unknown sequences neither leave the history nor type"
tui_keys Escape
tui_wait "ownit · Home" "Esc alone still goes back"
tui_keys -l "${esc}[7~"
tui_keys -l "${esc}[8~"
tui_keys -l "${esc}[1~"
tui_keys h
first=$("$SQLITE3" "$T_TMP/keys.db" "SELECT name FROM person
	ORDER BY name COLLATE NOCASE LIMIT 1")
tui_wait "Sessions of $first" "ESC [7~, [8~ and [1~ are Home, End, Home"
tui_keys q q
tui_expect_exit 0 "keys: quits"
tmux_ kill-session -t =t:

# The content is read just after the first frame: a broken folder still
# ends ownit before any key, with the terminal given back before the
# messages (every problem, then the summary) and exit status 2.
broken="$T_TMP/broken-content"
mkdir "$broken"
cp "$OWNIT_SRCDIR"/content/* "$broken/"
awk -F, 'NR == 2 || NR == 3 { $2 = "no-such-flag" } 1' OFS=, \
	"$OWNIT_SRCDIR/content/items.csv" >"$broken/items.csv"
tui_start 100x24 "OWNIT_CONTENT=$broken" -- --db "$T_TMP/keys.db"
tui_expect_exit 2 "broken content"
screen=$(tui_screen)
like "$screen" "ownit: .*/items.csv:2:2: unknown red flag \"no-such-flag\"" \
	"broken content: the first problem, by file, line and column"
like "$screen" "ownit: .*/items.csv:3:2: unknown red flag \"no-such-flag\"" \
	"broken content: the second problem"
unlike "$screen" "ownit · Home" \
	"broken content: the messages are on the main screen, not the frame"
tmux_ kill-session -t =t:

done_testing
