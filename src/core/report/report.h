/* report.h - one session on one page, for `ownit report` and the TUI.
 *
 * A report is built once from the store and the content, for a width and
 * a canvas mode, and is then a list of lines.  A line is either text with
 * one style, or one row of a chart canvas (the red-flag bars, the radar).
 * The command line renders the lines as plain text (optionally with ANSI
 * colour); the TUI summary screen walks the same lines and draws text
 * with the style's attribute and chart rows cell by cell (canvas_get), so
 * both show the very same content and scrolling is just an offset into
 * the list.
 *
 * Sections, in order (a section with nothing to say is left out, except
 * the header):
 *   header        person, date, kind, coach, regulated setting, status,
 *                 content version
 *   followup      results of earlier commitments reviewed in the session
 *   flags         red-flag bars with bands and scores
 *   radar         the pillar radar against the previous session (or the
 *                 red-flag evidence when there is none), and its numbers
 *   signals       the strongest signals outside the healthy band, each
 *                 with its summary, the pillars it points to, the
 *                 practices with their actions and the ranked
 *                 self-checks (report_signals, content_checks_for_flag)
 *   gap           rating vs reported behaviour, pillar by pillar, a
 *                 large difference marked in either direction
 *   ladder        the situation, the climb rung by rung
 *   commitments   made in this session
 *   notes         the session's note
 *   team          the team round nearest the session beside the
 *                 leader's figures (teamview.h), no figure below the
 *                 threshold
 *
 * Every piece of user text (names, notes, answers) is sanitised: control
 * characters never reach the terminal, and text is wrapped (or cut) by
 * display width, so no line is wider than the report's width.
 */
#ifndef OWNIT_REPORT_H
#define OWNIT_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/chart/canvas.h"
#include "core/chart/charts.h"
#include "core/content/content.h"
#include "core/base/error.h"
#include "core/coaching/score.h"
#include "core/store/store.h"

#define REPORT_WIDTH_DEFAULT 80
#define REPORT_WIDTH_MIN 40
#define REPORT_WIDTH_MAX 400

enum report_section {
	REPORT_SEC_HEADER,
	REPORT_SEC_FOLLOWUP,
	REPORT_SEC_FLAGS,
	REPORT_SEC_RADAR,
	REPORT_SEC_SIGNALS,
	REPORT_SEC_GAP,
	REPORT_SEC_LADDER,
	REPORT_SEC_COMMITMENTS,
	REPORT_SEC_NOTES,
	REPORT_SEC_TEAM,
	REPORT_SEC_COUNT
};

/* What the radar compares this session's ratings with. */
enum report_compare {
	REPORT_COMPARE_PREVIOUS = 0, /* the person's previous session (see
				      * report_build), or the red-flag
				      * evidence when it has no ratings */
	REPORT_COMPARE_EVIDENCE,     /* the red-flag evidence */
	REPORT_COMPARE_TEAM,         /* the team's view from the round
				      * beside the session (teamview.h),
				      * when its figures may be shown */
};

/* Where a screen lays the charts side by side with the advice. */
#define REPORT_WIDE 120

/* A mask bit of report_options.sections. */
#define REPORT_SECTION(sec) (1u << (sec))

struct report_options {
	int width;             /* columns, REPORT_WIDTH_MIN..MAX; 0: default */
	enum canvas_mode mode; /* CANVAS_UTF8 or CANVAS_ASCII */
	int radar_rows;        /* rows the radar and its heading may take,
				* so a screen sees it whole; 0: no limit.
				* Never below the radar's own minimum. */
	unsigned sections;     /* REPORT_SECTION() bits of the sections to
				* build, header included; 0: all */
	enum report_compare compare;
	int beside;            /* lay out for a screen: from 76 columns the
				* red-flag bars beside the radar, from
				* REPORT_WIDE the radar's numbers, the
				* signals and the gap beside the radar and
				* the bars; print stacks every section */
};

/* One line of a report.  Text lines have canvas == NULL; text is already
 * sanitised for the mode and at most the report's width in columns.
 * Chart lines show row `row` of canvas (text is NULL); the canvas is
 * owned by the report.  style is what the line is (CANVAS_STYLE_TITLE for
 * section headings, _LABEL, _VALUE, _BAND_RED for a flagged gap, ...). */
struct report_line {
	enum report_section section;
	enum canvas_style style;
	const char *text;
	const struct canvas *canvas;
	int row;
};

struct report;

/* Builds the report of session id.  A session that does not exist is an
 * ERROR_INPUT naming the id; answers and ratings whose ids the content no
 * longer has are left out (and counted in a line of the header).
 * Returns NULL with err set on failure. */
struct report *report_build(struct store *s, const struct content *c,
			    int64_t session_id,
			    const struct report_options *opt,
			    struct error *err);

/* Frees a report (NULL is fine). */
void report_free(struct report *r);

/* The lines, 0 .. report_nlines - 1. */
size_t report_nlines(const struct report *r);
const struct report_line *report_line(const struct report *r, size_t i);

/* The width and mode the report was built for. */
int report_width(const struct report *r);

/* Whether the person has a session before this one with ratings (what
 * REPORT_COMPARE_PREVIOUS compares with): the last complete one started
 * before it, or when none is complete the last one started before it. */
int report_has_previous(const struct report *r);

/* Whether the team round beside the session may be shown, so that
 * REPORT_COMPARE_TEAM has something to compare with. */
int report_has_team(const struct report *r);

/* The session the report is about (its uuid, person, start). */
const struct store_session *report_session(const struct report *r);

/* Writes the whole report to fp, lines ending in "\n", trailing blanks
 * trimmed; with CANVAS_RENDER_COLOR in flags, styles become ANSI SGR
 * colours.  An output error is ERROR_RUNTIME. */
int report_write(const struct report *r, FILE *fp, unsigned flags,
		 struct error *err);

/* The same into a malloc'd string the caller frees. */
char *report_render(const struct report *r, unsigned flags,
		    struct error *err);

/* The red-flag bars of a scored session as the report draws them, for
 * screens that lay them out their own way: one per red flag of c in file
 * order, labelled with its title, NAN where the flag has no score, with
 * the amber and red thresholds of the content's flag bands.  bars has
 * room for c->nflags. */
void report_flag_bars(const struct content *c, const struct score_result *sr,
		      struct charts_bar *bars);

/* The strongest signals shown: the red flags of sr strongest first,
 * leaving out every flag in the healthy band (the lowest flag band of the
 * content), at most max indices into out.  Returns how many. */
#define REPORT_SIGNALS 2
size_t report_signals(const struct content *c, const struct score_result *sr,
		      size_t *out, size_t max);

/* The label of the healthy flag band ("Healthy"), or "" without bands. */
const char *report_healthy_label(const struct content *c);

/* Where a pillar's self-rating stands against its reported behaviour:
 * +1 well above it, -1 well below it (more than the content's gap
 * threshold apart), 0 close or not comparable. */
int report_gap_side(const struct score_pillar *p);

/* A check topic as people read it ("hero-trap" -> "Hero trap"), into
 * buf; returns buf. */
const char *report_topic_name(const char *topic, char *buf, size_t size);

/* Resolves what the user typed to name a session: a decimal id, a full
 * uuid, or an unambiguous uuid prefix (at least 4 hex digits).  Returns 1
 * and sets *id when found, 0 when no session matches (or the prefix is
 * ambiguous: then ERROR_INPUT says so and -1 is returned), -1 on error. */
int report_find_session(struct store *s, const char *what, int64_t *id,
			struct error *err);

#endif
