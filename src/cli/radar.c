/* radar.c - `ownit radar`: draw a pillar radar chart from scores given on
 * the command line, with the numbers table under it. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cliopen.h"
#include "core/content/content.h"
#include "core/chart/radar.h"

/* The chart, a blank line and the seven-line table fit an 80x24 terminal
 * together, so nothing scrolls away. */
#define DEFAULT_WIDTH 80
#define DEFAULT_HEIGHT 16

/* The pillars in radar order, then the centre, as the content names them.
 * The radar has exactly RADAR_AXES spokes; content with more pillars
 * shows the first ones. */
struct pillar {
	const char *id;
	const char *name;
};
#define CENTRE RADAR_AXES

static int pillars_from_content(const struct content *c,
				struct pillar pillar[RADAR_AXES + 1],
				struct error *err)
{
	int n = 0;
	for (size_t i = 0; i < c->npillars && n < RADAR_AXES; i++) {
		if (i == c->centre)
			continue;
		pillar[n].id = c->pillars[i].id;
		pillar[n].name = c->pillars[i].name;
		n++;
	}
	if (n < RADAR_AXES)
		return error_set(err, ERROR_INPUT,
				 "the content has %d pillars besides %s; the "
				 "radar needs %d",
				 n, CONTENT_CENTRE_ID, RADAR_AXES);
	pillar[CENTRE].id = c->pillars[c->centre].id;
	pillar[CENTRE].name = c->pillars[c->centre].name;
	return 0;
}

enum { OPT_SCORES = 0x2000, OPT_COMPARE, OPT_WIDTH, OPT_HEIGHT };

static const struct option longopts[] = {
	{"scores", required_argument, NULL, OPT_SCORES},
	{"compare", required_argument, NULL, OPT_COMPARE},
	{"width", required_argument, NULL, OPT_WIDTH},
	{"height", required_argument, NULL, OPT_HEIGHT},
	CLI_GLOBAL_LONGOPTS,
	{NULL, 0, NULL, 0},
};

/* A rating: digits with at most two decimals, read by hand so that a
 * comma locale cannot change what "3.8" means. */
static int parse_value(const char *s, size_t n, double *out)
{
	double v = 0.0, scale = 1.0;
	size_t i = 0;
	int digits = 0, decimals = 0;

	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		v = v * 10.0 + (s[i] - '0');
	if (i < n && s[i] == '.') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			scale /= 10.0;
			v += (s[i] - '0') * scale;
			decimals++;
		}
		if (!decimals)
			return -1;
	}
	if (i != n || !digits || digits > 3 || decimals > 2)
		return -1;
	*out = v;
	return 0;
}

static int pillar_find(const struct pillar *pillar, const char *s, size_t n)
{
	for (int i = 0; i <= RADAR_AXES; i++)
		if (strlen(pillar[i].id) == n && !strncmp(pillar[i].id, s, n))
			return i;
	return -1;
}

/* Parses "id=value,id=value,..." into v (NAN for pillars not named). */
static int parse_scores(const struct pillar *pillar, const char *opt,
			const char *list, double v[RADAR_AXES + 1],
			struct error *err)
{
	const char *p = list;

	for (int i = 0; i <= RADAR_AXES; i++)
		v[i] = NAN;
	if (!*list)
		return error_set(err, ERROR_INPUT, "--%s: empty list; give "
				 "ID=VALUE pairs separated by commas", opt);
	for (;;) {
		size_t len = strcspn(p, ",");
		const char *eq = memchr(p, '=', len);
		int k;
		double val;

		if (!eq || eq == p)
			return error_set(err, ERROR_INPUT, "--%s: '%.*s' is "
					 "not ID=VALUE", opt, (int)len, p);
		k = pillar_find(pillar, p, (size_t)(eq - p));
		if (k < 0)
			return error_set(err, ERROR_INPUT, "--%s: unknown "
					 "pillar '%.*s' (known: %s, %s, %s, "
					 "%s, %s, %s)", opt, (int)(eq - p), p,
					 pillar[0].id, pillar[1].id,
					 pillar[2].id, pillar[3].id,
					 pillar[4].id, pillar[CENTRE].id);
		if (!isnan(v[k]))
			return error_set(err, ERROR_INPUT, "--%s: pillar '%s' "
					 "given twice", opt, pillar[k].id);
		if (parse_value(eq + 1, len - (size_t)(eq + 1 - p), &val) < 0)
			return error_set(err, ERROR_INPUT, "--%s: '%.*s' is "
					 "not a number (like 3 or 3.5)", opt,
					 (int)(len - (size_t)(eq + 1 - p)),
					 eq + 1);
		if (val < 1.0 || val > 5.0)
			return error_set(err, ERROR_INPUT, "--%s: %s=%.*s is "
					 "outside 1..5", opt, pillar[k].id,
					 (int)(len - (size_t)(eq + 1 - p)),
					 eq + 1);
		v[k] = val;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

static void series_fill(struct radar_series *s, const char *name,
			const double v[RADAR_AXES + 1])
{
	s->name = name;
	for (int i = 0; i < RADAR_AXES; i++)
		s->value[i] = v[i];
	s->centre = v[CENTRE];
}

/* Colour only for a terminal, and never when NO_COLOR has a value. */
static int want_color(const struct cli_globals *g)
{
	const char *nc = getenv("NO_COLOR");

	return !g->no_color && !(nc && *nc) && isatty(STDOUT_FILENO);
}

static int radar_print(const struct radar_input *in, int w, int h,
		       enum canvas_mode mode, unsigned flags)
{
	struct error err = {0};
	char *chart, *table;
	int rc = 0;

	chart = radar_render(in, w, h, mode, flags, &err);
	if (!chart)
		return cli_fail(&err);
	table = radar_table(in, mode, &err);
	if (!table) {
		free(chart);
		return cli_fail(&err);
	}
	int werr = 0;
	if (fputs(chart, stdout) == EOF || fputs("\n", stdout) == EOF ||
	    fputs(table, stdout) == EOF)
		werr = errno;
	rc = cli_stdout_done("writing the chart", werr);
	free(chart);
	free(table);
	return rc;
}

int cmd_radar(int argc, char **argv, struct cli_globals *g)
{
	const char *scores = NULL, *compare = NULL;
	int w = DEFAULT_WIDTH, h = DEFAULT_HEIGHT, c;
	double a[RADAR_AXES + 1], b[RADAR_AXES + 1];
	struct radar_input in = {.nseries = 1};
	struct error err = {0};

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SCORES:
			scores = optarg;
			break;
		case OPT_COMPARE:
			compare = optarg;
			break;
		case OPT_WIDTH:
			if (cli_number("width", optarg, RADAR_MIN_WIDTH,
				       CANVAS_MAX, &w))
				return 2;
			break;
		case OPT_HEIGHT:
			if (cli_number("height", optarg, RADAR_MIN_HEIGHT,
				       CANVAS_MAX, &h))
				return 2;
			break;
		default:
			if (!cli_global_option(c, optarg, g))
				return cli_usage_hint();
		}
	}
	if (optind < argc)
		return cli_usage("radar: unexpected argument '%s'",
				 argv[optind]);
	if (!scores)
		return cli_usage("radar: --scores is required, e.g. --scores "
				 "clarity=3.8,trust-openness=2.4");
	struct content *content = cli_content_load(g, &err);
	if (!content)
		return cli_fail(&err);
	struct pillar pillar[RADAR_AXES + 1];
	if (pillars_from_content(content, pillar, &err) < 0 ||
	    parse_scores(pillar, "scores", scores, a, &err) < 0 ||
	    (compare && parse_scores(pillar, "compare", compare, b, &err) < 0)) {
		content_free(content);
		return cli_fail(&err);
	}

	for (int i = 0; i < RADAR_AXES; i++)
		in.axis_name[i] = pillar[i].name;
	in.centre_name = pillar[CENTRE].name;
	series_fill(&in.series[0], "Scores", a);
	if (compare) {
		series_fill(&in.series[1], "Comparison", b);
		in.nseries = 2;
	}
	int rc = radar_print(&in, w, h, cli_canvas_mode(g),
			     want_color(g) ? CANVAS_RENDER_COLOR : 0);
	content_free(content);
	return rc;
}
