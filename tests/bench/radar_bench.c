/* radar_bench.c - how many radar charts per second the core can render.
 *
 *   radar_bench [-m render|draw] [-a] [-t SECONDS] WIDTH HEIGHT
 *
 * Renders a two-series radar chart (this session against the previous one,
 * the case the results screen and `ownit report` draw) again and again for
 * about SECONDS (default 1) of this process's CPU time and prints
 * "renders/s RATE count N seconds S": renders per CPU second, so other
 * programs on a busy machine change the figure less than a wall clock
 * would.  Mode "render" times radar_render(), the one-call version that
 * allocates a canvas and returns a string (what `ownit radar` and a report
 * do); mode "draw" times radar_draw() plus canvas_render_into() on one
 * reused canvas and buffer (what a screen redraw costs).  -a draws ASCII
 * instead of UTF-8.  The values change on every render so nothing can be
 * hoisted out of the loop; a checksum of the output is printed so the
 * compiler cannot drop the work either.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/chart/canvas.h"
#include "core/base/error.h"
#include "core/chart/radar.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fill(struct radar_input *in, unsigned long i)
{
	static const char *const names[RADAR_AXES] = {
	    "Clarity",		"Trust and openness",	 "Autonomy",
	    "Feedback systems", "Role-model behaviours",
	};
	static const char *const shorts[RADAR_AXES] = {
	    "Clarity", "Trust", "Autonomy", "Feedback", "Role model",
	};
	memset(in, 0, sizeof *in);
	for (int a = 0; a < RADAR_AXES; a++) {
		in->axis_name[a] = names[a];
		in->axis_short[a] = shorts[a];
		in->series[0].value[a] = 1.0 + (double)((i + 3 * a) % 41) / 10;
		in->series[1].value[a] = 1.0 + (double)((i + 7 * a) % 37) / 10;
	}
	in->centre_name = "Connection to vision";
	in->series[0].name = "This session";
	in->series[0].centre = 3.4;
	in->series[1].name = "Previous session";
	in->series[1].centre = 2.9;
	in->nseries = 2;
}

static void usage(void)
{
	fprintf(stderr, "usage: radar_bench [-m render|draw] [-a] "
			"[-t SECONDS] WIDTH HEIGHT\n");
	exit(2);
}

int main(int argc, char **argv)
{
	enum canvas_mode mode = CANVAS_UTF8;
	int draw_only = 0, opt;
	double seconds = 1.0;
	while ((opt = getopt(argc, argv, "m:at:")) != -1) {
		if (opt == 'm' && !strcmp(optarg, "draw"))
			draw_only = 1;
		else if (opt == 'm' && !strcmp(optarg, "render"))
			draw_only = 0;
		else if (opt == 'a')
			mode = CANVAS_ASCII;
		else if (opt == 't')
			seconds = atof(optarg);
		else
			usage();
	}
	if (argc - optind != 2 || seconds <= 0)
		usage();
	int w = atoi(argv[optind]), h = atoi(argv[optind + 1]);
	setlocale(LC_ALL, "C.UTF-8");

	struct error err = {0};
	struct radar_input in;
	struct canvas *c = canvas_new(w, h, mode, &err);
	size_t size = (size_t)w * (size_t)h * 40 + 1;
	char *buf = malloc(size);
	if (!c || !buf) {
		fprintf(stderr, "radar_bench: %s\n", err.msg);
		return 1;
	}
	unsigned long n = 0, sum = 0;
	double t0 = now(), t = t0;
	/* Check the clock only every 64 renders: it is not free either. */
	while (t - t0 < seconds) {
		for (int k = 0; k < 64; k++, n++) {
			fill(&in, n);
			if (draw_only) {
				if (radar_draw(c, 0, 0, w, h, &in, NULL, &err))
					goto fail;
				size_t len =
				    canvas_render_into(c, 0, buf, size);
				sum += len + (unsigned char)buf[len / 2];
			} else {
				char *s =
				    radar_render(&in, w, h, mode, 0, &err);
				if (!s)
					goto fail;
				sum += strlen(s);
				free(s);
			}
		}
		t = now();
	}
	printf("renders/s %.0f count %lu seconds %.3f checksum %lu\n",
	       (double)n / (t - t0), n, t - t0, sum);
	canvas_free(c);
	free(buf);
	return 0;
fail:
	fprintf(stderr, "radar_bench: %s\n", err.msg);
	return 1;
}
