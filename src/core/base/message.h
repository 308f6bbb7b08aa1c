/* The encoded message of the core: a body (bytes), ordered string headers and, once a
 * transport has it, the transport's id for it. What a serializer (binding) makes of an Envelope
 * and what a core transport moves; a core transport never sees anything else.
 *
 * Ownership: a message handed to a core transport to send only lends its pointers; a message a
 * core transport returns owns them all and is given back with msgr_message_free(). */
#ifndef MSGR_MESSAGE_H
#define MSGR_MESSAGE_H

#include <stddef.h>

typedef struct msgr_header {
	char *name;
	size_t name_len;
	char *value;
	size_t value_len;
} msgr_header_t;

typedef struct msgr_message {
	char *body;
	size_t body_len;
	msgr_header_t *headers;
	size_t header_count;
	char *id;            /* the transport's id, NUL-terminated; NULL when it has none */
	long long delay_ms;  /* to send: due this many ms from now (0: at once) */
	char *problem;       /* received: why the entry could not be read (the body then holds its
	                      * raw bytes, for the failure transport); NULL when it could */
} msgr_message_t;

/* Frees what a received message owns and zeroes it. */
void msgr_message_free(msgr_message_t *m);
/* Frees count received messages and the array. */
void msgr_messages_free(msgr_message_t *list, size_t count);

#endif
