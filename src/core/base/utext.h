/* utext.h - Unicode text as people read it, over libunistring.
 *
 * Every place that measures, cuts, wraps, compares or cleans user text
 * goes through this module, so the TUI, the reports and the store agree
 * on what a character is:
 *
 *  - display width: a character takes the cells libunistring's uc_width
 *    gives it (combining marks, joiners and variation selectors 0, East
 *    Asian wide 2); a control character takes two (shown as ^X) and a
 *    bidi embedding/override/isolate control one (shown as a stand-in),
 *    because neither is ever written to a terminal raw;
 *  - grapheme clusters: the cursor, Backspace and word wrap move by what
 *    a reader sees as one character (e + U+0301, a Devanagari conjunct,
 *    an emoji ZWJ sequence), never splitting one;
 *  - names: NFC-normalised for storage, case-folded for comparing
 *    (ZOË MÜLLER and zoë müller are one name in every script), sorted by
 *    the user's locale.
 *
 * Stored text is UTF-8 whatever the locale; decoding here does not depend
 * on LC_CTYPE.  A byte that does not decode is U+FFFD.
 */
#ifndef OWNIT_CORE_UTEXT_H
#define OWNIT_CORE_UTEXT_H

#include <stddef.h>
#include <stdint.h>

/* The stand-in shown for a character that is not printed raw. */
#define UTEXT_REPLACEMENT 0xFFFDu

/* ------------------------------------------------------------ characters */

/* Decodes one character of s (len bytes left, len >= 1) into *uc;
 * returns the bytes used (at least 1; an invalid byte is U+FFFD). */
size_t utext_decode(const char *s, size_t len, uint32_t *uc);

/* 1 when the len bytes of s are well-formed UTF-8 (no overlong forms,
 * surrogates or code points past U+10FFFF), else 0. */
int utext_valid(const char *s, size_t len);

/* Encodes uc as UTF-8 into buf (at least 4 bytes); returns the bytes. */
size_t utext_encode(uint32_t uc, char *buf);

/* 1 for C0 and C1 controls and DEL: shown as ^X, two cells. */
int utext_is_control(uint32_t uc);

/* 1 for the bidi controls that reorder what follows them (LRE, RLE,
 * PDF, LRO, RLO, LRI, RLI, FSI, PDI, and the marks LRM, RLM, ALM): a
 * name or note could otherwise make the text after it read backwards. */
int utext_is_bidi_control(uint32_t uc);

/* 1 when uc has a glyph of its own or is a mark joining one: what is
 * not (unassigned, a non-character) is shown as UTEXT_REPLACEMENT. */
int utext_is_printable(uint32_t uc);

/* Cells a character takes on screen, as described at the top. */
int utext_cells(uint32_t uc);

/* Cells UTF-8 text takes on screen. */
int utext_width(const char *s);

/* ------------------------------------------------------ grapheme clusters */

/* In the len characters of s, the start of the cluster after the one at
 * i (len at the end), and the start of the cluster before i (0 at the
 * start). */
size_t utext_cluster_next(const uint32_t *s, size_t len, size_t i);
size_t utext_cluster_prev(const uint32_t *s, size_t len, size_t i);

/* The same over UTF-8 bytes: the byte offset where the cluster at byte i
 * ends. */
size_t utext_cluster_next_u8(const char *s, size_t len, size_t i);

/* ------------------------------------------------------------------- wrap */

/* The first row of s at width cells: returns how many bytes it shows and
 * sets *next to the start of the following row (blanks at the break and
 * the newline included).  Rows break after the last blank that fits, or
 * between clusters of a word longer than the row; a newline always ends
 * a row.  *next == 0 only for "". */
size_t utext_row(const char *s, int width, size_t *next);

/* Rows text needs at width (at least 1). */
int utext_rows(const char *text, int width);

/* -------------------------------------------------------------- sanitise */

/* A malloc'd copy of s safe to print on a terminal or in a plain-text
 * report: controls other than \n and \t become U+FFFD, bidi controls
 * become U+FFFD, invalid bytes become U+FFFD.  NULL when out of memory. */
char *utext_sanitize(const char *s);

/* As utext_sanitize, with line breaks and tabs as spaces: one line of a
 * message that may quote a file's own bytes. */
char *utext_sanitize_line(const char *s);

/* ------------------------------------------------------------------ names */

/* s in Unicode NFC (malloc'd), NULL when out of memory. */
char *utext_nfc(const char *s);

/* s case-folded and NFC-normalised (malloc'd): the key two names are
 * compared by.  NULL when out of memory. */
char *utext_fold(const char *s);

/* 1 when a and b are the same name ignoring case in any script, 0 when
 * not, -1 when out of memory. */
int utext_fold_equal(const char *a, const char *b);

/* 1 when needle occurs in hay ignoring case (an empty needle always
 * does), 0 when not, -1 when out of memory.  The `/` filter of lists. */
int utext_fold_contains(const char *hay, const char *needle);

/* Compares a and b (la, lb bytes, not necessarily NUL-ended) in the
 * order of the user's locale (LC_COLLATE), case-insensitively first and
 * by bytes last so that distinct strings never compare equal. */
int utext_collate(const char *a, size_t la, const char *b, size_t lb);

/* 1 when the locale's character set (LC_CTYPE) is UTF-8: only then can
 * a terminal type or show anything beyond ASCII. */
int utext_locale_is_utf8(void);

#endif
