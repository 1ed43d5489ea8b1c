/* csvexport.h - sessions out to CSV: summaries for spreadsheets, detail
 * for merging into another database.
 *
 * Two formats (the manual page lists every column):
 *
 *  - Summary: one row per session.  The flag_*, pillar_* and evidence_*
 *    columns follow the content's ids ('-' becomes '_'), so other content
 *    gets its own columns.  Scores have two decimals and a '.' whatever
 *    the locale (always two decimals, "3.20", so a column lines up);
 *    no score is an empty field; times are local ISO 8601 with their
 *    offset.  Unless raw, cells a spreadsheet would run as a formula
 *    (starting with = + - @ tab or CR) get a leading ', and so do the
 *    free-text cells (person, coach, content version, situation, notes)
 *    that csvexport_guard_needed says a spreadsheet would convert.
 *
 *  - Detail: one row per person, session, answer, rating, ladder, ladder
 *    step, commitment and note, then one per team round and per count of
 *    its answers (csvexport_team.h), the first column naming the record
 *    type;
 *    uuids and UTC times exactly as stored.  Every value a spreadsheet
 *    could evaluate or convert (csvexport_guard_needed) is written behind
 *    a ' and quoted, raw or not; csvimport removes one leading ' from
 *    every field, so the escape is exact (a value starting with ' is
 *    written with two).  csvimport reads it back, and an export of the
 *    imported database is byte for byte the same.
 *
 * Both are RFC 4180: commas, CRLF line ends, quotes doubled, fields with
 * a comma, semicolon, tab, quote, line break or leading/trailing space
 * quoted, UTF-8 with a BOM only when asked.
 *
 * Export streams: sessions are read one at a time in start order and
 * written through a buffered stream, so memory stays flat however many
 * sessions there are.  A file is written atomically: a temporary file in
 * the same folder, flushed to disk, then renamed over the target; on any
 * failure the target is untouched and the temporary file removed.
 */
#ifndef OWNIT_CSVEXPORT_H
#define OWNIT_CSVEXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/store/store.h"

enum csvexport_format {
	CSVEXPORT_SUMMARY,
	CSVEXPORT_DETAIL,
};

/* What to write.  Zero fields select everything: person_id 0 is everyone,
 * since/until NULL no limit ("YYYY-MM-DD", inclusive, local days),
 * session_id 0 no single session.  status is -1 for all, else an
 * enum store_status. */
struct csvexport_options {
	enum csvexport_format format;
	int64_t person_id;
	int64_t session_id; /* only this session (the TUI's summary screen) */
	const char *since;
	const char *until;
	int status;
	int raw; /* summary: no spreadsheet-safety prefix (detail ignores it) */
	int bom; /* start with a UTF-8 byte order mark */
	int people_only; /* detail: the person rows alone, no session (the
			  * import compares a stored person this way) */
};

/* Sets o to the defaults: summary, everything, status all. */
void csvexport_options_init(struct csvexport_options *o);

/* 1 when since and until (both set) leave no day between them: since is
 * the later.  Such options select nothing, which is a mistake to say, not
 * an empty file to write. */
int csvexport_range_empty(const struct csvexport_options *o);

/* Writes the export to path atomically, or to fp when path is NULL (fp is
 * flushed, not closed).  c is only read by the summary (NULL will do for
 * the detail).  Sets *rows (when not NULL) to the number of data
 * rows written, header not counted.  Failures name the file and the
 * cause: a missing folder is ERROR_INPUT; permission denied, a full disk
 * or any other system failure ERROR_RUNTIME. */
int csvexport_write(struct store *s, const struct content *c,
		    const struct csvexport_options *o, const char *path,
		    FILE *fp, size_t *rows, struct error *err);

/* Calls fn with the fields of each row (header left out) that the detail
 * export with options o would write, indexed by enum
 * csvexport_detail_col, unguarded and with "" for an empty field; no CSV
 * is made (the import compares stored records this way).  fn returns 0
 * to go on; anything else stops with -1. */
typedef int (*csvexport_row_fn)(const char *const *fields, void *ud);
int csvexport_detail_rows(struct store *s, const struct csvexport_options *o,
			  csvexport_row_fn fn, void *ud, struct error *err);

/* The character that keeps a spreadsheet from evaluating or converting a
 * cell; csvimport removes it. */
#define CSVEXPORT_GUARD '\''

/* 1 when a detail value must be written behind CSVEXPORT_GUARD: it starts
 * with the guard itself, or with an ASCII character other than a letter
 * (a formula, number, date, currency, error value or blank), is a
 * boolean word, starts with "Err:" or is a date led by a month name
 * ("May 1"); plain integers ("0", "42") come back unchanged and are left
 * alone. */
int csvexport_guard_needed(const char *v);

/* Refuses (ERROR_INPUT) an export target that is the database of s or
 * its -wal, -shm or -journal file, through any path or symlink. */
int csvexport_check_target(struct store *s, const char *path,
			   struct error *err);

/* Formats a score with two decimals and a '.' ("2.25") into buf, without
 * looking at the locale.  Returns buf. */
char *csvexport_decimal(double v, char buf[32]);

/* Calls cb for each session o selects (one session, or the filter), in
 * the order the exports write them; shared by the CSV and xlsx exports. */
int csvexport_each_session(struct store *s, const struct csvexport_options *o,
			   int (*cb)(const struct store_session *, void *),
			   void *ud, struct error *err);

/* The number of columns of the detail format, and its header names.
 * Columns are only ever added at the end; an import also reads a file
 * from an older ownit, whose header stops after the first
 * CSVEXPORT_DETAIL_COLUMNS_MIN of them (the later ones are then empty). */
#define CSVEXPORT_DETAIL_COLUMNS 33
#define CSVEXPORT_DETAIL_COLUMNS_MIN 26
extern const char *const csvexport_detail_header[CSVEXPORT_DETAIL_COLUMNS];

/* Columns of the detail format, by name. */
enum csvexport_detail_col {
	DCOL_RECORD,
	DCOL_UUID,
	DCOL_PERSON,
	DCOL_SESSION,
	DCOL_NAME,
	DCOL_ROLE,
	DCOL_TEAM,
	DCOL_ARCHIVED,
	DCOL_KIND,
	DCOL_COACH,
	DCOL_STATUS,
	DCOL_CONTENT_VERSION,
	DCOL_STEP,
	DCOL_ITEM,
	DCOL_VALUE,
	DCOL_TEXT,
	DCOL_NOTE,
	DCOL_START_RUNG,
	DCOL_REACHED_RUNG,
	DCOL_RUNG,
	DCOL_OWNER,
	DCOL_DUE,
	DCOL_REVIEWED_IN,
	DCOL_OBSTACLE,
	DCOL_TIME,
	DCOL_CLOSED,
	DCOL_NO_OCCASION, /* answers: 1 "no occasion / can't say", else 0 */
	DCOL_REGULATED,   /* person: 1 when working in a regulated setting */
	DCOL_HELPED,      /* commitment: what helped (kept) */
	DCOL_DIFFERENTLY, /* commitment: what will be done differently */
	DCOL_DAY,   /* team_round: its day, YYYY-MM-DD */
	DCOL_ROUND, /* team_tally: the uuid of its team round */
	DCOL_COUNT, /* team_round: responses; team_tally: members */
};

#endif
