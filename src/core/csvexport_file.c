/* csvexport_file.c - temporary file, fsync, rename. */
#include "config.h"

#include "core/csvexport_file.h"

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
