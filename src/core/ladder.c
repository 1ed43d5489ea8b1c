/* ladder.c - walking the accountability ladder. */
#include "config.h"

#include "core/ladder.h"


const struct content_rung *ladder_rung(const struct content *c, int number)
{
	if (number < 1 || (size_t)number > c->nrungs)
		return NULL;
	/* The loader sorts the ladder: rungs[i] is rung i + 1. */
	return &c->rungs[number - 1];
}

const struct content_rung *ladder_rung_by_id(const struct content *c,
					     const char *id)
{
	long k = content_rung_index(c, id);
	return k < 0 ? NULL : &c->rungs[k];
}

int ladder_is_above(const struct content_rung *r)
{
	return r && r->above;
}

int ladder_line(const struct content *c)
{
	for (size_t i = 0; i < c->nrungs; i++)
		if (c->rungs[i].above)
			return c->rungs[i].number;
	return (int)c->nrungs + 1;
}

const struct content_rung *ladder_next(const struct content *c,
				       const struct content_rung *r)
{
	return r ? ladder_rung(c, r->number + 1) : NULL;
}

size_t ladder_path(const struct content *c, int from,
		   const struct content_rung **out, size_t max)
{
	if (!ladder_rung(c, from))
		return 0;
	size_t n = c->nrungs - (size_t)from + 1;
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = &c->rungs[(size_t)from - 1 + i];
	return n;
}

int ladder_distance(int from, int to)
{
	return to - from;
}
