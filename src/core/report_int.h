/* report_int.h - what report.c and report_text.c share. */
#ifndef OWNIT_REPORT_INT_H
#define OWNIT_REPORT_INT_H

#include <stdarg.h>
#include <stdio.h>

#include "core/report.h"

#define REPORT_CANVASES_MAX 4

struct report {
	int width;
	enum canvas_mode mode;
	enum report_section section; /* of the lines being added */
	struct store_session session;
	struct report_line *lines;
	char **owned; /* per line: its text, or NULL */
	size_t nlines, cap;
	struct canvas *canvases[REPORT_CANVASES_MAX];
	int ncanvases;
};

/* Appends a line; owned (may be NULL) is freed with the report, or at
 * once on failure.  -1 when out of memory. */
int report_push(struct report *r, struct report_line *l, char *owned);

/* An empty line. */
int report_blank(struct report *r);

/* Adds text wrapped to the report's width: the first line starts with
 * prefix, the others with indent; line breaks in text start new lines. */
int report_add_wrapped(struct report *r, enum canvas_style style,
		       const char *prefix, const char *indent,
		       const char *text);

/* The same with printf formatting (at most 2 KiB). */
int report_addf(struct report *r, enum canvas_style style,
		const char *prefix, const char *indent, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Starts a section: a blank line (except at the top) and the title. */
int report_heading(struct report *r, enum report_section sec,
		   const char *title);

/* Adds the rows of a chart (the report takes the canvas, also on
 * failure); trailing blank rows are dropped. */
int report_add_canvas(struct report *r, struct canvas *c);

#endif
