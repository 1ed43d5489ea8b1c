#!/bin/sh
# The ladder as a coach climbs it: the suggested situation must be made
# one's own, the climb asks on each rung the question that gets the
# person off it (rung 1's included), takes the usual route from below the
# line straight to "Acknowledge reality" and on up, and the top answer
# arrives in the Commitments step as a draft.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
export OWNIT_TODAY=2026-11-23

tui_start 120x30 --
tui_first_session 'Ada Lind'
tui_keys 4 4 4
tui_wait "statement 4/" "three statements rated"
tui_keys Tab Tab Tab
tui_wait "Pick one real situation" "on to the ladder"
is "$(tui_screen | grep -c '>│4│')" 1 \
	"the rung cursor shows before any key is pressed"

tui_keys Enter
tui_wait "One real situation, in a sentence" "Enter asks for the situation"
tui_keys Enter
tui_wait "That is only the suggestion" \
	"the suggestion left as offered is not saved as if typed"
is "$(db "SELECT count(*) FROM ladder")" 0 "nothing is in the database"
tui_keys 'the weekly report hides a slipping date' Enter
tui_wait "Where do you stand today?" "a situation of one's own is taken"
is "$(db "SELECT situation LIKE '%: the weekly report hides a slipping date'
	FROM ladder")" 1 "saved after the suggestion's words"

tui_keys Down Down Down Enter
tui_wait "On 1 Unaware" "the climb starts on today's rung"
tui_wait "someone close to this say" "and asks rung 1's own question"
tui_wait "Answered, it leads to 5 Acknowledge reality." \
	"the usual route goes straight to Acknowledge reality"
tui_keys Enter
tui_poll "Enter saves" >/dev/null
tui_keys 'Ask Sam and Kim what they see' Enter
tui_wait "On 5 Acknowledge reality" "answered, the person stands on rung 5"
tui_wait "which part of this is yours to own" "and is asked rung 5's question"
for answer in 'The date is mine' 'Three options' 'Tell the team today'; do
	tui_keys Enter
	tui_poll "Enter saves" >/dev/null
	tui_keys "$answer" Enter
	tui_wait_gone "Enter saves" "answered: $answer"
done
tui_wait "On 8 Make it happen" "the route reaches the top rung"
tui_wait "who else needs to be involved" "and asks its question too"
tui_wait "Your climb" "the answers so far are listed"
for answer in '1 Unaware: Ask Sam and Kim what they see' \
	'5 Acknowledge reality: The date is mine' 'Three options' \
	'Tell the team today'; do
	is "$(tui_screen | grep -cF "$answer")" 1 "climb shows: $answer"
done
tui_keys Enter
tui_poll "Enter saves" >/dev/null
tui_keys 'Send the real dates to Kim by Friday' Enter
tui_wait "Top of the ladder" "the climb is complete"
is "$(db "SELECT group_concat(rung, ',') FROM (SELECT rung FROM ladder_step
	ORDER BY rung)")" "1,5,6,7,8" "one answer per rung of the route"
is "$(db "SELECT start_rung || '-' || reached_rung FROM ladder")" "1-8" \
	"the ladder is saved from rung 1 to the top"

tui_keys Tab
tui_wait "Commitments made in this session · 0" "Tab moves on to commitments"
tui_wait "From the ladder: 1 Unaware to 8 Make it happen" \
	"the climb is carried into the step"
tui_wait "Send the real dates to Kim by Friday" "with the top answer as draft"
tui_keys a
tui_wait "New commitment" "a opens the form"
tui_keys Tab Tab '+4d' Enter
tui_wait "Commitments made in this session · 1" "the draft is saved"
tui_wait_gone "Draft:" "and is no longer offered"
is "$(db "SELECT what || '|' || owner || '|' || due FROM commitment")" \
	"Send the real dates to Kim by Friday|Ada Lind|2026-11-27" \
	"the draft's words, the coachee as owner"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "quit after the ladder"

done_testing
