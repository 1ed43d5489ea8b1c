#!/bin/sh
# A note typed just before Ctrl-Z is saved before ownit stops, so a kill
# while stopped loses nothing; a note that cannot be saved because the
# database stays busy is put in a private file named on exit.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
note() { db "SELECT coalesce((SELECT body FROM note), '(none)')"; }

# to_notes: a new person's new session, at its notes step.
to_notes() {
	tui_first_session "$1"
	tui_keys Tab Tab Tab Tab Tab
	tui_wait "Type the notes" "five Tabs reach the notes"
}

# ------------------------------------------------------------- Ctrl-Z
# Under an interactive shell with job control, as a user runs it: a
# process group without one (tmux's pane) may not be stopped at all.
tmux_ new-session -d -s t -x 80 -y 24 \
	env PS1='$ ' bash --norc --noprofile -i
tui_wait '$' "an interactive shell"
tui_keys "'$OWNIT' --db '$OWNIT_DB'" Enter
to_notes Kai
pid=$(tui_pid)
# Suspended as soon as the text shows, before the autosave tick (half a
# second) comes round: the terminal turns ^Z into the signal at once, so
# the keys before it must have been read first.
tui_keys 'typed then suspended'
shown() {
	_n=0
	while [ $_n -lt 300 ] && ! tui_screen | grep -qF "$1"; do
		_n=$((_n + 1))
	done
}
shown 'typed then suspended'
tui_keys C-z
tui_wait "Stopped" "Ctrl-Z stops ownit and gives the shell back"
is "$(ps -o stat= -p "$pid" | cut -c1)" T "the process is stopped"
is "$(note)" "typed then suspended" "the note was saved before it stopped"
tui_keys fg Enter
tui_wait "typed then suspended" "fg: the note is on screen again"
tui_keys ' and on'
tui_wait "saved " "typing goes on and is saved"
tui_keys ' more'
shown 'and on more'
tui_keys C-z
tui_wait "Stopped" "stopped again"
kill -9 "$pid"
tui_keys Enter
tui_wait "Killed" "killed while stopped"
is "$(note)" "typed then suspended and on more" "nothing typed was lost"
tmux_ kill-session -t =t:

# ------------------------------------------------------- busy database
rm -f "$OWNIT_DB" "$OWNIT_DB-wal" "$OWNIT_DB-shm"
tui_start 80x24 TMPDIR="$T_TMP" --
to_notes Ines
tui_keys 'before the lock'
tui_wait "saved " "the note is saved while the database is free"
# Another program holds the write lock for longer than ownit waits.
(
	echo "BEGIN IMMEDIATE; INSERT INTO person (uuid, name, created)
		VALUES ('x', 'locker', 'now');"
	sleep 90
	echo "ROLLBACK;"
) | "$SQLITE3" "$OWNIT_DB" &
locker=$!
sleep 1
# Each save now waits out ownit's busy timeout (5 s) before it gives up.
TUI_TIMEOUT=45
tui_keys ' and after'
tui_wait "busy" "a save that cannot get the lock says the database is busy"
tui_keys Escape
tui_wait "Open commitments of Ines" "leaving the session still works"
tui_keys q
tui_wait "[exit 0]" "ownit quits"
like "$(tmux_ capture-pane -p -J -t =t: | tr -d '\n')" \
	"the note of session 1 could not be saved; your text is in $T_TMP/ownit-note-session-1-" \
	"on exit it says the note was not saved and where its text is"
is "$(cat "$T_TMP"/ownit-note-session-1-* 2>/dev/null)" \
	"before the lock and after" "the file holds the whole note"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
is "$(note)" "before the lock" "the database kept the last saved note"

done_testing
