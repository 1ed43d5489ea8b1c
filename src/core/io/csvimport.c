/* csvimport.c - a detail export read back, checked and merged.
 *
 * One pass: each record is checked as it arrives from the parser (which
 * runs on a thread of its own, csvimport_pipe.c) and, while the file is
 * still clean, written into the open transaction.  After the first
 * problem nothing more is written, but checking goes on so the user gets
 * every problem at once; the transaction is then rolled back.  Rows are
 * written through the store's usual functions (the same checks as the
 * screens), except the few the store offers for import.
 *
 * Memory stays flat whatever the file's size: a record is let go once
 * merged, what must be remembered across records lives in temporary
 * tables paged to a file (store_import.h), and the follow-ups waiting
 * for a later session are linked pair by pair.  What still grows is
 * SQLite's index of the write-ahead log (the -shm file, mapped into the
 * process), 8 bytes per database page the transaction writes: 1.5 MiB
 * for 100,000 sessions.  It is the price of all-or-nothing: committing
 * in slices would let the log be checkpointed, but a failure or a kill
 * half-way would leave half a file imported.
 */
#include "config.h"

#include "core/io/csvimport.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/csvfile.h"
#include "core/io/csvimport_int.h"
#include "core/store/store_export.h"
#include "core/store/store_import.h"

void csvimport_vproblem(struct imp *im, const char *where, const char *fmt,
			va_list ap)
{
	char msg[ERROR_MSG_MAX + 256];
	int n = snprintf(msg, sizeof msg, "%s:%s: ", im->name, where);
	if (n > 0 && (size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	im->problems++;
	if (im->diag)
		im->diag(msg, im->ud);
}

void csvimport_problem(struct imp *im, unsigned long line, const char *fmt, ...)
{
	char where[24];
	snprintf(where, sizeof where, "%lu", line);
	va_list ap;
	va_start(ap, fmt);
	csvimport_vproblem(im, where, fmt, ap);
	va_end(ap);
}

/* Input problems are the row's; anything else ends the import. */
int csvimport_store_problem(struct imp *im, unsigned long line, struct error *e)
{
	if (e->kind == ERROR_INPUT) {
		csvimport_problem(im, line, "%s", e->msg);
		return 0;
	}
	*im->err = *e;
	im->failed = 1;
	return -1;
}

/* ------------------------------------------------------------- records */

static int check_header(struct imp *im, const struct csvfile_record *rec)
{
	im->header_seen = 1;
	size_t n = rec->nfields;
	if (n < CSVEXPORT_DETAIL_COLUMNS_MIN)
		n = CSVEXPORT_DETAIL_COLUMNS_MIN;
	if (n > CSVEXPORT_DETAIL_COLUMNS)
		n = CSVEXPORT_DETAIL_COLUMNS;
	for (size_t i = 0; i < n; i++) {
		const char *got = i < rec->nfields ? rec->fields[i].data : "";
		if (i >= rec->nfields ||
		    strcmp(got, csvexport_detail_header[i]) != 0) {
			csvimport_problem(
			    im, rec->line,
			    "not an `ownit export --detail` "
			    "file: header column %zu is \"%.40s\", "
			    "expected \"%s\"",
			    i + 1, got, csvexport_detail_header[i]);
			return 1;
		}
	}
	if (rec->nfields > CSVEXPORT_DETAIL_COLUMNS) {
		csvimport_problem(im, rec->line,
				  "not an `ownit export --detail` file: "
				  "the header has %zu columns, expected %d",
				  rec->nfields, CSVEXPORT_DETAIL_COLUMNS);
		return 1;
	}
	im->ncols = n;
	return 0;
}

static int on_record(const struct csvfile_record *rec, void *ctx,
		     struct error *err)
{
	struct imp *im = ctx;
	(void)err;
	if (!im->header_seen)
		return check_header(im, rec);
	im->n->rows++;
	if (rec->nfields != im->ncols) {
		csvimport_problem(im, rec->line, "%zu fields, expected %zu",
				  rec->nfields, im->ncols);
		return 0;
	}
	/* Columns an older export did not have read as empty. */
	struct row r = {.line = rec->line};
	for (size_t c = 0; c < CSVEXPORT_DETAIL_COLUMNS; c++)
		r.f[c] = c < im->ncols ? rec->fields[c].data : "";
	int t;
	for (t = 0; t < R_COUNT; t++)
		if (strcmp(r.f[DCOL_RECORD], csvimport_rtypes[t].name) == 0)
			break;
	if (t == R_COUNT) {
		csvimport_problem(im, rec->line,
				  "unknown record type \"%.40s\"",
				  r.f[DCOL_RECORD]);
		return 0;
	}
	r.type = (enum rtype)t;
	/* A person or session row ends the session above it. */
	if ((r.type == R_PERSON || r.type == R_SESSION ||
	     r.type == R_TEAM_ROUND) &&
	    csvimport_block_end(im))
		return -1;
	if (csvimport_check_row(im, &r)) {
		if (r.type == R_TEAM_ROUND) {
			snprintf(im->team_round_uuid,
				 sizeof im->team_round_uuid, "%s",
				 r.f[DCOL_UUID]);
			im->team_round_bad = 1;
		}
		/* A person not taken is still one the rows below may name:
		 * remembered as not written, they are checked without a
		 * problem of their own for each. */
		if (r.type == R_PERSON && r.f[DCOL_UUID][0]) {
			uint64_t d[2];
			csvimport_row_digest(&r, NULL, d);
			if (csvimport_dup_remember(
				im, DUP_PERSON, r.f[DCOL_UUID], r.line, 0, d))
				return -1;
		}
		if (r.type == R_SESSION) {
			/* Its rows are checked against it, not written. */
			snprintf(im->session_uuid, sizeof im->session_uuid,
				 "%s", r.f[DCOL_UUID]);
			im->session_bad = 1;
			csvimport_once_clear(&im->once);
		}
		return 0;
	}
	int writing = im->problems == 0;
	return csvimport_apply_row(im, &r, writing) < 0 ? -1 : 0;
}

static int run(struct store *s, const char *name, csvimport_feed_fn feed,
	       void *src, csvimport_diag_fn diag, void *ud,
	       struct csvimport_counts *counts, struct error *err)
{
	struct csvimport_counts local = {0};
	struct imp im = {.s = s,
			 .name = name,
			 .diag = diag,
			 .ud = ud,
			 .n = counts ? counts : &local,
			 .err = err};
	memset(im.n, 0, sizeof *im.n);
	struct store_import_undo undo;
	if (store_import_begin(s, &undo, err) || store_tx_begin(s, err)) {
		store_import_end(s, &undo);
		return -1;
	}
	struct error perr = {0};
	int rc = csvimport_pipe(name, feed, src, on_record, &im, &perr);
	csvimport_once_free(&im.once);
	csvimport_team_reset(&im);
	csvimport_once_free(&im.team_once);
	free(im.team_sums);
	if (rc < 0 && !im.failed) {
		if (perr.kind == ERROR_RUNTIME) {
			error_set(err, ERROR_RUNTIME, "%s: %s", name, perr.msg);
			im.failed = 1;
		} else {
			/* A CSV syntax error: reading cannot go on. */
			im.problems++;
			if (diag)
				diag(perr.msg, ud);
		}
	}
	if (!im.failed && csvimport_block_end(&im))
		im.failed = 1;
	if (!im.failed && !im.problems && !im.header_seen)
		csvimport_problem(&im, 1, "empty file: no header row");
	if (!im.failed && !im.problems && store_import_link_reviews(s, err))
		im.failed = 1;
	if (im.failed || im.problems) {
		store_tx_rollback(s);
		store_import_end(s, &undo);
		if (!im.failed)
			error_set(err, ERROR_INPUT,
				  "%s: %zu %s; nothing was "
				  "imported",
				  name, im.problems,
				  im.problems == 1 ? "problem" : "problems");
		memset(im.n, 0, sizeof *im.n);
		return -1;
	}
	rc = store_tx_commit(s, err);
	store_import_end(s, &undo);
	return rc;
}

static int feed_stream(struct csvfile_reader *r, void *src, struct error *err)
{
	FILE *fp = src;
	char buf[64 * 1024];
	for (;;) {
		size_t n = fread(buf, 1, sizeof buf, fp);
		if (n && csvfile_reader_feed(r, buf, n, err))
			return -1;
		if (n < sizeof buf) {
			if (ferror(fp))
				return error_errno(err, ERROR_RUNTIME, errno,
						   "read failed");
			return csvfile_reader_finish(r, err);
		}
	}
}

struct mem_src {
	const void *buf;
	size_t len;
};

static int feed_mem(struct csvfile_reader *r, void *src, struct error *err)
{
	struct mem_src *m = src;
	if (csvfile_reader_feed(r, m->buf, m->len, err))
		return -1;
	return csvfile_reader_finish(r, err);
}

int csvimport_stream(struct store *s, const char *name, FILE *fp,
		     csvimport_diag_fn diag, void *ud,
		     struct csvimport_counts *counts, struct error *err)
{
	return run(s, name, feed_stream, fp, diag, ud, counts, err);
}

int csvimport_mem(struct store *s, const char *name, const void *buf,
		  size_t len, csvimport_diag_fn diag, void *ud,
		  struct csvimport_counts *counts, struct error *err)
{
	struct mem_src m = {buf, len};
	return run(s, name, feed_mem, &m, diag, ud, counts, err);
}
