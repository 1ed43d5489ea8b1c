/* fixture.c - helpers shared by the content and csvfile tests. */
#include "config.h"

#include "fixture.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *fixture_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	long n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	char *buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	buf[n] = '\0';
	if (len)
		*len = (size_t)n;
	return buf;
}

char *fixture_tmpdir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = NULL;
	ck_assert_int_ge(asprintf(&dir, "%s/ownit-unit.XXXXXX",
				  tmp && tmp[0] ? tmp : "/tmp"),
			 0);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

void fixture_rmdir(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = NULL;
		ck_assert_int_ge(asprintf(&p, "%s/%s", dir, e->d_name), 0);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	free(dir);
}

void fixture_write(const char *dir, const char *name, const void *data,
		   size_t len)
{
	char *p = NULL;
	ck_assert_int_ge(asprintf(&p, "%s/%s", dir, name), 0);
	FILE *fp = fopen(p, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
	free(p);
}

struct content *fixture_load_with(const char *name, const char *text,
				  struct content_diags *d, struct error *e)
{
	const char *names[16] = {0};
	const char *data[16] = {0};
	size_t len[16] = {0};
	char *own[16];
	size_t n = 0;
	for (size_t i = 0; content_files[i]; i++) {
		own[i] = NULL;
		if (strcmp(content_files[i], name) == 0) {
			if (!text)
				continue;
			data[n] = text;
			len[n] = strlen(text);
		} else {
			char *p = NULL;
			ck_assert_int_ge(asprintf(&p, "%s/%s", SHIPPED,
						  content_files[i]),
					 0);
			own[i] = fixture_read(p, &len[n]);
			data[n] = own[i];
			free(p);
		}
		names[n++] = content_files[i];
	}
	struct content *c = content_load_mem(names, data, len, n, d, e);
	for (size_t i = 0; content_files[i]; i++)
		free(own[i]);
	return c;
}

char *fixture_edit_line(const char *name, int line, const char *with)
{
	char *p = NULL;
	ck_assert_int_ge(asprintf(&p, "%s/%s", SHIPPED, name), 0);
	char *src = fixture_read(p, NULL);
	free(p);
	size_t cap = strlen(src) + (with ? strlen(with) : 0) + 2;
	char *out = malloc(cap);
	ck_assert_ptr_nonnull(out);
	out[0] = '\0';
	int n = 1;
	for (char *s = src; *s;) {
		char *nl = strchr(s, '\n');
		size_t l = nl ? (size_t)(nl - s) + 1 : strlen(s);
		if (n != line)
			strncat(out, s, l);
		else if (with) {
			strcat(out, with);
			strcat(out, "\n");
		}
		s += l;
		n++;
	}
	free(src);
	return out;
}

char *fixture_append(const char *name, const char *add)
{
	char *p = NULL;
	ck_assert_int_ge(asprintf(&p, "%s/%s", SHIPPED, name), 0);
	char *src = fixture_read(p, NULL);
	free(p);
	char *out = NULL;
	ck_assert_int_ge(asprintf(&out, "%s%s", src, add), 0);
	free(src);
	return out;
}

char *fixture_replace(const char *name, const char *from, const char *to)
{
	char *p = NULL;
	ck_assert_int_ge(asprintf(&p, "%s/%s", SHIPPED, name), 0);
	char *src = fixture_read(p, NULL);
	free(p);
	char *at = strstr(src, from);
	ck_assert_msg(at != NULL, "%s not in %s", from, name);
	char *out = NULL;
	*at = '\0';
	ck_assert_int_ge(asprintf(&out, "%s%s%s", src, to, at + strlen(from)),
			 0);
	free(src);
	return out;
}
