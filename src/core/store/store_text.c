/* store_text.c - the Unicode rules of core/utext, given to SQLite.
 *
 * SQLite's NOCASE folds ASCII only, so ZOË and zoë were two people and
 * sorting put Ö after Z.  Each connection gets:
 *  - ownit_fold(text): the name key (utext_fold), used by the schema's
 *    migration to fill person.name_key for people stored before it;
 *  - the collation ownit_locale: the user's locale order (utext_collate),
 *    used by queries only, never by the schema, so the file stays usable
 *    by the sqlite3 shell and by older programs.
 */
#include "config.h"

#include "core/store/store_int.h"

#include <stdlib.h>

#include "core/base/utext.h"

static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *k = utext_fold(s);
	if (!k) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, k, -1, free);
}

static int sql_collate(void *ud, int la, const void *a, int lb, const void *b)
{
	(void)ud;
	return utext_collate(a, (size_t)la, b, (size_t)lb);
}

int store_text_register(struct store *s, struct error *err)
{
	int rc = sqlite3_create_function(s->db, "ownit_fold", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					     SQLITE_INNOCUOUS,
					 NULL, sql_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(s->db, "ownit_locale",
					      SQLITE_UTF8, NULL, sql_collate);
	return rc == SQLITE_OK
		   ? 0
		   : store_fail(s, rc, "setting up the text rules", err);
}
