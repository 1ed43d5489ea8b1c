/* fuzz_content.c - libFuzzer harness for the content loader.
 *
 * The first byte picks one content file; the rest of the input becomes
 * that file, the others are the shipped ones (read once).  The same
 * bytes also go through the CSV reader fed in small pieces, so the
 * streaming paths (a BOM split across pieces, fields spanning them) are
 * fuzzed too.  Build: ./configure CC=clang --enable-fuzzing. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content/content.h"
#include "core/io/csvfile.h"

#ifndef FUZZ_CONTENT_DIR
#define FUZZ_CONTENT_DIR "content"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NFILES 9

static char *shipped[NFILES];
static size_t shipped_len[NFILES];

static void load_shipped(void)
{
	for (size_t i = 0; i < NFILES; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", FUZZ_CONTENT_DIR,
			 content_files[i]);
		FILE *fp = fopen(path, "rb");
		if (!fp) {
			fprintf(stderr, "fuzz_content: cannot open %s\n", path);
			abort();
		}
		shipped[i] = malloc(1 << 16);
		if (!shipped[i])
			abort();
		shipped_len[i] = fread(shipped[i], 1, 1 << 16, fp);
		fclose(fp);
	}
}

static int count(const struct csvfile_record *rec, void *ctx,
		 struct error *err)
{
	(void)err;
	*(size_t *)ctx += rec->nfields;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!shipped[0])
		load_shipped();
	if (size < 1)
		return 0;
	size_t pick = data[0] % NFILES, piece = data[0] % 7 + 1;
	const char *names[NFILES], *bufs[NFILES];
	size_t lens[NFILES];
	for (size_t i = 0; i < NFILES; i++) {
		names[i] = content_files[i];
		bufs[i] = i == pick ? (const char *)data + 1 : shipped[i];
		lens[i] = i == pick ? size - 1 : shipped_len[i];
	}
	struct content_diags d;
	struct error e;
	struct content *c = content_load_mem(names, bufs, lens, NFILES, &d, &e);
	if (c && (c->nflags == 0 || c->nrungs != CONTENT_RUNGS))
		abort(); /* a model that passed must keep its promises */
	content_free(c);
	content_diags_free(&d);

	size_t fields = 0;
	struct csvfile_reader *r = csvfile_reader_new("f", count, &fields, &e);
	if (!r)
		return 0;
	int rc = 0;
	for (size_t at = 1; rc == 0 && at < size; at += piece) {
		size_t n = size - at < piece ? size - at : piece;
		rc = csvfile_reader_feed(r, data + at, n, &e);
	}
	if (rc == 0)
		csvfile_reader_finish(r, &e);
	csvfile_reader_free(r);
	return 0;
}
