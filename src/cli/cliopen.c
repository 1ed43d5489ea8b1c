/* cliopen.c - the database and content as commands open them. */
#include "config.h"

#include "cli/cliopen.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/base/utext.h"
#include "core/store/workspace.h"

struct store *cli_store_open(const struct cli_globals *g, int flags,
			     struct error *err)
{
	struct store *s = workspace_store_open(g->db, flags, NULL, err);
	if (s && store_warning(s))
		fprintf(stderr, "ownit: warning: %s\n", store_warning(s));
	return s;
}

struct content *cli_content_load(const struct cli_globals *g,
				 struct error *err)
{
	struct content_diags d = {0};
	struct content *c = workspace_content_load(g->content, &d, err);
	/* One error is err itself, for the caller to print; more are each
	 * listed once and err sums them up instead of repeating the first. */
	if (!c && err->kind == ERROR_INPUT && d.nerrors > 1) {
		for (size_t i = 0; i < d.nerrors; i++)
			cli_say("", d.errors[i]);
		content_diags_summary(&d, err);
	}
	content_diags_free(&d);
	return c;
}
enum canvas_mode cli_canvas_mode(const struct cli_globals *g)
{
	return g->ascii || !utext_locale_is_utf8() ? CANVAS_ASCII : CANVAS_UTF8;
}

int cli_use_color(const struct cli_globals *g, FILE *fp)
{
	const char *nc = getenv("NO_COLOR");
	if (g->no_color || (nc && *nc))
		return 0;
	return isatty(fileno(fp));
}
