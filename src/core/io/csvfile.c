/* csvfile.c - strict streaming CSV reader and minimal writer over libcsv. */
#include "config.h"

#include "core/io/csvfile.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/base/utext.h"

/* libcsv grows its field buffer by a fixed block; a large block keeps a
 * long field from costing thousands of reallocs (each a copy under ASan). */
#define FIELD_BLOCK (64 * 1024)
#define READ_CHUNK (64 * 1024)

/* Files in a legacy encoding come from a spreadsheet's default "Text CSV"
 * save, so the message says how to save UTF-8 instead. */
#define UTF8_HELP                                                         \
	"invalid UTF-8 in field: save the file as UTF-8 (LibreOffice Calc: " \
	"File > Save As, Text CSV, tick \"Edit filter settings\", "          \
	"character set \"Unicode (UTF-8)\"; Excel: Save As \"CSV UTF-8 "    \
	"(Comma delimited)\")"

enum reader_state { READING, STOPPED, FAILED };

struct csvfile_reader {
	struct csv_parser parser;
	char *name;
	csvfile_record_fn fn;
	void *ctx;
	struct error *err; /* the caller's, during a feed or finish */
	enum reader_state state;
	unsigned long line;     /* line being read: 1 + line feeds consumed */
	unsigned long rec_line; /* line the current record started on */
	unsigned char head[3];  /* bytes held back until the BOM is decided */
	size_t nhead;
	int head_done;
	char *bytes; /* the current record's fields, each NUL-terminated */
	size_t nbytes, bytes_cap;
	size_t *starts; /* offset of each field in bytes */
	size_t nfields, fields_cap;
	struct csvfile_field *fv; /* the record handed to fn */
	size_t fv_cap;
};

/* libcsv takes a plain function with no context, so the field cap is a
 * constant.  One byte over the cap is allowed so that a field of exactly
 * CSVFILE_FIELD_MAX bytes still leaves room for libcsv's look at the byte
 * that ends it; libcsv halves its request down to that byte on refusal. */
static void *capped_realloc(void *ptr, size_t size)
{
	if (size > (size_t)CSVFILE_FIELD_MAX + 1)
		return NULL;
	return realloc(ptr, size);
}

/* libcsv trims spaces and tabs around unquoted fields by default; a
 * spreadsheet writes "  x" back unquoted as often as not, so nothing counts
 * as a blank and every byte of a field is kept. */
static int no_blanks(unsigned char c)
{
	(void)c;
	return 0;
}

static unsigned long record_line(const struct csvfile_reader *r)
{
	return r->nfields ? r->rec_line : r->line;
}

/* Fails the reader with "NAME:LINE:COLUMN: message" at the current field. */
static void reader_fail(struct csvfile_reader *r, const char *what)
{
	r->state = FAILED;
	error_set(r->err, ERROR_INPUT, "%s:%lu:%zu: %s", r->name,
		  record_line(r), r->nfields + 1, what);
}

static void reader_oom(struct csvfile_reader *r)
{
	r->state = FAILED;
	error_errno(r->err, ERROR_RUNTIME, ENOMEM, "%s", r->name);
}

/* Eight bytes at a time: a 1 in every byte, and every byte's top bit. */
#define WORD_ONES UINT64_C(0x0101010101010101)
#define WORD_HIGHS UINT64_C(0x8080808080808080)

int csvfile_utf8_valid(const char *s, size_t len)
{
	/* Most of a file is ASCII: skip it eight bytes at a time, and check
	 * the rest from the word holding the first byte past 0x7f.  Every
	 * field of an import passes here, and the byte-wise check was 3% of
	 * its time. */
	size_t i = 0;
	for (uint64_t w; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & WORD_HIGHS)
			break;
	}
	return utext_valid(s + i, len - i);
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Whether one of the 8 bytes of w is zero. */
static int word_has_zero(uint64_t w)
{
	return ((w - WORD_ONES) & ~w & WORD_HIGHS) != 0;
}

enum field_fault { FIELD_OK, FIELD_NUL, FIELD_UTF8 };

/* What on_field must know of a field, in one pass over its ASCII run
 * rather than one pass per question: a NUL byte, invalid UTF-8, and the
 * line feeds in it (*lf).  Every field of an import passes here, and
 * four passes of their own (two memchr, the UTF-8 check and the copy)
 * were a tenth of its instructions.  From the first byte past 0x7f on,
 * the rest goes through the byte-wise checks. */
static enum field_fault field_scan(const char *f, size_t len,
				   unsigned long *lf)
{
	size_t i = 0;
	for (uint64_t w; i + 8 <= len; i += 8) {
		memcpy(&w, f + i, 8);
		if (w & WORD_HIGHS)
			break;
		if (word_has_zero(w))
			return FIELD_NUL;
		if (word_has_zero(w ^ (WORD_ONES * '\n')))
			for (int b = 0; b < 8; b++)
				*lf += f[i + (size_t)b] == '\n';
	}
	const char *rest = f + i;
	size_t n = len - i;
	if (memchr(rest, '\0', n))
		return FIELD_NUL;
	if (!csvfile_utf8_valid(rest, n))
		return FIELD_UTF8;
	for (const char *p = rest; (p = memchr(p, '\n', n - (size_t)(p - rest)));
	     p++)
		(*lf)++;
	return FIELD_OK;
}

static void on_field(void *s, size_t len, void *data)
{
	struct csvfile_reader *r = data;
	const char *f = s ? s : "";
	unsigned long lf = 0;
	if (r->state != READING)
		return;
	if (r->nfields == 0)
		r->rec_line = r->line;
	if (r->nfields >= CSVFILE_FIELDS_MAX) {
		reader_fail(r, "too many fields in one record");
		return;
	}
	/* Most fields of a detail export are empty: nothing to scan. */
	enum field_fault fault = len ? field_scan(f, len, &lf) : FIELD_OK;
	if (fault == FIELD_NUL) {
		reader_fail(r, "NUL byte in field");
		return;
	}
	if (fault == FIELD_UTF8) {
		reader_fail(r, UTF8_HELP);
		return;
	}
	if (r->nbytes + len + 1 > CSVFILE_RECORD_MAX) {
		reader_fail(r, "record too long");
		return;
	}
	if (grow((void **)&r->bytes, &r->bytes_cap, r->nbytes + len + 1, 1) ||
	    grow((void **)&r->starts, &r->fields_cap, r->nfields + 1,
		 sizeof *r->starts)) {
		reader_oom(r);
		return;
	}
	memcpy(r->bytes + r->nbytes, f, len);
	r->bytes[r->nbytes + len] = '\0';
	r->starts[r->nfields++] = r->nbytes;
	r->nbytes += len + 1;
	/* Line feeds inside a quoted field are lines of the file too. */
	r->line += lf;
}

static void deliver(struct csvfile_reader *r)
{
	/* Kept from record to record, like the bytes: a malloc per record
	 * showed in an import's profile. */
	if (grow((void **)&r->fv, &r->fv_cap, r->nfields, sizeof *r->fv)) {
		reader_oom(r);
		return;
	}
	struct csvfile_field *fv = r->fv;
	for (size_t i = 0; i < r->nfields; i++) {
		size_t end = i + 1 < r->nfields ? r->starts[i + 1] : r->nbytes;
		fv[i].data = r->bytes + r->starts[i];
		fv[i].len = end - r->starts[i] - 1;
	}
	struct csvfile_record rec = {
		.line = r->rec_line, .fields = fv, .nfields = r->nfields};
	int rc = r->fn(&rec, r->ctx, r->err);
	if (rc < 0)
		r->state = FAILED;
	else if (rc > 0)
		r->state = STOPPED;
}

static void on_row(int c, void *data)
{
	struct csvfile_reader *r = data;
	if (r->state != READING)
		return;
	if (r->nfields)
		deliver(r);
	r->nfields = 0;
	r->nbytes = 0;
	if (c == '\n')
		r->line++;
}

struct csvfile_reader *csvfile_reader_new(const char *name,
					  csvfile_record_fn fn, void *ctx,
					  struct error *err)
{
	struct csvfile_reader *r = calloc(1, sizeof *r);
	if (!r || !(r->name = strdup(name))) {
		free(r);
		error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", name);
		return NULL;
	}
	/* REPALL_NL reports blank lines as empty rows, so every line feed
	 * outside a quoted field reaches on_row and the line count holds. */
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI |
					 CSV_REPALL_NL) != 0) {
		free(r->name);
		free(r);
		error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", name);
		return NULL;
	}
	csv_set_space_func(&r->parser, no_blanks);
	csv_set_realloc_func(&r->parser, capped_realloc);
	csv_set_blk_size(&r->parser, FIELD_BLOCK);
	r->fn = fn;
	r->ctx = ctx;
	r->line = 1;
	return r;
}

void csvfile_reader_free(struct csvfile_reader *r)
{
	if (!r)
		return;
	csv_free(&r->parser);
	free(r->name);
	free(r->bytes);
	free(r->starts);
	free(r->fv);
	free(r);
}

/* Reports why libcsv stopped before the end of its input.  csv_error must
 * be read now: csv_fini would reset it. */
static void parse_failed(struct csvfile_reader *r)
{
	char msg[96];
	switch (csv_error(&r->parser)) {
	case CSV_EPARSE:
		reader_fail(r, "misplaced quote: quote the whole field and "
			       "double any quote inside it");
		break;
	case CSV_ENOMEM:
	case CSV_ETOOBIG:
		if (csv_get_buffer_size(&r->parser) >= CSVFILE_FIELD_MAX) {
			snprintf(msg, sizeof msg,
				 "field longer than %d bytes",
				 CSVFILE_FIELD_MAX);
			reader_fail(r, msg);
		} else {
			reader_oom(r);
		}
		break;
	default:
		reader_fail(r, "unreadable CSV");
		break;
	}
}

static int parse(struct csvfile_reader *r, const void *buf, size_t len)
{
	size_t done = csv_parse(&r->parser, buf, len, on_field, on_row, r);
	if (r->state == READING && done < len)
		parse_failed(r);
	return r->state == FAILED ? -1 : 0;
}

static const unsigned char bom[3] = {0xef, 0xbb, 0xbf};

/* Holds back the first three bytes until it is clear whether they are a
 * byte order mark, which is dropped. */
static int feed_head(struct csvfile_reader *r, const unsigned char **p,
		     size_t *len, int at_end)
{
	while (r->nhead < 3 && *len > 0) {
		r->head[r->nhead++] = **p;
		(*p)++;
		(*len)--;
	}
	if (r->nhead < 3 && !at_end)
		return 0;
	r->head_done = 1;
	if (r->nhead == 3 && memcmp(r->head, bom, 3) == 0)
		return 0;
	return parse(r, r->head, r->nhead);
}

int csvfile_reader_feed(struct csvfile_reader *r, const void *buf, size_t len,
			struct error *err)
{
	const unsigned char *p = buf;
	r->err = err;
	if (r->state == FAILED)
		return error_set(err, ERROR_INPUT, "%s: reading already failed",
				 r->name);
	if (r->state == STOPPED)
		return 0;
	if (!r->head_done && feed_head(r, &p, &len, 0) < 0)
		return -1;
	if (len == 0 || r->state != READING)
		return r->state == FAILED ? -1 : 0;
	return parse(r, p, len);
}

int csvfile_reader_finish(struct csvfile_reader *r, struct error *err)
{
	const unsigned char *p = NULL;
	size_t len = 0;
	r->err = err;
	if (r->state == FAILED)
		return error_set(err, ERROR_INPUT, "%s: reading already failed",
				 r->name);
	if (r->state == STOPPED)
		return 0;
	if (!r->head_done && feed_head(r, &p, &len, 1) < 0)
		return -1;
	if (r->state != READING)
		return r->state == FAILED ? -1 : 0;
	if (csv_fini(&r->parser, on_field, on_row, r) != 0) {
		if (csv_error(&r->parser) == CSV_EPARSE)
			reader_fail(r, "quoted field not closed before the end "
				       "of the file");
		else
			reader_fail(r, "unreadable CSV");
	}
	return r->state == FAILED ? -1 : 0;
}

int csvfile_read_mem(const char *name, const void *buf, size_t len,
		     csvfile_record_fn fn, void *ctx, struct error *err)
{
	struct csvfile_reader *r = csvfile_reader_new(name, fn, ctx, err);
	if (!r)
		return -1;
	int rc = csvfile_reader_feed(r, buf, len, err);
	if (rc == 0)
		rc = csvfile_reader_finish(r, err);
	csvfile_reader_free(r);
	return rc;
}

int csvfile_read_stream(const char *name, FILE *fp, csvfile_record_fn fn,
			void *ctx, struct error *err)
{
	struct csvfile_reader *r = csvfile_reader_new(name, fn, ctx, err);
	if (!r)
		return -1;
	char *buf = malloc(READ_CHUNK);
	int rc = buf ? 0 : error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", name);
	while (rc == 0) {
		size_t n = fread(buf, 1, READ_CHUNK, fp);
		if (n > 0)
			rc = csvfile_reader_feed(r, buf, n, err);
		if (rc == 0 && n < READ_CHUNK) {
			if (ferror(fp))
				rc = error_errno(err, ERROR_RUNTIME, errno,
						 "%s: read failed", name);
			else
				rc = csvfile_reader_finish(r, err);
			break;
		}
	}
	free(buf);
	csvfile_reader_free(r);
	return rc;
}

FILE *csvfile_open(const char *path, struct error *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		error_errno(err, errno == ENOMEM ? ERROR_RUNTIME : ERROR_INPUT,
			    errno, "%s", path);
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		error_set(err, ERROR_INPUT,
			  "%s: that is a folder; name a CSV file", path);
		return NULL;
	}
	return fp;
}

int csvfile_read_path(const char *path, csvfile_record_fn fn, void *ctx,
		      struct error *err)
{
	FILE *fp = csvfile_open(path, err);
	if (!fp)
		return -1;
	int rc = csvfile_read_stream(path, fp, fn, ctx, err);
	fclose(fp);
	return rc;
}

/* ------------------------------------------------------------ writer */

void csvfile_writer_init(struct csvfile_writer *w, FILE *fp)
{
	w->fp = fp;
	w->nfields = 0;
	w->len = 0;
}

static int write_failed(struct error *err)
{
	return error_errno(err, ERROR_RUNTIME, errno, "cannot write CSV");
}

int csvfile_writer_flush(struct csvfile_writer *w, struct error *err)
{
	if (w->len && fwrite(w->buf, 1, w->len, w->fp) != w->len)
		return write_failed(err);
	w->len = 0;
	return 0;
}

/* Appends len bytes; room is made by flushing first. */
static int put_bytes(struct csvfile_writer *w, const char *s, size_t len,
		     struct error *err)
{
	if (len > sizeof w->buf - w->len && csvfile_writer_flush(w, err))
		return -1;
	if (len > sizeof w->buf)
		return fwrite(s, 1, len, w->fp) == len ? 0 : write_failed(err);
	memcpy(w->buf + w->len, s, len);
	w->len += len;
	return 0;
}

/* Appends s quoted: at most 2 * len + 2 bytes. */
static int put_quoted(struct csvfile_writer *w, const char *s, size_t len,
		      struct error *err)
{
	size_t most = 2 * len + 2;
	if (most > sizeof w->buf - w->len && csvfile_writer_flush(w, err))
		return -1;
	if (most > sizeof w->buf)
		return csv_fwrite(w->fp, s, len) == 0 ? 0 : write_failed(err);
	w->len += csv_write(w->buf + w->len, sizeof w->buf - w->len, s, len);
	return 0;
}

int csvfile_needs_quotes(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	/* Many readers drop blanks around unquoted fields, and a spreadsheet
	 * splits on ';' and tab as readily as on ','. */
	if (s[0] == ' ' || s[len - 1] == ' ')
		return 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] && strchr(",;\t\"\r\n", s[i]))
			return 1;
	return 0;
}

/* An empty first field is quoted: a row of one empty field would
 * otherwise be a blank line, which readers skip. */
static int must_quote(const struct csvfile_writer *w, const char *s,
		      size_t len)
{
	return csvfile_needs_quotes(s, len) || (len == 0 && w->nfields == 0);
}

/* Writes one field, quoted when needed or when quote is set. */
static int write_field(struct csvfile_writer *w, const char *s, size_t len,
		       int quote, struct error *err)
{
	if (w->nfields > 0 && put_bytes(w, ",", 1, err))
		return -1;
	int rc = quote || must_quote(w, s, len) ? put_quoted(w, s, len, err)
						: put_bytes(w, s, len, err);
	if (rc)
		return -1;
	w->nfields++;
	return 0;
}

size_t csvfile_format_field(char *dest, size_t size, const char *s,
			    size_t len)
{
	size_t n;
	if (csvfile_needs_quotes(s, len)) {
		n = csv_write(dest, size ? size - 1 : 0, s, len);
	} else {
		n = len;
		if (size)
			memcpy(dest, s, len < size - 1 ? len : size - 1);
	}
	if (size)
		dest[n < size - 1 ? n : size - 1] = '\0';
	return n;
}

int csvfile_write_field(struct csvfile_writer *w, const char *s, size_t len,
			struct error *err)
{
	return write_field(w, s, len, 0, err);
}

int csvfile_write_quoted(struct csvfile_writer *w, const char *s, size_t len,
			 struct error *err)
{
	return write_field(w, s, len, 1, err);
}

int csvfile_write_end(struct csvfile_writer *w, struct error *err)
{
	w->nfields = 0;
	if (put_bytes(w, "\r\n", 2, err))
		return -1;
	return w->len >= CSVFILE_CHUNK ? csvfile_writer_flush(w, err) : 0;
}

int csvfile_write_row(struct csvfile_writer *w, const char *const *fields,
		      size_t n, struct error *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";
		if (csvfile_write_field(w, f, strlen(f), err) < 0)
			return -1;
	}
	return csvfile_write_end(w, err);
}
