/* report.c - a session's summary page, section by section.
 *
 * The data comes from sessionfacts (scores, ladder, note, commitment
 * counts) and a few store iterations; the wording of each section lives
 * here, the text handling in report_text.c.
 */
#include "config.h"

#include "core/report_int.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/charts.h"
#include "core/dates.h"
#include "core/ladder.h"
#include "core/radar.h"
#include "core/sessionfacts.h"
#include "core/store_export.h"

int report_nomem(struct build *b)
{
	return error_errno(b->err, ERROR_RUNTIME, ENOMEM,
			   "building the report");
}

const char *report_dot(const struct report *r)
{
	return r->mode == CANVAS_ASCII ? " - " : " \xc2\xb7 ";
}

static const char *arrow(const struct report *r)
{
	return r->mode == CANVAS_ASCII ? "->" : "\xe2\x86\x92";
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

/* ------------------------------------------------------------ red flags */

/* Where a band of a kind starts (the amber and red thresholds). */
static double band_start(const struct content *c, const char *band,
			 double fallback)
{
	for (size_t i = 0; i < c->nbands; i++)
		if (c->bands[i].kind == CONTENT_BAND_FLAG &&
		    strcmp(c->bands[i].band, band) == 0)
			return c->bands[i].min;
	return fallback;
}

/* The status word of a bar: its band's label, so the bar reads without
 * colour. */
static const char *flag_status(const struct content *c,
			       const struct charts_bar *b)
{
	const struct content_band *band;

	if (isnan(b->score))
		return "not rated";
	band = content_band_for(c, CONTENT_BAND_FLAG, b->score);
	return band ? band->label : NULL;
}

void report_flag_bars(const struct content *c, const struct score_result *sr,
		      struct charts_bar *bars)
{
	double amber = band_start(c, "amber", 1.5),
	       red = band_start(c, "red", 2.5);
	if (red < amber)
		red = amber;
	for (size_t i = 0; i < c->nflags; i++) {
		bars[i].label = c->flags[i].title;
		/* Shown cut to one decimal, so the figure and its colour
		 * agree with the band of the exact score (score.h). */
		bars[i].score = sr->flags[i].has_score
				    ? score_shown(sr->flags[i].score)
				    : NAN;
		bars[i].amber_at = amber;
		bars[i].red_at = red;
		bars[i].note = flag_status(c, &bars[i]);
	}
}

/* What the tick marks on the tracks are. */
static int flags_key(struct build *b, double amber, double red)
{
	char a[16], rd[16];
	const char *tick = b->r->mode == CANVAS_ASCII ? "|" : "\u253c";
	const struct content_band *ba =
		content_band_for(b->c, CONTENT_BAND_FLAG, amber);
	const struct content_band *br =
		content_band_for(b->c, CONTENT_BAND_FLAG, red);

	radar_format(amber, 0, b->r->mode, a);
	radar_format(red, 0, b->r->mode, rd);
	return report_addf(b->r, CANVAS_STYLE_RING, "", "  ",
			   "%s marks where a band starts: %s from %s, %s "
			   "from %s",
			   tick, ba ? ba->label : "amber", a,
			   br ? br->label : "red", rd)
		       ? report_nomem(b)
		       : 0;
}

/* Statements answered "no occasion / can't say", per red flag: they are
 * answered but not in the scores above, and a reader should know. */
static int no_occasion_line(struct build *b)
{
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	char list[1024];
	size_t n = 0, total = 0;
	list[0] = '\0';
	for (size_t f = 0; f < c->nflags; f++) {
		size_t k = sr->flags[f].no_occasion;
		if (!k || n >= sizeof list)
			continue;
		total += k;
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s %zu",
				      n ? ", " : "", c->flags[f].title, k);
	}
	if (!total)
		return 0;
	return report_addf(b->r, CANVAS_STYLE_NONE, "", "  ",
			   "No occasion / can't say (not scored): %s", list)
		   ? report_nomem(b)
		   : 0;
}

static int sec_flags(struct build *b)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	size_t none = 0;
	for (size_t f = 0; f < c->nflags; f++)
		none += sr->flags[f].no_occasion;
	if (sr->nsignals == 0 && !none)
		return 0;
	if (report_heading(r, REPORT_SEC_FLAGS,
			   "Red flags (0 never .. 4 almost always)"))
		return report_nomem(b);
	if (sr->nsignals == 0)
		return no_occasion_line(b); /* no bar has a score to draw */
	struct charts_bar *bars = calloc(c->nflags, sizeof *bars);
	if (!bars)
		return report_nomem(b);
	report_flag_bars(c, sr, bars);
	struct canvas *cv =
	    canvas_new(r->width, (int)c->nflags, r->mode, b->err);
	int rc = cv ? charts_bars(cv, 0, 0, r->width, 0, bars, (int)c->nflags,
				  b->err)
		    : -1;
	double amber = bars[0].amber_at, red = bars[0].red_at;
	free(bars);
	if (rc) {
		canvas_free(cv);
		return -1;
	}
	if (report_add_canvas(r, cv))
		return report_nomem(b);
	if (flags_key(b, amber, red))
		return -1;
	return no_occasion_line(b);
}

/* ---------------------------------------------------------------- radar */

/* The pillars drawn as axes: every one but the centre, in file order. */
static size_t axes_of(const struct content *c, size_t *axis, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < c->npillars; i++)
		if (i != c->centre && n < max)
			axis[n++] = i;
	return c->npillars ? c->npillars - 1 : 0;
}

static double self_of(const struct sessionfacts *f, size_t p)
{
	const struct score_pillar *sp = &f->score.pillars[p];
	return sp->rated ? (double)sp->self : NAN;
}

static double evidence_of(const struct sessionfacts *f, size_t p)
{
	const struct score_pillar *sp = &f->score.pillars[p];
	return sp->has_evidence ? sp->evidence : NAN;
}

/* The numbers without a chart (content with other than five pillars). */
static int pillar_list(struct build *b)
{
	const struct content *c = b->c;
	char v1[16], v2[16];
	for (size_t i = 0; i < c->npillars; i++)
		if (report_addf(
			b->r, CANVAS_STYLE_NONE, "  ", "    ",
			"%s: self %s, evidence %s", c->pillars[i].name,
			radar_format(self_of(&b->cur, i), 0, b->r->mode, v1),
			radar_format(evidence_of(&b->cur, i), 0, b->r->mode,
				     v2)))
			return report_nomem(b);
	return 0;
}

static int add_table(struct build *b, const struct radar_input *in)
{
	char *t = radar_table(in, b->r->mode, b->err);
	if (!t)
		return -1;
	int rc = 0;
	for (char *p = t; *p && !rc;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		rc = report_add_wrapped(b->r, CANVAS_STYLE_NONE, "", "", p);
		p = nl ? nl + 1 : p + strlen(p);
	}
	free(t);
	return rc ? report_nomem(b) : 0;
}

static int sec_radar(struct build *b)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	size_t axis[RADAR_AXES];
	int rated = b->cur.nratings > 0;
	int evidence = b->cur.score.nsignals > 0;
	if (!rated && !evidence)
		return 0;
	if (report_heading(r, REPORT_SEC_RADAR, "Pillars (1 .. 5)"))
		return report_nomem(b);
	if (axes_of(c, axis, RADAR_AXES) != RADAR_AXES)
		return pillar_list(b);
	char prevname[64];
	struct radar_input in = {.centre_name = c->pillars[c->centre].name};
	const struct sessionfacts *second = NULL;
	in.series[0].name = rated ? "This session" : "Evidence from red flags";
	if (rated && b->has_prev && b->prev.nratings > 0) {
		snprintf(prevname, sizeof prevname, "Previous session (%s)",
			 b->prev_day);
		in.series[1].name = prevname;
		second = &b->prev;
	} else if (rated && evidence) {
		in.series[1].name = "Evidence from red flags";
	}
	in.nseries = in.series[1].name ? 2 : 1;
	for (int a = 0; a < RADAR_AXES; a++) {
		size_t p = axis[a];
		in.axis_name[a] = c->pillars[p].name;
		in.series[0].value[a] =
		    rated ? self_of(&b->cur, p) : evidence_of(&b->cur, p);
		in.series[1].value[a] =
		    second ? self_of(second, p) : evidence_of(&b->cur, p);
	}
	in.series[0].centre = rated ? self_of(&b->cur, c->centre)
				    : evidence_of(&b->cur, c->centre);
	in.series[1].centre = second ? self_of(second, c->centre)
				     : evidence_of(&b->cur, c->centre);
	int h = r->width * 2 / 7;
	if (h > 24)
		h = 24;
	/* The heading takes one of the rows a screen has for the chart. */
	if (r->radar_rows && h > r->radar_rows - 1)
		h = r->radar_rows - 1;
	if (h < RADAR_MIN_HEIGHT)
		h = RADAR_MIN_HEIGHT;
	struct canvas *cv = canvas_new(r->width, h, r->mode, b->err);
	if (!cv)
		return -1;
	if (radar_draw(cv, 0, 0, r->width, h, &in, NULL, b->err)) {
		canvas_free(cv);
		return -1;
	}
	if (report_add_canvas(r, cv) || report_blank(r))
		return report_nomem(b);
	return add_table(b, &in);
}

/* --------------------------------------------------------------- ladder */

static int on_step(const struct store_ladder_step *st, void *ud)
{
	struct build *b = ud;
	const struct content_rung *rung = ladder_rung(b->c, st->rung);
	char prefix[64];
	snprintf(prefix, sizeof prefix, "  %s %d ", arrow(b->r), st->rung);
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

static int sec_notes(struct build *b)
{
	if (!b->cur.note)
		return 0;
	if (report_heading(b->r, REPORT_SEC_NOTES, "Notes") ||
	    report_add_wrapped(b->r, CANVAS_STYLE_NONE, "  ", "  ",
			       b->cur.note))
		return report_nomem(b);
	return 0;
}

/* ------------------------------------------------------------ the report */

static int load_previous(struct build *b)
{
	int64_t prev = 0;
	int found =
	    store_session_previous(b->s, b->r->session.id, 0, &prev, b->err);
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
	return 0;
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

static int build_all(struct build *b)
{
	if (sessionfacts_load(&b->cur, b->s, b->c, b->r->session.id, b->err) ||
	    load_previous(b) || load_regulated(b) || sec_header(b) ||
	    sec_commitments(b, 0) || sec_flags(b) || sec_radar(b) ||
	    report_sec_signals(b) || report_sec_gap(b) || sec_ladder(b) ||
	    sec_commitments(b, 1) || sec_notes(b) || report_sec_team(b))
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
	r->radar_rows = opt && opt->radar_rows > 0 ? opt->radar_rows : 0;
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
