/* error.c - filling in struct error. */
#include "config.h"

#include "core/base/error.h"

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
	return -1;
}

void error_clear(struct error *err)
{
	if (!err)
		return;
	err->kind = ERROR_NONE;
	err->msg[0] = '\0';
}
