/* export.c - the `x` dialog: which sessions (everyone, one person, or the
 * session whose summary is open), a date range, the format (summary or
 * detail CSV, or a workbook) and the file; Enter writes it and says how
 * many rows went where. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io/csvexport.h"
#include "core/base/dates.h"
#include "core/base/paths.h"
#include "core/store/store.h"
#include "core/io/xlsxexport.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/screen.h"

enum { EX_WRITE = 1, EX_FIELD, EX_CANCEL };

static const struct action ex_actions[] = {
	{0, L'\r', "Enter", "export", "write the file", EX_WRITE},
	{KEY_ENTER, 0, NULL, NULL, NULL, EX_WRITE},
	{0, L'\t', "Tab", "next field", "move between the fields "
	 "(Space or arrows change a choice)", EX_FIELD},
	{KEY_BTAB, 0, NULL, NULL, NULL, EX_FIELD},
	{0, UI_KEY_ESC, "Esc", "cancel", "back without writing anything", EX_CANCEL},
	{0, 0, NULL, NULL, NULL, 0},
};

enum { FMT_SUMMARY, FMT_DETAIL, FMT_XLSX };
static const char *const formats[] = {"summary", "detail", "workbook",
				      NULL};

enum { F_WHO, F_SINCE, F_UNTIL, F_FORMAT, F_FILE, F_COUNT };

struct export {
	int64_t person_id, session_id;
	const char *who[3]; /* "everyone", the person's name */
	char name[160];
	struct fields_def defs[F_COUNT];
	struct fields *f;
	char message[ERROR_MSG_MAX];
	int message_bad;
	char confirmed[4096]; /* a file the user agreed to replace */
	char default_file[64]; /* the name offered, until the user edits it */
};

static void ex_draw(struct screen *s, struct app *app)
{
	struct export *ex = s->data;
	int y, x, w;
	fields_dialog(app, 14, 70, "Export sessions", &y, &x, &w);
	int fx = x + 2 + fields_label_width(ex->f) + 2;
	int row = y + 2;
	if (ex->session_id) {
		draw_text(app, row, x + 2, "Sessions", fx - x - 3, UI_NORMAL);
		draw_text(app, row, fx, "the session on screen", w - 4,
			  UI_ACCENT);
	} else {
		fields_draw(ex->f, app, F_WHO, row, x + 2, fx);
		fields_draw(ex->f, app, F_SINCE, row + 1, x + 2, fx);
		fields_draw(ex->f, app, F_UNTIL, row + 2, x + 2, fx);
	}
	fields_draw(ex->f, app, F_FORMAT, row + 4, x + 2, fx);
	fields_draw(ex->f, app, F_FILE, row + 5, x + 2, fx);
	const char *hint =
		fields_current(ex->f) == F_FORMAT
			? "summary: a CSV row per session; detail: every "
			  "record, for ownit import; workbook: an .xlsx "
			  "with a sheet per record and radar charts."
		: fields_current(ex->f) == F_SINCE ||
				fields_current(ex->f) == F_UNTIL
			? "Days as 2026-11-23, both included; empty for no "
			  "limit."
			: "The file is replaced whole, never half written.";
	if (ex->message[0])
		fields_wrap(app, row + 7, x + 2, w - 4, 4, ex->message,
			    ex->message_bad ? UI_BAD : UI_GOOD);
	else
		fields_wrap(app, row + 7, x + 2, w - 4, 3, hint, UI_DIM);
}

/* A day field: empty (NULL), or a valid day copied to out. */
static int day_field(struct export *ex, int i, const char *label,
		     char out[DATES_DAY_SIZE], const char **day)
{
	char *v = fields_get(ex->f, i);
	*day = NULL;
	if (!v)
		return -1;
	int ok = 1;
	if (v[0] && !dates_valid_day(v)) {
		snprintf(ex->message, sizeof ex->message,
			 "%s: \"%.40s\" is not a day; write it as 2026-11-23.",
			 label, v);
		ok = 0;
	} else if (v[0]) {
		snprintf(out, DATES_DAY_SIZE, "%s", v);
		*day = out;
	}
	free(v);
	if (!ok)
		fields_focus(ex->f, i);
	return ok ? 0 : -1;
}

/* The target as a full path: ~ is the home folder, a relative name is
 * taken from the folder ownit was started in. */
static char *target_path(const char *in, struct error *err)
{
	if (in[0] == '~' && (in[1] == '/' || !in[1])) {
		char *home = paths_home(err);
		if (!home)
			return NULL;
		char *p = paths_join(home, in[1] ? in + 2 : "", err);
		free(home);
		return p;
	}
	if (in[0] == '/')
		return strdup(in);
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd)) {
		error_errno(err, ERROR_RUNTIME, errno, "current folder");
		return NULL;
	}
	return paths_join(cwd, in, err);
}

/* What to export, from the fields: 0, or -1 with the message said and
 * the field to mend focused (a day that is none, a range that is empty).
 * The days live in since and until. */
static int ex_options(struct export *ex, struct csvexport_options *o,
		      char since[DATES_DAY_SIZE], char until[DATES_DAY_SIZE])
{
	csvexport_options_init(o);
	o->format = fields_choice(ex->f, F_FORMAT) == FMT_DETAIL
			? CSVEXPORT_DETAIL
			: CSVEXPORT_SUMMARY;
	o->session_id = ex->session_id;
	if (ex->session_id)
		return 0;
	o->person_id = fields_choice(ex->f, F_WHO) ? ex->person_id : 0;
	if (day_field(ex, F_SINCE, "Since", since, &o->since) ||
	    day_field(ex, F_UNTIL, "Until", until, &o->until))
		return -1;
	if (csvexport_range_empty(o)) {
		snprintf(ex->message, sizeof ex->message,
			 "Since %s is later than Until %s: no day is in both. "
			 "Swap them, or empty one.",
			 o->since, o->until);
		fields_focus(ex->f, F_SINCE);
		return -1;
	}
	return 0;
}

static int ex_run(struct export *ex, struct app *app,
		  const struct csvexport_options *o, const char *path)
{
	size_t rows = 0;
	struct error err = {0};
	int xlsx = fields_choice(ex->f, F_FORMAT) == FMT_XLSX;
	int rc = xlsx ? xlsxexport_write(app->store, app->content, o, path,
					 &rows, &err)
		      : csvexport_write(app->store, app->content, o, path, NULL,
					&rows, &err);
	if (rc != 0) {
		snprintf(ex->message, sizeof ex->message, "%s", err.msg);
		return -1;
	}
	snprintf(ex->message, sizeof ex->message, "Wrote %zu %s%s to %s", rows,
		 xlsx ? "session" : "row", rows == 1 ? "" : "s", path);
	app_status(app, 0, "%s", ex->message);
	return 0;
}

static struct intent ex_write(struct export *ex, struct app *app)
{
	struct error err = {0};
	char *in = fields_get(ex->f, F_FILE);
	char *path = in && in[0] ? target_path(in, &err) : NULL;
	struct stat st;
	struct csvexport_options o;
	char since[DATES_DAY_SIZE], until[DATES_DAY_SIZE];
	ex->message_bad = 1;
	/* What to export is checked before the file: a bad range is said
	 * before asking whether to replace a file it would not write. */
	if (ex_options(ex, &o, since, until) != 0) {
		ex->confirmed[0] = '\0';
	} else if (!in || !in[0]) {
		snprintf(ex->message, sizeof ex->message,
			 "A file name is needed.");
		fields_focus(ex->f, F_FILE);
	} else if (!path ||
		   csvexport_check_target(app->store, path, &err) != 0) {
		snprintf(ex->message, sizeof ex->message, "%s", err.msg);
		fields_focus(ex->f, F_FILE);
	} else if (stat(path, &st) == 0 && strcmp(path, ex->confirmed) != 0) {
		snprintf(ex->message, sizeof ex->message,
			 "%s exists: Enter again replaces it.", path);
		snprintf(ex->confirmed, sizeof ex->confirmed, "%s", path);
	} else if (ex_run(ex, app, &o, path) == 0) {
		ex->message_bad = 0;
	}
	free(in);
	free(path);
	return intent_of(INTENT_REDRAW);
}

/* While the file name is the one offered, it follows the format: .xlsx
 * for a workbook, .csv otherwise. */
static void ex_default_file(struct export *ex)
{
	char *cur = fields_get(ex->f, F_FILE);
	if (!cur)
		return;
	if (strcmp(cur, ex->default_file) == 0) {
		char *dot = strrchr(ex->default_file, '.');
		if (dot) {
			snprintf(dot, sizeof ex->default_file -
					       (size_t)(dot - ex->default_file),
				 "%s",
				 fields_choice(ex->f, F_FORMAT) == FMT_XLSX
					 ? ".xlsx"
					 : ".csv");
			fields_set(ex->f, F_FILE, ex->default_file);
		}
	}
	free(cur);
}

static struct intent ex_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct export *ex = s->data;
	switch (id) {
	case EX_WRITE:
		return ex_write(ex, app);
	case EX_CANCEL:
		return intent_of(INTENT_POP);
	default:
		if (fields_key(ex->f, app, key)) {
			ex->message[0] = '\0';
			ex->confirmed[0] = '\0';
			ex_default_file(ex);
		}
		return intent_of(INTENT_REDRAW);
	}
}

static int ex_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void ex_destroy(struct screen *s)
{
	struct export *ex = s->data;
	if (ex)
		fields_free(ex->f);
	free(ex);
	free(s);
}

static const struct screen_ops ex_ops = {
	.title = "Export",
	.purpose = "Write sessions to a file: a CSV summary for spreadsheets, "
		   "the full detail, or an .xlsx workbook.",
	.actions = ex_actions,
	.overlay = 1,
	.draw = ex_draw,
	.act = ex_act,
	.wants_text = ex_wants_text,
	.destroy = ex_destroy,
};

static void ex_defs(struct export *ex)
{
	ex->who[0] = "everyone";
	ex->who[1] = ex->person_id ? ex->name : NULL;
	ex->who[2] = NULL;
	ex->defs[F_WHO] = (struct fields_def){"Sessions of", 0, 0, ex->who};
	ex->defs[F_SINCE] = (struct fields_def){"Since", 12, 10, NULL};
	ex->defs[F_UNTIL] = (struct fields_def){"Until", 12, 10, NULL};
	ex->defs[F_FORMAT] = (struct fields_def){"Format", 0, 0, formats};
	ex->defs[F_FILE] =
		(struct fields_def){"File", FIELDS_WIDTH_MAX, 1000, NULL};
}

/* Puts the person's name (if any) in ex->name; 0 or -1. */
static int ex_person(struct export *ex, struct app *app, int64_t person_id)
{
	if (!person_id)
		return 0;
	struct store_person p;
	if (!app_person_get(app, person_id, &p))
		return -1;
	snprintf(ex->name, sizeof ex->name, "%s", p.name);
	store_person_clear(&p);
	ex->person_id = person_id;
	return 0;
}

struct screen *export_screen_new(struct app *app, int64_t person_id,
				 int64_t session_id)
{
	struct screen *s = screen_alloc(&ex_ops, sizeof(struct export));
	struct export *ex = s ? s->data : NULL;
	if (!s || !ex || ex_person(ex, app, person_id) != 0)
		goto fail;
	ex->session_id = session_id;
	ex_defs(ex);
	ex->f = fields_new(ex->defs, F_COUNT);
	if (!ex->f)
		goto fail;
	char today[DATES_DAY_SIZE];
	dates_today(today);
	snprintf(ex->default_file, sizeof ex->default_file, "ownit-%s.csv",
		 today);
	fields_set(ex->f, F_FILE, ex->default_file);
	if (session_id) {
		fields_disable(ex->f, F_WHO);
		fields_disable(ex->f, F_SINCE);
		fields_disable(ex->f, F_UNTIL);
	}
	fields_focus(ex->f, session_id ? F_FORMAT : F_WHO);
	return s;
fail:
	if (ex)
		fields_free(ex->f);
	screen_free(s);
	return NULL;
}
