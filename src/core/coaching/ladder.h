/* ladder.h - the accountability ladder over the loaded content.
 *
 * Rungs are numbered 1 (Unaware) to CONTENT_RUNGS (Make it happen); the
 * lower ones sit below the line (the victim stance), the upper ones above
 * it (ownership).  The content loader guarantees the numbering is
 * contiguous and that every below rung is lower than every above rung.
 */
#ifndef OWNIT_LADDER_H
#define OWNIT_LADDER_H

#include <stddef.h>

#include "core/content/content.h"

/* The rung with this number, or NULL when out of range. */
const struct content_rung *ladder_rung(const struct content *c, int number);

/* The rung with this id, or NULL. */
const struct content_rung *ladder_rung_by_id(const struct content *c,
					     const char *id);

/* 1 when the rung is above the line. */
int ladder_is_above(const struct content_rung *r);

/* The number of the lowest rung above the line. */
int ladder_line(const struct content *c);

/* The rung one step up, or NULL from the top. */
const struct content_rung *ladder_next(const struct content *c,
				       const struct content_rung *r);

/* The climb from rung number `from` to the top, both included, into out
 * (room for max); returns how many rungs the path has (0 when `from` is
 * out of range), which may exceed max: then only max are stored. */
size_t ladder_path(const struct content *c, int from,
		   const struct content_rung **out, size_t max);

/* The question asked while standing on rung `number`: the one that gets
 * a person off that rung (NULL when out of range).  The climb never asks
 * the question of the rung it is heading for, so every rung's question,
 * the lowest ones included, is asked of someone standing on it. */
const char *ladder_question(const struct content *c, int number);

/* The coach's usual route from rung `from`, both ends included, into out
 * (room for max): from any rung below the line straight to the lowest
 * rung above it ("Acknowledge reality"), then up through every rung above
 * the line; from a rung above the line, up through the rest.  Returns how
 * many rungs the route has (0 when `from` is out of range), which may
 * exceed max: then only max are stored.  The rungs skipped below the line
 * stay open to anyone who wants to climb them one by one (ladder_path). */
size_t ladder_route(const struct content *c, int from,
		    const struct content_rung **out, size_t max);

/* The rung the route from `from` leads to once the question of rung
 * `on` is answered: the next rung of the route, or, for a rung off the
 * route (climbed one by one), the next rung up.  0 at the top or when out
 * of range. */
int ladder_after(const struct content *c, int from, int on);

/* How many rungs a climb from `from` to `to` takes (negative: down). */
int ladder_distance(int from, int to);

#endif
