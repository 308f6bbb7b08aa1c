#include "core/base/message.h"
#include "core/base/alloc.h"

#include <string.h>

void msgr_message_free(msgr_message_t *m)
{
	if (!m) {
		return;
	}
	msgr_free(m->body);
	for (size_t i = 0; i < m->header_count; i++) {
		msgr_free(m->headers[i].name);
		msgr_free(m->headers[i].value);
	}
	msgr_free(m->headers);
	msgr_free(m->id);
	msgr_free(m->problem);
	memset(m, 0, sizeof(*m));
}

void msgr_messages_free(msgr_message_t *list, size_t count)
{
	for (size_t i = 0; list && i < count; i++) {
		msgr_message_free(&list[i]);
	}
	msgr_free(list);
}
