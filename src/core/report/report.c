/* report.c - a session's summary page, section by section.
 *
 * The data comes from sessionfacts (scores, ladder, note, commitment
 * counts) and a few store iterations; the wording of each section lives
 * here, the text handling in report_text.c.
 */
#include "config.h"

#include "core/report/report_int.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart/charts.h"
#include "core/base/dates.h"
#include "core/base/glyph.h"
#include "core/coaching/ladder.h"
#include "core/chart/radar.h"
#include "core/coaching/sessionfacts.h"
#include "core/store/store_export.h"
#include "core/coaching/team.h"
#include "core/coaching/teamview.h"

int report_nomem(struct build *b)
{
	return error_errno(b->err, ERROR_RUNTIME, ENOMEM,
			   "building the report");
}

const char *report_dot(const struct report *r)
{
	return r->dot;
}

/* --------------------------------------------------------------- header */

static int sec_header(struct build *b)
{
	struct report *r = b->r;
	const struct store_session *ses = &r->session;
	char when[DATES_LOCAL_SIZE], done[DATES_LOCAL_SIZE];
	if (dates_local_display(ses->started, when, b->err))
		return -1;
	r->section = REPORT_SEC_HEADER;
	if (report_addf(r, CANVAS_STYLE_TITLE, "", "  ", "%s%s%s session, %s",
			ses->person_name, report_dot(r),
			ses->kind == STORE_KIND_SELF ? "Self-assessment"
						     : "Coaching",
			when))
		return report_nomem(b);
	char line[1024];
	int n = 0;
	if (ses->coach)
		n += snprintf(line + n, sizeof line - (size_t)n, "Coach: %s%s",
			      ses->coach, report_dot(r));
	if (b->regulated)
		n += snprintf(line + n, sizeof line - (size_t)n,
			      "Regulated setting%s", report_dot(r));
	if (ses->status == STORE_SESSION_COMPLETE && ses->completed) {
		if (dates_local_display(ses->completed, done, b->err))
			return -1;
		n += snprintf(line + n, sizeof line - (size_t)n, "Completed %s",
			      done);
	} else {
		n += snprintf(line + n, sizeof line - (size_t)n,
			      "Open (not marked complete)");
	}
	if (n < (int)sizeof line && ses->content_version &&
	    ses->content_version[0])
		snprintf(line + n, sizeof line - (size_t)n, "%sContent %s",
			 report_dot(r), ses->content_version);
	if (report_add_wrapped(r, CANVAS_STYLE_NONE, "", "  ", line) ||
	    report_addf(r, CANVAS_STYLE_RING, "", "  ", "Session %lld%s%s",
			(long long)ses->id, report_dot(r), ses->uuid))
		return report_nomem(b);
	if (b->cur.unknown &&
	    report_addf(r, CANVAS_STYLE_MISSING, "", "",
			"%zu answers or ratings refer to statements or "
			"pillars this content no longer has; they are left "
			"out.",
			b->cur.unknown))
		return report_nomem(b);
	return 0;
}

/* ------------------------------------------------------------ follow-up */

static const char *cstatus_label(enum store_cstatus st)
{
	switch (st) {
	case STORE_C_KEPT:
		return "Kept";
	case STORE_C_PARTLY:
		return "Partly kept";
	case STORE_C_MISSED:
		return "Missed";
	case STORE_C_RENEGOTIATED:
		return "Renegotiated";
	default:
		return "Open";
	}
}

struct clist {
	struct build *b;
	int n;
	int made; /* listing commitments made, not reviewed */
};

static int on_commitment(const struct store_export_commitment *ec, void *ud)
{
	struct clist *cl = ud;
	struct report *r = cl->b->r;
	const struct store_commitment *c = &ec->c;
	if (cl->n++ == 0 &&
	    report_heading(
		r, cl->made ? REPORT_SEC_COMMITMENTS : REPORT_SEC_FOLLOWUP,
		cl->made ? "Commitments" : "Follow-up of earlier commitments"))
		return 1;
	char meta[512];
	int n = snprintf(meta, sizeof meta, "%s", "");
	if (c->owner)
		n += snprintf(meta + n, sizeof meta - (size_t)n, "%sowner %s",
			      n ? ", " : "", c->owner);
	if (c->due && n < (int)sizeof meta)
		n += snprintf(meta + n, sizeof meta - (size_t)n, "%sdue %s",
			      n ? ", " : "", c->due);
	int rc;
	if (cl->made)
		rc = report_addf(r, CANVAS_STYLE_NONE, "  - ", "    ",
				 "%s%s%s%s", c->what, meta[0] ? " (" : "", meta,
				 meta[0] ? ")" : "");
	else
		rc = report_addf(
		    r,
		    c->status == STORE_C_MISSED ? CANVAS_STYLE_BAND_RED
						: CANVAS_STYLE_NONE,
		    "  - ", "    ", "%s: %s%s%s%s", cstatus_label(c->status),
		    c->what, meta[0] ? " (" : "", meta, meta[0] ? ")" : "");
	if (!rc && !cl->made && c->helped)
		rc =
		    report_addf(r, CANVAS_STYLE_NONE,
				"    What helped: ", "      ", "%s", c->helped);
	if (!rc && !cl->made && c->obstacle)
		rc = report_addf(r, CANVAS_STYLE_NONE,
				 "    In the way: ", "      ", "%s",
				 c->obstacle);
	if (!rc && !cl->made && c->differently)
		rc = report_addf(r, CANVAS_STYLE_NONE,
				 "    Differently next time: ", "      ", "%s",
				 c->differently);
	if (!rc && !cl->made && !c->reviewed_session_id)
		rc = report_addf(r, CANVAS_STYLE_NONE, "    ", "      ", "%s",
				 "(followed up on the Commitments screen)");
	return rc ? 1 : 0;
}

static int sec_commitments(struct build *b, int made)
{
	struct clist cl = {.b = b, .made = made};
	int64_t id = b->r->session.id;
	int rc = made ? store_session_commitments_each(b->s, id, on_commitment,
						       &cl, b->err)
		      : store_session_reviewed_each(b->s, id, on_commitment,
						    &cl, b->err);
	if (rc > 0)
		return report_nomem(b);
	return rc;
}

/* --------------------------------------------------------------- ladder */

static int on_step(const struct store_ladder_step *st, void *ud)
{
	struct build *b = ud;
	const struct content_rung *rung = ladder_rung(b->c, st->rung);
	char prefix[64];
	snprintf(prefix, sizeof prefix, "  %s %d ", glyph_str(GLYPH_ARROW, b->r->mode),
		 st->rung);
	return report_addf(b->r, CANVAS_STYLE_NONE, prefix, "      ", "%s: %s",
			   rung ? rung->name : "?", st->answer)
		   ? 1
		   : 0;
}

static int rung_text(const struct content *c, int n, char *buf, size_t size)
{
	const struct content_rung *rung = ladder_rung(c, n);
	return snprintf(buf, size, "%d %s (%s the line)", n,
			rung ? rung->name : "?",
			rung && ladder_is_above(rung) ? "above" : "below");
}

static int sec_ladder(struct build *b)
{
	struct report *r = b->r;
	if (!b->cur.has_ladder)
		return 0;
	char from[128], to[128];
	rung_text(b->c, b->cur.start_rung, from, sizeof from);
	rung_text(b->c, b->cur.reached_rung, to, sizeof to);
	if (report_heading(r, REPORT_SEC_LADDER, "Accountability ladder") ||
	    report_add_wrapped(r, CANVAS_STYLE_NONE, "  Situation: ", "    ",
			       b->cur.situation) ||
	    report_addf(r, CANVAS_STYLE_NONE, "  ", "    ",
			"Started on rung %s; reached rung %s.", from, to))
		return report_nomem(b);
	int rc =
	    store_ladder_steps_each(b->s, r->session.id, on_step, b, b->err);
	return rc > 0 ? report_nomem(b) : rc;
}

/* ---------------------------------------------------------------- notes */

struct notes_ctx {
	struct build *b;
	int headed;
};

static int notes_heading(struct notes_ctx *n)
{
	if (n->headed)
		return 0;
	n->headed = 1;
	return report_heading(n->b->r, REPORT_SEC_NOTES, "Notes");
}

/* A statement's note, under the statement as the user saw it: a note
 * taken during the diagnostic belongs with the session's record. */
static int on_answer_note(const struct store_answer *a, void *ud)
{
	struct notes_ctx *n = ud;
	struct report *r = n->b->r;
	if (!a->note || !a->note[0])
		return 0;
	if (notes_heading(n) ||
	    report_addf(r, CANVAS_STYLE_LABEL, "  ", "    ", "On \"%s\":",
			a->statement ? a->statement : a->item_id) ||
	    report_add_wrapped(r, CANVAS_STYLE_NONE, "    ", "    ", a->note))
		return 1;
	return 0;
}

static int sec_notes(struct build *b)
{
	struct notes_ctx n = {.b = b};
	if (b->cur.note &&
	    (notes_heading(&n) || report_add_wrapped(b->r, CANVAS_STYLE_NONE,
						     "  ", "  ", b->cur.note)))
		return report_nomem(b);
	int rc = store_answers_each(b->s, b->r->session.id, on_answer_note, &n,
				    b->err);
	return rc > 0 ? report_nomem(b) : rc;
}

/* ------------------------------------------------------------ the report */

/* The session to compare with: the last complete one before this, as
 * an open one is often half done; failing that the last one before. */
static int load_previous(struct build *b)
{
	int64_t prev = 0;
	int found =
	    store_session_previous(b->s, b->r->session.id, 1, &prev, b->err);
	if (found == 0)
		found = store_session_previous(b->s, b->r->session.id, 0,
					       &prev, b->err);
	if (found <= 0)
		return found;
	struct store_session ps;
	found = store_session_get(b->s, prev, &ps, b->err);
	if (found <= 0)
		return found;
	int rc = dates_local_day(ps.started, b->prev_day, b->err);
	store_session_clear(&ps);
	if (rc || sessionfacts_load(&b->prev, b->s, b->c, prev, b->err))
		return -1;
	b->has_prev = 1;
	b->r->has_prev = b->prev.nratings > 0;
	return 0;
}

/* The team's view beside the session, for the radar's comparison: only
 * when the screen asked for it, since it reads the round's tallies. */
static int load_team(struct build *b)
{
	if (b->r->compare != REPORT_COMPARE_TEAM)
		return 0;
	unsigned min;
	struct teamview v;
	if (team_min_from_env(&min, b->err))
		return -1;
	if (teamview_load_session(&v, b->s, b->c, &b->r->session, min, NULL,
				  b->err)) {
		teamview_clear(&v);
		return -1;
	}
	if (v.has_round && v.result.shown) {
		size_t nf = b->c->nflags;
		b->team = malloc((b->c->npillars + 1) * sizeof *b->team);
		b->team_flag = malloc((2 * nf + 1) * sizeof *b->team_flag);
		if (!b->team || !b->team_flag) {
			teamview_clear(&v);
			return report_nomem(b);
		}
		for (size_t p = 0; p < b->c->npillars; p++)
			b->team[p] = v.result.pillars[p].shown
					 ? v.result.pillars[p].evidence
					 : NAN;
		b->team_spread = b->team_flag + nf;
		for (size_t f = 0; f < nf; f++) {
			const struct team_figure *tf = &v.result.flags[f].fig;
			b->team_flag[f] = tf->shown ? tf->mean : NAN;
			b->team_spread[f] = tf->shown ? tf->spread : NAN;
		}
		snprintf(b->team_name, sizeof b->team_name, "Team %s (%u)",
			 v.round.day, v.round.responses);
		b->r->has_team = 1;
	}
	teamview_clear(&v);
	return 0;
}

int report_compares_team(const struct build *b)
{
	return b->r->compare == REPORT_COMPARE_TEAM && b->r->has_team;
}

int report_has_team(const struct report *r)
{
	return r->has_team;
}

int report_compares_previous(const struct build *b)
{
	return b->r->compare == REPORT_COMPARE_PREVIOUS && b->r->has_prev;
}

int report_has_previous(const struct report *r)
{
	return r->has_prev;
}

/* Whether the person works in a regulated setting: it decides which
 * self-checks apply. */
static int load_regulated(struct build *b)
{
	struct store_person p;
	int found = store_person_get(b->s, b->r->session.person_id, &p, b->err);
	if (found < 0)
		return -1;
	b->regulated = found && p.regulated;
	if (found)
		store_person_clear(&p);
	return 0;
}

static int wanted(const struct report *r, enum report_section sec)
{
	return !r->sections || (r->sections & REPORT_SECTION(sec));
}

static int build_all(struct build *b)
{
	struct report *r = b->r;
	if (sessionfacts_load(&b->cur, b->s, b->c, r->session.id, b->err) ||
	    load_previous(b) || load_regulated(b) || load_team(b) ||
	    (wanted(r, REPORT_SEC_HEADER) && sec_header(b)) ||
	    (wanted(r, REPORT_SEC_FOLLOWUP) && sec_commitments(b, 0)) ||
	    report_sec_charts(b) ||
	    (wanted(r, REPORT_SEC_LADDER) && sec_ladder(b)) ||
	    (wanted(r, REPORT_SEC_COMMITMENTS) && sec_commitments(b, 1)) ||
	    (wanted(r, REPORT_SEC_NOTES) && sec_notes(b)) ||
	    (wanted(r, REPORT_SEC_TEAM) && report_sec_team(b)))
		return -1;
	return 0;
}

struct report *report_build(struct store *s, const struct content *c,
			    int64_t session_id,
			    const struct report_options *opt, struct error *err)
{
	int width = opt && opt->width ? opt->width : REPORT_WIDTH_DEFAULT;
	if (width < REPORT_WIDTH_MIN || width > REPORT_WIDTH_MAX) {
		error_set(err, ERROR_INPUT,
			  "a report is %d to %d columns "
			  "wide, not %d",
			  REPORT_WIDTH_MIN, REPORT_WIDTH_MAX, width);
		return NULL;
	}
	struct report *r = calloc(1, sizeof *r);
	if (!r) {
		error_errno(err, ERROR_RUNTIME, ENOMEM, "building the report");
		return NULL;
	}
	r->width = width;
	r->mode = opt ? opt->mode : CANVAS_UTF8;
	snprintf(r->dot, sizeof r->dot, " %s ", glyph_str(GLYPH_DOT, r->mode));
	r->radar_rows = opt && opt->radar_rows > 0 ? opt->radar_rows : 0;
	r->sections = opt ? opt->sections : 0;
	r->compare = opt ? opt->compare : REPORT_COMPARE_PREVIOUS;
	r->beside = opt && opt->beside;
	int found = store_session_get(s, session_id, &r->session, err);
	if (found <= 0) {
		if (found == 0)
			error_set(err, ERROR_INPUT, "no session with id %lld",
				  (long long)session_id);
		free(r);
		return NULL;
	}
	struct build b = {.r = r, .s = s, .c = c, .err = err};
	sessionfacts_init(&b.cur);
	sessionfacts_init(&b.prev);
	int rc = build_all(&b);
	sessionfacts_free(&b.cur);
	sessionfacts_free(&b.prev);
	free(b.team);
	free(b.team_flag);
	if (rc) {
		report_free(r);
		return NULL;
	}
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nlines; i++)
		free(r->owned[i]);
	free(r->owned);
	free(r->lines);
	for (int i = 0; i < r->ncanvases; i++)
		canvas_free(r->canvases[i]);
	store_session_clear(&r->session);
	free(r);
}

size_t report_nlines(const struct report *r)
{
	return r->nlines;
}

const struct report_line *report_line(const struct report *r, size_t i)
{
	return i < r->nlines ? &r->lines[i] : NULL;
}

int report_width(const struct report *r)
{
	return r->width;
}

const struct store_session *report_session(const struct report *r)
{
	return &r->session;
}

/* ------------------------------------------------------- finding a session */

static int all_of(const char *s, const char *set)
{
	return *s && strspn(s, set) == strlen(s);
}

int report_find_session(struct store *s, const char *what, int64_t *id,
			struct error *err)
{
	if (all_of(what, "0123456789")) {
		if (strlen(what) > 18)
			return 0;
		struct store_session ses;
		int found =
		    store_session_get(s, strtoll(what, NULL, 10), &ses, err);
		if (found == 1) {
			*id = ses.id;
			store_session_clear(&ses);
		}
		if (found != 0 || strlen(what) < 4)
			return found;
		/* An id of digits only may still be a uuid's start. */
	}
	if (!all_of(what, "0123456789abcdefABCDEF-") || strlen(what) < 4 ||
	    strlen(what) >= STORE_UUID_SIZE)
		return 0;
	int n = store_session_find_prefix(s, what, id, err);
	if (n == 2)
		return error_set(err, ERROR_INPUT,
				 "\"%s\" is the start of more than one "
				 "session's id; give more of it",
				 what);
	return n;
}
