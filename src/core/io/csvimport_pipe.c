/* csvimport_pipe.c - the file read and parsed on a second thread.
 *
 * Parsing the CSV (libcsv and the reader's checks of every field) is a
 * third of an import's work and needs nothing from the database, so a
 * second thread does it while the caller's thread checks and writes the
 * records before it.  Records travel in batches of about BATCH_BYTES,
 * packed, through a few batches that go round between the two threads,
 * so memory stays flat and the threads meet once per batch, not once per
 * record.  Everything that reports (problems, counts, the store) stays
 * on the caller's thread, in the file's order.
 *
 * When no thread can be started the reader runs on the caller's thread
 * as before.
 */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#define BATCHES 3
#define BATCH_BYTES (128 * 1024)

/* Records packed one after another: a head, the field lengths, then the
 * fields, each followed by its NUL. */
struct rec_head {
	unsigned long line;
	size_t nfields;
};

struct batch {
	char *buf;
	size_t len, cap;
};

/* A queue of batch pointers, BATCHES long. */
struct ring {
	struct batch *b[BATCHES];
	size_t first, count;
};

struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	struct ring free, full;
	struct batch batch[BATCHES];
	int done; /* the reader has handed over its last batch */
	int stop; /* the caller wants no more */
	/* The reader's side. */
	struct batch *filling;
	const char *name;
	csvimport_feed_fn feed;
	void *src;
	struct error perr; /* the reader's failure, read after the join */
	int rc;
};

static void ring_push(struct ring *r, struct batch *b)
{
	r->b[(r->first + r->count++) % BATCHES] = b;
}

static struct batch *ring_pop(struct ring *r)
{
	struct batch *b = r->b[r->first];
	r->first = (r->first + 1) % BATCHES;
	r->count--;
	return b;
}

/* ---------------------------------------------------------- the reader */

/* Hands the batch being filled to the caller; takes an empty one unless
 * last.  0 when the caller wants no more. */
static int hand_over(struct pipe *p, int last)
{
	pthread_mutex_lock(&p->mu);
	if (p->filling)
		ring_push(&p->full, p->filling);
	p->filling = NULL;
	if (last)
		p->done = 1;
	pthread_cond_broadcast(&p->changed);
	while (!last && !p->stop && p->free.count == 0)
		pthread_cond_wait(&p->changed, &p->mu);
	if (!last && !p->stop) {
		p->filling = ring_pop(&p->free);
		p->filling->len = 0;
	}
	int go_on = !p->stop;
	pthread_mutex_unlock(&p->mu);
	return go_on;
}

static int batch_reserve(struct batch *b, size_t more)
{
	if (b->len + more <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : BATCH_BYTES;
	while (cap < b->len + more)
		cap *= 2;
	char *q = realloc(b->buf, cap);
	if (!q)
		return -1;
	b->buf = q;
	b->cap = cap;
	return 0;
}

static int pack_record(const struct csvfile_record *rec, void *ctx,
		       struct error *err)
{
	struct pipe *p = ctx;
	if (p->filling->len >= BATCH_BYTES && !hand_over(p, 0))
		return 1; /* stopped: the caller has what it needs */
	struct rec_head h = {rec->line, rec->nfields};
	size_t need = sizeof h + rec->nfields * sizeof(size_t);
	for (size_t i = 0; i < rec->nfields; i++)
		need += rec->fields[i].len + 1;
	struct batch *b = p->filling;
	if (batch_reserve(b, need))
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", p->name);
	memcpy(b->buf + b->len, &h, sizeof h);
	b->len += sizeof h;
	for (size_t i = 0; i < rec->nfields; i++) {
		memcpy(b->buf + b->len, &rec->fields[i].len, sizeof(size_t));
		b->len += sizeof(size_t);
	}
	for (size_t i = 0; i < rec->nfields; i++) {
		memcpy(b->buf + b->len, rec->fields[i].data,
		       rec->fields[i].len + 1);
		b->len += rec->fields[i].len + 1;
	}
	return 0;
}

/* The reader over the whole source, then its last batch handed over. */
static int read_all(struct pipe *p, csvfile_record_fn fn, void *ctx,
		    struct error *err)
{
	struct csvfile_reader *rd = csvfile_reader_new(p->name, fn, ctx, err);
	int rc = rd ? p->feed(rd, p->src, err) : -1;
	csvfile_reader_free(rd);
	return rc;
}

static void *reader_main(void *arg)
{
	struct pipe *p = arg;
	p->rc = read_all(p, pack_record, p, &p->perr);
	hand_over(p, 1);
	return NULL;
}

/* ---------------------------------------------------------- the caller */

/* Gives each record of batch b to fn; its result when not 0. */
static int unpack(const struct batch *b, struct csvfile_field **fields,
		  size_t *cap, csvfile_record_fn fn, void *ctx,
		  struct error *err)
{
	size_t at = 0;
	while (at < b->len) {
		struct rec_head h;
		memcpy(&h, b->buf + at, sizeof h);
		at += sizeof h;
		if (h.nfields > *cap) {
			struct csvfile_field *f =
			    realloc(*fields, h.nfields * sizeof *f);
			if (!f)
				return error_errno(err, ERROR_RUNTIME, ENOMEM,
						   "reading records");
			*fields = f;
			*cap = h.nfields;
		}
		const char *data = b->buf + at + h.nfields * sizeof(size_t);
		for (size_t i = 0; i < h.nfields; i++) {
			memcpy(&(*fields)[i].len, b->buf + at, sizeof(size_t));
			at += sizeof(size_t);
			(*fields)[i].data = data;
			data += (*fields)[i].len + 1;
		}
		at = (size_t)(data - b->buf);
		struct csvfile_record rec = {h.line, *fields, h.nfields};
		int rc = fn(&rec, ctx, err);
		if (rc)
			return rc;
	}
	return 0;
}

/* Takes the next full batch (NULL at the end) after giving back done. */
static struct batch *next_full(struct pipe *p, struct batch *done, int stop)
{
	pthread_mutex_lock(&p->mu);
	if (done)
		ring_push(&p->free, done);
	if (stop)
		p->stop = 1;
	pthread_cond_broadcast(&p->changed);
	while (!stop && p->full.count == 0 && !p->done)
		pthread_cond_wait(&p->changed, &p->mu);
	struct batch *b =
	    !stop && p->full.count ? ring_pop(&p->full) : NULL;
	pthread_mutex_unlock(&p->mu);
	return b;
}

static void pipe_free(struct pipe *p, int made)
{
	for (size_t i = 0; i < BATCHES; i++)
		free(p->batch[i].buf);
	if (made) {
		pthread_cond_destroy(&p->changed);
		pthread_mutex_destroy(&p->mu);
	}
}

int csvimport_pipe(const char *name, csvimport_feed_fn feed, void *src,
		   csvfile_record_fn fn, void *ctx, struct error *err)
{
	struct pipe *p = calloc(1, sizeof *p);
	pthread_t reader;
	if (!p)
		return error_errno(err, ERROR_RUNTIME, ENOMEM, "%s", name);
	p->name = name;
	p->feed = feed;
	p->src = src;
	int made = pthread_mutex_init(&p->mu, NULL) == 0;
	if (made && pthread_cond_init(&p->changed, NULL) != 0) {
		pthread_mutex_destroy(&p->mu);
		made = 0;
	}
	int ready = made;
	for (size_t i = 0; ready && i < BATCHES; i++) {
		if (batch_reserve(&p->batch[i], BATCH_BYTES))
			ready = 0;
		else
			ring_push(&p->free, &p->batch[i]);
	}
	if (ready) {
		p->filling = ring_pop(&p->free);
		ready = pthread_create(&reader, NULL, reader_main, p) == 0;
	}
	if (!ready) {
		/* No second thread: read on this one. */
		pipe_free(p, made);
		free(p);
		struct pipe one = {.name = name, .feed = feed, .src = src};
		return read_all(&one, fn, ctx, err);
	}
	struct csvfile_field *fields = NULL;
	size_t cap = 0;
	int rc = 0;
	struct batch *b = NULL;
	while ((b = next_full(p, b, rc != 0)) != NULL)
		rc = unpack(b, &fields, &cap, fn, ctx, err);
	pthread_join(reader, NULL);
	free(fields);
	/* The caller stopped (1) or failed (-1): what the reader met past
	 * that point was never its business.  Otherwise the reader's own
	 * end: a CSV error after the last record, or a failure to read. */
	if (rc == 0 && p->rc < 0) {
		*err = p->perr;
		rc = -1;
	}
	pipe_free(p, made);
	free(p);
	return rc < 0 ? -1 : 0;
}
