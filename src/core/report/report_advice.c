/* report_advice.c - what the report advises: the strongest signals with
 * their practices and self-checks, and the rating against the behaviour
 * the red-flag answers report.
 *
 * A flag in the healthy band is never a "signal": pointing a leader at
 * something that is going well, only because it is the least healthy of
 * a healthy set, sends the coaching the wrong way.
 */
#include "config.h"

#include "core/report/report_int.h"

#include <string.h>

#include "core/base/glyph.h"
#include "core/chart/radar.h"

/* ------------------------------------------------------------- helpers */

/* The first flag band by score: bands are sorted by kind, then min. */
static const struct content_band *healthy_band(const struct content *c)
{
	for (size_t i = 0; i < c->nbands; i++)
		if (c->bands[i].kind == CONTENT_BAND_FLAG)
			return &c->bands[i];
	return NULL;
}

const char *report_healthy_label(const struct content *c)
{
	const struct content_band *h = healthy_band(c);
	return h ? h->label : "";
}

size_t report_signals(const struct content *c, const struct score_result *sr,
		      size_t *out, size_t max)
{
	const struct content_band *h = healthy_band(c);
	size_t n = 0;
	for (size_t i = 0; i < sr->nsignals && n < max; i++) {
		size_t f = sr->signals[i];
		const struct content_band *b =
		    content_band_for(c, CONTENT_BAND_FLAG, sr->flags[f].score);
		if (h && b == h)
			continue;
		out[n++] = f;
	}
	return n;
}

int report_gap_side(const struct score_pillar *p)
{
	if (!p->has_gap || !p->gap_flagged)
		return 0;
	return p->gap > 0 ? 1 : -1;
}

const char *report_topic_name(const char *topic, char *buf, size_t size)
{
	snprintf(buf, size, "%s", topic);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = ' ';
	/* Ids are a-z, 0-9 and '-': plain ASCII to capitalise. */
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

/* -------------------------------------------------------------- signals */

static int signal_pillars(struct build *b, const struct content_flag *fl)
{
	for (size_t i = 0; i < fl->pillars.n; i++) {
		const struct content_pillar *p =
		    &b->c->pillars[fl->pillars.idx[i]];
		if (report_addf(b->r, CANVAS_STYLE_NONE, "   Pillar: ", "     ",
				"%s. %s", p->name, p->summary))
			return report_nomem(b);
	}
	return 0;
}

static int signal_practices(struct build *b, const struct content_flag *fl)
{
	char bullet[16];
	snprintf(bullet, sizeof bullet, "     %s ",
		 glyph_str(GLYPH_BULLET, b->r->mode));
	for (size_t i = 0; i < fl->practices.n; i++) {
		const struct content_practice *p =
		    &b->c->practices[fl->practices.idx[i]];
		if (report_addf(b->r, CANVAS_STYLE_NONE, "   Practice: ",
				"     ", "%s. %s", p->name, p->summary))
			return report_nomem(b);
		for (size_t a = 0; a < p->nactions; a++)
			if (report_add_wrapped(b->r, CANVAS_STYLE_NONE, bullet,
					       "       ", p->actions[a]))
				return report_nomem(b);
	}
	return 0;
}

static int signal_checks(struct build *b, size_t f)
{
	size_t k[CONTENT_CHECKS_PER_FLAG];
	size_t n = content_checks_for_flag(b->c, f, b->regulated, k,
					   CONTENT_CHECKS_PER_FLAG);
	if (n && report_add_wrapped(b->r, CANVAS_STYLE_NONE, "   ", "   ",
				    "Ask yourself:"))
		return report_nomem(b);
	for (size_t i = 0; i < n; i++) {
		const struct content_check *ck = &b->c->checks[k[i]];
		char topic[80];
		if (report_addf(
			b->r, CANVAS_STYLE_NONE, "", "        ",
			"     %zu. %s: %s", i + 1,
			report_topic_name(ck->topic, topic, sizeof topic),
			ck->question))
			return report_nomem(b);
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
	char v[16];
	radar_format(score_shown(score), 0, r->mode, v);
	if (report_addf(r, CANVAS_STYLE_LABEL, "", "   ", "%zu. %s: %s%s%s",
			rank, fl->title, v, band ? report_dot(r) : "",
			band ? band->label : "") ||
	    report_add_wrapped(r, CANVAS_STYLE_NONE, "   ", "   ", fl->summary))
		return report_nomem(b);
	return signal_pillars(b, fl) || signal_practices(b, fl) ||
		       signal_checks(b, f)
		   ? -1
		   : 0;
}

int report_sec_signals(struct build *b)
{
	const struct score_result *sr = &b->cur.score;
	size_t shown[REPORT_SIGNALS];
	if (sr->nsignals == 0)
		return 0;
	size_t n = report_signals(b->c, sr, shown, REPORT_SIGNALS);
	if (report_heading(b->r, REPORT_SEC_SIGNALS, "Strongest signals"))
		return report_nomem(b);
	if (n == 0)
		return report_addf(b->r, CANVAS_STYLE_NONE, "  ", "  ",
				   "Every red flag answered is in the "
				   "healthy band (%s): nothing stands out "
				   "to work on.",
				   report_healthy_label(b->c))
			   ? report_nomem(b)
			   : 0;
	for (size_t i = 0; i < n; i++) {
		if (i && report_blank(b->r))
			return report_nomem(b);
		if (one_signal(b, i + 1, shown[i]))
			return -1;
	}
	return 0;
}

/* ------------------------------------------ rating vs reported behaviour */

static const char *side_text(int side)
{
	return side > 0 ? "rating well above" : "rating well below";
}

static int gap_row(struct build *b, size_t i, int namew)
{
	struct report *r = b->r;
	const struct score_pillar *p = &b->cur.score.pillars[i];
	char name[128], self[16], ev[16], gap[16];
	int w = canvas_sanitize(b->c->pillars[i].name, 28, r->mode, name,
				sizeof name);
	int side = report_gap_side(p);
	radar_format((double)p->self, 0, r->mode, self);
	radar_format(p->evidence, 0, r->mode, ev);
	radar_format(p->gap, 1, r->mode, gap);
	/* Pad by display width: the name may hold wide glyphs. */
	return report_addf(r, side ? CANVAS_STYLE_BAND_RED : CANVAS_STYLE_NONE,
			   "  ", "  ", "%s%*s  %6s  %9s  %5s%s%s", name,
			   namew - w, "", self, ev, gap, side ? "  " : "",
			   side ? side_text(side) : "");
}

int report_sec_gap(struct build *b)
{
	struct report *r = b->r;
	const struct content *c = b->c;
	const struct score_result *sr = &b->cur.score;
	int any = 0, flagged = 0, namew = 6;
	for (size_t i = 0; i < c->npillars; i++) {
		if (!sr->pillars[i].has_gap)
			continue;
		any = 1;
		flagged |= report_gap_side(&sr->pillars[i]) != 0;
		int w =
		    canvas_sanitize(c->pillars[i].name, 28, r->mode, NULL, 0);
		if (w > namew)
			namew = w;
	}
	if (!any)
		return 0;
	char th[16];
	radar_format(c->gap_threshold, 0, r->mode, th);
	if (report_heading(r, REPORT_SEC_GAP, "Rating vs reported behaviour") ||
	    report_add_wrapped(r, CANVAS_STYLE_NONE, "  ", "  ",
			       "Each pillar as rated, against what the "
			       "red-flag answers report of everyday "
			       "behaviour (1 .. 5).") ||
	    report_addf(r, CANVAS_STYLE_LABEL, "  ", "  ",
			"%-*s  %6s  %9s  %5s", namew, "Pillar", "Rating",
			"Behaviour", "Gap"))
		return report_nomem(b);
	for (size_t i = 0; i < c->npillars; i++)
		if (sr->pillars[i].has_gap && gap_row(b, i, namew))
			return report_nomem(b);
	if (flagged && report_addf(r, CANVAS_STYLE_NONE, "  ", "  ",
				   "%s: more than %s points apart, either way.",
				   c->gap_label && c->gap_label[0]
				       ? c->gap_label
				       : "Rating far from reported behaviour",
				   th))
		return report_nomem(b);
	return 0;
}
