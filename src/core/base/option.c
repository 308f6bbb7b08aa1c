#include "core/base/option.h"
#include "core/base/alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int msgr_option_string(char **slot, const char *value, msgr_error_t *err)
{
	char *copy = msgr_strndup(value, strlen(value));
	if (!copy) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	msgr_free(*slot);
	*slot = copy;
	return MSGR_OK;
}

int msgr_option_bool(const char *what, const char *key, const char *v, bool *out, msgr_error_t *err)
{
	if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0) {
		*out = true;
	} else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || *v == '\0') {
		*out = false;
	} else {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The %s option \"%s\" must be a boolean, \"%.40s\" given", what, key, v);
	}
	return MSGR_OK;
}

int msgr_option_integer(const char *what, const char *key, const char *v, long long min, long long *out, msgr_error_t *err)
{
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno || n < min) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The %s option \"%s\" must be an integer of at least %lld, \"%.40s\" given", what, key, min, v);
	}
	*out = n;
	return MSGR_OK;
}

int msgr_option_seconds(const char *what, const char *key, const char *v, double *out, msgr_error_t *err)
{
	char *end;
	double s = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || !(s >= 0) || s > 86400) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The %s option \"%s\" must be a number of seconds, \"%.40s\" given", what, key, v);
	}
	*out = s;
	return MSGR_OK;
}
