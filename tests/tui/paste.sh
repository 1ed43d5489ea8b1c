#!/bin/sh
# Bracketed paste: pasted text with tabs, line breaks and escapes goes into
# the field or note as text and never runs as keys; where nothing takes
# text a paste is ignored; the terminal leaves paste mode on exit and
# while the note's editor runs.  Alt+Backspace deletes a word, not the form.
. "$OWNIT_SRCDIR/tests/tui/lib.sh"

db() {
	"$SQLITE3" -cmd ".timeout 5000" "$OWNIT_DB" "$1"
}

# tmux brackets a paste (-p) only when the program asked for it, so
# every paste here also checks that ownit did.
paste_text() {
	tmux_ set-buffer -- "$1"
	tmux_ paste-buffer -p -t =t:
}

cat >"$T_TMP/editor.sh" <<'ED'
#!/bin/sh
printf 'editor-ready\n'
IFS= read -r line
printf '%s\n' "$line" >>"$1"
ED
chmod +x "$T_TMP/editor.sh"

tui_start 80x24 VISUAL="$T_TMP/editor.sh" --
tui_wait "add the first person you coach" "home is up"

# At home nothing takes text: a pasted "a" or "q" must not add or quit.
paste_text "aq"
tui_wait "Paste ignored: nothing here takes text." "a paste at home is ignored, and said so"
tui_wait "add the first person you coach" "ownit is still at home"

tui_keys a
tui_wait "Add a person" "a opens the person form"
paste_text "$(printf 'Ann\tLee\033[Ax')"
tui_wait "Ann^ILee^[[Ax" "tab and escape are pasted into the field as text"
tui_wait "Add a person" "the pasted Esc did not close the form"
tui_keys C-u
paste_text "$(printf 'Ann\rLee')"
tui_wait "Ann Lee" "a pasted line break is a blank in a one-line field"
tui_wait "Add a person" "and did not save the form"
tui_keys ' Smith' M-BSpace
tui_wait "Ann Lee " "Alt+Backspace deletes the word before the cursor"
tui_wait "Add a person" "and leaves the form open"
tui_keys Enter
tui_wait "Added Ann Lee." "the form saves what the field shows"
is "$(db "SELECT name FROM person")" "Ann Lee" "the database agrees"

# A note takes a pasted paragraph whole, its line breaks and its tab.
tui_keys n
tui_poll "New session" >/dev/null
tui_keys Enter
tui_wait "flag 1/5" "a session starts"
tui_keys BTab Tab Tab Tab Tab Tab Tab
tui_wait "Type the notes of this session here" "the notes step"
paste_text "$(printf 'first line\nsecond\tline\033')"
tui_wait "second^Iline^[" "the note shows the pasted text"
tui_wait "^X editor" "a pasted Tab or Esc did not leave the notes"
tui_keys Tab
tui_wait_gone "^X editor" "Tab typed after it leaves the notes"
is "$(db "SELECT hex(body) FROM note")" \
	"$(printf 'first line\nsecond\tline\033' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
	"the note is stored exactly as pasted"
tui_keys Escape
tui_wait "Open commitments of Ann Lee" "back home"

# While the note's editor has the terminal, paste mode is off: the
# "editor" reads one pasted line from the terminal and keeps it as is.
# Ann's first session is still open: n asks, and n again starts another.
tui_keys n
tui_wait "has an open session" "n offers the open session first"
tui_keys n
tui_poll "New session" >/dev/null
tui_keys Enter
tui_wait "flag 1/5" "a second session starts"
tui_keys BTab Tab Tab Tab Tab Tab Tab
tui_wait "^X editor" "its notes step"
tui_keys C-x
tui_wait "editor-ready" "the editor runs"
paste_text "$(printf 'from the editor\r')"
tui_wait "Notes" "the editor is done"
tui_wait "from the editor" "the pasted line reached the note"
is "$(db "SELECT count(*) FROM note WHERE body LIKE '%200~%'")" 0 \
	"with no paste brackets in it"
tui_keys Escape
tui_wait "Open commitments of Ann Lee" "home again"
paste_text "qq"
tui_wait "Paste ignored: nothing here takes text." \
	"after the editor ownit asks for pastes again"

tui_keys q
tui_expect_exit 0 "q quits"
paste_text "after-exit"
tui_wait "after-exit" "the shell gets the paste"
unlike "$(tui_screen)" '\[200~' "without paste brackets: the mode is off"

done_testing
