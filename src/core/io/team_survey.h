/* team_survey.h - team statements out to a forms tool, its answers back.
 *
 * A team that answers through Microsoft Forms, Google Forms or LimeSurvey
 * needs the statements to build the form (team_survey_print), and the
 * responses that tool exports read back into a round (team_survey_read).
 *
 * The responses file is CSV with a header row and one row per
 * respondent.  A header names a team statement by its id
 * ("vague-updates-1"), its code (the id without '-', for tools whose
 * question codes allow only letters and digits: "vagueupdates1"), its
 * wording, or the id or code, a '.', ':' or ')' and the wording; letter
 * case and blanks around it do not matter.  Every other column
 * (Timestamp, e-mail, LimeSurvey's id, submitdate, seed ...) is ignored:
 * its cells are never read into anything kept.  A cell is a value of the
 * frequency scale: its number (0..4), its label ("Often"), or both
 * ("3 - Often"); empty is not answered.
 *
 * The whole file is checked before anything is kept: every problem is
 * reported as "FILE:LINE:COLUMN: message", and the round is refused
 * unless it has at least the threshold of responses (team.h).
 */
#ifndef OWNIT_TEAM_SURVEY_H
#define OWNIT_TEAM_SURVEY_H

#include <stddef.h>
#include <stdio.h>

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/store/store.h"

enum team_survey_format {
	TEAM_SURVEY_TEXT, /* numbered statements with ids and the scale */
	TEAM_SURVEY_CSV,  /* id, code, statement: one row per statement */
};

/* Writes the asked team statements to fp.  ERROR_INPUT when the content
 * has none (a folder from before team rounds), ERROR_RUNTIME on a write
 * failure. */
int team_survey_print(const struct content *c, enum team_survey_format fmt,
		      FILE *fp, struct error *err);

/* The code of a statement id: the id without '-' (into buf, size
 * bytes). */
void team_survey_code(const char *id, char *buf, size_t size);

/* A responses file read into counts, ready for store_team_round_put. */
struct team_survey {
	unsigned responses; /* rows with at least one answer */
	struct store_team_tally *tallies; /* item and statement borrowed
					     from the content */
	size_t ntallies;
	size_t statements; /* statement columns found */
	size_t ignored;    /* other columns, left unread */
	size_t blank_rows; /* rows with no answer at all, not counted */
};

/* Reads the responses file at path (name used in messages).  Each
 * problem is passed to problem (may be NULL) as one line; then, if there
 * were any, returns -1 with err summing them up (ERROR_INPUT).  A round
 * below min responses is refused the same way.  System failures are
 * ERROR_RUNTIME.  Free out with team_survey_free whatever the return. */
int team_survey_read(const struct content *c, const char *path, FILE *fp,
		     unsigned min,
		     void (*problem)(const char *line, void *ud), void *ud,
		     struct team_survey *out, struct error *err);

void team_survey_free(struct team_survey *s);

#endif
