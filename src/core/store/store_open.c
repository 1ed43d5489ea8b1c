/* store_open.c - opening the database safely.
 *
 * Opening is careful because the file holds coaching notes nobody can
 * replace: we look at the bytes before SQLite does, so a file that is not
 * an ownit database (or comes from a newer ownit) is refused before any
 * pragma could write to it.
 */
#include "config.h"

#include "core/store/store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/paths.h"

/* ------------------------------------------------------------------ open */

/* What we learnt about the file before SQLite touched it. */
enum file_state { FILE_MISSING, FILE_EMPTY, FILE_WAL_ONLY, FILE_SQLITE };

static off_t file_size(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return -1;
	return st.st_size;
}

/* 1 when the file starts with the magic number of an SQLite WAL. */
static int wal_header_ok(const char *wal)
{
	unsigned char m[4];
	int fd = open(wal, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, m, sizeof m);
	close(fd);
	return n == 4 && m[0] == 0x37 && m[1] == 0x7f && m[2] == 0x06 &&
	       (m[3] == 0x82 || m[3] == 0x83);
}

/* Looks at path without opening it for writing. */
static int inspect_file(const char *path, int flags, enum file_state *state,
			struct error *err)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		/* ENOTDIR: a file where a folder should be, as missing a
		 * place as ENOENT is. */
		if (errno != ENOENT && errno != ENOTDIR)
			return error_errno(err, ERROR_RUNTIME, errno,
					   "cannot look at %s", path);
		if (!(flags & STORE_CREATE))
			return error_set(err, ERROR_INPUT,
					 "no database at %s: start ownit once "
					 "to create it, or give another with "
					 "--db",
					 path);
		*state = FILE_MISSING;
		return 0;
	}
	if (flags & STORE_EXCLUSIVE)
		return error_set(err, ERROR_INPUT,
				 "%s already exists: give a new file name",
				 path);
	if (S_ISLNK(st.st_mode))
		return error_set(err, ERROR_INPUT,
				 "%s is a symbolic link: ownit opens only a "
				 "real file (give the link's target instead)",
				 path);
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_INPUT,
				 "%s is not a regular file", path);
	if (st.st_size == 0) {
		/* An empty main file with a non-empty -wal beside it is a
		 * WAL database whose pages all still live in the log:
		 * SQLite must read it, not us initialise it. */
		char wal[4096];
		snprintf(wal, sizeof wal, "%s-wal", path);
		if (file_size(wal) <= 0) {
			*state = FILE_EMPTY;
			return 0;
		}
		if (!wal_header_ok(wal))
			return error_set(
				err, ERROR_INPUT,
				"%s is empty but %s-wal beside it holds data "
				"that is not an SQLite log; nothing was "
				"written: move both files aside and start "
				"again",
				path, path);
		*state = FILE_WAL_ONLY;
		return 0;
	}
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return error_errno(err, ERROR_RUNTIME, errno,
				   "cannot open %s", path);
	char head[16];
	ssize_t n = read(fd, head, sizeof head);
	int e = errno;
	close(fd);
	if (n < 0)
		return error_errno(err, ERROR_RUNTIME, e, "cannot read %s",
				   path);
	if (n < (ssize_t)sizeof head ||
	    memcmp(head, "SQLite format 3", 16) != 0)
		return error_set(err, ERROR_INPUT,
				 "%s is not an ownit database (not an SQLite "
				 "file at all); nothing was written to it: "
				 "choose another file with --db",
				 path);
	*state = FILE_SQLITE;
	return 0;
}

/* A new file's folder is missing or is no folder: the user named a
 * place that is not there, and only the default location's folders are
 * made for them (a typo must not leave a tree of folders behind). */
static int folder_missing(const char *path, int e, struct error *err)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	if (e == ENOTDIR || !slash)
		return error_set(err, ERROR_INPUT,
				 "cannot create %s: a part of its path is not "
				 "a folder",
				 path);
	return error_set(err, ERROR_INPUT,
			 "cannot create %s: there is no folder %s (make it "
			 "first, or give a file in a folder that exists)",
			 path, dir);
}

/* Creates a missing database file private to the user: the folders 0700
 * (with STORE_MAKE_DIRS), the file 0600 whatever the umask, before SQLite
 * opens it (SQLite gives its -wal and -shm files the same mode). */
static int create_private(const char *path, int flags, struct error *err)
{
	if ((flags & STORE_MAKE_DIRS) && paths_make_parents(path, err))
		return -1;
	int fd = open(path,
		      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      0600);
	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
		return folder_missing(path, errno, err);
	if (fd < 0)
		return error_errno(err, ERROR_RUNTIME, errno,
				   "cannot create %s", path);
	if (fchmod(fd, 0600) != 0) {
		int e = errno;
		close(fd);
		return error_errno(err, ERROR_RUNTIME, e,
				   "cannot make %s private", path);
	}
	close(fd);
	return 0;
}

static int privacy_check(struct store *s, struct error *err)
{
	struct stat st;
	if (stat(s->path, &st) != 0)
		return error_errno(err, ERROR_RUNTIME, errno,
				   "cannot look at %s", s->path);
	if (!(st.st_mode & 077))
		return 0;
	char buf[4200];
	snprintf(buf, sizeof buf,
		 "%s can be read by other users (mode %04o): coaching notes "
		 "are private, run `chmod 600 %s`",
		 s->path, (unsigned)(st.st_mode & 07777), s->path);
	s->warning = strdup(buf);
	if (!s->warning)
		return error_errno(err, ERROR_RUNTIME, errno, "out of memory");
	return 0;
}

/* The one number sql gives into *out; an SQLite result code. */
static int pragma_read(struct store *s, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int pragma_int(struct store *s, const char *sql, int *out,
		      struct error *err)
{
	int rc = pragma_read(s, sql, out);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the database header", err);
	return 0;
}

/* How many objects the schema holds.  Checking, a schema too damaged to
 * count is not an error yet (-1): the header has said whose file it is,
 * and listing the damage is the check's work. */
static int schema_objects(struct store *s, int *objects, struct error *err)
{
	if (!s->checking)
		return pragma_int(s, "SELECT count(*) FROM sqlite_schema",
				  objects, err);
	int rc = pragma_read(s, "SELECT count(*) FROM sqlite_schema", objects);
	if ((rc & 0xff) == SQLITE_CORRUPT) {
		*objects = -1;
		return 0;
	}
	return rc == SQLITE_OK ? 0
			       : store_fail(s, rc,
					    "reading the database "
					    "header",
					    err);
}

/* Decides, by reading only, whether this is ours and how old it is.
 * Sets *version to the schema version (0: a new, empty database). */
static int identify(struct store *s, enum file_state state, int *version,
		    struct error *err)
{
	int app = 0, objects = 0;
	if (pragma_int(s, "PRAGMA application_id", &app, err) ||
	    pragma_int(s, "PRAGMA user_version", version, err) ||
	    schema_objects(s, &objects, err))
		return -1;
	if (app == 0 && *version == 0 && objects == 0) {
		if (state != FILE_WAL_ONLY)
			return 0;
		/* The log beside the empty file held nothing SQLite could
		 * use: it is not ours to overwrite. */
		return error_set(err, ERROR_INPUT,
				 "%s is empty but %s-wal beside it holds "
				 "data SQLite cannot read; nothing was "
				 "written: move both files aside and start "
				 "again",
				 s->path, s->path);
	}
	if (app != STORE_APPLICATION_ID)
		return error_set(err, ERROR_INPUT,
				 "%s is an SQLite database of another program, "
				 "not ownit's; nothing was written to it: "
				 "choose another file with --db",
				 s->path);
	if (*version > STORE_SCHEMA_VERSION)
		return error_set(err, ERROR_INPUT,
				 "%s was written by a newer ownit (database "
				 "version %d, this ownit knows up to %d); it "
				 "was left untouched: upgrade ownit to open it",
				 s->path, *version, STORE_SCHEMA_VERSION);
	return 0;
}

/* path as an SQLite URI ("file:" and the path, percent-encoded). */
static char *file_uri(const char *path, const char *query)
{
	size_t n = strlen(path);
	char *uri = malloc(5 + 3 * n + strlen(query) + 1);
	if (!uri)
		return NULL;
	char *o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	strcpy(o, query);
	return uri;
}

/* path with its folder resolved (realpath) and its last name kept as
 * given: SQLITE_OPEN_NOFOLLOW refuses a symbolic link anywhere in the
 * name, yet a linked folder (~/.local/share on another disk, say) is an
 * ordinary set-up.  Only the file itself must be real, which
 * inspect_file has checked with lstat. */
static char *folder_resolved(const char *path, struct error *err)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
	if (!dir) {
		error_errno(err, ERROR_RUNTIME, errno, "out of memory");
		return NULL;
	}
	char *real = realpath(dir[0] ? dir : "/", NULL);
	int e = errno;
	free(dir);
	if (!real) {
		error_errno(err, ERROR_RUNTIME, e, "cannot find the folder of %s",
			    path);
		return NULL;
	}
	const char *name = slash ? slash + 1 : path;
	char *out = malloc(strlen(real) + strlen(name) + 2);
	if (out)
		sprintf(out, "%s%s%s", real, strcmp(real, "/") ? "/" : "",
			name);
	else
		error_errno(err, ERROR_RUNTIME, errno, "out of memory");
	free(real);
	return out;
}

/* Set once, before SQLite's first use in this process.  SQLite counts
 * every allocation under a global mutex for sqlite3_memory_used(), which
 * ownit never asks for: 5 % of an import's instructions. */
static void library_setup(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	/* SQLITE_MISUSE once SQLite is initialised (a test that opened a
	 * database by itself first): the counting then stays, which is
	 * only slower. */
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Opens the connection.  A file we may not write is opened for reading
 * only, and without its -wal and -shm: SQLite would create those with
 * the file's own mode (0400, say), and files like that beside the
 * database stop every later write even once the database itself is
 * writable again.  With no log to read the file is all there is, so it
 * is opened as immutable (no locks, no side files); a log with data in
 * it is read the usual way, since its pages are part of the database. */
static int sqlite_open(struct store *s, struct error *err)
{
	library_setup();
	/* ownit has one thread, so the connection needs no mutex of its
	 * own: locking one around every call was 2.5% of an import. */
	int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE |
		    SQLITE_OPEN_NOMUTEX;
	char *real = folder_resolved(s->path, err);
	if (!real)
		return -1;
	char *uri = NULL;
	const char *name = real;
	/* A check reads only, and leaves nothing beside the file either. */
	if (s->readonly || s->checking) {
		char wal[4200];
		snprintf(wal, sizeof wal, "%s-wal", s->path);
		uri = file_uri(real, file_size(wal) > 0 ? "?mode=ro"
							: "?immutable=1");
		if (!uri) {
			free(real);
			return error_errno(err, ERROR_RUNTIME, errno,
					   "out of memory");
		}
		name = uri;
		flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
	} else {
		flags |= SQLITE_OPEN_READWRITE;
	}
	int rc = sqlite3_open_v2(name, &s->db, flags, NULL);
	free(uri);
	free(real);
	return rc == SQLITE_OK ? 0 : store_fail(s, rc, "opening", err);
}

static int connection_setup(struct store *s, struct error *err)
{
	static const char *const pragmas[] = {
		"PRAGMA foreign_keys = ON",
		"PRAGMA journal_mode = WAL",
		"PRAGMA synchronous = FULL",
		"PRAGMA secure_delete = ON",
		"PRAGMA temp_store = MEMORY",
	};
	for (size_t i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
		/* Reading only, the file keeps the journal mode it has. */
		if (s->readonly && strstr(pragmas[i], "journal_mode"))
			continue;
		/* journal_mode returns a row; step until done. */
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(s->db, pragmas[i], -1, &st, NULL);
		while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, rc, "setting up the connection",
					  err);
	}
	return 0;
}

/* 1 when SQLite could make or use the -wal and -shm files beside path:
 * in WAL mode even a reader needs them, so a folder we may not write
 * (a read-only medium, a shared folder) leaves the database readable
 * only, unless both side files are already there for us to use. */
static int sides_usable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[4200], side[4200];
	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sizeof dir, ".");
	if (access(dir[0] ? dir : "/", W_OK) == 0)
		return 1;
	snprintf(side, sizeof side, "%s-wal", path);
	if (access(side, R_OK | W_OK) != 0)
		return 0;
	snprintf(side, sizeof side, "%s-shm", path);
	return access(side, R_OK | W_OK) == 0;
}

/* Opens what store_open was given; on failure the store is closed. */
static struct store *open_checked(const char *path, enum file_state state,
				  int flags, struct error *err)
{
	struct store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		error_errno(err, ERROR_RUNTIME, errno, "out of memory");
		return NULL;
	}
	s->checking = (flags & STORE_CHECKING) != 0;
	if (access(path, W_OK) != 0)
		s->readonly = STORE_RO_FILE;
	else if (!sides_usable(path))
		s->readonly = STORE_RO_FOLDER;
	if (sqlite_open(s, err) || store_page_functions(s, err))
		goto fail;
	sqlite3_busy_timeout(s->db, 5000);
	/* Checking, a schema SQLite cannot make sense of is read past (the
	 * connection cannot write, so nothing can be changed through it):
	 * integrity_check then reports what is wrong instead of stopping
	 * at the first table it cannot parse. */
	if (s->checking && store_exec(s, "PRAGMA writable_schema = ON",
				      "opening the database to check it", err))
		goto fail;
	int version = 0;
	if (privacy_check(s, err) || identify(s, state, &version, err) ||
	    store_text_register(s, err))
		goto fail;
	if (s->checking)
		return s; /* nothing to set up or bring up to date */
	if (connection_setup(s, err) || store_schema_migrate(s, version, err))
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

/* Removes what a failed first open made: the empty file create_private
 * made and any side file SQLite added, so no 0-byte "database" is left
 * to be mistaken for one next time. */
static void created_remove(const char *path, const int had_side[2])
{
	static const char *const ends[] = {"-wal", "-shm"};
	char side[4200];
	for (int i = 0; i < 2; i++) {
		snprintf(side, sizeof side, "%s%s", path, ends[i]);
		if (!had_side[i])
			unlink(side);
	}
	unlink(path);
}

struct store *store_open(const char *path, int flags, struct error *err)
{
	enum file_state state = FILE_MISSING;
	if (!path || !path[0]) {
		error_set(err, ERROR_INPUT, "no database file given");
		return NULL;
	}
	if (inspect_file(path, flags, &state, err))
		return NULL;
	int had_side[2] = {0, 0};
	if (state == FILE_MISSING) {
		char side[4200];
		snprintf(side, sizeof side, "%s-wal", path);
		had_side[0] = file_size(side) >= 0;
		snprintf(side, sizeof side, "%s-shm", path);
		had_side[1] = file_size(side) >= 0;
		if (create_private(path, flags, err))
			return NULL;
	}
	struct store *s = open_checked(path, state, flags, err);
	if (!s && state == FILE_MISSING)
		created_remove(path, had_side);
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_tx_rollback(s);
	for (int i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	free(s->path);
	free(s->warning);
	free(s);
}

const char *store_warning(const struct store *s)
{
	return s->warning;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

void store_set_busy_timeout(struct store *s, int ms)
{
	sqlite3_busy_timeout(s->db, ms);
}

int store_debug_exec(struct store *s, const char *sql, struct error *err)
{
	return store_exec(s, sql, "running a test statement", err);
}
