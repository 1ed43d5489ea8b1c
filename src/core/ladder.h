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

#include "core/content.h"

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

/* How many rungs a climb from `from` to `to` takes (negative: down). */
int ladder_distance(int from, int to);

#endif
