#!/bin/sh
# Bad input of every kind, driven by tests/cli/bad-input.table.
#
# Each table line is one case:
#   NAME | EXIT | REGEX | FLAGS | COMMAND
# COMMAND runs through sh with $OWNIT, $DB, $W (the fixtures below) and
# $HOME set; REGEX (extended, grep -E; it cannot hold a '|') must match
# what the command printed on standard error.  Every case then checks
# that $DB, a demo database that no bad input may touch, is byte for
# byte what it was; FLAGS add to that
# (comma-separated, none is "-"):
#   nobody   run as uid/gid 65534 (setpriv): root bypasses permissions
#   tty      run inside a pseudo-terminal (script); REGEX is matched
#            against everything the program wrote there
#   out      match REGEX against standard output instead
#   noesc    standard output holds no raw ESC, BEL or C1 control
#   hash=F   F (a path under $W) must also be left byte for byte unchanged
#   absent=F F (a path under $W) must not exist afterwards
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

TABLE="$OWNIT_SRCDIR/tests/cli/bad-input.table"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
SQLITE3=${SQLITE3:-sqlite3}
PYTHON3=${PYTHON3:-python3}

# uid 65534 must reach the program, the fixtures and, under valgrind,
# the wrapper in $T_TMP.
chmod 711 "$T_TMP"
chmod 755 "$HOME"
W="$T_TMP/w"
mkdir -m 755 "$W"
export OWNIT W HOME
export LC_ALL=C.UTF-8 TZ=UTC OWNIT_TODAY=2026-11-23
unset OWNIT_DB OWNIT_CONTENT XDG_DATA_HOME XDG_CONFIG_HOME

# ------------------------------------------------------------- fixtures
DB="$W/demo.db"
export DB
"$OWNIT" demo "$DB" >/dev/null 2>&1 || fail "fixture: ownit demo"

# databases
mkdir -m 555 "$W/ro"
printf 'hello, not a database\n' >"$W/notdb"
: >"$W/zero.db"
chmod 600 "$W/zero.db"
: >"$W/zero-wal.db"
printf 'junk that is not an SQLite log\n' >"$W/zero-wal.db-wal"
cp "$DB" "$W/newer.db"
"$SQLITE3" "$W/newer.db" 'PRAGMA user_version = 999;'
"$SQLITE3" "$W/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
head -c 50000 "$DB" >"$W/truncated.db"
mkdir -m 755 "$W/shared" "$W/rodir"
cp "$DB" "$W/shared/readable.db"
chmod 644 "$W/shared/readable.db"
cp "$DB" "$W/rodir/mine.db"
if [ "$(id -u)" -eq 0 ]; then
	chown -R 65534:65534 "$W/shared"
	chown 65534:65534 "$W/rodir/mine.db"
fi
chmod 555 "$W/rodir"

# content folders, each broken in one way (or harmlessly odd)
C="$W/content"
mkdir "$C"
content() {
	cp -r "$OWNIT_SRCDIR/content" "$C/$1"
	chmod -R u+w "$C/$1"
}
content dup-id
sed -n 2p "$C/dup-id/items.csv" >>"$C/dup-id/items.csv"
content dangling
sed -i '2s/,vague-updates,/,no-such-flag,/' "$C/dangling/items.csv"
content two-dangling
sed -i '2s/,vague-updates,/,no-such-flag,/; 7s/,slow-escalation,/,no-such-flag,/' \
	"$C/two-dangling/items.csv"
content missing-column
sed -i '1s/,reverse,retired,team,pillar$//; 2,$s/,[01],[01],.*$//' "$C/missing-column/items.csv"
content unknown-column
sed -i '1s/$/,extra/' "$C/unknown-column/scale.csv"
content bad-number
sed -i '2s/^0,/zero,/' "$C/bad-number/scale.csv"
content rung-gap
sed -i '/^5,/d' "$C/rung-gap/ladder.csv"
content bad-id
sed -i '2s/^vague-updates-1,/Vague Updates!,/' "$C/bad-id/items.csv"
content misplaced-quote
sed -i '2s/^vague-updates-1,/vague-up"dates-1,/' "$C/misplaced-quote/items.csv"
content overlap
sed -i '3s/,1.5,2.5,/,1.2,2.5,/' "$C/overlap/bands.csv"
content bad-version
echo 'version one!' >"$C/bad-version/VERSION"
content empty-file
: >"$C/empty-file/redflags.csv"
content unterminated
printf 'x-1,vague-updates,"never closed,0\n' >>"$C/unterminated/items.csv"
content nul
printf 'nul-1,vague-updates,bad\000byte,0\n' >>"$C/nul/items.csv"
content bad-utf8
printf 'utf-1,vague-updates,bad \377 byte,0\n' >>"$C/bad-utf8/items.csv"
content long-field
{
	printf 'long-1,vague-updates,'
	head -c 10485760 /dev/zero | tr '\0' x
	printf ',0\n'
} >>"$C/long-field/items.csv"
content bom
sed -i '1s/^/\xef\xbb\xbf/' "$C/bom/items.csv"
content crlf-mixed
sed -i '1,3s/$/\r/' "$C/crlf-mixed/items.csv"
content unreadable
chmod 000 "$C/unreadable"
mkdir "$C/empty-folder"

# import files, made from a real --detail export
I="$W/import"
mkdir "$I"
"$OWNIT" --db "$DB" export --detail -o "$I/good.csv" >/dev/null 2>&1 ||
	fail "fixture: export --detail"
"$PYTHON3" - "$I" <<'PY' || fail "fixture: import files"
import sys
d = sys.argv[1]
lines = open(d + '/good.csv', 'rb').read().split(b'\r\n')
head, row = lines[0], lines[1]
name = row.split(b',')[4]
def put(name_, data):
    open(d + '/' + name_, 'wb').write(data)
def one(r):
    return head + b'\r\n' + r + b'\r\n'
put('record-type.csv', one(b'persona' + row[len(b'person'):]))
t = head.split(b',').index(b'time')
f = row.split(b',')
f[t] = b'2026-06-03T25:00:00Z'
put('hour-25.csv', one(b','.join(f)))
f = row.split(b',')
f[t] = b'2026-02-30T16:00:00Z'
put('feb-30.csv', one(b','.join(f)))
put('unterminated.csv', one(row.replace(name, b'"' + name, 1)))
put('few-columns.csv', one(b','.join(row.split(b',')[:20])))
put('many-columns.csv', one(row + b',extra'))
put('nul.csv', one(row.replace(name, name[:2] + b'\0' + name[2:], 1)))
put('bad-utf8.csv', one(row.replace(name, name + b'\xff', 1)))
put('header.csv', b'nonsense,header\r\n' + row + b'\r\n')
put('empty.csv', b'')
put('bom.csv', b'\xef\xbb\xbf' + b'\r\n'.join(lines))
put('mixed-eol.csv', b'\r\n'.join(lines[:3]) + b'\n' +
    b'\r\n'.join(lines[3:]).replace(b'\r\nsession', b'\nsession'))
f = row.split(b',')
f[4] = b'A' * (10 << 20)
put('10mib-field.csv', one(b','.join(f)))
# escape sequences in imported text: a colour, a window title with BEL,
# a C1 CSI (U+009B) and a screen clear in a note
esc = b'Evil \x1b[31mRed\x1b]0;pwned\x07 \xc2\x9b2J'
put('escapes.csv', b'\r\n'.join(l.replace(name, esc)
                                 .replace(b'Topics:', b'\x1b[2JTopics:')
                                 for l in lines))
PY
cp "$I/good.csv" "$I/unreadable.csv"
chmod 600 "$I/unreadable.csv"

# a database holding imported escape sequences (a 0-byte file becomes
# a new, empty database)
: >"$W/escapes.db"
chmod 600 "$W/escapes.db"
"$OWNIT" --db "$W/escapes.db" import "$I/escapes.csv" >/dev/null ||
	fail "fixture: escapes database"
ESC_SESSION=$("$SQLITE3" "$W/escapes.db" "SELECT s.id FROM session s
	JOIN person p ON p.id = s.person_id WHERE p.name LIKE 'Evil%'
	ORDER BY s.started DESC LIMIT 1")
ESC_NOTE_SESSION=$("$SQLITE3" "$W/escapes.db" "SELECT session_id FROM note
	WHERE body LIKE '%Topics:%' LIMIT 1")
export ESC_SESSION ESC_NOTE_SESSION

# ------------------------------------------------------------- the cases
db_hash() {
	for f in "$@"; do
		if [ -e "$f" ]; then
			sha256sum <"$f"
		else
			echo "absent"
		fi
	done | sha256sum | cut -c1-64
}

# Runs COMMAND with the case's flags; leaves status, out and err.
case_run() {
	cmd=$1
	if [ "$tty" = 1 ]; then
		# The terminal's output (stdout and stderr mixed) is the text.
		run_as script -qec "$cmd" /dev/null </dev/null
		err=$out
	else
		run_as sh -c "$cmd" </dev/null
	fi
}

run_as() {
	if [ "$nobody" = 1 ]; then
		run $NOBODY "$@"
	else
		run "$@"
	fi
}

ncases=0
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	name=$(printf '%s' "$line" | cut -d'|' -f1 | sed 's/^ *//; s/ *$//')
	want=$(printf '%s' "$line" | cut -d'|' -f2 | tr -d ' ')
	regex=$(printf '%s' "$line" | cut -d'|' -f3 | sed 's/^ //; s/ $//')
	flags=$(printf '%s' "$line" | cut -d'|' -f4 | tr -d ' ')
	cmd=$(printf '%s' "$line" | cut -d'|' -f5- | sed 's/^ //')
	ncases=$((ncases + 1))

	nobody=0 tty=0 stream=err noesc=0 keep="" absent=""
	for f in $(printf '%s' "$flags" | tr ',' ' '); do
		case $f in
		-) ;;
		nobody) nobody=1 ;;
		tty) tty=1 ;;
		out) stream=out ;;
		noesc) noesc=1 ;;
		hash=*) keep="$keep $W/${f#hash=}" ;;
		absent=*) absent="$absent $W/${f#absent=}" ;;
		*) fail "$name: unknown flag $f" ;;
		esac
	done

	# Never as oneself instead: the cases would pass or fail for the
	# wrong reason, and HOME-less ones would write to the real home.
	if [ "$nobody" = 1 ] && [ "$(id -u)" -ne 0 ]; then
		fail "$name" "needs root to switch to uid 65534 (CI runs as root)"
		continue
	fi
	# shellcheck disable=SC2086 # keep is a list of paths
	before=$(db_hash "$DB" "$DB-wal" $keep)
	case_run "$cmd"
	# shellcheck disable=SC2086
	after=$(db_hash "$DB" "$DB-wal" $keep)

	text=$err
	[ "$stream" = out ] && text=$out
	problems=""
	[ "$status" = "$want" ] ||
		problems="$problems|exit status $status, want $want"
	printf '%s\n' "$text" | grep -Eq -- "$regex" ||
		problems="$problems|message does not match: $regex"
	[ "$before" = "$after" ] ||
		problems="$problems|a database changed:$keep $DB"
	for f in $absent; do
		[ -e "$f" ] && problems="$problems|$f was created"
	done
	if [ "$noesc" = 1 ] &&
		printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\033\007]')\|$(printf '\302[\200-\237]')"; then
		problems="$problems|raw control characters on standard output"
	fi
	if [ -z "$problems" ]; then
		pass "$name"
	else
		fail "$name" "command: $cmd" \
			"$(printf '%s' "$problems" | tr '|' '\n' | sed '/^$/d')" \
			"stderr: $(printf '%s\n' "$err" | head -5)" \
			"stdout: $(printf '%s\n' "$out" | head -3 | cat -v)"
	fi
done <"$TABLE"

# The table itself must stay as wide as the issue asks.
[ "$ncases" -ge 40 ] && pass "the table has $ncases cases (at least 40)" ||
	fail "the table has only $ncases cases"

done_testing
