/* runstat.c - runs a program and reports its time, CPU and peak memory.
 *
 *   runstat [-o FILE] -- PROGRAM [ARG...]
 *
 * Forks, execs PROGRAM with this process's standard input, output and
 * error (so it can sit inside a pty or behind a redirection), waits for it
 * and writes one line to FILE (default: standard error):
 *
 *   wall_us N cpu_us N maxrss_kb N status S
 *
 * wall from just before the fork to the end of wait4(); cpu is user plus
 * system time of the program; maxrss its peak resident set (ru_maxrss);
 * status its exit status, or 128 + the signal that killed it.  Exits with
 * that status.
 *
 * Why not let the Python driver fork the program itself: a child's
 * ru_maxrss counts the memory of the image it was forked from, so every
 * program forked from a Python interpreter reports at least the
 * interpreter's own ~15 MiB.  This small program is the parent instead.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long usec(struct timeval tv)
{
	return tv.tv_sec * 1000000L + tv.tv_usec;
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "+o:")) != -1) {
		if (opt == 'o') {
			out = optarg;
		} else {
			fprintf(stderr, "usage: runstat [-o FILE] -- PROGRAM "
					"[ARG...]\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr,
			"usage: runstat [-o FILE] -- PROGRAM [ARG...]\n");
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("runstat: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		perror(argv[optind]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("runstat: wait4");
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	int code =
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	long wall = (t1.tv_sec - t0.tv_sec) * 1000000L +
		    (t1.tv_nsec - t0.tv_nsec) / 1000;
	FILE *f = out ? fopen(out, "w") : stderr;
	if (!f) {
		perror(out);
		return 1;
	}
	fprintf(f, "wall_us %ld cpu_us %ld maxrss_kb %ld status %d\n", wall,
		usec(ru.ru_utime) + usec(ru.ru_stime), ru.ru_maxrss, code);
	if (out && fclose(f) != 0) {
		perror(out);
		return 1;
	}
	return code;
}
