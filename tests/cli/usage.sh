#!/bin/sh
# Usage errors: a clear message on stderr and exit status 2.
. "$OWNIT_SRCDIR/tests/cli/lib.sh"

run "$OWNIT" --frob
is "$status" 2 "unknown option exits 2"
is "$err" "ownit: unrecognized option '--frob'
Try 'ownit --help' for more information." "unknown option message"
is "$out" "" "unknown option writes nothing to stdout"

run "$OWNIT" frobnicate
is "$status" 2 "unknown command exits 2"
is "$err" "ownit: unrecognized command 'frobnicate'
Try 'ownit --help' for more information." "unknown command message"

run "$OWNIT" --db
is "$status" 2 "missing option argument exits 2"
like "$err" "option '--db' requires an argument" "missing argument named"

run "$OWNIT" --demo list people
is "$status" 2 "--demo with a command exits 2"

# The TUI needs a terminal: from a script it says so instead of drawing.
run "$OWNIT" </dev/null
is "$status" 2 "TUI without a terminal exits 2"
like "$err" "need a terminal" "TUI without a terminal says why"

done_testing
