/* help.c - the `?` overlay, built from the key table of the screen below,
 * so the help can never disagree with what the keys do.
 *
 * Each key's line is wrapped beside its keys rather than cut, so a long
 * table is taller than a small terminal: the body then scrolls with the
 * arrows and the page keys, and every other key closes the overlay.
 *
 * `o` turns the box into a short card on the three words the whole tool
 * rests on (ownership, accountability, responsibility), reachable from
 * every screen because every screen has help. */
#include "config.h"

#include <stdlib.h>

#include "ui/draw.h"
#include "ui/screen.h"
#include "ui/wrap.h"

/* Columns for the key names, and the widest the box gets. */
#define HELP_KEYS_W 12
#define HELP_BOX_W 72

enum {
	HELP_CLOSE = 1,
	HELP_UP,
	HELP_DOWN,
	HELP_PGUP,
	HELP_PGDN,
	HELP_TOP,
	HELP_BOTTOM,
	HELP_CARD,
};

/* The card: what each word means in this tool, a paragraph each. */
static const char *const card_title =
	"Ownership, accountability, responsibility";
static const char *const card[] = {
	"Ownership is inside a person: the sense that \"this outcome is "
	"mine\". It shows as problems raised early, decisions taken within "
	"one's scope and follow-through nobody has to chase. A leader "
	"cannot order it; it grows or withers in the conditions the leader "
	"sets.",
	"Accountability is outside: the reviews, deadlines and reports that "
	"check whether work got done and who answers for it. It can be put "
	"in place in a day, and on its own it buys compliance rather than "
	"care.",
	"Responsibility sits between the two and looks ahead: the part a "
	"person agrees to carry from here on. Taking it is the step from "
	"\"this happened\" to \"this is mine to move\", the line on the "
	"accountability ladder.",
	"This tool looks for ownership: the red flags are what its absence "
	"looks like, the pillars are the conditions that grow it.",
	"o goes back to the keys; any other key closes.",
};
#define CARD_PARAS (sizeof card / sizeof card[0])

static const struct action help_actions[] = {
	{KEY_UP, 0, "Up/Down", "scroll", NULL, HELP_UP},
	{0, L'k', NULL, NULL, NULL, HELP_UP},
	{KEY_DOWN, 0, NULL, NULL, NULL, HELP_DOWN},
	{0, L'j', NULL, NULL, NULL, HELP_DOWN},
	{KEY_PPAGE, 0, NULL, NULL, NULL, HELP_PGUP},
	{KEY_NPAGE, 0, NULL, NULL, NULL, HELP_PGDN},
	{KEY_HOME, 0, NULL, NULL, NULL, HELP_TOP},
	{KEY_END, 0, NULL, NULL, NULL, HELP_BOTTOM},
	{0, L'o', "o", "ownership?", NULL, HELP_CARD},
	/* `?` again closes, rather than opening help about help. */
	{0, L'?', NULL, NULL, NULL, HELP_CLOSE},
	{0, 0, "any key", "close", NULL, HELP_CLOSE},
	{0, 0, NULL, NULL, NULL, 0},
};

struct help {
	const struct screen *about;
	int scroll; /* body rows above the box */
	int rows;   /* body rows at the last draw */
	int view;   /* body rows the box showed */
	int card;   /* 1: the card instead of the keys */
};

/* The box's geometry for the current terminal. */
struct help_box {
	int y, x, h, w;
	int text_w; /* the purpose's width */
	int help_w; /* a key's help beside its keys */
};

static const char help_card_hint[] =
	"o: what ownership, accountability and responsibility mean here.";

static struct help_box help_box(const struct help *hp, int *rows)
{
	const struct screen *about = hp->about;
	struct help_box b;
	b.w = COLS - 4 < HELP_BOX_W ? COLS - 4 : HELP_BOX_W;
	b.text_w = b.w - 4;
	b.help_w = b.text_w - HELP_KEYS_W - 1;
	int n = 0;
	if (hp->card) {
		/* Paragraphs with a blank row between them. */
		for (size_t i = 0; i < CARD_PARAS; i++)
			n += wrap_count(card[i], b.text_w) + (i > 0);
	} else {
		/* The purpose, a blank row, the keys, a blank row and the
		 * way to the card. */
		n = wrap_count(about->ops->purpose, b.text_w) + 1;
		for (const struct action *a = about->ops->actions; a && a->id;
		     a++)
			if (a->help)
				n += wrap_count(a->help, b.help_w);
		n += 1 + wrap_count(help_card_hint, b.text_w);
	}
	*rows = n;
	/* Borders and the title row around the body. */
	b.h = n + 3 < LINES - 3 ? n + 3 : LINES - 3;
	b.y = (LINES - b.h) / 2;
	b.x = (COLS - b.w) / 2;
	return b;
}

/* Where a body item of n rows starting at body row `row` lands in a view
 * of `view` rows scrolled by `scroll`: its first screen row (relative
 * to the body's top), the rows of it skipped and the rows shown. */
static int item_place(int row, int n, int scroll, int view, int *at,
		      int *skip)
{
	*skip = scroll > row ? scroll - row : 0;
	*at = row + *skip - scroll;
	int shown = n - *skip;
	if (shown > view - *at)
		shown = view - *at;
	return shown > 0 ? shown : 0;
}

static void scroll_marks(const struct help *hp, struct app *app,
			 const struct help_box *bp, int top);

/* The card's paragraphs in the body, scrolled like the keys. */
static void card_draw(const struct help *hp, struct app *app,
		      const struct help_box *b, int top, int tx)
{
	int row = 0;
	for (size_t i = 0; i < CARD_PARAS; i++) {
		int at, skip, n = wrap_count(card[i], b->text_w);
		row += i > 0;
		int shown = item_place(row, n, hp->scroll, hp->view, &at,
				       &skip);
		if (shown)
			wrap_draw(app, top + at, tx, b->text_w, skip, shown,
				  card[i],
				  i + 1 == CARD_PARAS ? UI_DIM : UI_NORMAL);
		row += n;
	}
}

static void help_draw(struct screen *s, struct app *app)
{
	struct help *hp = s->data;
	const struct screen *about = hp->about;
	struct help_box b = help_box(hp, &hp->rows);
	int top = b.y + 2, tx = b.x + 2;
	hp->view = b.h - 3;
	if (hp->scroll > hp->rows - hp->view)
		hp->scroll = hp->rows - hp->view;
	if (hp->scroll < 0)
		hp->scroll = 0;
	draw_box(app, b.y, b.x, b.h, b.w, "Help");
	draw_text(app, b.y + 1, tx, hp->card ? card_title : about->ops->title,
		  b.text_w, UI_HEADING);
	if (hp->card) {
		card_draw(hp, app, &b, top, tx);
		scroll_marks(hp, app, &b, top);
		return;
	}

	int at, skip, shown;
	int row = 0, n = wrap_count(about->ops->purpose, b.text_w);
	shown = item_place(row, n, hp->scroll, hp->view, &at, &skip);
	if (shown)
		wrap_draw(app, top + at, tx, b.text_w, skip, shown,
			  about->ops->purpose, UI_NORMAL);
	row += n + 1;
	for (const struct action *a = about->ops->actions; a && a->id; a++) {
		if (!a->help)
			continue;
		n = wrap_count(a->help, b.help_w);
		shown = item_place(row, n, hp->scroll, hp->view, &at, &skip);
		if (shown && !skip)
			draw_text(app, top + at, tx, a->keys, HELP_KEYS_W,
				  UI_KEY);
		if (shown)
			wrap_draw(app, top + at, tx + HELP_KEYS_W + 1,
				  b.help_w, skip, shown, a->help, UI_NORMAL);
		row += n;
	}
	n = wrap_count(help_card_hint, b.text_w);
	shown = item_place(row + 1, n, hp->scroll, hp->view, &at, &skip);
	if (shown)
		wrap_draw(app, top + at, tx, b.text_w, skip, shown,
			  help_card_hint, UI_DIM);
	scroll_marks(hp, app, &b, top);
}

/* Arrows on the border when there is more above or below. */
static void scroll_marks(const struct help *hp, struct app *app,
			 const struct help_box *bp, int top)
{
	struct help_box b = *bp;
	const char *up = draw_glyph(app, GLYPH_MORE_ABOVE);
	const char *down = draw_glyph(app, GLYPH_MORE_BELOW);
	if (hp->scroll > 0)
		draw_text(app, top, b.x + b.w - 1, up, 1, UI_DIM);
	if (hp->scroll < hp->rows - hp->view)
		draw_text(app, top + hp->view - 1, b.x + b.w - 1, down, 1,
			  UI_DIM);
}

/* Arrows and page keys scroll; any other key closes the overlay, as
 * nothing in help is worth a second key. */
static struct intent help_act(struct screen *s, struct app *app, int id,
			      struct key key)
{
	struct help *hp = s->data;
	int page = hp->view > 1 ? hp->view - 1 : 1;
	(void)app;
	(void)key;
	switch (id) {
	case HELP_UP:
		hp->scroll--;
		break;
	case HELP_DOWN:
		hp->scroll++;
		break;
	case HELP_PGUP:
		hp->scroll -= page;
		break;
	case HELP_PGDN:
		hp->scroll += page;
		break;
	case HELP_TOP:
		hp->scroll = 0;
		break;
	case HELP_BOTTOM:
		hp->scroll = hp->rows;
		break;
	case HELP_CARD:
		hp->card = !hp->card;
		hp->scroll = 0;
		break;
	default:
		return intent_of(INTENT_POP);
	}
	/* Clamped to the box on the next draw. */
	return intent_of(INTENT_REDRAW);
}

static void help_destroy(struct screen *s)
{
	free(s->data);
	free(s);
}

static const struct screen_ops help_ops = {
	.title = "Help",
	.purpose = "The keys of the screen you came from.",
	.actions = help_actions,
	.overlay = 1,
	.is_help = 1,
	.draw = help_draw,
	.act = help_act,
	.destroy = help_destroy,
};

struct screen *help_screen_new(const struct screen *about)
{
	struct screen *s = screen_alloc(&help_ops, sizeof(struct help));
	struct help *hp = s ? s->data : NULL;
	if (!s || !hp) {
		screen_free(s);
		return NULL;
	}
	hp->about = about;
	return s;
}
