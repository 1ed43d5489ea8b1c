/* gen.c - makes a large, realistic ownit database for the benchmarks.
 *
 *   gen [-s SEED] [-c CONTENT_DIR] M FILE
 *
 * Writes M sessions of N = M / 50 people (at least 1) into a new database
 * FILE through the store API, exactly as the program would, so the file
 * has the real schema, indexes and row layout.  Sessions are spread over
 * ten years in time order (so row ids follow time, as in real use), each
 * with every statement answered (some with a note), every pillar and the
 * vision rated, a ladder climb, 0-3 commitments that the person's next
 * session follows up, and a note of 200-2,000 characters full of commas,
 * quotes, newlines and a little non-ASCII text.  About one session in
 * ROUND_EVERY has a team round on its day: 1-9 responses (some below the
 * threshold of 3), every team statement answered by most of them.
 *
 * Everything comes from a seeded generator (uuids and times included), so
 * the same SEED and M give the same rows on every machine.  Writes are
 * batched in store transactions of BATCH sessions; the file is built under
 * FILE.tmp and renamed into place only when complete, so an interrupted
 * run never leaves a half-made database where the bench caches it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/content/content.h"
#include "core/base/error.h"
#include "core/store/store.h"

#define BATCH 2000
#define PER_PERSON 50
#define MAX_PENDING 6
#define ROUND_EVERY 10
#define ROUND_MAX_RESPONSES 9
/* Sessions run from START_EPOCH over SPAN_DAYS (2016-11-01, ten years). */
#define START_EPOCH 1477958400L
#define SPAN_DAYS 3650L

/* ---------------------------------------------------------------- random */

static uint64_t rng_state;

/* splitmix64: tiny, fast and the same everywhere. */
static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in lo..hi, both included. */
static int rnd_in(int lo, int hi)
{
	return lo + (int)(rnd() % (uint64_t)(hi - lo + 1));
}

static const char *pick(const char *const *list, size_t n)
{
	return list[rnd() % n];
}

#define PICK(list) pick(list, sizeof list / sizeof list[0])

static void rnd_uuid(char buf[STORE_UUID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t a = rnd(), b = rnd();
	unsigned char by[16];
	for (int i = 0; i < 8; i++) {
		by[i] = (unsigned char)(a >> (8 * i));
		by[8 + i] = (unsigned char)(b >> (8 * i));
	}
	by[6] = (unsigned char)((by[6] & 0x0f) | 0x40);
	by[8] = (unsigned char)((by[8] & 0x3f) | 0x80);
	char *p = buf;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[by[i] >> 4];
		*p++ = hex[by[i] & 15];
	}
	*p = '\0';
}

/* ------------------------------------------------------------------ text */

static void fmt_ts(long t, char out[24])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void fmt_day(long t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
}

static const char *const first_names[] = {
    "Ana",    "Bram",  "Chiara",  "Dev",  "Elif",  "Farid",  "Greta",
    "Hugo",   "Ines",  "Jonas",	  "Kofi", "Lena",  "Malik",  "Nora",
    "Oskar",  "Priya", "Quentin", "Rosa", "Sven",  "Tomasz", "Uma",
    "Vikram", "Wen",   "Yara",	  "Zoë",  "Émile", "Søren",  "Aoife",
};
static const char *const last_names[] = {
    "Abara",	"Berg",	     "Costa",  "Dufour",   "Eklund",
    "Fischer",	"García",    "Haddad", "Ivanova",  "Jensen",
    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien",
    "Petrov",	"Quinn",     "Rossi",  "Schmidt",  "Tanaka",
    "Urban",	"Varga",     "Walsh",  "Young",	   "Zeller",
};
static const char *const roles[] = {
    "Team lead",   "Engineering manager", "Head of QA", "Product lead",
    "Lab manager", "Support lead",	  "Site lead",	NULL,
};
static const char *const teams[] = {
    "Platform",
    "Payments",
    "Assay development",
    "Customer care",
    "Data, analytics & reporting",
    "Mobile",
    "Regulatory",
    NULL,
};
static const char *const coaches[] = {
    "M. Okafor",
    "J. \"Jo\" Lambert",
    "S. Virtanen",
    "R. Dubois",
};

/* Sentences for notes, chosen for the characters that stress CSV
 * writers and readers: commas, double quotes, apostrophes, dashes,
 * non-ASCII letters. */
static const char *const note_bits[] = {
    "Opened with the follow-up; two of three commitments were kept, the "
    "third slipped because of the release freeze.",
    "She said, \"I didn't want to bring it up until I had a fix\" - which "
    "is exactly the pattern we talked about last time.",
    "Agreed to try a 10-minute Friday check-in, written, with \"where it "
    "stands, what blocks it, the plan\".",
    "Team is stretched: two leavers, one on parental leave, hiring "
    "paused until Q3.",
    "He noticed he still signs off every design review; could the "
    "senior engineers own that, with him only on escalations?",
    "Ladder: started at \"wait and hope\", got to \"own it\" quickly once "
    "we named what was in his control.",
    "Perception gap on trust & openness (self 4, evidence ~2.5); "
    "discussed, not fully convinced yet.",
    "Context sharing is weak: the team hasn't seen the customer "
    "numbers since the re-org.",
    "Next time: revisit the on-call rota, the \"not my job\" moment in "
    "the incident review, and the roadmap.",
    "Reflected on the café meeting with the Zürich team - nobody pushed "
    "back, yet three people complained afterwards.",
    "Quote of the day: \"If I don't decide, nobody does\", said half "
    "jokingly, but worth unpacking.",
    "Good news: the migration shipped a week early, and the team "
    "raised the data issue themselves, early.",
    "Recognised Priya's cross-team help in public, as planned; it "
    "landed well, others noticed.",
    "Still unclear who owns the vendor contract, legal, procurement "
    "or the team - three answers so far.",
};

static const char *const answer_notes[] = {
    "mostly in the weekly sync",
    "better since the new board, but not in 1:1s",
    "\"we're on it\" came up twice this week",
    "only with the contractors, oddly",
};
static const char *const situations[] = {
    "The billing migration slipped twice and nobody raised it early",
    "Incident review: the alert was seen, but \"not ours\"",
    "Quarterly plan agreed in the meeting, challenged in the corridor",
    "Hand-over between QA and release keeps dropping tickets",
    "Audit findings, again, on the same SOP",
};
static const char *const ladder_answers[] = {
    "Yes - I saw the signs in March and hoped they'd go away.",
    "I could have asked for the status, not waited for it.",
    "Three options: split the scope, add a reviewer, move the date.",
    "Book the meeting today; send the plan, with dates, by Friday.",
    "The part that is mine: I never said what \"done\" means here.",
    "Take it to the steering group myself, with the numbers.",
};
static const char *const commitment_whats[] = {
    "Write down decision rights for the release, share with the team",
    "Hold a 15-minute weekly check-in with each direct report",
    "Say \"I got that wrong\" in the next retro, about the estimate",
    "Hand the vendor review to Sam, with a clear boundary on budget",
    "Share the customer numbers, with context, at the all-hands",
    "Ask \"what would you do?\" before giving an answer, all week",
};
static const char *const round_labels[] = {
    "Q1 offsite", "after the re-org", "=spring pulse", "2026", NULL,
};
static const char *const obstacles[] = {
    "Release freeze ate the week",
    "Forgot; no reminder set",
    "Started, then the re-org paused it",
    NULL,
};

/* A note of 200..2,000 bytes: sentences, some as "- " bullets on their
 * own lines, some paragraphs separated by blank lines. */
static void make_note(char *buf, size_t size)
{
	size_t want = (size_t)rnd_in(200, 2000), len = 0;
	buf[0] = '\0';
	while (len < want) {
		const char *bit = PICK(note_bits);
		int r = rnd_in(0, 9);
		const char *sep = len == 0 ? ""
				  : r < 5  ? " "
				  : r < 8  ? "\n- "
					   : "\n\n";
		int n = snprintf(buf + len, size - len, "%s%s", sep, bit);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	/* Cut at the target length, on a character boundary. */
	if (len > want) {
		while (want > 0 && ((unsigned char)buf[want] & 0xc0) == 0x80)
			want--;
		buf[want] = '\0';
	}
}

/* ------------------------------------------------------------- generator */

struct pending {
	int64_t session_id;
	char what[200];
	const char *owner;
	char due[16];
	char created[24];
};

struct person {
	int64_t id;
	char name[80];
	double bias; /* this person's tendency on the scale, 0..4 */
	int npending;
	struct pending pending[MAX_PENDING];
};

struct gen {
	struct store *s;
	const struct content *c;
	struct person *people;
	long npeople;
	char note[2400];
};

static void die(const char *what, const struct error *err)
{
	fprintf(stderr, "gen: %s: %s\n", what, err->msg);
	exit(1);
}

static void add_people(struct gen *g)
{
	struct error err = {0};
	for (long i = 0; i < g->npeople; i++) {
		struct person *p = &g->people[i];
		snprintf(p->name, sizeof p->name, "%s %s %ld",
			 PICK(first_names), PICK(last_names), i + 1);
		char created[24];
		fmt_ts(START_EPOCH - 86400L * rnd_in(1, 60), created);
		struct store_person sp = {
		    .name = p->name,
		    .role = PICK(roles),
		    .team = PICK(teams),
		    .created = created,
		};
		rnd_uuid(sp.uuid);
		if (store_person_add(g->s, &sp, &err))
			die("adding a person", &err);
		p->id = sp.id;
		p->bias = (double)rnd_in(5, 35) / 10.0;
	}
}

/* The commitments of p's previous session, followed up in session sid
 * (or left open when sid is 0, at the end). */
static void follow_up(struct gen *g, struct person *p, int64_t sid,
		      const char *when)
{
	struct error err = {0};
	for (int i = 0; i < p->npending; i++) {
		struct pending *pc = &p->pending[i];
		struct store_commitment c = {
		    .person_id = p->id,
		    .session_id = pc->session_id,
		    .what = pc->what,
		    .owner = pc->owner,
		    .due = pc->due,
		    .created = pc->created,
		    .status = STORE_C_OPEN,
		};
		rnd_uuid(c.uuid);
		if (sid) {
			int r = rnd_in(0, 99);
			c.status = r < 55   ? STORE_C_KEPT
				   : r < 75 ? STORE_C_PARTLY
					    : STORE_C_MISSED;
			c.reviewed_session_id = sid;
			c.reviewed = when;
			if (c.status != STORE_C_KEPT)
				c.obstacle = PICK(obstacles);
		}
		if (store_commitment_add(g->s, &c, &err))
			die("adding a commitment", &err);
	}
	p->npending = 0;
}

static void add_answers(struct gen *g, struct person *p, int64_t sid, long t)
{
	struct error err = {0};
	char when[24];
	for (size_t i = 0; i < g->c->nitems; i++) {
		const struct content_item *it = &g->c->items[i];
		if (it->retired)
			continue; /* no longer asked */
		int v = (int)(p->bias + 0.5) + rnd_in(-1, 1);
		v = v < 0 ? 0 : v > 4 ? 4 : v;
		if (it->reverse)
			v = 4 - v;
		fmt_ts(t + 60 + 40 * (long)i, when);
		struct store_answer a = {
		    .session_id = sid,
		    .item_id = it->id,
		    .statement = it->statement,
		    .value = v,
		    .note = rnd_in(0, 9) == 0 ? PICK(answer_notes) : NULL,
		    .answered = when,
		};
		if (store_answer_save(g->s, &a, &err))
			die("saving an answer", &err);
	}
	for (size_t i = 0; i < g->c->npillars; i++) {
		fmt_ts(t + 1200 + 30 * (long)i, when);
		struct store_rating r = {
		    .session_id = sid,
		    .pillar_id = g->c->pillars[i].id,
		    .value = rnd_in(1, 5),
		    .note = rnd_in(0, 7) == 0 ? "hard to say this month" : NULL,
		    .rated = when,
		};
		if (store_rating_save(g->s, &r, &err))
			die("saving a rating", &err);
	}
}

static void add_ladder(struct gen *g, int64_t sid, long t)
{
	struct error err = {0};
	char when[24];
	int start = rnd_in(1, 6), reached = rnd_in(start + 1, 8);
	fmt_ts(t + 1500, when);
	struct store_ladder l = {
	    .session_id = sid,
	    .situation = PICK(situations),
	    .start_rung = start,
	    .reached_rung = start,
	    .updated = when,
	};
	if (store_ladder_save(g->s, &l, &err))
		die("saving the ladder", &err);
	for (int r = start + 1; r <= reached; r++) {
		fmt_ts(t + 1500 + 60 * r, when);
		struct store_ladder_step st = {
		    .session_id = sid,
		    .rung = r,
		    .answer = PICK(ladder_answers),
		    .answered = when,
		};
		if (store_ladder_step_save(g->s, &st, &err))
			die("saving a ladder step", &err);
	}
}

static void add_commitments(struct person *p, int64_t sid, long t,
			    const char *when)
{
	int n = rnd_in(0, 3);
	for (int i = 0; i < n && p->npending < MAX_PENDING; i++) {
		struct pending *pc = &p->pending[p->npending++];
		pc->session_id = sid;
		snprintf(pc->what, sizeof pc->what, "%s",
			 PICK(commitment_whats));
		pc->owner = rnd_in(0, 3) ? p->name : NULL;
		fmt_day(t + 86400L * rnd_in(5, 30), pc->due);
		snprintf(pc->created, sizeof pc->created, "%s", when);
	}
}

/* A team round on the session's day t: each member answers each team
 * statement near the person's tendency, and now and then skips one. */
static void add_team_round(struct gen *g, const struct person *p, long t)
{
	struct error err = {0};
	char day[16];
	unsigned count[5];
	struct store_team_tally tallies[5 * 64];
	size_t n = 0;
	int responses = rnd_in(1, ROUND_MAX_RESPONSES);
	for (size_t k = 0; k < g->c->nteam && n + 5 <= 5 * 64; k++) {
		const struct content_team_item *it = &g->c->team[k];
		if (it->retired)
			continue;
		memset(count, 0, sizeof count);
		for (int m = 0; m < responses; m++) {
			if (rnd_in(0, 9) == 0)
				continue;
			int v = (int)(p->bias + 0.5) + rnd_in(-1, 1);
			v = v < 0 ? 0 : v > 4 ? 4 : v;
			count[it->reverse ? 4 - v : v]++;
		}
		for (int v = 0; v < 5; v++)
			if (count[v])
				tallies[n++] = (struct store_team_tally){
				    it->id, it->statement, v, count[v]};
	}
	fmt_day(t, day);
	struct store_team_round r = {
	    .person_id = p->id,
	    .day = day,
	    .label = PICK(round_labels),
	    .responses = (unsigned)responses,
	    .content_version = g->c->version,
	};
	rnd_uuid(r.uuid);
	if (store_team_round_put(g->s, &r, tallies, n, &err) < 0)
		die("adding a team round", &err);
}

static void add_session(struct gen *g, struct person *p, long t, int open)
{
	struct error err = {0};
	char started[24], completed[24];
	fmt_ts(t, started);
	fmt_ts(t + 60L * rnd_in(40, 95), completed);
	int coaching = rnd_in(0, 6) != 0;
	struct store_session ses = {
	    .person_id = p->id,
	    .kind = coaching ? STORE_KIND_COACHING : STORE_KIND_SELF,
	    .coach = coaching ? PICK(coaches) : NULL,
	    .started = started,
	    .completed = open ? NULL : completed,
	    .status = open ? STORE_SESSION_OPEN : STORE_SESSION_COMPLETE,
	    .content_version = g->c->version,
	    .step = open ? STORE_STEP_LADDER : STORE_STEP_SUMMARY,
	};
	rnd_uuid(ses.uuid);
	if (store_session_add(g->s, &ses, &err))
		die("adding a session", &err);
	follow_up(g, p, ses.id, started);
	add_answers(g, p, ses.id, t);
	add_ladder(g, ses.id, t);
	add_commitments(p, ses.id, t, started);
	make_note(g->note, sizeof g->note);
	struct store_note n = {
	    .session_id = ses.id,
	    .body = g->note,
	    .updated = completed,
	};
	rnd_uuid(n.uuid);
	if (store_note_put(g->s, &n, &err))
		die("saving a note", &err);
	if (rnd_in(1, ROUND_EVERY) == 1)
		add_team_round(g, p, t);
}

static void usage(void)
{
	fprintf(stderr, "usage: gen [-s SEED] [-c CONTENT_DIR] M FILE\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *content_dir = SRCDIR_CONTENT;
	unsigned long long seed = 20261101;
	int opt;
	while ((opt = getopt(argc, argv, "s:c:")) != -1) {
		if (opt == 's')
			seed = strtoull(optarg, NULL, 10);
		else if (opt == 'c')
			content_dir = optarg;
		else
			usage();
	}
	if (argc - optind != 2)
		usage();
	long m = strtol(argv[optind], NULL, 10);
	const char *file = argv[optind + 1];
	if (m < 1)
		usage();
	rng_state = seed;

	struct error err = {0};
	struct content *c = content_load(content_dir, NULL, NULL, &err);
	if (!c)
		die(content_dir, &err);
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", file);
	unlink(tmp);
	struct store *s = store_open(tmp, STORE_CREATE | STORE_EXCLUSIVE, &err);
	if (!s)
		die(tmp, &err);
	/* A generator may skip the fsync of every batch: a crash just means
	 * running it again.  The database file is the same either way. */
	if (store_debug_exec(s, "PRAGMA synchronous=OFF", &err))
		die(tmp, &err);

	struct gen g = {.s = s, .c = c};
	g.npeople = m / PER_PERSON > 0 ? m / PER_PERSON : 1;
	g.people = calloc((size_t)g.npeople, sizeof *g.people);
	if (!g.people) {
		fprintf(stderr, "gen: out of memory\n");
		return 1;
	}
	if (store_tx_begin(s, &err))
		die("starting", &err);
	add_people(&g);
	double step = (double)SPAN_DAYS * 86400.0 / (double)m;
	for (long i = 0; i < m; i++) {
		struct person *p = &g.people[rnd() % (uint64_t)g.npeople];
		long t = START_EPOCH + (long)(step * (double)i) +
			 rnd_in(0, (int)(step > 60 ? step / 2 : 1));
		add_session(&g, p, t, rnd_in(0, 49) == 0);
		if ((i + 1) % BATCH == 0) {
			if (store_tx_commit(s, &err) || store_tx_begin(s, &err))
				die("committing a batch", &err);
		}
	}
	for (long i = 0; i < g.npeople; i++)
		follow_up(&g, &g.people[i], 0, NULL);
	if (store_tx_commit(s, &err))
		die("committing", &err);
	store_close(s);
	if (rename(tmp, file)) {
		perror(file);
		return 1;
	}
	free(g.people);
	content_free(c);
	return 0;
}
