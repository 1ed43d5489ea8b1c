"""bench_lists.py - the long-list cases of `make bench` (issue 16, scale).

Home with the people of the largest generated database (M / 50: 2,000 at
M = 100,000) and again with 50,000 people (48,000 plain ones added to a
copy with sqlite3), measured as CPU per key like the other key scenarios:

  End/Home      End and Home in turn: the last page is read from the end
                of the name index, not by walking the list.
  PgDn/PgUp     pages next to the rows shown, by key position.
  filter        `/` then typing and erasing one character in turn: each
                keystroke filters again in SQL and reads one screenful.

The commitments screen (`c`) gets the same three cases, on the open
commitments of the largest database and again on a copy where every
commitment is open (M * 1.5 or so: about 150,000 at M = 100,000).  Its
order (overdue first, then by due date, none last) is read as three
ranges of one index, so End, PgUp and each filter keystroke read only
the rows shown there too.

Kept in its own file so the other bench groups can change beside it; the
`lists` group of bench.py calls bench_lists.
"""

import os
import shutil
import subprocess

from benchlib import Failed, NotAvailable, summary

LIST_KEYS = 400
TARGET_US = 5000  # a key that reads one screenful stays far below this
MANY_PEOPLE = 50000


def _cycle(keys, n):
    return (keys * (n // len(keys) + 1))[:n]


HOME = [(None, b"quit")]
COMMITMENTS = HOME + [(b"c", b"renegotiate")]  # its key line


def scenarios(screen=HOME):
    """The three list cases on the screen that setup steps reach."""
    return [
        ("End/Home", screen, _cycle([b"\x1b[4~", b"\x1b[1~"], LIST_KEYS)),
        ("PgDn/PgUp", screen,
         _cycle([b"\x1b[6~"] * 10 + [b"\x1b[5~"] * 10, LIST_KEYS)),
        ("filter", screen + [(b"/", b"Enter keep")],
         _cycle([b"e", b"\x7f"], LIST_KEYS)),
    ]


def many_people(bench, db, n):
    """A copy of db with n people in all (plain rows, no sessions)."""
    out = os.path.join(bench.work, "people-%d.db" % n)
    shutil.copyfile(db, out)
    sql = ("WITH RECURSIVE k(i) AS (SELECT (SELECT count(*) FROM person) "
           "UNION ALL SELECT i + 1 FROM k WHERE i < %d) "
           "INSERT INTO person (uuid, name, created) "
           "SELECT printf('00000000-0000-4000-9000-%%012d', i), "
           "printf('Bench person %%06d', i), '2026-01-01T00:00:00Z' "
           "FROM k WHERE i > (SELECT count(*) FROM person)" % n)
    argv = [bench.sqlite3, out, sql]
    bench.remember("lists", argv)
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        raise Failed("sqlite3: %s" % p.stderr.strip())
    return out


def all_open(bench, db):
    """A copy of db with every commitment open, and how many there are."""
    out = os.path.join(bench.work, "commitments-open.db")
    shutil.copyfile(db, out)
    argv = [bench.sqlite3, out, "UPDATE commitment SET status = 'open', "
            "reviewed_session_id = NULL, reviewed = NULL; "
            "SELECT count(*) FROM commitment"]
    bench.remember("lists", argv)
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        raise Failed("sqlite3: %s" % p.stderr.strip())
    return out, int(p.stdout.split()[-1])


def open_commitments(bench, db):
    argv = [bench.sqlite3, db,
            "SELECT count(*) FROM commitment WHERE status = 'open'"]
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        raise Failed("sqlite3: %s" % p.stderr.strip())
    return int(p.stdout.split()[-1])


def run_cases(bench, screen, where, db, setup):
    """CPU per key of the three list cases on one screen and database."""
    for label, steps, keys in scenarios(setup):
        name = "CPU per key, %s %s, %s" % (screen, label, where)
        bench.log(name)
        argv = [bench.ownit, "--db", db]
        bench.commands.append(("lists", "%s   # %s: %s, %d keys" % (
            " ".join(argv), screen, label, len(keys))))
        try:
            bench.need_ownit()
            per_key, _ = bench.keys_scenario(name, argv, steps, keys,
                                             [b"\x1b", b"\x1b", b"q"])
        except NotAvailable as e:
            bench.row_na(name, e, "≤ %d µs" % TARGET_US)
            continue
        except (Failed, OSError) as e:
            bench.row_na(name, "%s did not respond (%s)" % (screen, e),
                         "≤ %d µs" % TARGET_US)
            continue
        med, s = summary(per_key, "us")
        bench.row(name, s, "", "", "≤ %d µs" % TARGET_US,
                  bench.verdict(med <= TARGET_US / 1e6))


def bench_commitments(bench, big, copy):
    """The commitments screen's cases: as generated, then all open."""
    where = "M=%s" % "{:,}".format(big)
    try:
        targets = [("%s, %s open" % (where, "{:,}".format(
            open_commitments(bench, copy))), copy)]
        db, n = all_open(bench, copy)
        targets.append(("%s, all %s open" % (where, "{:,}".format(n)), db))
    except Failed as e:
        bench.row_na("commitments lists, %s" % where, e,
                     "≤ %d µs" % TARGET_US)
        return
    for label, db in targets:
        run_cases(bench, "commitments", label, db, COMMITMENTS)


def bench_lists(bench, dbs):
    big = max(dbs)
    copy = os.path.join(bench.work, "lists-%d.db" % big)
    shutil.copyfile(dbs[big], copy)
    bench.remember("lists", ["cp", dbs[big], copy])
    targets = [("M=%s, %s people" % ("{:,}".format(big),
                                     "{:,}".format(max(big // 50, 1))),
                copy)]
    try:
        targets.append(("%s people" % "{:,}".format(MANY_PEOPLE),
                        many_people(bench, dbs[big], MANY_PEOPLE)))
    except Failed as e:
        bench.row_na("home lists, %s people" % "{:,}".format(MANY_PEOPLE),
                     e, "≤ %d µs" % TARGET_US)
    for where, db in targets:
        run_cases(bench, "home", where, db, HOME)
    bench_commitments(bench, big, copy)
