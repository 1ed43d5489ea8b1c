/* charts.c - red-flag bars and trend sparklines. */
#include "config.h"

#include "core/chart/charts.h"

#include <math.h>
#include <string.h>

#include "core/base/glyph.h"
#include "core/chart/radar.h"

#define TRACK_MIN 8
/* Past this a track stops helping the eye: on a wide terminal the score
 * sits too far from its label, so the row ends early instead. */
#define TRACK_MAX 48
#define LABEL_MAX 60
#define NOTE_MIN 7 /* a blank and six columns of the status word */

enum canvas_style charts_band(double score, double amber_at, double red_at)
{
	if (isnan(score))
		return CANVAS_STYLE_MISSING;
	if (score >= red_at)
		return CANVAS_STYLE_BAND_RED;
	if (score >= amber_at)
		return CANVAS_STYLE_BAND_AMBER;
	return CANVAS_STYLE_BAND_GREEN;
}

static int in_scale(double v)
{
	return v >= 0.0 && v <= CHARTS_BAR_MAX;
}

static int bar_check(const struct charts_bar *b, int i, struct error *err)
{
	const char *name = b->label ? b->label : "(unnamed)";

	if (!isnan(b->score) && !in_scale(b->score))
		return error_set(err, ERROR_INPUT, "bar %d (%s): score %g "
				 "outside 0..4", i + 1, name, b->score);
	if (!in_scale(b->amber_at) || !in_scale(b->red_at) ||
	    b->amber_at > b->red_at)
		return error_set(err, ERROR_INPUT, "bar %d (%s): thresholds "
				 "amber %g, red %g not ordered within 0..4",
				 i + 1, name, b->amber_at, b->red_at);
	if (b->has_team && !in_scale(b->team))
		return error_set(err, ERROR_INPUT,
				 "bar %d (%s): team score "
				 "%g outside 0..4",
				 i + 1, name, b->team);
	return 0;
}

/* The track cell a threshold falls in. */
static int mark_cell(double at, int track)
{
	int cell = (int)floor(at / CHARTS_BAR_MAX * track);

	return cell >= track ? track - 1 : cell;
}

/* One track: the filled part in the band's style (with a half cell at the
 * end in UTF-8), the rest light, and a tick where each band starts. */
static void bar_track(struct canvas *c, int x, int y, int track,
		      const struct charts_bar *b)
{
	enum canvas_mode mode = canvas_mode(c);
	int ascii = mode == CANVAS_ASCII;
	enum canvas_style band = charts_band(b->score, b->amber_at, b->red_at);
	double fill = isnan(b->score) ? 0.0
				      : b->score / CHARTS_BAR_MAX * track;
	int full = ascii ? (int)lround(fill) : (int)floor(fill);
	int half = !ascii && fill - full >= 0.5;
	int amber = mark_cell(b->amber_at, track);
	int red = mark_cell(b->red_at, track);

	for (int i = 0; i < track; i++) {
		int filled = i < full || (half && i == full);
		uint32_t cp;
		enum canvas_style st = filled ? band : CANVAS_STYLE_RING;

		if (i < full)
			cp = glyph_cp(GLYPH_BAR_FULL, mode);
		else if (filled)
			cp = glyph_cp(GLYPH_BAR_HALF, mode);
		else
			cp = glyph_cp(GLYPH_BAR_EMPTY, mode);
		if (i == amber || i == red) {
			cp = glyph_cp(filled ? GLYPH_TICK_PASSED : GLYPH_TICK,
				      mode);
			st = i == red ? CANVAS_STYLE_BAND_RED
				      : CANVAS_STYLE_BAND_AMBER;
		}
		canvas_put(c, x + i, y, cp, st);
	}
	/* The team's point goes over whatever the track has there: where
	 * the two scores meet it still shows that the team was asked. */
	if (b->has_team)
		canvas_put(c, x + mark_cell(b->team, track), y,
			   glyph_cp(GLYPH_MARK_B, mode), CANVAS_STYLE_SERIES_B);
}

/* The widest label, status word (with its blank) and team note (with
 * its two blanks) of the bars; -1 after setting err when a bar is out
 * of range. */
static int bars_measure(const struct canvas *c, const struct charts_bar *bars,
			int n, int widths[3], struct error *err)
{
	widths[0] = widths[1] = widths[2] = 0;
	for (int i = 0; i < n; i++) {
		int w[3] = {
		    canvas_text_width(c, bars[i].label),
		    bars[i].note ? 1 + canvas_text_width(c, bars[i].note) : 0,
		    bars[i].team_note
			? 2 + canvas_text_width(c, bars[i].team_note)
			: 0,
		};
		if (bar_check(&bars[i], i, err) < 0)
			return -1;
		for (int k = 0; k < 3; k++)
			if (w[k] > widths[k])
				widths[k] = w[k];
	}
	return 0;
}

/* Shares w columns out.  Labels and status words are what a reader
 * cannot guess, the track only illustrates the score: so the track
 * gives way first, down to TRACK_MIN; then the label, down to a third
 * of the row; then the status word, down to NOTE_MIN.  Returns the
 * track's length (below TRACK_MIN when even that is not enough). */
static int bars_share(int w, int *label_w, int *note_w)
{
	/* label, blank, track, blank, score (up to "4.0"), note */
	int fixed = 1 + 1 + 3;
	int short_by = TRACK_MIN - (w - *label_w - fixed - *note_w);
	if (short_by > 0 && *label_w > w / 3) {
		int give = *label_w - w / 3;
		give = give < short_by ? give : short_by;
		*label_w -= give;
		short_by -= give;
	}
	if (short_by > 0 && *note_w > NOTE_MIN) {
		int give = *note_w - NOTE_MIN;
		give = give < short_by ? give : short_by;
		*note_w -= give;
	}
	return w - *label_w - fixed - *note_w;
}

/* Where a row's parts go: the same for every bar of one chart, so that
 * every track has one length and one scale. */
struct bars_layout {
	int label_w, note_w, team_w, track;
};

/* label_w < 0: no label column (the labels are drawn above the rows). */
static int bars_lay_out(const struct canvas *c, const struct charts_bar *bars,
			int n, int w, int label_w, int team_words,
			struct bars_layout *L, struct error *err)
{
	int widths[3];
	if (bars_measure(c, bars, n, widths, err) < 0)
		return -1;
	L->note_w = widths[1];
	L->team_w = team_words ? widths[2] : 0;
	L->label_w = label_w < 0 ? 0 : label_w > 0 ? label_w : widths[0];
	if (L->label_w > LABEL_MAX)
		L->label_w = LABEL_MAX;
	L->track = bars_share(w, &L->label_w, &L->note_w);
	if (L->track < TRACK_MIN)
		return error_set(err, ERROR_INPUT,
				 "bars: %d columns leave no "
				 "room for a track (need %d more)",
				 w, TRACK_MIN - L->track);
	/* The team's words are extra: the mark already places its score,
	 * so they take room only from a track longer than it needs. */
	if (L->team_w && L->track - L->team_w >= TRACK_MIN)
		L->track -= L->team_w;
	else
		L->team_w = 0;
	if (L->track > TRACK_MAX)
		L->track = TRACK_MAX;
	return 0;
}

static void bar_row(struct canvas *c, int x, int y, int w,
		    const struct bars_layout *L, const struct charts_bar *b)
{
	char num[16];
	int tx = x + L->label_w + 1, sx = tx + L->track + 1;
	int team_x = sx + 3 + L->note_w + 2;
	enum canvas_style band = charts_band(b->score, b->amber_at, b->red_at);

	canvas_clear_rect(c, x, y, w, 1);
	if (L->label_w)
		canvas_text(c, x, y, L->label_w, b->label, CANVAS_STYLE_LABEL);
	bar_track(c, tx, y, L->track, b);
	radar_format(b->score, 0, canvas_mode(c), num);
	sx += canvas_text(c, sx, y, 3, num, band);
	if (b->note && L->note_w > 1)
		canvas_text(c, sx + 1, y, L->note_w - 1, b->note, band);
	if (b->team_note && L->team_w)
		canvas_text(c, team_x, y, L->team_w - 2, b->team_note,
			    CANVAS_STYLE_SERIES_B);
}

int charts_bars(struct canvas *c, int x, int y, int w, int label_w,
		const struct charts_bar *bars, int n, struct error *err)
{
	struct bars_layout L;
	if (bars_lay_out(c, bars, n, w, label_w, 1, &L, err) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		bar_row(c, x, y + i, w, &L, &bars[i]);
	return 0;
}

int charts_bars_stacked(struct canvas *c, int x, int y, int w, int pitch,
			const struct charts_bar *bars, int n, struct error *err)
{
	struct bars_layout L;
	if (bars_lay_out(c, bars, n, w, -1, 0, &L, err) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int top = y + pitch * i;
		canvas_text(c, x, top, w, bars[i].label, CANVAS_STYLE_LABEL);
		bar_row(c, x, top + 1, w, &L, &bars[i]);
		/* Under the track's start, where the eye reads the bar. */
		if (bars[i].team_note && pitch > 2)
			canvas_text(c, x + 1, top + 2, w - 1, bars[i].team_note,
				    CANVAS_STYLE_SERIES_B);
	}
	return 0;
}

int charts_sparkline(struct canvas *c, int x, int y, int w,
		     const double *values, int n, double lo, double hi,
		     enum canvas_style style)
{
	static const char ascii_levels[] = "_.-=^";
	int ascii = canvas_mode(c) == CANVAS_ASCII;
	int levels = ascii ? 5 : 8, first, used;

	if (w <= 0 || n <= 0 || !(hi > lo))
		return 0;
	first = n > w ? n - w : 0;
	used = n - first;
	for (int i = 0; i < used; i++) {
		double v = values[first + i];
		long k;
		if (isnan(v)) {
			canvas_put(c, x + i, y, ' ', CANVAS_STYLE_NONE);
			continue;
		}
		k = lround((v - lo) / (hi - lo) * (levels - 1));
		if (k < 0)
			k = 0;
		if (k > levels - 1)
			k = levels - 1;
		/* In ASCII a whole-number value on a 0..9 scale is its own
		 * digit ("23445"), which reads where `_.-=^` did not. */
		if (ascii && lo >= 0.0 && hi <= 9.0 && v == floor(v))
			canvas_put(c, x + i, y, (uint32_t)('0' + (int)v), style);
		else
			canvas_put(c, x + i, y,
				   ascii ? (uint32_t)ascii_levels[k]
					 : 0x2581u + (uint32_t)k,
				   style);
	}
	return used;
}
