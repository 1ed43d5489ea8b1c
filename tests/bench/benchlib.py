"""benchlib.py - what bench.py's measurements share: results and their
formatting, the pty a TUI runs on, and runstat's report.

Python standard library only.
"""

import fcntl
import os
import select
import shlex
import signal
import statistics
import struct
import termios
import time


class NotAvailable(Exception):
    """A piece of ownit that this run cannot measure, and why."""


class Failed(Exception):
    """A command that should have worked did not."""


# ----------------------------------------------------------------- helpers


def mib(kib):
    return kib / 1024.0


def scale(med, unit):
    """(factor, unit label, format) to show values near med."""
    if unit == "ms":
        return (1e3, "ms", "%.1f") if med < 1 else (1, "s", "%.2f")
    if unit == "us":
        return 1e6, "µs", "%.0f"
    if unit == "MiB":
        return 1, "MiB", "%.1f"
    if unit == "/s":
        return 1, "/s", "{:,.0f}"
    return 1, unit, "%g"


def fmt_num(v, unit, med=None):
    k, label, fmt = scale(v if med is None else med, unit)
    text = fmt.format(v * k) if "{" in fmt else fmt % (v * k)
    return text + (label if label == "/s" else " " + label)


def summary(values, unit):
    """The median, and 'median (min–max)' in one unit."""
    med = statistics.median(values)
    k, label, fmt = scale(med, unit)

    def num(v):
        return fmt.format(v * k) if "{" in fmt else fmt % (v * k)
    sep = "" if label == "/s" else " "
    if len(values) == 1:
        return med, num(med) + sep + label
    return med, "%s%s%s (%s–%s)" % (num(med), sep, label, num(min(values)),
                                     num(max(values)))


def shell_quote(arg):
    if any(ord(c) < 32 for c in arg):
        return "$'" + "".join(
            "\\e" if c == "\x1b" else ("\\x%02x" % ord(c) if ord(c) < 32
                                      else ("\\'" if c == "'" else c))
            for c in arg) + "'"
    return shlex.quote(arg)


class Result:
    __slots__ = ("wall", "cpu", "maxrss", "status", "stderr")

    def __init__(self, wall, cpu, maxrss, status, stderr):
        self.wall, self.cpu, self.maxrss = wall, cpu, maxrss
        self.status, self.stderr = status, stderr


def last_line_marker(out, row):
    """The raw bytes that draw the bottom line of a screen, from the cursor
    move to line row up to the end of the line's text, taken from the
    last time out draws that line.  None when out never moves there."""
    starts = [b"\x1b[%d;1H" % row, b"\x1b[%dd" % row, b"\x1b[%d;0H" % row]
    pos = max(out.rfind(s) for s in starts)
    if pos < 0:
        return None
    seg = out[pos:]
    # Walk escape sequences and text; the marker ends where the last
    # text with something other than blanks ends.
    i, last_text_end = 0, 0
    while i < len(seg):
        if seg[i] == 0x1b:
            j = i + 1
            if seg[j:j + 1] == b"[":
                j += 1
                while j < len(seg) and not 0x40 <= seg[j] <= 0x7e:
                    j += 1
                j += 1
            elif seg[j:j + 1] in (b"(", b")"):
                j += 2
            else:
                j += 1
            i = j
        elif seg[i] >= 0x20:
            j = i
            while j < len(seg) and seg[j] >= 0x20 and seg[j] != 0x7f:
                j += 1
            if seg[i:j].strip(b" "):
                last_text_end = j
            i = j
        else:
            i += 1
    marker = seg[:last_text_end].rstrip(b" ")
    if len(marker) < 6 or b"\x00" in marker:
        return None
    return marker.decode("latin-1")


def read_stat(path):
    """The "key value ..." line runstat wrote, as a dict (None if none)."""
    try:
        with open(path) as f:
            w = f.read().split()
        os.unlink(path)
    except OSError:
        return None
    return {w[i]: int(w[i + 1]) for i in range(0, len(w) - 1, 2)}


def pty_spawn(argv, env, rows, cols):
    """Starts argv on a new pty of rows x cols; returns (pid, master)."""
    pid, fd = os.forkpty()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ,
                        struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    return pid, fd

def pty_read(fd, timeout):
    """What the program wrote within timeout: None when nothing, b\"\"
    when it has closed the terminal."""
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return None
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""

def pty_read_quiet(fd, settle, limit):
    """Everything written until settle seconds pass without output (at
    most limit seconds)."""
    out = b""
    t_end = time.monotonic() + limit
    while time.monotonic() < t_end:
        chunk = pty_read(fd, settle)
        if not chunk:
            break
        out += chunk
    return out

def pty_expect(fd, pattern, limit=10.0):
    """Reads until pattern has been written; Failed after limit s."""
    out = b""
    t_end = time.monotonic() + limit
    while pattern not in out:
        left = t_end - time.monotonic()
        chunk = pty_read(fd, left) if left > 0 else None
        if not chunk:
            raise Failed("waited %.0f s for %r on the screen; got "
                         "%r" % (limit, pattern, out[-300:]))
        out += chunk
    return out

def pty_quit(pid, fd, keys):
    """Types keys (a list, 0.2 s apart, so that Esc is not taken for
    the start of a key sequence) and waits up to 5 s for the program
    to end (else kills it); returns True when it ended by itself."""
    for k in keys:
        try:
            os.write(fd, k)
        except OSError:
            break
        pty_read_quiet(fd, 0.2, 0.5)
    ended = False
    t_end = time.monotonic() + 5
    while time.monotonic() < t_end:
        chunk = pty_read(fd, 0.2)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            ended = True
            break
        if chunk == b"":
            time.sleep(0.01)
    if not ended:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return ended
