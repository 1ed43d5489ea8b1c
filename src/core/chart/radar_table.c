/* radar_table.c - the numbers behind a radar chart, as a text table. */
#include "config.h"

#include "core/chart/radar.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_NAME_COLS 30
#define TABLE_HEAD_COLS 10 /* a heading is never cut below this */
#define TABLE_COLS 80

struct table_buf {
	char *s;
	size_t len, cap;
	int failed;
};

static void tb_add(struct table_buf *t, const char *s, size_t n)
{
	if (t->failed)
		return;
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *p = realloc(t->s, cap);
		if (!p) {
			t->failed = 1;
			return;
		}
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void tb_pad(struct table_buf *t, int n)
{
	for (; n > 0; n--)
		tb_add(t, " ", 1);
}

/* A cell of `cols` columns: text sanitised, then padded on the left
 * (right-aligned numbers) or the right (names). */
static void tb_cell(struct table_buf *t, const char *text, int cols,
		    int right, enum canvas_mode mode)
{
	char buf[TABLE_COLS * 4 + 8];
	int w = canvas_sanitize(text, cols, mode, buf, sizeof buf);

	if (right)
		tb_pad(t, cols - w);
	tb_add(t, buf, strlen(buf));
	if (!right)
		tb_pad(t, cols - w);
}

static void tb_row(struct table_buf *t, const struct radar_input *in,
		   const char *name, int name_cols, const int *col,
		   const double *v, enum canvas_mode mode)
{
	char num[16];

	tb_cell(t, name, name_cols, 0, mode);
	for (int s = 0; s < in->nseries; s++) {
		tb_pad(t, 2);
		tb_cell(t, radar_format(v[s], 0, mode, num), col[s], 1, mode);
	}
	if (in->nseries > 1) {
		double d = (isnan(v[0]) || isnan(v[1])) ? NAN : v[0] - v[1];
		tb_pad(t, 2);
		tb_cell(t, radar_format(d, 1, mode, num), col[2], 1, mode);
	}
	tb_add(t, "\n", 1);
}

char *radar_table(const struct radar_input *in, enum canvas_mode mode,
		  struct error *err)
{
	return radar_table_fit(in, mode, TABLE_COLS, err);
}

char *radar_table_fit(const struct radar_input *in, enum canvas_mode mode,
		      int cols, struct error *err)
{
	struct table_buf t = {NULL, 0, 0, 0};
	const char *head[3];
	int name_cols = 6, col[3], n = in->nseries > 1 ? 3 : 1;
	double v[2];

	if (radar_check(in, err) < 0)
		return NULL;
	head[0] = in->series[0].name ? in->series[0].name : "Value";
	head[1] = in->series[1].name ? in->series[1].name : "Comparison";
	head[2] = "Difference";
	for (int i = 0; i <= RADAR_AXES; i++) {
		const char *name = i < RADAR_AXES ? in->axis_name[i]
						  : in->centre_name;
		int w = canvas_sanitize(name ? name : "", TABLE_NAME_COLS,
					mode, NULL, 0);
		if (w > name_cols)
			name_cols = w;
	}
	/* Each column as wide as its heading, numbers right-aligned; a
	 * heading is cut only when the table would pass cols. */
	int room = (cols < TABLE_COLS ? cols : TABLE_COLS) - name_cols;
	for (int k = 0; k < n; k++)
		room -= 2 + canvas_sanitize(head[k], -1, mode, NULL, 0);
	for (int k = n - 1; k >= 0; k--) {
		int full = canvas_sanitize(head[k], -1, mode, NULL, 0);
		int cut = room < 0 ? full + room : full;
		if (cut < TABLE_HEAD_COLS)
			cut = full < TABLE_HEAD_COLS ? full : TABLE_HEAD_COLS;
		room += full - cut;
		col[k] = cut < 5 ? 5 : cut;
	}
	tb_cell(&t, "Pillar", name_cols, 0, mode);
	for (int k = 0; k < n; k++) {
		tb_pad(&t, 2);
		tb_cell(&t, head[k], col[k], 1, mode);
	}
	tb_add(&t, "\n", 1);
	for (int i = 0; i < RADAR_AXES; i++) {
		v[0] = in->series[0].value[i];
		v[1] = in->series[1].value[i];
		tb_row(&t, in, in->axis_name[i], name_cols, col, v, mode);
	}
	v[0] = in->series[0].centre;
	v[1] = in->series[1].centre;
	tb_row(&t, in, in->centre_name ? in->centre_name : "Centre",
	       name_cols, col, v, mode);
	if (t.failed || !t.s) {
		free(t.s);
		error_set(err, ERROR_RUNTIME, "radar table: out of memory");
		return NULL;
	}
	return t.s;
}
