/* trend.c - `ownit trend NAME`: a person's pillar ratings over their
 * sessions as a line chart, the one the history screen shows. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/content/content.h"
#include "core/base/dates.h"
#include "core/store/store.h"
#include "core/chart/trend.h"

/* Fits a 24-row terminal with the shell prompt. */
#define DEFAULT_WIDTH 80
#define DEFAULT_HEIGHT 16
#define SESSIONS_MAX 200

enum { OPT_WIDTH = 0x2100, OPT_HEIGHT };

static const struct option longopts[] = {
    {"width", required_argument, NULL, OPT_WIDTH},
    {"height", required_argument, NULL, OPT_HEIGHT},
    CLI_GLOBAL_LONGOPTS,
    {NULL, 0, NULL, 0},
};

/* The sessions and ratings read, oldest first once reversed. */
struct trend_data {
	const struct content *c;
	size_t line_of[64]; /* content pillar index -> line */
	int nlines;
	double value[TREND_SERIES_MAX][SESSIONS_MAX];
	char day[SESSIONS_MAX][DATES_DAY_SIZE];	 /* newest first, as read */
	char kept[SESSIONS_MAX][DATES_DAY_SIZE]; /* the chart's, oldest first */
	int64_t id[SESSIONS_MAX];
	int n;
	int cur; /* the session being read */
};

static int session_cb(const struct store_session *s, void *ud)
{
	struct trend_data *d = ud;
	if (!s->started || dates_local_day(s->started, d->day[d->n], NULL))
		snprintf(d->day[d->n], DATES_DAY_SIZE, "%s", "?");
	d->id[d->n++] = s->id;
	return d->n == SESSIONS_MAX;
}

static int rating_cb(const struct store_rating *r, void *ud)
{
	struct trend_data *d = ud;
	long p = content_pillar_index(d->c, r->pillar_id);
	if (p >= 0 && (size_t)p < d->c->npillars && (size_t)p < 64 &&
	    d->line_of[p] < (size_t)d->nlines)
		d->value[d->line_of[p]][d->cur] = r->value;
	return 0;
}

/* The ring pillars in content order, then the centre. */
static void lines_pick(struct trend_data *d, struct trend_series *series)
{
	const struct content *c = d->c;
	for (size_t i = 0; i < c->npillars && i < 64; i++)
		d->line_of[i] = (size_t)-1;
	for (size_t i = 0; i < c->npillars && i < 64; i++)
		if (!c->pillars[i].centre && d->nlines < TREND_SERIES_MAX - 1) {
			series[d->nlines].name = c->pillars[i].name;
			d->line_of[i] = (size_t)d->nlines++;
		}
	if (c->npillars && c->centre < 64) {
		series[d->nlines].name = c->pillars[c->centre].name;
		d->line_of[c->centre] = (size_t)d->nlines++;
	}
}

/* Reads the ratings, oldest session first, keeping sessions with at
 * least one rating. */
static int ratings_load(struct store *s, struct trend_data *d,
			struct error *err)
{
	int kept = 0;
	for (int i = d->n - 1; i >= 0; i--) {
		d->cur = kept;
		for (int k = 0; k < d->nlines; k++)
			d->value[k][kept] = NAN;
		if (store_ratings_each(s, d->id[i], rating_cb, d, err) < 0)
			return -1;
		int any = 0;
		for (int k = 0; k < d->nlines; k++)
			any |= !isnan(d->value[k][kept]);
		if (any) {
			memcpy(d->kept[kept], d->day[i], DATES_DAY_SIZE);
			kept++;
		}
	}
	d->n = kept;
	return 0;
}

static int print_chart(struct trend_data *d, struct trend_series *series, int w,
		       int h, const struct cli_globals *g)
{
	const char *days[SESSIONS_MAX];
	struct error err = {0};
	for (int i = 0; i < d->n; i++)
		days[i] = d->kept[i];
	for (int k = 0; k < d->nlines; k++)
		series[k].value = d->value[k];
	struct trend_input in = {
	    series, d->nlines, d->n, CONTENT_RATING_MIN, CONTENT_RATING_MAX,
	    days};
	char *out = trend_render(
	    &in, w, h, cli_canvas_mode(g),
	    cli_use_color(g, stdout) ? CANVAS_RENDER_COLOR : 0, &err);
	if (!out)
		return cli_fail(&err);
	int rc = cli_stdout_done("writing the chart",
				 fputs(out, stdout) == EOF ? errno : 0);
	free(out);
	return rc;
}

int cmd_trend(int argc, char **argv, struct cli_globals *g)
{
	int w = DEFAULT_WIDTH, h = DEFAULT_HEIGHT, opt;

	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt == OPT_WIDTH || opt == OPT_HEIGHT) {
			if (cli_number(opt == OPT_WIDTH ? "width" : "height",
				       optarg,
				       opt == OPT_WIDTH ? TREND_MIN_WIDTH
							: TREND_MIN_HEIGHT,
				       CANVAS_MAX, opt == OPT_WIDTH ? &w : &h))
				return 2;
		} else if (!cli_global_option(opt, optarg, g)) {
			return cli_usage_hint();
		}
	}
	if (optind + 1 != argc)
		return cli_usage("trend: give one person's name, e.g. ownit "
				 "trend \"Amira Haddad\"");
	struct error err = {0};
	struct trend_data *d = calloc(1, sizeof *d);
	struct trend_series series[TREND_SERIES_MAX] = {{0}};
	struct store *s = NULL;
	struct content *c = NULL;
	int64_t pid = 0, rc = 1;
	if (!d) {
		error_set(&err, ERROR_RUNTIME, "out of memory");
		goto fail;
	}
	if (!(s = cli_store_open(g, 0, &err)) ||
	    !(c = cli_content_load(g, &err)))
		goto fail;
	int r = store_person_find(s, argv[optind], &pid, &err);
	if (r == 0)
		error_set(&err, ERROR_INPUT,
			  "trend: no person called \"%s\" "
			  "(see ownit list people)",
			  argv[optind]);
	if (r <= 0)
		goto fail;
	d->c = c;
	lines_pick(d, series);
	if (store_sessions_each(s, pid, SESSIONS_MAX, 0, session_cb, d, &err) <
		0 ||
	    ratings_load(s, d, &err) < 0)
		goto fail;
	if (!d->n) {
		error_set(&err, ERROR_INPUT,
			  "trend: %s has no rated session "
			  "yet",
			  argv[optind]);
		goto fail;
	}
	rc = print_chart(d, series, w, h, g);
	goto done;
fail:
	rc = cli_fail(&err);
done:
	content_free(c);
	store_close(s);
	free(d);
	return (int)rc;
}
