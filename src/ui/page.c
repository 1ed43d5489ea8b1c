/* page.c - rows of text and charts, scrolled. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/chart.h"
#include "ui/draw.h"
#include "ui/page.h"
#include "ui/wrap.h"

#define PAGE_CANVASES_MAX 16

struct row {
	char *text; /* owned; NULL for a canvas row or a blank */
	enum ui_style style;
	int indent;
	char *label; /* owned; drawn before text in UI_HEADING */
	int label_w;
	const struct canvas *cv; /* one of cvs, or a report's */
	int cv_row;
};

struct page {
	struct row *rows;
	int n, cap;
	int width;
	int scroll;
	struct canvas *cvs[PAGE_CANVASES_MAX];
	int ncv;
	int failed;
};

struct page *page_new(void)
{
	return calloc(1, sizeof(struct page));
}

static void page_clear(struct page *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->rows[i].text);
		free(p->rows[i].label);
	}
	p->n = 0;
	for (int i = 0; i < p->ncv; i++)
		canvas_free(p->cvs[i]);
	p->ncv = 0;
	p->failed = 0;
}

void page_free(struct page *p)
{
	if (!p)
		return;
	page_clear(p);
	free(p->rows);
	free(p);
}

void page_reset(struct page *p, int width)
{
	page_clear(p);
	p->width = width;
}

int page_width(const struct page *p)
{
	return p->width;
}

int page_rows(const struct page *p)
{
	return p->n;
}

int page_failed(const struct page *p)
{
	return p->failed;
}

static struct row *row_add(struct page *p)
{
	if (p->n == p->cap) {
		int cap = p->cap ? 2 * p->cap : 64;
		struct row *r = realloc(p->rows, (size_t)cap * sizeof *r);
		if (!r) {
			p->failed = 1;
			return NULL;
		}
		p->rows = r;
		p->cap = cap;
	}
	struct row *r = &p->rows[p->n++];
	memset(r, 0, sizeof *r);
	return r;
}

static void text_rows(struct page *p, enum ui_style style, int indent,
		      const char *label, int label_w, const char *text)
{
	int w = p->width - indent - label_w;
	const char *s = text ? text : "";
	int first = 1;
	do {
		size_t next, n = wrap_row(s, w, &next);
		struct row *r = row_add(p);
		if (!r)
			return;
		r->style = style;
		r->indent = indent + label_w;
		r->text = strndup(s, n);
		if (first && label) {
			r->label = strdup(label);
			r->label_w = label_w;
			r->indent = indent;
		}
		if (!r->text || (first && label && !r->label))
			p->failed = 1;
		first = 0;
		s += next;
	} while (*s);
}

void page_text(struct page *p, enum ui_style style, int indent,
	       const char *text)
{
	text_rows(p, style, indent, NULL, 0, text);
}

void page_pair(struct page *p, int indent, const char *label, int label_w,
	       const char *text, enum ui_style text_style)
{
	if (label_w > p->width / 2)
		label_w = p->width / 2;
	text_rows(p, text_style, indent, label, label_w, text);
}

void page_blank(struct page *p)
{
	row_add(p);
}

void page_canvas(struct page *p, int indent, struct canvas *cv)
{
	if (!cv)
		return;
	if (p->ncv == PAGE_CANVASES_MAX) {
		canvas_free(cv);
		p->failed = 1;
		return;
	}
	p->cvs[p->ncv++] = cv;
	for (int i = 0; i < canvas_height(cv); i++) {
		struct row *r = row_add(p);
		if (!r)
			return;
		r->cv = cv;
		r->cv_row = i;
		r->indent = indent;
	}
}

void page_report(struct page *p, const struct report *r)
{
	for (size_t i = 0; i < report_nlines(r); i++) {
		const struct report_line *l = report_line(r, i);
		struct row *row = row_add(p);
		if (!row)
			return;
		if (l->canvas) {
			row->cv = l->canvas;
			row->cv_row = l->row;
			continue;
		}
		row->style = chart_style(l->style);
		row->text = strdup(l->text);
		if (!row->text)
			p->failed = 1;
	}
}

void page_build_report(struct page *p, struct app *app, int64_t session_id,
		       struct report_options *opt, struct report **rep,
		       const char *failed, const char *empty)
{
	struct error err;
	page_reset(p, opt->width);
	if (opt->width < REPORT_WIDTH_MIN)
		opt->width = REPORT_WIDTH_MIN;
	if (opt->width > REPORT_WIDTH_MAX)
		opt->width = REPORT_WIDTH_MAX;
	report_free(*rep);
	error_clear(&err);
	*rep = report_build(app->store, app->content, session_id, opt, &err);
	if (!*rep) {
		page_text(p, UI_BAD, 0, failed);
		app_status(app, 1, "%s", err.msg[0] ? err.msg : failed);
		return;
	}
	if (report_nlines(*rep) == 0 && empty[0])
		page_text(p, UI_DIM, 0, empty);
	page_report(p, *rep);
	if (page_failed(p))
		app_status(app, 1, "out of memory");
}

static int scroll_max(const struct page *p, int h)
{
	return p->n > h ? p->n - h : 0;
}

void page_scroll(struct page *p, int delta, int h)
{
	p->scroll += delta;
	if (p->scroll > scroll_max(p, h))
		p->scroll = scroll_max(p, h);
	if (p->scroll < 0)
		p->scroll = 0;
}

int page_scroll_key(struct page *p, int id, int base, int h)
{
	switch (id - base) {
	case PAGE_KEY_UP:
		page_scroll(p, -1, h);
		return 1;
	case PAGE_KEY_DOWN:
		page_scroll(p, 1, h);
		return 1;
	case PAGE_KEY_PGUP:
		page_scroll(p, -(h - 1), h);
		return 1;
	case PAGE_KEY_PGDN:
		page_scroll(p, h - 1, h);
		return 1;
	case PAGE_KEY_TOP:
		page_scroll(p, -p->n, h);
		return 1;
	case PAGE_KEY_BOTTOM:
		page_scroll(p, p->n, h);
		return 1;
	}
	return 0;
}

void page_draw(struct page *p, struct app *app, int y, int x, int h, int w)
{
	page_scroll(p, 0, h);
	for (int i = 0; i < h && p->scroll + i < p->n; i++) {
		const struct row *r = &p->rows[p->scroll + i];
		int cx = x + r->indent;
		if (r->cv) {
			chart_draw_rows(app, r->cv, r->cv_row, 1, y + i, cx,
					w - r->indent - 1);
			continue;
		}
		if (r->label)
			draw_text(app, y + i, cx, r->label, r->label_w - 1,
				  UI_HEADING);
		if (r->text)
			draw_text(app, y + i, cx + r->label_w, r->text,
				  w - r->indent - r->label_w, r->style);
	}
	const char *up = draw_glyph(app, GLYPH_MORE_ABOVE);
	const char *down = draw_glyph(app, GLYPH_MORE_BELOW);
	if (p->scroll > 0)
		draw_text(app, y, x + w - 1, up, 1, UI_DIM);
	if (p->scroll < scroll_max(p, h))
		draw_text(app, y + h - 1, x + w - 1, down, 1, UI_DIM);
}
