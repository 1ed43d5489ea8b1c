#!/bin/sh
# Safe display: plain under NO_COLOR, ASCII only under --ascii, control
# characters in stored names shown as ^X text, small terminals.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-03-02
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}
# A name carrying a terminal escape (colour red, then clear screen).
db "UPDATE person SET name = 'Eve' || char(27) || '[31mRed' ||
	char(27) || '[2J' WHERE name = 'me'"

# Colour: the escape reaches the screen only as text.
tui_start 80x24 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_wait 'Eve^[[31mRed^[[2J' "an escape in a name shows as ^[ text"
raw=$(tmux_ capture-pane -p -e -t =t: | grep 'Eve')
unlike "$raw" "$(printf '\033')\\[31mRed" "and never reaches the terminal raw"
# Legible on a light background as well as a dark one: the title is bright
# white on blue (not bold black, which shows grey), and no text is yellow
# or cyan, which fade into white.
esc=$(printf '\033')
# The yellow and cyan foregrounds among the SGR sequences of the screen.
unreadable() {
	tmux_ capture-pane -p -e -t =t: | "$PYTHON3" -c '
import re, sys
bad = []
for m in re.finditer(r"\033\[([0-9;]*)m", sys.stdin.read()):
    p = [int(x) if x else 0 for x in m.group(1).split(";")]
    i = 0
    while i < len(p):
        if p[i] in (38, 48) and i + 2 < len(p) and p[i + 1] == 5:
            if p[i] == 38 and p[i + 2] in (3, 6, 11, 14):
                bad.append("38;5;%d" % p[i + 2])
            i += 3
            continue
        if p[i] in (33, 36, 93, 96):
            bad.append(str(p[i]))
        i += 1
print(" ".join(sorted(set(bad))))'
}
like "$(tmux_ capture-pane -p -e -t =t: | head -1)" "$esc\\[97m$esc\\[44m ownit" \
	"the title is bright white on blue"
is "$(unreadable)" "" "home: no yellow or cyan text"
tui_keys h
tui_wait "Sessions of" "history opens"
is "$(unreadable)" "" "history: no yellow or cyan text"
tui_keys j Enter
tui_wait "Session summary" "a summary opens"
is "$(unreadable)" "" "summary: no yellow or cyan text in the bars"
tui_keys NPage
tui_wait "◊" "the summary shows its radar"
is "$(unreadable)" "" "summary: no yellow or cyan text in the radar"
tui_keys Escape Escape
tui_wait "ownit · Home" "back home"
tui_keys End e
tui_wait "Edit person" "the form opens on that person"
tui_wait "Eve^[[31mRed" "the form shows it as text too"
tui_keys Escape q
tui_expect_exit 0 "colour run quits"
tmux_ kill-session -t =t:

# NO_COLOR: attributes only, no colour escapes at all.
tui_start 80x24 NO_COLOR=1 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "NO_COLOR: home is up"
tui_keys h
tui_wait "Pillar trends" "NO_COLOR: history draws"
unlike "$(tmux_ capture-pane -p -e -t =t:)" "$(printf '\033')\\[[0-9;]*3[0-7]m" \
	"NO_COLOR: no foreground colour on screen"
tui_keys q q
tui_expect_exit 0 "NO_COLOR run quits"
tmux_ kill-session -t =t:

# --ascii: charts, rules and boxes are plain ASCII.
tui_start 80x24 -- --ascii --db "$OWNIT_DB"
tui_wait "ownit - Home" "--ascii: the title uses ASCII"
tui_keys h
tui_wait "Pillar trends" "--ascii: history draws"
charts=$(tui_screen | sed -n '2,7p')
is "$(printf '%s' "$charts" | LC_ALL=C tr -d '\n -~' | wc -c)" 0 \
	"--ascii: trend lines hold only ASCII bytes"
like "$charts" '^  Clarity +[1-5 ]+ +[1-5]' "--ascii: the sparkline shows the ratings as digits"
tui_keys q x
tui_wait "Export sessions" "--ascii: the export dialog opens"
like "$(tui_screen | grep 'Export sessions')" '\+- Export sessions -+\+' \
	"--ascii: its box is drawn in ASCII"
box=$(tui_screen | sed -n '5,19p')
is "$(printf '%s' "$box" | LC_ALL=C tr -d '\n -~' | wc -c)" 0 \
	"--ascii: box lines hold only ASCII bytes"
tui_keys Escape q
tui_expect_exit 0 "--ascii run quits"
tmux_ kill-session -t =t:

# Small terminals: everything of home stays at 60x18, 40x12 says too small.
tui_start 60x18 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "60x18: home is up"
screen=$(tui_screen)
like "$screen" 'Name +Role / team +Last session +Open +Overdue' \
	"60x18: every column has its heading"
like "$screen" '^ Amira Haddad ' "60x18: people are listed"
like "$screen" 'Open commitments of Amira Haddad' \
	"60x18: the selected person's commitments show"
like "$screen" '\? help' "60x18: the key line offers help"
is "$(tui_screen | "$PYTHON3" -c 'import sys
print(sum(len(line.rstrip("\n")) > 60 for line in sys.stdin))')" 0 \
	"60x18: no line is wider than the terminal"
tui_keys j
tui_wait "Open commitments of Eve" "60x18: the cursor moves"
tui_keys a
tui_wait "Archived" "60x18: the person form fits"
tui_keys Escape x
tui_wait "File" "60x18: the export dialog fits"
tui_keys Escape c
tui_wait "ownit · Commitments" "60x18: commitments open"
like "$(tui_screen | tail -n 1)" 'Esc back  \? help$' \
	"60x18: a short key line keeps the way back"
tui_keys Escape
# A session step with more keys than fit: the way on and the way out
# stay, as help does.
tui_keys k
tui_wait "Open commitments of Amira" "60x18: back on the first person"
tui_keys r
tui_wait "Tab next step" "60x18: a step offers the next step"
for step in 2 3 4 5; do
	tui_keys Tab
	tui_settle
	like "$(tui_screen | tail -n 1)" 'Tab next step  Esc leave  \? help$' \
		"60x18: step $step keeps Tab and Esc on its key line"
done
tui_keys Escape
tui_wait "ownit · Home" "60x18: Esc leaves the session"
tui_keys j
tui_wait "Open commitments of Eve" "60x18: on the second person again"
tui_resize 40x12
tui_wait "terminal too small" "40x12 says too small"
tui_resize 60x18
tui_wait "Open commitments of Eve" "back at 60x18 with the same selection"
tui_keys q
tui_expect_exit 0 "small run quits"

done_testing
