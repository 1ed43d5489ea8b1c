/* error.c - filling in struct error. */
#include "config.h"

#include "core/base/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int error_set(struct error *err, enum error_kind kind, const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	err->kind = kind;
	err->errnum = 0;
	return -1;
}

int error_errno(struct error *err, enum error_kind kind, int errnum,
		const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof err->msg)
		snprintf(err->msg + n, sizeof err->msg - (size_t)n, ": %s",
			 strerror(errnum));
	err->kind = kind;
	err->errnum = errnum;
	return -1;
}

int error_write(struct error *err, const char *target, int errnum,
		const char *what)
{
	int r;
	switch (errnum) {
	case 0:
		return error_set(err, ERROR_RUNTIME, "%s: %s failed", target,
				 what);
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		r = error_set(err, ERROR_RUNTIME,
			      "%s: disk full while %s; the output is "
			      "incomplete, free some space and try again",
			      target, what);
		break;
	default:
		r = error_errno(err, ERROR_RUNTIME, errnum, "%s: %s", target,
				what);
	}
	if (err)
		err->errnum = errnum;
	return r;
}

void error_clear(struct error *err)
{
	if (!err)
		return;
	err->kind = ERROR_NONE;
	err->errnum = 0;
	err->msg[0] = '\0';
}
