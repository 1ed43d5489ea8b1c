/* workspace.c - the one way to find and open the database and content. */
#include "config.h"

#include "core/store/workspace.h"

#include <stdlib.h>

#include "core/base/paths.h"

struct store *workspace_store_open(const char *db_flag, int flags, char **path,
				   struct error *err)
{
	if (path)
		*path = NULL;
	int is_default;
	char *file = paths_db(db_flag, &is_default, err);
	if (!file)
		return NULL;
	/* Only ownit's own place is made for the user; a named file's
	 * folder must be there already. */
	if (is_default && (flags & STORE_CREATE))
		flags |= STORE_MAKE_DIRS;
	struct store *s = store_open(file, flags, err);
	if (path)
		*path = file;
	else
		free(file);
	return s;
}

struct content *workspace_content_load(const char *content_flag,
				       struct content_diags *diags,
				       struct error *err)
{
	char *base = paths_content_base(err);
	if (!base)
		return NULL;
	struct content *c = NULL;
	char *user = paths_content_user(content_flag, err);
	/* No user folder is not a failure: err stays ERROR_NONE. */
	if (user || err->kind == ERROR_NONE)
		c = content_load(base, user, diags, err);
	free(base);
	free(user);
	return c;
}
