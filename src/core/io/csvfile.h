/* csvfile.h - reading and writing CSV files (RFC 4180) through libcsv.
 *
 * The only module that knows libcsv.  The reader streams: it is fed bytes
 * in pieces of any size and calls back once per record, so a file of any
 * length is read in constant memory (one record at a time).  It is strict:
 * a stray quote, an unterminated quoted field, a NUL byte, invalid UTF-8,
 * a field longer than CSVFILE_FIELD_MAX or a record past the limits below
 * stops reading with "NAME:LINE:COLUMN: message", where LINE is the line
 * the record starts on and COLUMN the 1-based field number.  A UTF-8 byte
 * order mark at the very start is skipped.  Blank lines are skipped.
 * Every field keeps every byte, quoted or not: blanks around an unquoted
 * field are data (libcsv would trim them; a spreadsheet writes "  x" back
 * unquoted).
 *
 * The writer quotes a field when any common reader could split or trim
 * it: a comma, semicolon, tab, quote, CR or LF anywhere, or a leading or
 * trailing space (spreadsheets guess ',' ';' or tab as the separator).
 * It ends rows with CRLF.
 */
#ifndef OWNIT_CSVFILE_H
#define OWNIT_CSVFILE_H

#include <stddef.h>
#include <stdio.h>

#include "core/base/error.h"

#define CSVFILE_FIELD_MAX (1024 * 1024)     /* bytes in one field */
#define CSVFILE_RECORD_MAX (8 * 1024 * 1024) /* bytes in one record */
#define CSVFILE_FIELDS_MAX 1024              /* fields in one record */

/* A field: len bytes of valid UTF-8 without NUL, with data[len] == '\0'. */
struct csvfile_field {
	const char *data;
	size_t len;
};

/* A record, valid only during the callback. */
struct csvfile_record {
	unsigned long line; /* where the record starts, 1-based */
	const struct csvfile_field *fields;
	size_t nfields; /* at least 1 */
};

/* Called once per record.  Returns 0 to go on, 1 to stop reading without
 * error, -1 to stop with err filled in (the reader then returns -1). */
typedef int (*csvfile_record_fn)(const struct csvfile_record *rec, void *ctx,
				 struct error *err);

struct csvfile_reader;

/* A reader for a source called name (used in messages). */
struct csvfile_reader *csvfile_reader_new(const char *name,
					  csvfile_record_fn fn, void *ctx,
					  struct error *err);

/* Parses the next len bytes.  Returns 0, or -1 when reading stopped on an
 * error (later calls then fail at once).  Returns 0 but reads no further
 * once the callback asked to stop. */
int csvfile_reader_feed(struct csvfile_reader *r, const void *buf, size_t len,
			struct error *err);

/* Ends the input: delivers a last record without line break and reports
 * an unterminated quoted field.  Returns 0 or -1. */
int csvfile_reader_finish(struct csvfile_reader *r, struct error *err);

/* Frees a reader (NULL is fine). */
void csvfile_reader_free(struct csvfile_reader *r);

/* Whole-source helpers on top of the reader. */
int csvfile_read_mem(const char *name, const void *buf, size_t len,
		     csvfile_record_fn fn, void *ctx, struct error *err);
int csvfile_read_stream(const char *name, FILE *fp, csvfile_record_fn fn,
			void *ctx, struct error *err);
/* Opens path for reading as CSV: NULL with err set (ERROR_INPUT naming
 * the path) when it cannot be opened or is a folder, which fopen accepts
 * and only the first read refuses. */
FILE *csvfile_open(const char *path, struct error *err);

/* Opens path (named as given in messages); a missing or unreadable file is
 * ERROR_INPUT, a read failure ERROR_RUNTIME. */
int csvfile_read_path(const char *path, csvfile_record_fn fn, void *ctx,
		      struct error *err);

/* A writer of rows to a stream.  Rows end with CRLF.  Fields are quoted
 * into the writer's own buffer, which goes to the stream in chunks of
 * CSVFILE_CHUNK bytes or more (a field of any size still fits: a larger
 * one is written straight through); call csvfile_writer_flush after the
 * last row. */
#define CSVFILE_CHUNK (32 * 1024)
struct csvfile_writer {
	FILE *fp;
	size_t nfields; /* fields written in the current row */
	size_t len;     /* bytes waiting in buf */
	char buf[2 * CSVFILE_CHUNK];
};

void csvfile_writer_init(struct csvfile_writer *w, FILE *fp);

/* Hands what is buffered to the stream (not fflush: the stream keeps its
 * own buffering). */
int csvfile_writer_flush(struct csvfile_writer *w, struct error *err);

/* Writes one field of len bytes, quoting it when needed. */
int csvfile_write_field(struct csvfile_writer *w, const char *s, size_t len,
			struct error *err);

/* Writes one field of len bytes, always quoted (so a reader takes it for
 * text whatever it holds). */
int csvfile_write_quoted(struct csvfile_writer *w, const char *s, size_t len,
			 struct error *err);

/* Ends the current row. */
int csvfile_write_end(struct csvfile_writer *w, struct error *err);

/* Writes n NUL-terminated fields (NULL = empty) and ends the row. */
int csvfile_write_row(struct csvfile_writer *w, const char *const *fields,
		      size_t n, struct error *err);

/* 1 when a field of these bytes must be quoted. */
int csvfile_needs_quotes(const char *s, size_t len);

/* Formats one field as it would be written into dest (size bytes,
 * NUL-terminated when size > 0); returns the length the field needs, not
 * counting the NUL, like snprintf. */
size_t csvfile_format_field(char *dest, size_t size, const char *s,
			    size_t len);

/* 1 when s[0..len) is valid UTF-8 (no overlongs, surrogates or code
 * points past U+10FFFF). */
int csvfile_utf8_valid(const char *s, size_t len);

#endif
