/* ladder.c - walking the accountability ladder. */
#include "config.h"

#include "core/coaching/ladder.h"


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

const char *ladder_question(const struct content *c, int number)
{
	const struct content_rung *r = ladder_rung(c, number);
	return r ? r->question : NULL;
}

size_t ladder_route(const struct content *c, int from,
		    const struct content_rung **out, size_t max)
{
	const struct content_rung *r = ladder_rung(c, from);
	size_t n = 0;
	while (r) {
		if (n < max)
			out[n] = r;
		n++;
		r = ladder_rung(c, ladder_after(c, from, r->number));
	}
	return n;
}

int ladder_after(const struct content *c, int from, int on)
{
	const struct content_rung *start = ladder_rung(c, from);
	const struct content_rung *here = ladder_rung(c, on);
	if (!start || !here || on >= (int)c->nrungs)
		return 0;
	/* Below the line the route goes straight to the line; a rung
	 * above today's but still below the line was climbed by choice,
	 * so the climb goes on one rung at a time from there. */
	if (on == from && !here->above)
		return ladder_line(c);
	return on + 1;
}
