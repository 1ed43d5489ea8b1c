/* app.c - the terminal, colours, signals and the main loop. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/base/utext.h"
#include "core/store/store.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/screen.h"

#define STACK_MAX 16
/* How long a key read waits before the loop looks at signals, and how
 * often the top screen's tick runs (with keys arriving or not). */
#define KEY_WAIT_MS 500
#define TICK_MS 500
/* Our Esc delay, and the longest ESCDELAY taken from the environment. */
#define ESCDELAY_MS 25
#define ESCDELAY_MAX_MS 10000

/* Bracketed paste: the terminal wraps pasted text in these, so it can be
 * told from typing (a pasted Esc or Tab must not act as a key). */
#define PASTE_ON "\033[?2004h"
#define PASTE_OFF "\033[?2004l"
#define PASTE_START "\033[200~"
#define PASTE_END "\033[201~"
/* Key codes curses returns for the markers (past its KEY_MAX). */
#define KEY_PASTE_START 0x2101
/* A paste whose end marker never comes (a terminal that dropped it)
 * ends after this long without a byte. */
#define PASTE_IDLE_MS 1000

/* Set by the handler, acted on by the loop: curses is not async-signal
 * safe, so the handler itself never touches it. */
static volatile sig_atomic_t quit_signal;

/* Whether the terminal was asked for bracketed paste, for the exit,
 * crash and suspend paths. */
static volatile sig_atomic_t paste_mode_on;

/* The terminal as it was before curses, for the crash handler. */
static struct termios saved_termios;
static int have_saved_termios;

static SCREEN *term_screen;

/* Ctrl-Z: the loop saves what the screen holds before it stops. */
static volatile sig_atomic_t suspend_signal;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

static void on_suspend_signal(int sig)
{
	(void)sig;
	suspend_signal = 1;
}

#if !defined(__SANITIZE_ADDRESS__)
/* A crash leaves no time for curses: put the terminal back with the
 * async-signal-safe calls only, then die of the same signal. */
static void on_crash_signal(int sig)
{
	static const char restore[] =
		PASTE_OFF "\033[?1049l\033[?25h\033[0m\r\n";
	app_data_crash_cleanup();
	if (have_saved_termios)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
	ssize_t n = write(STDOUT_FILENO, restore, sizeof restore - 1);
	(void)n;
	signal(sig, SIG_DFL);
	raise(sig);
}
#endif

static void signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocking key read must return so the loop
	 * sees the flag. */
	sa.sa_handler = on_quit_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* Ours before curses starts, so curses keeps its own out: a note
	 * typed before Ctrl-Z is saved before the process stops, and a kill
	 * while stopped loses nothing the screen showed. */
	sa.sa_handler = on_suspend_signal;
	sigaction(SIGTSTP, &sa, NULL);

#if !defined(__SANITIZE_ADDRESS__)
	/* Under ASan its own handler reports the crash; ours would hide it. */
	sa.sa_handler = on_crash_signal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
#endif
}

static void write_all(const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, s, len);
		if (n <= 0 && errno != EINTR)
			return;
		if (n > 0) {
			s += n;
			len -= (size_t)n;
		}
	}
}

void app_paste_mode(int on)
{
	if (!term_screen || paste_mode_on == on)
		return;
	/* Whatever curses still holds goes first, so the switch lands
	 * between frames, never inside one. */
	fflush(stdout);
	write_all(on ? PASTE_ON : PASTE_OFF);
	paste_mode_on = on;
}

/* ------------------------------------------------------------- editor */

static const char *editor_command(void)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !ed[0])
		ed = getenv("EDITOR");
	return ed && ed[0] ? ed : "vi";
}

/* The editor through the environment, so its command needs no quoting;
 * like system(), ^C reaches the editor and not ownit. */
static int editor_spawn(const char *ed, const char *path)
{
	struct sigaction ign, old_int, old_quit;
	int status = -1;
	if (setenv("OWNIT_EDIT_WITH", ed, 1) < 0)
		return -1;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", "$OWNIT_EDIT_WITH \"$1\"", "sh",
		      path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	unsetenv("OWNIT_EDIT_WITH");
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0
									 : -1;
}

int app_edit_file(const char *path, const char **editor)
{
	const char *ed = editor_command();
	int paste_was_on = paste_mode_on;
	*editor = ed;
	def_prog_mode();
	app_paste_mode(0);
	endwin();
	int rc = editor_spawn(ed, path);
	reset_prog_mode();
	app_paste_mode(paste_was_on);
	clearok(curscr, TRUE);
	refresh();
	return rc == 0;
}

static void terminal_restore(void)
{
	if (!term_screen)
		return;
	app_paste_mode(0);
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

static int colors_wanted(const struct ui_options *opts)
{
	const char *no_color = getenv("NO_COLOR");
	if (opts->no_color || (no_color && no_color[0]))
		return 0;
	return has_colors();
}

/* Pair numbers are the style numbers; -1 keeps the terminal's own
 * background so ownit looks at home in light and dark themes.  That rules
 * out yellow and cyan text, which all but vanish on white, and bold black,
 * which many terminals show as grey: the title is bold white on blue, and
 * where 256 colours exist amber, green and the accents take darker shades
 * that read on black and on white alike.  One exception: with eight
 * colours the fifth chart line is cyan, the only colour left that no other
 * line has (blue is the first's); pale on white, it is still told apart,
 * and its letter names it anyway. */
static void colors_init(void)
{
	static const short fg8[UI_STYLE_COUNT] = {
		[UI_NORMAL] = -1,	    [UI_TITLE] = COLOR_WHITE,
		[UI_KEYLINE] = -1,	    [UI_KEY] = COLOR_BLUE,
		[UI_SELECTED] = COLOR_BLACK, [UI_DIM] = -1,
		[UI_HEADING] = COLOR_BLUE,   [UI_GOOD] = COLOR_GREEN,
		[UI_WARN] = COLOR_YELLOW,    [UI_BAD] = COLOR_RED,
		[UI_ACCENT] = COLOR_BLUE,    [UI_ACCENT2] = COLOR_MAGENTA,
		[UI_SERIES_C] = COLOR_GREEN, [UI_SERIES_D] = COLOR_RED,
		[UI_SERIES_E] = COLOR_CYAN,  [UI_SERIES_F] = -1,
	};
	/* xterm-256 cube: 28 green, 136 dark gold, 25 and 33 blues, 127
	 * magenta; each keeps 4:1 contrast or better on both backgrounds. */
	static const short fg256[UI_STYLE_COUNT] = {
		[UI_NORMAL] = -1,  [UI_TITLE] = 15,	[UI_KEYLINE] = -1,
		[UI_KEY] = 25,	   [UI_SELECTED] = 16, [UI_DIM] = -1,
		[UI_HEADING] = 25, [UI_GOOD] = 28,	[UI_WARN] = 136,
		[UI_BAD] = 160,	   [UI_ACCENT] = 33,	[UI_ACCENT2] = 127,
		[UI_SERIES_C] = 28, [UI_SERIES_D] = 166, [UI_SERIES_E] = 30,
		[UI_SERIES_F] = -1,
	};
	static const short bg[UI_STYLE_COUNT] = {
		[UI_TITLE] = COLOR_BLUE,
		[UI_SELECTED] = COLOR_CYAN,
	};
	start_color();
	use_default_colors();
	int few = COLORS < 256;
	const short *fg = few ? fg8 : fg256;
	for (int s = 1; s < UI_STYLE_COUNT && s < COLOR_PAIRS; s++) {
		short b = bg[s] ? bg[s] : -1;
		/* With eight colours there is no dark gold: amber is yellow
		 * on its own black ground, yellow on a dark terminal and a
		 * legible chip on a light one. */
		if (few && s == UI_WARN)
			b = COLOR_BLACK;
		init_pair((short)s, fg[s], b);
	}
}

attr_t app_attr(const struct app *app, enum ui_style style)
{
	static const attr_t mono[UI_STYLE_COUNT] = {
		[UI_TITLE] = A_REVERSE,	 [UI_KEY] = A_BOLD,
		[UI_SELECTED] = A_REVERSE, [UI_DIM] = A_DIM,
		[UI_HEADING] = A_BOLD,	 [UI_BAD] = A_BOLD,
		[UI_WARN] = A_BOLD,	 [UI_ACCENT] = A_BOLD,
		[UI_ACCENT2] = A_UNDERLINE,
	};
	if (!app->color || style == UI_NORMAL)
		return mono[style];
	/* These two are in the terminal's own colours, which is pair 0:
	 * naming their pair anyway would make curses send a colour change
	 * at every switch to and from them, and the home screen switches
	 * many times a line. */
	if (style == UI_KEYLINE)
		return 0;
	if (style == UI_DIM)
		return A_DIM;
	attr_t a = COLOR_PAIR(style);
	if (style == UI_TITLE || style == UI_HEADING || style == UI_KEY ||
	    style == UI_SERIES_F)
		a |= A_BOLD;
	/* Plain blue of eight colours is too dark on black for a chart's
	 * line; bold brightens it on most terminals. */
	if (style == UI_ACCENT && COLORS < 256)
		a |= A_BOLD;
	if (style == UI_DIM)
		a |= A_DIM;
	return a;
}

void app_status(struct app *app, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_is_error = is_error;
}

void app_exit_notice(struct app *app, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	size_t had = app->exit_notices ? strlen(app->exit_notices) : 0;
	char *all = realloc(app->exit_notices, had + strlen(line) + 9);
	if (!all)
		return; /* the line is lost, the older ones are kept */
	sprintf(all + had, "ownit: %s\n", line);
	app->exit_notices = all;
}

static void exit_notices_print(struct app *app)
{
	if (app->exit_notices)
		fputs(app->exit_notices, stderr);
	free(app->exit_notices);
	app->exit_notices = NULL;
}

/* Checks what curses cannot recover from by itself and says so plainly,
 * before the screen is touched. */
static int terminal_usable(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("ownit: the coaching screens need a terminal on standard "
		      "input and output;\nfor scripts use a command such as "
		      "'ownit list' or 'ownit export' (see ownit --help)\n",
		      stderr);
		return 0;
	}
	const char *term = getenv("TERM");
	if (!term || !term[0]) {
		fputs("ownit: TERM is not set; set it to your terminal's type, "
		      "e.g. TERM=xterm-256color\n",
		      stderr);
		return 0;
	}
	return 1;
}

/* tmux, screen and rxvt send Home and End as ESC [1~ / [4~ (or [7~ /
 * [8~) whatever TERM says, which the xterm entries of terminfo do not
 * list; without these the ESC alone would be read as the Esc key. */
static void keys_extra(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{"\033[1~", KEY_HOME}, {"\033[4~", KEY_END},
		{"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
		{"\033[H", KEY_HOME},  {"\033[F", KEY_END},
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
	define_key(PASTE_START, KEY_PASTE_START);
}

/* How long curses waits after an Esc for the rest of a key sequence.
 * Curses itself reads ESCDELAY, but falls back to a whole second on a
 * value it cannot use, which makes every Esc feel stuck; so only a plain
 * number of milliseconds is taken, anything else gets our short delay. */
static int escdelay_wanted(void)
{
	const char *v = getenv("ESCDELAY");
	if (!v || *v < '0' || *v > '9')
		return ESCDELAY_MS;
	errno = 0;
	char *end;
	long ms = strtol(v, &end, 10);
	if (errno || *end || ms > ESCDELAY_MAX_MS)
		return ESCDELAY_MS;
	return (int)ms;
}

static int terminal_start(struct app *app)
{
	const char *term = getenv("TERM");
	if (tcgetattr(STDIN_FILENO, &saved_termios) == 0)
		have_saved_termios = 1;
	/* newterm, unlike initscr, returns instead of exiting on a terminal
	 * type it does not know, so the message can say what to do. */
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen) {
		fprintf(stderr,
			"ownit: unknown terminal type '%s'; set TERM to one "
			"your system knows, e.g. TERM=xterm-256color\n",
			term);
		return -1;
	}
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		terminal_restore();
		fprintf(stderr,
			"ownit: terminal type '%s' cannot move the cursor, "
			"which the coaching screens need; use a full terminal "
			"(e.g. TERM=xterm-256color)\n",
			term);
		return -1;
	}
	set_escdelay(escdelay_wanted());
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	keys_extra();
	intrflush(stdscr, FALSE);
	curs_set(0);
	app_paste_mode(1);
	app->color = colors_wanted(app->opts);
	if (app->color)
		colors_init();
	return 0;
}

struct loop {
	struct screen *stack[STACK_MAX];
	int depth;
};

static void loop_push(struct loop *l, struct app *app, struct screen *s)
{
	if (!s)
		return;
	if (l->depth == STACK_MAX) {
		s->ops->destroy(s);
		app_status(app, 1, "too many screens open");
		return;
	}
	l->stack[l->depth++] = s;
	if (s->ops->enter)
		s->ops->enter(s, app);
}

static void loop_pop(struct loop *l, struct app *app)
{
	struct screen *s = l->stack[--l->depth];
	s->ops->destroy(s);
	if (l->depth > 0) {
		struct screen *top = l->stack[l->depth - 1];
		if (top->ops->enter)
			top->ops->enter(top, app);
	}
}

/* Nothing of the screens fits, so only the sizes and the way out are
 * shown; the sizes share a line when it is wide enough and split down to
 * the narrowest terminal (20 columns) otherwise. */
static void draw_too_small(struct app *app)
{
	erase();
	char need[32], have[32], both[sizeof need + sizeof have + 2];
	snprintf(need, sizeof need, "need %dx%d", APP_MIN_COLS, APP_MIN_LINES);
	snprintf(have, sizeof have, "have %dx%d", COLS, LINES);
	snprintf(both, sizeof both, "%s, %s", need, have);
	const char *row[4] = {"terminal too small", both, "q quit", NULL};
	if (utext_width(both) > COLS) {
		row[1] = need;
		row[2] = have;
		row[3] = "q quit";
	}
	int n = row[3] ? 4 : 3;
	int y = LINES > n ? (LINES - n) / 2 : 0;
	for (int i = 0; i < n && y + i < LINES; i++) {
		int w = utext_width(row[i]);
		draw_text(app, y + i, COLS > w ? (COLS - w) / 2 : 0, row[i],
			  COLS, i == 0 ? UI_BAD : UI_NORMAL);
	}
}

/* OWNIT_CHECK_DRAW set (the tmux tests set it): a draw that runs a
 * statement on the database stops ownit, naming the screen and the
 * statement.  Draw runs on every key and resize; what it shows is read
 * by enter and show. */
static int check_draw = -1;

static void draw_checked(struct screen *s, struct app *app)
{
	if (check_draw < 0)
		check_draw = getenv("OWNIT_CHECK_DRAW") != NULL;
	if (!check_draw || !app->store) {
		s->ops->draw(s, app);
		return;
	}
	store_watch_begin(app->store);
	s->ops->draw(s, app);
	const char *sql = store_watch_end(app->store);
	if (!sql)
		return;
	terminal_restore();
	fprintf(stderr, "ownit: bug: drawing %s read the database: %s\n",
		s->ops->title ? s->ops->title : "a screen", sql);
	abort();
}

/* Draws the top screen; an overlay first has the screens below it drawn,
 * so a box keeps its context visible around it. */
static void draw_stack(struct app *app, struct loop *l, int top)
{
	struct screen *s = l->stack[top];
	if (s->ops->overlay && top > 0)
		draw_stack(app, l, top - 1);
	else
		erase();
	if (s->ops->show)
		s->ops->show(s, app);
	draw_title(app, s->ops->title);
	draw_checked(s, app);
	move(LINES - 1, 0);
	clrtoeol();
	if (LINES >= 2 && s->ops->overlay) {
		move(LINES - 2, 0);
		clrtoeol();
	}
	draw_keyline(app, s->ops->actions,
		     s->ops->is_help ? DRAW_HELP_NONE
		     : s->ops->wants_text && s->ops->wants_text(s)
			     ? DRAW_HELP_TYPING
			     : DRAW_HELP_KEYS);
}

static void draw_screen(struct app *app, struct loop *l)
{
	if (COLS < APP_MIN_COLS || LINES < APP_MIN_LINES) {
		draw_too_small(app);
		return;
	}
	draw_stack(app, l, l->depth - 1);
}

/* ------------------------------------------------------------ reading */

/* Under a locale that is not UTF-8 (LANG=C), curses cannot decode what a
 * UTF-8 terminal sends and silently swallows the bytes of a non-ASCII
 * character, and the keys typed after it.  There keys are read byte by
 * byte instead: a byte past ASCII reaches the screen as a character it
 * can refuse with a message (see fields_key). */
static int bytes_only;

static int read_wch(wint_t *c)
{
	if (!bytes_only)
		return get_wch(c);
	int b = getch();
	if (b == ERR)
		return ERR;
	*c = (wint_t)b;
	return b >= KEY_MIN ? KEY_CODE_YES : OK;
}

/* -------------------------------------------------------------- paste */

/* The text of a bracketed paste, handed out one character at a time as
 * keys marked pasted.  A paste longer than PASTE_MAX characters is cut
 * there, and the loop says so. */
#define PASTE_MAX (1u << 20)

static struct {
	wint_t *ch;
	size_t len, cap, pos;
	int cut;
} paste;

static void paste_push(wint_t c)
{
	if (paste.len == paste.cap) {
		size_t cap = paste.cap ? 2 * paste.cap : 256;
		wint_t *p = cap <= PASTE_MAX
				    ? realloc(paste.ch, cap * sizeof *p)
				    : NULL;
		if (!p) {
			paste.cut = 1;
			return;
		}
		paste.ch = p;
		paste.cap = cap;
	}
	paste.ch[paste.len++] = c;
}

static int paste_pending(void)
{
	return paste.pos < paste.len;
}

static void paste_drop(void)
{
	free(paste.ch);
	memset(&paste, 0, sizeof paste);
}

/* Reads the pasted text up to the end marker, raw: with the keypad off,
 * an escape sequence inside the text stays text.  CR LF becomes one CR
 * (a line break, as a typed Enter). */
static void paste_read(void)
{
	static const char end[] = PASTE_END;
	size_t matched = 0;
	int after_cr = 0;
	paste_drop();
	keypad(stdscr, FALSE);
	timeout(PASTE_IDLE_MS);
	for (;;) {
		wint_t c;
		int r = read_wch(&c);
		if (r == ERR)
			break; /* no end marker: the paste ends here */
		if (r == KEY_CODE_YES)
			continue; /* a resize meanwhile: drawn afterwards */
		if (c == (wint_t)(unsigned char)end[matched]) {
			if (++matched == sizeof end - 1) {
				matched = 0;
				break;
			}
			continue;
		}
		for (size_t i = 0; i < matched; i++)
			paste_push((wint_t)(unsigned char)end[i]);
		matched = c == (wint_t)(unsigned char)end[0];
		if (matched)
			continue;
		if (!(c == L'\n' && after_cr))
			paste_push(c);
		after_cr = c == L'\r';
	}
	for (size_t i = 0; i < matched; i++)
		paste_push((wint_t)(unsigned char)end[i]);
	keypad(stdscr, TRUE);
	timeout(KEY_WAIT_MS);
}

static int paste_next(struct key *k)
{
	if (!paste_pending())
		return 0;
	k->code = 0;
	k->ch = paste.ch[paste.pos++];
	k->pasted = 1;
	return 1;
}

/* ---------------------------------------------------------------- keys */

enum esc_kind {
	ESC_ALONE,    /* the Esc key */
	ESC_SEQUENCE, /* a key sequence curses did not know, dropped */
	ESC_WORD,     /* Alt+Backspace: Esc then DEL or ^H */
};

/* What an Esc just read starts.  An unknown sequence (some terminal's own
 * F-key, say) is read and dropped, so that an unknown key never closes a
 * screen or leaves a session by accident; Esc followed at once by
 * Backspace is the Alt+Backspace of most terminals, which must delete a
 * word, not close the form. */
static enum esc_kind esc_follow(void)
{
	wint_t wc;
	timeout(0);
	int r = read_wch(&wc);
	enum esc_kind kind = ESC_ALONE;
	if (r == OK && (wc == L'[' || wc == L'O')) {
		kind = ESC_SEQUENCE;
		/* Up to the final byte of the CSI or SS3 sequence. */
		for (int n = 0; n < 16; n++) {
			r = read_wch(&wc);
			if (r != OK || (wc >= 0x40 && wc <= 0x7e))
				break;
		}
	} else if ((r == OK && (wc == 0x7f || wc == 8)) ||
		   (r == KEY_CODE_YES && wc == KEY_BACKSPACE)) {
		kind = ESC_WORD;
	} else if (r == OK) {
		/* a key typed right after Esc */
		if (bytes_only)
			ungetch((int)wc);
		else
			unget_wch((wchar_t)wc);
	} else if (r == KEY_CODE_YES) {
		ungetch((int)wc);
	}
	timeout(KEY_WAIT_MS);
	return kind;
}

/* Reads one key (or the next character of a paste): 0 and *k set, 1 for
 * a sequence that was dropped, -1 when none came in time (or a signal
 * interrupted the wait). */
static int key_read(struct key *k)
{
	if (paste_next(k))
		return 0;
	wint_t ch;
	int r = read_wch(&ch);
	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES && ch == KEY_PASTE_START) {
		paste_read();
		return paste_next(k) ? 0 : 1;
	}
	k->code = r == KEY_CODE_YES ? (int)ch : 0;
	k->ch = r == KEY_CODE_YES ? 0 : ch;
	k->pasted = 0;
	/* Terminals send Backspace as DEL or ^H; treat both as the key. */
	if (!k->code && (k->ch == 127 || k->ch == 8)) {
		k->code = KEY_BACKSPACE;
		k->ch = 0;
	}
	if (!k->code && k->ch == UI_KEY_ESC) {
		switch (esc_follow()) {
		case ESC_SEQUENCE:
			return 1;
		case ESC_WORD:
			k->code = UI_KEY_WORD_RUBOUT;
			k->ch = 0;
			break;
		case ESC_ALONE:
			break;
		}
	}
	return 0;
}

static const struct action *action_find(const struct action *t, struct key k)
{
	for (; t && t->id; t++) {
		if (t->code ? t->code == k.code : (!k.code && t->ch == k.ch))
			return t;
	}
	return NULL;
}

/* Help is one key away on every screen, as in htop: F1 always (it is
 * never text, so it works in forms and the note editor too), and `?`
 * wherever it is not being typed.  A screen's own table may still take
 * either key (help itself closes on them). */
static int key_global(struct loop *l, struct app *app, struct key k)
{
	struct screen *top = l->stack[l->depth - 1];
	if (top->ops->is_help || action_find(top->ops->actions, k))
		return 0;
	int typing = top->ops->wants_text && top->ops->wants_text(top);
	int f1 = k.code == KEY_F(1);
	int question = !k.code && k.ch == L'?' && !typing;
	if (!f1 && !question)
		return 0;
	struct screen *help = help_screen_new(top);
	if (!help)
		app_status(app, 1, "out of memory: no help");
	loop_push(l, app, help);
	return 1;
}

static void loop_apply(struct loop *l, struct app *app, struct intent in);

/* A pasted character is text for a screen taking text, and never a key:
 * where nothing takes text the whole paste is dropped, and said so. */
static void key_pasted(struct loop *l, struct app *app, struct key k)
{
	struct screen *top = l->stack[l->depth - 1];
	if (!top->ops->wants_text || !top->ops->wants_text(top)) {
		paste_drop();
		app_status(app, 1, "Paste ignored: nothing here takes "
				   "text.");
		return;
	}
	loop_apply(l, app, top->ops->act(top, app, 0, k));
	if (!paste_pending() && paste.cut)
		app_status(app, 1, "The paste was longer than %u characters: "
				   "only the start of it was taken.",
			   PASTE_MAX);
	if (!paste_pending())
		paste_drop();
}

static void loop_apply(struct loop *l, struct app *app, struct intent in)
{
	switch (in.kind) {
	case INTENT_PUSH:
		loop_push(l, app, in.next);
		break;
	case INTENT_POP:
		loop_pop(l, app);
		break;
	case INTENT_REPLACE:
		if (!in.next)
			break;
		/* The screen below is not re-entered: it stays covered. */
		l->stack[l->depth - 1]->ops->destroy(l->stack[l->depth - 1]);
		l->depth--;
		loop_push(l, app, in.next);
		break;
	case INTENT_QUIT:
		while (l->depth > 0)
			loop_pop(l, app);
		break;
	case INTENT_NONE:
	case INTENT_REDRAW:
		break;
	}
}

/* Milliseconds on a clock that never jumps (NTP, the user's date). */
static long long clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Ctrl-Z: the top screen saves (its tick), the terminal is given back,
 * the process stops; on fg the screen is drawn again. */
static void suspend_now(struct loop *l, struct app *app)
{
	suspend_signal = 0;
	struct screen *top = l->stack[l->depth - 1];
	if (top->ops->tick)
		top->ops->tick(top, app);
	def_prog_mode();
	/* The shell must not get pastes bracketed while ownit is stopped. */
	int paste_was_on = paste_mode_on;
	app_paste_mode(0);
	endwin();
	struct sigaction dfl, ours;
	memset(&dfl, 0, sizeof dfl);
	sigemptyset(&dfl.sa_mask);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &dfl, &ours);
	raise(SIGTSTP);
	/* Continued: SIGTSTP was delivered and the process resumed. */
	sigaction(SIGTSTP, &ours, NULL);
	reset_prog_mode();
	app_paste_mode(paste_was_on);
	clearok(curscr, TRUE);
	refresh();
}

/* Runs until the last screen is gone: 0, or -1 with err set when the
 * content, loaded once the first frame is shown, failed. */
static int loop_run(struct loop *l, struct app *app, struct error *err)
{
	long long ticked = clock_ms();
	int ret = 0;
	timeout(KEY_WAIT_MS);
	while (l->depth > 0 && !quit_signal) {
		struct screen *top = l->stack[l->depth - 1];
		/* A paste is taken in whole before the next frame. */
		if (!paste_pending()) {
			draw_screen(app, l);
			refresh();
		}
		if (!app->content) {
			if (app_content_open(app, err) != 0) {
				ret = -1;
				break;
			}
			if (app->status[0])
				continue; /* a content warning to show */
		}
		/* Keys count against the screen they were typed at: reading
		 * past an Esc may already have taken in a resize. */
		int usable = COLS >= APP_MIN_COLS && LINES >= APP_MIN_LINES;
		struct key k;
		int r = key_read(&k);
		/* The tick runs on time also while keys keep coming, so a
		 * screen's autosave needs no clock of its own. */
		long long now = clock_ms();
		if (now - ticked >= TICK_MS && !quit_signal) {
			ticked = now;
			if (top->ops->tick)
				top->ops->tick(top, app);
		}
		if (suspend_signal && !quit_signal)
			suspend_now(l, app);
		if (r != 0)
			continue;
		if (k.code == KEY_RESIZE)
			continue;
		app->status[0] = '\0';
		if (!usable) {
			paste_drop(); /* nothing shows it: never a key */
			/* The one key the too-small message offers. */
			if (!k.pasted && !k.code && k.ch == L'q')
				loop_apply(l, app, (struct intent){.kind = INTENT_QUIT});
			continue;
		}
		if (k.pasted) {
			key_pasted(l, app, k);
			continue;
		}
		if (key_global(l, app, k))
			continue;
		const struct action *a = action_find(top->ops->actions, k);
		if (top->ops->wants_text && top->ops->wants_text(top) && a &&
		    !a->code && a->ch >= L' ')
			a = NULL; /* printable keys are text while typing */
		loop_apply(l, app, top->ops->act(top, app, a ? a->id : 0, k));
	}
	while (l->depth > 0)
		loop_pop(l, app);
	paste_drop();
	return ret;
}

int ui_run(const struct ui_options *opts)
{
	struct app app;
	memset(&app, 0, sizeof app);
	app.opts = opts;
	app.ascii = opts->ascii || !utext_locale_is_utf8();
	bytes_only = !utext_locale_is_utf8();

	if (!terminal_usable())
		return 2;
	/* The database first: its errors are printed before curses starts,
	 * so the terminal is never touched when there is nothing to show
	 * (the content follows the first frame: see loop_run). */
	struct error err = {0};
	if (app_data_open(&app, &err) != 0)
		return app_data_report(&app, &err);
	signals_install();
	if (terminal_start(&app) != 0) {
		app_data_close(&app);
		return 2;
	}

	struct loop l = {.depth = 0};
	loop_push(&l, &app, home_screen_new(&app));
	int failed = loop_run(&l, &app, &err);
	terminal_restore();
	exit_notices_print(&app);
	int status = failed ? app_data_report(&app, &err) : 0;
	app_data_close(&app);
	if (failed)
		return status;

	if (quit_signal) {
		/* Die of the signal that asked us to stop, as a shell expects,
		 * now that the terminal is whole again. */
		int sig = quit_signal;
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return 0;
}
