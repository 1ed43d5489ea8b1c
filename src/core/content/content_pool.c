/* content_pool.c - the loader's memory: one pool for the model, growable
 * arrays for the raw rows while loading. */
#include "config.h"

#include "core/content/content_int.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ storage */

struct pool {
	struct pool *next;
	size_t used, size;
	max_align_t data[];
};

#define POOL_BLOCK (16 * 1024)

struct pool *content_pool_new(void)
{
	return calloc(1, sizeof(struct pool));
}

void *content_pool_alloc(struct pool *p, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
	       sizeof(max_align_t);
	struct pool *b = p->next;
	if (!b || b->size - b->used < size) {
		size_t cap = size > POOL_BLOCK ? size : POOL_BLOCK;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = cap;
		b->next = p->next;
		p->next = b;
	}
	void *r = (char *)b->data + b->used;
	b->used += size;
	memset(r, 0, size);
	return r;
}

char *content_pool_strndup(struct pool *p, const char *s, size_t len)
{
	char *d = content_pool_alloc(p, len + 1);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

void content_pool_free(struct pool *p)
{
	while (p) {
		struct pool *next = p->next;
		free(p);
		p = next;
	}
}

void *content_vec_push(struct vec *v, size_t elem)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		void *nv = realloc(v->v, cap * elem);
		if (!nv)
			return NULL;
		v->v = nv;
		v->cap = cap;
	}
	void *r = (char *)v->v + v->n++ * elem;
	memset(r, 0, elem);
	return r;
}

void content_vec_free(struct vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}
