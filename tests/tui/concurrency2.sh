#!/bin/sh
# Two ownit on one session, continued (concurrency.sh has the note,
# answers, ratings and commitment edits): follow-ups of a commitment,
# taking back an answer or a rating, deleting a commitment and its undo,
# and the accountability ladder.  Whichever writes second over a change it
# has not seen is told "changed elsewhere" with the other value, and
# nothing of the other's is lost; repeating the key saves over it.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}

# The second ownit (lib.sh's u_start, u_keys, u_wait) runs in tmux
# session "u" beside "t".
U_SIZE=100x30
# t_step/u_step KEY TEXT NAME: presses KEY (Tab or BTab) until TEXT shows.
t_step() {
	n=0
	while [ $n -lt 10 ] && ! tui_screen | grep -qF -- "$2"; do
		tui_keys "$1"
		sleep 0.2
		n=$((n + 1))
	done
	tui_wait "$2" "$3"
}
u_step() {
	n=0
	while [ $n -lt 10 ] && ! u_screen | grep -qF -- "$2"; do
		u_keys "$1"
		sleep 0.2
		n=$((n + 1))
	done
	u_wait "$2" "$3"
}
both_leave() {
	tui_keys Escape
	tui_wait "Open commitments of" "A leaves the session"
	u_keys Escape
	u_wait "Open commitments of" "B leaves the session"
}
both_quit() {
	tui_keys q
	tui_wait "[exit 0]" "A quits"
	u_keys q
	u_wait "[exit 0]" "B quits"
	tmux_ kill-session -t =t:
	tmux_ kill-session -t =u:
}
# Status lines wrap: these read the screen as one line.
t_says() { pane_wait t "$1" "$2" joined; }
u_says() { pane_wait u "$1" "$2" joined; }
sq() { printf %s "$1" | sed "s/'/''/g"; }

run "$OWNIT" demo "$OWNIT_DB"
is "$status" 0 "a demo database is written"
SES=$(db "SELECT id FROM session WHERE status = 'open'")
FOLLOWUP="y kept  p partly  m missed"

# ------------------------------------------------- 1. follow-up reviews
tui_start 100x30 TMPDIR="$T_TMP" --
tui_wait "Open commitments of Amira Haddad" "A starts on the demo"
u_start
u_wait "Open commitments of Amira Haddad" "B starts on the same database"
tui_keys r
tui_wait "Amira Haddad · coaching session" "A resumes Amira's session"
u_keys r
u_wait "Amira Haddad · coaching session" "B resumes it too"
t_step BTab "$FOLLOWUP" "A goes back to the follow-up"
u_step BTab "$FOLLOWUP" "so does B"
FIRST=$(tui_screen | sed -n 's/^ *> *open *//p' | head -1 | sed 's/ *$//')
if [ -n "$FIRST" ]; then
	pass "the cursor is on an open commitment"
else
	fail "the cursor is on an open commitment" "$(tui_screen)"
fi
status_of() {
	db "SELECT status || ':' || coalesce(helped, '') || ':' ||
		coalesce(obstacle, '') FROM commitment
		WHERE what = '$(sq "$FIRST")' AND session_id <> $SES"
}
is "$(status_of)" "open::" "it is open in the database"
tui_keys y
tui_wait "What helped?" "A marks it kept"
tui_keys 'a calendar slot' Enter
tui_wait_gone "What helped?" "and says what helped"
is "$(status_of)" "kept:a calendar slot:" "A's follow-up is in the database"
u_keys m
u_says "changed elsewhere: another ownit marked it kept" \
	"B's missed over A's kept is refused: changed elsewhere"
u_says "helped: a calendar slot" "B is shown what A wrote"
u_says "m again saves yours over it" "and is offered to save its own"
is "$(status_of)" "kept:a calendar slot:" "A's follow-up was not overwritten"
u_keys m
u_wait "What got in the way?" "m again records B's review"
is "$(status_of)" "missed::" "the database has B's review now"
u_keys 'release week' Enter
u_wait_gone "What got in the way?" "B says what got in the way"
is "$(status_of)" "missed::release week" "with B's words"

# A's screen still shows its own kept: its words go through the check too.
tui_keys w
tui_wait "What helped?" "A opens what helped again"
tui_keys End ', daily' Enter
t_says "changed elsewhere: another ownit marked it missed" \
	"A's words over B's review are refused: changed elsewhere"
t_says "Enter saves yours over it, Esc keeps theirs" \
	"and A can save its words or keep B's"
is "$(status_of)" "missed::release week" "B's review was not overwritten"
tui_keys Escape
tui_wait_gone "What helped?" "Esc keeps B's"
is "$(status_of)" "missed::release week" "B's review stands"

# An undo and a review cross the same way.
tui_keys u
sleep 0.5
is "$(status_of)" "open::" "A, now up to date, undoes the review"
u_keys p
u_says "changed elsewhere: another ownit changed it (open" \
	"B's partly over A's undo is refused"
u_says "p again saves yours over it" "and B may save its own"
is "$(status_of)" "open::" "A's undo stands"

# Two renegotiations of one commitment would leave two successors.
u_keys r
u_wait "New due date" "B opens the renegotiate dialog"
tui_keys r
tui_wait "New due date" "A opens it at the same time"
tui_keys +7d Enter
tui_wait_gone "New due date" "A renegotiates"
is "$(status_of)" "renegotiated::" "A's renegotiation is in the database"
u_keys +14d Enter
u_says "Renegotiated elsewhere already" \
	"B's renegotiation over A's is refused"
is "$(db "SELECT count(*) FROM commitment WHERE what = '$(sq "$FIRST")'")" \
	2 "one successor, not two"
u_keys Escape
u_wait_gone "New due date" "Esc keeps A's"

# The Commitments screen: a follow-up made there checks the same way.
both_leave
tui_keys c
tui_wait "ownit · Commitments" "A opens the Commitments screen"
u_keys c
u_wait "ownit · Commitments" "so does B"
# The first row, selected: its person and the start of its text.
ROW=$(tui_screen | sed -n 3p)
WHO=$(printf %s "$ROW" | awk -F '  +' '{print $2}')
WHAT=$(printf %s "$ROW" | awk -F '  +' '{print $3}' | sed 's/….*//')
TOP=$(db "SELECT c.id FROM commitment c JOIN person p ON p.id = c.person_id
	WHERE c.status = 'open' AND p.name = '$(sq "$WHO")'
	AND substr(c.what, 1, length('$(sq "$WHAT")')) = '$(sq "$WHAT")'")
is "$(printf '%s\n' "$TOP" | wc -l)" 1 "the top row is one open commitment"
top_status() { db "SELECT status FROM commitment WHERE id = '$TOP'"; }
tui_keys y
tui_wait "What helped?" "A marks the top one kept"
tui_keys Escape
tui_wait_gone "What helped?" "without words"
is "$(top_status)" "kept" "A's kept is in the database"
u_keys m
u_says "changed elsewhere: another ownit marked it kept" \
	"B's missed from a stale list is refused"
is "$(top_status)" "kept" "A's kept stands"
tui_keys q
tui_wait "Open commitments of" "A is home"
u_keys q
u_wait "Open commitments of" "B is home"
both_quit

# ------------------------------------------------------------- 2. deletes
# Both resume the session at the first statement without an answer.
tui_start 100x30 TMPDIR="$T_TMP" --
tui_wait "Open commitments of Amira Haddad" "A starts again"
u_start
u_wait "Open commitments of Amira Haddad" "B starts again"
tui_keys r
tui_wait "Amira Haddad · coaching session" "A resumes the session"
t_step Tab "· statement" "A goes to the red flags"
u_keys r
u_wait "Amira Haddad · coaching session" "B resumes it"
u_step Tab "· statement" "and goes to the red flags"
tui_keys 3
sleep 0.5
ITEM=$(db "SELECT item_id FROM answer WHERE session_id = $SES
	ORDER BY rowid DESC LIMIT 1")
answer() {
	db "SELECT coalesce((SELECT value FROM answer WHERE session_id = $SES
		AND item_id = '$ITEM'), '(none)')"
}
is "$(answer)" 3 "A answers the statement"
# B reads it again by leaving the step and coming back.
u_keys Tab
u_wait "rated" "B looks at the pillars"
u_keys BTab
u_wait "· statement" "and comes back to the statement, now answered 3"
tui_keys Left 4
sleep 0.5
is "$(answer)" 4 "A changes its answer to 4"
u_keys DC
u_says "changed elsewhere: another ownit answered 4" \
	"B's take-back of the 3 it saw is refused: changed elsewhere"
u_says "Delete again takes theirs back" "and B may take back A's 4"
is "$(answer)" 4 "A's answer was not taken back"
u_keys DC
sleep 0.5
is "$(answer)" "(none)" "Delete again takes it back"

rating() {
	db "SELECT coalesce((SELECT group_concat(value) FROM rating
		WHERE session_id = $SES), '(none)')"
}
t_step Tab "0/6 rated" "A goes on to the pillars"
u_step Tab "0/6 rated" "so does B"
tui_keys 2
tui_wait "1/6 rated" "A rates the first pillar"
u_keys BTab
u_wait "· statement" "B steps back"
u_keys Tab
u_wait "1/6 rated" "and reads the pillars again: rated 2"
tui_keys Left 4
sleep 0.5
is "$(rating)" 4 "A changes its rating to 4"
u_keys DC
u_says "changed elsewhere: another ownit rated it 4" \
	"B's take-back of the 2 it saw is refused: changed elsewhere"
is "$(rating)" 4 "A's rating was not taken back"
u_keys DC
sleep 0.5
is "$(rating)" "(none)" "Delete again takes it back"

# A commitment of this session: the renegotiated one from part 1.
t_step Tab "Commitments made in this session" "A goes on to the commitments"
u_step Tab "Commitments made in this session" "so does B"
made() {
	db "SELECT coalesce((SELECT group_concat(what, '|') FROM commitment
		WHERE session_id = $SES), '(none)')"
}
is "$(made)" "$FIRST" "the session has one commitment"
tui_keys e
tui_wait "Edit commitment" "A edits it"
tui_keys End ' by Friday' Enter
tui_wait_gone "Edit commitment" "and saves"
is "$(made)" "$FIRST by Friday" "A's edit is in the database"
u_keys d d
u_says "changed elsewhere: another ownit made it" \
	"B's delete of the text it saw is refused: changed elsewhere"
u_says "d d deletes theirs" "and B may delete A's"
is "$(made)" "$FIRST by Friday" "A's commitment was not deleted"
u_keys d d
u_wait "Deleted; u brings it back." "d d again deletes it"
is "$(made)" "(none)" "the database agrees"
tui_keys d d
tui_wait "Deleted elsewhere already." "A's delete of it finds it gone"
u_keys u
u_wait "Brought back" "B's undo brings it back"
is "$(made)" "$FIRST by Friday" "once"

both_leave
both_quit

# ---------------------------------------------------------- 3. the ladder
situation() {
	db "SELECT coalesce((SELECT situation || ' @' || start_rung
		FROM ladder WHERE session_id = $SES), '(none)')"
}
rung_answer() {
	db "SELECT coalesce((SELECT group_concat(answer, '|') FROM ladder_step
		WHERE session_id = $SES), '(none)')"
}
tui_start 100x30 TMPDIR="$T_TMP" --
tui_wait "Open commitments of Amira Haddad" "A starts again"
u_start
u_wait "Open commitments of Amira Haddad" "B starts again"
tui_keys r
tui_wait "Amira Haddad · coaching session" "A resumes the session"
t_step BTab "Pick one real situation" "A goes back to the ladder"
u_keys r
u_wait "Amira Haddad · coaching session" "B resumes it"
u_step BTab "Pick one real situation" "so does B: no ladder yet"
tui_keys Enter
tui_wait "One real situation, in a sentence" "A writes the situation"
tui_keys 'releases slip a week' Enter
tui_wait "Where do you stand today?" "A's situation is taken"
like "$(situation)" "releases slip a week @" "and is in the database"
u_keys s
u_wait "One real situation, in a sentence" "B writes one too"
u_keys 'handovers get lost' Enter
u_says "changed elsewhere: another ownit set the situation" \
	"B's situation over A's is refused: changed elsewhere"
u_says "releases slip a week" "B is shown A's situation"
u_says "Enter saves yours over it, Esc keeps theirs" \
	"and may save its own or keep A's"
like "$(situation)" "releases slip a week @" "A's situation stands"
u_keys Enter
u_wait_gone "One real situation, in a sentence" "Enter again saves B's"
like "$(situation)" "handovers get lost @" "the database has B's now"
was=$(situation)

tui_keys Down Enter
t_says "changed elsewhere: another ownit set the situation" \
	"A's rung for its own situation is refused: changed elsewhere"
t_says "handovers get lost" "A is shown B's situation"
t_says "Enter places yours over it" "and may place its rung all the same"
is "$(situation)" "$was" "B's ladder stands"
tui_keys Enter
tui_wait "Answered, it leads to" "Enter again places today's rung"
isnt_was=$(situation)
if [ "$isnt_was" != "$was" ]; then
	pass "today's rung is in the database"
else
	fail "today's rung is in the database" "still $was"
fi

# Both answer the question of the rung A stands on.
u_keys BTab
u_wait_gone "t today" "B steps back"
u_step Tab "Answered, it leads to" "and comes back to climb from A's rung"
tui_keys Enter
tui_wait "Enter saves, Esc cancels" "A opens the rung's question"
u_keys Enter
u_wait "Enter saves, Esc cancels" "so does B"
tui_keys 'we ship late on purpose' Enter
tui_wait_gone "Enter saves, Esc cancels" "A answers"
is "$(rung_answer)" "we ship late on purpose" "A's answer is in the database"
u_keys 'nobody owns the date' Enter
u_says "changed elsewhere: another ownit answered this rung" \
	"B's answer over A's is refused: changed elsewhere"
u_says "we ship late on purpose" "B is shown A's answer"
is "$(rung_answer)" "we ship late on purpose" "A's answer stands"
u_keys Enter
u_wait_gone "Enter saves, Esc cancels" "Enter again saves B's"
is "$(rung_answer)" "nobody owns the date" "the database has B's answer"

both_leave
both_quit
done_testing
