/* prompt.h - a box of one-line text fields over the screen below.
 *
 * Used for every short answer of a session: a note on a statement, "what
 * got in the way?", a new due date, the ladder's situation and answers,
 * the commitment form.  The prompt writes what was typed into a result
 * owned by the screen that opened it; that screen reads it back in its
 * `enter` op, which the loop calls when the prompt closes.  So no screen
 * calls another, and the text survives a resize (it lives in the prompt,
 * not in the terminal).
 *
 * Its fields are the TUI's one text field (ui/fields.h), so they edit,
 * paste and keep text exactly as the forms do; a check function can
 * refuse Enter with a message (a due date that does not parse) while the
 * box stays open.
 *
 * A screen whose answer must reach the store gives the prompt a save
 * function (prompt_saving): then Enter saves, and when the store fails
 * (a full disk) the box stays open with the text as typed, and the next
 * Enter tries again; nothing typed is thrown away by a failed write. */
#ifndef OWNIT_UI_PROMPT_H
#define OWNIT_UI_PROMPT_H

#include <stddef.h>

#include "ui/screen.h"

#define PROMPT_FIELDS_MAX 4
/* Longest text a field takes, in characters. */
#define PROMPT_TEXT_MAX 1000

struct prompt_result {
	int done;  /* 1 once the user pressed Enter; 0 on Esc */
	int tag;   /* the caller's own, e.g. which question was asked */
	/* UTF-8: as given when left untouched, else blanks trimmed */
	char *text[PROMPT_FIELDS_MAX];
};

/* Refuses Enter when it returns non-zero after writing why into msg
 * (the field to fix in *field).  NULL accepts everything. */
typedef int (*prompt_check_fn)(char *const *texts, int *field, char *msg,
			       size_t msgsz);

/* Opens a prompt with n fields (1..PROMPT_FIELDS_MAX) named by labels,
 * prefilled from initial (NULL, or n strings, NULL entries for none).
 * hint is a dimmed line under the fields (NULL for none).  out is
 * cleared now and filled on Enter; it must outlive the prompt. */
struct screen *prompt_new(const char *title, const char *hint, int n,
			  const char *const *labels,
			  const char *const *initial, prompt_check_fn check,
			  struct prompt_result *out);

/* Saves an accepted answer (r filled, r->done 1) for the screen that
 * opened the prompt (ud): 0 once saved, and the prompt closes; non-zero
 * after app_status(app, 1, ...) said why it was not, and the prompt stays
 * open with the text as typed for Enter to try again. */
typedef int (*prompt_save_fn)(void *ud, struct app *app,
			      const struct prompt_result *r);

/* Has the prompt s (from prompt_new; NULL passes through) save through
 * save(ud, ...) on Enter.  Returns s.  The result still reaches out, so
 * the opener's `enter` sees done 1 after a save and 0 after Esc. */
struct screen *prompt_saving(struct screen *s, prompt_save_fn save,
			     void *ud);

/* Frees the texts of a result and zeroes it (done 0, tag kept). */
void prompt_result_clear(struct prompt_result *r);

#endif
