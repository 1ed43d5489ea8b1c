/* confirm.c - the typed confirmation of confirm.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/confirm.h"

static int typed_delete(char *const *texts, int *field, char *msg,
			size_t msgsz)
{
	*field = 0;
	if (strcmp(texts[0], "delete") == 0)
		return 0;
	snprintf(msg, msgsz, "Type the word delete to confirm, or Esc.");
	return 1;
}

struct screen *confirm_delete_new(const char *title, const char *hint,
				  prompt_save_fn del, void *ud,
				  struct prompt_result *out)
{
	static const char *const labels[] = {"Type delete"};
	struct screen *p =
		prompt_new(title, hint, 1, labels, NULL, typed_delete, out);
	return prompt_saving(p, del, ud);
}
