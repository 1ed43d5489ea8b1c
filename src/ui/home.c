/* home.c - the first screen: who is being coached, and what is open. */
#include "config.h"

#include <stdlib.h>

#include "ui/draw.h"
#include "ui/screen.h"

enum { HOME_QUIT = 1, HOME_HELP };

static const struct action home_actions[] = {
	{0, L'?', "?", "help", "show the keys of this screen", HOME_HELP},
	{0, L'q', "q", "quit", "leave ownit (everything is already saved)",
	 HOME_QUIT},
	{0, 0, NULL, NULL, NULL, 0},
};

static void home_draw(struct screen *s, struct app *app)
{
	(void)s;
	int y = LINES / 2 - 2;
	draw_text(app, y, 2, "Nobody here yet.", COLS - 4, UI_HEADING);
	draw_text(app, y + 2, 2,
		  "ownit walks a team lead through the red flags of low "
		  "ownership,",
		  COLS - 4, UI_NORMAL);
	draw_text(app, y + 3, 2,
		  "the ownership pillars and the accountability ladder.",
		  COLS - 4, UI_NORMAL);
}

static struct intent home_act(struct screen *s, struct app *app, int id,
			      struct key key)
{
	(void)app;
	(void)key;
	switch (id) {
	case HOME_QUIT:
		return intent_of(INTENT_QUIT);
	case HOME_HELP:
		return intent_push(help_screen_new(s));
	default:
		return intent_of(INTENT_NONE);
	}
}

static void home_destroy(struct screen *s)
{
	free(s);
}

static const struct screen_ops home_ops = {
	.title = "Home",
	.purpose = "The people you coach, their sessions and open commitments.",
	.actions = home_actions,
	.draw = home_draw,
	.act = home_act,
	.destroy = home_destroy,
};

struct screen *home_screen_new(struct app *app)
{
	(void)app;
	struct screen *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->ops = &home_ops;
	return s;
}
