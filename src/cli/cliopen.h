/* cliopen.h - opening the database and the content for a command.
 *
 * Shared by export, import and report: each finds the database and the
 * content the way every command does (--db, --content, the environment),
 * prints a store warning to stderr, and on failure leaves the reason in
 * err for cli_fail.
 */
#ifndef OWNIT_CLIOPEN_H
#define OWNIT_CLIOPEN_H

#include "cli/cli.h"
#include "core/chart/canvas.h"
#include "core/content/content.h"
#include "core/base/error.h"
#include "core/store/store.h"

/* Opens the database with store_open flags (0 or STORE_CREATE). */
struct store *cli_store_open(const struct cli_globals *g, int flags,
			     struct error *err);

/* Loads the installed content with the user's folder over it.  On
 * failure with more than one content error, each is printed to stderr
 * and err sums them up; a single one is left in err alone, so that no
 * problem is printed twice. */
struct content *cli_content_load(const struct cli_globals *g,
				 struct error *err);

/* 1 when colour should be used on fp: a terminal, no --no-color, and
 * NO_COLOR unset or empty. */
int cli_use_color(const struct cli_globals *g, FILE *fp);

/* How charts and tables are drawn: ASCII with --ascii or outside a UTF-8
 * locale, else UTF-8 (the TUI decides the same way). */
enum canvas_mode cli_canvas_mode(const struct cli_globals *g);

#endif
