/* session.h - what the session frame and its steps share.
 *
 * The frame (session.c) draws the header and the step bar and owns one
 * sub-screen per step, each with the usual screen ops: the step draws in
 * the body rectangle the frame gives it in the context, and acts on the
 * actions of its own table.  The frame adds its own keys (Tab, Shift-Tab,
 * Esc) after the step's, so the key line and `?` help show both.  A step
 * never switches steps itself: it sets ctx->request and the frame acts on
 * it, as the loop acts on intents. */
#ifndef OWNIT_UI_SESSION_H
#define OWNIT_UI_SESSION_H

#include <stdint.h>

#include "core/content/content.h"
#include "core/store/store.h"
#include "ui/app.h"
#include "ui/screen.h"

/* Action ids at or above this belong to the frame, below to the step. */
#define SESSION_FRAME_IDS 100

enum session_request {
	SESSION_STAY,
	SESSION_NEXT,  /* on to the next step */
	SESSION_PREV,  /* back to the previous step */
	SESSION_LEAVE, /* close the session screen (it stays open) */
};

struct session_ctx {
	struct app *app;
	const struct content *content;
	int64_t session_id;
	int64_t person_id;
	char *person; /* the person's name */
	enum store_kind kind;
	int complete; /* the session is marked complete */
	int step;     /* enum store_step shown now */
	/* The body rectangle of the current step, set before each draw. */
	int top, left, rows, cols;
	int done[STORE_STEP_COUNT];    /* the step bar's marks */
	int visited[STORE_STEP_COUNT]; /* steps shown in this run */
	enum session_request request;  /* set by a step, read by the frame */
	struct store_resume resume;    /* where the session continues */
};

/* The steps, in enum store_step order. */
struct screen *followup_step_new(struct session_ctx *ctx);
struct screen *diagnostic_step_new(struct session_ctx *ctx);
struct screen *pillars_step_new(struct session_ctx *ctx);
struct screen *results_step_new(struct session_ctx *ctx);
struct screen *ladder_step_new(struct session_ctx *ctx);
struct screen *commit_step_new(struct session_ctx *ctx);
struct screen *notes_step_new(struct session_ctx *ctx);
struct screen *summary_step_new(struct session_ctx *ctx);

/* A progress bar of w cells at (y, x): done of total filled. */
void session_bar(struct app *app, int y, int x, int w, size_t done,
		 size_t total);

/* Parses a due date as typed (2026-12-05, +7d, +2w, mon..sun) into out
 * (DATES_DAY_SIZE bytes); "" gives "" when optional.  On bad input
 * returns -1 with the reason in msg. */
int session_parse_due(const char *in, int optional, char *out, char *msg,
		      size_t msgsz);

/* Shows a store or content failure on the status line. */
void session_fail(struct app *app, const struct error *err);

#endif
