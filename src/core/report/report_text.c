/* report_text.c - the report's list of lines and its word wrapping.
 *
 * Every piece of text enters through report_add_wrapped: it is split into
 * paragraphs at line breaks, each paragraph sanitised for the mode
 * (canvas_sanitize: no control characters, `?` for what ASCII cannot
 * show), then wrapped at spaces by display width, a word wider than a
 * line being broken inside.
 */
#include "config.h"

#include "core/report/report_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utext.h"

int report_push(struct report *r, struct report_line *l, char *owned)
{
	if (r->nlines == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct report_line *p = realloc(r->lines, cap * sizeof *p);
		char **o = realloc(r->owned, cap * sizeof *o);
		if (p)
			r->lines = p;
		if (o)
			r->owned = o;
		if (!p || !o) {
			free(owned);
			return -1;
		}
		r->cap = cap;
	}
	r->owned[r->nlines] = owned;
	r->lines[r->nlines++] = *l;
	return 0;
}

/* Adds one finished line (bytes s[0..len)) of text. */
static int add_text(struct report *r, enum canvas_style style,
		    const char *prefix, const char *s, size_t len)
{
	size_t plen = strlen(prefix);
	char *t = malloc(plen + len + 1);
	if (!t)
		return -1;
	memcpy(t, prefix, plen);
	memcpy(t + plen, s, len);
	/* Trailing blanks help nobody and make golden files fragile. */
	while (plen + len > 0 && t[plen + len - 1] == ' ')
		len--;
	t[plen + len] = '\0';
	struct report_line l = {
	    .section = r->section, .style = style, .text = t};
	return report_push(r, &l, t);
}

int report_blank(struct report *r)
{
	return add_text(r, CANVAS_STYLE_NONE, "", "", 0);
}

/* The display width of the UTF-8 sequence at s (sanitised text: valid
 * and printable) and its length in bytes. */
static int glyph(const char *s, size_t *len)
{
	uint32_t cp;
	*len = utext_decode(s, strnlen(s, 4), &cp);
	return utext_cells(cp);
}

/* Wraps one sanitised paragraph into lines of at most width columns
 * after the prefix (the first line) or the indent (the others). */
static int wrap_para(struct report *r, enum canvas_style style,
		     const char *prefix, const char *indent, const char *p,
		     int width)
{
	const char *lead = prefix;
	int avail = width - canvas_sanitize(lead, -1, r->mode, NULL, 0);
	if (avail < 8)
		avail = 8;
	while (*p) {
		const char *start = p, *brk = NULL;
		int w = 0;
		size_t n = 0;
		while (p[n]) {
			size_t len;
			int gw = glyph(p + n, &len);
			if (p[n] == ' ')
				brk = p + n;
			if (w + gw > avail)
				break;
			w += gw;
			n += len;
		}
		const char *end = start + n, *next = end;
		if (p[n] && p[n] != ' ' && brk && brk > start) {
			end = brk; /* break at the last space */
			next = brk + 1;
		} else if (p[n] == ' ') {
			next = end + 1;
		}
		if (add_text(r, style, lead, start, (size_t)(end - start)))
			return -1;
		p = next;
		while (*p == ' ')
			p++;
		if (lead != indent) {
			lead = indent;
			avail =
			    width - canvas_sanitize(lead, -1, r->mode, NULL, 0);
			if (avail < 8)
				avail = 8;
		}
	}
	return 0;
}

int report_add_wrapped(struct report *r, enum canvas_style style,
		       const char *prefix, const char *indent, const char *text)
{
	if (!text)
		text = "";
	int first = 1;
	const char *p = text;
	do {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		char *raw = strndup(p, len);
		size_t cap = len * 3 + 8;
		char *clean = malloc(cap);
		if (!raw || !clean) {
			free(raw);
			free(clean);
			return -1;
		}
		canvas_sanitize(raw, -1, r->mode, clean, cap);
		free(raw);
		const char *lead = first ? prefix : indent;
		int rc = clean[0] ? wrap_para(r, style, lead, indent, clean,
					      r->width)
				  : add_text(r, style, lead, "", 0);
		free(clean);
		if (rc)
			return -1;
		first = 0;
		p = nl ? nl + 1 : NULL;
	} while (p);
	return 0;
}

int report_addf(struct report *r, enum canvas_style style, const char *prefix,
		const char *indent, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return report_add_wrapped(r, style, prefix, indent, buf);
}

int report_heading(struct report *r, enum report_section sec, const char *title)
{
	r->section = sec;
	if (r->nlines && report_blank(r))
		return -1;
	return report_add_wrapped(r, CANVAS_STYLE_TITLE, "", "", title);
}

int report_add_canvas(struct report *r, struct canvas *c)
{
	if (r->ncanvases == REPORT_CANVASES_MAX) {
		canvas_free(c);
		return -1;
	}
	r->canvases[r->ncanvases++] = c;
	int h = canvas_height(c);
	/* Trailing blank rows of a chart are left out. */
	while (h > 0) {
		int blank = 1;
		for (int x = 0; x < canvas_width(c) && blank; x++) {
			struct canvas_glyph g;
			if (canvas_get(c, x, h - 1, &g) == 0 && g.cp != ' ' &&
			    g.cp != CANVAS_CONT)
				blank = 0;
		}
		if (!blank)
			break;
		h--;
	}
	for (int y = 0; y < h; y++) {
		struct report_line l = {.section = r->section,
					.style = CANVAS_STYLE_NONE,
					.canvas = c,
					.row = y};
		if (report_push(r, &l, NULL))
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ output */

/* Writes row y of a canvas, trailing blanks trimmed, with colour when
 * asked. */
static int write_row(FILE *fp, const struct canvas *c, int y, int color)
{
	int w = canvas_width(c), last = -1;
	struct canvas_glyph g;
	for (int x = 0; x < w; x++)
		if (canvas_get(c, x, y, &g) == 0 && g.cp != ' ' &&
		    g.cp != CANVAS_CONT)
			last = x;
	enum canvas_style cur = CANVAS_STYLE_NONE;
	for (int x = 0; x <= last; x++) {
		if (canvas_get(c, x, y, &g) || g.cp == CANVAS_CONT)
			continue;
		const char *sgr = canvas_style_sgr(g.style);
		if (color && g.style != cur) {
			if (cur != CANVAS_STYLE_NONE &&
			    fputs("\033[0m", fp) < 0)
				return -1;
			if (sgr[0] && fprintf(fp, "\033[%sm", sgr) < 0)
				return -1;
			cur = sgr[0] ? g.style : CANVAS_STYLE_NONE;
		}
		if (fputs(g.utf8, fp) < 0)
			return -1;
	}
	if (color && cur != CANVAS_STYLE_NONE && fputs("\033[0m", fp) < 0)
		return -1;
	return fputc('\n', fp) == EOF ? -1 : 0;
}

int report_write(const struct report *r, FILE *fp, unsigned flags,
		 struct error *err)
{
	int color = (flags & CANVAS_RENDER_COLOR) != 0;
	for (size_t i = 0; i < r->nlines; i++) {
		const struct report_line *l = &r->lines[i];
		int rc;
		if (l->canvas) {
			rc = write_row(fp, l->canvas, l->row, color);
		} else {
			const char *sgr = canvas_style_sgr(l->style);
			if (color && sgr[0] && l->text[0])
				rc = fprintf(fp, "\033[%sm%s\033[0m\n", sgr,
					     l->text) < 0
					 ? -1
					 : 0;
			else
				rc = fprintf(fp, "%s\n", l->text) < 0 ? -1 : 0;
		}
		if (rc)
			return error_errno(err, ERROR_RUNTIME, errno,
					   "cannot write the report");
	}
	return 0;
}

char *report_render(const struct report *r, unsigned flags, struct error *err)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	if (!fp) {
		error_errno(err, ERROR_RUNTIME, errno, "rendering the report");
		return NULL;
	}
	int rc = report_write(r, fp, flags, err);
	if (fclose(fp) != 0 && rc == 0)
		rc = error_errno(err, ERROR_RUNTIME, errno,
				 "rendering the report");
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}
