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
		return error_set(err, ERROR_INPUT,
				 "%s: the folder does not exist", path);
	default:
		return error_errno(err, ERROR_RUNTIME, errnum, "%s: %s", path,
				   what);
	}
}

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
	free(f->tmp);
	f->path = f->tmp = NULL;
	f->fp = NULL;
}

int csvexport_file_open(struct csvexport_file *f, const char *path,
			struct error *err)
{
	memset(f, 0, sizeof *f);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!*base)
		return error_set(err, ERROR_INPUT, "%s: not a file name", path);
	char *dir = folder_of(path);
	size_t n = strlen(path) + 16;
	f->path = strdup(path);
	f->tmp = malloc(n);
	if (!dir || !f->path || !f->tmp) {
		free(dir);
		release(f);
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", path);
	}
	/* A dot file in the same folder: rename() cannot cross file
	 * systems, and a listing of the folder hides it meanwhile. */
	snprintf(f->tmp, n, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	int fd = mkstemp(f->tmp);
	if (fd < 0) {
		int e = errno;
		release(f);
		return csvexport_file_fail(err, path, e, "creating the file");
	}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		(void)fchmod(fd, st.st_mode & 07777);
	f->fp = fdopen(fd, "wb");
	if (!f->fp) {
		int e = errno;
		close(fd);
		unlink(f->tmp);
		release(f);
		return error_errno(err, ERROR_RUNTIME, e, "%s", path);
	}
	setvbuf(f->fp, NULL, _IOFBF, FILE_BUFFER);
	return 0;
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

int csvexport_file_close(struct csvexport_file *f, int ok, int errnum,
			 struct error *err)
{
	int rc = ok ? 0 : -1;
	if (!ok && errnum)
		csvexport_file_fail(err, f->path, errnum, "writing");
	if (ok && (fflush(f->fp) == EOF || fsync(fileno(f->fp)) != 0))
		rc = csvexport_file_fail(err, f->path, errno, "writing");
	if (fclose(f->fp) == EOF && rc == 0)
		rc = csvexport_file_fail(err, f->path, errno, "writing");
	if (rc == 0 && rename(f->tmp, f->path) != 0)
		rc = csvexport_file_fail(err, f->path, errno,
					 "replacing the file");
	if (rc == 0)
		sync_folder(f->path);
	else
		unlink(f->tmp);
	release(f);
	return rc;
}
