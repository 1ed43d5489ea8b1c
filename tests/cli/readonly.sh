#!/bin/sh
# A database its user may only read: reading it works and leaves no -wal
# or -shm behind (SQLite would make them with the database's 0400, and
# they would stop every write once the database is writable again);
# writing says the file is read-only; side files left that way by other
# programs are named when they are what stops a write.  As an
# unprivileged user, since root may write anything (CI runs as root).
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

: "${SQLITE3:?}"
T=$T_TMP
d=$T/user
mkdir "$d"
"$OWNIT" demo "$d/ro.db" >/dev/null || fail "demo database made"
"$OWNIT" --db "$d/ro.db" export --detail -o "$d/ro.csv" 2>/dev/null
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			env HOME="$d" "$@"
	else
		"$@"
	fi
}
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null || fail "setpriv is installed (util-linux)"
	chown -R 65534:65534 "$d"
	chmod 755 "$T"
fi
sides() {
	ls -A "$d" | grep -c -e '-wal$' -e '-shm$'
}

chmod 400 "$d/ro.db"
sum=$(sha256sum <"$d/ro.db")
run as_user "$OWNIT" --db "$d/ro.db" list people
is "$status" 0 "a 0400 database can be listed"
like "$out" "Amira Haddad" "and its people are shown"
is "$(sides)" 0 "reading it leaves no -wal or -shm"
run as_user "$OWNIT" --db "$d/ro.db" report 1
is "$status" 0 "a report of it works"
run as_user "$OWNIT" --db "$d/ro.db" import "$d/ro.csv"
is "$status" 1 "writing to it exits 1"
like "$err" "ro.db is read-only for you \(mode 0400\).*chmod 600" \
	"the message says the file is read-only and what to do"
is "$(sha256sum <"$d/ro.db")" "$sum" "the file is untouched"
is "$(sides)" 0 "still no -wal or -shm"

chmod 600 "$d/ro.db"
run as_user "$OWNIT" --db "$d/ro.db" import "$d/ro.csv"
is "$status" 0 "writable again, it takes writes"
is "$(sides)" 0 "and leaves no side files"

# Side files made 0400 by another program that read the 0400 database.
chmod 400 "$d/ro.db"
as_user "$SQLITE3" "file:$d/ro.db?mode=ro" "SELECT count(*) FROM person" \
	>/dev/null
chmod 600 "$d/ro.db"
[ -e "$d/ro.db-shm" ] && pass "fixture: a 0400 -shm is left" ||
	fail "fixture: a 0400 -shm is left" "$(ls -l "$d")"
chmod 400 "$d/ro.db-shm"
run as_user "$OWNIT" --db "$d/ro.db" import "$d/ro.csv"
is "$status" 1 "a read-only -shm stops writes: exit 1"
like "$err" "ro.db-shm cannot be written \(mode 0400\)" \
	"the message names the -shm file"
run as_user "$OWNIT" --db "$d/ro.db" list people
is "$status" 0 "reading still works"

# A read-only medium or someone else's folder: the file is writable but
# nothing can be made beside it, so it is read without side files.
rm -f "$d/ro.db-shm" "$d/ro.db-wal"
chmod 600 "$d/ro.db"
chmod 555 "$d"
run as_user "$OWNIT" --db "$d/ro.db" list people
is "$status" 0 "a database in a read-only folder can be listed"
like "$out" "Amira Haddad" "and its people are shown"
run as_user "$OWNIT" --db "$d/ro.db" report 1
is "$status" 0 "and reported"
run as_user "$OWNIT" --db "$d/ro.db" export --detail
is "$status" 0 "and exported"
like "$out" "Amira Haddad" "the export has its rows"
run as_user "$OWNIT" --db "$d/ro.db" import "$d/ro.csv"
is "$status" 1 "a write in a read-only folder exits 1"
like "$err" "ro.db lies in a folder you cannot write" \
	"the message says the folder is the problem"
is "$(sides)" 0 "no side files could be, or were, made"
chmod 755 "$d"

# A -wal left by another user (root, here): the message says whose it
# is, since chmod would not help.
if [ "$(id -u)" -eq 0 ]; then
	printf 'not a log' >"$d/ro.db-wal"
	chmod 600 "$d/ro.db-wal"
	run as_user "$OWNIT" --db "$d/ro.db" import "$d/ro.csv"
	is "$status" 1 "another user's -wal stops writes: exit 1"
	like "$err" "ro.db-wal belongs to another user \(uid 0\)" \
		"the message names the -wal file and its owner"
	rm -f "$d/ro.db-wal"
fi

done_testing
