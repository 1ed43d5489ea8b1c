/* team_round.c - a team round by passing the keyboard.
 *
 * Each member of the leader's team answers the team statements in turn
 * at the same terminal.  Between members the screen shows nothing of
 * anyone's answers, only how many have answered; a member's answers are
 * written in one step when they confirm them, as counts (store.h), and
 * Esc before that throws away their own answers and nobody else's.  The
 * round itself is created by the first member who saves, so leaving
 * before anyone answered leaves nothing behind.  Before the first member
 * the screen asks for the round's optional label ("Q4 retro"), which
 * names the round in the history and the report.  Finishing shows the
 * round as team.h adds it up: nothing below the threshold.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content/content.h"
#include "core/store/store.h"
#include "core/coaching/team.h"
#include "core/coaching/teamview.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/wrap.h"

enum tr_state { TR_INTRO, TR_ASK, TR_CONFIRM, TR_DONE };

enum {
	TR_ENTER = 1,
	TR_VALUE,
	TR_SKIP,
	TR_BACK,
	TR_FINISH,
	TR_ESC,
	TR_HELP,
};

static const struct action tr_actions[] = {
	{0, L'\r', "Enter", "start/save",
	 "start a member's answers; at the end, save them", TR_ENTER},
	{KEY_ENTER, 0, NULL, NULL, NULL, TR_ENTER},
	{0, L'0', "0-4", "answer",
	 "answer the statement: 0 never .. 4 almost always", TR_VALUE},
	{0, L'1', NULL, NULL, NULL, TR_VALUE},
	{0, L'2', NULL, NULL, NULL, TR_VALUE},
	{0, L'3', NULL, NULL, NULL, TR_VALUE},
	{0, L'4', NULL, NULL, NULL, TR_VALUE},
	{0, L's', "s", "skip", "leave a statement unanswered", TR_SKIP},
	{KEY_LEFT, 0, "Left", "back", "back to the previous statement",
	 TR_BACK},
	{KEY_BACKSPACE, 0, NULL, NULL, NULL, TR_BACK},
	{0, L'f', "f", "finish", "end the round and see what it adds up to",
	 TR_FINISH},
	{0, UI_KEY_ESC, "Esc", "discard/leave",
	 "while answering: throw away your own answers; else leave",
	 TR_ESC},
	{0, L'q', NULL, NULL, NULL, TR_ESC},
	{0, L'?', "?", "help", "show the keys of this screen", TR_HELP},
	{0, 0, NULL, NULL, NULL, 0},
};

struct team_round {
	int64_t person_id;
	char *person;
	int64_t round_id; /* 0 until the first member saves */
	unsigned saved;   /* members saved in this round */
	unsigned min;
	size_t *asked;  /* indices into content.team, the statements asked */
	size_t nasked;
	int *answer;    /* per asked statement: -1 none, else 0..4 */
	size_t at;
	enum tr_state state;
	struct teamview view; /* TR_DONE */
	char *label;	      /* the round's label, or NULL */
	int label_asked;      /* the prompt was answered with Enter */
	int label_open;	      /* the prompt is over this screen */
	struct prompt_result pr;
};

static int answered(const struct team_round *t)
{
	int n = 0;
	for (size_t i = 0; i < t->nasked; i++)
		n += t->answer[i] >= 0;
	return n;
}

/* Forgets the current member's answers: nothing of them stays in
 * memory for the next member to find. */
static void member_reset(struct team_round *t)
{
	for (size_t i = 0; i < t->nasked; i++)
		t->answer[i] = -1;
	t->at = 0;
}

/* ------------------------------------------------------------- drawing */

static int say(struct app *app, int y, const char *text, enum ui_style st)
{
	return wrap_draw(app, y, 2, COLS - 4, 0, LINES - 3 - y, text, st);
}

static void draw_intro(struct team_round *t, struct app *app)
{
	char line[256];
	int y = 2;
	snprintf(line, sizeof line, "Team round about %s", t->person);
	draw_text(app, y, 2, line, COLS - 4, UI_HEADING);
	y += 2;
	y += say(app, y,
		 "Pass the keyboard to the next member of the team. Each "
		 "member answers alone, for the team as a whole. Nobody's "
		 "answers are shown, and only how many gave each answer is "
		 "kept, with today's date.",
		 UI_NORMAL);
	if (t->label) {
		snprintf(line, sizeof line, "Label: %s", t->label);
		draw_text(app, y, 2, line, COLS - 4, UI_NORMAL);
	}
	snprintf(line, sizeof line, "Members who have answered so far: %u",
		 t->saved);
	draw_text(app, y + 1, 2, line, COLS - 4, UI_ACCENT);
	snprintf(line, sizeof line,
		 "Enter: start answering.  f: finish the round (at least %u "
		 "members before any figure is shown).  Esc: leave.",
		 t->min);
	say(app, y + 3, line, UI_DIM);
}

static void draw_scale(struct app *app, int y)
{
	int x = 2;
	for (int v = CONTENT_SCALE_MIN; v <= CONTENT_SCALE_MAX; v++) {
		char item[64];
		snprintf(item, sizeof item, "%d %s   ", v,
			 content_scale_label(app->content, v));
		x += draw_text(app, y, x, item, COLS - 2 - x, UI_NORMAL);
	}
}

static void draw_ask(struct team_round *t, struct app *app)
{
	const struct content_team_item *it =
		&app->content->team[t->asked[t->at]];
	char line[128];
	snprintf(line, sizeof line, "Statement %zu of %zu", t->at + 1,
		 t->nasked);
	draw_text(app, 2, 2, line, COLS - 4, UI_DIM);
	int y = 4 + say(app, 4, it->statement, UI_HEADING);
	draw_scale(app, y + 1);
	int v = t->answer[t->at];
	if (v >= 0) {
		snprintf(line, sizeof line, "Your answer: %d %s", v,
			 content_scale_label(app->content, v));
		draw_text(app, y + 3, 2, line, COLS - 4, UI_ACCENT);
	}
}

static void draw_confirm(struct team_round *t, struct app *app)
{
	char line[256];
	snprintf(line, sizeof line,
		 "That was the last statement: you answered %d of %zu. "
		 "Enter saves your answers; Esc throws them away. Either way "
		 "the screen is cleared for the next member.",
		 answered(t), t->nasked);
	say(app, 3, line, UI_NORMAL);
}

static int draw_done_flags(struct team_round *t, struct app *app, int y)
{
	const struct content *c = app->content;
	draw_text(app, y++, 2, "Red flag                        Team  Spread",
		  COLS - 4, UI_HEADING);
	for (size_t f = 0; f < c->nflags && y < LINES - 3; f++, y++) {
		const struct team_flag *tf = &t->view.result.flags[f];
		char line[160];
		if (tf->fig.shown)
			snprintf(line, sizeof line, "%-30.30s  %4.1f  %4.1f %s",
				 c->flags[f].title, score_shown(tf->fig.mean),
				 score_shown(tf->fig.spread),
				 team_spread_word(tf->fig.spread));
		else
			snprintf(line, sizeof line, "%-30.30s     -", c->flags[f].title);
		draw_text(app, y, 2, line, COLS - 4, UI_NORMAL);
	}
	return y;
}

static void draw_done(struct team_round *t, struct app *app)
{
	const struct content *c = app->content;
	char line[256];
	snprintf(line, sizeof line, "Team round about %s: %u responses",
		 t->person, t->view.has_round ? t->view.round.responses : 0);
	draw_text(app, 2, 2, line, COLS - 4, UI_HEADING);
	if (!t->view.has_round || !t->view.result.shown) {
		snprintf(line, sizeof line,
			 "Fewer than %u responses: no team figure is shown, so "
			 "that no answer can be told apart.",
			 t->min);
		say(app, 4, line, UI_WARN);
		return;
	}
	int y = draw_done_flags(t, app, 4) + 1;
	draw_text(app, y++, 2, "Pillar                          Team", COLS - 4,
		  UI_HEADING);
	for (size_t p = 0; p < c->npillars && y < LINES - 3; p++, y++) {
		const struct team_pillar *tp = &t->view.result.pillars[p];
		if (tp->shown)
			snprintf(line, sizeof line, "%-30.30s  %4.1f",
				 c->pillars[p].name, score_shown(tp->evidence));
		else
			snprintf(line, sizeof line, "%-30.30s     -",
				 c->pillars[p].name);
		draw_text(app, y, 2, line, COLS - 4, UI_NORMAL);
	}
}

static void tr_draw(struct screen *s, struct app *app)
{
	struct team_round *t = s->data;
	switch (t->state) {
	case TR_INTRO:
		draw_intro(t, app);
		break;
	case TR_ASK:
		draw_ask(t, app);
		break;
	case TR_CONFIRM:
		draw_confirm(t, app);
		break;
	case TR_DONE:
		draw_done(t, app);
		break;
	}
}

/* ------------------------------------------------------------- actions */

/* Writes the member's answers: the round first, when this is the first
 * member.  0, or -1 after the status line has said why. */
static int member_save(struct team_round *t, struct app *app)
{
	struct error err = {0};
	const struct content *c = app->content;
	struct store_team_answer *a = calloc(t->nasked + 1, sizeof *a);
	size_t n = 0;
	if (!a) {
		app_status(app, 1, "not saved: out of memory");
		return -1;
	}
	for (size_t i = 0; i < t->nasked; i++) {
		if (t->answer[i] < 0)
			continue;
		const struct content_team_item *it = &c->team[t->asked[i]];
		a[n++] = (struct store_team_answer){it->id, it->statement,
						    t->answer[i]};
	}
	int rc = 0;
	if (!t->round_id) {
		struct store_team_round r = {.person_id = t->person_id,
					     .label = t->label,
					     .content_version = c->version};
		rc = store_team_round_add(app->store, &r, &err);
		if (rc == 0)
			t->round_id = r.id;
	}
	if (rc == 0)
		rc = store_team_response_add(app->store, t->round_id, a, n,
					     &err);
	free(a);
	if (rc) {
		app_status(app, 1, "not saved: %s", err.msg);
		return -1;
	}
	t->saved++;
	return 0;
}

static struct intent tr_finish(struct team_round *t, struct app *app)
{
	struct error err = {0};
	teamview_clear(&t->view);
	if (t->round_id &&
	    teamview_load_round(&t->view, app->store, app->content,
				t->round_id, t->min, NULL, &err)) {
		app_status(app, 1, "%s", err.msg);
		teamview_clear(&t->view);
	}
	t->state = TR_DONE;
	return intent_of(INTENT_REDRAW);
}

static struct intent tr_next(struct team_round *t)
{
	if (t->at + 1 < t->nasked)
		t->at++;
	else
		t->state = TR_CONFIRM;
	return intent_of(INTENT_REDRAW);
}

/* Refuses a label the core rule does not take (too long to name the
 * round on one line, blank, a pasted control character); an empty one
 * leaves the round unlabelled. */
static int label_check(char *const *texts, int *field, char *msg, size_t msgsz)
{
	struct error e = {0};
	if (!texts[0] || !texts[0][0] ||
	    team_label_check(texts[0], NULL, &e) == 0)
		return 0;
	*field = 0;
	snprintf(msg, msgsz, "%c%s.", toupper((unsigned char)e.msg[0]),
		 e.msg + 1);
	return 1;
}

/* Before the first member: the round's optional label. */
static struct intent ask_label(struct team_round *t, struct app *app)
{
	static const char *const labels[] = {"Label"};
	const char *init[] = {t->label};
	struct screen *p = prompt_new(
	    "Label this round (optional)",
	    "A few words such as \"Q4 retro\" to tell rounds apart; Enter "
	    "with none leaves it unlabelled, Esc goes back",
	    1, labels, init, label_check, &t->pr);
	if (!p) {
		app_status(app, 1, "out of memory");
		return intent_of(INTENT_REDRAW);
	}
	t->label_open = 1;
	return intent_push(p);
}

/* The label prompt closed: Enter keeps the label and the first member
 * starts; Esc leaves the round as it was. */
static void label_answered(struct team_round *t, struct app *app)
{
	t->label_open = 0;
	if (t->pr.done) {
		const char *text = t->pr.text[0];
		char *label = text && *text ? strdup(text) : NULL;
		if (text && *text && !label) {
			app_status(app, 1, "out of memory");
		} else {
			free(t->label);
			t->label = label;
			t->label_asked = 1;
			member_reset(t);
			t->state = TR_ASK;
		}
	}
	prompt_result_clear(&t->pr);
}

static void tr_enter_op(struct screen *s, struct app *app)
{
	struct team_round *t = s->data;
	if (t->label_open)
		label_answered(t, app);
}

static struct intent tr_enter(struct team_round *t, struct app *app)
{
	switch (t->state) {
	case TR_INTRO:
		if (!t->round_id && !t->label_asked)
			return ask_label(t, app);
		member_reset(t);
		t->state = TR_ASK;
		break;
	case TR_CONFIRM:
		if (!answered(t)) {
			app_status(app, 0, "Nothing answered: nothing saved.");
		} else if (member_save(t, app) == 0) {
			app_status(app, 0, "Saved. Pass the keyboard on.");
		} else {
			return intent_of(INTENT_REDRAW); /* Enter retries */
		}
		member_reset(t);
		t->state = TR_INTRO;
		break;
	case TR_DONE:
		return intent_of(INTENT_POP);
	default:
		return intent_of(INTENT_NONE);
	}
	return intent_of(INTENT_REDRAW);
}

static struct intent tr_esc(struct team_round *t, struct app *app)
{
	if (t->state == TR_ASK || t->state == TR_CONFIRM) {
		member_reset(t);
		t->state = TR_INTRO;
		app_status(app, 0, "Your answers were thrown away; nothing "
				   "of them was saved.");
		return intent_of(INTENT_REDRAW);
	}
	return intent_of(INTENT_POP);
}

static struct intent tr_act(struct screen *s, struct app *app, int id,
			    struct key key)
{
	struct team_round *t = s->data;
	switch (id) {
	case TR_ENTER:
		return tr_enter(t, app);
	case TR_VALUE:
		if (t->state != TR_ASK)
			return intent_of(INTENT_NONE);
		t->answer[t->at] = (int)(key.ch - L'0');
		return tr_next(t);
	case TR_SKIP:
		if (t->state != TR_ASK)
			return intent_of(INTENT_NONE);
		t->answer[t->at] = -1;
		return tr_next(t);
	case TR_BACK:
		if (t->state == TR_CONFIRM)
			t->state = TR_ASK;
		else if (t->state == TR_ASK && t->at > 0)
			t->at--;
		return intent_of(INTENT_REDRAW);
	case TR_FINISH:
		if (t->state != TR_INTRO)
			return intent_of(INTENT_NONE);
		return tr_finish(t, app);
	case TR_ESC:
		return tr_esc(t, app);
	case TR_HELP:
		return intent_push(help_screen_new(s));
	}
	return intent_of(INTENT_NONE);
}

static void tr_destroy(struct screen *s)
{
	struct team_round *t = s->data;
	teamview_clear(&t->view);
	prompt_result_clear(&t->pr);
	free(t->label);
	free(t->person);
	free(t->asked);
	free(t->answer);
	free(t);
	free(s);
}

static const struct screen_ops team_round_ops = {
	.title = "Team round",
	.purpose = "each member of a leader's team answers in turn, "
		   "anonymously",
	.actions = tr_actions,
	.enter = tr_enter_op,
	.draw = tr_draw,
	.act = tr_act,
	.destroy = tr_destroy,
};

static int tr_setup(struct team_round *t, struct app *app)
{
	const struct content *c = app->content;
	struct error err = {0};
	if (team_min_from_env(&t->min, &err)) {
		app_status(app, 1, "%s", err.msg);
		return -1;
	}
	t->asked = calloc(c->nteam + 1, sizeof *t->asked);
	t->answer = calloc(c->nteam + 1, sizeof *t->answer);
	if (!t->asked || !t->answer) {
		app_status(app, 1, "out of memory");
		return -1;
	}
	for (size_t k = 0; k < c->nteam; k++)
		if (!c->team[k].retired)
			t->asked[t->nasked++] = k;
	if (!t->nasked) {
		app_status(app, 1, "content %s has no team statements",
			    c->version);
		return -1;
	}
	member_reset(t);
	return 0;
}

struct screen *team_round_screen_new(struct app *app, int64_t person_id)
{
	struct store_person p;
	if (!app->content || !app_person_get(app, person_id, &p))
		return NULL;
	struct screen *s =
		screen_alloc(&team_round_ops, sizeof(struct team_round));
	struct team_round *t = s ? s->data : NULL;
	if (t)
		t->person = strdup(p.name);
	store_person_clear(&p);
	if (!t || !s || !t->person || tr_setup(t, app)) {
		if (t) {
			free(t->person);
			free(t->asked);
			free(t->answer);
		}
		screen_free(s);
		return NULL;
	}
	t->person_id = person_id;
	return s;
}
