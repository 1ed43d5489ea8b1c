/* page.h - a scrollable page of wrapped text and charts.
 *
 * The results step and the session summary are longer than a screen: they
 * are built once per width as a list of rows (wrapped text, or the rows
 * of a chart canvas; the summary's come from a core report) and then
 * only scrolled.  Rebuilding is the owner's
 * job when page_width() no longer matches the space it has. */
#ifndef OWNIT_UI_PAGE_H
#define OWNIT_UI_PAGE_H

#include "core/chart/canvas.h"
#include "core/report/report.h"
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

/* Adds "label  text": the label in its style, the text wrapped beside it
 * with later rows hanging under the text. */
void page_pair(struct page *p, int indent, const char *label, int label_w,
	       const char *text, enum ui_style text_style);

/* An empty row. */
void page_blank(struct page *p);

/* Adds the rows of a canvas at indent; the page takes the canvas and
 * frees it. */
void page_canvas(struct page *p, int indent, struct canvas *cv);

/* Adds the lines of a report as rows: text in the app style of its
 * canvas style, chart lines drawn cell by cell from the report's
 * canvases.  The lines are already wrapped and sanitised for the width
 * the report was built for.  The page borrows the canvases: r must
 * outlive the rows (until the next page_reset or page_free). */
void page_report(struct page *p, const struct report *r);

/* Rebuilds the page as the report of session id, built with opt at the
 * page's new width (clamped to what a report allows); *rep is the report
 * the page borrows from, replaced here.  When the report cannot be built
 * the page holds the line failed and the status line says why; when it is
 * empty, the line empty.  The results step and the summary both show a
 * session this way. */
void page_build_report(struct page *p, struct app *app, int64_t session_id,
		       struct report_options *opt, struct report **rep,
		       const char *failed, const char *empty);

/* Rows in the page. */
int page_rows(const struct page *p);

/* Draws the rows in view into h rows from (y, x), with a scroll marker
 * in the last column when there is more above or below. */
void page_draw(struct page *p, struct app *app, int y, int x, int h, int w);

/* Scrolls by delta rows (clamped for a view of h rows). */
void page_scroll(struct page *p, int delta, int h);

/* The scrolling keys of a page, for a screen's key table: their action
 * ids are base + enum page_key, and page_scroll_key acts on them. */
enum page_key {
	PAGE_KEY_UP,
	PAGE_KEY_DOWN,
	PAGE_KEY_PGUP,
	PAGE_KEY_PGDN,
	PAGE_KEY_TOP,
	PAGE_KEY_BOTTOM,
	PAGE_KEYS
};

#define PAGE_SCROLL_ACTIONS(base)                                          \
	{KEY_UP, 0, "Up/Down", "scroll", "scroll (also k/j, PgUp/PgDn)",  \
	 (base) + PAGE_KEY_UP},                                            \
	    {0, L'k', "k", NULL, NULL, (base) + PAGE_KEY_UP},              \
	    {KEY_DOWN, 0, "Down", NULL, NULL, (base) + PAGE_KEY_DOWN},     \
	    {0, L'j', "j", NULL, NULL, (base) + PAGE_KEY_DOWN},            \
	    {KEY_PPAGE, 0, "PgUp", NULL, NULL, (base) + PAGE_KEY_PGUP},    \
	    {KEY_NPAGE, 0, "PgDn", NULL, NULL, (base) + PAGE_KEY_PGDN},    \
	    {0, L' ', "Space", NULL, NULL, (base) + PAGE_KEY_PGDN},        \
	    {KEY_HOME, 0, "Home/End", NULL, "top or bottom of the page",   \
	     (base) + PAGE_KEY_TOP},                                       \
	    {KEY_END, 0, "End", NULL, NULL, (base) + PAGE_KEY_BOTTOM}

/* Scrolls a view of h rows for action id when it is one of the keys
 * above (base + enum page_key): 1, or 0 when id is another action. */
int page_scroll_key(struct page *p, int id, int base, int h);

/* 1 when the last add failed for lack of memory. */
int page_failed(const struct page *p);

#endif
