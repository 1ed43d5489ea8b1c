#!/bin/sh
# A whole coaching session with real keys: every statement and pillar
# rated, the results with the radar, a ladder climb, two commitments and a
# two-line note; then, after a restart, its summary from history and the
# next session's follow-up of both commitments.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
export OWNIT_TODAY=2026-11-23
# The statements the diagnostic asks (retired ones are not asked).
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')
PILLARS=$(($(wc -l <"$OWNIT_SRCDIR/content/pillars.csv") - 1))

tui_start 80x24 --
tui_wait "add the first person you coach" "first run offers to add a person"
tui_keys a
tui_wait "Add a person" "a opens the person form"
tui_keys 'Zoë Ångström' Tab 'Team lead' Enter
tui_wait "Open commitments of Zoë Ångström" "the person is added"

tui_keys n
tui_wait "New session" "n asks what kind of session"
tui_keys Enter
tui_wait "Zoë Ångström · coaching session" "the session header names person and kind"
# At 80 columns the steps other than the current one go by short names,
# and a done step's tick stands a blank apart from its name.
tui_wait "✓ Follow›" "the step bar is shown, the follow-up ticked apart"
tui_wait "flag 1/5 · statement 1/" \
	"with nothing to follow up the session starts at the red flags"
stmt=$(tui_screen)
like "$stmt" "“" "the statement opens with a quote"
like "$stmt" "[^ ]”" "and closes with one after its last word"
like "$stmt" "^ +─{20,} *$" "the progress bar is a thin line (indented, unlike the rule)"
tui_keys BTab
tui_wait "Nothing to follow up." "Shift-Tab goes back to the follow-up"
tui_keys Tab
tui_wait "flag 1/5 · statement 1/" "Tab moves on to the red flags"
tui_wait "Almost always" "the scale is shown with its labels"
i=0
while [ $i -lt "$ITEMS" ]; do
	tui_keys $((i % 5))
	i=$((i + 1))
done
tui_wait "$ITEMS/$ITEMS rated" "every statement rated with digit keys"
tui_wait "All statements rated" "the diagnostic says it is complete"
is "$(db "SELECT count(*) FROM answer WHERE value >= 0")" "$ITEMS" \
	"every answer is in the database"
is "$(db "SELECT count(*) FROM answer WHERE statement = ''")" 0 \
	"each answer keeps the statement text"

tui_keys Tab
tui_wait "0/$PILLARS rated" "Tab moves on to the pillars"
tui_keys 3 4 2 3 2 4
tui_wait "$PILLARS/$PILLARS rated" "every pillar rated"
is "$(db "SELECT group_concat(value, '') FROM (SELECT value FROM rating
	ORDER BY rowid)")" "342324" "the ratings are in the database"

tui_keys Tab
tui_wait "This session" "the results show the radar's legend"
tui_wait "Clarity 3.0" "the radar labels the axes with the ratings"
tui_wait "Red flags" "and the red-flag bars"
tui_keys PageDown
tui_wait "Strongest signals" "the strongest signals follow"

tui_keys Tab
tui_wait "Pick one real situation" "Tab moves on to the ladder"
tui_keys Enter
tui_wait "One real situation, in a sentence" "Enter asks for the situation"
tui_keys C-u 'Status updates hide the slipping migration' Enter
tui_wait "Where do you stand today?" "then where the person stands"
tui_keys Down Enter
tui_wait "On 3 Excuses" "then the climb starts on today's rung"
for answer in 'I wait for them' 'It is mine to ask' 'I own the check-in' \
	'Ask for blockers first' 'Tuesday slot'; do
	tui_keys Enter
	tui_poll "Enter saves" >/dev/null
	tui_keys "$answer" Enter
	tui_wait_gone "Enter saves" "answered: $answer"
done
tui_wait "Top of the ladder" "the climb reaches the top"
is "$(db "SELECT start_rung || '-' || reached_rung FROM ladder")" "3-8" \
	"the ladder is saved from rung 3 to the top"
is "$(db "SELECT group_concat(rung, ',') FROM (SELECT rung FROM ladder_step
	ORDER BY rung)")" "3,5,6,7,8" "one answer per rung of the route"

tui_keys Tab
tui_wait "Commitments made in this session · 0" "Tab moves on to commitments"
tui_keys a
tui_wait "New commitment" "a opens the form"
tui_wait "Tuesday slot" "the top answer is offered as the draft"
tui_keys C-u 'Open the check-in with blockers' Tab Tab 'someday' Enter
tui_wait 'not understood' "a due date that does not parse is refused"
tui_keys C-u '+7d' Enter
tui_wait "due 2026-11-30" "+7d is a week from today"
tui_keys a
tui_poll "New commitment" >/dev/null
tui_keys C-u 'Share the risk list' Tab C-u 'Zoë' Tab 'fri' Enter
tui_wait "due 2026-11-27" "fri is the coming Friday"
tui_wait "Commitments made in this session · 2" "two commitments listed"

tui_keys Tab
tui_wait "Type the notes of this session here" "Tab moves on to the notes"
tui_keys 'First line, with a café.' Enter 'Second line.'
tui_wait "Second line." "the note shows as typed"
tui_keys Tab
tui_wait "m mark complete" "Tab moves on to the summary"
is "$(db "SELECT body FROM note")" "First line, with a café.
Second line." "the note is saved when the step is left"
tui_keys m
tui_wait "Session marked complete." "m marks the session complete"
is "$(db "SELECT status FROM session")" complete "the database agrees"
tui_keys Escape
tui_wait "Open commitments of Zoë Ångström" "Esc goes back home"
tui_keys q
tui_expect_exit 0 "quit after the session"

tmux_ kill-session -t =t:
tui_start 80x24 --
tui_wait "Zoë Ångström" "after a restart the person is there"
tui_keys h
tui_wait "complete" "history lists the session"
tui_keys Enter
tui_wait "Session summary" "Enter opens its summary"
# The summary is long (advice, self-checks): page on until the commitments.
for _ in $(seq 1 20); do
	tui_screen | grep -q "Open the check-in with blockers" && break
	tui_keys PageDown
	sleep 0.1
done
tui_wait "Open the check-in with blockers" "the summary shows the commitments"
tui_wait "First line, with a café." "and the note's first line"
tui_wait "Second line." "and its second line"
tui_keys Escape
tui_keys Escape
tui_wait "Open commitments of Zoë Ångström" "back home"
tui_keys n
tui_poll "New session" >/dev/null
tui_keys Enter
tui_wait "Commitments from earlier sessions · 2 to review" \
	"the next session follows both commitments up"
tui_wait "Open the check-in with blockers" "the first is listed"
tui_wait "Share the risk list" "and the second"
tui_keys y
tui_wait "What helped?" "y marks it kept and asks what helped"
tui_keys 'A reminder' Enter
tui_wait "helped: A reminder" "what helped is shown"
tui_keys j m
tui_wait "What got in the way?" "j moves down; m asks what got in the way"
tui_wait "What will you do differently?" "and what will change"
tui_keys 'No time' Tab 'Book it first' Enter
tui_wait "in the way: No time" "the reason is shown"
tui_wait "differently: Book it first" "and what will change"
is "$(db "SELECT group_concat(status || ':' || coalesce(helped, '') || ':' ||
	coalesce(obstacle, '') || ':' || coalesce(differently, ''), ',')
	FROM (SELECT * FROM commitment ORDER BY id)")" \
	"missed::No time:Book it first,kept:A reminder::" "both reviews are saved"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "quit after the follow-up"

done_testing
