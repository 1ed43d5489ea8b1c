/* demo.c - the sample coaching history.
 *
 * Everything comes from a fixed pseudo-random sequence, so two runs on the
 * same day write the same database (uuids too: they are drawn from the
 * same sequence, formatted as version 4).  Each person has a profile: how
 * strong each red flag is at their first session and at their last, and
 * how generously they rate themselves; the sessions in between move along
 * that line with a little noise, so history and comparisons show a trend.
 */
#include "config.h"

#include "core/coaching/demo.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content/content.h"
#include "core/base/dates.h"
#include "core/base/paths.h"
#include "core/store/store.h"

#define NFLAGS 5
#define NPILLARS 6
#define MAX_SESSIONS 8

static const char *const flag_ids[NFLAGS] = {
	"vague-updates", "slow-escalation", "not-my-job",
	"missed-commitments", "passive-agreement"};
static const char *const flag_titles[NFLAGS] = {
	"updates", "escalation", "ownership of gaps", "commitments",
	"meetings"};
static const char *const pillar_ids[NPILLARS] = {
	"clarity", "trust-openness", "autonomy", "feedback-systems",
	"role-modelling", "vision"};

struct profile {
	const char *name, *role, *team;
	int self;                  /* self-assessments, no coach */
	int days[MAX_SESSIONS];    /* days before today, oldest first, 0 ends */
	int last_open;             /* the newest session is still open */
	double from[NFLAGS], to[NFLAGS]; /* red-flag level, first -> last */
	double optimism;           /* added to the pillar self-ratings */
	const char *situation;     /* what the ladder is worked on */
	int start_rung;
};

static const struct profile people[DEMO_PEOPLE] = {
	{"Amira Haddad", "Engineering lead", "Platform", 0,
	 {170, 142, 113, 85, 57, 29, 2}, 1,
	 {3.2, 2.8, 2.0, 3.4, 2.6}, {1.4, 1.2, 1.0, 1.6, 1.8}, 0.2,
	 "The release checklist keeps slipping because nobody owns the "
	 "hand-over to operations",
	 3},
	{"Jonas Weiß", "Lab operations lead", "Assay development", 0,
	 {150, 121, 93, 46, 15}, 0,
	 {1.8, 3.0, 2.6, 2.2, 3.2}, {2.0, 2.2, 1.4, 2.8, 2.6}, 0.6,
	 "Sample backlogs are raised only when the client chases them", 2},
	{"me", "Head of data", "Data & analytics", 1,
	 {104, 62, 21}, 0,
	 {2.4, 1.6, 2.8, 2.0, 3.0}, {2.0, 1.4, 2.2, 2.4, 2.4}, 1.3,
	 "I rewrite the team's reports instead of saying what good looks "
	 "like",
	 4},
};

static const char *const commitments[] = {
	"Write down the decision rights for the release process, and share "
	"them",
	"Open every 1:1 with \"what is at risk this week?\"",
	"Hand the vendor escalation to Priya and stay out of it",
	"Publish the Q3 outcomes on one page: goal, owner, measure",
	"Thank someone in public for raising a problem early",
	"Ask for a dissenting view before closing each planning meeting",
	"Replace the Friday status report with a 15-minute stand-up",
	"Agree a \"stop the line\" rule with the lab leads",
	"Say out loud which mistake I made this month, and what I changed",
	"Move approval of small purchases (< 500 €) to the team",
	"Check in on the migration every Tuesday, 10 minutes, no slides",
	"Explain to the team how the client contract affects their work",
};

static const char *const obstacles[] = {
	"Two people were off sick, so the week went to firefighting",
	"I took it back over when the deadline got close, the old habit",
	"The budget freeze made it unclear what we could promise",
	"Nobody was sure who had to start; we each waited for the other",
};

/* What helped a kept commitment, and what changes after one that slipped:
 * the two follow-up questions the tool asks. */
static const char *const helpers[] = {
	"Putting it in the calendar the same day I agreed to it",
	"Telling the team I'd do it, so they asked how it went",
	"Doing the smallest part first, on Monday morning",
	"A reminder in our weekly 1:1 notes",
};

static const char *const changes[] = {
	"Say on the day it slips, not at the next session",
	"Block the time first, then promise the date",
	"Split it into a first step I can finish this week",
	"Agree who starts before we leave the room",
};

static const char *const notes[] = {
	"Good energy today. Amira noticed she answers questions the team "
	"could answer themselves,\nand wants to try \"what would you do?\" "
	"first.",
	"Short session, 40 min.\nTopics: hand-overs, the \"not my job\" "
	"moment in Tuesday's incident, next steps.",
	"Jonas said: \"I only hear about problems once they're already "
	"late\". We talked about making it safe to say so sooner.",
	"Self-check, written after the quarterly review.\nRated myself high "
	"on clarity; the red flags disagree — worth a look.",
	"Follow-up was mostly positive, one commitment missed, one re-dated "
	"(the vendor one).",
	"Reminder: the team's café meeting on Thursday is a good place to "
	"recognise early escalation.",
};

static const char *const rung_answers[STORE_RUNG_MAX] = {
	"I hadn't seen it as my problem at all",
	"It's easy to say the other team caused it",
	"We were short of people, and the plan was unrealistic",
	"Hoping it sorts itself out hasn't worked twice already",
	"The hand-over fails because nobody owns it, including me",
	"This one is mine: I set up the process",
	"Name an owner, add a checklist step, review it at the retro",
	"I'll talk to both leads on Monday and agree it by Friday",
};

/* The fixed pseudo-random sequence (a 64-bit LCG, upper bits). */
struct rng {
	uint64_t x;
	unsigned turn; /* follow-up outcomes go round, so each one occurs */
};

static uint32_t rng_next(struct rng *r)
{
	r->x = r->x * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(r->x >> 33);
}

/* -1, 0 or +1, mostly 0. */
static int rng_jitter(struct rng *r)
{
	uint32_t v = rng_next(r) % 6;
	return v == 0 ? -1 : v == 1 ? 1 : 0;
}

static void rng_uuid(struct rng *r, char out[STORE_UUID_SIZE])
{
	unsigned char b[16];
	for (int i = 0; i < 16; i++)
		b[i] = (unsigned char)(rng_next(r) & 0xff);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	static const char hex[] = "0123456789abcdef";
	char *p = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 15];
	}
	*p = '\0';
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* "DAYT(HH:MM:SS)Z" for secs after midnight UTC. */
static void stamp(const char *day, int secs, char out[DATES_TS_SIZE])
{
	secs = clamp(secs, 0, 86399);
	snprintf(out, DATES_TS_SIZE, "%.10sT%02d:%02d:%02dZ", day,
		 (secs / 3600) % 24, (secs / 60) % 60, secs % 60);
}

/* The content as the generator sees it: item ids with their flag and
 * text, pillar ids. */
struct model {
	const struct content *c;
	size_t nitems, npillars;
	char placeholder[64];
};

/* The i-th statement the diagnostic asks: retired ones are skipped, as
 * a session run today would never answer them. */
static const struct content_item *asked(const struct model *m, size_t i)
{
	size_t k = 0;
	while (m->c->items[k].retired || i--)
		k++;
	return &m->c->items[k];
}

static size_t item_flag(const struct model *m, size_t i)
{
	if (m->c)
		return asked(m, i)->flag % NFLAGS;
	return i / 4;
}

static const char *item_id(struct model *m, size_t i, char buf[40])
{
	if (m->c)
		return asked(m, i)->id;
	snprintf(buf, 40, "%s-%zu", flag_ids[i / 4], i % 4 + 1);
	return buf;
}

static const char *item_text(struct model *m, size_t i)
{
	if (m->c)
		return asked(m, i)->statement;
	snprintf(m->placeholder, sizeof m->placeholder,
		 "Sample statement %zu about %s", i % 4 + 1,
		 flag_titles[i / 4]);
	return m->placeholder;
}

static const char *pillar_id(const struct model *m, size_t p)
{
	return m->c ? m->c->pillars[p].id : pillar_ids[p];
}

/* One session being written. */
struct sess {
	const struct profile *pf;
	int64_t person, id;
	char day[DATES_DAY_SIZE];
	double t; /* 0 at the first session, 1 at the last */
	int open;
};

static double level(const struct sess *ss, size_t f)
{
	return ss->pf->from[f] + (ss->pf->to[f] - ss->pf->from[f]) * ss->t;
}

static int write_answers(struct store *s, struct model *m, struct rng *r,
			 const struct sess *ss, struct error *err)
{
	size_t n = ss->open ? m->nitems / 2 : m->nitems;
	for (size_t i = 0; i < n; i++) {
		char idbuf[40], when[DATES_TS_SIZE];
		size_t f = item_flag(m, i);
		int v = clamp((int)(level(ss, f) + 0.5) + rng_jitter(r), 0, 4);
		if (m->c && asked(m, i)->reverse)
			v = 4 - v;
		stamp(ss->day, 9 * 3600 + 35 * 60 + (int)i * 41, when);
		struct store_answer a = {
			.session_id = ss->id,
			.item_id = item_id(m, i, idbuf),
			.statement = item_text(m, i),
			.value = v,
			.note = rng_next(r) % 9 == 0
					? "Seen twice this month, in the "
					  "planning meeting"
					: NULL,
			.answered = when,
		};
		if (store_answer_save(s, &a, err))
			return -1;
	}
	return 0;
}

static int write_ratings(struct store *s, struct model *m, struct rng *r,
			 const struct sess *ss, struct error *err)
{
	double mean = 0;
	for (size_t f = 0; f < NFLAGS; f++)
		mean += level(ss, f) / NFLAGS;
	for (size_t p = 0; p < m->npillars; p++) {
		char when[DATES_TS_SIZE];
		int v = (int)(5.0 - mean + ss->pf->optimism + 0.5) +
			rng_jitter(r) + (int)(p % 3 == 1) - (int)(p == 4);
		stamp(ss->day, 10 * 3600 + 5 * 60 + (int)p * 50, when);
		struct store_rating rt = {
			.session_id = ss->id,
			.pillar_id = pillar_id(m, p),
			.value = clamp(v, 1, 5),
			.rated = when,
		};
		if (store_rating_save(s, &rt, err))
			return -1;
	}
	return 0;
}

static int write_ladder(struct store *s, struct rng *r, const struct sess *ss,
			struct error *err)
{
	char when[DATES_TS_SIZE];
	int start = clamp(ss->pf->start_rung + rng_jitter(r), 1, 6);
	int reach = clamp(start + 2 + (int)(rng_next(r) % 4), start, 8);
	stamp(ss->day, 10 * 3600 + 15 * 60, when);
	struct store_ladder l = {.session_id = ss->id,
				 .situation = ss->pf->situation,
				 .start_rung = start,
				 .reached_rung = start,
				 .updated = when};
	if (store_ladder_save(s, &l, err))
		return -1;
	for (int rung = start + 1; rung <= reach; rung++) {
		stamp(ss->day, 10 * 3600 + 16 * 60 + rung * 90, when);
		struct store_ladder_step st = {.session_id = ss->id,
					       .rung = rung,
					       .answer = rung_answers[rung - 1],
					       .answered = when};
		if (store_ladder_step_save(s, &st, err))
			return -1;
	}
	return 0;
}

/* Commitments made in session k, reviewed in k+1 when that one is
 * complete.  A renegotiated one is carried into k+1 with a later date.
 * As the tool advises, the person being coached owns every one of their
 * commitments. */
static int write_commitments(struct store *s, struct rng *r,
			     const struct sess *ss, const struct sess *next,
			     const char **carry, struct error *err)
{
	static const enum store_cstatus outcome[] = {
		STORE_C_KEPT,   STORE_C_KEPT,   STORE_C_PARTLY,
		STORE_C_MISSED, STORE_C_KEPT,   STORE_C_RENEGOTIATED,
		STORE_C_MISSED, STORE_C_PARTLY};
	const char *list[3];
	size_t n = 0;
	if (*carry)
		list[n++] = *carry;
	*carry = NULL;
	/* The newest session leaves two open: one soon due, one later. */
	size_t fresh = next ? 1 + rng_next(r) % 2 : 2;
	for (size_t i = 0; i < fresh; i++)
		list[n++] = commitments[rng_next(r) % (sizeof commitments /
						       sizeof commitments[0])];
	for (size_t i = 0; i < n; i++) {
		char created[DATES_TS_SIZE], reviewed[DATES_TS_SIZE];
		char due[DATES_DAY_SIZE];
		int weeks = next ? (int)(1 + (i + rng_next(r)) % 3)
				 : (int)(1 + 3 * i);
		if (dates_add_days(ss->day, 7 * weeks, due, err))
			return -1;
		stamp(ss->day, 10 * 3600 + 30 * 60 + (int)i * 60, created);
		struct store_commitment c = {
			.person_id = ss->person,
			.session_id = ss->id,
			.what = list[i],
			.owner = ss->pf->name,
			.due = due,
			.status = STORE_C_OPEN,
			.created = created,
		};
		rng_uuid(r, c.uuid);
		if (next && !next->open) {
			c.status = outcome[r->turn++ % 8];
			c.reviewed_session_id = next->id;
			stamp(next->day, 9 * 3600 + 32 * 60, reviewed);
			c.reviewed = reviewed;
			/* Fixed picks, not the sequence, so the rest of
			 * the sample stays as it was. */
			if (c.status == STORE_C_KEPT)
				c.helped = helpers[(r->turn + i) % 4];
			else
				c.differently = changes[(r->turn + i) % 4];
			if (c.status != STORE_C_KEPT)
				c.obstacle = obstacles[rng_next(r) % 4];
			if (c.status == STORE_C_RENEGOTIATED)
				*carry = list[i];
		}
		if (store_commitment_add(s, &c, err))
			return -1;
	}
	return 0;
}

static int write_person(struct store *s, struct model *m, struct rng *r,
			const struct profile *pf, const char *today,
			const char *version, struct error *err)
{
	struct store_person p = {.name = pf->name, .role = pf->role,
				 .team = pf->team};
	char created[DATES_TS_SIZE], day0[DATES_DAY_SIZE];
	struct sess ss[MAX_SESSIONS];
	int n = 0;
	while (n < MAX_SESSIONS && pf->days[n])
		n++;
	if (dates_add_days(today, -pf->days[0] - 3, day0, err))
		return -1;
	stamp(day0, 16 * 3600, created);
	p.created = created;
	rng_uuid(r, p.uuid);
	if (store_person_add(s, &p, err))
		return -1;

	for (int k = 0; k < n; k++) {
		struct sess *x = &ss[k];
		char started[DATES_TS_SIZE], done[DATES_TS_SIZE];
		x->pf = pf;
		x->person = p.id;
		x->t = n > 1 ? (double)k / (n - 1) : 1.0;
		x->open = pf->last_open && k == n - 1;
		if (dates_add_days(today, -pf->days[k], x->day, err))
			return -1;
		stamp(x->day, 9 * 3600 + 30 * 60, started);
		stamp(x->day, 10 * 3600 + 50 * 60, done);
		struct store_session se = {
			.person_id = p.id,
			.kind = pf->self ? STORE_KIND_SELF
					 : STORE_KIND_COACHING,
			.coach = pf->self ? NULL : "Dana Okafor",
			.started = started,
			.completed = x->open ? NULL : done,
			.status = x->open ? STORE_SESSION_OPEN
					  : STORE_SESSION_COMPLETE,
			.content_version = version,
			.step = x->open ? STORE_STEP_FLAGS : STORE_STEP_SUMMARY,
		};
		rng_uuid(r, se.uuid);
		if (store_session_add(s, &se, err))
			return -1;
		x->id = se.id;
	}

	const char *carry = NULL;
	for (int k = 0; k < n; k++) {
		struct sess *x = &ss[k];
		if (write_answers(s, m, r, x, err))
			return -1;
		if (x->open)
			continue;
		if (write_ratings(s, m, r, x, err) ||
		    (rng_next(r) % 4 != 0 && write_ladder(s, r, x, err)) ||
		    write_commitments(s, r, x, k + 1 < n ? &ss[k + 1] : NULL,
				      &carry, err))
			return -1;
		if (rng_next(r) % 3 != 0 || k == n - 1) {
			char when[DATES_TS_SIZE];
			stamp(x->day, 10 * 3600 + 48 * 60, when);
			struct store_note note = {
				.session_id = x->id,
				.body = notes[rng_next(r) % (sizeof notes /
							     sizeof notes[0])],
				.updated = when};
			rng_uuid(r, note.uuid);
			if (store_note_put(s, &note, err))
				return -1;
		}
	}
	return 0;
}

int demo_seed(struct store *s, const struct content *content,
	      struct error *err)
{
	struct model m = {.c = content};
	char today[DATES_DAY_SIZE];
	m.nitems = content ? content->nasked : NFLAGS * 4;
	m.npillars = content ? content->npillars : NPILLARS;
	const char *version = content && content->version ? content->version
							  : "builtin";
	struct rng r = {0x6f776e4974646d6fULL, 0};
	dates_today(today);
	if (store_tx_begin(s, err))
		return -1;
	for (size_t i = 0; i < DEMO_PEOPLE; i++) {
		if (write_person(s, &m, &r, &people[i], today, version, err)) {
			store_tx_rollback(s);
			return -1;
		}
	}
	return store_tx_commit(s, err);
}

char *demo_tempdb(char **dir, struct error *err)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	*dir = paths_join(tmp, "ownit-demo-XXXXXX", err);
	if (!*dir)
		return NULL;
	/* mkdtemp makes the folder 0700. */
	if (!mkdtemp(*dir)) {
		error_errno(err, ERROR_RUNTIME, errno,
			    "cannot make a temporary folder in %s", tmp);
		free(*dir);
		*dir = NULL;
		return NULL;
	}
	char *db = paths_join(*dir, "demo.db", err);
	if (!db) {
		rmdir(*dir);
		free(*dir);
		*dir = NULL;
	}
	return db;
}

void demo_remove(const char *dir, const char *db)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char path[4096];
	for (size_t i = 0; db && i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(path, sizeof path, "%s%s", db, suffix[i]);
		unlink(path);
	}
	if (dir)
		rmdir(dir);
}
