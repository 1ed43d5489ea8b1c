/* confirm.h - a typed confirmation before what cannot be undone.
 *
 * Deleting a person or a session wipes it (the database overwrites what
 * it deletes), so a key that could slip is not enough: the word "delete"
 * is typed, in a prompt over the screen that asked. */
#ifndef OWNIT_UI_CONFIRM_H
#define OWNIT_UI_CONFIRM_H

#include "ui/prompt.h"

/* A prompt titled title with hint under it, that accepts Enter only once
 * "delete" is typed and then calls del(ud, app, r) (the prompt_saving
 * contract: 0 closes it).  out must outlive it; NULL when out of memory
 * (pushing NULL is harmless). */
struct screen *confirm_delete_new(const char *title, const char *hint,
				  prompt_save_fn del, void *ud,
				  struct prompt_result *out);

#endif
