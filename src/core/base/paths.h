/* paths.h - where ownit keeps its database and finds its content.
 *
 * Database: --db, then $OWNIT_DB, then $XDG_DATA_HOME/ownit/ownit.db.  An
 * unset, empty or relative XDG_DATA_HOME is ignored, as the XDG base
 * directory specification asks, and ~/.local/share is used instead.
 *
 * Content is layered: a base folder (the installed one, or the source
 * tree's content/ when ownit runs from its build directory) and an optional
 * user folder (--content, $OWNIT_CONTENT, $XDG_CONFIG_HOME/ownit/content)
 * whose files replace the base files of the same name.
 *
 * Every function returns a malloc'd string the caller frees, or NULL with
 * err filled in.
 */
#ifndef OWNIT_PATHS_H
#define OWNIT_PATHS_H

#include "core/base/error.h"

/* The user's home directory: $HOME when absolute, else the passwd entry. */
char *paths_home(struct error *err);

/* The database file to use; flag is the --db argument or NULL.  With
 * is_default non-NULL, *is_default says whether it is the XDG default
 * (1), whose folders ownit may create, or a file the user named (0). */
char *paths_db(const char *flag, int *is_default, struct error *err);

/* Creates the missing directories leading to file, each mode 0700. */
int paths_make_parents(const char *file, struct error *err);

/* The base content folder for a program running as exe (its absolute path,
 * or NULL when unknown).  An ownit started from bindir reads installed;
 * any other (the build tree) prefers source when it exists, so `src/ownit`
 * works straight after `make` even with an older ownit installed. */
char *paths_content_base_for(const char *exe, const char *bindir,
			     const char *installed, const char *source,
			     struct error *err);

/* paths_content_base_for with this program's own location and the
 * directories fixed at build time. */
char *paths_content_base(struct error *err);

/* The user's content folder: flag (--content), then $OWNIT_CONTENT, then
 * $XDG_CONFIG_HOME/ownit/content (or ~/.config/ownit/content) when it
 * exists.  Returns NULL with err->kind == ERROR_NONE when there is none. */
char *paths_content_user(const char *flag, struct error *err);

/* Joins a directory and a file name with one '/'. */
char *paths_join(const char *dir, const char *name, struct error *err);

#endif
