#!/bin/sh
# The diagnostic and the pillar step suggest nothing: the prompt names the
# window asked about, a statement can be answered "no occasion / can't
# say" (counted as answered, not scored, shown as such in the summary),
# no rating sits under the cursor before the user chooses one, and every
# level of a pillar is on screen at once, at 80x24.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}
# The statements the diagnostic asks (retired ones are not asked).
ITEMS=$("$OWNIT" check-content "$OWNIT_SRCDIR/content" |
	sed -n 's/.*, \([0-9]*\) statements,.*/\1/p')
# A scale row or a pillar level with the cursor on it.
ON_VALUE='^ *> +([0-4]|-)  [A-Z]'
ON_LEVEL='^ *>( |\[)[1-5]( |\])  '

tui_start 80x24 --
tui_first_session Noor
tui_wait "In the last four weeks, how often did this happen?" \
	"the prompt names the time window"
tui_wait "-  No occasion / can't say" "no occasion is offered below the scale"
unlike "$(tui_screen)" "$ON_VALUE" "no value is under the cursor at first"

tui_keys Enter
tui_wait "Nothing chosen yet" "Enter with nothing chosen says so"
is "$(db "SELECT count(*) FROM answer")" 0 "and saves nothing"

tui_keys -
tui_wait "1/$ITEMS rated" "- answers no occasion, which counts as answered"
is "$(db "SELECT item_id || ':' || no_occasion || ':' || ifnull(value, 'null')
	FROM answer")" "vague-updates-1:1:null" \
	"stored as no occasion, without a value"
tui_wait "statement 2/" "and moves on"
unlike "$(tui_screen)" "$ON_VALUE" "the next statement has no value chosen"

tui_keys Down
tui_wait ">  0  Never" "Down from nothing starts at 0"
tui_keys Down Enter
tui_wait "2/$ITEMS rated" "Enter rates with the value chosen"
tui_keys Left
tui_wait "1  Rarely          ● your answer" "an answer shows when revisited"
like "$(tui_screen)" ">  1  Rarely" "with the cursor on it"
tui_keys Left
tui_wait "-  No occasion / can't say ● your answer" \
	"no occasion shows as the answer"
like "$(tui_screen)" ">  -  No occasion" "with the cursor on it"

# The rest rated; the session is complete with one "no occasion".
tui_keys Right Right
i=2
while [ $i -lt "$ITEMS" ]; do
	tui_keys 3
	i=$((i + 1))
done
tui_wait "$ITEMS/$ITEMS rated" "every statement answered"
tui_wait "All statements rated" "no occasion counts for completing the step"

tui_keys Tab
tui_wait "0/6 rated" "the pillars come next"
screen=$(tui_screen)
for v in 1 2 3 4 5; do
	like "$screen" "^ +$v   [A-Z]" "clarity level $v is on screen"
done
like "$screen" "Goals and roles are mostly implicit" "level 1 in full"
like "$screen" "People can state their outcome" "and level 5 at once"
unlike "$screen" "$ON_LEVEL" "no level is under the cursor at first"
tui_keys Enter
tui_wait "Nothing chosen yet" "Enter with no level chosen says so"
is "$(db "SELECT count(*) FROM rating")" 0 "and rates nothing"
tui_keys Down
tui_wait "> 1   Goals and roles" "Down from nothing starts at level 1"
tui_keys Down Down Enter
tui_wait "1/6 rated" "Enter rates with the level under the cursor"
is "$(db "SELECT pillar_id || '=' || value FROM rating")" "clarity=3" \
	"the rating is stored"
screen=$(tui_screen)
for v in 1 2 3 4 5; do
	like "$screen" "^ +$v   [A-Z]" "trust level $v is on screen"
done
unlike "$screen" "$ON_LEVEL" "the next pillar has no level chosen"
tui_keys 4 4 4 4 4
tui_wait "6/6 rated" "every pillar rated"

# The summary says what was not scored.
tui_keys Tab Tab Tab Tab Tab
tui_wait "No occasion / can't say (not scored): Vague or evasive updates 1" \
	"the summary names the no-occasion answer"
tui_keys Escape
tui_wait "Open commitments of Noor" "Esc leaves the session"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
