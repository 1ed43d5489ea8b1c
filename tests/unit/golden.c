/* golden.c - compare a chart's output with a golden file. */
#include "config.h"

#include "golden.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void golden(const char *name, const char *got)
{
	const char *src = getenv("OWNIT_SRCDIR");
	char path[4096];
	FILE *f;
	char *want;
	long n;

	snprintf(path, sizeof path, "%s/tests/unit/golden/%s", src ? src : ".",
		 name);
	if (getenv("OWNIT_REGEN_GOLDEN")) {
		f = fopen(path, "wb");
		ck_assert_msg(f != NULL, "cannot write %s", path);
		ck_assert_int_eq(fputs(got, f) >= 0, 1);
		ck_assert_int_eq(fclose(f), 0);
		return;
	}
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL,
		      "missing golden %s (OWNIT_REGEN_GOLDEN=1 "
		      "makes it)",
		      path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	want = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(want);
	ck_assert_uint_eq(fread(want, 1, (size_t)n, f), (size_t)n);
	want[n] = '\0';
	fclose(f);
	ck_assert_msg(strcmp(got, want) == 0,
		      "%s differs from the golden "
		      "file; if deliberate, regenerate (see golden.h)\n"
		      "got:\n%s",
		      name, got);
	free(want);
}
