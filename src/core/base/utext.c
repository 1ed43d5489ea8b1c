/* utext.c - display width, clusters, wrap, sanitising and name folding
 * over libunistring (see utext.h). */
#include "config.h"

#include "core/base/utext.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

/* ------------------------------------------------------------ characters */

size_t utext_decode(const char *s, size_t len, uint32_t *uc)
{
	if (len == 0) {
		*uc = 0;
		return 1;
	}
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)s, len);
	*uc = c;
	return n > 0 ? (size_t)n : 1;
}

int utext_valid(const char *s, size_t len)
{
	return u8_check((const uint8_t *)s, len) == NULL;
}

size_t utext_encode(uint32_t uc, char *buf)
{
	int n = u8_uctomb((uint8_t *)buf, uc, 4);
	if (n > 0)
		return (size_t)n;
	/* Not a character (a surrogate, past U+10FFFF): its stand-in. */
	return (size_t)u8_uctomb((uint8_t *)buf, UTEXT_REPLACEMENT, 4);
}

int utext_is_control(uint32_t uc)
{
	return uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0);
}

int utext_is_bidi_control(uint32_t uc)
{
	return (uc >= 0x202a && uc <= 0x202e) ||
	       (uc >= 0x2066 && uc <= 0x2069) || uc == 0x200e || uc == 0x200f ||
	       uc == 0x061c;
}

int utext_is_printable(uint32_t uc)
{
	return uc_width(uc, "UTF-8") >= 0;
}

int utext_cells(uint32_t uc)
{
	if (utext_is_control(uc))
		return 2;
	if (utext_is_bidi_control(uc))
		return 1;
	int w = uc_width(uc, "UTF-8");
	/* Unassigned or not printable: shown as its stand-in, one cell. */
	return w < 0 ? 1 : w;
}

int utext_width(const char *s)
{
	size_t len = strlen(s);
	int width = 0;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			width++;
			i++;
			continue;
		}
		uint32_t uc;
		i += utext_decode(s + i, len - i, &uc);
		width += utext_cells(uc);
	}
	return width;
}

/* ------------------------------------------------------ grapheme clusters */

/* Unicode's rule GB11 (an emoji, a zero-width joiner, an emoji: one
 * cluster), which libunistring before 1.1 does not apply: 1 when a break
 * the library found at i is inside such a sequence. */
static int joins_emoji(const uint32_t *s, size_t i)
{
	return i >= 2 && s[i - 1] == 0x200d &&
	       uc_is_property_extended_pictographic(s[i]);
}

size_t utext_cluster_next(const uint32_t *s, size_t len, size_t i)
{
	while (i < len) {
		const uint32_t *p = u32_grapheme_next(s + i, s + len);
		i = p ? (size_t)(p - s) : len;
		if (i >= len || !joins_emoji(s, i))
			return i;
	}
	return len;
}

size_t utext_cluster_prev(const uint32_t *s, size_t len, size_t i)
{
	if (i > len)
		i = len;
	while (i > 0) {
		const uint32_t *p = u32_grapheme_prev(s + i, s);
		i = p ? (size_t)(p - s) : 0;
		if (!joins_emoji(s, i))
			return i;
	}
	return 0;
}

size_t utext_cluster_next_u8(const char *s, size_t len, size_t i)
{
	const uint8_t *b = (const uint8_t *)s;
	while (i < len) {
		const uint8_t *p = u8_grapheme_next(b + i, b + len);
		size_t at = p ? (size_t)(p - b) : len;
		if (at >= len)
			return len;
		/* GB11 as above: after a ZWJ (3 bytes), an emoji joins. */
		ucs4_t next;
		u8_mbtouc(&next, b + at, len - at);
		int zwj = at >= i + 3 && b[at - 3] == 0xe2 &&
			  b[at - 2] == 0x80 && b[at - 1] == 0x8d;
		if (!zwj || !uc_is_property_extended_pictographic(next))
			return at;
		i = at;
	}
	return len;
}

/* ------------------------------------------------------------------- wrap */

/* Cells of the cluster s[a, b), and whether it holds a line break. */
static int cluster_cells(const char *s, size_t a, size_t b, int *newline)
{
	int w = 0;
	*newline = 0;
	while (a < b) {
		uint32_t uc;
		a += utext_decode(s + a, b - a, &uc);
		if (uc == '\n')
			*newline = 1;
		else
			w += utext_cells(uc);
	}
	return w;
}

static size_t skip_blanks(const char *s, size_t len, size_t j)
{
	while (j < len && s[j] == ' ')
		j++;
	return j;
}

size_t utext_row(const char *s, int width, size_t *next)
{
	size_t len = strlen(s);
	size_t i = 0, brk = 0, brk_next = 0;
	int used = 0;
	if (width < 1)
		width = 1;
	while (i < len) {
		size_t e = utext_cluster_next_u8(s, len, i);
		int newline;
		int w = cluster_cells(s, i, e, &newline);
		if (newline) {
			*next = e;
			return i;
		}
		if (used + w > width) {
			if (s[i] == ' ') {
				/* The blanks at the break are not shown. */
				size_t j = skip_blanks(s, len, i);
				if (j < len && s[j] == '\n')
					j++;
				*next = j;
				return i;
			}
			if (brk) {
				*next = brk_next;
				return brk;
			}
			/* A word longer than the row is cut between clusters;
			 * at least one per row so that wrapping always ends. */
			if (i == 0)
				i = e;
			*next = i;
			return i;
		}
		if (s[i] == ' ') {
			brk = i;
			brk_next = skip_blanks(s, len, i);
		}
		used += w;
		i = e;
	}
	*next = len;
	return len;
}

int utext_rows(const char *text, int width)
{
	int rows = 0;
	const char *p = text ? text : "";
	do {
		size_t next;
		utext_row(p, width, &next);
		rows++;
		p += next;
	} while (*p);
	return rows;
}

/* -------------------------------------------------------------- sanitise */

char *utext_sanitize(const char *s)
{
	size_t len = strlen(s);
	/* U+FFFD takes 3 bytes and replaces at least 1. */
	char *out = malloc(3 * len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t uc;
		size_t n = utext_decode(s + i, len - i, &uc);
		int keep = uc != UTEXT_REPLACEMENT || n == 3;
		if ((utext_is_control(uc) && uc != '\n' && uc != '\t') ||
		    utext_is_bidi_control(uc) || !keep) {
			o += utext_encode(UTEXT_REPLACEMENT, out + o);
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

char *utext_sanitize_line(const char *s)
{
	char *out = utext_sanitize(s);
	for (char *p = out; p && *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return out;
}

/* ------------------------------------------------------------------ names */

/* libunistring's results are not NUL-ended: end one, or free it. */
static char *nul_ended(uint8_t *r, size_t n)
{
	if (!r)
		return NULL;
	uint8_t *p = realloc(r, n + 1);
	if (!p) {
		free(r);
		return NULL;
	}
	p[n] = '\0';
	return (char *)p;
}

char *utext_nfc(const char *s)
{
	size_t n = 0;
	uint8_t *r =
	    u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &n);
	return nul_ended(r, n);
}

char *utext_fold(const char *s)
{
	size_t n = 0;
	/* No language: a name folds the same on every machine, so the
	 * store's keys do not depend on who typed them. */
	uint8_t *r = u8_casefold((const uint8_t *)s, strlen(s), NULL,
				 UNINORM_NFC, NULL, &n);
	return nul_ended(r, n);
}

int utext_fold_equal(const char *a, const char *b)
{
	int cmp;
	if (u8_casecmp((const uint8_t *)a, strlen(a), (const uint8_t *)b,
		       strlen(b), NULL, UNINORM_NFC, &cmp) < 0)
		return -1;
	return cmp == 0;
}

int utext_fold_contains(const char *hay, const char *needle)
{
	char *h = utext_fold(hay), *n = utext_fold(needle);
	int r = h && n ? strstr(h, n) != NULL : -1;
	free(h);
	free(n);
	return r;
}

int utext_collate(const char *a, size_t la, const char *b, size_t lb)
{
	int cmp = 0;
	/* u8_casecoll converts to the locale's character set; where it
	 * cannot (LANG=C and a non-ASCII name) the bytes decide. */
	if (u8_casecoll((const uint8_t *)a, la, (const uint8_t *)b, lb, NULL,
			UNINORM_NFC, &cmp) < 0)
		cmp = 0;
	if (cmp == 0) {
		cmp = memcmp(a, b, la < lb ? la : lb);
		if (cmp == 0)
			cmp = la < lb ? -1 : la > lb;
	}
	return cmp < 0 ? -1 : cmp > 0;
}

int utext_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}
