/* xlsxexport.h - sessions out to a native spreadsheet workbook (.xlsx).
 *
 * The only module that knows libxlsxwriter.  A workbook has no text-import
 * step to go wrong: every cell has its type (numbers are numbers, times
 * and days are date cells, text is text and never a formula), so nothing
 * depends on the reader's locale or separators.
 *
 * Sheets, each with a frozen header row:
 *   Sessions     one row per session, the columns of the summary CSV
 *   Answers      one row per red-flag answer
 *   Ratings      one row per pillar rating
 *   Commitments  one row per commitment made in the sessions
 *   Notes        one row per session note
 *   Radar        per person, the pillar ratings of their latest rated
 *                session, each drawn as a native radar chart
 * Times are local (a workbook cell has no zone), days are dates.
 *
 * It streams like the CSV export: libxlsxwriter's constant-memory mode
 * writes each row to a temporary file as soon as the next one starts, and
 * the sessions are read one at a time; only the Radar sheet's one row per
 * person is held.  The file is written beside the target and renamed over
 * it, so a failure leaves the target untouched.
 */
#ifndef OWNIT_XLSXEXPORT_H
#define OWNIT_XLSXEXPORT_H

#include <stddef.h>

#include "core/content/content.h"
#include "core/io/csvexport.h"
#include "core/base/error.h"
#include "core/store/store.h"

/* Writes the sessions selected by o (its filters; format, raw and bom do
 * not apply) to the workbook path.  Sets *rows (when not NULL) to the
 * number of sessions written.  Refuses the database itself as target
 * (ERROR_INPUT), like csvexport_write.  A text longer than a spreadsheet
 * cell holds (32767 characters) is ERROR_INPUT naming its record, never
 * cut short. */
int xlsxexport_write(struct store *s, const struct content *c,
		     const struct csvexport_options *o, const char *path,
		     size_t *rows, struct error *err);

#endif
