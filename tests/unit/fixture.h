/* fixture.h - temporary folders and in-memory content for the unit tests. */
#ifndef OWNIT_TEST_FIXTURE_H
#define OWNIT_TEST_FIXTURE_H

#include <stddef.h>

#include "core/content/content.h"

/* The shipped content folder and the broken-fixture folders. */
#define SHIPPED TEST_SRCDIR "/content"
#define FIXTURES TEST_SRCDIR "/tests/unit/fixtures/content"

/* A whole file, NUL-terminated; aborts the test on failure. */
char *fixture_read(const char *path, size_t *len);

/* A fresh private directory (mkdtemp); fixture_rmdir removes it and its
 * files (one level). */
char *fixture_tmpdir(void);
void fixture_rmdir(char *dir);

/* Writes a file into dir. */
void fixture_write(const char *dir, const char *name, const void *data,
		   size_t len);

/* Loads the shipped content from memory with file `name` replaced by
 * text (NULL drops the file). */
struct content *fixture_load_with(const char *name, const char *text,
				  struct content_diags *d, struct error *e);

/* The shipped file `name` with line `line` (1-based) replaced by
 * `with` (NULL deletes it); malloc'd. */
char *fixture_edit_line(const char *name, int line, const char *with);

/* The shipped file with the first `from` replaced by `to`; malloc'd. */
char *fixture_replace(const char *name, const char *from, const char *to);

/* The shipped file with `add` appended; malloc'd. */
char *fixture_append(const char *name, const char *add);

#endif
