/* fuzz_survey.c - libFuzzer harness for a team's responses file.
 *
 * The input is the file a forms tool exported; the content is the shipped
 * one (read once).  A read either keeps counts that add up (every value
 * on the scale, no statement answered more often than there were
 * responses) or is refused as an input problem, never anything else.
 * Build: ./configure CC=clang --enable-fuzzing. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content/content.h"
#include "core/io/team_survey.h"

#ifndef FUZZ_CONTENT_DIR
#define FUZZ_CONTENT_DIR "content"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct content *shipped;

static void content_once(void)
{
	struct error err = {0};
	shipped = content_load(FUZZ_CONTENT_DIR, NULL, NULL, &err);
	if (!shipped) {
		fprintf(stderr, "fuzz_survey: %s\n", err.msg);
		abort();
	}
}

/* The answers a statement got, over all its values. */
static unsigned answers_to(const struct team_survey *s, const char *item)
{
	unsigned n = 0;
	for (size_t i = 0; i < s->ntallies; i++)
		if (strcmp(s->tallies[i].item, item) == 0)
			n += s->tallies[i].count;
	return n;
}

static void check_counts(const struct team_survey *s)
{
	for (size_t i = 0; i < s->ntallies; i++) {
		const struct store_team_tally *t = &s->tallies[i];
		if (t->value < CONTENT_SCALE_MIN ||
		    t->value > CONTENT_SCALE_MAX || t->count == 0 ||
		    answers_to(s, t->item) > s->responses) {
			fprintf(stderr,
				"fuzz_survey: %s = %d counted %u times in %u "
				"responses\n",
				t->item, t->value, t->count, s->responses);
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!shipped)
		content_once();
	/* fmemopen takes no empty buffer: an empty file is /dev/null. */
	FILE *fp = size ? fmemopen((void *)data, size, "rb")
			: fopen("/dev/null", "rb");
	if (!fp)
		abort();
	struct team_survey s;
	struct error err = {0};
	int rc =
	    team_survey_read(shipped, "fuzz.csv", fp, 0, NULL, NULL, &s, &err);
	fclose(fp);
	if (rc == 0)
		check_counts(&s);
	else if (err.kind != ERROR_INPUT) {
		fprintf(stderr, "fuzz_survey: %s\n", err.msg);
		abort();
	}
	team_survey_free(&s);
	return 0;
}
