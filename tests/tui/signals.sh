#!/bin/sh
# SIGTERM, SIGHUP and SIGINT on every screen, and crash signals.
#
# For each screen the program is started on a fresh copy of a demo
# database, driven there with real keys while giving some answers (a
# follow-up status, a rating, a situation, a commitment, a note...), and
# sent the signal.  It must die of that signal with the terminal restored
# (lib.sh's tui_expect_exit) and every answer the screen showed as given
# must be in the database.  Waits are bounded polls of the screen.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

export OWNIT_TODAY=2026-11-23
# The statements the diagnostic asks (retired ones are not asked).
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')
"$OWNIT" demo "$T_TMP/seed.db" >/dev/null || fail "ownit demo"

db() {
	"$SQLITE3" "$OWNIT_DB" "$1"
}

# step KEYS... TEXT: sends the keys, then waits until TEXT is on screen.
step() {
	n=$#
	i=1
	for k in "$@"; do
		[ "$i" -lt "$n" ] && tui_keys "$k"
		last=$k
		i=$((i + 1))
	done
	tui_poll "$last" && return 0
	reach_error="waited for \"$last\""
	return 1
}

# The newest session: the one the test started.
S="(SELECT max(id) FROM session)"

# ------------------------------------------------------------ screens
# reach_NAME drives from the home screen to NAME, giving answers on the
# way; check_NAME prints what the database holds of them, one line, to
# compare with want_NAME.

reach_home() { :; }
check_home() { db "SELECT count(*) FROM person"; }
want_home=3

reach_help() { step "?" "any key"; }
check_help() { check_home; }
want_help=3

reach_person() {
	step a "Add a person" && step 'Pat Signal' Enter "Added Pat Signal." &&
		step e "Edit person"
}
check_person() { db "SELECT name FROM person WHERE name = 'Pat Signal'"; }
want_person="Pat Signal"

# Amira has an open session: n asks first, and n again starts a new one.
reach_newsession() { step n "has an open session" && step n "New session"; }
check_newsession() { db "SELECT count(*) FROM session"; }
want_newsession=$("$SQLITE3" "$T_TMP/seed.db" "SELECT count(*) FROM session")

reach_history() { step h "newest first"; }
check_history() { check_newsession; }
want_history=$want_newsession

reach_historysummary() { reach_history && step Enter "ownit · Session summary"; }
check_historysummary() { check_newsession; }
want_historysummary=$want_newsession

reach_commitments() {
	step c "Due" && step y "What helped?"
}
# y marks the first row, the most overdue open commitment, kept.
first_due=$("$SQLITE3" "$T_TMP/seed.db" "SELECT id FROM commitment
	WHERE status = 'open' ORDER BY due, id LIMIT 1")
check_commitments() {
	db "SELECT status FROM commitment WHERE id = $first_due"
}
want_commitments=kept

reach_export() { step x "Export sessions"; }
check_export() { check_newsession; }
want_export=$want_newsession

# The session steps, each reached through the ones before it.  The new
# session follows up every open commitment of the first person (Amira);
# k marks one kept.
to_review=$("$SQLITE3" "$T_TMP/seed.db" "SELECT count(*) - 1 FROM commitment
	c JOIN person p ON p.id = c.person_id
	WHERE p.name = 'Amira Haddad' AND c.status = 'open'")
reach_followup() {
	reach_newsession && step Enter "Commitments from earlier sessions" &&
		step y "What helped?" && step Escape "$to_review to review"
}
check_followup() {
	db "SELECT group_concat(status) FROM commitment
		WHERE reviewed_session_id = $S"
}
want_followup=kept

reach_flags() { reach_followup && step Tab "flag 1/5" && step 3 "1/$ITEMS rated"; }
check_flags() {
	printf '%s|' "$(check_followup)"
	db "SELECT group_concat(item_id || '=' || value) FROM answer
		WHERE session_id = $S"
}
want_flags="kept|vague-updates-1=3"

reach_flagnote() { reach_flags && step n "Note on this statement" &&
	step 'half typed' "half typed"; }
check_flagnote() { check_flags; }
want_flagnote=$want_flags

reach_pillars() { reach_flags && step Tab "0/6 rated" && step 4 "1/6 rated"; }
check_pillars() {
	printf '%s|' "$(check_flags)"
	db "SELECT group_concat(pillar_id || '=' || value) FROM rating
		WHERE session_id = $S"
}
want_pillars="$want_flags|clarity=4"

reach_results() { reach_pillars && step Tab "t compare"; }
check_results() { check_pillars; }
want_results=$want_pillars

reach_ladder() {
	reach_results && step Tab "the line" && step Enter "One real situation" &&
		step 'Signal test' Enter "Where do you stand today?"
}
check_ladder() {
	printf '%s|' "$(check_pillars)"
	db "SELECT situation FROM ladder WHERE session_id = $S"
}
# The situation comes pre-filled from the strongest red flag.
want_ladder="$want_pillars|Vague or evasive updates: Signal test"

reach_situation() { reach_ladder && step s "One real situation"; }
check_situation() { check_ladder; }
want_situation=$want_ladder

reach_commitstep() {
	reach_ladder && step Tab "Commitments made in this session" &&
		step a "New commitment" &&
		step 'Write the plan' Enter "Commitments made in this session · 1"
}
check_commitstep() {
	printf '%s|' "$(check_ladder)"
	db "SELECT what FROM commitment WHERE session_id = $S"
}
want_commitstep="$want_ladder|Write the plan"

reach_commitform() { reach_commitstep && step a "New commitment" &&
	step 'half typed' "half typed"; }
check_commitform() { check_commitstep; }
want_commitform=$want_commitstep

# The note is typed and the signal sent at once, before any autosave
# tick: what the screen shows must still reach the database.
reach_notes() {
	reach_commitstep && step Tab "Type the notes" &&
		step 'Signal note é' "Signal note é"
}
check_notes() {
	printf '%s|' "$(check_commitstep)"
	db "SELECT body FROM note WHERE session_id = $S"
}
want_notes="$want_commitstep|Signal note é"

reach_summary() { reach_notes && step Tab "m mark complete"; }
check_summary() { check_notes; }
want_summary=$want_notes

reach_sessionhelp() { reach_pillars && step "?" "any key"; }
check_sessionhelp() { check_pillars; }
want_sessionhelp=$want_pillars

SCREENS="home help person newsession history historysummary commitments
export followup flags flagnote pillars results ladder situation
commitstep commitform notes summary sessionhelp"

# ------------------------------------------------------------ the runs
# start_on SCREEN: a fresh database and ownit driven to SCREEN.
start_on() {
	cp "$T_TMP/seed.db" "$OWNIT_DB"
	rm -f "$OWNIT_DB-wal" "$OWNIT_DB-shm"
	tui_start 100x30 -- --db "$OWNIT_DB"
	reach_error=""
	tui_poll "ownit · Home" || reach_error="home screen never came"
	[ -z "$reach_error" ] && "reach_$1"
	if [ -n "$reach_error" ]; then
		fail "reach $1" "$reach_error" "screen:" "$(tui_screen)"
		return 1
	fi
	return 0
}

# answers_kept NAME SCREEN: the screen's answers are in the database.
answers_kept() {
	eval "want=\$want_$2"
	is "$("check_$2")" "$want" "$1: every answer given is in the database"
}

combos=0
for screen in $SCREENS; do
	for sig in TERM HUP INT; do
		case $sig in
		TERM) code=143 ;;
		HUP) code=129 ;;
		INT) code=130 ;;
		esac
		name="SIG$sig on $screen"
		if start_on "$screen"; then
			kill -s "$sig" "$(tui_pid)"
			tui_expect_exit "$code" "$name"
			answers_kept "$name" "$screen"
			combos=$((combos + 1))
		fi
		tmux_ kill-session -t =t: 2>/dev/null
	done
done
is "$combos" 60 "signal x screen combinations run: 3 signals x 20 screens"

# ------------------------------------------------------------ crashes
# ownit's own crash handler restores the terminal and dies of the same
# signal.  Sanitizer builds leave SIGSEGV to ASan's handler (app.c does
# not install its own there, so the report is not hidden), so there only
# the death and the saved answers are checked, not the terminal.
case ${OWNIT_ASAN-} in *asan*) asan=1 ;; *) asan=0 ;; esac
for sig in SEGV ABRT; do
	case $sig in
	SEGV) code=139 ;;
	ABRT) code=134 ;;
	esac
	for screen in home notes; do
		name="SIG$sig on $screen"
		start_on "$screen" || continue
		kill -s "$sig" "$(tui_pid)"
		if [ "$asan" = 1 ]; then
			# The terminal is left raw, so the wrapper's line
			# may wrap anywhere: read the screen joined up.
			exit_line=""
			deadline=$(($(date +%s) + TUI_TIMEOUT))
			while [ -z "$exit_line" ] &&
				[ "$(date +%s)" -le "$deadline" ]; do
				exit_line=$(tmux_ capture-pane -p -J -t =t: |
					tr -d '\n' | grep -oE '\[exit [0-9]+\]')
				[ -n "$exit_line" ] || sleep 0.05
			done
			like "$exit_line" \
				'^\[exit (13[0-9]|1[4-9][0-9]|2[0-5][0-9])\]$' \
				"$name (sanitizer build): ownit died of a signal"
		else
			tui_expect_exit "$code" "$name"
		fi
		# A crash may cost the note typed in the last second (it is
		# autosaved every second); everything committed before stays.
		case $screen in
		notes) is "$(check_commitstep)" "$want_commitstep" \
			"$name: every committed answer is in the database" ;;
		*) answers_kept "$name" "$screen" ;;
		esac
		is "$("$SQLITE3" "$OWNIT_DB" 'PRAGMA integrity_check')" ok \
			"$name: the database is intact"
		tmux_ kill-session -t =t: 2>/dev/null
	done
done

done_testing
