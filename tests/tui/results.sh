#!/bin/sh
# The results step and the summary read whole at 80x24: every red-flag
# title and status word, the radar table's column headings and a date
# error's remedy; at 130x40 the results use the width, with the radar's
# numbers and the signals beside the chart; t switches the comparison.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-11-23
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"

# The rows of the screen that hold TEXT (fixed string), one per line.
rows_of() {
	tui_screen | grep -nF -- "$1" | cut -d: -f1
}

tui_start 80x24 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
# Amira's open session resumes on the red flags; rate the pillars.
tui_keys r
tui_wait "Red flags" "r resumes the open session"
tui_keys Tab
tui_wait "0/6 rated" "on to the pillars"
tui_keys 4 3 4 2 5 4
tui_wait "6/6 rated" "every pillar rated"
tui_keys Tab
tui_wait "t compare" "the results step is up"
screen=$(tui_screen)
like "$screen" "1\\.0 Few signs *$" "a bar ends in its whole status word"
like "$screen" "0\\.7 Few signs *$" "so does the next"
unlike "$screen" "Few si…" "no status word is cut"
for title in "Vague or evasive updates" "Slow or defensive escalation" \
	'"Not my job" language' "Repeated missed commitments" \
	"Passive agreement in meetings"; do
	like "$screen" "$title" "the whole title: $title"
done
like "$screen" "– not rated" "a flag without answers says so in words"
# The title sits apart from the chart, the status word apart from the
# score.
unlike "$screen" "[0-9]\\.[0-9][A-Za-z]" "each score stands apart from its word"

# The table under the chart names its columns in full.
for _ in $(seq 1 30); do
	tui_screen | grep -q "Difference" && break
	tui_keys Down
	sleep 0.05
done
like "$(tui_screen)" "This session  Previous 2026-10-25  Difference" \
	"the table's column headings are whole"

# t compares with the red-flag evidence, and back.
tui_keys t
tui_wait "Red-flag evidence" "t compares with the red-flag evidence"
unlike "$(tui_screen)" "Previous 2026-10-25" "and no longer with the previous session"
tui_keys t
tui_wait "Previous 2026-10-25" "t again compares with the previous session"

# Wide: the numbers and the signals beside the chart.
tui_resize 130x40
tui_wait "Pillars (1 .. 5)" "the results fill a 130x40 terminal"
tui_keys Home
tui_settle
like "$(tui_screen | grep -F "Pillars (1 .. 5)")" \
	"Pillars \\(1 \\.\\. 5\\) .* Pillar  .*This session  Previous 2026-10-25  Difference" \
	"the radar's table is beside the chart, on its first row"
row=$(rows_of "Strongest signals" | head -1)
[ -n "$row" ] || row=99
like "$row" "^([5-9]|[1-3][0-9])$" "the signals are in the first screen"
like "$(tui_screen | sed -n "${row}p")" "^ .{40,}Strongest signals" \
	"beside the chart, not under it"
like "$(tui_screen)" "Vague or evasive updates +━.* 1\\.0 Few signs" \
	"the bars have room for title and status word on one row"

# The summary at 80x24: flag names and status words whole.
tui_resize 80x24
tui_keys Tab Tab Tab Tab
tui_wait "m mark complete" "on to the summary"
screen=$(tui_screen)
like "$screen" "Passive agreement in meetings ─.* not rated" \
	"the summary names every flag in full"
like "$screen" "Slow or defensive escalation  ━.* 0\\.7 Few signs" \
	"with its whole status word"

# A date the commitment form cannot read: the remedy is on screen whole.
tui_keys BTab BTab
tui_wait "Commitments made in this session" "back to the commitments"
tui_keys a
tui_wait "New commitment" "a opens the form"
tui_keys 'Book the review' Tab Tab 'someday' Enter
tui_wait 'not understood' "a due date that does not parse is refused"
like "$(tui_screen)" 'due date "someday" not understood: try 2026-11-30, \+7d, \+2w or fri' \
	"the message ends in its remedy, not an ellipsis"
tui_keys Escape Escape
tui_keys Escape
tui_poll "ownit · Home" >/dev/null
tui_keys q
tui_expect_exit 0 "quit"
tmux_ kill-session -t =t:

# Eight colours (TERM=xterm): amber is yellow on a black ground of its
# own, which reads on a dark terminal and on a light one; never bare
# yellow text, which fades into white.
esc=$(printf '\033')
tui_start 80x24 TERM=xterm -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "8 colours: home is up"
tui_keys h
tui_wait "Sessions of" "8 colours: history opens"
tui_keys j Enter
tui_wait "Session summary" "8 colours: a summary with amber flags opens"
tui_wait "Worth a look" "8 colours: an amber status word is on screen"
line=$(tmux_ capture-pane -p -e -t =t: | grep -F "Worth a look" | head -1)
like "$line" "${esc}\\[33m${esc}\\[40m2\\.2" "8 colours: the amber score is yellow on black"
like "$line" "${esc}\\[33m${esc}\\[40mWorth a look" "8 colours: so is its status word"
unlike "$(tmux_ capture-pane -p -e -t =t:)" "${esc}\\[33m${esc}\\[49m" \
	"8 colours: no yellow on the terminal's own background"
tui_keys Escape Escape q
tui_expect_exit 0 "8 colours: quit"
done_testing
