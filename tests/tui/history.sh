#!/bin/sh
# A person's history on a seeded database: sessions with their scores,
# the pillar trends, the filter, and a session's summary.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-03-02
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}
pid=$(db "SELECT id FROM person ORDER BY name COLLATE NOCASE LIMIT 1")
name=$(db "SELECT name FROM person WHERE id = $pid")
nsessions=$(db "SELECT count(*) FROM session WHERE person_id = $pid")
# Trends leave out sessions without a single rating (one just begun).
nrated=$(db "SELECT count(DISTINCT session_id) FROM rating JOIN session
	ON session.id = rating.session_id WHERE person_id = $pid")

# Below 90 columns the trends are sparklines.
tui_start 86x40 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys h
tui_wait "Sessions of $name, newest first" "h shows the first person's history"
tui_wait "Pillar trends, last $nrated sessions" "trends over every rated session"
screen=$(tui_screen)
is "$(printf '%s\n' "$screen" | grep -cE '^ [0-9]{4}-[0-9]{2}-[0-9]{2}  ')" \
	"$nsessions" "one row per session"
newest=$(db "SELECT date(started) FROM session WHERE person_id = $pid
	ORDER BY started DESC LIMIT 1")
like "$(printf '%s\n' "$screen" | grep -E '^ [0-9]{4}-' | head -1)" \
	"^ $newest  " "the newest session comes first"

# The ratings of the newest complete session, in pillar file order.
sid=$(db "SELECT id FROM session WHERE person_id = $pid AND
	status = 'complete' ORDER BY started DESC LIMIT 1")
day=$(db "SELECT date(started) FROM session WHERE id = $sid")
scores=$(db "SELECT value FROM rating WHERE session_id = $sid AND
	pillar_id IN ('clarity', 'trust-openness', 'autonomy',
	'feedback-systems', 'role-modelling') ORDER BY CASE pillar_id
	WHEN 'clarity' THEN 1 WHEN 'trust-openness' THEN 2
	WHEN 'autonomy' THEN 3 WHEN 'feedback-systems' THEN 4 ELSE 5 END" |
	tr '\n' ' ' | sed 's/ $//; s/ / +/g')
like "$(printf '%s\n' "$screen" | grep "^ $day  .*complete")" \
	"complete +$scores( |$)" "a session's row shows its five pillar ratings"
like "$(printf '%s\n' "$screen" | grep '^  Clarity ')" \
	'^  Clarity +[▁▂▃▄▅▆▇█ ]+ +[1-5]( → [1-5])?$' \
	"the clarity trend is a sparkline"

tui_keys / 'zzz'
tui_wait "No session matches the filter." "/ filters the sessions"
tui_keys C-u "$day"
tui_wait "filter" "the filter line shows"
is "$(tui_screen | grep -cE '^ [0-9]{4}-[0-9]{2}-[0-9]{2}  ')" 1 \
	"a day filter keeps one session"
tui_keys Enter Escape
tui_wait_gone "/ $day" "Esc clears the filter"

tui_keys Home Enter
tui_wait_gone "Pillar trends" "Enter opens the session's summary"
tui_keys Escape
tui_wait "Pillar trends" "Esc comes back to the history"
tui_keys q
tui_wait "ownit · Home" "q goes back home"
tui_keys q
tui_expect_exit 0 "quit"
tmux_ kill-session -t =t:

# A large terminal: a line chart of all six (vision included) over the
# sessions, with a legend of marks and whole names, and whole pillar
# names over the columns of the list.
tui_start 160x48 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "large: home is up"
tui_keys h
tui_wait "Pillar trends, $nrated sessions, oldest left" \
	"large: the trends are a chart over every rated session"
screen=$(tui_screen)
for level in 5 4 3 2 1; do
	like "$screen" "^ $level ┤" "large: the y axis is labelled $level"
done
like "$screen" " └[─┴]+" "large: the x axis has a tick per session"
first=$(db "SELECT date(min(started)) FROM session WHERE id IN (SELECT
	session_id FROM rating) AND person_id = $pid")
like "$screen" "^    $first " "large: the oldest session is named under the axis"
for entry in "C Clarity" "T Trust and openness" "A Autonomy" \
	"F Feedback systems" "R Role-model behaviours" \
	"V Connection to vision"; do
	like "$screen" "$entry +[1-5]\\.0\$" "large: legend $entry with its newest value"
done
is "$(printf '%s\n' "$screen" | sed -n '3,20p' | "$PYTHON3" -c 'import sys
rows = sys.stdin.buffer.read().decode().splitlines()
print(sum(any(0x2801 <= ord(ch) <= 0x28ff for ch in r) for r in rows))')" 18 \
	"large: the chart is drawn in Braille on every plot row"
like "$screen" "Clarity +Trust and openness +Autonomy +Feedback systems +Role-model behaviours +Connection to vision +Coach" \
	"large: the list's columns carry whole pillar names, vision's too"
tui_keys q q
tui_expect_exit 0 "large: quit"
tmux_ kill-session -t =t:

# With eight colours each pillar's line still has a colour of its own:
# the legend's marks, each in its line's style, all differ.
tui_start 160x48 TERM=xterm -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "eight colours: home is up"
tui_keys h
tui_wait "C Clarity" "eight colours: the history chart is up"
is "$(tmux_ capture-pane -p -e -t =t: | "$PYTHON3" -c 'import re, sys
text = sys.stdin.buffer.read().decode()
names = ["Clarity", "Trust and openness", "Autonomy", "Feedback systems",
         "Role-model behaviours", "Connection to vision"]
seen = {}
for n in names:
    m = re.search(r"\x1b\[([0-9;]*)m[A-Z](?:\x1b\[[0-9;]*m)* " + re.escape(n),
                  text)
    seen[n] = m.group(1) if m else None
print(len(set(seen.values())) if None not in seen.values() else seen)')" 6 \
	"eight colours: six pillar lines, six colours"
# Amber has a black ground with eight colours: on the digit alone, so the
# columns of the list do not run together into black slabs.
rows=$(tmux_ capture-pane -p -e -t =t: | sed -n '/Started/,$p')
esc=$(printf '\033')
like "$rows" "${esc}\\[40m[1-5]" "eight colours: an amber rating has its chip"
unlike "$rows" "${esc}\\[40m +" "eight colours: the blanks beside it have none"
tui_keys q q
tui_expect_exit 0 "eight colours: quit"

done_testing
