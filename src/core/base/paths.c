/* paths.c - resolving the database and content locations. */
#include "config.h"

#include "core/base/paths.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/ownit"
#endif
#ifndef BINDIR
#define BINDIR "/usr/local/bin"
#endif
#ifndef SRCDIR_CONTENT
#define SRCDIR_CONTENT "content"
#endif

static char *dup_or_fail(const char *s, struct error *err)
{
	char *d = strdup(s);
	if (!d)
		error_errno(err, ERROR_RUNTIME, errno, "out of memory");
	return d;
}

char *paths_join(const char *dir, const char *name, struct error *err)
{
	size_t dl = strlen(dir), nl = strlen(name);
	while (dl > 0 && dir[dl - 1] == '/')
		dl--; /* "/" itself becomes "", so the join gives "/name" */
	char *p = malloc(dl + 1 + nl + 1);
	if (!p) {
		error_errno(err, ERROR_RUNTIME, errno, "out of memory");
		return NULL;
	}
	memcpy(p, dir, dl);
	p[dl] = '/';
	memcpy(p + dl + 1, name, nl + 1);
	return p;
}

char *paths_home(struct error *err)
{
	const char *home = getenv("HOME");
	if (home && home[0] == '/')
		return dup_or_fail(home, err);
	/* HOME unset or unusable (cron, sudo -H, a stripped environment):
	 * the passwd entry still knows where the user lives. */
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/')
		return dup_or_fail(pw->pw_dir, err);
	error_set(err, ERROR_INPUT,
		  "cannot find your home directory: set HOME or use --db FILE");
	return NULL;
}

/* $VAR when it is an absolute path, else $HOME/fallback. */
static char *xdg_dir(const char *var, const char *fallback, struct error *err)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return dup_or_fail(v, err);
	char *home = paths_home(err);
	if (!home)
		return NULL;
	char *dir = paths_join(home, fallback, err);
	free(home);
	return dir;
}

char *paths_db(const char *flag, int *is_default, struct error *err)
{
	if (is_default)
		*is_default = 0;
	if (flag) {
		if (!flag[0]) {
			error_set(err, ERROR_INPUT, "--db: empty file name");
			return NULL;
		}
		return dup_or_fail(flag, err);
	}
	const char *env = getenv("OWNIT_DB");
	if (env && env[0])
		return dup_or_fail(env, err);
	char *data = xdg_dir("XDG_DATA_HOME", ".local/share", err);
	if (!data)
		return NULL;
	char *db = paths_join(data, "ownit/ownit.db", err);
	free(data);
	if (db && is_default)
		*is_default = 1;
	return db;
}

int paths_make_parents(const char *file, struct error *err)
{
	char buf[PATH_MAX];
	size_t len = strlen(file);
	if (len >= sizeof buf)
		return error_set(err, ERROR_INPUT, "%s: path too long", file);
	memcpy(buf, file, len + 1);
	char *slash = strrchr(buf, '/');
	if (!slash || slash == buf)
		return 0;
	*slash = '\0';
	for (char *p = buf + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return error_errno(err, ERROR_RUNTIME, errno,
					   "cannot create directory %s", buf);
		struct stat st;
		if (stat(buf, &st) != 0)
			return error_errno(err, ERROR_RUNTIME, errno, "%s", buf);
		if (!S_ISDIR(st.st_mode))
			return error_set(err, ERROR_INPUT,
					 "%s: not a directory", buf);
		*p = saved;
		if (saved == '\0')
			break;
	}
	return 0;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_content_base_for(const char *exe, const char *bindir,
			     const char *installed, const char *source,
			     struct error *err)
{
	int from_bindir = 0;
	if (exe) {
		size_t bl = strlen(bindir);
		from_bindir = strncmp(exe, bindir, bl) == 0 && exe[bl] == '/' &&
			      !strchr(exe + bl + 1, '/');
	}
	if (!from_bindir && is_dir(source))
		return dup_or_fail(source, err);
	if (is_dir(installed))
		return dup_or_fail(installed, err);
	if (is_dir(source))
		return dup_or_fail(source, err);
	error_set(err, ERROR_RUNTIME,
		  "no content folder: neither %s nor %s exists; reinstall "
		  "ownit or use --content DIR",
		  installed, source);
	return NULL;
}

char *paths_content_base(struct error *err)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0)
		exe[n] = '\0';
	return paths_content_base_for(n > 0 ? exe : NULL, BINDIR,
				      PKGDATADIR "/content", SRCDIR_CONTENT,
				      err);
}

char *paths_content_user(const char *flag, struct error *err)
{
	error_clear(err);
	const char *dir = flag;
	const char *what = "--content";
	if (!dir || !dir[0]) {
		dir = getenv("OWNIT_CONTENT");
		what = "OWNIT_CONTENT";
	}
	if (dir && dir[0]) {
		if (!is_dir(dir)) {
			error_set(err, ERROR_INPUT, "%s: %s: not a directory",
				  what, dir);
			return NULL;
		}
		return dup_or_fail(dir, err);
	}
	char *conf = xdg_dir("XDG_CONFIG_HOME", ".config", err);
	if (!conf)
		return NULL;
	char *user = paths_join(conf, "ownit/content", err);
	free(conf);
	if (user && !is_dir(user)) {
		free(user);
		return NULL;
	}
	return user;
}
