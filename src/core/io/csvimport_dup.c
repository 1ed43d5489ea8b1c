/* csvimport_dup.c - a uuid met twice: the same record, or a conflict.
 *
 * Only an identical record may be skipped; anything else would silently
 * drop what the file says.  "Identical" means the rows the detail export
 * would write for it, so every column counts, whatever columns the format
 * gains later.  A record in the database is therefore taken row by row
 * from the detail export of that record alone (csvexport_detail_rows, no
 * CSV made), and compared with the file through a digest of its fields: two 64-bit hashes per row, summed over
 * a session's rows so their order does not matter.  The digests of what
 * the file held are kept with the uuids in the store's temporary tables
 * (store_import.h), so memory stays flat.
 *
 * Two columns are normalised first: a person column names the person as
 * this database knows them (one matched by name keeps the database's
 * uuid), and the follow-up link of a commitment is left out, since a
 * link to a session neither in the file nor in the database is not kept
 * (see csvimport.h).
 */
#include "config.h"

#include "core/io/csvimport_int.h"

#include <stdio.h>
#include <string.h>

#include "core/store/store_export.h"
#include "core/store/store_import.h"

/* --------------------------------------------------------------- digests */

static const char *const kind_name[] = {"person", "session", "commitment",
					"note"};

/* The 64-bit finaliser of MurmurHash3: every input bit reaches every
 * output bit, so sums of row digests do not cancel out. */
static uint64_t fmix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

static uint64_t rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* One 8-byte word into both halves of the digest, each its own way, so
 * that a collision would have to fool two unrelated mixes at once. */
static void mix_word(uint64_t h[2], uint64_t w)
{
	uint64_t k = rotl64(w * 0x87c37b91114253d5ULL, 31) *
		     0x4cf5ad432745937fULL;
	h[0] = rotl64(h[0] ^ k, 27) * 5 + 0x52dce729;
	h[1] = (h[1] + w + 1) * 0x9e3779b97f4a7c15ULL;
	h[1] ^= h[1] >> 29;
}

/* Column c's field word by word rather than byte by byte: this runs
 * over every byte of the file and was a twentieth of an import's time.
 * Empty fields (most of a row's 33) add nothing; a closing word of
 * column and length keeps the fields apart ("ab","c" is not "a","bc").
 * Words are read in the machine's byte order: digests live only as long
 * as one import. */
static void mix_field(uint64_t h[2], int c, const char *v)
{
	size_t n = strlen(v), len = n;
	uint64_t w;
	if (!n)
		return;
	for (; n >= 8; n -= 8, v += 8) {
		memcpy(&w, v, 8);
		mix_word(h, w);
	}
	if (n) {
		w = 0;
		memcpy(&w, v, n);
		mix_word(h, w);
	}
	mix_word(h, (uint64_t)len | (uint64_t)(c + 1) << 48);
}

static void digest_fields(const char *const *f, const char *person,
			  uint64_t out[2])
{
	uint64_t h[2] = {0xcbf29ce484222325ULL, 0x6a09e667f3bcc908ULL};
	for (int c = 0; c < CSVEXPORT_DETAIL_COLUMNS; c++) {
		if (c == DCOL_REVIEWED_IN)
			continue;
		const char *v = f[c];
		/* A file from before the 0/1 columns leaves them empty: the
		 * same record as one exported with 0 there. */
		if ((c == DCOL_NO_OCCASION || c == DCOL_REGULATED) &&
		    strcmp(v, "0") == 0)
			v = "";
		mix_field(h, c, c == DCOL_PERSON && person && v[0] ? person : v);
	}
	out[0] = fmix64(h[0]);
	out[1] = fmix64(h[1] ^ 0x5851f42d4c957f2dULL);
}

void csvimport_row_digest(const struct row *r, const char *person,
			  uint64_t out[2])
{
	digest_fields(r->f, person, out);
}

/* ------------------------------------------------------- stored records */

struct stored {
	enum dup_kind kind;
	const char *uuid;
	uint64_t sum[2];
	int found;
	char session[STORE_UUID_SIZE]; /* of the commitment or note */
};

/* One row of the stored record's export. */
static int on_stored(const char *const *f, void *ctx)
{
	struct stored *st = ctx;
	int person_row = strcmp(f[DCOL_RECORD], "person") == 0;
	if (st->kind == DUP_SESSION
		? person_row
		: strcmp(f[DCOL_RECORD], kind_name[st->kind]) != 0 ||
		      strcmp(f[DCOL_UUID], st->uuid) != 0)
		return 0;
	uint64_t d[2];
	digest_fields(f, NULL, d);
	snprintf(st->session, sizeof st->session, "%s", f[DCOL_SESSION]);
	st->sum[0] += d[0];
	st->sum[1] += d[1];
	st->found = 1;
	return 0;
}

int csvimport_stored_digest(struct imp *im, enum dup_kind kind, int64_t id,
			    const char *uuid, uint64_t out[2],
			    char session[STORE_UUID_SIZE])
{
	/* The rows as the detail export would write them, taken before they
	 * become CSV: the same fields the file's rows have once read and
	 * unguarded (csvimport_check_row). */
	struct csvexport_options o;
	csvexport_options_init(&o);
	o.format = CSVEXPORT_DETAIL;
	if (kind == DUP_PERSON) {
		o.person_id = id;
		o.people_only = 1;
	} else {
		o.session_id = id;
	}
	struct stored st = {.kind = kind, .uuid = uuid};
	if (csvexport_detail_rows(im->s, &o, on_stored, &st, im->err)) {
		im->failed = 1;
		return -1;
	}
	out[0] = st.sum[0];
	out[1] = st.sum[1];
	if (session)
		memcpy(session, st.session, sizeof st.session);
	return st.found;
}

/* ------------------------------------------------------- single records */

static int same(const uint64_t a[2], const uint64_t b[2])
{
	return a[0] == b[0] && a[1] == b[1];
}

int csvimport_dup_remember(struct imp *im, enum dup_kind kind, const char *uuid,
			   unsigned long line, int64_t id, const uint64_t d[2])
{
	struct store_import_seen seen = {line, id, {d[0], d[1]}};
	struct error e = {0};
	if (store_import_seen_put(im->s, (int)kind, uuid, &seen, 0, &e) == 0)
		return 0;
	*im->err = e;
	im->failed = 1;
	return -1;
}

/* Where a record of this kind and uuid is in the database: the person
 * or the commitment (*id) and the session to export (*session).  1
 * found, 0 not, -1 error. */
static int stored_place(struct imp *im, enum dup_kind kind, const char *uuid,
			int64_t *id, int64_t *session, struct error *e)
{
	*id = *session = 0;
	if (kind == DUP_PERSON)
		return store_person_find_uuid(im->s, uuid, id, e);
	if (kind == DUP_NOTE)
		return store_note_find_uuid(im->s, uuid, session, e);
	int found = store_commitment_find_uuid(im->s, uuid, id, e);
	if (found <= 0)
		return found;
	struct store_commitment c;
	found = store_commitment_get(im->s, *id, &c, e);
	if (found > 0) {
		*session = c.session_id;
		store_commitment_clear(&c);
	}
	return found;
}

static void report_stored(struct imp *im, enum dup_kind kind,
			  const struct row *r, const char *session)
{
	const char *uuid = r->f[DCOL_UUID];
	if (kind == DUP_PERSON)
		csvimport_problem(im, r->line,
				  "person %s differs from the person stored "
				  "with the same uuid; only an identical "
				  "record is skipped",
				  uuid);
	else if (kind == DUP_NOTE)
		csvimport_problem(im, r->line,
				  "note %s differs from the note stored with "
				  "the same uuid, the note of session %s; only "
				  "an identical record is skipped",
				  uuid, session);
	else
		csvimport_problem(im, r->line,
				  "commitment %s differs from the commitment "
				  "stored with the same uuid, made in session "
				  "%s; only an identical record is skipped",
				  uuid, session);
}

int csvimport_dup_row(struct imp *im, enum dup_kind kind, const struct row *r,
		      const uint64_t d[2], int64_t *id)
{
	const char *uuid = r->f[DCOL_UUID];
	struct store_import_seen seen;
	struct error e = {0};
	*id = 0;
	int found = store_import_seen_get(im->s, (int)kind, uuid, &seen, &e);
	if (found > 0) {
		if (same(seen.digest, d)) {
			*id = seen.id;
			return 1;
		}
		csvimport_problem(im, r->line,
				  "%s %s differs from the %s with the same "
				  "uuid at %s:%lu; only an identical copy is "
				  "skipped",
				  kind_name[kind], uuid, kind_name[kind],
				  im->name, seen.line);
		return 2;
	}
	int64_t session = 0;
	if (found == 0)
		found = stored_place(im, kind, uuid, id, &session, &e);
	if (found < 0) {
		*im->err = e;
		im->failed = 1;
		return -1;
	}
	if (found == 0)
		return 0;
	uint64_t want[2];
	char where[STORE_UUID_SIZE] = "";
	found = csvimport_stored_digest(
	    im, kind, kind == DUP_PERSON ? *id : session, uuid, want, where);
	if (found < 0)
		return -1;
	if (found && same(want, d))
		return 1;
	report_stored(im, kind, r, where);
	return 2;
}

/* -------------------------------------------------------------- sessions */

void csvimport_block_add(struct imp *im, const uint64_t d[2])
{
	if (!im->block_open)
		return;
	im->block_sum[0] += d[0];
	im->block_sum[1] += d[1];
}

int csvimport_block_end(struct imp *im)
{
	if (!im->block_open)
		return 0;
	im->block_open = 0;
	const uint64_t *sum = im->block_sum;
	if (im->block_check == BLOCK_SAME_AS_LINE) {
		if (!same(sum, im->block_want))
			csvimport_problem(
			    im, im->block_line,
			    "session %s differs from the session with the "
			    "same uuid at %s:%lu (its own row or the rows "
			    "inside it); only an identical copy is skipped",
			    im->session_uuid, im->name, im->block_other_line);
		return 0; /* the first copy stays the one remembered */
	}
	if (im->block_check == BLOCK_SAME_AS_STORED &&
	    !same(sum, im->block_want))
		csvimport_problem(im, im->block_line,
				  "session %s differs from the session stored "
				  "with the same uuid (its own row or the rows "
				  "inside it); only an identical record is "
				  "skipped",
				  im->session_uuid);
	struct store_import_seen seen = {
	    im->block_line, im->session_id, {sum[0], sum[1]}};
	struct error e = {0};
	if (store_import_seen_put(im->s, DUP_SESSION, im->session_uuid, &seen,
				  1, &e) == 0)
		return 0;
	*im->err = e;
	im->failed = 1;
	return -1;
}
