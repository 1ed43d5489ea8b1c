/* test_report.c - the session report on the seed database: sections,
 * widths, sanitised text, ASCII mode, finding sessions. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/report/report.h"
#include "core/coaching/sessionfacts.h"
#include "core/coaching/teamview.h"
#include "csvseed.h"
#include "unit.h"

static struct seed sd;

static void setup(void)
{
	seed_make(&sd);
}

static void teardown(void)
{
	seed_free(&sd);
}

static struct report *build(int64_t id, int width, enum canvas_mode mode)
{
	struct error e = {0};
	struct report_options o = {.width = width, .mode = mode};
	struct report *r = report_build(sd.s, sd.c, id, &o, &e);
	ck_assert_msg(r != NULL, "%s", e.msg);
	return r;
}

/* Display width of a UTF-8 line. */
static int width_of(const char *s)
{
	int w = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t len = strlen(s);
	while (len) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, len, &st);
		ck_assert_msg(n != (size_t)-1 && n != (size_t)-2,
			      "invalid UTF-8 in \"%s\"", s);
		int cw = wcwidth(wc);
		ck_assert_msg(cw >= 0, "unprintable character in \"%s\"", s);
		w += cw;
		s += n;
		len -= n;
	}
	return w;
}

static int has_line(const struct report *r, const char *text)
{
	for (size_t i = 0; i < report_nlines(r); i++) {
		const struct report_line *l = report_line(r, i);
		if (l->text && strcmp(l->text, text) == 0)
			return 1;
	}
	return 0;
}

START_TEST(sections_of_a_full_session)
{
	struct report *r = build(sd.s1, 80, CANVAS_UTF8);
	if (getenv("REPORT_DUMP"))
		report_write(r, stderr, 0, NULL);
	ck_assert(has_line(r, "Ada · Coaching session, 2026-03-02 09:00"));
	ck_assert(has_line(r, "Coach: Dana · Completed 2026-03-02 12:00 · "
			      "Content 2026.11.1"));
	ck_assert(has_line(r, "Red flags (0 never .. 4 almost always)"));
	ck_assert(has_line(r, "Pillars (1 .. 5)"));
	ck_assert(has_line(r, "Strongest signals"));
	ck_assert(has_line(r, "1. Vague or evasive updates: 3.0 · Discuss first"));
	ck_assert(has_line(r, "2. Slow or defensive escalation: 2.0 · Worth "
			      "a look"));
	ck_assert(has_line(r, "Rating vs reported behaviour"));
	/* vague-updates also points at the vision (content 2026.12.1), so
	 * the centre has evidence and joins the table. */
	ck_assert(has_line(r, "  Pillar                Rating  Behaviour    Gap"));
	ck_assert(has_line(r, "  Clarity                  4.0        2.0   +2.0  "
			      "rating well above"));
	ck_assert(has_line(r, "  Connection to vision     3.0        2.0   +1.0"));
	ck_assert(has_line(r, "  Situation: Release hand-over, \"again\""));
	ck_assert(has_line(r, "  → 4 Wait and hope: We wait, a bit"));
	ck_assert(has_line(r, "      longer"));
	ck_assert(has_line(r, "  - Write the hand-over list (owner Ada, due "
			      "2026-03-09)"));
	ck_assert(has_line(r, "  =SUM(A1) said \"Zoë\", then left;"));
	ck_assert(has_line(r, "  second line, ünïcödé"));
	/* No follow-up in the first session. */
	ck_assert(!has_line(r, "Follow-up of earlier commitments"));
	int charts = 0;
	for (size_t i = 0; i < report_nlines(r); i++) {
		const struct report_line *l = report_line(r, i);
		if (l->canvas) {
			charts++;
			ck_assert_int_le(canvas_width(l->canvas), 80);
		} else {
			ck_assert_int_le(width_of(l->text), 80);
		}
	}
	ck_assert_int_ge(charts, 5 + 14);
	report_free(r);
}
END_TEST

/* The text of the section that starts with heading, up to a blank line. */
static char *section_text(const char *all, const char *heading)
{
	const char *a = strstr(all, heading);
	ck_assert_ptr_nonnull(a);
	const char *b = strstr(a, "\n\n");
	return strndup(a, b ? (size_t)(b - a) : strlen(a));
}

/* The seed's first session answered vague-updates-4 and -5, which content
 * 2026.12.1 rewrote under new ids: the report still reads as it did
 * under the content the session was answered with. */
START_TEST(old_session_reads_the_same)
{
	struct error e = {0};
	struct content *old = content_load(
		TEST_SRCDIR "/content",
		TEST_SRCDIR "/tests/unit/fixtures/content/v2026.11.1", NULL,
		&e);
	ck_assert_msg(old != NULL, "%s", e.msg);
	struct report_options o = {.width = 80, .mode = CANVAS_UTF8};
	struct report *then = report_build(sd.s, old, sd.s1, &o, &e);
	struct report *now = report_build(sd.s, sd.c, sd.s1, &o, &e);
	ck_assert_ptr_nonnull(then);
	ck_assert_ptr_nonnull(now);
	char *t = report_render(then, 0, &e), *n = report_render(now, 0, &e);
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(n);
	ck_assert_ptr_null(strstr(n, "no longer"));
	char *ft = section_text(t, "Red flags ("),
	     *fn = section_text(n, "Red flags (");
	ck_assert_str_eq(fn, ft);
	ck_assert_ptr_nonnull(strstr(fn, "Vague or evasive updates"));
	ck_assert_ptr_nonnull(strstr(fn, " 3.0 Discuss first\n"));
	/* The first signal names the same flag with the same score. */
	ck_assert_ptr_nonnull(strstr(t, "1. Vague or evasive updates: 3.0 "));
	ck_assert_ptr_nonnull(strstr(n, "1. Vague or evasive updates: 3.0 "));
	free(ft);
	free(fn);
	free(t);
	free(n);
	report_free(then);
	report_free(now);
	content_free(old);
}
END_TEST

/* "No occasion / can't say" answers are named under the bars. */
START_TEST(no_occasion_named)
{
	struct error e = {0};
	struct store_answer a = {sd.s1, "passive-agreement-2", "Said late.",
				 -1, NULL, "2026-03-02T09:14:00Z", 1};
	ck_assert_int_eq(store_answer_save(sd.s, &a, &e), 0);
	a.item_id = "vague-updates-3";
	ck_assert_int_eq(store_answer_save(sd.s, &a, &e), 0);
	struct report *r = build(sd.s1, 80, CANVAS_UTF8);
	if (getenv("REPORT_DUMP"))
		report_write(r, stderr, 0, NULL);
	ck_assert(has_line(r, "No occasion / can't say (not scored): Vague or "
			      "evasive updates 1, Passive"));
	ck_assert(has_line(r, "  agreement in meetings 1"));
	/* (3 + 3 + 3 + 3) / 4 with vague-updates-3 taken out: still 3.0. */
	ck_assert(has_line(r, "1. Vague or evasive updates: 3.0 · Discuss "
			      "first"));
	report_free(r);
	/* A session with nothing but "no occasion" still says so. */
	struct store_session ses = {.person_id = 1, .kind = STORE_KIND_SELF,
				    .content_version = "2026.12.1"};
	ck_assert_int_eq(store_session_add(sd.s, &ses, &e), 0);
	a.session_id = ses.id;
	ck_assert_int_eq(store_answer_save(sd.s, &a, &e), 0);
	r = build(ses.id, 80, CANVAS_UTF8);
	ck_assert(has_line(r, "Red flags (0 never .. 4 almost always)"));
	ck_assert(has_line(r, "No occasion / can't say (not scored): Vague or "
			      "evasive updates 1"));
	report_free(r);
}
END_TEST

/* The index of the first text line starting with prefix, or -1. */
static long line_at(const struct report *r, const char *prefix)
{
	for (size_t i = 0; i < report_nlines(r); i++) {
		const struct report_line *l = report_line(r, i);
		if (l->text && strncmp(l->text, prefix, strlen(prefix)) == 0)
			return (long)i;
	}
	return -1;
}

static void answer(int64_t ses, const char *item, int value)
{
	struct error e = {0};
	struct store_answer a = {.session_id = ses,
				 .item_id = item,
				 .statement = "as seen",
				 .value = value};
	ck_assert_msg(store_answer_save(sd.s, &a, &e) == 0, "%s", e.msg);
}

static void rate(int64_t ses, const char *pillar, int value)
{
	struct error e = {0};
	struct store_rating r = {.session_id = ses,
				 .pillar_id = pillar,
				 .value = value};
	ck_assert_msg(store_rating_save(sd.s, &r, &e) == 0, "%s", e.msg);
}

static void set_regulated(int64_t person, int regulated)
{
	struct error e = {0};
	struct store_person p;
	ck_assert_int_eq(store_person_get(sd.s, person, &p, &e), 1);
	p.regulated = regulated;
	ck_assert_msg(store_person_update(sd.s, &p, &e) == 0, "%s", e.msg);
	store_person_clear(&p);
}

/* A signal brings its summary, its pillars with theirs, its practices
 * with their actions and its self-checks, ranked; the regulated ones
 * only for a person marked as working in a regulated setting. */
START_TEST(signals_bring_the_advice)
{
	struct report *r = build(sd.s1, 80, CANVAS_UTF8);
	long flag = line_at(r, "1. Vague or evasive updates: 3.0");
	ck_assert_int_ge(flag, 0);
	ck_assert_int_eq(line_at(r, "   Updates describe how busy people are "),
			 flag + 1);
	ck_assert(has_line(r, "   Pillar: Clarity. Everyone knows the outcome "
			      "they own, what good looks like,"));
	ck_assert(has_line(r, "     • Name the decisions the owner can take "
			      "without asking you"));
	ck_assert(has_line(r, "     • Explain the reason behind every change "
			      "of priority, not just the change"));
	long q1 = line_at(r, "     1. Habits: When I ask for an update");
	long q2 = line_at(r, "     2. Habits: When I hand work over");
	long q3 = line_at(r, "     3. Hero trap: What is the root cause");
	ck_assert_int_gt(q1, flag);
	ck_assert_int_gt(q2, q1);
	ck_assert_int_gt(q3, q2);
	long slow = line_at(r, "2. Slow or defensive escalation");
	long b1 = line_at(r, "     1. Boundaries: When someone brings me a "
			     "problem");
	ck_assert_int_gt(slow, q3);
	ck_assert_int_gt(b1, slow);
	ck_assert_str_eq(report_line(r, (size_t)b1 - 1)->text,
			 "   Ask yourself:");
	ck_assert_int_lt(line_at(r, "Regulated setting"), 0);
	ck_assert_int_lt(line_at(r, "     1. Regulated:"), 0);
	report_free(r);

	set_regulated(sd.ada, 1);
	r = build(sd.s1, 80, CANVAS_UTF8);
	ck_assert(has_line(r, "Coach: Dana · Regulated setting · Completed "
			      "2026-03-02 12:00 · Content 2026.11.1"));
	ck_assert_int_gt(line_at(r, "     1. Regulated: Which boundaries are "
				    "truly non-negotiable here"),
			 flag);
	ck_assert_int_gt(line_at(r, "     2. Habits: When I ask for an update"),
			 flag);
	long third = line_at(r, "     3. Habits: When I hand work over");
	ck_assert_int_gt(third, flag);
	ck_assert_int_lt(third, line_at(r, "2. Slow or defensive escalation"));
	report_free(r);
}
END_TEST

/* A flag in the healthy band is never a strongest signal; when all are
 * healthy the report says so.  A rating well below the behaviour is
 * marked as plainly as one well above it. */
START_TEST(healthy_flags_and_rating_below_behaviour)
{
	static const char *const vague[] = {
		"vague-updates-1", "vague-updates-2", "vague-updates-3",
		"vague-updates-4"};
	for (int i = 0; i < 4; i++)
		answer(sd.s3, vague[i], 0);
	answer(sd.s3, "vague-updates-5", 4); /* reverse: scores 0 */
	rate(sd.s3, "clarity", 1);
	struct report *r = build(sd.s3, 80, CANVAS_UTF8);
	ck_assert(has_line(r, "Strongest signals"));
	ck_assert_int_eq(line_at(r, "  Every red flag answered is in the "
				    "healthy band (Few signs): nothing stands"),
			 line_at(r, "Strongest signals") + 1);
	ck_assert_int_lt(line_at(r, "1. Vague or evasive updates"), 0);
	ck_assert(has_line(r, "  Clarity     1.0        5.0   -4.0  rating "
			      "well below"));
	ck_assert(has_line(r, "  Rating far from reported behaviour: more "
			      "than 1.5 points apart, either way."));
	report_free(r);

	answer(sd.s3, "slow-escalation-1", 3);
	r = build(sd.s3, 80, CANVAS_UTF8);
	ck_assert(has_line(r, "1. Slow or defensive escalation: 3.0 · Discuss first"));
	ck_assert_int_lt(line_at(r, "2. "), 0);
	ck_assert_int_lt(line_at(r, "  Every red flag answered"), 0);
	report_free(r);
}
END_TEST

START_TEST(follow_up_and_previous_session)
{
	struct report *r = build(sd.s2, 80, CANVAS_UTF8);
	ck_assert(has_line(r, "Follow-up of earlier commitments"));
	ck_assert(has_line(r, "  - Kept: Write the hand-over list (owner Ada, "
			      "due 2026-03-09)"));
	ck_assert(has_line(r, "  - Missed: Ask for one dissent (owner Ada)"));
	ck_assert(has_line(r, "    In the way: Meetings were cancelled"));
	ck_assert(has_line(r, "Open (not marked complete)") ||
		  has_line(r, "Coach: Dana · Open (not marked complete) · "
			      "Content 2026.11.1"));
	char *text = report_render(r, 0, NULL);
	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_nonnull(strstr(text, "Previous 2026-03-02"));
	ck_assert_ptr_null(strstr(text, "\033["));
	free(text);
	text = report_render(r, CANVAS_RENDER_COLOR, NULL);
	ck_assert_ptr_nonnull(strstr(text, "\033["));
	free(text);
	report_free(r);
}
END_TEST

struct found {
	const char *what;
	int64_t id;
};

static int find_what(const struct store_commitment *c, void *ud)
{
	struct found *f = ud;
	if (strcmp(c->what, f->what) == 0)
		f->id = c->id;
	return 0;
}

static int64_t commitment_id(const char *what)
{
	struct error e = {0};
	struct found f = {what, 0};
	ck_assert_int_eq(store_commitments_each(sd.s, NULL, find_what, &f, &e),
			 0);
	ck_assert_int_gt(f.id, 0);
	return f.id;
}

/* What helped, what will change, and a follow-up made outside the session
 * (on the Commitments screen, while the session was open) all show. */
START_TEST(follow_up_reflections)
{
	struct error e = {0};
	struct store_review kept = {.status = STORE_C_KEPT,
				    .session_id = sd.s2,
				    .helped = "A slot on Monday"};
	struct store_review missed = {.status = STORE_C_MISSED,
				      .obstacle = "Meetings were cancelled",
				      .differently = "Ask before the meeting"};
	ck_assert_int_eq(store_commitment_review_with(
			     sd.s, commitment_id("Write the hand-over list"),
			     &kept, NULL, &e),
			 0);
	ck_assert_int_eq(
	    store_commitment_review_with(
		sd.s, commitment_id("Ask for one dissent"), &missed, NULL, &e),
	    0);
	struct report *r = build(sd.s2, 80, CANVAS_UTF8);
	ck_assert(has_line(r, "    What helped: A slot on Monday"));
	ck_assert(has_line(r, "  - Missed: Ask for one dissent (owner Ada)"));
	ck_assert(has_line(r, "    Differently next time: Ask before the "
			      "meeting"));
	ck_assert(has_line(r, "    (followed up on the Commitments screen)"));
	report_free(r);
}
END_TEST

START_TEST(empty_session_has_a_header_only)
{
	struct report *r = build(sd.s3, 80, CANVAS_UTF8);
	ck_assert_uint_eq(report_nlines(r), 3);
	ck_assert_str_eq(report_line(r, 0)->text,
			 "Bo · Self-assessment session, 2026-03-20 09:00");
	ck_assert_str_eq(report_line(r, 1)->text,
			 "Open (not marked complete) · Content 2026.11.1");
	report_free(r);
}
END_TEST

START_TEST(ascii_mode_and_narrow)
{
	struct report *r = build(sd.s1, 40, CANVAS_ASCII);
	char *text = report_render(r, 0, NULL);
	ck_assert_ptr_nonnull(text);
	for (const char *p = text; *p; p++)
		ck_assert_msg(*p == '\n' || (*p >= 0x20 && *p <= 0x7e),
			      "byte 0x%02x in ASCII mode",
			      (unsigned char)*p);
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		ck_assert_ptr_nonnull(nl);
		ck_assert_int_le(nl - p, 40);
		p = nl + 1;
	}
	ck_assert_ptr_nonnull(strstr(text, "Ada - Coaching session"));
	free(text);
	report_free(r);
}
END_TEST

START_TEST(control_characters_never_reach_the_output)
{
	struct error e = {0};
	ck_assert_int_eq(store_note_save(sd.s, sd.s3,
					 "bell\a esc\033[31m tab\tend", &e),
			 0);
	struct report *r = build(sd.s3, 80, CANVAS_UTF8);
	char *text = report_render(r, 0, NULL);
	for (const char *p = text; *p; p++)
		ck_assert_msg(*p == '\n' || (unsigned char)*p >= 0x20,
			      "control byte 0x%02x", (unsigned char)*p);
	ck_assert_ptr_nonnull(strstr(text, "Notes\n"));
	free(text);
	report_free(r);
}
END_TEST

START_TEST(bad_width_and_unknown_session)
{
	struct error e = {0};
	struct report_options o = {.width = 39};
	ck_assert_ptr_null(report_build(sd.s, sd.c, sd.s1, &o, &e));
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	o.width = 80;
	ck_assert_ptr_null(report_build(sd.s, sd.c, 999, &o, &e));
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_str_eq(e.msg, "no session with id 999");
}
END_TEST

/* Rows of the radar chart: chart lines of the radar section. */
static int radar_rows(const struct report *r)
{
	int n = 0;
	for (size_t i = 0; i < report_nlines(r); i++) {
		const struct report_line *l = report_line(r, i);
		n += l->canvas && l->section == REPORT_SEC_RADAR;
	}
	return n;
}

/* A wide screen with few rows gets a radar it can show whole; the
 * radar's own minimum still holds. */
START_TEST(radar_fits_the_rows_given)
{
	struct error e = {0};
	struct report_options o = {.width = 200, .mode = CANVAS_UTF8};
	struct report *r = report_build(sd.s, sd.c, sd.s1, &o, &e);
	ck_assert_msg(r != NULL, "%s", e.msg);
	ck_assert_int_eq(radar_rows(r), 24);
	report_free(r);
	o.radar_rows = 18;
	r = report_build(sd.s, sd.c, sd.s1, &o, &e);
	ck_assert_msg(r != NULL, "%s", e.msg);
	ck_assert_int_eq(radar_rows(r), 17);
	report_free(r);
	o.radar_rows = 5;
	r = report_build(sd.s, sd.c, sd.s1, &o, &e);
	ck_assert_msg(r != NULL, "%s", e.msg);
	ck_assert_int_eq(radar_rows(r), 14);
	report_free(r);
}
END_TEST

/* Row i of the report as text, whether it is text or a chart row. */
static void line_text(const struct report *r, size_t i, char *buf,
		      size_t size)
{
	const struct report_line *l = report_line(r, i);
	size_t n = 0;
	buf[0] = '\0';
	if (!l->canvas) {
		snprintf(buf, size, "%s", l->text);
		return;
	}
	for (int x = 0; x < canvas_width(l->canvas); x++) {
		struct canvas_glyph g;
		if (canvas_get(l->canvas, x, l->row, &g) || !g.width)
			continue;
		size_t k = strlen(g.utf8);
		if (n + k + 1 > size)
			break;
		memcpy(buf + n, g.utf8, k + 1);
		n += k;
	}
}

/* The first row holding text, or -1. */
static long row_with(const struct report *r, const char *text)
{
	char buf[4096];
	for (size_t i = 0; i < report_nlines(r); i++) {
		line_text(r, i, buf, sizeof buf);
		if (strstr(buf, text))
			return (long)i;
	}
	return -1;
}

static struct report *screen_build(int64_t id, int width,
				   enum report_compare cmp)
{
	struct error e = {0};
	struct report_options o = {
	    .width = width,
	    .mode = CANVAS_UTF8,
	    .radar_rows = 30,
	    .sections = REPORT_SECTION(REPORT_SEC_FLAGS) |
			REPORT_SECTION(REPORT_SEC_RADAR) |
			REPORT_SECTION(REPORT_SEC_SIGNALS) |
			REPORT_SECTION(REPORT_SEC_GAP),
	    .compare = cmp,
	    .beside = 1,
	};
	struct report *r = report_build(sd.s, sd.c, id, &o, &e);
	ck_assert_msg(r != NULL, "%s", e.msg);
	return r;
}

/* The results step's view: only the sections asked for; from 76 columns
 * the bars beside the radar, from 120 the radar's numbers and the signals
 * beside it; printed, every section stacks. */
START_TEST(screen_layouts)
{
	struct report *r = screen_build(sd.s1, 80, REPORT_COMPARE_PREVIOUS);
	if (getenv("REPORT_DUMP"))
		report_write(r, stderr, 0, NULL);
	ck_assert_int_eq(row_with(r, "Ada \xc2\xb7 Coaching"), -1);
	ck_assert_int_eq(row_with(r, "Accountability ladder"), -1);
	long radar = row_with(r, "Pillars (1 .. 5)");
	ck_assert_int_ge(radar, 0);
	ck_assert_int_eq(row_with(r, "Red flags"), radar);
	/* The narrow column gives each title a row: none is cut. */
	ck_assert_int_ge(row_with(r, "Repeated missed commitments"), 0);
	ck_assert_int_eq(row_with(r, "\xe2\x80\xa6"), -1);
	ck_assert_int_gt(row_with(r, "Strongest signals"), radar + 10);
	report_free(r);

	r = screen_build(sd.s1, 130, REPORT_COMPARE_PREVIOUS);
	if (getenv("REPORT_DUMP"))
		report_write(r, stderr, 0, NULL);
	radar = row_with(r, "Pillars (1 .. 5)");
	ck_assert_int_ge(radar, 0);
	ck_assert_int_eq(row_with(r, "Pillar  "), radar);
	long signals = row_with(r, "Strongest signals");
	ck_assert_int_gt(signals, radar);
	ck_assert_int_lt(signals, radar + 25);
	/* Beside the chart, in the same rows as the radar. */
	char buf[4096];
	line_text(r, (size_t)signals, buf, sizeof buf);
	ck_assert_ptr_nonnull(strstr(buf, "\xe2\xa0")); /* Braille */
	report_free(r);

	r = build(sd.s1, 130, CANVAS_UTF8);
	ck_assert_int_gt(row_with(r, "Pillars (1 .. 5)"),
			 row_with(r, "Red flags"));
	report_free(r);
}
END_TEST

/* The comparison is a report option: the previous session, or the
 * red-flag evidence even when an earlier session exists. */
START_TEST(comparison_is_an_option)
{
	struct report *r = screen_build(sd.s2, 100, REPORT_COMPARE_PREVIOUS);
	ck_assert(report_has_previous(r));
	ck_assert_int_ge(row_with(r, "Previous 2026-03-02"), 0);
	report_free(r);
	r = screen_build(sd.s2, 100, REPORT_COMPARE_EVIDENCE);
	ck_assert(report_has_previous(r));
	ck_assert_int_eq(row_with(r, "Previous 2026-03-02"), -1);
	ck_assert_int_ge(row_with(r, "Red-flag evidence"), 0);
	report_free(r);
	r = screen_build(sd.s1, 100, REPORT_COMPARE_PREVIOUS);
	ck_assert(!report_has_previous(r));
	report_free(r);
}
END_TEST

START_TEST(flag_bars_for_screens)
{
	struct sessionfacts f;
	struct error e = {0};
	sessionfacts_init(&f);
	ck_assert_int_eq(sessionfacts_load(&f, sd.s, sd.c, sd.s1, &e), 0);
	struct charts_bar *bars = calloc(sd.c->nflags, sizeof *bars);
	ck_assert_ptr_nonnull(bars);
	report_flag_bars(sd.c, &f.score, bars);
	long vague = content_flag_index(sd.c, "vague-updates");
	long slow = content_flag_index(sd.c, "slow-escalation");
	ck_assert_int_ge(vague, 0);
	ck_assert_int_ge(slow, 0);
	ck_assert_str_eq(bars[vague].label, "Vague or evasive updates");
	ck_assert(bars[vague].score == 3.0);
	ck_assert(bars[slow].score == 2.0);
	for (size_t i = 0; i < sd.c->nflags; i++) {
		/* The content's flag bands: amber from 1.5, red from 2.5. */
		ck_assert(bars[i].amber_at == 1.5);
		ck_assert(bars[i].red_at == 2.5);
		ck_assert_int_eq(isnan(bars[i].score) != 0,
				 !f.score.flags[i].has_score);
		/* The status word, so the bar reads without colour. */
		ck_assert_ptr_nonnull(bars[i].note);
	}
	ck_assert_str_eq(bars[vague].note, "Discuss first");
	ck_assert_str_eq(bars[slow].note, "Worth a look");
	free(bars);
	sessionfacts_free(&f);
}
END_TEST

/* A round of four for Ada two days after s1: vague-updates-1 answered
 * 1, 1, 3, 3 (the flag's team score 2.0, spread 1.0); slow-escalation-1
 * by two members only, so that flag's figure is withheld. */
static void team_round_for_ada(void)
{
	struct error e = {0};
	struct store_team_round round = {.person_id = sd.ada,
					 .day = "2026-03-04",
					 .responses = 4,
					 .content_version = "test"};
	struct store_team_tally t[] = {
	    {"vague-updates-1", "In our team, a.", 1, 2},
	    {"vague-updates-1", "In our team, a.", 3, 2},
	    {"slow-escalation-1", "In our team, b.", 4, 2},
	};
	ck_assert_msg(store_team_round_put(sd.s, &round, t, 3, &e) == 0, "%s",
		      e.msg);
}

/* In a stacked column, the track of the bar under the title (the cells
 * before its score, which no blank interrupts; the radar beside it has
 * marks of its own) and the row under the bar. */
static void stacked_rows(const struct report *r, const char *title,
			 const char *score, char *track, char *under,
			 size_t size)
{
	char bar[4096];
	long row = row_with(r, title);
	ck_assert_int_ge(row, 0);
	line_text(r, (size_t)row + 1, bar, sizeof bar);
	line_text(r, (size_t)row + 2, under, size);
	char *end = strstr(bar, score);
	ck_assert_msg(end && end > bar + 1, "no \"%s\" in \"%s\"", score, bar);
	char *start = end - 1; /* the blank before the score */
	while (start > bar && start[-1] != ' ')
		start--;
	snprintf(track, size, "%.*s", (int)(end - start), start);
}

/* Compared with the team, each red-flag bar marks the team's score on
 * its track and says it with the spread; a flag too few answered has
 * neither; compared with anything else, no bar has a team mark. */
START_TEST(flag_bars_with_the_team)
{
	char bar[4096], under[4096];
	team_round_for_ada();
	struct report *r = screen_build(sd.s1, 80, REPORT_COMPARE_TEAM);
	if (getenv("REPORT_DUMP"))
		report_write(r, stderr, 0, NULL);
	ck_assert(report_has_team(r));
	/* The status word stays whole. */
	stacked_rows(r, "Vague or evasive updates", "3.0 Discuss first", bar,
		     under, sizeof bar);
	ck_assert_ptr_nonnull(strstr(bar, "\u25ca"));
	ck_assert_ptr_nonnull(strstr(under, "team 2.0 \u00b11.0"));
	stacked_rows(r, "Slow or defensive escalation", "2.0 Worth a look", bar,
		     under, sizeof bar);
	ck_assert_ptr_null(strstr(bar, "\u25ca"));
	ck_assert_ptr_null(strstr(under, "team"));
	ck_assert_int_ge(row_with(r, "\u25ca your team's score"), 0);
	char withheld[64];
	snprintf(withheld, sizeof withheld, "No team mark on %zu flags",
		 sd.c->nflags - 1);
	ck_assert_int_ge(row_with(r, withheld), 0);
	report_free(r);

	/* Wide, one row per flag: the words after the status word. */
	r = screen_build(sd.s1, 200, REPORT_COMPARE_TEAM);
	if (getenv("REPORT_DUMP"))
		report_write(r, stderr, 0, NULL);
	long row = row_with(r, "Vague or evasive updates");
	ck_assert_int_ge(row, 0);
	line_text(r, (size_t)row, bar, sizeof bar);
	ck_assert_ptr_nonnull(strstr(bar, "\u25ca"));
	ck_assert_ptr_nonnull(
	    strstr(bar, "3.0 Discuss first  team 2.0 \u00b11.0"));
	report_free(r);

	r = screen_build(sd.s1, 80, REPORT_COMPARE_PREVIOUS);
	stacked_rows(r, "Vague or evasive updates", "3.0 Discuss first", bar,
		     under, sizeof bar);
	ck_assert_ptr_null(strstr(bar, "\u25ca"));
	ck_assert_int_eq(row_with(r, "team 2.0"), -1);
	ck_assert_int_eq(row_with(r, "your team's score"), -1);
	report_free(r);
}
END_TEST

static void round_of(const char *day, unsigned responses, int value,
		     unsigned count)
{
	struct error e = {0};
	struct store_team_round round = {.person_id = sd.ada,
					 .day = day,
					 .responses = responses,
					 .content_version = "test"};
	struct store_team_tally t = {"vague-updates-1", "In our team, a.",
				     value, count};
	ck_assert_msg(store_team_round_put(sd.s, &round, &t, 1, &e) == 0, "%s",
		      e.msg);
}

/* The team's trend: rounds with figures, oldest first, the newest kept
 * when there are more than asked for; a round below the threshold is
 * left out, so the trend shows nothing it withheld. */
START_TEST(team_trend_across_rounds)
{
	struct error e = {0};
	struct teamview_trend t;
	round_of("2026-01-10", 4, 1, 4); /* vague 1.0: clarity 4.0 */
	round_of("2026-02-10", 2, 4, 2); /* withheld */
	round_of("2026-03-04", 4, 3, 4); /* vague 3.0: clarity 2.0 */
	long clarity = content_pillar_index(sd.c, "clarity");
	ck_assert_int_ge(clarity, 0);
	ck_assert_int_eq(teamview_trend_load(&t, sd.s, sd.c, sd.ada, 3, 12, &e),
			 0);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.day[0], "2026-01-10");
	ck_assert_str_eq(t.day[1], "2026-03-04");
	ck_assert(fabs(t.evidence[clarity * 2 + 0] - 4.0) < 1e-9);
	ck_assert(fabs(t.evidence[clarity * 2 + 1] - 2.0) < 1e-9);
	long autonomy = content_pillar_index(sd.c, "autonomy");
	ck_assert_int_ge(autonomy, 0);
	ck_assert(isnan(t.evidence[autonomy * 2]));
	teamview_trend_clear(&t);

	ck_assert_int_eq(teamview_trend_load(&t, sd.s, sd.c, sd.ada, 3, 1, &e),
			 0);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_str_eq(t.day[0], "2026-03-04");
	teamview_trend_clear(&t);

	/* A higher threshold withholds every round: no trend. */
	ck_assert_int_eq(teamview_trend_load(&t, sd.s, sd.c, sd.ada, 5, 12, &e),
			 0);
	ck_assert_uint_eq(t.n, 0);
	teamview_trend_clear(&t);
	ck_assert_int_eq(teamview_trend_load(&t, sd.s, sd.c, sd.bo, 3, 12, &e),
			 0);
	ck_assert_uint_eq(t.n, 0);
	teamview_trend_clear(&t);
}
END_TEST

START_TEST(finding_sessions)
{
	struct error e = {0};
	int64_t id = 0;
	char buf[16];
	snprintf(buf, sizeof buf, "%lld", (long long)sd.s2);
	ck_assert_int_eq(report_find_session(sd.s, buf, &id, &e), 1);
	ck_assert_int_eq(id, sd.s2);
	ck_assert_int_eq(report_find_session(sd.s, sd.s1_uuid, &id, &e), 1);
	ck_assert_int_eq(id, sd.s1);
	char prefix[9];
	memcpy(prefix, sd.s1_uuid, 8);
	prefix[8] = '\0';
	for (char *p = prefix; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	ck_assert_int_eq(report_find_session(sd.s, prefix, &id, &e), 1);
	ck_assert_int_eq(id, sd.s1);
	ck_assert_int_eq(report_find_session(sd.s, "999", &id, &e), 0);
	ck_assert_int_eq(report_find_session(sd.s, "zz-top", &id, &e), 0);
	ck_assert_int_eq(report_find_session(sd.s, "", &id, &e), 0);

	struct store_session a = {
		.uuid = "abcd0000-0000-4000-8000-000000000001",
		.person_id = sd.bo,
		.step = -1};
	struct store_session b = {
		.uuid = "abcd0000-0000-4000-8000-000000000002",
		.person_id = sd.bo,
		.step = -1};
	ck_assert_int_eq(store_session_add(sd.s, &a, &e), 0);
	ck_assert_int_eq(store_session_add(sd.s, &b, &e), 0);
	ck_assert_int_eq(report_find_session(sd.s, "abcd", &id, &e), -1);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
	ck_assert_int_eq(report_find_session(sd.s,
					     "abcd0000-0000-4000-8000-0000000"
					     "00002",
					     &id, &e),
			 1);
	ck_assert_int_eq(id, b.id);
}
END_TEST

int main(void)
{
	setenv("OWNIT_TODAY", "2026-03-02", 1);
	setenv("TZ", "UTC", 1);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 99;
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sections_of_a_full_session);
	tcase_add_test(tc, signals_bring_the_advice);
	tcase_add_test(tc, healthy_flags_and_rating_below_behaviour);
	tcase_add_test(tc, follow_up_and_previous_session);
	tcase_add_test(tc, old_session_reads_the_same);
	tcase_add_test(tc, no_occasion_named);
	tcase_add_test(tc, follow_up_reflections);
	tcase_add_test(tc, empty_session_has_a_header_only);
	tcase_add_test(tc, ascii_mode_and_narrow);
	tcase_add_test(tc, control_characters_never_reach_the_output);
	tcase_add_test(tc, bad_width_and_unknown_session);
	tcase_add_test(tc, radar_fits_the_rows_given);
	tcase_add_test(tc, flag_bars_for_screens);
	tcase_add_test(tc, screen_layouts);
	tcase_add_test(tc, comparison_is_an_option);
	tcase_add_test(tc, flag_bars_with_the_team);
	tcase_add_test(tc, team_trend_across_rounds);
	tcase_add_test(tc, finding_sessions);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
