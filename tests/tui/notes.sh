#!/bin/sh
# The note editor: typing across lines, saving while typing, resizing in
# the middle of an edit, the user's own editor, and text that holds an
# escape sequence shown as text, never sent to the terminal.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}

# An "editor" that adds a line with a raw escape sequence to the file.
cat >"$T_TMP/editor.sh" <<'ED'
#!/bin/sh
printf 'From the editor \033[31mred\033[0m\n' >>"$1"
ED
chmod +x "$T_TMP/editor.sh"

tui_start 80x24 VISUAL="$T_TMP/editor.sh" --
tui_first_session Ana
tui_keys BTab Tab Tab Tab Tab Tab Tab
tui_wait "Type the notes of this session here" "the notes step"
tui_keys 'Ünïcode line one' Enter 'line two is here'
tui_wait "line two is here" "two lines typed"
tui_wait "saved " "the note is saved while typing"
is "$(db "SELECT body FROM note")" "Ünïcode line one
line two is here" "the database holds what the screen shows"

tui_keys BSpace BSpace BSpace BSpace Home
tui_keys '>> '
tui_wait ">> line two is" "Home goes to the start of the line"
tui_keys Up C-e '!'
tui_wait "Ünïcode line one!" "Up and Ctrl-E reach the end of the line above"
tui_keys Down C-a BSpace
tui_wait "Ünïcode line one!>> line two is" "Backspace joins the lines"
tui_keys Enter C-e

tui_resize 60x18
tui_wait "Ünïcode line one!" "at 60x18 the text is still there"
tui_keys 'and more'
tui_resize 40x12
tui_wait "terminal too small" "40x12 is too small"
tui_resize 80x24
tui_wait ">> line two is and more" "back at 80x24 nothing typed is lost"
tui_wait "saved " "and it is saved"
is "$(db "SELECT body FROM note")" "Ünïcode line one!
>> line two is and more" "the database has the text typed around the resizes"

tui_keys C-x
tui_wait "Note taken back from the editor and saved." \
	"^X runs \$VISUAL and takes the note back"
tui_wait "From the editor ^[[31mred^[[0m" \
	"an escape sequence in a note shows as text"
is "$(db "SELECT hex(body) LIKE '%1B5B33316D%' FROM note")" 1 \
	"the note keeps the bytes the editor wrote"
tui_keys Tab
tui_keys PageDown PageDown PageDown PageDown PageDown PageDown PageDown
# The summary is the report's page, which replaces control characters
# with '?' as `ownit report` does.
tui_wait "From the editor ?[31mred?[0m" "the summary shows it as text too"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "quit"

done_testing
