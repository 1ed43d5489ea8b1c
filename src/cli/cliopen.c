/* cliopen.c - the database and content as commands open them. */
#include "config.h"

#include "cli/cliopen.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/paths.h"

struct store *cli_store_open(const struct cli_globals *g, int flags,
			     struct error *err)
{
	char *path = paths_db(g->db, err);
	if (!path)
		return NULL;
	struct store *s = store_open(path, flags, err);
	free(path);
	if (s && store_warning(s))
		fprintf(stderr, "ownit: warning: %s\n", store_warning(s));
	return s;
}

struct content *cli_content_load(const struct cli_globals *g,
				 struct error *err)
{
	char *base = paths_content_base(err);
	if (!base)
		return NULL;
	char *user = paths_content_user(g->content, err);
	if (!user && err->kind != ERROR_NONE) {
		free(base);
		return NULL;
	}
	struct content_diags d = {0};
	struct content *c = content_load(base, user, &d, err);
	if (!c)
		for (size_t i = 0; i < d.nerrors; i++)
			fprintf(stderr, "%s\n", d.errors[i]);
	content_diags_free(&d);
	free(base);
	free(user);
	return c;
}

int cli_use_color(const struct cli_globals *g, FILE *fp)
{
	const char *nc = getenv("NO_COLOR");
	if (g->no_color || (nc && *nc))
		return 0;
	return isatty(fileno(fp));
}
