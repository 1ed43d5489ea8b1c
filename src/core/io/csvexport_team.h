/* csvexport_team.h - the team columns at the end of the summary export
 * (and of the workbook's Sessions sheet, through csvexport_team_out).
 *
 * After the leader's own columns, each session row carries the team round
 * nearest the session (teamview.h): its day, label and responses, then
 * per red flag the team's score, its spread and the gap (team minus
 * leader), then per pillar the team's evidence and the gap (leader's
 * rating minus the team's).  A session whose person has no round leaves
 * them all empty; a round below the threshold (team.h) fills only day,
 * label and responses, never a figure.  Column names follow the content
 * ids ('-' becomes '_').
 */
#ifndef OWNIT_CSVEXPORT_TEAM_H
#define OWNIT_CSVEXPORT_TEAM_H

#include <stdint.h>

#include "core/content/content.h"
#include "core/io/csvfile.h"
#include "core/base/error.h"
#include "core/coaching/score.h"
#include "core/store/store.h"
#include "core/coaching/teamview.h"

/* Where the team columns go: the summary CSV and the workbook each give
 * one, so both have the same columns in the same order.  name is called
 * once per column, in order; the others once per session row: day and
 * label (NULL without a round or a label), responses (has 0 without a
 * round), then one figure per remaining column (has 0 for none).  Each
 * returns 0, or nonzero to stop with err set. */
struct csvexport_team_out {
	int (*name)(void *ud, const char *name, struct error *err);
	int (*day)(void *ud, const char *day, struct error *err);
	int (*label)(void *ud, const char *label, struct error *err);
	int (*responses)(void *ud, int has, unsigned n, struct error *err);
	int (*figure)(void *ud, int has, double v, struct error *err);
	void *ud;
};

/* The team columns' names. */
int csvexport_team_names(const struct content *c,
			 const struct csvexport_team_out *o, struct error *err);

/* The team cells of session ses, whose own result is self.  rounds keeps
 * the rounds read for earlier rows of the same export. */
int csvexport_team_values(struct store *s, struct teamview_cache *rounds,
			  const struct content *c,
			  const struct store_session *ses,
			  const struct score_result *self,
			  const struct csvexport_team_out *o,
			  struct error *err);

/* Writes the names of the team columns (the row is not ended). */
int csvexport_team_header(struct csvfile_writer *w, const struct content *c,
			  struct error *err);

/* Writes the team cells of session ses, whose own result is self; raw as
 * in csvexport_options (no safety prefix on the label).  rounds keeps the
 * rounds read for earlier rows of the same export. */
int csvexport_team_cells(struct csvfile_writer *w, struct store *s,
			 struct teamview_cache *rounds, const struct content *c,
			 const struct store_session *ses,
			 const struct score_result *self, int raw,
			 struct error *err);

/* The team rounds of person_id (0: everyone) whose day lies within
 * since..until (NULL: open), for the detail export: per round a
 * "team_round" row (uuid, person, content_version, text = label, day,
 * count = responses), then a "team_tally" row per statement and value
 * (round, item, text = the wording, value, count).  row writes one row of
 * CSVEXPORT_DETAIL_COLUMNS fields (NULL = empty). */
int csvexport_team_detail(struct store *s, int64_t person_id,
			  const char *since, const char *until,
			  int (*row)(const char *const *f, void *ud), void *ud,
			  struct error *err);

#endif
