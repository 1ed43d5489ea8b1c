/* workspace.h - finding the database and the content, and opening them.
 *
 * Every way into ownit (the TUI, each command, --demo) needs the same
 * three steps: decide which database file is meant (--db, $OWNIT_DB, the
 * XDG data folder), open it with the store's safety checks, and load the
 * installed content with the user's folder layered over it.  They live
 * here once, so a change to how ownit finds its files reaches every
 * caller.  Nothing here prints: warnings stay on the store
 * (store_warning) and content problems in the diagnostics the caller
 * passes, to be shown the way the caller shows things.
 */
#ifndef OWNIT_WORKSPACE_H
#define OWNIT_WORKSPACE_H

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/store/store.h"

/* Opens the database named by db_flag (--db, or NULL for $OWNIT_DB and
 * then the XDG default) with store_open flags; with STORE_CREATE the
 * folders of the XDG default are made when missing, never those of a
 * file the user named.  With path non-NULL the
 * malloc'd file name is left in *path, also on failure when it was
 * found (NULL otherwise), so a caller can name it in its messages. */
struct store *workspace_store_open(const char *db_flag, int flags, char **path,
				   struct error *err);

/* Loads the installed content with the user's folder (content_flag,
 * $OWNIT_CONTENT, the XDG config folder) over it.  diags may be NULL;
 * when given it is filled as content_load fills it and the caller frees
 * it with content_diags_free. */
struct content *workspace_content_load(const char *content_flag,
				       struct content_diags *diags,
				       struct error *err);

#endif
