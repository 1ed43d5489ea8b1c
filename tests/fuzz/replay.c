/* replay.c - runs a fuzz harness over a corpus without libFuzzer.
 *
 * Linked with one harness, it feeds every file of each folder given (or
 * of REPLAY_CORPUS) to LLVMFuzzerTestOneInput, so make check runs the
 * seeds under the ordinary (or sanitizer) build.  An empty or missing
 * corpus is a failure, not a pass. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, len = 0, n;
	uint8_t *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb; /* NULL ends the loop as a failure */
		}
	}
	int bad = ferror(fp) || !buf;
	fclose(fp);
	if (bad) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(buf);
		return -1;
	}
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static long replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return -1;
	}
	long n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (replay_file(path) < 0) {
			n = -1;
			break;
		}
		n++;
	}
	closedir(d);
	return n;
}

int main(int argc, char **argv)
{
#ifdef REPLAY_CORPUS
	static char *fallback[] = {NULL, (char *)REPLAY_CORPUS, NULL};
	if (argc < 2) {
		argv = fallback;
		argc = 2;
	}
#endif
	long total = 0;
	for (int i = 1; i < argc; i++) {
		long n = replay_dir(argv[i]);
		if (n <= 0) {
			fprintf(stderr, "replay: %s: no inputs replayed\n",
				argv[i]);
			return 1;
		}
		total += n;
	}
	printf("replayed %ld inputs\n", total);
	return total > 0 ? 0 : 1;
}
