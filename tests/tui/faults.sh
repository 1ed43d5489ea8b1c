#!/bin/sh
# Storage faults in the middle of a session, and two programs on one
# database.
#
# The fault: the running program's file size limit is dropped to one
# byte (prlimit), so every write to the database or its log fails the
# way a dead disk fails (EFBIG, SQLITE_IOERR_WRITE; SIGXFSZ is ignored by
# the wrapper below).  The screen must say so, keep what was typed, and
# save it once the limit is lifted and the user tries again; nothing
# saved earlier may be lost.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-11-23
# The statements the diagnostic asks (retired ones are not asked).
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')
"$OWNIT" demo "$OWNIT_DB" >/dev/null || fail "ownit demo"
cp "$OWNIT_DB" "$T_TMP/seed.db"

OWNIT_REAL=$OWNIT
OWNIT="$T_TMP/no-xfsz.sh"
printf '#!/bin/sh\ntrap "" XFSZ\nexec "%s" "$@"\n' "$OWNIT_REAL" >"$OWNIT"
chmod +x "$OWNIT"

db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}
S="(SELECT max(id) FROM session)"

disk_fails() { prlimit --pid "$(tui_pid)" --fsize=1:unlimited; }
disk_works() { prlimit --pid "$(tui_pid)" --fsize=unlimited:unlimited; }

# retry_case TEXT ERROR NAME: a prompt is open; with the disk failing,
# TEXT is typed and Enter pressed: ERROR shows and the prompt stays open
# with TEXT in it; with the disk back, Enter saves and closes it.
retry_case() {
	disk_fails
	tui_keys "$1" Enter
	tui_wait "$2" "$3: the failed save is shown"
	tui_wait "Not saved: Enter tries again" "$3: the prompt stays open"
	tui_wait "$1" "$3: the text typed stays on screen"
	tui_keys Enter
	tui_wait "$2" "$3: Enter while the disk fails says so again"
	tui_wait "$1" "$3: and keeps the text"
	disk_works
	tui_keys Enter
	tui_wait_gone "Not saved: Enter tries again" \
		"$3: once the disk works, Enter saves and closes the prompt"
}

# ------------------------------------------------------------ a failing disk
tui_start 100x30 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "home is up"
tui_keys n
# The demo's first person has an open session: n asks, n again starts.
tui_wait "has an open session" "n asks about the open session first"
tui_keys n
tui_wait "New session" "n opens the new-session dialog"
tui_keys Enter
tui_wait "Commitments from earlier sessions" "the session starts"

# "What got in the way?" typed while the disk fails.
tui_keys m
tui_wait "What got in the way?" "m marks a commitment missed and asks why"
retry_case "Meetings ate the week" "error while recording a follow-up" \
	"follow-up reason"
tui_wait "in the way: Meetings ate the week" "the reason is shown"
is "$(db "SELECT status || ':' || obstacle FROM commitment
	WHERE reviewed_session_id = $S")" "missed:Meetings ate the week" \
	"the review and its reason are in the database"

tui_keys Tab
tui_wait "flag 1/5" "the red flags come next"
tui_keys 3
tui_wait "1/$ITEMS rated" "a first statement is rated and saved"

disk_fails
tui_keys 2
tui_wait "error while saving an answer" "a failed save is shown"
screen=$(tui_screen)
like "$screen" "statement 2/5 .* 1/$ITEMS rated" \
	"the statement stays on screen, not counted as rated"
tui_keys 2
tui_wait "error while saving an answer" "trying again while the disk fails says so again"
disk_works
tui_keys 2
tui_wait "2/$ITEMS rated" "once the disk works, the same key saves the rating"
is "$(db "SELECT group_concat(item_id || '=' || value) FROM answer
	WHERE session_id = $S")" "vague-updates-1=3,vague-updates-2=2" \
	"both ratings are in the database, nothing lost"

# A note on a statement typed while the disk fails.
tui_keys n
tui_wait "Note on this statement" "n opens the statement note"
retry_case "Said twice on a full disk" "error while saving an answer" \
	"statement note"
tui_wait "Note: Said twice on a full disk" "the note is shown"
is "$(db "SELECT item_id || ':' || ifnull(value, '-') || ':' || note
	FROM answer WHERE session_id = $S AND note IS NOT NULL")" \
	"vague-updates-3:-:Said twice on a full disk" \
	"the note is in the database, the statement still unrated"

# The ladder's situation and a rung's answer typed while the disk fails.
tui_keys Tab Tab Tab
tui_wait "Pick one real situation" "on to the ladder"
tui_keys Enter
tui_wait "One real situation, in a sentence" "Enter asks for the situation"
tui_keys C-u
retry_case "Updates hide the slip" "error while saving the ladder" \
	"ladder situation"
tui_wait "Where do you stand today?" "then where the person stands"
is "$(db "SELECT situation FROM ladder WHERE session_id = $S")" \
	"Updates hide the slip" "the situation is in the database"
tui_keys Down Enter
tui_wait "On 3 Excuses" "the climb starts on today's rung"
tui_keys Enter
tui_wait "Enter saves" "Enter asks the rung's question"
retry_case "Ask for the blocker" "error while saving a ladder step" \
	"ladder rung answer"
is "$(db "SELECT rung || ':' || answer FROM ladder_step
	WHERE session_id = $S")" "3:Ask for the blocker" \
	"the rung's answer is in the database"

# The note editor keeps the text and saves it by itself later.
tui_keys Tab
tui_wait "Commitments made in this session" "on to the commitments"
tui_keys Tab
tui_wait "Type the notes" "the notes editor"
tui_keys 'first line'
tui_wait "first line" "a note is typed"
tui_wait "saved " "and saved while typing"
disk_fails
tui_keys ' and more'
tui_wait "error while saving" "a failed note save is shown"
tui_wait "first line and more" "the note stays on screen"
tui_wait "typing" "and is marked as not saved (typing)"
is "$(db "SELECT body FROM note WHERE session_id = $S")" "first line" \
	"the database holds what was saved before the failure"
disk_works
tui_wait_gone "typing" "once the disk works the note is saved by itself"
is "$(db "SELECT body FROM note WHERE session_id = $S")" \
	"first line and more" "the whole note is in the database"

# A commitment typed into its form while the disk fails.
tui_keys BTab
tui_wait "Commitments made in this session · 0" "back to the commitments"
disk_fails
tui_keys a
tui_wait "New commitment" "the form opens"
tui_keys 'Plan on a full disk' Enter
tui_wait "error while saving a commitment" "a failed commitment save is shown"
tui_wait "Plan on a full disk" "the commitment typed stays on screen"
tui_wait "Not saved: Enter tries again" "the form stays open to try again"
disk_works
tui_keys Enter
tui_wait "Commitments made in this session · 1" \
	"once the disk works, Enter saves the commitment"
is "$(db "SELECT what FROM commitment WHERE session_id = $S")" \
	"Plan on a full disk" "the commitment is in the database"
tui_keys Escape
tui_wait "ownit · Home" "Esc leaves the session"

# The person form filled in while the disk fails.
tui_keys a
tui_wait "Add a person" "a opens the person form"
disk_fails
tui_keys 'Full Disk Fran' Tab 'Tester' Enter
tui_wait "error while adding a person" "person form: the failed save is shown"
tui_wait "Add a person" "person form: the form stays open"
screen=$(tui_screen)
like "$screen" "Full Disk Fran" "person form: the name typed stays on screen"
like "$screen" "Tester" "person form: the role typed stays on screen"
tui_keys Enter
tui_wait "error while adding a person" \
	"person form: Enter while the disk fails says so again"
is "$(db "SELECT count(*) FROM person WHERE name = 'Full Disk Fran'")" 0 \
	"person form: nothing half-saved"
disk_works
tui_keys Enter
tui_wait "Added Full Disk Fran." "person form: once the disk works, Enter saves"
tui_wait_gone "Add a person" "person form: and closes"
is "$(db "SELECT name || ':' || role FROM person
	WHERE name = 'Full Disk Fran'")" "Full Disk Fran:Tester" \
	"person form: the person is in the database"

tui_keys q
tui_expect_exit 0 "quit after the faults"
is "$(db "SELECT count(value) || '/' || count(*) FROM answer
	WHERE session_id = $S") $(db 'PRAGMA integrity_check')" "2/3 ok" \
	"the database is whole: two ratings and the note-only answer kept"
tmux_ kill-session -t =t:

# ------------------------------------------------------------ two programs
# Two TUIs on one database, each rating in its own session, while a loop
# of exports reads it: nobody sees an error, every rating is saved.
cp "$T_TMP/seed.db" "$OWNIT_DB"
rm -f "$OWNIT_DB-wal" "$OWNIT_DB-shm"
U_SIZE=100x30 u_start --db "$OWNIT_DB"
tui_start 100x30 -- --db "$OWNIT_DB"
tui_wait "ownit · Home" "first TUI up"
u_wait "ownit · Home" "second TUI up"

: >"$T_TMP/export-errors"
(
	i=0
	while [ $i -lt 30 ]; do
		"$OWNIT_REAL" --db "$OWNIT_DB" export --detail >/dev/null \
			2>>"$T_TMP/export-errors" ||
			echo "export status $?" >>"$T_TMP/export-errors"
		i=$((i + 1))
	done
) &
exporter=$!

tui_keys n
# Amira's session from above is still open: n asks, n again starts anew.
tui_wait "has an open session" "first: n asks about Amira's open session"
tui_keys n
tui_wait "New session" "first: new session for Amira"
tmux_ send-keys -t =u: Down n
u_wait "With    Jonas" "second: new session for Jonas"
tui_keys Enter Tab
tmux_ send-keys -t =u: Enter Tab
tui_wait "flag 1/5" "first: red flags"
u_wait "flag 1/5" "second: red flags"
for n in 1 2 3 4 5 6; do
	tui_keys 1
	tmux_ send-keys -t =u: 4
	tui_wait "$n/$ITEMS rated" "first: rating $n saved"
	u_wait "$n/$ITEMS rated" "second: rating $n saved"
done
wait "$exporter"
is "$(cat "$T_TMP/export-errors")" "" "30 exports alongside: no error"
for w in t u; do
	screen=$(tmux_ capture-pane -p -t "=$w:")
	unlike "$screen" "error|busy|locked" "TUI $w shows no error"
done
tui_keys Escape q
tmux_ send-keys -t =u: Escape q
tui_expect_exit 0 "first TUI quits"
u_wait "[exit 0]" "second TUI quits"
is "$(db "SELECT p.name || ':' || group_concat(a.value, '') FROM answer a
	JOIN session s ON s.id = a.session_id JOIN person p ON p.id = s.person_id
	WHERE s.started LIKE '2026-11-23%' GROUP BY s.id ORDER BY p.name")" \
	"Amira Haddad:111111
Jonas Weiß:444444" "every rating of both TUIs is in the database"

done_testing
