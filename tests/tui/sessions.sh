#!/bin/sh
# Sessions and people forgive: an open session is offered before a new
# one, the coach is remembered, "me" assesses themself, history resumes
# and deletes sessions and shows same-day times and vision, a person is
# deleted with a typed word, a deleted commitment comes back with u, a
# past due date is refused, and a completed session that changes says so.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}

tui_start 100x30 --
tui_first_person Ana

# A first session with a coach, left open.
tui_keys n
tui_wait "New session" "n opens the new-session dialog"
unlike "$(tui_screen)" "has an open session" "no question without an open session"
tui_keys 'Dana Okafor' Enter
tui_wait "flag 1/5 · statement 1/" "the session starts"
tui_keys Escape
tui_wait "Open commitments of Ana" "and is left open"

# n again: resuming is offered first.
tui_keys n
tui_wait "Ana has an open session, started" "n says there is an open session"
like "$(tui_screen)" "r resume it" "and offers to resume it"
tui_keys r
tui_wait "flag 1/5 · statement 1/" "r resumes it"
is "$(db "SELECT count(*) FROM session")" 1 "no second session was made"
tui_keys q
tui_wait "Open commitments of Ana" "q leaves it"
tui_keys n
tui_wait "Ana has an open session" "asked again"
tui_keys Escape
tui_wait_gone "has an open session" "Esc starts nothing"
tui_keys n
tui_wait "Ana has an open session" "asked once more"
tui_keys n
tui_wait "New session" "n starts a new one anyway"
tui_wait "Dana Okafor" "with the last coach filled in"
tui_keys Enter
tui_wait "flag 1/5 · statement 1/" "a second session starts"
is "$(db "SELECT count(*) FROM session WHERE coach = 'Dana Okafor'")" 2 \
	"the remembered coach is saved with it"

# The commitments step: a past due date is refused; a deleted commitment
# comes back with u.
tui_keys Tab Tab Tab Tab
tui_wait "Commitments made in this session" "Tab reaches the commitments"
tui_keys a
tui_wait "New commitment" "a opens the commitment form"
tui_keys 'Write the runbook' Tab 'Ana' Tab '2020-01-01' Enter
tui_wait "2020-01-01 is in the past" "a past calendar day is refused"
is "$(db "SELECT count(*) FROM commitment")" 0 "nothing is saved"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
	'+7d' Enter
tui_wait_gone "New commitment" "a day ahead is taken"
tui_wait "Write the runbook" "the commitment is listed"
uuid=$(db "SELECT uuid FROM commitment")
tui_keys d d
tui_wait "u brings it back" "d twice deletes and says how to undo"
is "$(db "SELECT count(*) FROM commitment")" 0 "it is gone from the database"
tui_keys u
tui_wait "Brought back: Write the runbook" "u brings it back"
is "$(db "SELECT uuid FROM commitment")" "$uuid" "the same commitment, uuid and all"
tui_keys Escape
tui_wait "Open commitments of Ana" "back home"

# History: both sessions of today show their start time; vision has a
# column; r resumes an open session; D deletes one after typing the word.
tui_keys h
tui_wait "Sessions of Ana" "h opens history"
screen=$(tui_screen)
is "$(printf '%s\n' "$screen" | grep -cE '^ +[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} coaching')" 2 \
	"two sessions on one day show their start times"
like "$screen" "Conn" "vision has its column"
like "$screen" "Connection to vis" "and its trend line"
tui_keys r
tui_wait "Ana · coaching session" "r resumes the session under the cursor"
tui_keys q
tui_wait "Sessions of Ana" "q goes back to history"
tui_keys D
tui_wait "Delete the session of" "D asks before deleting"
tui_keys 'yes' Enter
tui_wait "Type the word delete to confirm" "only the word delete will do"
is "$(db "SELECT count(*) FROM session")" 2 "nothing deleted yet"
tui_keys BSpace BSpace BSpace
tui_keys -l delete
tui_keys Enter
tui_wait "Session deleted" "the typed word deletes it"
is "$(db "SELECT count(*) FROM session")" 1 "one session is left"
is "$(db "SELECT count(*) FROM commitment")" 0 "its commitment went with it"
tui_keys q
tui_wait "Open commitments of Ana" "back home"

# "me": n on them is a self-assessment, without a coach.
tui_keys m
tui_wait "New session" "m adds me and asks for the session"
tui_keys Escape
tui_wait_gone "New session" "cancelled"
tui_keys G
tui_wait "Open commitments of me" "me is selected"
tui_keys n
tui_wait "New session" "n on me opens the dialog"
like "$(tui_screen)" "\[self\]" "a self-assessment is chosen"
unlike "$(tui_screen)" "Dana Okafor" "and no coach is filled in"
tui_keys Escape

# Completing a session, then changing it, marks it edited.
tui_keys g
tui_wait "Open commitments of Ana" "Ana is selected"
tui_keys r
tui_wait "Ana · coaching session" "Ana's open session is resumed"
tui_keys Tab Tab Tab Tab Tab Tab Tab
tui_wait "m mark complete" "on to the summary"
tui_keys m
n=0
while [ "$(db "SELECT status FROM session s JOIN person p ON p.id = s.person_id WHERE p.name = 'Ana'")" != complete ] && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
is "$(db "SELECT status FROM session s JOIN person p ON p.id = s.person_id WHERE p.name = 'Ana'")" complete "m marks it complete"
is "$(db "SELECT count(*) FROM session WHERE edited IS NOT NULL")" 0 \
	"completing is no edit"
tui_keys BTab BTab BTab BTab BTab BTab
tui_wait "flag 1/5 · statement 1/" "Shift-Tab goes back to the red flags"
tui_keys 2
tui_wait "complete, edited" "rating a statement marks the session edited"
tui_wait "the change is kept and marked as an edit" "and says so"
is "$(db "SELECT count(*) FROM session WHERE edited IS NOT NULL AND status = 'complete'")" 1 \
	"the edit time is stored"

# A person is deleted with everything of theirs.
tui_keys q
tui_wait "Open commitments of" "back home"
tui_keys g
tui_wait "Open commitments of Ana" "Ana is selected again"
tui_keys D
tui_wait "Delete Ana" "D asks before deleting a person"
tui_keys -l delete
tui_keys Enter
tui_wait "Deleted, with all their sessions" "the typed word deletes the person"
is "$(db "SELECT count(*) FROM person WHERE name = 'Ana'")" 0 "Ana is gone"
is "$(db "SELECT count(*) FROM session s JOIN person p ON p.id = s.person_id WHERE p.name = 'me'")" \
	"$(db "SELECT count(*) FROM session")" "and only me's sessions are left"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
