/* csvexport_file.c - temporary file, fsync, rename. */
#include "config.h"

#include "core/io/csvexport_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Large enough that a big export makes few write calls. */
#define FILE_BUFFER (256 * 1024)

/* The folder of path ("." when it has none), malloc'd. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* ENOENT from creating a file in a folder that is there (/proc): the
 * folder refuses new files rather than missing. */
static int folder_exists(const char *path)
{
	char *dir = folder_of(path);
	struct stat st;
	int there = dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	free(dir);
	return there;
}

int csvexport_file_fail(struct error *err, const char *path, int errnum,
			const char *what)
{
	switch (errnum) {
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		return error_set(err, ERROR_RUNTIME,
				 "%s: disk full while %s; nothing was "
				 "written, free some space and try again",
				 path, what);
	case EACCES:
	case EPERM:
		return error_set(err, ERROR_RUNTIME,
				 "%s: permission denied while %s; the folder "
				 "must be writable by you",
				 path, what);
	case EROFS:
		return error_set(err, ERROR_RUNTIME,
				 "%s: the file system is read-only", path);
	case ENOENT:
	case ENOTDIR:
		if (folder_exists(path))
			return error_set(err, ERROR_RUNTIME,
					 "%s: its folder does not allow new "
					 "files",
					 path);
		return error_set(err, ERROR_INPUT,
				 "%s: the folder does not exist", path);
	default:
		return error_errno(err, ERROR_RUNTIME, errnum, "%s: %s", path,
				   what);
	}
}

/* path with its folder resolved, the file itself need not exist. */
static char *resolve_folder(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *dir = folder_of(path);
	char *real = dir ? realpath(dir, NULL) : NULL;
	free(dir);
	if (!real)
		return NULL;
	size_t n = strlen(real) + strlen(base) + 2;
	char *out = malloc(n);
	if (out)
		snprintf(out, n, "%s/%s", strcmp(real, "/") ? real : "", base);
	free(real);
	return out;
}

/* Where writing path would land: the file it names, through every
 * symlink, or (not there yet) its resolved folder and name; a dangling
 * symlink is followed one step.  malloc'd, or NULL. */
static char *resolve_target(const char *path)
{
	char *full = realpath(path, NULL);
	if (full)
		return full;
	char link[4096];
	ssize_t n = readlink(path, link, sizeof link - 1);
	if (n <= 0)
		return resolve_folder(path);
	link[n] = '\0';
	if (link[0] == '/')
		return resolve_folder(link);
	char *dir = folder_of(path);
	size_t len = (dir ? strlen(dir) : 0) + (size_t)n + 2;
	char *joined = dir ? malloc(len) : NULL;
	if (joined)
		snprintf(joined, len, "%s/%s", dir, link);
	free(dir);
	char *out = joined ? resolve_folder(joined) : NULL;
	free(joined);
	return out;
}

/* 1 when path is the file db+suffix: the same inode when both exist,
 * else the same resolved path. */
static int same_file(const char *path, const char *resolved, const char *db,
		     const char *suffix)
{
	char name[4096];
	if ((size_t)snprintf(name, sizeof name, "%s%s", db, suffix) >=
	    sizeof name)
		return 0;
	struct stat a, b;
	if (stat(path, &a) == 0 && stat(name, &b) == 0)
		return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	char *real_db = resolve_target(db);
	int same = 0;
	if (real_db && resolved) {
		size_t n = strlen(real_db);
		same = strncmp(resolved, real_db, n) == 0 &&
		       strcmp(resolved + n, suffix) == 0;
	}
	free(real_db);
	return same;
}

int csvexport_file_not_db(const char *path, const char *db,
			  struct error *err)
{
	static const char *const suffixes[] = {"", "-wal", "-shm",
					       "-journal"};
	if (!db || !*db || strcmp(db, ":memory:") == 0)
		return 0;
	char *resolved = resolve_target(path);
	int hit = -1;
	for (size_t i = 0; i < 4 && hit < 0; i++)
		if (same_file(path, resolved, db, suffixes[i]))
			hit = (int)i;
	free(resolved);
	if (hit < 0)
		return 0;
	if (hit == 0)
		return error_set(err, ERROR_INPUT,
				 "%s: that is the database itself (%s); "
				 "exporting onto it would destroy it, choose "
				 "another file name",
				 path, db);
	return error_set(err, ERROR_INPUT,
			 "%s: that is the database's %s file (%s%s); "
			 "exporting onto it would corrupt the database, "
			 "choose another file name",
			 path, suffixes[hit] + 1, db, suffixes[hit]);
}

static void release(struct csvexport_file *f)
{
	free(f->path);
	free(f->target);
	free(f->tmp);
	f->path = f->target = f->tmp = NULL;
	f->fp = NULL;
}

static int open_failed(struct csvexport_file *f, int errnum, const char *what,
		       struct error *err)
{
	csvexport_file_fail(err, f->path, errnum, what);
	release(f);
	return -1;
}

static int stream_on(struct csvexport_file *f, int fd, struct error *err)
{
	f->fp = fdopen(fd, "wb");
	if (!f->fp) {
		int e = errno;
		close(fd);
		if (f->tmp)
			unlink(f->tmp);
		return open_failed(f, e, "opening the file", err);
	}
	setvbuf(f->fp, NULL, _IOFBF, FILE_BUFFER);
	return 0;
}

/* A pipe or a device is written to as the shell's > would: there is no
 * file to replace, and renaming over it would put a plain file in place
 * of the FIFO or device node. */
static int open_direct(struct csvexport_file *f, struct error *err)
{
	int fd = open(f->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return open_failed(f, errno, "opening it", err);
	return stream_on(f, fd, err);
}

/* The temporary file beside the target; old, when not NULL, is the file
 * it will replace, whose permissions it takes. */
static int open_temporary(struct csvexport_file *f, const struct stat *old,
			  struct error *err)
{
	const char *base = strrchr(f->target, '/');
	base = base ? base + 1 : f->target;
	char *dir = folder_of(f->target);
	size_t n = strlen(f->target) + 16;
	f->tmp = dir ? malloc(n) : NULL;
	if (!f->tmp) {
		free(dir);
		return open_failed(f, ENOMEM, "creating the file", err);
	}
	/* A dot file in the same folder: rename() cannot cross file
	 * systems, and a listing of the folder hides it meanwhile. */
	snprintf(f->tmp, n, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	int fd = mkstemp(f->tmp);
	if (fd < 0) {
		free(f->tmp);
		f->tmp = NULL;
		return open_failed(f, errno, "creating the file", err);
	}
	if (old)
		(void)fchmod(fd, old->st_mode & 07777);
	return stream_on(f, fd, err);
}

int csvexport_file_open(struct csvexport_file *f, const char *path,
			enum csvexport_file_use use, struct error *err)
{
	memset(f, 0, sizeof *f);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!*base)
		return error_set(err, ERROR_INPUT, "%s: not a file name", path);
	f->path = strdup(path);
	/* Through its symlinks, so a link stays a link; a folder that
	 * cannot be resolved is reported by the file's creation below. */
	f->target = resolve_target(path);
	if (!f->target)
		f->target = strdup(path);
	if (!f->path || !f->target)
		return open_failed(f, ENOMEM, "opening it", err);
	struct stat st;
	if (stat(f->target, &st) != 0)
		return open_temporary(f, NULL, err);
	if (S_ISREG(st.st_mode))
		return open_temporary(f, &st, err);
	if (S_ISDIR(st.st_mode) || use == CSVEXPORT_FILE_BY_NAME) {
		int dir = S_ISDIR(st.st_mode);
		error_set(err, ERROR_INPUT,
			  "%s: %s; name a file to write the %s to", path,
			  dir ? "that is a folder"
			      : "that is a pipe or a device, not a file",
			  use == CSVEXPORT_FILE_BY_NAME ? "workbook"
							: "export");
		release(f);
		return -1;
	}
	return open_direct(f, err);
}

/* Makes the rename itself durable. */
static void sync_folder(const char *path)
{
	char *dir = folder_of(path);
	if (!dir)
		return;
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* A pipe or device written directly: flushed, nothing to rename. */
static int close_direct(struct csvexport_file *f, int ok, struct error *err)
{
	int rc = ok ? 0 : -1;
	if (ok && fflush(f->fp) == EOF)
		rc = csvexport_file_fail(err, f->path, errno, "writing");
	if (fclose(f->fp) == EOF && rc == 0)
		rc = csvexport_file_fail(err, f->path, errno, "writing");
	release(f);
	return rc;
}

int csvexport_file_close(struct csvexport_file *f, int ok, int errnum,
			 struct error *err)
{
	if (!ok && errnum)
		csvexport_file_fail(err, f->path, errnum, "writing");
	if (!f->tmp)
		return close_direct(f, ok, err);
	int rc = ok ? 0 : -1;
	if (ok && (fflush(f->fp) == EOF || fsync(fileno(f->fp)) != 0))
		rc = csvexport_file_fail(err, f->path, errno, "writing");
	if (fclose(f->fp) == EOF && rc == 0)
		rc = csvexport_file_fail(err, f->path, errno, "writing");
	if (rc == 0 && rename(f->tmp, f->target) != 0)
		rc = csvexport_file_fail(err, f->path, errno,
					 "replacing the file");
	if (rc == 0)
		sync_folder(f->target);
	else
		unlink(f->tmp);
	release(f);
	return rc;
}
