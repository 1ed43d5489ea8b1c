/* report_int.h - what report.c and report_text.c share. */
#ifndef OWNIT_REPORT_INT_H
#define OWNIT_REPORT_INT_H

#include <stdarg.h>
#include <stdio.h>

#include "core/base/dates.h"
#include "core/report/report.h"
#include "core/coaching/sessionfacts.h"

#define REPORT_CANVASES_MAX 4

struct report {
	int width;
	enum canvas_mode mode;
	char dot[8]; /* " · " as the mode has it (report_dot) */
	int radar_rows; /* see report_options */
	unsigned sections;	     /* see report_options */
	enum report_compare compare; /* see report_options */
	int beside;		     /* see report_options */
	int has_prev; /* report_has_previous */
	int has_team; /* report_has_team */
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

/* What building one report needs (report.c and report_advice.c). */
struct build {
	struct report *r;
	struct store *s;
	const struct content *c;
	struct sessionfacts cur, prev;
	int has_prev;
	int regulated; /* the person works in a regulated setting */
	char prev_day[DATES_DAY_SIZE];
	/* The team's evidence per pillar (NAN where withheld) and its
	 * legend, when r->has_team. */
	double *team;
	char team_name[64];
	/* Per red flag, the team's score and spread (NAN where withheld),
	 * when r->has_team. */
	double *team_flag, *team_spread;
	struct error *err;
};

/* Whether the radar compares with the previous session: asked for, and
 * that session has ratings to compare with. */
int report_compares_previous(const struct build *b);

/* Whether the radar compares with the team's view. */
int report_compares_team(const struct build *b);

/* Sets err to out of memory; returns -1. */
int report_nomem(struct build *b);

/* The separator dot that exists in the report's mode. */
const char *report_dot(const struct report *r);

/* The strongest signals with their advice, and the rating against the
 * reported behaviour (report_advice.c). */
int report_sec_signals(struct build *b);
int report_sec_gap(struct build *b);

/* The sections of the options' mask among the red flags, the radar,
 * the signals and the gap, laid out for the width (report_charts.c). */
int report_sec_charts(struct build *b);
/* The team's view beside the leader's (report_team.c). */
int report_sec_team(struct build *b);

#endif
