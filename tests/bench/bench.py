#!/usr/bin/env python3
"""bench.py - `make bench`: ownit against sqlite3 and a bare ncurses program.

Run by `make bench` (see Makefile.am), which builds the programs first:

    python3 tests/bench/bench.py --srcdir SRC --builddir BUILD [--sqlite3 PATH]
        [--runs N] [--sizes 10000,100000] [--only GROUP,...] [--import-size M]

Generates (once; cached in BUILD/tests/bench/cache) databases of M sessions
with tests/bench/gen, then measures, each figure the median of N runs (default
5) after one warm-up run, ownit and its reference interleaved run by run so
that a change of machine load hits both alike:

  export    `ownit export` (summary, and --detail) against the sqlite3 shell
            in -csv mode running tests/bench/export_summary.sql and
            export_detail.sql, the same rows by the best plan sqlite3 has
            for them; the two outputs are parsed with Python's csv module
            and compared cell by cell: a difference fails the row and makes
            the bench exit 1.
  import    `ownit import` of the detail file into an empty database against
            sqlite3 `.import --csv` of the same rows into a plain table
            (the session count must come out right), and its peak RSS at
            every size.
  startup   exec to the last line of the home screen through a pty
            (tests/bench/ptydrive) against tests/bench/bare_tui; and, as
            information only, bare_tui --db (the same program reading the
            first page of names from the database before it draws) against
            bare_tui: the floor of any program that shows the database.
  keys      CPU time per key over 2,000 navigation keys through a pty (the
            program's CPU with the keys minus without them).
  memory    peak RSS of export and of the TUI browsing history, at every
            size.
  radar     radar renders per second (tests/bench/radar_bench).

Programs are run under tests/bench/runstat, which reports the wall time, CPU
and ru_maxrss of the program alone (a child forked straight from Python would
report Python's own memory as its peak).  Prints one table, then every
command it ran, so anyone can reproduce a
figure with public tools.  A piece of ownit that is not built yet shows as
"not available" with the reason; nothing is ever estimated.  Only the
Python standard library is used.
"""

import argparse
import csv
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

from bench_lists import bench_lists
from benchlib import (Failed, NotAvailable, Result, fmt_num, last_line_marker,
                      mib, pty_expect, pty_quit, pty_read, pty_read_quiet,
                      pty_spawn, read_stat, shell_quote, summary)

TERM = "xterm-256color"
COLS, ROWS = 80, 24
TODAY = "2026-11-01"  # OWNIT_TODAY: the generated history ends here
NAV_KEYS = 2000
# The targets of issue 13: ownit's time over its reference's.
TARGET_SUMMARY, TARGET_DETAIL = 0.5, 3.0
TARGET_IMPORT, TARGET_STARTUP = 1.3, 1.3
# Start-up runs take milliseconds and a busy machine makes them jumpy:
# take 5 batches of 5 (after a warm-up each) per program, alternating.
STARTUP_BATCHES, STARTUP_BATCH = 5, 5


# ------------------------------------------------------------------ bench


class Bench:
    def __init__(self, args):
        self.args = args
        self.src = os.path.abspath(args.srcdir)
        self.build = os.path.abspath(args.builddir)
        self.sqlite3 = args.sqlite3 or shutil.which("sqlite3")
        bdir = os.path.join(self.build, "tests", "bench")
        self.ownit = args.ownit or os.path.join(self.build, "src", "ownit")
        self.gen = os.path.join(bdir, "gen")
        self.ptydrive = os.path.join(bdir, "ptydrive")
        self.bare = os.path.join(bdir, "bare_tui")
        self.radar = os.path.join(bdir, "radar_bench")
        self.runstat = os.path.join(bdir, "runstat")
        self.cache = os.path.join(bdir, "cache")
        self.work = os.path.join(bdir, "work")
        self.sql_dir = os.path.join(self.src, "tests", "bench")
        os.makedirs(self.cache, exist_ok=True)
        os.makedirs(self.work, exist_ok=True)
        self.runs = args.runs
        self.rows = []      # the table
        self.commands = []  # (group, command line) in the order first run
        self.notes = []
        self.missed = []
        self.differ = []  # rows whose outputs do not match
        home = os.path.join(self.work, "home")
        os.makedirs(home, exist_ok=True)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "TERM": TERM,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
            "OWNIT_TODAY": TODAY,
            "OWNIT_CONTENT": os.path.join(self.src, "content"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
        }
        self.t_start = time.monotonic()

    # ------------------------------------------------------------ output

    def log(self, msg):
        print("[%6.1fs] %s" % (time.monotonic() - self.t_start, msg),
              file=sys.stderr, flush=True)

    def rel(self, path):
        """Paths in printed commands, relative to the build dir."""
        if path.startswith(self.build + "/"):
            return path[len(self.build) + 1:]
        return path

    def remember(self, group, argv, stdin=None, stdout=None):
        line = " ".join(shell_quote(self.rel(a)) for a in argv)
        if stdin:
            line += " < " + shell_quote(self.rel(stdin))
        if stdout:
            line += " > " + shell_quote(self.rel(stdout))
        if (group, line) not in self.commands:
            self.commands.append((group, line))

    def row(self, name, ours="", ref="", ratio="", target="", met=""):
        self.rows.append((name, ours, ref, ratio, target, met))
        if met.startswith("no"):
            self.missed.append(name)

    def row_na(self, name, why, target=""):
        self.row(name, "not available", "", "", target, "n/a")
        self.notes.append("%s: not available: %s" % (name, why))

    def verdict(self, ok):
        return "yes" if ok else "no"

    # ------------------------------------------------------------ running

    def need_ownit(self):
        if not os.access(self.ownit, os.X_OK):
            raise NotAvailable("%s was not built" % self.rel(self.ownit))

    def run(self, argv, stdin=None, stdout=None, group=None, env=None):
        """Runs argv to completion under runstat: wall time, CPU and peak
        RSS of the program itself."""
        if argv[0] == self.ownit:
            self.need_ownit()
        if group:
            self.remember(group, argv, stdin, stdout)
        errpath = os.path.join(self.work, "stderr.txt")
        statpath = os.path.join(self.work, "runstat.txt")
        with open(stdin or os.devnull, "rb") as fin, \
                open(stdout or os.devnull, "wb") as fout, \
                open(errpath, "wb") as ferr:
            p = subprocess.run([self.runstat, "-o", statpath, "--"] + argv,
                               stdin=fin, stdout=fout, stderr=ferr,
                               env=env or self.env)
        with open(errpath, "rb") as f:
            err = f.read().decode("utf-8", "replace")
        st = read_stat(statpath)
        if st is None:
            return Result(0, 0, 0, p.returncode or 1, err)
        return Result(st["wall_us"] / 1e6, st["cpu_us"] / 1e6,
                      st["maxrss_kb"], st["status"], err)

    def check(self, res, what):
        if res.status == 0:
            return res
        if "not available yet" in res.stderr:
            raise NotAvailable(res.stderr.strip().replace("ownit: ", ""))
        raise Failed("%s failed (exit %d): %s" %
                     (what, res.status, res.stderr.strip()[:400]))

    def repeat(self, *jobs):
        """Runs each job (a function returning a Result) once to warm up,
        then self.runs times, interleaved; returns one list per job."""
        for job in jobs:
            job()
        out = [[] for _ in jobs]
        for _ in range(self.runs):
            for i, job in enumerate(jobs):
                out[i].append(job())
        return out

    # --------------------------------------------------------- databases

    def database(self, m):
        path = os.path.join(self.cache, "m%d.db" % m)
        argv = [self.gen, str(m), path]
        self.remember("generate", argv)
        stamp = path + ".stamp"
        want = "%s %d\n" % (self.gen_id(), m)
        if os.path.exists(path) and os.path.exists(stamp):
            with open(stamp) as f:
                if f.read() == want:
                    return path
        for p in (path, path + ".tmp", stamp):
            if os.path.exists(p):
                os.unlink(p)
        self.log("generating %d sessions into %s" % (m, self.rel(path)))
        res = self.run(argv)
        if res.status != 0:
            raise Failed("gen %d: %s" % (m, res.stderr.strip()))
        with open(stamp, "w") as f:
            f.write(want)
        self.log("  %.1f s, %.0f MiB" % (res.wall,
                                          os.path.getsize(path) / 2**20))
        return path

    def gen_id(self):
        """What a cached database depends on: the generator, the schema
        and the content it writes (not every rebuild of the binary)."""
        h = hashlib.sha256()
        names = [os.path.join("tests", "bench", "gen.c"),
                 os.path.join("src", "core", "store_schema.c")]
        cdir = os.path.join(self.src, "content")
        names += sorted(os.path.join("content", n) for n in os.listdir(cdir))
        for name in names:
            try:
                with open(os.path.join(self.src, name), "rb") as f:
                    h.update(name.encode() + b"\0" + f.read())
            except OSError:
                pass
        return h.hexdigest()[:16]

    # ------------------------------------------------------------ export

    def export_pair(self, m, db, detail):
        kind = "detail" if detail else "summary"
        sql = os.path.join(self.sql_dir, "export_%s.sql" % kind)
        ours_out = os.path.join(self.work, "ownit-%s-%d.csv" % (kind, m))
        ref_out = os.path.join(self.work, "sqlite3-%s-%d.csv" % (kind, m))
        ours = [self.ownit, "--db", db, "export"] + (
            ["--detail"] if detail else [])
        ref = [self.sqlite3, "-batch", "-readonly", "-csv", "-header", db]

        def run_ours():
            return self.check(self.run(ours, stdout=ours_out, group="export"),
                              " ".join(ours))

        def run_ref():
            return self.check(self.run(ref, stdin=sql, stdout=ref_out,
                                       group="export"), "sqlite3")

        a, b = self.repeat(run_ours, run_ref)
        return a, b, ours_out, ref_out

    def compare_csv(self, name, ours, ref):
        """Both files parsed as CSV must hold the same rows."""
        with open(ours, newline="", encoding="utf-8") as fa, \
                open(ref, newline="", encoding="utf-8") as fb:
            ra, rb = csv.reader(fa), csv.reader(fb)
            n = 0
            for n, (x, y) in enumerate(zip(ra, rb), 1):
                if x != y:
                    for i, (u, v) in enumerate(zip(x, y)):
                        if u != v:
                            self.notes.append(
                                "%s: outputs differ at row %d column %d: "
                                "ownit %r, sqlite3 %r" %
                                (name, n, i + 1, u[:60], v[:60]))
                            return False
                    self.notes.append("%s: row %d has %d columns in ownit, "
                                      "%d in sqlite3" %
                                      (name, n, len(x), len(y)))
                    return False
            rest_a, rest_b = sum(1 for _ in ra), sum(1 for _ in rb)
            if rest_a or rest_b:
                self.notes.append("%s: ownit wrote %d rows, sqlite3 %d" %
                                  (name, n + rest_a, n + rest_b))
                return False
        self.notes.append("%s: ownit's and sqlite3's outputs parse to the "
                          "same %d rows (header included)" % (name, n))
        return True

    def bench_export(self, dbs):
        rss = {}
        for detail in (False, True):
            kind = "detail" if detail else "summary"
            target = TARGET_DETAIL if detail else TARGET_SUMMARY
            for m, db in dbs.items():
                name = "export %s, M=%s" % (kind, "{:,}".format(m))
                self.log(name)
                try:
                    a, b, oa, ob = self.export_pair(m, db, detail)
                except NotAvailable as e:
                    self.row_na(name, e, "ratio ≤ %.1f" % target)
                    continue
                except Failed as e:
                    self.row_na(name, e, "ratio ≤ %.1f" % target)
                    continue
                ma, sa = summary([r.wall for r in a], "ms")
                mb, sb = summary([r.wall for r in b], "ms")
                ratio = ma / mb
                # A reference that writes other rows is no reference:
                # the row fails whatever the times say.
                same = self.compare_csv(name, oa, ob)
                if not same:
                    self.differ.append(name)
                self.row(name, sa, "sqlite3 " + sb, "%.2f" % ratio,
                         "≤ %.1f" % target,
                         self.verdict(ratio <= target) if same
                         else "no (rows differ)")
                rss[(kind, m)] = [mib(r.maxrss) for r in a]
                rss[("sqlite3 " + kind, m)] = [mib(r.maxrss) for r in b]
        return rss

    # ------------------------------------------------------------ import

    def bench_import(self, m, db):
        name = "import detail, M=%s" % "{:,}".format(m)
        self.log(name)
        detail = os.path.join(self.work, "ownit-detail-%d.csv" % m)
        try:
            self.detail_file(m, db, detail)
        except (NotAvailable, Failed) as e:
            self.row_na(name, "needs `ownit export --detail`: %s" % e,
                        "ratio ≤ %.1f" % TARGET_IMPORT)
            return None
        ours_db = os.path.join(self.work, "import-ownit.db")
        ref_db = os.path.join(self.work, "import-sqlite3.db")

        def fresh(path):
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(path + suffix):
                    os.unlink(path + suffix)

        def run_ours():
            fresh(ours_db)
            return self.check(self.run([self.ownit, "--db", ours_db,
                                        "import", detail], group="import"),
                              "ownit import")

        def run_ref():
            fresh(ref_db)
            return self.check(self.run([self.sqlite3, "-batch", ref_db,
                                        ".import --csv %s detail" %
                                        self.rel(detail)], group="import",
                                       env=dict(self.env, PWD=self.build)),
                              "sqlite3 .import")

        try:
            cwd = os.getcwd()
            os.chdir(self.build)  # the .import path is relative
            try:
                a, b = self.repeat(run_ours, run_ref)
            finally:
                os.chdir(cwd)
        except (NotAvailable, Failed) as e:
            self.row_na(name, e, "ratio ≤ %.1f" % TARGET_IMPORT)
            return None
        got = subprocess.run([self.sqlite3, "-batch", "-readonly", ours_db,
                              "SELECT count(*) FROM session"], text=True,
                             stdout=subprocess.PIPE).stdout.strip()
        self.notes.append("%s: the imported database holds %s sessions "
                          "(%d exported)" % (name, got, m))
        if got != str(m):
            self.differ.append(name)
        ma, sa = summary([r.wall for r in a], "ms")
        mb, sb = summary([r.wall for r in b], "ms")
        rate = m / ma
        ratio = ma / mb
        self.row(name, sa, "sqlite3 " + sb, "%.2f" % ratio,
                 "≤ %.1f" % TARGET_IMPORT,
                 self.verdict(ratio <= TARGET_IMPORT) if got == str(m)
                 else "no (sessions lost)")
        self.row("import rate, M=%s" % "{:,}".format(m),
                 fmt_num(rate, "/s") + " sessions", "", "", "", "")
        return [mib(r.maxrss) for r in a]

    def detail_file(self, m, db, path):
        """The detail export of db (written afresh: a file left by an
        earlier run may come from another database)."""
        self.check(self.run([self.ownit, "--db", db, "export", "--detail"],
                            stdout=path, group="import"),
                   "ownit export --detail")

    def import_rss(self, m, db):
        """Peak RSS of one import of db's detail export into an empty
        database (the memory rows compare it across sizes)."""
        self.log("import memory, M=%s" % "{:,}".format(m))
        detail = os.path.join(self.work, "ownit-detail-%d.csv" % m)
        target = os.path.join(self.work, "import-rss.db")
        try:
            self.detail_file(m, db, detail)
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(target + suffix):
                    os.unlink(target + suffix)
            res = self.check(self.run([self.ownit, "--db", target, "import",
                                       detail], group="import"),
                             "ownit import")
        except (NotAvailable, Failed) as e:
            self.notes.append("import memory, M=%d: %s" % (m, e))
            return None
        return [mib(res.maxrss)]

    # ----------------------------------------------------------- startup

    def last_line_marker(self, argv):
        """The bytes of argv's first frame's bottom line, from one
        calibration run that waits for the screen to settle."""
        pid, fd = pty_spawn(argv, self.env, ROWS, COLS)
        out = pty_read_quiet(fd, 0.7, 10.0)
        pty_quit(pid, fd, [b"q"])
        marker = last_line_marker(out, ROWS)
        if not marker:
            raise Failed("%s: no line %d found in its first frame" %
                         (argv[0], ROWS))
        return marker

    def bench_startup(self, dbs):
        target = TARGET_STARTUP
        bare_argv = [self.bare]
        try:
            bare_marker = self.last_line_marker(bare_argv)
        except Failed as e:
            self.row_na("start-up to first frame", e)
            return
        for m, db in dbs.items():
            name = "start-up to first frame, M=%s" % "{:,}".format(m)
            self.log(name)
            ours_argv = [self.ownit, "--db", db]
            try:
                self.need_ownit()
                marker = self.last_line_marker(ours_argv)
            except (Failed, NotAvailable) as e:
                self.row_na(name, e, "ratio ≤ %.1f" % target)
                continue
            a, b = [], []
            # ptydrive runs one program at a time: alternate in batches,
            # each batch with its own warm-up run.
            for _ in range(STARTUP_BATCHES):
                a += self.ptydrive_runs(ours_argv, marker, STARTUP_BATCH)
                b += self.ptydrive_runs(bare_argv, bare_marker,
                                        STARTUP_BATCH)
            ma, sa = summary(a, "ms")
            mb, sb = summary(b, "ms")
            ratio = ma / mb
            self.row(name, sa, "bare_tui " + sb, "%.2f" % ratio,
                     "≤ %.1f" % target if m == max(dbs) else "",
                     self.verdict(ratio <= target) if m == max(dbs) else "")
            self.startup_floor(m, db, bare_argv, bare_marker)

    def startup_floor(self, m, db, bare_argv, bare_marker):
        """bare_tui --db against bare_tui: what opening the database and
        reading one page of names costs a curses program, with no target,
        so the start-up row can be read against it."""
        name = "  floor: bare_tui --db, M=%s" % "{:,}".format(m)
        floor_argv = bare_argv + ["--db", db]
        try:
            marker = self.last_line_marker(floor_argv)
        except Failed as e:
            self.notes.append("%s: not available: %s" % (name.strip(), e))
            return
        a, b = [], []
        for _ in range(STARTUP_BATCHES):
            a += self.ptydrive_runs(floor_argv, marker, STARTUP_BATCH)
            b += self.ptydrive_runs(bare_argv, bare_marker, STARTUP_BATCH)
        ma, sa = summary(a, "ms")
        mb, sb = summary(b, "ms")
        self.row(name, sa, "bare_tui " + sb, "%.2f" % (ma / mb))

    def ptydrive_runs(self, argv, marker, n):
        """n + 1 runs through ptydrive; the first is the warm-up."""
        cmd = [self.ptydrive, "-c", str(COLS), "-r", str(ROWS), "-n",
               str(n + 1), "-m", marker, "--"] + argv
        self.remember("startup", cmd)
        p = subprocess.run(cmd, env=self.env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise Failed("ptydrive: %s %s" % (p.stdout, p.stderr))
        times = []
        for line in p.stdout.splitlines()[1:]:
            f = line.split()
            times.append(float(f[f.index("us") + 1]) / 1e6)
        return times

    # ------------------------------------------------------------- keys

    def tui_run(self, argv, setup, keys, quit_keys):
        """One TUI session under runstat: setup steps (keys, text to wait
        for), then keys one at a time, each waiting for the screen to
        answer; returns (CPU seconds, peak RSS KiB, keys that drew
        nothing) of the program itself."""
        statpath = os.path.join(self.work, "runstat-tui.txt")
        if os.path.exists(statpath):
            os.unlink(statpath)
        pid, fd = pty_spawn([self.runstat, "-o", statpath, "--"] + argv,
                            self.env, ROWS, COLS)
        silent = 0
        try:
            for send, expect in setup:
                if send:
                    os.write(fd, send)
                pty_expect(fd, expect)
            pty_read_quiet(fd, 0.05, 2)
            for k in keys:
                os.write(fd, k)
                chunk = pty_read(fd, 0.25)
                if not chunk:
                    silent += 1
                    continue
                while pty_read(fd, 0):
                    pass
        finally:
            ended = pty_quit(pid, fd, quit_keys)
        st = read_stat(statpath)
        if not ended or st is None:
            raise Failed("%s did not end after %r" % (argv[0], quit_keys))
        return st["cpu_us"] / 1e6, st["maxrss_kb"], silent

    def keys_scenario(self, name, argv, setup, keys, quit_keys):
        """CPU per key: full runs minus setup-only runs, medians."""
        base, full, rss, silent = [], [], [], 0
        self.tui_run(argv, setup, keys, quit_keys)  # warm-up
        for _ in range(self.runs):
            base.append(self.tui_run(argv, setup, [], quit_keys)[0])
            cpu, peak, s = self.tui_run(argv, setup, keys, quit_keys)
            full.append(cpu)
            rss.append(mib(peak))
            silent += s
        b = statistics.median(base)
        per_key = [(f - b) / len(keys) for f in full]
        if silent:
            self.notes.append("%s: %d of %d keys drew nothing (waited "
                              "0.25 s each)" % (name, silent,
                                                len(keys) * self.runs))
        return per_key, rss

    def bench_keys(self, dbs):
        """Navigation through the real screens.  The key scripts follow
        the screens of issue 7; when a screen is not there yet the setup
        step times out and the row says so."""
        big = max(dbs)
        copies = {}
        for m, db in dbs.items():
            # The TUI may write (the step it is on); work on a copy.
            copy = os.path.join(self.work, "tui-%d.db" % m)
            shutil.copyfile(db, copy)
            copies[m] = copy
        self.remember("keys", ["cp", dbs[big], copies[big]])
        scenarios = [
            ("diagnostic", [big], self.scenario_diagnostic),
            ("history", sorted(dbs), self.scenario_history),
        ]
        rss = {}
        for label, sizes, make in scenarios:
            for m in sizes:
                name = "CPU per key, %s, M=%s" % (label, "{:,}".format(m))
                self.log(name)
                argv = [self.ownit, "--db", copies[m]]
                setup, keys, quit_keys = make()
                self.commands.append(("keys", "%s   # %s" % (
                    " ".join(shell_quote(self.rel(a)) for a in argv),
                    " ".join(make.__doc__.split()))))
                try:
                    self.need_ownit()
                    per_key, peaks = self.keys_scenario(name, argv, setup,
                                                        keys, quit_keys)
                except NotAvailable as e:
                    self.row_na(name, e, "≤ 500 µs")
                    continue
                except (Failed, OSError) as e:
                    self.row_na(name, "the %s screen did not respond as "
                                "issue 7 describes (%s)" % (label, e),
                                "≤ 500 µs")
                    continue
                med, s = summary(per_key, "us")
                self.row(name, s, "", "", "≤ 500 µs",
                         self.verdict(med <= 0.0005))
                if label == "history":
                    rss[("TUI history", m)] = peaks
        return rss

    @staticmethod
    def scenario_history():
        """in a pty (80x24, under runstat): h (history of the first
        person, about 50 sessions), then 2,000 keys cycling j x20, k x20,
        PgDn, PgUp, each sent when the last one was drawn; q q"""
        setup = [(None, b"quit"), (b"h", b"summary")]
        cycle = [b"j"] * 20 + [b"k"] * 20 + [b"\x1b[6~", b"\x1b[5~"]
        keys = (cycle * (NAV_KEYS // len(cycle) + 1))[:NAV_KEYS]
        return setup, keys, [b"q", b"q"]

    @staticmethod
    def scenario_diagnostic():
        """in a pty (80x24, under runstat): n, n again (the first
        person has an open session in every generated database: a new one
        anyway), Enter (a new session with the first person, on its
        follow-up step), Tab (to the red flags), then 2,000 keys cycling
        Right x21, Left x21 through the 22 statements, each sent when the
        last one was drawn; Esc q"""
        setup = [(None, b"quit"), (b"n", b"open session"), (b"n", b"start"),
                 (b"\r", b"renegotiate"), (b"\t", b"flag 1/5")]
        cycle = [b"\x1bOC"] * 21 + [b"\x1bOD"] * 21
        keys = (cycle * (NAV_KEYS // len(cycle) + 1))[:NAV_KEYS]
        return setup, keys, [b"\x1b", b"q"]

    # ------------------------------------------------------------ memory

    def memory_rows(self, rss, sizes):
        lo, hi = min(sizes), max(sizes)
        kinds = []
        for (kind, m) in rss:
            if kind not in kinds:
                kinds.append(kind)
        for kind in kinds:
            ref = kind.startswith("sqlite3")
            for m in sorted(sizes):
                if (kind, m) not in rss:
                    continue
                med, s = summary(rss[(kind, m)], "MiB")
                name = "peak RSS, %s, M=%s" % (kind, "{:,}".format(m))
                if ref:
                    self.row(name, "", s, "", "", "")
                    continue
                if m == hi and (kind, lo) in rss and lo != hi:
                    grow = med - statistics.median(rss[(kind, lo)])
                    ok = med <= 16 and grow <= 2
                    self.row(name, s, "", "%+.1f MiB vs %s" %
                             (grow, "{:,}".format(lo)),
                             "≤ 16 MiB, ≤ +2 MiB", self.verdict(ok))
                else:
                    self.row(name, s, "", "", "≤ 16 MiB" if m == hi else "",
                             self.verdict(med <= 16) if m == hi else "")

    # ------------------------------------------------------------- radar

    def bench_radar(self):
        for w, h in ((80, 24), (160, 48)):
            for mode in ("render", "draw"):
                name = "radar %s, %dx%d" % (
                    "radar_render()" if mode == "render"
                    else "radar_draw+canvas_render_into", w, h)
                self.log(name)
                argv = [self.radar, "-m", mode, "-t", "0.5", str(w), str(h)]
                self.remember("radar", argv)
                rates = []
                for i in range(self.runs + 1):
                    p = subprocess.run(argv, env=self.env, text=True,
                                       stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE)
                    if p.returncode != 0:
                        self.row_na(name, p.stderr.strip())
                        break
                    if i:
                        rates.append(float(p.stdout.split()[1]))
                else:
                    med, s = summary(rates, "/s")
                    tgt = (w, h) == (80, 24) and mode == "render"
                    self.row(name, s, "", "", "≥ 20,000/s" if tgt else "",
                             self.verdict(med >= 20000) if tgt else "")

    # -------------------------------------------------------------- main

    def machine(self):
        cpu = "unknown CPU"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        mem = ""
        try:
            with open("/proc/meminfo") as f:
                kb = int(f.readline().split()[1])
                mem = ", %.0f GiB RAM" % (kb / 2**20)
        except (OSError, ValueError, IndexError):
            pass
        sq = subprocess.run([self.sqlite3, "-version"], text=True,
                            stdout=subprocess.PIPE).stdout.split()
        return "%s, %d cores%s; %s %s; sqlite3 %s; Python %s" % (
            cpu, os.cpu_count() or 0, mem, platform.system(),
            platform.release(), sq[0] if sq else "?",
            platform.python_version())

    def print_table(self):
        head = ("measurement", "ownit median (min–max)",
                "reference median (min–max)", "ratio", "target", "met")
        rows = [head] + self.rows
        width = [max(len(r[i]) for r in rows) for i in range(len(head))]
        line = "  ".join("-" * w for w in width)
        print(line)
        for n, r in enumerate(rows):
            print("  ".join(c.ljust(width[i]) for i, c in
                            enumerate(r)).rstrip())
            if n == 0:
                print(line)
        print(line)

    def main(self):
        groups = self.args.only.split(",") if self.args.only else [
            "export", "import", "startup", "keys", "lists", "radar"]
        load0 = os.getloadavg()
        sizes = [int(s) for s in self.args.sizes.split(",")]
        dbs = {}
        if set(groups) & {"export", "import", "startup", "keys", "lists"}:
            for m in sizes:
                dbs[m] = self.database(m)
        rss = {}
        if "export" in groups:
            rss.update(self.bench_export(dbs))
        if "import" in groups:
            m = self.args.import_size or min(sizes)
            peaks = self.bench_import(m, dbs.get(m) or self.database(m))
            if peaks:
                rss[("import", m)] = peaks
            for other in sizes:
                if other != m and peaks:
                    got = self.import_rss(other, dbs[other])
                    if got:
                        rss[("import", other)] = got
        if "startup" in groups:
            self.bench_startup(dbs)
        if "keys" in groups:
            rss.update(self.bench_keys(dbs))
        if "lists" in groups:
            bench_lists(self, dbs)
        if rss:
            self.memory_rows(rss, sizes)
        if "radar" in groups:
            self.bench_radar()
        load1 = os.getloadavg()

        print()
        print("ownit benchmarks: median of %d runs after a warm-up "
              "(start-up: %d runs, in %d batches alternating with the "
              "reference)" % (self.runs, STARTUP_BATCHES * STARTUP_BATCH,
                              STARTUP_BATCHES))
        print("machine: %s" % self.machine())
        print("load average: %.2f at start, %.2f at end; took %.0f s" %
              (load0[0], load1[0], time.monotonic() - self.t_start))
        print()
        self.print_table()
        if self.notes:
            print()
            print("notes:")
            for n in self.notes:
                print("  - " + n)
        print()
        print("targets missed: %s" % (", ".join(self.missed) or "none"))
        if self.differ:
            print("outputs that do not match their reference: %s" %
                  ", ".join(self.differ))
        print()
        print("commands (from %s; environment: %s):" % (
            self.build, " ".join("%s=%s" % (k, shell_quote(self.rel(v)))
                                 for k, v in sorted(self.env.items())
                                 if k not in ("PATH",))))
        group = None
        for g, c in self.commands:
            if g != group:
                print("  # %s" % g)
                group = g
            print("  " + c)
        # Timings vary with the machine; wrong rows never do.
        return 1 if self.differ else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--srcdir", default=".")
    ap.add_argument("--builddir", default=".")
    ap.add_argument("--sqlite3")
    ap.add_argument("--ownit", help="the program to measure (default: "
                    "BUILDDIR/src/ownit)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--import-size", type=int, default=0,
                    help="sessions in the import benchmark (default: the "
                    "smallest size)")
    ap.add_argument("--only", help="comma-separated groups: export, "
                    "import, startup, keys, lists, radar")
    args = ap.parse_args()
    if args.runs < 5:
        print("bench.py: fewer than 5 runs: figures are for trying the "
              "harness only", file=sys.stderr)
    return Bench(args).main()


if __name__ == "__main__":
    sys.exit(main())
