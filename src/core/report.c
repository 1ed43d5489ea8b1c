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

/* The strongest signals shown, and self-checks per signal. */
#define REPORT_SIGNALS 2
#define REPORT_CHECKS 2

struct build {
	struct report *r;
	struct store *s;
	const struct content *c;
	struct sessionfacts cur, prev;
	int has_prev;
	char prev_day[DATES_DAY_SIZE];
	struct error *err;
};

static int nomem(struct build *b)
{
	return error_errno(b->err, ERROR_RUNTIME, ENOMEM,
			   "building the report");
}

/* Separators that exist in the mode. */
static const char *dot(const struct report *r)
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
			ses->person_name, dot(r),
			ses->kind == STORE_KIND_SELF ? "Self-assessment"
						     : "Coaching",
			when))
		return nomem(b);
	char line[1024];
	int n = 0;
	if (ses->coach)
		n += snprintf(line + n, sizeof line - (size_t)n, "Coach: %s%s",
			      ses->coach, dot(r));
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
			 dot(r), ses->content_version);
	if (report_add_wrapped(r, CANVAS_STYLE_NONE, "", "  ", line) ||
	    report_addf(r, CANVAS_STYLE_RING, "", "  ", "Session %lld%s%s",
			(long long)ses->id, dot(r), ses->uuid))
		return nomem(b);
	if (b->cur.unknown &&
	    report_addf(r, CANVAS_STYLE_MISSING, "", "",
			"%zu answers or ratings refer to statements or "
			"pillars this content no longer has; they are left "
			"out.",
			b->cur.unknown))
		return nomem(b);
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
		return nomem(b);
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

void report_flag_bars(const struct content *c, const struct score_result *sr,
		      struct charts_bar *bars)
{
	double amber = band_start(c, "amber", 1.5),
	       red = band_start(c, "red", 2.5);
	if (red < amber)
		red = amber;
	for (size_t i = 0; i < c->nflags; i++) {
		bars[i].label = c->flags[i].title;
		bars[i].score =
		    sr->flags[i].has_score ? sr->flags[i].score : NAN;
		bars[i].amber_at = amber;
		bars[i].red_at = red;
		bars[i].note = NULL;
	}
}

static int sec_flags(struct build *b)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	if (sr->nsignals == 0)
		return 0;
	if (report_heading(r, REPORT_SEC_FLAGS,
			   "Red flags (0 never .. 4 almost always)"))
		return nomem(b);
	struct charts_bar *bars = calloc(c->nflags, sizeof *bars);
	if (!bars)
		return nomem(b);
	report_flag_bars(c, sr, bars);
	struct canvas *cv =
	    canvas_new(r->width, (int)c->nflags, r->mode, b->err);
	int rc = cv ? charts_bars(cv, 0, 0, r->width, 0, bars, (int)c->nflags,
				  b->err)
		    : -1;
	free(bars);
	if (rc) {
		canvas_free(cv);
		return -1;
	}
	return report_add_canvas(r, cv) ? nomem(b) : 0;
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
			return nomem(b);
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
	return rc ? nomem(b) : 0;
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
		return nomem(b);
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
	h = h < RADAR_MIN_HEIGHT ? RADAR_MIN_HEIGHT : h > 24 ? 24 : h;
	struct canvas *cv = canvas_new(r->width, h, r->mode, b->err);
	if (!cv)
		return -1;
	if (radar_draw(cv, 0, 0, r->width, h, &in, NULL, b->err)) {
		canvas_free(cv);
		return -1;
	}
	if (report_add_canvas(r, cv) || report_blank(r))
		return nomem(b);
	return add_table(b, &in);
}

/* -------------------------------------------------------------- signals */

static int list_names(char *buf, size_t size, const struct content *c,
		      const struct content_refs *refs, int pillars)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < refs->n && n < size; i++) {
		const char *name = pillars ? c->pillars[refs->idx[i]].name
					   : c->practices[refs->idx[i]].name;
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "",
				      name);
	}
	return 0;
}

static int one_signal(struct build *b, size_t rank, size_t f)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	const struct content_flag *fl = &c->flags[f];
	double score = b->cur.score.flags[f].score;
	const struct content_band *band =
	    content_band_for(c, CONTENT_BAND_FLAG, score);
	char v[16], names[1024];
	radar_format(score, 0, r->mode, v);
	if (report_addf(r, CANVAS_STYLE_LABEL, "", "   ", "%zu. %s: %s%s%s",
			rank, fl->title, v, band ? dot(r) : "",
			band ? band->label : ""))
		return nomem(b);
	list_names(names, sizeof names, c, &fl->pillars, 1);
	if (fl->pillars.n && report_addf(r, CANVAS_STYLE_NONE, "   ", "     ",
					 "Points to: %s", names))
		return nomem(b);
	for (size_t i = 0; i < fl->practices.n; i++) {
		const struct content_practice *p =
		    &c->practices[fl->practices.idx[i]];
		if (report_addf(r, CANVAS_STYLE_NONE, "   Practice: ", "     ",
				"%s. %s", p->name, p->summary))
			return nomem(b);
	}
	int shown = 0;
	for (size_t k = 0; k < c->nchecks && shown < REPORT_CHECKS; k++) {
		if (!content_check_fits_flag(c, k, f))
			continue;
		if (report_add_wrapped(r, CANVAS_STYLE_NONE,
				       "   Ask yourself: ", "     ",
				       c->checks[k].question))
			return nomem(b);
		shown++;
	}
	return 0;
}

static int sec_signals(struct build *b)
{
	const struct score_result *sr = &b->cur.score;
	if (sr->nsignals == 0)
		return 0;
	if (report_heading(b->r, REPORT_SEC_SIGNALS, "Strongest signals"))
		return nomem(b);
	for (size_t i = 0; i < sr->nsignals && i < REPORT_SIGNALS; i++)
		if (one_signal(b, i + 1, sr->signals[i]))
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ gap */

static int sec_gap(struct build *b)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	int any = 0, namew = 6;
	for (size_t i = 0; i < c->npillars; i++) {
		if (!sr->pillars[i].has_gap)
			continue;
		any = 1;
		int w =
		    canvas_sanitize(c->pillars[i].name, 28, r->mode, NULL, 0);
		if (w > namew)
			namew = w;
	}
	if (!any)
		return 0;
	if (report_heading(r, REPORT_SEC_GAP,
			   "Perception gap (self-rating minus red-flag "
			   "evidence)") ||
	    report_addf(r, CANVAS_STYLE_LABEL, "  ", "  ",
			"%-*s  %5s  %8s  %5s", namew, "Pillar", "Self",
			"Evidence", "Gap"))
		return nomem(b);
	for (size_t i = 0; i < c->npillars; i++) {
		const struct score_pillar *p = &sr->pillars[i];
		if (!p->has_gap)
			continue;
		char name[128], self[16], ev[16], gap[16];
		int w = canvas_sanitize(c->pillars[i].name, 28, r->mode, name,
					sizeof name);
		radar_format((double)p->self, 0, r->mode, self);
		radar_format(p->evidence, 0, r->mode, ev);
		radar_format(p->gap, 1, r->mode, gap);
		/* Pad by display width: the name may hold wide glyphs. */
		if (report_addf(
			r,
			p->gap_flagged ? CANVAS_STYLE_BAND_RED
				       : CANVAS_STYLE_NONE,
			"  ", "  ", "%s%*s  %5s  %8s  %5s%s%s", name, namew - w,
			"", self, ev, gap, p->gap_flagged ? "  " : "",
			p->gap_flagged && c->gap_label ? c->gap_label : ""))
			return nomem(b);
	}
	return 0;
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
		return nomem(b);
	int rc =
	    store_ladder_steps_each(b->s, r->session.id, on_step, b, b->err);
	return rc > 0 ? nomem(b) : rc;
}

/* ---------------------------------------------------------------- notes */

static int sec_notes(struct build *b)
{
	if (!b->cur.note)
		return 0;
	if (report_heading(b->r, REPORT_SEC_NOTES, "Notes") ||
	    report_add_wrapped(b->r, CANVAS_STYLE_NONE, "  ", "  ",
			       b->cur.note))
		return nomem(b);
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

static int build_all(struct build *b)
{
	if (sessionfacts_load(&b->cur, b->s, b->c, b->r->session.id, b->err) ||
	    load_previous(b) || sec_header(b) || sec_commitments(b, 0) ||
	    sec_flags(b) || sec_radar(b) || sec_signals(b) || sec_gap(b) ||
	    sec_ladder(b) || sec_commitments(b, 1) || sec_notes(b))
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
