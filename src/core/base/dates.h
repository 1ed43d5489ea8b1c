/* dates.h - timestamps and due dates.
 *
 * Stored times are UTC ISO 8601 with seconds and a Z: "2026-11-23T09:30:00Z"
 * (DATES_TS_SIZE bytes with the NUL).  Days are "YYYY-MM-DD" in the
 * user's local time zone (DATES_DAY_SIZE).
 *
 * Test hook: OWNIT_TODAY=YYYY-MM-DD in the environment fixes "today", and
 * "now" becomes that day at 12:00:00 UTC, so date-relative output is
 * stable.  A malformed OWNIT_TODAY is ignored.
 */
#ifndef OWNIT_DATES_H
#define OWNIT_DATES_H

#include <stddef.h>

#include "core/base/error.h"

#define DATES_TS_SIZE 21  /* "2026-11-23T09:30:00Z" */
#define DATES_DAY_SIZE 11 /* "2026-11-23" */
#define DATES_LOCAL_SIZE 26 /* "2026-11-23T10:30:00+01:00" */

/* The current time, UTC. */
void dates_now(char buf[DATES_TS_SIZE]);

/* Today's local date. */
void dates_today(char buf[DATES_DAY_SIZE]);

/* 1 when s is a real calendar day "YYYY-MM-DD" (2026-02-30 is not). */
int dates_valid_day(const char *s);

/* 1 when s is a stored timestamp "YYYY-MM-DDTHH:MM:SSZ" with a valid day
 * and time. */
int dates_valid_ts(const char *s);

/* day plus n days (n may be negative) into out.  day must be valid. */
int dates_add_days(const char *day, int n, char out[DATES_DAY_SIZE],
		   struct error *err);

/* Days from a to b (b - a); both must be valid days. */
long dates_diff_days(const char *a, const char *b);

/* Day of the week of a valid day: 0 Monday ... 6 Sunday. */
int dates_weekday(const char *day);

/* Parses a due date as a user types it, relative to today (a valid day,
 * normally from dates_today):
 *   YYYY-MM-DD   that day (a real calendar day)
 *   today        today
 *   +Nd, +Nw     N days or weeks from today (N from 1 to 3650 days)
 *   mon .. sun   the next such day after today (also full names)
 * Letter case and surrounding blanks do not matter.  Past days are
 * accepted only in the YYYY-MM-DD form (recording an old commitment).
 * On bad input returns -1 with an ERROR_INPUT message quoting it. */
int dates_parse_due(const char *in, const char *today,
		    char out[DATES_DAY_SIZE], struct error *err);

/* The example due date the screens and messages show beside the forms
 * they take: a week after today (a valid day), so an example typed as
 * shown is always accepted.  An invalid today gives an empty string. */
void dates_due_example(const char *today, char out[DATES_DAY_SIZE]);

/* As dates_parse_due, for a commitment being made or renegotiated now:
 * a YYYY-MM-DD before today is refused too, with the same message as
 * the other past forms.  (Import keeps dates_parse_due's leniency, as
 * history has old due dates.) */
int dates_parse_due_ahead(const char *in, const char *today,
			  char out[DATES_DAY_SIZE], struct error *err);

/* A stored UTC timestamp in local time with its offset
 * ("2026-11-23T10:30:00+01:00"), for export. */
int dates_local_iso(const char *utc, char out[DATES_LOCAL_SIZE],
		    struct error *err);

/* A stored UTC timestamp as a short local "2026-11-23 10:30", for
 * display; and its local day alone. */
int dates_local_display(const char *utc, char out[DATES_LOCAL_SIZE],
			struct error *err);
int dates_local_day(const char *utc, char out[DATES_DAY_SIZE],
		    struct error *err);

/* The UTC timestamp of 00:00 local time on a valid day (for comparing
 * stored times with a local --since/--until day). */
int dates_day_start_utc(const char *day, char out[DATES_TS_SIZE],
			struct error *err);

#endif
