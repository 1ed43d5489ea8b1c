/* content.h - the coaching content: red flags, statements, pillars, ladder.
 *
 * The content lives in a folder of CSV files (redflags.csv, items.csv,
 * scale.csv, pillars.csv, ladder.csv, practices.csv, checks.csv, bands.csv)
 * plus a VERSION file.  content_load() reads a base folder and an optional
 * user folder whose files replace the base files of the same name, checks
 * every rule, and builds one immutable model.  Nothing in the model changes
 * after loading, so any number of readers may share it.
 *
 * Cross-references are stored as indices into the model's arrays (a red
 * flag's pillars are indices into `pillars`), so scores can be kept in plain
 * arrays parallel to the content.  Arrays keep the order of the files,
 * except the ladder, which is sorted by rung number.
 */
#ifndef OWNIT_CONTENT_H
#define OWNIT_CONTENT_H

#include <stddef.h>

#include "core/base/error.h"

/* The frequency scale of the diagnostic (0 never .. 4 almost always) and
 * the pillar rating (1..5). */
#define CONTENT_SCALE_MIN 0
#define CONTENT_SCALE_MAX 4
#define CONTENT_RATING_MIN 1
#define CONTENT_RATING_MAX 5
/* The accountability ladder has eight rungs, 1 = lowest. */
#define CONTENT_RUNGS 8
/* Each red flag needs at least this many statements. */
#define CONTENT_MIN_ITEMS 4
/* The id of the pillar drawn at the centre of the model. */
#define CONTENT_CENTRE_ID "vision"
/* The topic of the self-checks meant for regulated settings. */
#define CONTENT_REGULATED_TOPIC "regulated"
/* The most self-checks a red flag offers. */
#define CONTENT_CHECKS_PER_FLAG 3
/* The red flag that missed commitments feed (see score.h). */
#define CONTENT_MISSED_FLAG_ID "missed-commitments"

/* A list of indices into one of the model's arrays. */
struct content_refs {
	const size_t *idx;
	size_t n;
};

/* A red flag of low ownership (redflags.csv). */
struct content_flag {
	const char *id;
	const char *title;
	const char *summary;
	struct content_refs pillars;   /* into content.pillars */
	struct content_refs practices; /* into content.practices */
	struct content_refs items;     /* the statements asked, file order */
};

/* A diagnostic statement (items.csv), rated on the frequency scale.  A
 * reverse item describes a healthy behaviour: it scores 4 - value.
 *
 * A statement whose meaning changes gets a new id; the old row stays in
 * the file marked retired (the optional `retired` column, 1).  A retired
 * statement is no longer asked, but a session that answered it still
 * scores it exactly as before, so old sessions read as they were. */
struct content_item {
	const char *id;
	size_t flag; /* into content.flags */
	const char *statement;
	const char *team; /* the team's wording ("In our team, ..."), or NULL */
	int reverse;
	int retired;
};

/* No index: a team statement that is not on a red flag, or not on a
 * pillar. */
#define CONTENT_NONE ((size_t)-1)

/* A statement a team answers about itself (see team.h).  Two kinds, both
 * from items.csv: the team's wording of a diagnostic statement (the
 * optional `team` column; it shares the statement's id and scores on its
 * red flag), and a team-only statement about the leader's own behaviour
 * (a row with `pillar` and `team` but no `flag` or `statement`), which
 * scores on that pillar.  Rated on the same frequency scale; a reverse
 * statement describes a healthy behaviour. */
struct content_team_item {
	const char *id;
	const char *statement; /* the team's wording */
	int reverse;
	int retired;
	size_t item;   /* into content.items, or CONTENT_NONE (team-only) */
	size_t flag;   /* into content.flags, or CONTENT_NONE (team-only) */
	size_t pillar; /* into content.pillars (team-only), or CONTENT_NONE */
};

/* One step of the frequency scale (scale.csv). */
struct content_scale {
	int value;
	const char *label;
};

/* A pillar of the ownership model, or the vision centre (pillars.csv).
 * level[0..4] describe what ratings 1..5 look like. */
struct content_pillar {
	const char *id;
	const char *name;
	const char *summary;
	const char *question;
	const char *level[CONTENT_RATING_MAX];
	struct content_refs practices;
	int centre; /* 1 for CONTENT_CENTRE_ID */
};

/* A rung of the accountability ladder (ladder.csv). */
struct content_rung {
	int number; /* 1..CONTENT_RUNGS */
	const char *id;
	const char *name;
	int above; /* 1 above the line (ownership), 0 below (victim) */
	const char *sounds_like;
	const char *question;
};

/* A leader practice (practices.csv) with its concrete actions. */
struct content_practice {
	const char *id;
	const char *name;
	const char *summary;
	const char *const *actions;
	size_t nactions;
};

/* A question a leader asks of themself (checks.csv).  flags are the red
 * flags it speaks to, the most relevant first; a check on the topic
 * CONTENT_REGULATED_TOPIC is only for people who work in a regulated
 * setting. */
struct content_check {
	const char *id;
	const char *topic;
	const char *question;
	struct content_refs practices;
	struct content_refs flags; /* into content.flags */
};

enum content_band_kind {
	CONTENT_BAND_FLAG,   /* red-flag score 0..4: green, amber, red */
	CONTENT_BAND_PILLAR, /* pillar score 1..5: low, medium, strong */
};

/* A band of scores (bands.csv); covers [min, max), the last band of a kind
 * also includes its max. */
struct content_band {
	enum content_band_kind kind;
	const char *band; /* "green", "amber", "red" / "low", "medium", ... */
	double min;
	double max;
	const char *label;
};

struct content {
	const char *version; /* VERSION, "+local" added for partial overrides */
	const struct content_flag *flags;
	size_t nflags;
	const struct content_item *items; /* asked and retired, file order */
	size_t nitems;
	size_t nasked; /* statements the diagnostic asks (not retired) */
	/* Team statements: the team wordings in items order, then the
	 * team-only statements in file order; retired ones included. */
	const struct content_team_item *team;
	size_t nteam;
	const struct content_scale *scale; /* values 0..4, in order */
	size_t nscale;
	const struct content_pillar *pillars;
	size_t npillars;
	size_t centre; /* index of the vision pillar */
	const struct content_rung *rungs; /* sorted, rungs[i].number == i+1 */
	size_t nrungs;
	const struct content_practice *practices;
	size_t npractices;
	const struct content_check *checks;
	size_t nchecks;
	const struct content_band *bands; /* by kind, then min */
	size_t nbands;
	/* A self-rating further than this from the reported behaviour
	 * (either way) is marked, with this label. */
	double gap_threshold;
	const char *gap_label;
	void *priv_;          /* storage, owned by the loader */
};

/* Everything the loader found wrong (errors) or worth knowing (warnings),
 * one line each, "FILE:LINE:COLUMN: message" where LINE is the line the
 * record starts on and COLUMN its field number (both 1-based). */
struct content_diags {
	char **errors;
	size_t nerrors;
	char **warnings;
	size_t nwarnings;
	size_t nfound; /* errors found, with those past the listed ones */
};

/* Loads base (required) with user (NULL for none) laid over it file by
 * file.  On success returns the model; diags (may be NULL) then holds only
 * warnings.  On failure returns NULL: diags holds every error found, and
 * err the first one with a count of the rest (ERROR_INPUT), or the system
 * failure (ERROR_RUNTIME). */
struct content *content_load(const char *base, const char *user,
			     struct content_diags *diags, struct error *err);

/* Loads content from in-memory files, for tests and the fuzzer: names[i]
 * is a file name (e.g. "items.csv", "VERSION"), data[i]/len[i] its bytes.
 * A file not given is missing.  Same results as content_load. */
struct content *content_load_mem(const char *const *names,
				 const char *const *data, const size_t *len,
				 size_t nfiles, struct content_diags *diags,
				 struct error *err);

/* Frees a model (NULL is fine). */
void content_free(struct content *c);

/* For a caller that has shown every error line of a failed load: err
 * becomes a summary that repeats none of them, "content not loaded: 2
 * errors (listed above)" (ERROR_INPUT), where err itself would repeat
 * the first. */
void content_diags_summary(const struct content_diags *d, struct error *err);

/* Frees the lines of diags and empties it. */
void content_diags_free(struct content_diags *d);

/* The file names a content folder holds, NULL-terminated. */
extern const char *const content_files[];

/* Lookups by id; -1 when the id is unknown. */
long content_flag_index(const struct content *c, const char *id);
long content_item_index(const struct content *c, const char *id);
/* As content_item_index, trying guess first: a session's answers come in
 * the order the content asks them, so the item after the last one found
 * is nearly always the next. */
long content_item_index_near(const struct content *c, const char *id,
			     size_t guess);
long content_pillar_index(const struct content *c, const char *id);
long content_rung_index(const struct content *c, const char *id);
long content_practice_index(const struct content *c, const char *id);
long content_check_index(const struct content *c, const char *id);
long content_team_index(const struct content *c, const char *id);

/* The label of a frequency value 0..4, or NULL out of range. */
const char *content_scale_label(const struct content *c, int value);

/* How far below a band edge a value still counts as on the edge: a mean
 * computed in floating point may land a hair under an exact edge. */
#define CONTENT_BAND_SLACK 1e-9

/* The band a score falls in, or NULL when outside the kind's range.  The
 * lower edge belongs to the band (1.5 is amber, not green), the top of
 * the range to the last band. */
const struct content_band *content_band_for(const struct content *c,
					    enum content_band_kind kind,
					    double value);

/* The self-checks of red flag f, the most relevant first: at most max
 * check indices into out, returning how many.  A check belongs to f when
 * its flags list names f; it ranks by where f stands in that list (first
 * = most relevant), then, for a person in a regulated setting, a
 * regulated check goes before others of the same rank (it speaks to that
 * person's situation), then file order.  Regulated checks are left out
 * unless regulated is 1. */
size_t content_checks_for_flag(const struct content *c, size_t f,
			       int regulated, size_t *out, size_t max);

/* 1 when check k is for regulated settings only. */
int content_check_regulated(const struct content *c, size_t k);

#endif
