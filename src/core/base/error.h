/* error.h - how core reports failure.
 *
 * Core never prints and never exits: a function that can fail takes a
 * `struct error *` and returns -1 (or NULL) after filling it in.  The
 * caller decides what to do; the command line prints "ownit: MESSAGE" and
 * maps the kind to an exit status, the TUI shows it on the status line.
 */
#ifndef OWNIT_ERROR_H
#define OWNIT_ERROR_H

#include <stddef.h>

enum error_kind {
	ERROR_NONE = 0,
	ERROR_INPUT = 2,   /* bad input or usage: exit status 2 */
	ERROR_RUNTIME = 1, /* the system failed us: exit status 1 */
};

#define ERROR_MSG_MAX 1024

struct error {
	enum error_kind kind;
	int errnum; /* the errno behind it (error_errno), else 0 */
	char msg[ERROR_MSG_MAX];
};

/* Sets kind and a printf-style message; returns -1 so callers can write
 * `return error_set(err, ...)`.  A NULL err is allowed and ignored. */
int error_set(struct error *err, enum error_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like error_set, but appends ": strerror(errnum)". */
int error_errno(struct error *err, enum error_kind kind, int errnum,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Fills err for a write to target (a file name, "standard output") that
 * failed with errnum (0 when not known) while doing what ("writing the
 * report"); a full disk is said plainly.  Always ERROR_RUNTIME. */
int error_write(struct error *err, const char *target, int errnum,
		const char *what);

/* Clears an error so it can be reused. */
void error_clear(struct error *err);

#endif
