/* notes.c - the session's free-text notes: a small multi-line editor, and
 * the user's $VISUAL/$EDITOR for long notes.
 *
 * Hand-written rather than a form-library field: a multi-line form field
 * neither wraps at word boundaries nor survives KEY_RESIZE with its text
 * in place, and the note must be saved while it is typed.  The text lives
 * here as wide characters; the layout (which characters start each
 * screen row) is recomputed from it for the current width, so a resize
 * only re-wraps.  Saved at least once a second while typing, and when the
 * step is left. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ui/draw.h"
#include "ui/session.h"
#include "ui/wrap.h"

/* A note is free text, but not a book. */
#define NOTES_MAX 200000

enum {
	NT_EDITOR = 1,
	NT_MOVE, /* help rows only: movement is read from the key */
};

static const struct action notes_actions[] = {
	{0, 24, "^X", "editor", "edit the note in $VISUAL or $EDITOR (also F2)",
	 NT_EDITOR},
	{KEY_F(2), 0, "F2", NULL, NULL, NT_EDITOR},
	{KEY_HOME, 0, "Home/^A", NULL, "start of the line (End/^E: its end)",
	 NT_MOVE},
	{KEY_PPAGE, 0, "PgUp/PgDn", NULL, "a screen up or down", NT_MOVE},
	{0, 0, NULL, NULL, NULL, 0},
};

struct vrow {
	size_t start, end; /* characters [start, end) are shown */
};

struct notes {
	struct session_ctx *ctx;
	wchar_t *buf;
	size_t len, cap, cur;
	int loaded;
	int dirty;
	struct timespec saved_at;
	struct vrow *rows;
	size_t nrows, caprows;
	int width;   /* the layout's width */
	size_t top;  /* first row shown */
	int want;    /* column kept by Up/Down */
	char when[16]; /* time of the last save, for the heading */
};

/* -------------------------------------------------------------- layout */

static int row_push(struct notes *n, size_t a, size_t b)
{
	if (n->nrows == n->caprows) {
		size_t cap = n->caprows ? 2 * n->caprows : 64;
		struct vrow *r = realloc(n->rows, cap * sizeof *r);
		if (!r)
			return -1;
		n->rows = r;
		n->caprows = cap;
	}
	n->rows[n->nrows].start = a;
	n->rows[n->nrows++].end = b;
	return 0;
}

/* Word wrap of the buffer at width w: a row breaks after its last blank
 * that fits, or inside a word longer than the row. */
static void layout(struct notes *n, int w)
{
	size_t i = 0;
	n->nrows = 0;
	n->width = w;
	for (;;) {
		size_t start = i, brk = (size_t)-1;
		int col = 0, wrapped = 0;
		while (i < n->len && n->buf[i] != L'\n') {
			int cw = wrap_cells(n->buf[i]);
			if (col + cw > w && i > start) {
				size_t end, next;
				if (n->buf[i] == L' ') {
					end = i;
					next = i + 1;
				} else if (brk != (size_t)-1) {
					end = brk;
					next = brk + 1;
				} else {
					end = i;
					next = i;
				}
				if (row_push(n, start, end) < 0)
					return;
				i = next;
				wrapped = 1;
				break;
			}
			if (n->buf[i] == L' ')
				brk = i;
			col += cw;
			i++;
		}
		if (wrapped)
			continue;
		if (row_push(n, start, i) < 0 || i >= n->len)
			return;
		i++; /* the newline */
	}
}

/* The row the cursor is on: the last row starting at or before it. */
static size_t cursor_row(const struct notes *n)
{
	size_t r = 0;
	while (r + 1 < n->nrows && n->rows[r + 1].start <= n->cur)
		r++;
	return r;
}

static int col_of(const struct notes *n, size_t row, size_t k)
{
	int col = 0;
	for (size_t i = n->rows[row].start; i < k && i < n->len; i++)
		col += wrap_cells(n->buf[i]);
	return col;
}

static size_t index_at(const struct notes *n, size_t row, int want)
{
	const struct vrow *r = &n->rows[row];
	size_t i = r->start;
	int col = 0;
	while (i < r->end) {
		int cw = wrap_cells(n->buf[i]);
		if (col + cw > want)
			break;
		col += cw;
		i++;
	}
	return i;
}

/* --------------------------------------------------------------- store */

static char *to_utf8(const struct notes *n)
{
	char *s = malloc(n->len * MB_CUR_MAX + 1);
	if (!s)
		return NULL;
	size_t o = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < n->len; i++) {
		size_t k = wcrtomb(s + o, n->buf[i], &st);
		if (k == (size_t)-1) {
			s[o] = '?';
			k = 1;
			memset(&st, 0, sizeof st);
		}
		o += k;
	}
	s[o] = '\0';
	return s;
}

static int reserve(struct notes *n, size_t need)
{
	if (need + 1 <= n->cap)
		return 0;
	size_t cap = n->cap ? n->cap : 256;
	while (cap < need + 1)
		cap *= 2;
	wchar_t *b = realloc(n->buf, cap * sizeof *b);
	if (!b)
		return -1;
	n->buf = b;
	n->cap = cap;
	return 0;
}

static int from_utf8(struct notes *n, const char *s)
{
	size_t len = strlen(s);
	if (reserve(n, len) < 0)
		return -1;
	n->len = 0;
	for (size_t i = 0; i < len && n->len < NOTES_MAX;) {
		wchar_t wc;
		i += wrap_decode(s + i, len - i, &wc);
		n->buf[n->len++] = wc;
	}
	n->cur = n->len;
	n->width = 0;
	return 0;
}

static double since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	       (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void save(struct notes *n, struct app *app)
{
	struct error err;
	char *s = to_utf8(n);
	if (!s) {
		app_status(app, 1, "out of memory: the note is not saved yet");
		return;
	}
	error_clear(&err);
	if (store_note_save(app->store, n->ctx->session_id, s, &err) < 0) {
		/* The text stays here and the next tick tries again. */
		session_fail(app, &err);
	} else {
		n->dirty = 0;
		time_t t = time(NULL);
		struct tm tm;
		if (localtime_r(&t, &tm))
			strftime(n->when, sizeof n->when, "%H:%M:%S", &tm);
	}
	free(s);
	clock_gettime(CLOCK_MONOTONIC, &n->saved_at);
}

static void load(struct notes *n, struct app *app)
{
	char *body = NULL;
	struct error err;
	error_clear(&err);
	int r = store_note_get(app->store, n->ctx->session_id, &body, &err);
	if (r < 0) {
		session_fail(app, &err);
		return;
	}
	if (from_utf8(n, r == 1 ? body : "") < 0)
		app_status(app, 1, "out of memory reading the note");
	else
		n->loaded = 1;
	free(body);
}

/* ------------------------------------------------------------- editing */

static void insert(struct notes *n, wchar_t wc)
{
	if (n->len >= NOTES_MAX || reserve(n, n->len + 1) < 0)
		return;
	memmove(n->buf + n->cur + 1, n->buf + n->cur,
		(n->len - n->cur) * sizeof *n->buf);
	n->buf[n->cur++] = wc;
	n->len++;
	n->dirty = 1;
}

static void cut(struct notes *n, size_t a)
{
	memmove(n->buf + a, n->buf + a + 1, (n->len - a - 1) * sizeof *n->buf);
	n->len--;
	n->dirty = 1;
}

/* Runs the user's editor on a private copy of the note with curses
 * suspended, then takes the text back (see calcurse's way of doing it). */
static void editor_run(struct notes *n, struct app *app)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !ed[0])
		ed = getenv("EDITOR");
	if (!ed || !ed[0])
		ed = "vi";
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/ownit-note-XXXXXX",
		 tmp && tmp[0] ? tmp : "/tmp");
	char *text = to_utf8(n);
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

	def_prog_mode();
	endwin();
	/* Like system(): the editor gets ^C, ownit does not. */
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	int status = -1;
	pid_t pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		/* Through the shell, so that EDITOR="code -w" works. */
		execl("/bin/sh", "sh", "-c", "$OWNIT_EDIT_WITH \"$1\"", "sh",
		      path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();

	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
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
	if (from_utf8(n, body ? body : "") == 0) {
		n->dirty = 1;
		save(n, app);
		app_status(app, 0, "Note taken back from the editor and saved.");
	}
	free(body);
}

/* Hands the editor to the child through the environment, so that no
 * quoting of the command is needed. */
static void editor_start(struct notes *n, struct app *app)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !ed[0])
		ed = getenv("EDITOR");
	if (setenv("OWNIT_EDIT_WITH", ed && ed[0] ? ed : "vi", 1) < 0) {
		app_status(app, 1, "cannot start the editor: %s",
			   strerror(errno));
		return;
	}
	if (n->dirty)
		save(n, app);
	editor_run(n, app);
	unsetenv("OWNIT_EDIT_WITH");
}

static void move_rows(struct notes *n, long delta)
{
	size_t r = cursor_row(n);
	long t = (long)r + delta;
	if (t < 0)
		t = 0;
	if (t >= (long)n->nrows)
		t = (long)n->nrows - 1;
	n->cur = index_at(n, (size_t)t, n->want);
}

static int is_text(struct key k)
{
	return !k.code && k.ch >= L' ' && k.ch != 0x7f &&
	       !(k.ch >= 0x80 && k.ch < 0xa0);
}

static struct intent notes_act(struct screen *s, struct app *app, int id,
			       struct key key)
{
	struct notes *n = s->data;
	int w = n->ctx->cols - 2;
	int keep_want = 0;
	if (n->width != w)
		layout(n, w);
	if (id == NT_EDITOR) {
		editor_start(n, app);
		layout(n, w);
		return intent_of(INTENT_REDRAW);
	}
	if (key.code) {
		size_t r = cursor_row(n);
		int page = n->ctx->rows > 3 ? n->ctx->rows - 2 : 1;
		switch (key.code) {
		case KEY_LEFT:
			n->cur -= n->cur > 0;
			break;
		case KEY_RIGHT:
			n->cur += n->cur < n->len;
			break;
		case KEY_UP:
			move_rows(n, -1);
			keep_want = 1;
			break;
		case KEY_DOWN:
			move_rows(n, 1);
			keep_want = 1;
			break;
		case KEY_PPAGE:
			move_rows(n, -page);
			keep_want = 1;
			break;
		case KEY_NPAGE:
			move_rows(n, page);
			keep_want = 1;
			break;
		case KEY_HOME:
			n->cur = n->rows[r].start;
			break;
		case KEY_END:
			n->cur = n->rows[r].end;
			break;
		case KEY_BACKSPACE:
			if (n->cur > 0)
				cut(n, --n->cur);
			break;
		case KEY_DC:
			if (n->cur < n->len)
				cut(n, n->cur);
			break;
		case KEY_ENTER:
			insert(n, L'\n');
			break;
		case KEY_BTAB:
			save(n, app);
			n->ctx->request = SESSION_PREV;
			break;
		default:
			return intent_of(INTENT_NONE);
		}
	} else if (is_text(key)) {
		insert(n, (wchar_t)key.ch);
	} else {
		size_t r = cursor_row(n);
		switch (key.ch) {
		case L'\r':
		case L'\n':
			insert(n, L'\n');
			break;
		case 1: /* ^A */
			n->cur = n->rows[r].start;
			break;
		case 5: /* ^E */
			n->cur = n->rows[r].end;
			break;
		case 4: /* ^D */
			if (n->cur < n->len)
				cut(n, n->cur);
			break;
		case L'\t':
			save(n, app);
			n->ctx->request = SESSION_NEXT;
			break;
		case 27:
			save(n, app);
			n->ctx->request = SESSION_LEAVE;
			break;
		default:
			return intent_of(INTENT_NONE);
		}
	}
	layout(n, w);
	if (!keep_want)
		n->want = col_of(n, cursor_row(n), n->cur);
	if (n->dirty && since(&n->saved_at) >= 1.0)
		save(n, app);
	return intent_of(INTENT_REDRAW);
}

/* ---------------------------------------------------------------- draw */

static void notes_draw(struct screen *s, struct app *app)
{
	struct notes *n = s->data;
	const struct session_ctx *ctx = n->ctx;
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int h = ctx->rows - 1;
	char head[80];
	if (n->width != w)
		layout(n, w);
	/* Whether what the screen shows is in the database yet. */
	if (n->dirty)
		snprintf(head, sizeof head, "typing");
	else if (n->when[0])
		snprintf(head, sizeof head, "saved %s", n->when);
	else
		head[0] = '\0';
	draw_text(app, y, x, "Notes", w, UI_HEADING);
	int hw = draw_text_width(head);
	draw_text(app, y, x + w - hw, head, hw, UI_DIM);
	y++;
	if (h < 1 || n->nrows == 0)
		return;
	size_t cr = cursor_row(n);
	if (cr < n->top)
		n->top = cr;
	if (cr >= n->top + (size_t)h)
		n->top = cr - (size_t)h + 1;
	if (n->top + (size_t)h > n->nrows)
		n->top = n->nrows > (size_t)h ? n->nrows - (size_t)h : 0;
	char *line = malloc((size_t)w * MB_CUR_MAX * 2 + 8);
	if (!line)
		return;
	for (int i = 0; i < h && n->top + (size_t)i < n->nrows; i++) {
		const struct vrow *r = &n->rows[n->top + (size_t)i];
		size_t o = 0;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		for (size_t k = r->start; k < r->end; k++) {
			size_t b = wcrtomb(line + o, n->buf[k], &st);
			if (b == (size_t)-1) {
				line[o] = '?';
				b = 1;
				memset(&st, 0, sizeof st);
			}
			o += b;
		}
		line[o] = '\0';
		draw_text(app, y + i, x, line, w + 1, UI_NORMAL);
	}
	free(line);
	if (n->len == 0)
		draw_text(app, y, x + 2,
			  "Type the notes of this session here; ^X opens "
			  "your own editor.",
			  w - 2, UI_DIM);
	/* The cursor, in reverse video on the character it stands on. */
	int cy = y + (int)(cr - n->top);
	int cx = x + col_of(n, cr, n->cur);
	wchar_t under = n->cur < n->len && n->buf[n->cur] != L'\n'
				? n->buf[n->cur]
				: L' ';
	if (wrap_cells(under) == 2 && (under < 0x20 || under == 0x7f))
		under = L'^';
	wchar_t cell[2] = {under, 0};
	attron(A_REVERSE);
	mvaddnwstr(cy, cx < x + w ? cx : x + w, cell, 1);
	attroff(A_REVERSE);
}

static void notes_enter(struct screen *s, struct app *app)
{
	struct notes *n = s->data;
	if (!n->loaded && !n->dirty)
		load(n, app);
}

static void notes_tick(struct screen *s, struct app *app)
{
	struct notes *n = s->data;
	if (n->dirty)
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
	if (n->dirty)
		save(n, n->ctx->app);
	free(n->buf);
	free(n->rows);
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
	struct screen *s = calloc(1, sizeof *s);
	struct notes *n = calloc(1, sizeof *n);
	if (!s || !n || reserve(n, 256) < 0) {
		free(s);
		if (n)
			free(n->buf);
		free(n);
		return NULL;
	}
	n->ctx = ctx;
	clock_gettime(CLOCK_MONOTONIC, &n->saved_at);
	s->ops = &notes_ops;
	s->data = n;
	return s;
}
