/* help.c - the `?` overlay, built from the key table of the screen below,
 * so the help can never disagree with what the keys do. */
#include "config.h"

#include <stdlib.h>

#include "ui/draw.h"
#include "ui/screen.h"

enum { HELP_CLOSE = 1 };

static const struct action help_actions[] = {
	{0, 0, "any key", "close", NULL, HELP_CLOSE},
	{0, 0, NULL, NULL, NULL, 0},
};

static int help_rows(const struct screen *about)
{
	int n = 0;
	for (const struct action *a = about->ops->actions; a && a->id; a++)
		n += a->help != NULL;
	return n;
}

static void help_draw(struct screen *s, struct app *app)
{
	const struct screen *about = s->data;
	int rows = help_rows(about);
	int h = rows + 6;
	int w = COLS - 8 < 72 ? COLS - 8 : 72;
	if (h > LINES - 3)
		h = LINES - 3;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	draw_box(app, y, x, h, w, "Help");
	draw_text(app, y + 1, x + 2, about->ops->title, w - 4, UI_HEADING);
	draw_text(app, y + 2, x + 2, about->ops->purpose, w - 4, UI_NORMAL);
	int r = y + 4;
	for (const struct action *a = about->ops->actions; a && a->id; a++) {
		if (!a->help || r >= y + h - 1)
			continue;
		draw_text(app, r, x + 2, a->keys, 12, UI_KEY);
		draw_text(app, r, x + 15, a->help, w - 17, UI_NORMAL);
		r++;
	}
}

/* Any key closes the overlay: nothing in help is worth a second key. */
static struct intent help_act(struct screen *s, struct app *app, int id,
			      struct key key)
{
	(void)s;
	(void)app;
	(void)id;
	(void)key;
	return intent_of(INTENT_POP);
}

static void help_destroy(struct screen *s)
{
	free(s);
}

static const struct screen_ops help_ops = {
	.title = "Help",
	.purpose = "The keys of the screen you came from.",
	.actions = help_actions,
	.overlay = 1,
	.draw = help_draw,
	.act = help_act,
	.destroy = help_destroy,
};

struct screen *help_screen_new(const struct screen *about)
{
	struct screen *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->ops = &help_ops;
	s->data = (void *)about;
	return s;
}
