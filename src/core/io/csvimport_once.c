/* csvimport_once.c - what a session may hold only once, met so far.
 *
 * The store keeps one answer per item, one rating per pillar, one step
 * per rung, one ladder and one note in a session, and its writes replace
 * an earlier row.  A file with two rows for the same place would lose the
 * first without a word, and importing that file again would then find
 * the stored session different from the file.  The import remembers the
 * places of the current session here and reports the second row.
 *
 * A hash set, because a hostile file may hold any number of rows in one
 * session; the keys live one after another in one buffer that a new
 * session empties without freeing.
 */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct csvimport_once_slot {
	uint64_t hash;
	size_t key;	    /* offset of the key in keys */
	unsigned long line; /* 0: an empty slot */
};

/* Beyond this, a new session starts from an empty table rather than
 * clearing a large one left by a hostile session. */
enum { ONCE_KEEP_SLOTS = 256 };

static uint64_t once_hash(int kind, const char *key)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
	h = (h ^ (unsigned char)kind) * 0x100000001b3u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	return h;
}

/* The slot of (kind, key), or the empty slot where it would go. */
static struct csvimport_once_slot *
once_find(struct csvimport_once *o, uint64_t h, int kind, const char *key)
{
	size_t mask = o->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct csvimport_once_slot *s = &o->slot[i];
		if (!s->line)
			return s;
		const char *k = o->keys + s->key;
		if (s->hash == h && k[0] == (char)kind &&
		    strcmp(k + 1, key) == 0)
			return s;
	}
}

static int once_grow(struct csvimport_once *o)
{
	size_t cap = o->cap ? o->cap * 2 : 64;
	struct csvimport_once_slot *slot = calloc(cap, sizeof *slot);
	if (!slot)
		return -1;
	struct csvimport_once old = *o;
	o->slot = slot;
	o->cap = cap;
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slot[i].line)
			continue;
		const char *k = o->keys + old.slot[i].key;
		*once_find(o, old.slot[i].hash, k[0], k + 1) = old.slot[i];
	}
	free(old.slot);
	return 0;
}

/* Copies kind and key into keys; its offset in *at. */
static int once_keep_key(struct csvimport_once *o, int kind, const char *key,
			 size_t *at)
{
	size_t len = strlen(key) + 2;
	if (o->keys_cap - o->keys_len < len) {
		size_t cap = o->keys_cap ? o->keys_cap : 1024;
		while (cap - o->keys_len < len)
			cap *= 2;
		char *keys = realloc(o->keys, cap);
		if (!keys)
			return -1;
		o->keys = keys;
		o->keys_cap = cap;
	}
	*at = o->keys_len;
	o->keys[o->keys_len] = (char)kind;
	memcpy(o->keys + o->keys_len + 1, key, len - 1);
	o->keys_len += len;
	return 0;
}

int csvimport_once_put(struct csvimport_once *o, int kind, const char *key,
		       unsigned long line, unsigned long *first,
		       struct error *err)
{
	if ((o->used + 1) * 2 > o->cap && once_grow(o))
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "import: out of memory");
	uint64_t h = once_hash(kind, key);
	struct csvimport_once_slot *s = once_find(o, h, kind, key);
	if (s->line) {
		*first = s->line;
		return 1;
	}
	size_t at;
	if (once_keep_key(o, kind, key, &at))
		return error_errno(err, ERROR_RUNTIME, ENOMEM,
				   "import: out of memory");
	*s = (struct csvimport_once_slot){h, at, line};
	o->used++;
	return 0;
}

void csvimport_once_clear(struct csvimport_once *o)
{
	if (!o->used)
		return;
	if (o->cap > ONCE_KEEP_SLOTS) {
		free(o->slot);
		o->slot = NULL;
		o->cap = 0;
	} else {
		memset(o->slot, 0, o->cap * sizeof *o->slot);
	}
	o->used = 0;
	o->keys_len = 0;
}

void csvimport_once_free(struct csvimport_once *o)
{
	free(o->slot);
	free(o->keys);
	memset(o, 0, sizeof *o);
}
