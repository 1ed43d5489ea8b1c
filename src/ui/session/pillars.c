/* pillars.c - the pillar self-assessment: each pillar and the vision
 * centre rated 1..5.  All five levels of the pillar at hand are on screen
 * at once, each with its behavioural description, so the number is chosen
 * by comparing them; no level is suggested until the user moves to one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"
#include "ui/draw.h"
#include "ui/session/scale_keys.h"
#include "ui/session/session.h"
#include "ui/wrap.h"

static const struct action pillars_actions[] = {
	{0, L'1', "1-5", "rate", "rate the pillar under the cursor",
	 SCALE_RATE},
	SCALE_DIGIT(2),
	SCALE_DIGIT(3),
	SCALE_DIGIT(4),
	SCALE_DIGIT(5),
	SCALE_KEYS("level", "choose a level on the scale", "pillar",
		   "previous / next pillar",
		   "rate with the level under the cursor",
		   "take back the rating of this pillar",
		   "after a change in another ownit: save your rating over "
		   "it"),
	{0, 0, NULL, NULL, NULL, 0},
};

struct pillars {
	struct session_ctx *ctx;
	int *value; /* per content pillar, 0 unrated */
	size_t cur;
	int level;  /* 1..5 under the cursor, 0 on none */
	int placed;
	/* A rating another ownit changed first, shown now; ^O saves this
	 * one over it, any other key leaves theirs. */
	int mine;       /* the value refused, 0 none */
	size_t mine_at; /* its pillar */
};

static int rating_load(const struct store_rating *r, void *ud)
{
	struct pillars *p = ud;
	long i = content_pillar_index(p->ctx->content, r->pillar_id);
	if (i >= 0)
		p->value[i] = r->value;
	return 0;
}

/* The cursor shows the rating given, and no level before there is one. */
static void level_reset(struct pillars *p)
{
	p->level = p->value[p->cur];
}

static void pillars_enter(struct screen *s, struct app *app)
{
	struct pillars *p = s->data;
	struct error err;
	const struct content *c = p->ctx->content;
	memset(p->value, 0, c->npillars * sizeof *p->value);
	p->mine = 0;
	error_clear(&err);
	if (store_ratings_each(app->store, p->ctx->session_id, rating_load, p,
			       &err) < 0)
		session_fail(app, &err);
	if (!p->placed) {
		p->placed = 1;
		if (p->ctx->resume.pillar < c->npillars)
			p->cur = p->ctx->resume.pillar;
		level_reset(p);
	}
}

static size_t rated(const struct pillars *p)
{
	size_t k = 0;
	for (size_t i = 0; i < p->ctx->content->npillars; i++)
		k += p->value[i] > 0;
	return k;
}

/* "■■■□□" for a rating, "-" when unrated. */
static void dots(const struct app *app, int v, char *buf, size_t size)
{
	size_t o = 0;
	if (!v) {
		snprintf(buf, size, "-");
		return;
	}
	for (int i = 1; i <= CONTENT_RATING_MAX && o + 4 < size; i++) {
		const char *g = draw_glyph(app, i <= v ? GLYPH_LEVEL_ON
						       : GLYPH_LEVEL_OFF);
		o += (size_t)snprintf(buf + o, size - o, "%s", g);
	}
}

/* Rows the five levels take at width w, each wrapped beside its number. */
static int levels_rows(const struct content_pillar *pl, int w)
{
	int n = 0;
	for (int v = 0; v < CONTENT_RATING_MAX; v++)
		n += wrap_count(pl->level[v], w - 6);
	return n;
}

/* The list of pillars with their ratings, rows tall at most: when the
 * levels need the room, a window of it around the pillar at hand. */
static int draw_list(struct pillars *p, struct app *app, int y, int x, int w,
		     int rows)
{
	const struct content *c = p->ctx->content;
	char buf[64];
	int namew = 0;
	for (size_t i = 0; i < c->npillars; i++) {
		int nw = utext_width(c->pillars[i].name);
		namew = nw > namew ? nw : namew;
	}
	if (namew > w / 2)
		namew = w / 2;
	if (rows < 1)
		rows = 1;
	size_t first = 0;
	if ((size_t)rows < c->npillars && p->cur >= (size_t)rows / 2)
		first = p->cur - (size_t)rows / 2;
	if (first + (size_t)rows > c->npillars)
		first = c->npillars > (size_t)rows ? c->npillars - (size_t)rows
						   : 0;
	int drawn = 0;
	for (size_t i = first; i < c->npillars && drawn < rows; i++, drawn++) {
		int here = i == p->cur;
		int yy = y + drawn;
		draw_text(app, yy, x, here ? ">" : " ", 1, UI_ACCENT);
		draw_text(app, yy, x + 2, c->pillars[i].name, namew,
			  here ? UI_SELECTED : UI_NORMAL);
		dots(app, p->value[i], buf, sizeof buf);
		draw_text(app, yy, x + 4 + namew, buf, 10,
			  p->value[i] ? UI_ACCENT : UI_DIM);
		if (p->value[i]) {
			snprintf(buf, sizeof buf, "%d", p->value[i]);
			draw_text(app, yy, x + 10 + namew, buf, 2, UI_NORMAL);
		}
		if (c->pillars[i].centre)
			draw_text(app, yy, x + 13 + namew, "(centre)",
				  w - 13 - namew, UI_DIM);
	}
	return drawn;
}

static void pillars_draw(struct screen *s, struct app *app)
{
	struct pillars *p = s->data;
	const struct session_ctx *ctx = p->ctx;
	const struct content *c = ctx->content;
	const struct content_pillar *pl = &c->pillars[p->cur];
	int y = ctx->top, x = ctx->left + 1, w = ctx->cols - 2;
	int bottom = ctx->top + ctx->rows;
	char buf[64];

	/* The levels come first in the budget, as all five must show; then
	 * the question; the list of pillars takes what is left (a window
	 * around the pillar at hand when that is less than all). */
	int lrows = levels_rows(pl, w);
	int avail = ctx->rows - lrows - 1;
	int qrows = wrap_count(pl->question, w - 2);
	if (qrows > avail - 1)
		qrows = avail - 1 > 1 ? avail - 1 : 1;
	int list = avail - qrows;
	int gap = list - (int)c->npillars >= 2;
	y += draw_list(p, app, y, x, w, list - 2 * gap);
	snprintf(buf, sizeof buf, "%zu/%zu rated", rated(p), c->npillars);
	int bw = utext_width(buf);
	draw_text(app, ctx->top, x + w - bw, buf, bw, UI_DIM);
	y += gap;

	/* The question, then every level with its description; the cursor
	 * and the rating given are marked on the numbers. */
	if (y < bottom)
		draw_text(app, y++, x, pl->name, w, UI_HEADING);
	y += wrap_draw(app, y, x + 2, w - 2, 0, qrows, pl->question,
		       UI_NORMAL);
	y += gap;
	for (int v = CONTENT_RATING_MIN; v <= CONTENT_RATING_MAX && y < bottom;
	     v++) {
		int here = v == p->level, given = v == p->value[p->cur];
		draw_text(app, y, x, here ? ">" : " ", 1, UI_ACCENT);
		snprintf(buf, sizeof buf, given ? "[%d]" : " %d ", v);
		draw_text(app, y, x + 1, buf, 3,
			  here	  ? UI_SELECTED
			  : given ? UI_ACCENT
				  : UI_NORMAL);
		y += wrap_draw(app, y, x + 6, w - 6, 0, bottom - y,
			       pl->level[v - 1],
			       here || given ? UI_NORMAL : UI_DIM);
	}
}

/* Another ownit rated pillar i first: reads and shows their rating (0:
 * none), with the cursor on it.  -1 when it cannot be read. */
static int theirs_show(struct pillars *p, struct app *app, size_t i,
		       int *theirs)
{
	struct error err;
	error_clear(&err);
	*theirs = 0;
	if (store_rating_get(app->store, p->ctx->session_id,
			     p->ctx->content->pillars[i].id, theirs,
			     &err) < 0) {
		session_fail(app, &err);
		return -1;
	}
	p->value[i] = *theirs;
	p->cur = i;
	level_reset(p);
	return 0;
}

/* The save was refused: show the rating stored now and say so. */
static void changed_elsewhere(struct pillars *p, struct app *app, size_t i,
			      int v)
{
	int theirs;
	if (theirs_show(p, app, i, &theirs))
		return;
	p->mine = v;
	p->mine_at = i;
	char what[32] = "took the rating back";
	if (theirs)
		snprintf(what, sizeof what, "rated it %d", theirs);
	app_status(app, 1,
		   "changed elsewhere: another ownit %s; ^O saves yours, %d, "
		   "over it; any other key keeps theirs",
		   what, v);
}

/* Saves rating v of pillar i over the one this screen read: 0 saved,
 * 1 changed elsewhere (theirs shown), -1 failed. */
static int rating_save(struct pillars *p, struct app *app, size_t i, int v)
{
	struct store_rating r = {
		.session_id = p->ctx->session_id,
		.pillar_id = p->ctx->content->pillars[i].id,
		.value = v,
	};
	struct error err;
	error_clear(&err);
	int ret = store_rating_save_if(app->store, &r, p->value[i], &err);
	if (ret < 0)
		session_fail(app, &err);
	else if (ret == 1)
		changed_elsewhere(p, app, i, v);
	else
		p->value[i] = v;
	return ret;
}

/* Takes back the rating of pillar i as this screen read it; one another
 * ownit gave since is shown instead, and Delete again takes it back. */
static void rating_clear(struct pillars *p, struct app *app, size_t i)
{
	const struct content *c = p->ctx->content;
	struct error err;
	error_clear(&err);
	int r = store_rating_delete_if(app->store, p->ctx->session_id,
				       c->pillars[i].id, p->value[i], &err);
	if (r < 0) {
		session_fail(app, &err);
		return;
	}
	if (r == 0) {
		p->value[i] = p->level = 0;
		return;
	}
	int theirs;
	if (theirs_show(p, app, i, &theirs))
		return;
	app_status(app, 1,
		   "changed elsewhere: another ownit rated it %d; Delete "
		   "again takes theirs back, any other key keeps it",
		   theirs);
}

static void rate(struct pillars *p, struct app *app, int v)
{
	const struct content *c = p->ctx->content;
	if (rating_save(p, app, p->cur, v))
		return;
	if (p->cur + 1 < c->npillars) {
		p->cur++;
		level_reset(p);
	} else {
		p->level = v;
		if (rated(p) == c->npillars)
			app_status(app, 0, "All rated: Tab shows the results.");
	}
}

static struct intent pillars_act(struct screen *s, struct app *app, int id,
				 struct key key)
{
	struct pillars *p = s->data;
	const struct content *c = p->ctx->content;
	int mine = p->mine;
	p->mine = 0;
	switch (id) {
	case SCALE_MINE:
		if (!mine)
			app_status(app, 0,
				   "^O saves your rating over one changed in "
				   "another ownit; nothing is waiting.");
		else if (rating_save(p, app, p->mine_at, mine) == 0)
			app_status(app, 0,
				   "Your rating is saved over the other one.");
		break;
	case SCALE_RATE:
		rate(p, app, (int)(key.ch - L'0'));
		break;
	case SCALE_ENTER:
		if (p->level)
			rate(p, app, p->level);
		else
			app_status(app, 0,
				   "Nothing chosen yet: press 1-5, or move to "
				   "a level with the arrow keys.");
		break;
	case SCALE_PREV:
		if (p->cur > 0) {
			p->cur--;
			level_reset(p);
		}
		break;
	case SCALE_NEXT:
		if (p->cur + 1 < c->npillars) {
			p->cur++;
			level_reset(p);
		}
		break;
	case SCALE_UP:
		/* Level 1 is drawn on top: from no level, Up starts at the
		 * bottom (5) and Down at the top (1), as on the diagnostic's
		 * scale. */
		if (!p->level)
			p->level = CONTENT_RATING_MAX;
		else
			p->level -= p->level > CONTENT_RATING_MIN;
		break;
	case SCALE_DOWN:
		p->level += p->level < CONTENT_RATING_MAX;
		break;
	case SCALE_CLEAR:
		rating_clear(p, app, p->cur);
		break;
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static void pillars_destroy(struct screen *s)
{
	struct pillars *p = s->data;
	free(p->value);
	free(p);
	free(s);
}

static const struct screen_ops pillars_ops = {
	.title = "Pillars",
	.purpose = "Rate each pillar of ownership and the connection to "
		   "vision from 1 to 5; all five levels are described, so "
		   "pick the one that reads most like the team today.",
	.actions = pillars_actions,
	.enter = pillars_enter,
	.draw = pillars_draw,
	.act = pillars_act,
	.destroy = pillars_destroy,
};

struct screen *pillars_step_new(struct session_ctx *ctx)
{
	struct screen *s = screen_alloc(&pillars_ops, sizeof(struct pillars));
	struct pillars *p = s ? s->data : NULL;
	int *v = calloc(ctx->content->npillars + 1, sizeof *v);
	if (!s || !p || !v) {
		screen_free(s);
		free(v);
		return NULL;
	}
	p->ctx = ctx;
	p->value = v;
	p->level = 0;
	return s;
}
