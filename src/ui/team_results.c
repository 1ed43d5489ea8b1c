/* team_results.c - the team's view as the results step's radar
 * comparison. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "core/content.h"
#include "core/store.h"
#include "core/team.h"
#include "core/teamview.h"
#include "ui/team_trends.h"

int team_results_series(struct app *app, int64_t session_id, double *vals,
			char *legend, size_t legend_size)
{
	const struct content *c = app->content;
	struct store_session ses;
	struct error err = {0};
	struct teamview v;
	unsigned min;
	if (!c || team_min_from_env(&min, &err) ||
	    store_session_get(app->store, session_id, &ses, &err) != 1)
		return 0;
	int rc = teamview_load_session(&v, app->store, c, &ses, min, NULL,
				       &err);
	store_session_clear(&ses);
	int shown = rc == 0 && v.has_round && v.result.shown;
	for (size_t p = 0; shown && vals && p < c->npillars; p++)
		vals[p] = v.result.pillars[p].shown
				  ? v.result.pillars[p].evidence
				  : NAN;
	if (shown && legend)
		snprintf(legend, legend_size, "Team %s (%u)", v.round.day,
			 v.round.responses);
	teamview_clear(&v);
	return shown;
}
