# lib.sh - drive the real ownit inside tmux (sourced by tests/tui/*.sh).
#
# Every test runs its own tmux server (-L), so tests can run side by side,
# and its own temporary HOME and database.  The program runs under a small
# wrapper that, once ownit has exited, prints its exit status and the
# terminal modes, so a test can see that the terminal was restored.
# Waits poll the screen with a bounded deadline; nothing sleeps blindly.

. "$OWNIT_SRCDIR/tests/cli/lib.sh"
: "${TMUX_PROG:=tmux}"

TUI_SOCKET="ownit-$$-$(basename "$0" .sh)"
TUI_TIMEOUT=${TUI_TIMEOUT:-15}
T_CLEANUP="$T_CLEANUP; tui_kill_server"
export OWNIT_DB="$T_TMP/ownit.db"
# A draw that reads the database stops ownit (src/ui/app.c): every tmux
# test checks that screens read in enter and show, never in draw.
export OWNIT_CHECK_DRAW=1

tmux_() {
	"$TUI_TMUX" -L "$TUI_SOCKET" -f "$T_TMP/tmux.conf" "$@"
}
TUI_TMUX=$TMUX_PROG

tui_kill_server() {
	tmux_ kill-server 2>/dev/null || true
}

cat >"$T_TMP/tmux.conf" <<'CONF'
set -g default-terminal xterm-256color
set -g status off
set -g history-limit 0
set -s exit-empty off
CONF

cat >"$T_TMP/pane.sh" <<'PANE'
#!/bin/sh
"$@"
s=$?
modes=$(stty -a | tr ' ;' '\n\n' | grep -x -e echo -e -echo -e icanon -e -icanon | sort | tr '\n' ' ')
printf '\n[exit %d] [stty %s]\n' "$s" "$modes"
exec sleep 3600
PANE
chmod +x "$T_TMP/pane.sh"

# tui_start COLSxROWS [ENV=VALUE...] -- [ARGS...]: starts ownit.
tui_start() {
	size=$1
	shift
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1-}" = "--" ] && shift
	# shellcheck disable=SC2086 # envs is a list of words on purpose
	tmux_ new-session -d -s t -x "${size%x*}" -y "${size#*x}" \
		env $envs "$T_TMP/pane.sh" "$OWNIT" "$@"
}

# Targets are written "=t:" (exactly session t, its current pane): a bare
# "t" is first tried as a window name in tmux's current session, so while
# a second session's window is still called "tmux: server" (before its
# command has started) keys meant for t went to that other session.
tui_screen() {
	tmux_ capture-pane -p -t =t:
}

tui_keys() {
	tmux_ send-keys -t =t: "$@"
}

tui_resize() {
	tmux_ resize-window -t =t: -x "${1%x*}" -y "${1#*x}"
}

# tui_format FORMAT: a tmux format of the pane (#{alternate_on}, ...).
tui_format() {
	tmux_ display-message -p -t =t: "$1"
}

# The pid of ownit itself (the wrapper's child).
tui_pid() {
	pgrep -P "$(tui_format '#{pane_pid}')" | head -1
}

# tui_wait TEXT NAME: passes once TEXT (fixed string) is on the screen.
tui_wait() {
	if tui_poll "$1"; then
		pass "$2"
	else
		fail "$2" "waited ${TUI_TIMEOUT}s for: $1" "screen:" "$(tui_screen)"
	fi
}

# pane_poll PANE TEXT [joined]: status 0 once TEXT is on the screen of
# tmux session PANE ("t" or "u"), 1 at the deadline; "joined" reads the
# screen as one line, for status lines that wrap.  Every wait below is
# this one loop.
pane_poll() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while [ "$(date +%s)" -le "$deadline" ]; do
		if pane_text "$1" "${3-}" | grep -qF -- "$2"; then
			return 0
		fi
		sleep 0.05
	done
	return 1
}
pane_text() {
	if [ "$2" = joined ]; then
		tmux_ capture-pane -p -t "=$1:" | tr '\n' ' '
	else
		tmux_ capture-pane -p -t "=$1:"
	fi
}

# pane_wait PANE TEXT NAME [joined]: passes once TEXT is on PANE's screen.
pane_wait() {
	if pane_poll "$1" "$2" "${4-}"; then
		pass "$3"
	else
		fail "$3" "waited ${TUI_TIMEOUT}s for: $2" "screen:" \
			"$(pane_text "$1")"
	fi
}

# pane_wait_gone PANE TEXT NAME: passes once TEXT has left PANE's screen.
pane_wait_gone() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while [ "$(date +%s)" -le "$deadline" ]; do
		if ! pane_text "$1" | grep -qF -- "$2"; then
			pass "$3"
			return
		fi
		sleep 0.05
	done
	fail "$3" "still on screen after ${TUI_TIMEOUT}s: $2" "$(pane_text "$1")"
}

# tui_poll TEXT: status 0 once TEXT is on the screen and the screen has
# settled (the program may still be writing the rest of the frame when the
# first line appears), 1 at the deadline.
tui_poll() {
	pane_poll t "$1" && tui_settle
}

# tui_settle: waits (boundedly) until two captures in a row are the same.
# (sh has no locals: the names are prefixed so a caller's loop variables
# are never overwritten.)
tui_settle() {
	_settle_prev=$(tui_screen)
	_settle_n=0
	while [ $_settle_n -lt 40 ]; do
		sleep 0.05
		_settle_cur=$(tui_screen)
		[ "$_settle_cur" = "$_settle_prev" ] && return 0
		_settle_prev=$_settle_cur
		_settle_n=$((_settle_n + 1))
	done
}

# tui_wait_gone TEXT NAME: passes once TEXT has left the screen.
tui_wait_gone() { pane_wait_gone t "$1" "$2"; }

# tui_first_person NAME: from the first-run home screen, adds NAME (no role
# or team) and waits for the home screen to show them.
tui_first_person() {
	tui_wait "add the first person you coach" "first run"
	tui_keys a
	tui_wait "Add a person" "the person form"
	tui_keys "$1" Enter
	tui_wait "Open commitments of $1" "a person is added"
}

# tui_first_session NAME: tui_first_person, then a new coaching session
# with NAME, waiting for its first statement.
tui_first_session() {
	tui_first_person "$1"
	tui_keys n
	tui_wait "New session" "n asks what kind of session"
	tui_keys Enter
	tui_wait "flag 1/5 · statement 1/" "the session starts at the red flags"
}

# tui_expect_exit CODE NAME: ownit exited with CODE and left the terminal
# as it found it: echo and canonical mode on, cursor visible, main screen.
tui_expect_exit() {
	tui_wait "[exit $1]" "$2: exit status $1"
	tui_wait "[stty echo icanon ]" "$2: echo and line mode restored"
	is "$(tui_format '#{alternate_on}')" 0 "$2: back on the main screen"
	is "$(tui_format '#{cursor_flag}')" 1 "$2: cursor visible"
}

# A second ownit on the same database, in tmux session "u" beside "t":
# u_start [ARGS...] starts it (U_SIZE, 80x24 unless set), and u_screen,
# u_keys, u_wait TEXT NAME and u_wait_gone TEXT NAME work as the tui_
# ones do.
u_start() {
	u_size=${U_SIZE:-80x24}
	tmux_ new-session -d -s u -x "${u_size%x*}" -y "${u_size#*x}" \
		env TMPDIR="$T_TMP" "$T_TMP/pane.sh" "$OWNIT" "$@"
}
u_screen() { tmux_ capture-pane -p -t =u:; }
u_keys() { tmux_ send-keys -t =u: "$@"; }
u_wait() { pane_wait u "$1" "$2"; }
u_wait_gone() { pane_wait_gone u "$1" "$2"; }
