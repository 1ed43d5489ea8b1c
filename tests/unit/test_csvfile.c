/* test_csvfile.c - the strict streaming CSV reader and the writer. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/csvfile.h"
#include "fixture.h"
#include "unit.h"

/* What the reader says about bytes that are not UTF-8. */
#define UTF8_MSG "invalid UTF-8 in field: save the file as UTF-8 (LibreOffice Calc: File > Save As, Text CSV, tick \"Edit filter settings\", character set \"Unicode (UTF-8)\"; Excel: Save As \"CSV UTF-8 (Comma delimited)\")"

/* Collects records as "LINE:field|field|...;" for easy comparison. */
struct sink {
	char text[4096];
	int stop_after; /* stop (1) or fail (-1) after this many, 0 = never */
	int fail;
	int count;
};

static int collect(const struct csvfile_record *rec, void *ctx,
		   struct error *err)
{
	struct sink *s = ctx;
	size_t n = strlen(s->text);
	n += (size_t)snprintf(s->text + n, sizeof s->text - n, "%lu:",
			      rec->line);
	for (size_t i = 0; i < rec->nfields; i++) {
		ck_assert_uint_eq(strlen(rec->fields[i].data),
				  rec->fields[i].len);
		n += (size_t)snprintf(s->text + n, sizeof s->text - n, "%s%s",
				      i ? "|" : "", rec->fields[i].data);
	}
	snprintf(s->text + n, sizeof s->text - n, ";");
	s->count++;
	if (s->stop_after && s->count == s->stop_after) {
		if (s->fail)
			return error_set(err, ERROR_INPUT, "stop here");
		return 1;
	}
	return 0;
}

static int read_str(const char *in, size_t len, struct sink *s,
		    struct error *e)
{
	memset(s->text, 0, sizeof s->text);
	error_clear(e);
	return csvfile_read_mem("t.csv", in, len, collect, s, e);
}

#define READ(lit, s, e) read_str(lit, sizeof lit - 1, s, e)

START_TEST(records_and_lines)
{
	struct sink s = {0};
	struct error e;
	const char in[] = "a,b\r\n\"x\ny\",z\n\n  \nlast, pad \t";
	ck_assert_int_eq(READ(in, &s, &e), 0);
	/* Blanks are data: a line of spaces is a record, a padded field
	 * keeps its padding. */
	ck_assert_str_eq(s.text, "1:a|b;2:x\ny|z;5:  ;6:last| pad \t;");
}
END_TEST

START_TEST(quoted_fields_keep_everything)
{
	struct sink s = {0};
	struct error e;
	const char in[] = "\" a \",\"say \"\"hi\"\"\",,\"\"\n";
	ck_assert_int_eq(READ(in, &s, &e), 0);
	ck_assert_str_eq(s.text, "1: a |say \"hi\"||;");
}
END_TEST

START_TEST(bom_skipped)
{
	struct sink s = {0};
	struct error e;
	const char in[] = "\xef\xbb\xbfid,name\n1,\xef\xbb\xbfkept\n";
	ck_assert_int_eq(READ(in, &s, &e), 0);
	ck_assert_str_eq(s.text, "1:id|name;2:1|\xef\xbb\xbfkept;");
}
END_TEST

/* Fed one byte at a time, the reader gives the same records and lines. */
START_TEST(streaming_byte_by_byte)
{
	const char in[] = "\xef\xbb\xbfid,\"multi\r\nline\"\r\n\r\nb,c\r\n";
	struct sink whole = {0}, bytes = {0};
	struct error e;
	ck_assert_int_eq(READ(in, &whole, &e), 0);
	struct csvfile_reader *r =
		csvfile_reader_new("t.csv", collect, &bytes, &e);
	ck_assert_ptr_nonnull(r);
	for (size_t i = 0; i < sizeof in - 1; i++)
		ck_assert_int_eq(csvfile_reader_feed(r, in + i, 1, &e), 0);
	ck_assert_int_eq(csvfile_reader_finish(r, &e), 0);
	csvfile_reader_free(r);
	ck_assert_str_eq(whole.text, "1:id|multi\r\nline;4:b|c;");
	ck_assert_str_eq(bytes.text, whole.text);
}
END_TEST

START_TEST(short_input_not_a_bom)
{
	struct sink s = {0};
	struct error e;
	ck_assert_int_eq(READ("ab", &s, &e), 0);
	ck_assert_str_eq(s.text, "1:ab;");
	ck_assert_int_eq(READ("", &s, &e), 0);
	ck_assert_str_eq(s.text, "");
}
END_TEST

START_TEST(nul_rejected)
{
	struct sink s = {0};
	struct error e;
	const char in[] = "a,b\nc,d\0e\n";
	ck_assert_int_eq(READ(in, &s, &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "t.csv:2:2: NUL byte in field");
}
END_TEST

START_TEST(bad_utf8_rejected)
{
	struct sink s = {0};
	struct error e;
	ck_assert_int_eq(READ("a\n\"x\ny\",\xc3\x28\n", &s, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:2:2: " UTF8_MSG);
	ck_assert_str_eq(s.text, "1:a;");
}
END_TEST

/* Long fields are scanned eight bytes at a time: line feeds, a NUL and
 * a bad byte are found wherever they sit in a word, and before or after
 * the first non-ASCII byte. */
START_TEST(long_fields_scanned_at_every_offset)
{
	struct sink s = {0};
	struct error e;
	char in[96], want[96];
	for (size_t at = 0; at < 24; at++) {
		/* Two line feeds in one word and one more past it. */
		memset(in, 'x', 40);
		memcpy(in, "\"", 1);
		in[1 + at] = '\n';
		in[2 + at] = '\n';
		in[12 + at] = '\n';
		memcpy(in + 40, "\",y\nz\n", 6);
		ck_assert_int_eq(read_str(in, 46, &s, &e), 0);
		ck_assert_msg(strncmp(s.text, "1:", 2) == 0 &&
				  strstr(s.text, ";5:z;") != NULL,
			      "at %zu: %s", at, s.text);

		memset(in, 'x', 40);
		in[at] = '\0';
		in[40] = '\n';
		ck_assert_int_eq(read_str(in, 41, &s, &e), -1);
		ck_assert_str_eq(e.msg, "t.csv:1:1: NUL byte in field");

		/* After a non-ASCII character the byte-wise checks take over:
		 * a NUL or a bad byte there is still caught. */
		memset(in, 'x', 40);
		memcpy(in + at, "\xc3\xa9", 2);
		in[30 + at % 8] = '\0';
		in[40] = '\n';
		ck_assert_int_eq(read_str(in, 41, &s, &e), -1);
		ck_assert_str_eq(e.msg, "t.csv:1:1: NUL byte in field");
		memset(in, 'x', 40);
		in[at] = (char)0xc3;
		in[40] = '\n';
		ck_assert_int_eq(read_str(in, 41, &s, &e), -1);
		ck_assert_str_eq(e.msg, "t.csv:1:1: " UTF8_MSG);
		memset(in, 'x', 40);
		memcpy(in + at, "\xe2\x82\xac", 3);
		in[40] = '\n';
		ck_assert_int_eq(read_str(in, 41, &s, &e), 0);
		snprintf(want, sizeof want, "1:%.*s\xe2\x82\xac%.*s;", (int)at,
			 in, (int)(37 - at), in + at + 3);
		ck_assert_str_eq(s.text, want);
	}
}
END_TEST

START_TEST(utf8_rules)
{
	ck_assert(csvfile_utf8_valid("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
				     14));
	ck_assert(!csvfile_utf8_valid("\xc0\xaf", 2));         /* overlong */
	ck_assert(!csvfile_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	ck_assert(!csvfile_utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
	ck_assert(!csvfile_utf8_valid("\xe2\x82", 2));         /* cut short */
	ck_assert(!csvfile_utf8_valid("\x80", 1));
	ck_assert(!csvfile_utf8_valid("\xff", 1));
	/* Past the ASCII words checked eight bytes at a time: a bad byte
	 * anywhere, a character across two words, one cut at the end. */
	ck_assert(csvfile_utf8_valid("0123456789abcdef", 16));
	ck_assert(!csvfile_utf8_valid("0123456789abcde\xff", 16));
	ck_assert(!csvfile_utf8_valid("0123456789\x80" "bcdefgh", 18));
	ck_assert(csvfile_utf8_valid("0123456\xe2\x82\xac" "9abcdef", 17));
	ck_assert(!csvfile_utf8_valid("01234567abcdefg\xe2\x82", 17));
	ck_assert(!csvfile_utf8_valid("abcdefgh\xed\xa0\x80", 11));
}
END_TEST

START_TEST(unterminated_quote)
{
	struct sink s = {0};
	struct error e;
	ck_assert_int_eq(READ("a,b\nc,\"open\nmore\n", &s, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:2:2: quoted field not closed before "
				"the end of the file");
}
END_TEST

START_TEST(misplaced_quote)
{
	struct sink s = {0};
	struct error e;
	ck_assert_int_eq(READ("a,b\n\"x\nx\",d\"e\n", &s, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:2:2: misplaced quote: quote the whole "
				"field and double any quote inside it");
	ck_assert_int_eq(READ("\"a\"b\n", &s, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:1:1: misplaced quote: quote the whole "
				"field and double any quote inside it");
}
END_TEST

/* A 10 MiB field, written to a file at run time, stops at the cap. */
START_TEST(huge_field_rejected)
{
	size_t big = 10u * 1024 * 1024;
	char *buf = malloc(big + 32);
	ck_assert_ptr_nonnull(buf);
	size_t n = (size_t)sprintf(buf, "id,text\n1,");
	memset(buf + n, 'x', big);
	n += big;
	buf[n++] = '\n';
	char *dir = fixture_tmpdir();
	fixture_write(dir, "big.csv", buf, n);
	free(buf);
	char *path = NULL;
	ck_assert_int_ge(asprintf(&path, "%s/big.csv", dir), 0);
	struct sink s = {0};
	struct error e = {0};
	ck_assert_int_eq(csvfile_read_path(path, collect, &s, &e), -1);
	char *want = NULL;
	ck_assert_int_ge(asprintf(&want, "%s:2:2: field longer than %d bytes",
				  path, CSVFILE_FIELD_MAX),
			 0);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, want);
	ck_assert_str_eq(s.text, "1:id|text;");
	free(want);
	free(path);
	fixture_rmdir(dir);
}
END_TEST

static int check_big(const struct csvfile_record *rec, void *ctx,
		     struct error *err)
{
	(void)err;
	*(size_t *)ctx = rec->fields[rec->nfields - 1].len;
	return 0;
}

START_TEST(field_at_cap_accepted)
{
	size_t n = CSVFILE_FIELD_MAX;
	char *buf = malloc(n + 8);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, "1,", 2);
	memset(buf + 2, 'y', n);
	memcpy(buf + 2 + n, "\n", 1);
	size_t got = 0;
	struct error e = {0};
	ck_assert_int_eq(csvfile_read_mem("t.csv", buf, n + 3, check_big, &got,
					  &e),
			 0);
	ck_assert_uint_eq(got, n);
	/* One byte more, and the line feed after it. */
	buf[2 + n] = 'y';
	buf[3 + n] = '\n';
	ck_assert_int_eq(csvfile_read_mem("t.csv", buf, n + 4, check_big, &got,
					  &e),
			 -1);
	ck_assert_str_eq(e.msg, "t.csv:1:2: field longer than 1048576 bytes");
	free(buf);
}
END_TEST

START_TEST(callback_stops_or_fails)
{
	struct sink s = {.stop_after = 1};
	struct error e;
	ck_assert_int_eq(READ("a\nb\nc\n", &s, &e), 0);
	ck_assert_str_eq(s.text, "1:a;");
	s.count = 0;
	s.fail = 1;
	ck_assert_int_eq(READ("a\nb\nc\n", &s, &e), -1);
	ck_assert_str_eq(e.msg, "stop here");
}
END_TEST

START_TEST(missing_file)
{
	struct sink s = {0};
	struct error e = {0};
	ck_assert_int_eq(csvfile_read_path("/nonexistent/x.csv", collect, &s,
					   &e),
			 -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "/nonexistent/x.csv: No such file or directory");
}
END_TEST

START_TEST(writer_quotes_only_when_needed)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(fp);
	struct csvfile_writer w;
	struct error e;
	csvfile_writer_init(&w, fp);
	const char *row1[] = {"plain", "a,b", "say \"hi\"", "two\nlines",
			      " pad", "", NULL};
	const char *row2[] = {"", "x"};
	const char *row3[] = {""};
	ck_assert_int_eq(csvfile_write_row(&w, row1, 7, &e), 0);
	ck_assert_int_eq(csvfile_write_row(&w, row2, 2, &e), 0);
	ck_assert_int_eq(csvfile_write_row(&w, row3, 1, &e), 0);
	ck_assert_int_eq(csvfile_writer_flush(&w, &e), 0);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(text, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
			       "\" pad\",,\r\n\"\",x\r\n\"\"\r\n");
	/* What the writer writes, the reader reads back unchanged. */
	struct sink s = {0};
	ck_assert_int_eq(read_str(text, len, &s, &e), 0);
	ck_assert_str_eq(s.text, "1:plain|a,b|say \"hi\"|two\nlines| pad||;"
				 "3:|x;4:;");
	free(text);
}
END_TEST

START_TEST(writer_forced_quotes_round_trip)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(fp);
	struct csvfile_writer w;
	struct error e;
	csvfile_writer_init(&w, fp);
	ck_assert_int_eq(csvfile_write_quoted(&w, "'=1", 3, &e), 0);
	ck_assert_int_eq(csvfile_write_field(&w, "\tfirst", 6, &e), 0);
	ck_assert_int_eq(csvfile_write_end(&w, &e), 0);
	ck_assert_int_eq(csvfile_writer_flush(&w, &e), 0);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(text, "\"'=1\",\"\tfirst\"\r\n");
	free(text);
	/* Unquoted blanks written by a spreadsheet come back unchanged. */
	struct sink s = {0};
	ck_assert_int_eq(READ("\tfirst,  lead,trail  \r\n", &s, &e), 0);
	ck_assert_str_eq(s.text, "1:\tfirst|  lead|trail  ;");
}
END_TEST

/* Rows go out in chunks, not field by field: nothing reaches the stream
 * until a chunk is full or the writer is flushed, and fields larger than
 * the buffer (quoted or not) still come out whole and in order. */
START_TEST(writer_chunks_and_big_fields)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(fp);
	struct csvfile_writer w;
	struct error e;
	csvfile_writer_init(&w, fp);
	const char *small[] = {"abc", "d,e"};
	ck_assert_int_eq(csvfile_write_row(&w, small, 2, &e), 0);
	ck_assert_int_eq(fflush(fp), 0);
	ck_assert_uint_eq(len, 0); /* still in the writer's buffer */
	size_t big = 3 * CSVFILE_CHUNK;
	char *plain = malloc(big + 1), *quoted = malloc(big + 1);
	ck_assert_ptr_nonnull(plain);
	ck_assert_ptr_nonnull(quoted);
	memset(plain, 'p', big);
	plain[big] = '\0';
	memset(quoted, '"', big);
	quoted[big] = '\0';
	const char *row[] = {plain, quoted, "z"};
	ck_assert_int_eq(csvfile_write_row(&w, row, 3, &e), 0);
	for (int i = 0; i < 2000; i++)
		ck_assert_int_eq(csvfile_write_row(&w, small, 2, &e), 0);
	ck_assert_int_eq(csvfile_writer_flush(&w, &e), 0);
	ck_assert_int_eq(fclose(fp), 0);
	size_t first = strlen("abc,\"d,e\"\r\n");
	size_t want = first + big + 1 + (2 * big + 2) + 1 + 1 + 2 +
		      2000 * first;
	ck_assert_uint_eq(len, want);
	ck_assert_int_eq(memcmp(text, "abc,\"d,e\"\r\npppp", first + 4), 0);
	ck_assert_int_eq(memcmp(text + first + big, ",\"\"\"\"\"", 6), 0);
	ck_assert_int_eq(memcmp(text + first + big + 1 + 2 * big + 2,
				",z\r\nabc,", 8),
			 0);
	ck_assert_int_eq(memcmp(text + len - first, "abc,\"d,e\"\r\n", first),
			 0);
	free(plain);
	free(quoted);
	free(text);
}
END_TEST

START_TEST(format_field_into_buffer)
{
	char buf[8];
	ck_assert_uint_eq(csvfile_format_field(buf, sizeof buf, "a\"b", 3), 6);
	ck_assert_str_eq(buf, "\"a\"\"b\"");
	ck_assert_uint_eq(csvfile_format_field(buf, 4, "a,bcdef", 7), 9);
	ck_assert_str_eq(buf, "\"a,");
	ck_assert_uint_eq(csvfile_format_field(buf, sizeof buf, "plain", 5), 5);
	ck_assert_str_eq(buf, "plain");
	ck_assert_uint_eq(csvfile_format_field(NULL, 0, "x y", 3), 3);
	ck_assert(csvfile_needs_quotes("\tx", 2));
	ck_assert(csvfile_needs_quotes("x\r", 2));
	ck_assert(!csvfile_needs_quotes("", 0));
	ck_assert(!csvfile_needs_quotes("x y", 3));
	/* Calc's default separators are ',' ';' and tab. */
	ck_assert(csvfile_needs_quotes("a;b", 3));
	ck_assert(csvfile_needs_quotes("a\tb", 3));
	ck_assert(csvfile_needs_quotes("x ", 2));
	ck_assert(!csvfile_needs_quotes("x\t=", 0));
}
END_TEST

static Suite *csvfile_suite(void)
{
	Suite *s = suite_create("csvfile");
	TCase *r = tcase_create("reader");
	tcase_add_test(r, records_and_lines);
	tcase_add_test(r, quoted_fields_keep_everything);
	tcase_add_test(r, bom_skipped);
	tcase_add_test(r, streaming_byte_by_byte);
	tcase_add_test(r, short_input_not_a_bom);
	tcase_add_test(r, nul_rejected);
	tcase_add_test(r, bad_utf8_rejected);
	tcase_add_test(r, utf8_rules);
	tcase_add_test(r, long_fields_scanned_at_every_offset);
	tcase_add_test(r, unterminated_quote);
	tcase_add_test(r, misplaced_quote);
	tcase_add_test(r, huge_field_rejected);
	tcase_add_test(r, field_at_cap_accepted);
	tcase_add_test(r, callback_stops_or_fails);
	tcase_add_test(r, missing_file);
	suite_add_tcase(s, r);
	TCase *w = tcase_create("writer");
	tcase_add_test(w, writer_quotes_only_when_needed);
	tcase_add_test(w, format_field_into_buffer);
	tcase_add_test(w, writer_forced_quotes_round_trip);
	tcase_add_test(w, writer_chunks_and_big_fields);
	suite_add_tcase(s, w);
	return s;
}

int main(void)
{
	return unit_run(csvfile_suite());
}
