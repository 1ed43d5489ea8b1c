/* ptydrive.c - times a terminal program from exec to its first frame.
 *
 *   ptydrive [-c COLS] [-r ROWS] [-n RUNS] [-q KEYS] [-t SECONDS]
 *            [-o FILE] -m MARKER -- PROGRAM [ARG...]
 *
 * Runs PROGRAM RUNS times (default 1) on a fresh pseudo-terminal of COLS x
 * ROWS (default 80 x 24).  The clock starts just before the fork and stops
 * when the bytes read from the terminal first contain MARKER: the text of
 * the last line the first frame draws (curses sends a frame top to bottom,
 * so the last line's text is the end of the frame).  KEYS (default "q")
 * are then typed to quit, and the driver waits for the program to end.
 * For each run it prints one line:
 *
 *   run N us MICROSECONDS maxrss_kb KB cpu_us MICROSECONDS status S
 *
 * with the child's peak RSS and CPU time from wait4().  A run that does not
 * show MARKER within SECONDS (default 10) is killed and reported as
 * "run N timeout", with the end of its output on stderr; the exit status
 * is then 1.  -o writes the last run's raw output to FILE, to see what the
 * program drew.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

struct opts {
	int cols, rows, runs;
	const char *keys;
	const char *marker;
	const char *dump;
	double timeout;
	char **argv;
};

struct buf {
	char *p;
	size_t len, cap;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void buf_add(struct buf *b, const char *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			perror("ptydrive");
			exit(1);
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Opens a pty pair; returns the master, and the slave's name in name. */
static int pty_open(char *name, size_t size)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) || unlockpt(m) ||
	    ptsname_r(m, name, size) != 0) {
		perror("ptydrive: pty");
		exit(1);
	}
	return m;
}

static void child(const struct opts *o, const char *slave_name)
{
	setsid();
	int s = open(slave_name, O_RDWR);
	if (s < 0)
		_exit(126);
	ioctl(s, TIOCSCTTY, 0);
	struct winsize ws = {.ws_row = (unsigned short)o->rows,
			     .ws_col = (unsigned short)o->cols};
	ioctl(s, TIOCSWINSZ, &ws);
	dup2(s, 0);
	dup2(s, 1);
	dup2(s, 2);
	if (s > 2)
		close(s);
	execvp(o->argv[0], o->argv);
	_exit(127);
}

/* Reads what is there (waiting at most ms); 0 on EOF, -1 on timeout. */
static int pump(int m, struct buf *b, int ms)
{
	struct pollfd pfd = {.fd = m, .events = POLLIN};
	int r = poll(&pfd, 1, ms);
	if (r < 0 && errno == EINTR)
		return 1;
	if (r <= 0)
		return -1;
	char tmp[65536];
	ssize_t n = read(m, tmp, sizeof tmp);
	if (n < 0 && errno == EINTR)
		return 1;
	if (n <= 0)
		return 0; /* EIO: the slave side is closed, the child is gone */
	buf_add(b, tmp, (size_t)n);
	return 1;
}

static void tail(const struct buf *b)
{
	size_t from = b->len > 600 ? b->len - 600 : 0;
	fprintf(stderr, "ptydrive: last output: ");
	for (size_t i = from; i < b->len; i++) {
		unsigned char ch = (unsigned char)b->p[i];
		if (ch == 033)
			fputs("\\e", stderr);
		else if (ch < 32 && ch != '\n')
			fprintf(stderr, "^%c", ch + 64);
		else
			fputc(ch, stderr);
	}
	fputc('\n', stderr);
}

static int run_once(const struct opts *o, int n)
{
	char slave[256];
	int m = pty_open(slave, sizeof slave);
	struct buf b = {0};
	size_t mlen = strlen(o->marker), scanned = 0;
	double t0 = now(), t1 = 0;
	pid_t pid = fork();
	if (pid < 0) {
		perror("ptydrive: fork");
		exit(1);
	}
	if (pid == 0)
		child(o, slave);

	double deadline = t0 + o->timeout;
	while (!t1) {
		int left = (int)((deadline - now()) * 1000);
		if (left <= 0 || pump(m, &b, left) <= 0)
			break;
		if (b.len >= mlen) {
			size_t from = scanned > mlen ? scanned - mlen : 0;
			if (memmem(b.p + from, b.len - from, o->marker, mlen))
				t1 = now();
			scanned = b.len;
		}
	}
	if (t1) {
		size_t kl = strlen(o->keys);
		if (write(m, o->keys, kl) != (ssize_t)kl)
			perror("ptydrive: write");
		deadline = now() + o->timeout;
		int left;
		while ((left = (int)((deadline - now()) * 1000)) > 0 &&
		       pump(m, &b, left) > 0)
			;
	}
	int status = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	if (!t1 || wait4(pid, &status, WNOHANG, &ru) != pid) {
		kill(pid, SIGKILL);
		wait4(pid, &status, 0, &ru);
	}
	close(m);
	if (o->dump) {
		FILE *f = fopen(o->dump, "wb");
		if (f) {
			fwrite(b.p, 1, b.len, f);
			fclose(f);
		}
	}
	int rc = 0;
	if (!t1) {
		printf("run %d timeout\n", n);
		tail(&b);
		rc = 1;
	} else {
		long cpu = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec +
			   ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
		printf("run %d us %.0f maxrss_kb %ld cpu_us %ld status %d\n", n,
		       (t1 - t0) * 1e6, ru.ru_maxrss, cpu,
		       WIFEXITED(status) ? WEXITSTATUS(status)
					 : 128 + WTERMSIG(status));
	}
	fflush(stdout);
	free(b.p);
	return rc;
}

static void usage(void)
{
	fprintf(stderr, "usage: ptydrive [-c COLS] [-r ROWS] [-n RUNS] "
			"[-q KEYS] [-t SECONDS] [-o FILE] -m MARKER -- "
			"PROGRAM [ARG...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = {
	    .cols = 80, .rows = 24, .runs = 1, .keys = "q", .timeout = 10};
	int opt;
	while ((opt = getopt(argc, argv, "+c:r:n:q:t:o:m:")) != -1) {
		if (opt == 'c')
			o.cols = atoi(optarg);
		else if (opt == 'r')
			o.rows = atoi(optarg);
		else if (opt == 'n')
			o.runs = atoi(optarg);
		else if (opt == 'q')
			o.keys = optarg;
		else if (opt == 't')
			o.timeout = atof(optarg);
		else if (opt == 'o')
			o.dump = optarg;
		else if (opt == 'm')
			o.marker = optarg;
		else
			usage();
	}
	if (!o.marker || !o.marker[0] || optind >= argc || o.runs < 1 ||
	    o.cols < 1 || o.rows < 1)
		usage();
	o.argv = argv + optind;
	signal(SIGPIPE, SIG_IGN);
	int rc = 0;
	for (int i = 1; i <= o.runs; i++)
		rc |= run_once(&o, i);
	return rc;
}
