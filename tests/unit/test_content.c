/* test_content.c - the shipped content and every rule of the loader. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content/content.h"
#include "fixture.h"
#include "unit.h"

/* What the reader says about bytes that are not UTF-8. */
#define UTF8_MSG "invalid UTF-8 in field: save the file as UTF-8 (LibreOffice Calc: File > Save As, Text CSV, tick \"Edit filter settings\", character set \"Unicode (UTF-8)\"; Excel: Save As \"CSV UTF-8 (Comma delimited)\")"

static struct content_diags d;
static struct error e;

static void teardown(void)
{
	content_diags_free(&d);
}

/* Loads the shipped content with one file replaced, expects failure with
 * exactly these errors (NULL-terminated), and frees text. */
static void expect_errors(const char *name, char *text, const char **want)
{
	struct content *c = fixture_load_with(name, text, &d, &e);
	free(text);
	size_t n = 0;
	while (want[n])
		n++;
	for (size_t i = 0; i < d.nerrors && i < n; i++)
		ck_assert_str_eq(d.errors[i], want[i]);
	ck_assert_uint_eq(d.nerrors, n);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(e.kind, ERROR_INPUT);
}

#define EXPECT(name, text, ...)                                               \
	do {                                                                  \
		const char *want_[] = {__VA_ARGS__, NULL};                    \
		expect_errors(name, text, want_);                             \
	} while (0)

/* Loads the shipped content with one file replaced; expects success. */
static struct content *expect_ok(const char *name, char *text)
{
	struct content *c = fixture_load_with(name, text, &d, &e);
	free(text);
	for (size_t i = 0; i < d.nerrors; i++)
		fprintf(stderr, "unexpected: %s\n", d.errors[i]);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(d.nerrors, 0);
	return c;
}

/* ------------------------------------------------------ shipped content */

START_TEST(shipped_content_loads)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(d.nerrors, 0);
	ck_assert_uint_eq(d.nwarnings, 0);
	ck_assert_str_eq(c->version, "2026.12.2");
	ck_assert_uint_eq(c->nflags, 5);
	/* 23 asked, and the 7 rewritten in 2026.12.1 kept as retired. */
	ck_assert_uint_eq(c->nitems, 30);
	ck_assert_uint_eq(c->nasked, 23);
	ck_assert_uint_eq(c->nscale, 5);
	ck_assert_uint_eq(c->npillars, 6);
	ck_assert_uint_eq(c->nrungs, 8);
	ck_assert_uint_eq(c->npractices, 5);
	ck_assert_uint_eq(c->nchecks, 14);
	ck_assert_uint_eq(c->nbands, 6);
	ck_assert_double_eq(c->gap_threshold, 1.5);
	ck_assert_str_eq(c->pillars[c->centre].id, "vision");
	ck_assert_int_eq(c->pillars[c->centre].centre, 1);
	static const char *const flags[] = {
		"vague-updates", "slow-escalation", "not-my-job",
		"missed-commitments", "passive-agreement"};
	for (size_t f = 0; f < 5; f++) {
		ck_assert_str_eq(c->flags[f].id, flags[f]);
		ck_assert_uint_ge(c->flags[f].items.n, 4);
		int reverse = 0;
		for (size_t i = 0; i < c->flags[f].items.n; i++) {
			const struct content_item *it =
				&c->items[c->flags[f].items.idx[i]];
			ck_assert_uint_eq(it->flag, f);
			reverse |= it->reverse;
		}
		ck_assert_int_eq(reverse, 1);
	}
	content_free(c);
}
END_TEST

START_TEST(lookups)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(content_flag_index(c, "not-my-job"), 2);
	ck_assert_int_eq(content_flag_index(c, "nope"), -1);
	ck_assert_int_eq(content_item_index(c, "vague-updates-5b"), 4);
	ck_assert_int_eq(c->items[4].reverse, 1);
	ck_assert_int_eq(c->items[4].retired, 0);
	/* The statement it replaced is still known, but no longer asked. */
	long old = content_item_index(c, "vague-updates-5");
	ck_assert_int_eq(old, 24);
	ck_assert_int_eq(c->items[old].retired, 1);
	ck_assert_int_eq(c->items[old].reverse, 1);
	ck_assert_uint_eq(c->items[old].flag, 0);
	for (size_t i = 0; i < c->flags[0].items.n; i++)
		ck_assert_uint_ne(c->flags[0].items.idx[i], (size_t)old);
	/* A guess is only a guess: right, wrong or past the end, the
	 * answer is the same. */
	ck_assert_int_eq(content_item_index_near(c, "vague-updates-5b", 4), 4);
	ck_assert_int_eq(content_item_index_near(c, "vague-updates-5b", 3), 4);
	ck_assert_int_eq(content_item_index_near(c, "vague-updates-5b", 999),
			 4);
	ck_assert_int_eq(content_item_index_near(c, "nope", 4), -1);
	ck_assert_int_eq(content_item_index_near(c, NULL, 4), -1);
	ck_assert_int_eq(content_pillar_index(c, "autonomy"), 2);
	ck_assert_int_eq(content_rung_index(c, "own-it"), 5);
	ck_assert_int_eq(content_practice_index(c, "share-context"), 1);
	ck_assert_int_eq(content_check_index(c, "same-fire"), 8);
	ck_assert_str_eq(content_scale_label(c, 0), "Never");
	ck_assert_str_eq(content_scale_label(c, 4), "Almost always");
	ck_assert_ptr_null(content_scale_label(c, 5));
	/* not-my-job points at clarity, vision and autonomy. */
	const struct content_flag *f = &c->flags[2];
	ck_assert_uint_eq(f->pillars.n, 3);
	ck_assert_str_eq(c->pillars[f->pillars.idx[0]].id, "clarity");
	ck_assert_str_eq(c->pillars[f->pillars.idx[1]].id, "vision");
	ck_assert_str_eq(c->pillars[f->pillars.idx[2]].id, "autonomy");
	ck_assert_uint_eq(c->practices[0].nactions, 3);
	ck_assert_str_eq(c->practices[0].actions[1],
			 "Name the decisions the owner can take without "
			 "asking you");
	/* same-fire speaks to slow-escalation first, missed-commitments
	 * second. */
	const struct content_check *k = &c->checks[8];
	ck_assert_uint_eq(k->flags.n, 2);
	ck_assert_uint_eq(k->flags.idx[0], 1);
	ck_assert_uint_eq(k->flags.idx[1], 3);
	content_free(c);
}
END_TEST

START_TEST(bands)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 0)->band,
			 "green");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 1.49)->band,
			 "green");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 1.5)->band,
			 "amber");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 2.5)->band,
			 "red");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 4)->label,
			 "Discuss first");
	ck_assert_ptr_null(content_band_for(c, CONTENT_BAND_FLAG, 4.01));
	ck_assert_ptr_null(content_band_for(c, CONTENT_BAND_FLAG, -0.1));
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_PILLAR, 1)->band,
			 "low");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_PILLAR, 3.5)->band,
			 "strong");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_PILLAR, 5)->band,
			 "strong");
	ck_assert_ptr_null(content_band_for(c, CONTENT_BAND_PILLAR, 0.5));
	content_free(c);
}
END_TEST

/* The exact edges: 1.5 and 2.5 are the first values of their bands, and
 * a mean a hair under an edge through floating point stays on it. */
START_TEST(band_edges_exact)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 1.5)->band,
			 "amber");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 2.5)->band,
			 "red");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 2.4999)->band,
			 "amber");
	ck_assert_str_eq(
		content_band_for(c, CONTENT_BAND_FLAG, 2.5 - 1e-13)->band,
		"red");
	ck_assert_str_eq(
		content_band_for(c, CONTENT_BAND_FLAG, 1.5 - 1e-13)->band,
		"amber");
	/* 0.1 + 0.2 + ... lands beside 3.5: still the strong band. */
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_PILLAR,
					  (0.7 + 0.7 + 0.7 + 0.7 + 0.7) * 1.0)
				 ->band,
			 "strong");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 1.5)->label,
			 "Worth a look");
	ck_assert_str_eq(content_band_for(c, CONTENT_BAND_FLAG, 0)->label,
			 "Few signs");
	content_free(c);
}
END_TEST

/* Each pillar, the centre included, draws evidence from two red flags
 * or more, so no pillar's evidence rests on a single signal. */
START_TEST(every_pillar_has_two_flags)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	for (size_t p = 0; p < c->npillars; p++) {
		size_t n = 0;
		for (size_t f = 0; f < c->nflags; f++)
			for (size_t k = 0; k < c->flags[f].pillars.n; k++)
				n += c->flags[f].pillars.idx[k] == p;
		ck_assert_msg(n >= 2, "pillar %s has evidence from %zu red "
				      "flag(s)", c->pillars[p].id, n);
	}
	content_free(c);
}
END_TEST

/* The levels of these pillars move along one dimension each: the word
 * that names it is in every level, and no two levels read the same. */
START_TEST(pillar_levels_one_dimension)
{
	static const struct {
		const char *pillar, *word;
	} dim[] = {
		{"trust-openness", "problem"}, /* how early one is raised */
		{"role-modelling", "miss"},    /* how I own my own misses */
		{"vision", "people"},          /* what people can do with why */
	};
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	for (size_t i = 0; i < sizeof dim / sizeof dim[0]; i++) {
		long p = content_pillar_index(c, dim[i].pillar);
		ck_assert_int_ge(p, 0);
		for (int v = 0; v < CONTENT_RATING_MAX; v++) {
			const char *lv = c->pillars[p].level[v];
			ck_assert_msg(strcasestr(lv, dim[i].word) != NULL,
				      "%s level %d lacks \"%s\": %s",
				      dim[i].pillar, v + 1, dim[i].word, lv);
			for (int w = 0; w < v; w++)
				ck_assert_str_ne(lv, c->pillars[p].level[w]);
		}
	}
	/* Knowing the purpose (4) is not yet acting on it (5). */
	long vis = content_pillar_index(c, "vision");
	ck_assert_ptr_null(strstr(c->pillars[vis].level[3], "choose"));
	ck_assert_ptr_nonnull(strstr(c->pillars[vis].level[4], "choose"));
	content_free(c);
}
END_TEST

/* LibreOffice Calc offers comma, semicolon and tab as separators at
 * once: a semicolon or tab outside quotes would split a field. */
START_TEST(shipped_lists_quoted)
{
	static const char *const files[] = {
		"items.csv",	 "pillars.csv", "redflags.csv",
		"practices.csv", "bands.csv",	"scale.csv"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *path = NULL;
		ck_assert_int_ge(asprintf(&path, "%s/%s", SHIPPED, files[i]),
				 0);
		FILE *fp = fopen(path, "rb");
		ck_assert_ptr_nonnull(fp);
		int ch, quoted = 0;
		unsigned long line = 1;
		while ((ch = getc(fp)) != EOF) {
			if (ch == '"')
				quoted = !quoted;
			else if (ch == '\n')
				line++;
			else if (!quoted && (ch == ';' || ch == '\t'))
				ck_abort_msg("%s:%lu: '%c' outside quotes",
					     files[i], line, ch);
		}
		fclose(fp);
		free(path);
	}
	/* And the lists still read as lists. */
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->flags[0].pillars.n, 3);
	ck_assert_uint_eq(c->practices[4].nactions, 3);
	content_free(c);
}
END_TEST

/* The model elements the product shows: territorial ownership as a
 * statement, the hero-trap questions as a practice. */
START_TEST(model_elements_in_content)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	long it = content_item_index(c, "not-my-job-5");
	ck_assert_int_ge(it, 0);
	ck_assert_ptr_nonnull(strstr(c->items[it].statement, "territory"));
	long p = content_practice_index(c, "hand-back");
	ck_assert_int_ge(p, 0);
	const struct content_practice *pr = &c->practices[p];
	ck_assert_ptr_nonnull(strstr(pr->actions[0], "is this one mine"));
	ck_assert_ptr_nonnull(strstr(pr->actions[1], "propose"));
	ck_assert_ptr_nonnull(strstr(pr->actions[2], "interruptions"));
	ck_assert_ptr_nonnull(strstr(pr->actions[2], "priorities"));
	/* Reached from the flags and the pillar it serves. */
	ck_assert_int_ge(content_pillar_index(c, "autonomy"), 0);
	const struct content_pillar *au =
		&c->pillars[content_pillar_index(c, "autonomy")];
	int found = 0;
	for (size_t k = 0; k < au->practices.n; k++)
		found |= au->practices.idx[k] == (size_t)p;
	ck_assert_int_eq(found, 1);
	content_free(c);
}
END_TEST

START_TEST(rule_band_edges_one_decimal)
{
	EXPECT("bands.csv",
	       strdup("kind,band,min,max,label\n"
		      "flag,green,0,1.55,Few signs\n"
		      "flag,amber,1.55,2.5,Worth a look\n"
		      "flag,red,2.5,4,Discuss first\n"
		      "pillar,low,1,2.5,Low\n"
		      "pillar,medium,2.5,3.5,Medium\n"
		      "pillar,strong,3.5,5,Strong\n"
		      "gap,threshold,1.25,4,Well above\n"),
	       "bands.csv:2:4: max may have at most one decimal, not "
	       "\"1.55\": scores are shown to one decimal",
	       "bands.csv:3:3: min may have at most one decimal, not "
	       "\"1.55\": scores are shown to one decimal");
}
END_TEST

/* ---------------------------------------------- broken fixture folders */

/* Loads the shipped content with a fixture folder laid over it. */
static void expect_fixture(const char *folder, const char *file,
			   const char *where_what)
{
	char *dir = NULL, *want = NULL;
	ck_assert_int_ge(asprintf(&dir, "%s/%s", FIXTURES, folder), 0);
	ck_assert_int_ge(asprintf(&want, "%s/%s:%s", dir, file, where_what),
			 0);
	struct content *c = content_load(SHIPPED, dir, &d, &e);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_str_eq(d.errors[0], want);
	ck_assert_str_eq(e.msg, want);
	free(dir);
	free(want);
}

START_TEST(fixture_missing_column)
{
	expect_fixture("missing-column", "items.csv",
		       "1:4: missing column \"reverse\"");
}
END_TEST

START_TEST(fixture_duplicate_id)
{
	expect_fixture("duplicate-id", "items.csv",
		       "13:1: duplicate id \"not-my-job-2\" (first on line 12)");
}
END_TEST

START_TEST(fixture_dangling_reference)
{
	expect_fixture("dangling-ref", "items.csv",
		       "3:2: unknown red flag \"vague-update\" (not in " SHIPPED
		       "/redflags.csv)");
}
END_TEST

START_TEST(fixture_rung_gap)
{
	expect_fixture("rung-gap", "ladder.csv",
		       "1:1: rung 5 is missing: rungs run 1 to 8 without gaps");
}
END_TEST

START_TEST(fixture_unterminated_quote)
{
	expect_fixture("unterminated-quote", "items.csv",
		       "23:3: quoted field not closed before the end of the "
		       "file");
}
END_TEST

START_TEST(fixture_bom_accepted)
{
	struct content *c =
		content_load(SHIPPED, FIXTURES "/bom", &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(d.nwarnings, 0);
	ck_assert_uint_eq(c->nitems, 22);
	ck_assert_str_eq(c->items[0].id, "vague-updates-1");
	/* A partial override records that the content was changed. */
	ck_assert_str_eq(c->version, "2026.12.2+local");
	content_free(c);
}
END_TEST

/* ------------------------------------------ files generated at run time */

/* Writes items.csv into a fresh folder, laid over the shipped content. */
static void expect_items_file(const char *data, size_t len,
			      const char *where_what)
{
	char *dir = fixture_tmpdir();
	fixture_write(dir, "items.csv", data, len);
	char *want = NULL;
	ck_assert_int_ge(asprintf(&want, "%s/items.csv:%s", dir, where_what),
			 0);
	struct content *c = content_load(SHIPPED, dir, &d, &e);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_str_eq(d.errors[0], want);
	free(want);
	fixture_rmdir(dir);
}

START_TEST(nul_byte)
{
	static const char in[] = "id,flag,statement,reverse\n"
				 "a-1,vague-updates,Fine,0\n"
				 "a-2,vague-updates,Hidden\0byte,0\n";
	expect_items_file(in, sizeof in - 1, "3:3: NUL byte in field");
}
END_TEST

START_TEST(bad_utf8)
{
	static const char in[] = "id,flag,statement,reverse\n"
				 "a-1,vague-updates,Fine,0\n"
				 "a-2,vague-updates,\"Line\nbreak\",0\n"
				 "a-3,vague-updates,Caf\xe9 latin-1,0\n";
	expect_items_file(in, sizeof in - 1, "5:3: " UTF8_MSG);
}
END_TEST

START_TEST(ten_mib_field)
{
	size_t big = 10u * 1024 * 1024;
	const char head[] = "id,flag,statement,reverse\nbig-1,vague-updates,";
	char *buf = malloc(sizeof head + big + 4);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, head, sizeof head - 1);
	memset(buf + sizeof head - 1, 'x', big);
	memcpy(buf + sizeof head - 1 + big, ",0\n", 3);
	expect_items_file(buf, sizeof head - 1 + big + 3,
			  "2:3: field longer than 1048576 bytes");
	free(buf);
}
END_TEST

/* ------------------------------------------------------------- layering */

START_TEST(user_folder_replaces_file_by_file)
{
	char *dir = fixture_tmpdir();
	char *items = fixture_append("items.csv",
				     "extra-1,not-my-job,A new statement.,0\n");
	fixture_write(dir, "items.csv", items, strlen(items));
	free(items);
	struct content *c = content_load(SHIPPED, dir, &d, &e);
	ck_assert_ptr_nonnull(c);
	/* The new row leaves the optional `retired` field off: asked. */
	ck_assert_uint_eq(c->nitems, 31);
	ck_assert_uint_eq(c->nasked, 24);
	ck_assert_uint_eq(c->flags[2].items.n, 6);
	ck_assert_str_eq(c->items[30].statement, "A new statement.");
	ck_assert_int_eq(c->items[30].retired, 0);
	ck_assert_uint_eq(c->npillars, 6);
	ck_assert_str_eq(c->version, "2026.12.2+local");
	content_free(c);
	content_diags_free(&d);
	fixture_write(dir, "VERSION", "9.9-team\n", 9);
	c = content_load(SHIPPED, dir, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->version, "9.9-team");
	content_free(c);
	fixture_rmdir(dir);
}
END_TEST

START_TEST(user_folder_alone)
{
	char *dir = fixture_tmpdir();
	fixture_write(dir, "VERSION", "1\n", 2);
	struct content *c = content_load(NULL, dir, &d, &e);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(d.nerrors, 8);
	char *want = NULL;
	ck_assert_int_ge(asprintf(&want, "%s/redflags.csv:1:1: missing file",
				  dir),
			 0);
	ck_assert_str_eq(d.errors[0], want);
	free(want);
	fixture_rmdir(dir);
}
END_TEST

/* ------------------------------------------------- one rule per test */

START_TEST(rule_scale_complete)
{
	EXPECT("scale.csv", fixture_edit_line("scale.csv", 4, NULL),
	       "scale.csv:1:1: value 2 is missing: the scale runs 0 to 4");
	content_diags_free(&d);
	EXPECT("scale.csv", fixture_edit_line("scale.csv", 6, "5,Always"),
	       "scale.csv:6:1: value must be a whole number from 0 to 4, not "
	       "\"5\"",
	       "scale.csv:1:1: value 4 is missing: the scale runs 0 to 4");
	content_diags_free(&d);
	EXPECT("scale.csv", fixture_append("scale.csv", "3,Again\n"),
	       "scale.csv:7:1: value 3 appears twice (first on line 5)");
}
END_TEST

START_TEST(rule_bands_cover_without_overlap)
{
	EXPECT("bands.csv",
	       fixture_replace("bands.csv", "amber,1.5", "amber,1.4"),
	       "bands.csv:3:3: flag band \"amber\" starts at 1.4, but the "
	       "bands before it end at 1.5: bands must cover 0 to 4 without "
	       "gap or overlap");
	content_diags_free(&d);
	EXPECT("bands.csv", fixture_replace("bands.csv", "red,2.5,4", "red,2.5,3.5"),
	       "bands.csv:4:4: flag band \"red\" ends at 3.5, but flag scores "
	       "go up to 4");
	content_diags_free(&d);
	EXPECT("bands.csv", fixture_replace("bands.csv", "pillar,low", "pillar,poor"),
	       "bands.csv:5:2: unknown pillar band \"poor\" (use low, medium, "
	       "strong)");
	content_diags_free(&d);
	EXPECT("bands.csv", fixture_edit_line("bands.csv", 8, NULL),
	       "bands.csv:1:1: no gap row: the threshold between a rating and "
	       "the reported behaviour is needed");
	content_diags_free(&d);
	EXPECT("bands.csv", fixture_replace("bands.csv", "Worth a look",
					    "Worth a look,extra"),
	       "bands.csv:3:6: field beyond the last column");
}
END_TEST

START_TEST(rule_below_then_above)
{
	EXPECT("ladder.csv",
	       fixture_replace("ladder.csv", "6,own-it,Own it,above",
			       "6,own-it,Own it,below"),
	       "ladder.csv:7:4: rung 6 is below the line but rung 5 is above "
	       "it: below rungs come first");
	content_diags_free(&d);
	EXPECT("ladder.csv",
	       fixture_replace("ladder.csv", "5,acknowledge-reality",
			       "4,acknowledge-reality"),
	       "ladder.csv:6:1: rung 4 appears twice (first on line 5)",
	       "ladder.csv:1:1: rung 5 is missing: rungs run 1 to 8 without "
	       "gaps");
	content_diags_free(&d);
	EXPECT("ladder.csv",
	       fixture_replace("ladder.csv", "Unaware,below", "Unaware,under"),
	       "ladder.csv:2:4: line must be \"below\" or \"above\", not "
	       "\"under\"");
}
END_TEST

START_TEST(rule_four_items_per_flag)
{
	EXPECT("items.csv", fixture_edit_line("items.csv", 24, NULL),
	       "redflags.csv:6:1: red flag \"passive-agreement\" has 3 "
	       "statements in items.csv; at least 4 are needed");
	content_diags_free(&d);
	/* Retired statements are not asked, so they do not count. */
	EXPECT("items.csv",
	       fixture_replace("items.csv",
			       "questions an assumption behind a plan of mine.,1,0",
			       "questions an assumption behind a plan of mine.,1,1"),
	       "redflags.csv:6:1: red flag \"passive-agreement\" has 3 "
	       "statements in items.csv; at least 4 are needed");
}
END_TEST

START_TEST(rule_reverse_item_warning)
{
	struct content *c = expect_ok(
		"items.csv",
		fixture_replace("items.csv",
				"an assumption behind a plan of mine.,1,0",
				"an assumption behind a plan of mine.,0,0"));
	ck_assert_uint_eq(d.nwarnings, 1);
	ck_assert_str_eq(d.warnings[0],
			 "redflags.csv:6:1: warning: red flag "
			 "\"passive-agreement\" has no reverse-scored "
			 "statement");
	content_free(c);
}
END_TEST

START_TEST(rule_extra_columns_warn)
{
	struct content *c = expect_ok(
		"items.csv",
		fixture_replace("items.csv", "team,pillar",
				"team,pillar,notes"));
	ck_assert_uint_eq(d.nwarnings, 1);
	ck_assert_str_eq(d.warnings[0], "items.csv:1:8: warning: unknown "
					"column \"notes\" ignored");
	content_free(c);
}
END_TEST

START_TEST(rule_columns_any_order)
{
	char *text = strdup("flag,reverse,id,statement\n");
	for (int i = 0; i < 5; i++) {
		static const char *const f[] = {
			"vague-updates", "slow-escalation", "not-my-job",
			"missed-commitments", "passive-agreement"};
		for (int k = 0; k < 4; k++) {
			char *next = NULL;
			ck_assert_int_ge(asprintf(&next, "%s%s,%d,%s-%d,Said.\n",
						  text, f[i], k == 0, f[i], k),
					 0);
			free(text);
			text = next;
		}
	}
	struct content *c = expect_ok("items.csv", text);
	ck_assert_uint_eq(c->nitems, 20);
	ck_assert_str_eq(c->items[4].id, "slow-escalation-0");
	ck_assert_int_eq(c->items[4].reverse, 1);
	ck_assert_uint_eq(c->items[4].flag, 1);
	content_free(c);
}
END_TEST

START_TEST(rule_duplicate_and_missing_fields)
{
	EXPECT("items.csv",
	       fixture_replace("items.csv", "team,pillar",
			       "team,pillar,flag"),
	       "items.csv:1:8: column \"flag\" appears twice (first in column "
	       "2)");
	content_diags_free(&d);
	EXPECT("items.csv", fixture_append("items.csv", "x-1,vague-updates\n"),
	       "items.csv:38:3: missing field \"statement\"");
	content_diags_free(&d);
	EXPECT("items.csv",
	       fixture_append("items.csv", "x-1,vague-updates,Said.,0,yes\n"),
	       "items.csv:38:5: retired must be a whole number from 0 to 1, "
	       "not \"yes\"");
	content_diags_free(&d);
	EXPECT("items.csv", strdup(""),
	       "items.csv:1:1: empty file: a header row is needed");
}
END_TEST

START_TEST(rule_fields_well_formed)
{
	EXPECT("items.csv",
	       fixture_edit_line("items.csv", 2,
				 "Vague_Updates-1,vague-updates,Said.,0"),
	       "items.csv:2:1: id \"Vague_Updates-1\" may only use a-z, 0-9 "
	       "and '-' (at most 64)");
	content_diags_free(&d);
	EXPECT("items.csv",
	       fixture_edit_line("items.csv", 2,
				 "vague-updates-1,vague-updates,,0"),
	       "items.csv:2:3: empty statement");
	content_diags_free(&d);
	EXPECT("items.csv",
	       fixture_replace("items.csv", "without my asking for it.\",1",
			       "without my asking for it.\",2"),
	       "items.csv:6:4: reverse must be a whole number from 0 to 1, not "
	       "\"2\"");
	content_diags_free(&d);
	EXPECT("practices.csv",
	       fixture_edit_line("practices.csv", 2,
				 "clear-outcomes,Name,Summary,Only one"),
	       "practices.csv:2:4: a practice needs 2 to 4 actions separated "
	       "by ';', not 1");
	content_diags_free(&d);
	EXPECT("VERSION", strdup("2026 11\n"),
	       "VERSION:1:1: the first line must be a version like 2026.11.1 "
	       "(letters, digits, '.', '-', '+'; at most 64)");
}
END_TEST

START_TEST(rule_references_resolve)
{
	EXPECT("redflags.csv",
	       fixture_replace("redflags.csv", "clarity;feedback-systems;vision",
			       "clarity; feedback ;clarity;"),
	       "redflags.csv:2:4: empty entry in the list (ids are separated "
	       "by ';')",
	       "redflags.csv:2:4: unknown pillar \"feedback\" (not in "
	       "pillars.csv)",
	       "redflags.csv:2:4: pillar \"clarity\" listed twice");
	content_diags_free(&d);
	EXPECT("checks.csv",
	       fixture_replace("checks.csv", "help-or-hand-over,boundaries,",
			       "help-or-hand-over,Boundaries,"),
	       "checks.csv:7:2: topic \"Boundaries\" may only use a-z, 0-9 "
	       "and '-' (at most 64)");
	content_diags_free(&d);
	EXPECT("pillars.csv", fixture_replace("pillars.csv", "vision,", "purpose,"),
	       "redflags.csv:2:4: unknown pillar \"vision\" (not in "
	       "pillars.csv)",
	       "redflags.csv:4:4: unknown pillar \"vision\" (not in "
	       "pillars.csv)",
	       "pillars.csv:1:1: no \"vision\" pillar: the centre of the model "
	       "is required");
}
END_TEST

/* The self-checks of one red flag as ids, for comparing. */
static void expect_checks(const struct content *c, const char *flag,
			  int regulated, const char *const *want)
{
	size_t k[CONTENT_CHECKS_PER_FLAG + 1];
	long f = content_flag_index(c, flag);
	ck_assert_int_ge(f, 0);
	size_t n = content_checks_for_flag(c, (size_t)f, regulated, k,
					   CONTENT_CHECKS_PER_FLAG);
	size_t m = 0;
	while (want[m])
		m++;
	for (size_t i = 0; i < n && i < m; i++)
		ck_assert_msg(strcmp(c->checks[k[i]].id, want[i]) == 0,
			      "%s (regulated %d) check %zu: %s, want %s", flag,
			      regulated, i + 1, c->checks[k[i]].id, want[i]);
	ck_assert_uint_eq(n, m);
}

#define CHECKS(c, flag, regulated, ...)                                       \
	do {                                                                  \
		const char *want_[] = {__VA_ARGS__, NULL};                    \
		expect_checks(c, flag, regulated, want_);                     \
	} while (0)

/* Each red flag picks its most relevant self-checks in rank order: first
 * the checks that name it first, then those that name it second; file
 * order between equals, except that a regulated check goes first for a
 * person in a regulated setting, and is never offered to anyone else. */
START_TEST(checks_ranked_per_flag)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	CHECKS(c, "vague-updates", 0, "update-questions", "done-looks-like",
	       "root-cause");
	CHECKS(c, "vague-updates", 1, "non-negotiables", "update-questions",
	       "done-looks-like");
	CHECKS(c, "slow-escalation", 0, "listen-or-fix", "same-fire",
	       "root-cause");
	CHECKS(c, "not-my-job", 0, "solving-for-them", "help-or-hand-over",
	       "tight-rules");
	CHECKS(c, "not-my-job", 1, "solving-for-them", "help-or-hand-over",
	       "non-negotiables");
	CHECKS(c, "missed-commitments", 0, "extra-approvals", "tight-rules",
	       "rescue-cost");
	CHECKS(c, "missed-commitments", 1, "freedom-inside", "extra-approvals",
	       "tight-rules");
	CHECKS(c, "passive-agreement", 0, "whose-decision", "listen-or-fix");
	CHECKS(c, "passive-agreement", 1, "rule-reasons", "whose-decision",
	       "freedom-inside");
	/* Every check reaches someone: each is among the checks of at least
	 * one red flag, for the people it is meant for. */
	for (size_t k = 0; k < c->nchecks; k++) {
		int regulated = content_check_regulated(c, k), seen = 0;
		for (size_t f = 0; f < c->nflags && !seen; f++) {
			size_t got[CONTENT_CHECKS_PER_FLAG];
			size_t n = content_checks_for_flag(
				c, f, regulated, got, CONTENT_CHECKS_PER_FLAG);
			for (size_t i = 0; i < n; i++)
				seen |= got[i] == k;
		}
		ck_assert_msg(seen, "check %s is never shown", c->checks[k].id);
	}
	/* A shorter list is the head of the longer one. */
	size_t one[1];
	ck_assert_uint_eq(content_checks_for_flag(c, 0, 1, one, 1), 1);
	ck_assert_str_eq(c->checks[one[0]].id, "non-negotiables");
	ck_assert_uint_eq(content_checks_for_flag(c, 0, 1, one, 0), 0);
	content_free(c);
}
END_TEST

/* The flags column: ids of red flags, checked like every list. */
START_TEST(rule_check_flags)
{
	EXPECT("checks.csv",
	       fixture_replace("checks.csv",
			       "\"slow-escalation;passive-agreement\"",
			       "\"slow-escalation; slow-escalation;;"
			       "passive-agreemnt\""),
	       "checks.csv:8:5: empty entry in the list (ids are separated "
	       "by ';')",
	       "checks.csv:8:5: red flag \"slow-escalation\" listed twice",
	       "checks.csv:8:5: unknown red flag \"passive-agreemnt\" (not in "
	       "redflags.csv)");
	content_diags_free(&d);
	EXPECT("checks.csv",
	       fixture_replace("checks.csv", ",\"vague-updates\"\n", ",\n"),
	       "checks.csv:5:5: empty flags");
	content_diags_free(&d);
	/* A red flag that no check names loads, with a warning. */
	struct content *c = expect_ok(
		"checks.csv",
		strdup("id,topic,question,practices,flags\n"
		       "only,habits,Only one?,clear-outcomes,\"not-my-job\"\n"));
	ck_assert_uint_eq(d.nwarnings, 4);
	ck_assert_str_eq(d.warnings[0],
			 "redflags.csv:2:1: warning: red flag \"vague-updates\" has no "
			 "self-check: no row of checks.csv names it in its "
			 "flags column");
	content_free(c);
	content_diags_free(&d);
	EXPECT("checks.csv",
	       fixture_replace("checks.csv", "practices,flags\n",
			       "practices\n"),
	       "checks.csv:1:5: missing column \"flags\"");
}
END_TEST

START_TEST(rule_missing_file)
{
	EXPECT("checks.csv", NULL, "checks.csv:1:1: missing file");
}
END_TEST

/* All errors are reported, and err carries the first with a count. */
START_TEST(all_errors_collected)
{
	char *t1 = fixture_edit_line("items.csv", 13,
				     "not-my-job-2,not-my-job,Again.,0");
	char *t2 = strstr(t1, ",vague-updates,\"When");
	ck_assert_ptr_nonnull(t2);
	memcpy(t2, ",vague-updatez,", 15);
	struct content *c = fixture_load_with("items.csv", t1, &d, &e);
	free(t1);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(d.nerrors, 2);
	ck_assert_str_eq(d.errors[0], "items.csv:13:1: duplicate id "
				      "\"not-my-job-2\" (first on line 12)");
	ck_assert_str_eq(d.errors[1], "items.csv:2:2: unknown red flag "
				      "\"vague-updatez\" (not in redflags.csv)");
	ck_assert_str_eq(e.msg, "items.csv:13:1: duplicate id \"not-my-job-2\" "
				"(first on line 12) (and 1 more error)");
	ck_assert_uint_eq(d.nfound, 2);
}
END_TEST

START_TEST(error_flood_capped)
{
	char *text = strdup("id,flag,statement,reverse\n");
	for (int i = 0; i < 150; i++) {
		char *next = NULL;
		ck_assert_int_ge(asprintf(&next, "%sBad%d,vague-updates,S.,0\n",
					  text, i),
				 0);
		free(text);
		text = next;
	}
	struct content *c = fixture_load_with("items.csv", text, &d, &e);
	free(text);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(d.nerrors, 101);
	ck_assert_str_eq(d.errors[0], "items.csv:2:1: id \"Bad0\" may only use "
				      "a-z, 0-9 and '-' (at most 64)");
	/* 150 bad ids, and four red flags left without statements. */
	ck_assert_str_eq(d.errors[100], "(54 more errors not shown)");
	ck_assert_uint_eq(d.nfound, 154);
	content_diags_summary(&d, &e);
	ck_assert_str_eq(e.msg, "content not loaded: 154 errors (listed above)");
}
END_TEST


/* The team's wording: one per asked statement, sharing its id and flag,
 * then the team-only statements about the leader, on their pillars. */
START_TEST(team_statements)
{
	struct content *c = content_load(SHIPPED, NULL, &d, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->nteam, 23 + 6);
	size_t only[6] = {0}, n_only = 0;
	for (size_t k = 0; k < c->nteam; k++) {
		const struct content_team_item *t = &c->team[k];
		ck_assert_msg(strncmp(t->statement, "In our team, ", 13) == 0,
			      "%s: %s", t->id, t->statement);
		ck_assert_int_eq(t->retired, 0);
		if (t->item == CONTENT_NONE) {
			ck_assert_uint_eq(t->flag, CONTENT_NONE);
			ck_assert_uint_ne(t->pillar, CONTENT_NONE);
			only[n_only++] = t->pillar;
			continue;
		}
		ck_assert_str_eq(t->id, c->items[t->item].id);
		ck_assert_uint_eq(t->flag, c->items[t->item].flag);
		ck_assert_int_eq(t->reverse, c->items[t->item].reverse);
		ck_assert_uint_eq(t->pillar, CONTENT_NONE);
	}
	ck_assert_uint_eq(n_only, 6);
	long rm = content_pillar_index(c, "role-modelling");
	long au = content_pillar_index(c, "autonomy");
	for (size_t i = 0; i < 6; i++)
		ck_assert(only[i] == (size_t)rm || only[i] == (size_t)au);
	long k = content_team_index(c, "leader-owns-errors");
	ck_assert_int_ge(k, 0);
	ck_assert_int_eq(c->team[k].reverse, 1);
	ck_assert_int_eq(content_team_index(c, "vague-updates-5"), -1);
	ck_assert_int_eq(content_item_index(c, "leader-owns-errors"), -1);
	content_free(c);
}
END_TEST

/* A folder from before team rounds still loads, with no team
 * statements. */
START_TEST(team_columns_optional)
{
	char *text = fixture_read(SHIPPED "/items.csv", NULL);
	char *out = malloc(strlen(text) + 1), *o = out;
	/* Keep the first five fields of each line (the shipped team
	 * wordings hold commas only inside quotes). */
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		int quoted = 0, fields = 0;
		char *p = line;
		for (; *p; p++) {
			if (*p == '"')
				quoted = !quoted;
			if (*p == ',' && !quoted && ++fields == 5)
				break;
		}
		if (fields >= 5 && strstr(p, ",role-modelling") == NULL &&
		    strstr(p, ",autonomy") == NULL) {
			memcpy(o, line, (size_t)(p - line));
			o += p - line;
			*o++ = '\n';
		} else if (fields < 5) {
			o += sprintf(o, "%s\n", line);
		}
	}
	*o = 0;
	free(text);
	struct content *c = expect_ok("items.csv", out);
	ck_assert_uint_eq(c->nteam, 0);
	ck_assert_uint_eq(c->nasked, 23);
	content_free(c);
}
END_TEST

START_TEST(rule_team_wording)
{
	EXPECT("items.csv",
	       fixture_replace("items.csv",
			       "0,0,\"In our team, when someone asks how a "
			       "piece of work is going, we list what we did "
			       "rather than say where it stands.\"",
			       "0,0,"),
	       "items.csv:2:6: empty team");
	content_diags_free(&d);
	EXPECT("items.csv",
	       fixture_append("items.csv",
			      "leader-x,,Something,0,0,\"In our team, x.\","
			      "courage\n"
			      "leader-keeps-word,,,1,0,\"In our team, y.\","
			      "autonomy\n"
			      "clarity-x,clarity,Text,0,0,\"In our team, z.\","
			      "clarity\n"
			      "leader-z,,,1,0,,autonomy\n"),
	       "items.csv:38:3: a team-only statement (pillar given) keeps "
	       "its wording in \"team\"; leave statement empty",
	       "items.csv:40:7: a statement scores on a red flag or, "
	       "team-only, on a pillar: leave pillar empty or flag empty",
	       "items.csv:41:6: empty team",
	       "items.csv:40:2: unknown red flag \"clarity\" (not in "
	       "redflags.csv)",
	       "items.csv:38:7: unknown pillar \"courage\" (not in "
	       "pillars.csv)",
	       "items.csv:39:1: duplicate id \"leader-keeps-word\" (first on "
	       "line 32)");
	content_diags_free(&d);
	/* A team-only id may not shadow a diagnostic statement's. */
	EXPECT("items.csv",
	       fixture_append("items.csv",
			      "not-my-job-3,,,0,0,\"In our team, w.\",autonomy\n"),
	       "items.csv:38:1: duplicate id \"not-my-job-3\" (first on "
	       "line 13)");
}
END_TEST

static Suite *content_suite(void)
{
	Suite *s = suite_create("content");
	TCase *t = tcase_create("shipped");
	tcase_add_checked_fixture(t, NULL, teardown);
	tcase_add_test(t, shipped_content_loads);
	tcase_add_test(t, lookups);
	tcase_add_test(t, bands);
	tcase_add_test(t, band_edges_exact);
	tcase_add_test(t, every_pillar_has_two_flags);
	tcase_add_test(t, pillar_levels_one_dimension);
	tcase_add_test(t, shipped_lists_quoted);
	tcase_add_test(t, model_elements_in_content);
	tcase_add_test(t, checks_ranked_per_flag);
	suite_add_tcase(s, t);
	t = tcase_create("fixtures");
	tcase_add_checked_fixture(t, NULL, teardown);
	tcase_add_test(t, fixture_missing_column);
	tcase_add_test(t, fixture_duplicate_id);
	tcase_add_test(t, fixture_dangling_reference);
	tcase_add_test(t, fixture_rung_gap);
	tcase_add_test(t, fixture_unterminated_quote);
	tcase_add_test(t, fixture_bom_accepted);
	tcase_add_test(t, nul_byte);
	tcase_add_test(t, bad_utf8);
	tcase_add_test(t, ten_mib_field);
	tcase_add_test(t, user_folder_replaces_file_by_file);
	tcase_add_test(t, user_folder_alone);
	suite_add_tcase(s, t);
	t = tcase_create("rules");
	tcase_add_checked_fixture(t, NULL, teardown);
	tcase_add_test(t, rule_scale_complete);
	tcase_add_test(t, rule_bands_cover_without_overlap);
	tcase_add_test(t, rule_band_edges_one_decimal);
	tcase_add_test(t, rule_below_then_above);
	tcase_add_test(t, rule_four_items_per_flag);
	tcase_add_test(t, rule_reverse_item_warning);
	tcase_add_test(t, rule_extra_columns_warn);
	tcase_add_test(t, rule_columns_any_order);
	tcase_add_test(t, rule_duplicate_and_missing_fields);
	tcase_add_test(t, rule_fields_well_formed);
	tcase_add_test(t, rule_references_resolve);
	tcase_add_test(t, team_statements);
	tcase_add_test(t, team_columns_optional);
	tcase_add_test(t, rule_team_wording);
	tcase_add_test(t, rule_check_flags);
	tcase_add_test(t, rule_missing_file);
	tcase_add_test(t, all_errors_collected);
	tcase_add_test(t, error_flood_capped);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(content_suite());
}
