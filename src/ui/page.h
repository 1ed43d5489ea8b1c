/* page.h - a scrollable page of wrapped text and charts.
 *
 * The results step and the session summary are longer than a screen: they
 * are built once per width as a list of rows (wrapped text, or the rows
 * of a chart canvas) and then only scrolled.  Rebuilding is the owner's
 * job when page_width() no longer matches the space it has. */
#ifndef OWNIT_UI_PAGE_H
#define OWNIT_UI_PAGE_H

#include "core/canvas.h"
#include "ui/app.h"

struct page;

/* An empty page; NULL when out of memory. */
struct page *page_new(void);
void page_free(struct page *p);

/* Empties the page for a rebuild at width cells; keeps the scroll
 * position so a resize does not jump back to the top. */
void page_reset(struct page *p, int width);

/* The width the page was built for (0 before the first build). */
int page_width(const struct page *p);

/* Adds text wrapped to the page width after indent cells. */
void page_text(struct page *p, enum ui_style style, int indent,
	       const char *text);
void page_textf(struct page *p, enum ui_style style, int indent,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Adds "label  text": the label in its style, the text wrapped beside it
 * with later rows hanging under the text. */
void page_pair(struct page *p, int indent, const char *label, int label_w,
	       const char *text, enum ui_style text_style);

/* An empty row. */
void page_blank(struct page *p);

/* Adds the rows of a canvas at indent; the page takes the canvas and
 * frees it. */
void page_canvas(struct page *p, int indent, struct canvas *cv);

/* Rows in the page. */
int page_rows(const struct page *p);

/* Draws the rows in view into h rows from (y, x), with a scroll marker
 * in the last column when there is more above or below. */
void page_draw(struct page *p, struct app *app, int y, int x, int h, int w);

/* Scrolls by delta rows (clamped for a view of h rows). */
void page_scroll(struct page *p, int delta, int h);

/* 1 when the last add failed for lack of memory. */
int page_failed(const struct page *p);

#endif
