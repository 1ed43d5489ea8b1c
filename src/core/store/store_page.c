/* store_page.c - keyset paging and SQL filters for the long lists. */
#include "config.h"

#include "core/store/store_int.h"
#include "core/store/store_page.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/dates.h"
#include "core/base/utext.h"

/* ---------------------------------------------------------------- match */

/* One rule with the screens' own filter (utext): case folded in every
 * script, so "müller" finds "MÜLLER". */
int store_page_match(const char *haystack, const char *needle)
{
	if (!needle || !needle[0])
		return 1;
	if (!haystack)
		return 0;
	return utext_fold_contains(haystack, needle) > 0;
}

/* ownit_match(haystack, needle) in SQL. */
static void match_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *h = (const char *)sqlite3_value_text(argv[0]);
	const char *n = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, store_page_match(h, n));
}

int store_page_functions(struct store *s, struct error *err)
{
	int rc = sqlite3_create_function_v2(s->db, "ownit_match", 2,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC |
						SQLITE_DIRECTONLY,
					    NULL, match_sql, NULL, NULL, NULL);
	return rc == SQLITE_OK
		   ? 0
		   : store_fail(s, rc, "setting up the filter", err);
}

/* ---------------------------------------------------------------- people */

/* Names are unique ignoring case (the column's NOCASE index), so a name
 * alone is a person's key position, and that index gives the order. */
#define PEOPLE_SELECT                                                          \
	"SELECT " STORE_PERSON_COLUMNS ", "                                    \
	"(SELECT started FROM session WHERE person_id = p.id "                 \
	" ORDER BY started DESC LIMIT 1), "                                    \
	"(SELECT count(*) << 32 | count(CASE WHEN due < ?1 THEN 1 END) "       \
	" FROM commitment WHERE person_id = p.id AND status = 'open') "        \
	"FROM person p "
#define PEOPLE_WHERE                                                           \
	"WHERE (?2 OR p.archived = 0) AND (?3 = '' OR ownit_match(p.name, "    \
	"?3) "                                                                 \
	"OR ownit_match(p.role, ?3) OR ownit_match(p.team, ?3)) "

static const char people_first[] =
    PEOPLE_SELECT PEOPLE_WHERE "ORDER BY p.name, p.id LIMIT ?5 OFFSET ?6";
static const char people_after[] =
    PEOPLE_SELECT PEOPLE_WHERE "AND p.name > ?4 ORDER BY p.name, p.id LIMIT ?5";
static const char people_last[] =
    PEOPLE_SELECT PEOPLE_WHERE "ORDER BY p.name DESC, p.id DESC LIMIT ?5";
static const char people_before[] = PEOPLE_SELECT PEOPLE_WHERE
    "AND p.name < ?4 ORDER BY p.name DESC, p.id DESC LIMIT ?5";
static const char people_count[] =
    "SELECT count(*) FROM person p " PEOPLE_WHERE;
static const char people_position[] =
    "SELECT count(*) FROM person p " PEOPLE_WHERE
    "AND p.name < (SELECT name FROM person WHERE id = ?4)";
static const char person_kept[] =
    "SELECT 1 FROM person p " PEOPLE_WHERE "AND p.id = ?4";

/* ?3, every list's filter: "" keeps every row. */
static void bind_filter(sqlite3_stmt *st, const struct store_page *p)
{
	sqlite3_bind_text(st, 3, p->filter ? p->filter : "", -1,
			  SQLITE_TRANSIENT);
}

/* A statement of the people list with p's filter bound, and ?4 the
 * person id when there is one. */
static sqlite3_stmt *people_stmt(struct store *s, const char *sql,
				 const struct store_page *p, int64_t id,
				 const char *doing, struct error *err)
{
	char today[DATES_DAY_SIZE];
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return NULL;
	dates_today(today);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, p->include_archived ? 1 : 0);
	bind_filter(st, p);
	if (id)
		sqlite3_bind_int64(st, 4, id);
	return st;
}

static int64_t sql_limit(size_t n)
{
	return n > (size_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

/* The statement for p's window among the four a list has, and its
 * bounds: ?4 (and ?7 where the key has an id) the row to go on from, ?5
 * the rows wanted, ?6 the offset of a first page. */
static const char *page_sql(const struct store_page *p, const char *first,
			    const char *after, const char *last,
			    const char *before)
{
	return p->from_set ? (p->backward ? before : after)
			   : (p->backward ? last : first);
}

static void bind_window(sqlite3_stmt *st, const struct store_page *p,
			int key_has_id)
{
	if (p->from_set) {
		store_bind_text(st, 4, p->from_text);
		if (key_has_id)
			sqlite3_bind_int64(st, 7, p->from_id);
	}
	sqlite3_bind_int64(st, 5, sql_limit(p->limit));
	if (!p->from_set && !p->backward)
		sqlite3_bind_int64(st, 6, sql_limit(p->offset));
}

int store_people_page(struct store *s, const struct store_page *p,
		      int (*cb)(const struct store_person_row *, void *),
		      void *ud, struct error *err)
{
	const char *sql = page_sql(p, people_first, people_after, people_last,
				   people_before);
	const char *doing = "listing people";
	sqlite3_stmt *st = people_stmt(s, sql, p, 0, doing, err);
	if (!st)
		return -1;
	bind_window(st, p, 0);
	return store_people_run(s, st, cb, ud, doing, err);
}

int store_people_count(struct store *s, const struct store_page *p, size_t *n,
		       struct error *err)
{
	const char *doing = "counting people";
	sqlite3_stmt *st = people_stmt(s, people_count, p, 0, doing, err);
	return st ? store_count(s, st, n, doing, err) : -1;
}

int store_people_exist(struct store *s, struct error *err)
{
	const char *doing = "looking for people";
	int64_t one;
	sqlite3_stmt *st =
	    store_stmt_get(s, "SELECT 1 FROM person LIMIT 1", doing, err);
	return st ? store_int_get(s, st, &one, doing, err) : -1;
}

int store_people_position(struct store *s, const struct store_page *p,
			  int64_t id, size_t *pos, struct error *err)
{
	const char *doing = "counting people";
	int64_t kept;
	sqlite3_stmt *st = people_stmt(s, person_kept, p, id, doing, err);
	int r = st ? store_int_get(s, st, &kept, doing, err) : -1;
	if (r <= 0)
		return r;
	st = people_stmt(s, people_position, p, id, doing, err);
	return st && store_count(s, st, pos, doing, err) == 0 ? 1 : -1;
}

/* ----------------------------------------------------------- commitments */

/* The order (overdue first, then by due date, none last) is three index
 * ranges of commitment_by_status (status, due, and the id every index
 * ends with), read one after the other: "(due < today) DESC" as a sort
 * key would make SQLite read and sort every open commitment for each
 * page.  A commitment's key position is its part and (due, id). */
enum commits_part { PART_OVERDUE, PART_COMING, PART_UNDATED, PARTS };

#define COMMITS_FROM                                                           \
	"FROM commitment c JOIN person p ON p.id = c.person_id "               \
	"WHERE c.status = 'open' AND (?3 = '' OR ownit_match(c.what, ?3) "     \
	"OR ownit_match(p.name, ?3) OR ownit_match(c.owner, ?3) "              \
	"OR ownit_match(c.due, ?3)) AND "
#define COMMITS_SELECT "SELECT " COMMITMENT_COLUMNS " " COMMITS_FROM
#define DATED_AFTER "AND (c.due, c.id) > (?4, ?7) "
#define DATED_BEFORE "AND (c.due, c.id) < (?4, ?7) "
#define DATED_UP "ORDER BY c.due, c.id LIMIT ?5"
#define DATED_DOWN "ORDER BY c.due DESC, c.id DESC LIMIT ?5"
#define UNDATED_AFTER "AND c.id > ?7 "
#define UNDATED_BEFORE "AND c.id < ?7 "
#define UNDATED_UP "ORDER BY c.id LIMIT ?5"
#define UNDATED_DOWN "ORDER BY c.id DESC LIMIT ?5"

/* One part's four windows, as page_sql picks among them. */
#define COMMITS_PART(range, after, before, up, down)                           \
	{COMMITS_SELECT range up " OFFSET ?6",                                 \
	 COMMITS_SELECT range after up, COMMITS_SELECT range down,             \
	 COMMITS_SELECT range before down}

static const char *const commits_sql[PARTS][4] = {
    [PART_OVERDUE] = COMMITS_PART("c.due < ?1 ", DATED_AFTER, DATED_BEFORE,
				  DATED_UP, DATED_DOWN),
    [PART_COMING] = COMMITS_PART("c.due >= ?1 ", DATED_AFTER, DATED_BEFORE,
				 DATED_UP, DATED_DOWN),
    [PART_UNDATED] = COMMITS_PART("c.due IS NULL ", UNDATED_AFTER,
				  UNDATED_BEFORE, UNDATED_UP, UNDATED_DOWN),
};
static const char *const commits_count_sql[PARTS] = {
    [PART_OVERDUE] = "SELECT count(*) " COMMITS_FROM "c.due < ?1",
    [PART_COMING] = "SELECT count(*) " COMMITS_FROM "c.due >= ?1",
    [PART_UNDATED] = "SELECT count(*) " COMMITS_FROM "c.due IS NULL",
};
static const char commits_count[] = "SELECT count(*) " COMMITS_FROM "1";

/* Which part a commitment due on due (NULL or "": none) is in today. */
static enum commits_part commits_part_of(const char *due, const char *today)
{
	if (!due || !due[0])
		return PART_UNDATED;
	return strcmp(due, today) < 0 ? PART_OVERDUE : PART_COMING;
}

/* Where a walk through the parts is, and what it still wants. */
struct commits_walk {
	const char *today;
	size_t left; /* rows still wanted */
	int (*cb)(const struct store_commitment *, void *);
	void *ud;
	int stop; /* what cb returned to stop the walk */
};

/* A statement of the commitments list with p's filter bound, and ?1
 * today (NULL: a count that does not split the list by date). */
static sqlite3_stmt *commits_stmt(struct store *s, const char *sql,
				  const struct store_page *p, const char *today,
				  const char *doing, struct error *err)
{
	sqlite3_stmt *st = store_stmt_get(s, sql, doing, err);
	if (!st)
		return NULL;
	if (today)
		store_bind_text(st, 1, today);
	bind_filter(st, p);
	return st;
}

/* A row of the walk: the window's limit was what the walk still wants,
 * so the rows end by themselves when it wants no more. */
static int commits_walk_row(const struct store_commitment *c, void *ud)
{
	struct commits_walk *w = ud;
	w->left--;
	return w->stop = w->cb(c, w->ud);
}

/* Reads one part's window q (q->limit is w->left), handing each row to
 * the callback.  0, or -1 with err set. */
static int commits_part_read(struct store *s, enum commits_part part,
			     const struct store_page *q, struct commits_walk *w,
			     struct error *err)
{
	const char *const *sql = commits_sql[part];
	const char *doing = "listing commitments";
	sqlite3_stmt *st =
	    commits_stmt(s, page_sql(q, sql[0], sql[1], sql[2], sql[3]), q,
			 w->today, doing, err);
	if (!st)
		return -1;
	store_bind_text(st, 99, w->today); /* the overdue column */
	bind_window(st, q, 1);
	int r = store_commitments_run(s, st, commits_walk_row, w, doing, err);
	/* A stop is the callback's, not a failure, whatever its value. */
	return r < 0 && r != w->stop ? -1 : 0;
}

/* How many of one part's rows p's filter keeps. */
static int commits_part_count(struct store *s, enum commits_part part,
			      const struct store_page *p, const char *today,
			      size_t *n, struct error *err)
{
	const char *doing = "counting commitments";
	sqlite3_stmt *st =
	    commits_stmt(s, commits_count_sql[part], p, today, doing, err);
	return st ? store_count(s, st, n, doing, err) : -1;
}

/* The part p starts in, with p->offset made relative to it: the parts
 * the offset passes whole are counted, never read.  PARTS when the
 * offset is past the end. */
static int commits_skip(struct store *s, const struct store_page *p,
			const char *today, size_t *offset, int *part,
			struct error *err)
{
	*offset = p->offset;
	for (*part = PART_OVERDUE; *offset && *part < PARTS; (*part)++) {
		size_t n = 0;
		if (commits_part_count(s, *part, p, today, &n, err))
			return -1;
		if (*offset < n)
			break;
		*offset -= n;
	}
	return 0;
}

int store_open_commitments_page(struct store *s, const struct store_page *p,
				int (*cb)(const struct store_commitment *,
					  void *),
				void *ud, struct error *err)
{
	char today[DATES_DAY_SIZE];
	dates_today(today);
	struct commits_walk w = {
	    .today = today, .left = p->limit, .cb = cb, .ud = ud};
	struct store_page q = *p;
	int part, step = p->backward ? -1 : 1;
	if (p->from_set) {
		part = commits_part_of(p->from_text, today);
	} else if (p->backward) {
		part = PART_UNDATED;
	} else if (commits_skip(s, p, today, &q.offset, &part, err)) {
		return -1;
	}
	/* The first part read goes on from p's row (or offset); the ones
	 * after it are read from their own start (or end). */
	for (; part >= 0 && part < PARTS && w.left && !w.stop; part += step) {
		q.limit = w.left;
		if (commits_part_read(s, (enum commits_part)part, &q, &w, err))
			return -1;
		q.from_set = 0;
		q.offset = 0;
	}
	return w.stop;
}

int store_open_commitments_count(struct store *s, const struct store_page *p,
				 size_t *n, struct error *err)
{
	const char *doing = "counting commitments";
	sqlite3_stmt *st = commits_stmt(s, commits_count, p, NULL, doing, err);
	return st ? store_count(s, st, n, doing, err) : -1;
}

/* -------------------------------------------------------------- sessions */

/* Newest first; a session's key position is (started, id), which the
 * session_by_person index (person_id, started) gives in order. */
#define SESSIONS_SELECT                                                        \
	"SELECT " SESSION_COLUMNS " FROM session s "                           \
	"JOIN person p ON p.id = s.person_id "
#define SESSIONS_WHERE                                                         \
	"WHERE s.person_id = ?1 AND (?3 = '' "                                 \
	"OR ownit_match(date(s.started, 'localtime'), ?3) "                    \
	"OR ownit_match(s.kind, ?3) OR ownit_match(s.status, ?3) "             \
	"OR ownit_match(s.coach, ?3)) "
#define SESSIONS_NEWEST "ORDER BY s.started DESC, s.id DESC "
#define SESSIONS_OLDEST "ORDER BY s.started, s.id "

static const char sessions_first[] =
    SESSIONS_SELECT SESSIONS_WHERE SESSIONS_NEWEST "LIMIT ?5 OFFSET ?6";
static const char sessions_after[] = SESSIONS_SELECT SESSIONS_WHERE
    "AND (s.started, s.id) < (?4, ?7) " SESSIONS_NEWEST "LIMIT ?5";
static const char sessions_last[] =
    SESSIONS_SELECT SESSIONS_WHERE SESSIONS_OLDEST "LIMIT ?5";
static const char sessions_before[] = SESSIONS_SELECT SESSIONS_WHERE
    "AND (s.started, s.id) > (?4, ?7) " SESSIONS_OLDEST "LIMIT ?5";
static const char sessions_count[] =
    "SELECT count(*) FROM session s " SESSIONS_WHERE;

/* A statement of a person's sessions with p's filter bound. */
static sqlite3_stmt *sessions_stmt(struct store *s, const char *sql,
				   int64_t person_id,
				   const struct store_page *p,
				   const char *doing, struct error *err)
{
	sqlite3_stmt *st = store_stmt_for_id(s, sql, person_id, doing, err);
	if (st)
		bind_filter(st, p);
	return st;
}

int store_sessions_page(struct store *s, int64_t person_id,
			const struct store_page *p,
			int (*cb)(const struct store_session *, void *),
			void *ud, struct error *err)
{
	const char *sql = page_sql(p, sessions_first, sessions_after,
				   sessions_last, sessions_before);
	const char *doing = "listing sessions";
	sqlite3_stmt *st = sessions_stmt(s, sql, person_id, p, doing, err);
	if (!st)
		return -1;
	bind_window(st, p, 1);
	return store_sessions_run(s, st, cb, ud, doing, err);
}

int store_sessions_count(struct store *s, int64_t person_id,
			 const struct store_page *p, size_t *n,
			 struct error *err)
{
	const char *doing = "counting sessions";
	sqlite3_stmt *st =
	    sessions_stmt(s, sessions_count, person_id, p, doing, err);
	return st ? store_count(s, st, n, doing, err) : -1;
}
