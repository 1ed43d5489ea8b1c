/* fuzz_import.c - libFuzzer harness for `ownit import`.
 *
 * Every input is imported into one scratch database (made once per
 * process in a private temporary folder).  A file that imports cleanly is
 * imported a second time, which must add nothing (the merge is
 * idempotent), and the database is then emptied so inputs do not depend
 * on each other.  Build: ./configure CC=clang --enable-fuzzing. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/io/csvimport.h"
#include "core/store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;
static char dir[64] = "/tmp/ownit-fuzz-import.XXXXXX";
static char path[128];

static void cleanup(void)
{
	char wal[160];
	store_close(db);
	unlink(path);
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
	rmdir(dir);
}

static void open_db(void)
{
	struct error err = {0};
	if (!mkdtemp(dir)) {
		perror("fuzz_import: mkdtemp");
		abort();
	}
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	db = store_open(path, STORE_CREATE, &err);
	if (!db) {
		fprintf(stderr, "fuzz_import: %s\n", err.msg);
		abort();
	}
	atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err = {0};
	struct csvimport_counts n;
	if (!db)
		open_db();
	if (csvimport_mem(db, "fuzz.csv", data, size, NULL, NULL, &n, &err)) {
		if (err.kind != ERROR_INPUT) {
			fprintf(stderr, "fuzz_import: %s\n", err.msg);
			abort();
		}
		return 0;
	}
	struct csvimport_counts again;
	if (csvimport_mem(db, "fuzz.csv", data, size, NULL, NULL, &again,
			  &err) ||
	    again.people_added || again.sessions_added ||
	    again.commitments_added) {
		fprintf(stderr, "fuzz_import: a second import changed the "
			"database (%s)\n", err.msg);
		abort();
	}
	if (store_debug_exec(db, "DELETE FROM person", &err)) {
		fprintf(stderr, "fuzz_import: %s\n", err.msg);
		abort();
	}
	return 0;
}
