/* csvexport_file.h - writing a file atomically (for csvexport only).
 *
 * The data goes to a temporary file beside the target, which is flushed
 * to disk and then renamed over the target, so a reader (or a crash)
 * sees either the old file or the whole new one, never half of it.
 */
#ifndef OWNIT_CSVEXPORT_FILE_H
#define OWNIT_CSVEXPORT_FILE_H

#include <stdio.h>

#include "core/base/error.h"

struct csvexport_file {
	FILE *fp;        /* write here; buffered */
	char *path;      /* the target as the user named it, for messages */
	char *target;    /* the file renamed over: path through its symlinks */
	char *tmp;       /* the temporary file; NULL when fp is the target */
};

/* How the caller writes: through fp, or by the temporary file's name. */
enum csvexport_file_use { CSVEXPORT_FILE_STREAM, CSVEXPORT_FILE_BY_NAME };

/* Creates the temporary file for path (private to the user, or with the
 * permissions of the file it replaces).  A symlink stays a link: the file
 * it points to is replaced.  A pipe or a device (/dev/stdout, a FIFO) is
 * written to directly when use is CSVEXPORT_FILE_STREAM and refused when
 * the caller needs a file by name, as is a folder.  Wrong targets and a
 * missing folder are ERROR_INPUT, other failures ERROR_RUNTIME, each
 * message naming path and the cause. */
int csvexport_file_open(struct csvexport_file *f, const char *path,
			enum csvexport_file_use use, struct error *err);

/* With ok: flushes, syncs and renames the temporary file over the
 * target (or flushes a pipe or device written directly); without ok (the
 * caller failed and err holds why), removes it.  Either way everything is
 * released.  A nonzero errnum is the errno of a failed write on the
 * stream: err is then rewritten to name the file and the cause (a full
 * disk above all). */
int csvexport_file_close(struct csvexport_file *f, int ok, int errnum,
			 struct error *err);

/* Refuses (ERROR_INPUT, naming both) a target that is the database db or
 * its -wal or -shm file, by any path or symlink: an existing file is
 * compared by device and inode, a file not there yet (SQLite creates -wal
 * and -shm when it needs them) by its resolved path.  0 when path is
 * another file. */
int csvexport_file_not_db(const char *path, const char *db,
			  struct error *err);

/* Fills err for a failure errnum while doing what to path: "disk full",
 * "permission denied", "folder ... does not exist" are said plainly. */
int csvexport_file_fail(struct error *err, const char *path, int errnum,
			const char *what);

#endif
