/* notes.c - the session's free-text notes: a small multi-line editor, and
 * the user's $VISUAL/$EDITOR for long notes.
 *
 * Hand-written rather than a form-library field: a multi-line form field
 * neither wraps at word boundaries nor survives KEY_RESIZE with its text
 * in place, and the note must be saved while it is typed.  The text, its
 * word wrap and the cursor are a core textbuf (core/textbuf.h), laid out
 * again for the current width, so a resize only re-wraps; this file maps
 * keys to it and draws its rows.  Saved by the loop's tick, twice a
 * second while there is something new, and when the step is left. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/base/textbuf.h"
#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/fields.h"
#include "ui/session/session.h"

/* A note is free text, but not a book. */
#define NOTES_MAX 200000

enum {
	NT_EDITOR = 1,
	NT_MOVE, /* help rows only: movement is read from the key */
	NT_MINE,   /* after a change elsewhere: save this text over it */
	NT_THEIRS, /* after a change elsewhere: show the other text */
};

static const struct action notes_actions[] = {
	{0, 24, "^X", "editor", "edit the note in $VISUAL or $EDITOR (also F2)",
	 NT_EDITOR},
	{KEY_F(2), 0, "F2", NULL, NULL, NT_EDITOR},
	{0, 15, "^O", NULL,
	 "after a change in another ownit: save this note over it", NT_MINE},
	{0, 18, "^R", NULL,
	 "after a change in another ownit: show that note instead", NT_THEIRS},
	{KEY_HOME, 0, "Home/^A", NULL, "start of the line (End/^E: its end)",
	 NT_MOVE},
	{KEY_PPAGE, 0, "PgUp/PgDn", NULL, "a screen up or down", NT_MOVE},
	{0, 0, NULL, NULL, NULL, 0},
};

struct notes {
	struct session_ctx *ctx;
	struct textbuf tb;
	int loaded;
	size_t top;    /* first row shown */
	char when[16]; /* time of the last save, for the heading */
	/* The note's version as last read or saved here: another ownit
	 * saving the same note moves it (see store_note_save_if). */
	int64_t version;
	int elsewhere; /* it moved: nothing is saved until ^O or ^R */
};

static void say_elsewhere(struct app *app)
{
	app_status(app, 1,
		   "This note was changed in another ownit since you opened "
		   "it; yours is kept here, not saved: ^O saves yours over "
		   "it, ^R shows theirs");
}

static void save(struct notes *n, struct app *app)
{
	struct error err;
	if (n->elsewhere) {
		say_elsewhere(app);
		return;
	}
	char *s = textbuf_utf8(&n->tb);
	if (!s) {
		app_status(app, 1, "out of memory: the note is not saved yet");
		return;
	}
	error_clear(&err);
	int r = store_note_save_if(app->store, n->ctx->session_id, s,
				   &n->version, &err);
	if (r < 0) {
		/* The text stays here and the next tick tries again. */
		session_fail(app, &err);
	} else if (r == 1) {
		n->elsewhere = 1;
		say_elsewhere(app);
	} else {
		n->tb.dirty = 0;
		time_t t = time(NULL);
		struct tm tm;
		if (localtime_r(&t, &tm))
			strftime(n->when, sizeof n->when, "%H:%M:%S", &tm);
	}
	free(s);
}

static void load(struct notes *n, struct app *app)
{
	char *body = NULL;
	struct error err;
	error_clear(&err);
	int r = store_note_get_versioned(app->store, n->ctx->session_id, &body,
					 &n->version, &err);
	if (r < 0) {
		session_fail(app, &err);
		return;
	}
	if (textbuf_set_utf8(&n->tb, r == 1 ? body : "") < 0) {
		app_status(app, 1, "out of memory reading the note");
	} else {
		n->loaded = 1;
		n->elsewhere = 0;
	}
	free(body);
}

/* ^O after a change elsewhere: this text replaces the other one. */
static void keep_mine(struct notes *n, struct app *app)
{
	char *theirs = NULL;
	struct error err;
	error_clear(&err);
	if (store_note_get_versioned(app->store, n->ctx->session_id, &theirs,
				     &n->version, &err) < 0) {
		session_fail(app, &err);
		return;
	}
	free(theirs);
	n->elsewhere = 0;
	n->tb.dirty = 1;
	save(n, app);
	if (!n->tb.dirty)
		app_status(app, 0, "Your note is saved over the other change.");
}

/* Whatever stays unsaved when the step goes (a change elsewhere, a busy
 * or read-only database) is written to a private file and named on exit,
 * so leaving never loses it silently. */
static void rescue(struct notes *n, struct app *app)
{
	char *text = textbuf_utf8(&n->tb);
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/ownit-note-session-%lld-XXXXXX",
		 tmp && tmp[0] ? tmp : "/tmp", (long long)n->ctx->session_id);
	int fd = text ? mkstemp(path) : -1;
	size_t len = text ? strlen(text) : 0;
	int ok = fd >= 0 && write(fd, text, len) == (ssize_t)len;
	if (fd >= 0 && close(fd) != 0)
		ok = 0;
	if (ok)
		app_exit_notice(app,
				"the note of session %lld could not be "
				"saved%s; your text is in %s",
				(long long)n->ctx->session_id,
				n->elsewhere ? " (another ownit changed it)"
					     : "",
				path);
	else
		app_exit_notice(app,
				"the note of session %lld could not be "
				"saved%s and is lost: %s",
				(long long)n->ctx->session_id,
				n->elsewhere ? " (another ownit changed it)"
					     : "",
				strerror(errno));
	free(text);
}

/* ------------------------------------------------------------ $EDITOR */

/* Runs the user's editor on a private copy of the note with curses
 * suspended, then takes the text back (see calcurse's way of doing it). */
static void editor_run(struct notes *n, struct app *app)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/ownit-note-XXXXXX",
		 tmp && tmp[0] ? tmp : "/tmp");
	char *text = textbuf_utf8(&n->tb);
	int fd = text ? mkstemp(path) : -1;
	if (fd < 0) {
		app_status(app, 1, "cannot make a temporary file in %s: %s",
			   tmp && tmp[0] ? tmp : "/tmp", strerror(errno));
		free(text);
		return;
	}
	size_t len = strlen(text);
	int ok = fchmod(fd, 0600) == 0 &&
		 write(fd, text, len) == (ssize_t)len &&
		 (len == 0 || text[len - 1] == '\n' || write(fd, "\n", 1) == 1);
	ok = close(fd) == 0 && ok;
	free(text);
	if (!ok) {
		app_status(app, 1, "cannot write %s: %s", path,
			   strerror(errno));
		unlink(path);
		return;
	}

	/* The terminal is app's: it hands it to the editor and back. */
	const char *ed = NULL;
	int ok_run = app_edit_file(path, &ed);
	if (!ok_run) {
		app_status(app, 1, "%s did not finish cleanly; the note is as "
				   "it was",
			   ed);
		unlink(path);
		return;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		app_status(app, 1, "cannot read back %s: %s", path,
			   strerror(errno));
		unlink(path);
		return;
	}
	char *body = NULL;
	size_t got = 0;
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 &&
	       got < NOTES_MAX * 4) {
		char *b = realloc(body, got + k + 1);
		if (!b)
			break;
		body = b;
		memcpy(body + got, chunk, k);
		got += k;
	}
	fclose(f);
	unlink(path);
	if (body) {
		body[got] = '\0';
		/* Editors end the file with a newline the note never had. */
		if (got && body[got - 1] == '\n')
			body[got - 1] = '\0';
	}
	if (textbuf_set_utf8(&n->tb, body ? body : "") == 0) {
		n->tb.dirty = 1;
		save(n, app);
		if (!n->tb.dirty)
			app_status(app, 0,
				   "Note taken back from the editor and saved.");
	}
	free(body);
}

static void editor_start(struct notes *n, struct app *app)
{
	if (n->tb.dirty)
		save(n, app);
	editor_run(n, app);
}

static int is_text(struct key k)
{
	return !k.code && k.ch >= L' ' && k.ch != 0x7f &&
	       !(k.ch >= 0x80 && k.ch < 0xa0);
}

/* A pasted character is text whatever it is: a line break (CR) breaks
 * the line, a Tab or an Esc is kept (and shown as ^I, ^[), never acted
 * on. */
static int paste_key(struct notes *n, struct key key)
{
	wchar_t wc = key.ch == L'\r' ? L'\n' : (wchar_t)key.ch;
	/* Past NOTES_MAX the rest is refused as typing is. */
	(void)textbuf_insert(&n->tb, wc);
	return 1;
}

/* The keys that edit or move; 0 when the key is none of them. */
static int edit_key(struct notes *n, struct key key)
{
	struct textbuf *t = &n->tb;
	long page = n->ctx->rows > 3 ? n->ctx->rows - 2 : 1;
	if (key.pasted)
		return paste_key(n, key);
	if (fields_edit_key(t, key, TEXTBUF_ROW_START, TEXTBUF_ROW_END))
		return 1;
	switch (key.code) {
	case 0:
		break;
	case KEY_UP:
	case KEY_DOWN:
		textbuf_move(t, key.code == KEY_UP ? TEXTBUF_UP : TEXTBUF_DOWN,
			     1);
		return 1;
	case KEY_PPAGE:
	case KEY_NPAGE:
		textbuf_move(t,
			     key.code == KEY_PPAGE ? TEXTBUF_UP : TEXTBUF_DOWN,
			     page);
		return 1;
	case KEY_ENTER:
		textbuf_insert(t, L'\n');
		return 1;
	default:
		return 0;
	}
	if (is_text(key) || key.ch == L'\r' || key.ch == L'\n') {
		textbuf_insert(t, key.ch == L'\r' ? L'\n' : (wchar_t)key.ch);
		return 1;
	}
	return 0;
}

/* Tab, Shift-Tab and Esc leave the editor for the session's own moves;
 * what was typed is saved first. */
static int leave_key(struct notes *n, struct app *app, struct key key)
{
	enum session_request r;
	if (key.code == KEY_BTAB)
		r = SESSION_PREV;
	else if (!key.code && key.ch == L'\t')
		r = SESSION_NEXT;
	else if (!key.code && key.ch == UI_KEY_ESC)
		r = SESSION_LEAVE;
	else
		return 0;
	save(n, app);
	n->ctx->request = r;
	return 1;
}

static struct intent notes_act(struct screen *s, struct app *app, int id,
			       struct key key)
{
	struct notes *n = s->data;
	int w = n->ctx->cols - 2;
	if (n->tb.width != w)
		textbuf_layout(&n->tb, w);
	if (id == NT_MINE || id == NT_THEIRS) {
		if (!n->elsewhere)
			return intent_of(INTENT_NONE);
		if (id == NT_MINE)
			keep_mine(n, app);
		else
			load(n, app);
		textbuf_layout(&n->tb, w);
		return intent_of(INTENT_REDRAW);
	}
	if (id == NT_EDITOR) {
		editor_start(n, app);
		textbuf_layout(&n->tb, w);
		return intent_of(INTENT_REDRAW);
	}
	if (!edit_key(n, key) && !leave_key(n, app, key))
		return intent_of(INTENT_NONE);
	return intent_of(INTENT_REDRAW);
}

/* ---------------------------------------------------------------- draw */

/* Row r of the text as malloc'd UTF-8, NULL when out of memory.  Sized
 * by the row's characters, not its cells: combining marks take no cell
 * but do take bytes. */
static char *row_text(const struct textbuf *t, size_t r)
{
	const struct textbuf_row *row = &t->rows[r];
	char *line = malloc((row->end - row->start) * 4 + 1);
	if (!line)
		return NULL;
	size_t o = 0;
	for (size_t k = row->start; k < row->end; k++)
		o += utext_encode((uint32_t)t->text[k], line + o);
	line[o] = '\0';
	return line;
}

/* The cursor, in reverse video on the character it stands on. */
static void cursor_draw(const struct textbuf *t, int y, int x, int w)
{
	int cx = x + textbuf_cursor_col(t);
	wchar_t under = t->cur < t->len && t->text[t->cur] != L'\n'
				? t->text[t->cur]
				: L' ';
	if (textbuf_cells(under) == 2 && (under < 0x20 || under == 0x7f))
		under = L'^';
	wchar_t cell[2] = {under, 0};
	attron(A_REVERSE);
	mvaddnwstr(y, cx < x + w ? cx : x + w, cell, 1);
	attroff(A_REVERSE);
}

static void notes_draw(struct screen *s, struct app *app)
{
	struct notes *n = s->data;
	const struct textbuf *t = &n->tb;
	const struct session_ctx *ctx = n->ctx;
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int h = ctx->rows - 1;
	char head[80];
	if (t->width != w)
		textbuf_layout(&n->tb, w);
	/* Whether what the screen shows is in the database yet. */
	if (n->elsewhere)
		snprintf(head, sizeof head, "changed elsewhere");
	else if (t->dirty)
		snprintf(head, sizeof head, "typing");
	else if (n->when[0])
		snprintf(head, sizeof head, "saved %s", n->when);
	else
		head[0] = '\0';
	draw_text(app, y, x, "Notes", w, UI_HEADING);
	int hw = utext_width(head);
	draw_text(app, y, x + w - hw, head, hw, UI_DIM);
	y++;
	if (h < 1 || t->nrows == 0)
		return;
	size_t cr = textbuf_cursor_row(t);
	if (cr < n->top)
		n->top = cr;
	if (cr >= n->top + (size_t)h)
		n->top = cr - (size_t)h + 1;
	if (n->top + (size_t)h > t->nrows)
		n->top = t->nrows > (size_t)h ? t->nrows - (size_t)h : 0;
	for (int i = 0; i < h && n->top + (size_t)i < t->nrows; i++) {
		char *line = row_text(t, n->top + (size_t)i);
		if (!line)
			return;
		draw_text(app, y + i, x, line, w + 1, UI_NORMAL);
		free(line);
	}
	if (t->len == 0)
		draw_text(app, y, x + 2,
			  "Type the notes of this session here; ^X opens "
			  "your own editor.",
			  w - 2, UI_DIM);
	cursor_draw(t, y + (int)(cr - n->top), x, w);
}

static void notes_enter(struct screen *s, struct app *app)
{
	struct notes *n = s->data;
	if (!n->loaded && !n->tb.dirty)
		load(n, app);
}

static void notes_tick(struct screen *s, struct app *app)
{
	struct notes *n = s->data;
	if (n->tb.dirty)
		save(n, app);
}

static int notes_wants_text(const struct screen *s)
{
	(void)s;
	return 1;
}

static void notes_destroy(struct screen *s)
{
	struct notes *n = s->data;
	/* Leaving by any path (Esc, quit, a signal) keeps what was typed. */
	if (n->tb.dirty)
		save(n, n->ctx->app);
	if (n->tb.dirty)
		rescue(n, n->ctx->app);
	textbuf_free(&n->tb);
	free(n);
	free(s);
}

static const struct screen_ops notes_ops = {
	.title = "Notes",
	.purpose = "Free notes for the whole session, saved as you type "
		   "(Tab and Esc work as everywhere in the session).",
	.actions = notes_actions,
	.enter = notes_enter,
	.draw = notes_draw,
	.act = notes_act,
	.wants_text = notes_wants_text,
	.tick = notes_tick,
	.destroy = notes_destroy,
};

struct screen *notes_step_new(struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(&notes_ops, sizeof(struct notes));
	struct notes *n = s ? s->data : NULL;
	if (!s || !n) {
		screen_free(s);
		return NULL;
	}
	textbuf_init(&n->tb, NOTES_MAX);
	n->ctx = ctx;
	return s;
}
