/* startup.c - what the TUI needs: the database before the first screen,
 * the content just after it.
 *
 * The database is opened before curses takes the terminal, so one that is
 * not ours is reported as a plain "ownit: ..." line with the right exit
 * status, and the terminal is never touched.  The home screen needs no
 * content, so parsing it waits until the first frame is on screen (only
 * --demo, which seeds sessions from it, loads it first); a broken content
 * folder still ends ownit before any key is read, with the terminal
 * restored first.  The content's own diagnostics are printed line by
 * line, as `ownit check-content` would give them. */
#include "config.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/utext.h"
#include "core/content/content.h"
#include "core/coaching/demo.h"
#include "core/store/store.h"
#include "core/store/workspace.h"
#include "ui/app.h"

/* A crash handler may only unlink and rmdir: the demo's paths are laid
 * out here beforehand. */
enum { DEMO_DB, DEMO_WAL, DEMO_SHM, DEMO_DIR, DEMO_PATHS };
static char demo_paths[DEMO_PATHS][PATH_MAX];
static volatile sig_atomic_t demo_armed;

static struct content *content_open(struct app *app, struct error *err)
{
	struct content_diags diags = {0};
	struct content *c =
		workspace_content_load(app->opts->content, &diags, err);
	if (c && diags.nwarnings > 0)
		app_status(app, 0, "content: %s", diags.warnings[0]);
	/* With more than one problem, all are listed before the summary,
	 * once the terminal is ours to print on again. */
	if (!c && diags.nerrors > 1) {
		app->content_diags = malloc(sizeof diags);
		if (app->content_diags)
			*app->content_diags = diags;
	}
	if (!app->content_diags)
		content_diags_free(&diags);
	return c;
}

static void demo_arm(const char *dir, const char *db)
{
	snprintf(demo_paths[DEMO_DB], PATH_MAX, "%s", db);
	snprintf(demo_paths[DEMO_WAL], PATH_MAX, "%s-wal", db);
	snprintf(demo_paths[DEMO_SHM], PATH_MAX, "%s-shm", db);
	snprintf(demo_paths[DEMO_DIR], PATH_MAX, "%s", dir);
	demo_armed = 1;
}

void app_data_crash_cleanup(void)
{
	if (!demo_armed)
		return;
	for (int i = 0; i < DEMO_DIR; i++)
		unlink(demo_paths[i]);
	rmdir(demo_paths[DEMO_DIR]);
}

static struct store *demo_open(struct app *app, struct error *err)
{
	app->db_path = demo_tempdb(&app->demo_dir, err);
	if (!app->db_path)
		return NULL;
	demo_arm(app->demo_dir, app->db_path);
	struct store *s = workspace_store_open(
		app->db_path, STORE_CREATE | STORE_EXCLUSIVE, NULL, err);
	if (s && demo_seed(s, app->content, err) != 0) {
		store_close(s);
		s = NULL;
	}
	if (s)
		app_status(app, 0,
			   "Demo: a sample database, deleted when you quit.");
	return s;
}

static struct store *db_open(struct app *app, struct error *err)
{
	struct store *s = workspace_store_open(app->opts->db, STORE_CREATE,
					       &app->db_path, err);
	const char *warning = s ? store_warning(s) : NULL;
	if (warning)
		app_status(app, 1, "%s", warning);
	return s;
}

int app_content_open(struct app *app, struct error *err)
{
	if (!app->content)
		app->content = content_open(app, err);
	return app->content ? 0 : -1;
}

/* "ownit: MESSAGE" on stderr, sanitised: the message may quote the bytes
 * of a content file. */
static void say(const char *msg)
{
	char *safe = utext_sanitize_line(msg);
	fprintf(stderr, "ownit: %s\n", safe ? safe : msg);
	free(safe);
}

int app_data_report(struct app *app, const struct error *err)
{
	struct content_diags *d = app->content_diags;
	for (size_t i = 0; d && i < d->nerrors; i++)
		say(d->errors[i]);
	/* Once the errors are listed, err (the first again) gives way to a
	 * summary. */
	struct error sum = *err;
	if (d && err->kind == ERROR_INPUT)
		content_diags_summary(d, &sum);
	say(sum.msg);
	if (d) {
		content_diags_free(d);
		free(d);
		app->content_diags = NULL;
	}
	return err->kind == ERROR_INPUT ? 2 : 1;
}

int app_data_open(struct app *app, struct error *err)
{
	if (app->opts->demo && app_content_open(app, err) != 0)
		return -1;
	app->store = app->opts->demo ? demo_open(app, err) : db_open(app, err);
	if (!app->store) {
		app_data_close(app);
		return -1;
	}
	return 0;
}

void app_data_close(struct app *app)
{
	store_close(app->store);
	app->store = NULL;
	content_free(app->content);
	app->content = NULL;
	if (app->demo_dir) {
		demo_remove(app->demo_dir, app->db_path);
		demo_armed = 0;
		free(app->demo_dir);
		app->demo_dir = NULL;
	}
	free(app->db_path);
	app->db_path = NULL;
	if (app->content_diags) {
		content_diags_free(app->content_diags);
		free(app->content_diags);
		app->content_diags = NULL;
	}
}

/* ------------------------------------------------ lookups for screens */

int app_person_get(struct app *app, int64_t id, struct store_person *out)
{
	struct error err = {0};
	int r = app->store ? store_person_get(app->store, id, out, &err) : -1;
	if (r == 1)
		return 1;
	if (!app->store)
		app_status(app, 1, "no database is open");
	else
		app_status(app, 1, "%s", r < 0 ? err.msg : "no such person");
	return 0;
}

int app_session_get(struct app *app, int64_t id, struct store_session *out)
{
	struct error err = {0};
	if (!app->store || !app->content) {
		app_status(app, 1, "no database or content is open");
		return 0;
	}
	int r = store_session_get(app->store, id, out, &err);
	if (r == 1)
		return 1;
	if (r == 0)
		app_status(app, 1, "session %lld is gone", (long long)id);
	else
		app_status(app, 1, "%s", err.msg[0] ? err.msg : "failed");
	return 0;
}
