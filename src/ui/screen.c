/* screen.c - making and freeing the screen every constructor returns. */
#include "config.h"

#include <stdlib.h>

#include "ui/screen.h"

struct screen *screen_alloc(const struct screen_ops *ops, size_t size)
{
	struct screen *s = calloc(1, sizeof *s);
	void *data = calloc(1, size ? size : 1);
	if (!s || !data) {
		free(s);
		free(data);
		return NULL;
	}
	s->ops = ops;
	s->data = data;
	return s;
}

void screen_free(struct screen *s)
{
	if (!s)
		return;
	free(s->data);
	free(s);
}
