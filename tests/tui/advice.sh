#!/bin/sh
# The advice on the results step: a person marked as working in a
# regulated setting (the person form's Regulated field), a diagnostic
# where only vague updates stands out, then the results: one signal (the
# healthy flags are left out), its summary, pillars, practices with their
# actions and its self-checks ranked (the regulated one first), and each
# rating against the reported behaviour in both directions.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

: "${PYTHON3:?}"
db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
export OWNIT_TODAY=2026-11-23

# The digit for each statement in the order the diagnostic asks them
# (red flag by red flag): vague updates at the top of the scale, every
# other flag at the healthy end (a reverse statement the other way).
keys=$("$PYTHON3" - "$OWNIT_SRCDIR/content" <<'PY'
import csv, sys
d = sys.argv[1]
flags = [r["id"] for r in csv.DictReader(open(d + "/redflags.csv", encoding="utf-8"))]
items = list(csv.DictReader(open(d + "/items.csv", encoding="utf-8")))
out = []
for f in flags:
    for it in items:
        if it["flag"] != f or it.get("retired") == "1":
            continue
        high = (f == "vague-updates") != (it["reverse"] == "1")
        out.append("4" if high else "0")
print(" ".join(out))
PY
)
[ -n "$keys" ] || fail "the key sequence is computed from the content"
PILLARS=$(($(wc -l <"$OWNIT_SRCDIR/content/pillars.csv") - 1))

tui_start 100x50 --
tui_wait "add the first person you coach" "first run offers to add a person"
tui_keys a
tui_wait "Add a person" "a opens the person form"
tui_keys 'Rae Lind' Tab 'QA lead' Tab 'Release' Tab
tui_wait "Yes when they work in a regulated setting" \
	"the Regulated field says what it is for"
tui_keys Space Enter
tui_wait "Added Rae Lind." "the person is added"
is "$(db "SELECT name || '|' || regulated || '|' || archived FROM person")" \
	"Rae Lind|1|0" "the database marks the regulated setting, not archived"

tui_keys n
tui_wait "New session" "n asks what kind of session"
tui_keys Enter
tui_wait "flag 1/5 · statement 1/" "the session starts at the red flags"
# shellcheck disable=SC2086 # one key per word
tui_keys $keys
tui_wait "All statements rated" "every statement rated"
tui_keys Tab
tui_wait "0/$PILLARS rated" "on to the pillars"
# Clarity well above its evidence, trust and openness well below.
tui_keys 5 1 3 3 3 3
tui_wait "$PILLARS/$PILLARS rated" "every pillar rated"

tui_keys Tab
tui_wait "Strongest signals" "the results step shows the signals"
# Scroll until the first signal heads the page (its place depends on the
# chart above it), so its whole advice is on screen.
for _ in $(seq 1 60); do
	row=$(tui_screen | grep -n "1\\. Vague or evasive updates: 4\\.0" | cut -d: -f1)
	[ -n "$row" ] && [ "$row" -le 6 ] && break
	tui_keys Down
	sleep 0.05
done
tui_wait "1. Vague or evasive updates: 4.0 · Discuss first" "vague updates is the strongest signal"
screen=$(tui_screen)
unlike "$screen" "2\\. [A-Z\"].*: [0-9]\\.[0-9] · " \
	"no second signal: every other flag is healthy"
like "$screen" "Updates describe how busy people are" \
	"the red flag's summary is shown"
like "$screen" "Pillar: Clarity\\. Everyone knows the outcome they own" \
	"the pillars it points to, with their summaries"
like "$screen" "Practice: Define clear outcomes, then let go of the route\\." \
	"the practices that answer it"
like "$screen" "• Write down the outcome, its measure and its date" \
	"with their concrete actions"
tui_keys PageDown
tui_wait "1. Regulated: Which boundaries are truly non-negotiable" \
	"the self-checks start with the regulated one for this person"
screen=$(tui_screen)
[ -n "${ADVICE_PEEK-}" ] && printf '%s\n' "$screen" >"$ADVICE_PEEK"
printf '%s\n' "$screen" | grep -n -e "1\\. Regulated: Which" \
	-e "2\\. Habits: When I ask for an update" \
	-e "3\\. Habits: When I hand work over" | cut -d: -f1 >"$T_TMP/rows"
is "$(wc -l <"$T_TMP/rows" | tr -d ' ')" 3 "three self-checks are shown"
is "$(sort -n "$T_TMP/rows" | tr '\n' ' ')" "$(tr '\n' ' ' <"$T_TMP/rows")" \
	"in rank order, each with its topic"
like "$screen" "Rating vs reported behaviour" \
	"the rating is set against the reported behaviour"
like "$screen" "Clarity  *5\\.0  *[1-3]\\.[0-9]  *[+][0-9.]*  rating well above" \
	"a rating well above the behaviour is marked"
like "$screen" "Trust and openness  *1\\.0  *[3-5]\\.[0-9]  *-[0-9.]*  rating well below" \
	"and so is one well below it"
unlike "$screen" "[Pp]erception gap" "the name perception gap is not used"

# The same person no longer regulated: the regulated check is gone.
db "UPDATE person SET regulated = 0"
tui_keys BTab
tui_wait "$PILLARS/$PILLARS rated" "back to the pillars"
tui_keys Tab
tui_wait "1. Habits: When I ask for an update" \
	"without a regulated setting the first check is the habit one"
unlike "$(tui_screen)" "Regulated: " "and no regulated check is offered"

# The summary step is the report: the same advice is on it.
db "UPDATE person SET regulated = 1"
tui_keys Tab Tab Tab Tab
tui_wait "m mark complete" "Tab walks on to the summary"
# scroll_to TEXT: PageDown until TEXT is on the screen (at most 12 pages).
scroll_to() {
	_n=0
	while [ $_n -lt 12 ] && ! tui_screen | grep -qF -- "$1"; do
		tui_keys PageDown
		tui_settle
		_n=$((_n + 1))
	done
}
scroll_to "     1. Regulated: Which boundaries are truly"
tui_wait "     1. Regulated: Which boundaries are truly" \
	"the summary ranks the self-checks, the regulated one first"
scroll_to "Rating vs reported behaviour"
tui_wait "rating well below" "the summary marks a rating well below the behaviour"

tui_keys Escape
tui_wait "Open commitments of Rae Lind" "Esc goes back home"
tui_keys q
tui_expect_exit 0 "quit after the results"
done_testing
