"""bench_lists.py - the long-list cases of `make bench` (issue 16, scale).

Home with the people of the largest generated database (M / 50: 2,000 at
M = 100,000) and again with 50,000 people (48,000 plain ones added to a
copy with sqlite3), measured as CPU per key like the other key scenarios:

  End/Home      End and Home in turn: the last page is read from the end
                of the name index, not by walking the list.
  PgDn/PgUp     pages next to the rows shown, by key position.
  filter        `/` then typing and erasing one character in turn: each
                keystroke filters again in SQL and reads one screenful.

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


def scenarios():
    home = [(None, b"quit")]
    return [
        ("End/Home", home, _cycle([b"\x1b[4~", b"\x1b[1~"], LIST_KEYS)),
        ("PgDn/PgUp", home,
         _cycle([b"\x1b[6~"] * 10 + [b"\x1b[5~"] * 10, LIST_KEYS)),
        ("filter", home + [(b"/", b"Enter keep")],
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
        for label, setup, keys in scenarios():
            name = "CPU per key, home %s, %s" % (label, where)
            bench.log(name)
            argv = [bench.ownit, "--db", db]
            bench.commands.append(("lists", "%s   # home: %s, %d keys" % (
                " ".join(argv), label, len(keys))))
            try:
                bench.need_ownit()
                per_key, _ = bench.keys_scenario(name, argv, setup, keys,
                                                 [b"\x1b", b"q"])
            except NotAvailable as e:
                bench.row_na(name, e, "≤ %d µs" % TARGET_US)
                continue
            except (Failed, OSError) as e:
                bench.row_na(name, "home did not respond (%s)" % e,
                             "≤ %d µs" % TARGET_US)
                continue
            med, s = summary(per_key, "us")
            bench.row(name, s, "", "", "≤ %d µs" % TARGET_US,
                      bench.verdict(med <= TARGET_US / 1e6))
