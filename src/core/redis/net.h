/* A client connection to a server: TCP (IPv4 or IPv6), a unix socket, or TLS over TCP
 * (OpenSSL), with a connect timeout and a timeout on every read and write. Bytes in, bytes out:
 * the protocol is the caller's. */
#ifndef MSGR_NET_H
#define MSGR_NET_H

#include "core/base/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct msgr_tls {
	bool enabled;
	const char *cacert;   /* CA file to check the server with; NULL (and no capath): the system's */
	const char *capath;   /* a directory of CA certificates (hashed names), or NULL */
	const char *cert;     /* client certificate (chain) file, or NULL */
	const char *key;      /* its private key file, or NULL */
	bool verify_peer;     /* check the server's certificate chain */
	bool verify_name;     /* and that it is for the name (peer_name, else the host) */
	const char *peer_name; /* the name to check and send (SNI); NULL: the host */
} msgr_tls_t;

typedef struct msgr_net msgr_net_t;

/* socket_path set: a unix socket, else host:port. MSGR_ERR_IO with the reason (never a secret).
 * A timeout of 0 is none (wait as long as it takes). */
int msgr_net_connect(msgr_net_t **out, const char *host, int port, const char *socket_path, const msgr_tls_t *tls,
	double connect_timeout, double io_timeout, msgr_error_t *err);

/* Writes all of data. */
int msgr_net_write(msgr_net_t *n, const char *data, size_t len, msgr_error_t *err);

/* Reads what is there (waiting for at least a byte): the count, or -1 with err (a closed
 * connection is an error too). */
ssize_t msgr_net_read(msgr_net_t *n, char *buf, size_t size, msgr_error_t *err);

/* Waits up to 100 us for something to read by polling before a read blocks: a thread that
 * blocks is woken well after the bytes arrive (about 50 us on a loaded 2-core machine, more
 * than a round trip on the loopback), so this makes a request/response 2-3 times faster.
 * Never on a single CPU, where it would keep the server from running. */
void msgr_net_await(msgr_net_t *n);

/* Whether an idle connection is still usable: the server has not closed it and sent nothing
 * unasked. No round trip. */
bool msgr_net_idle_ok(msgr_net_t *n);

void msgr_net_close(msgr_net_t *n);
/* Frees a connection this process inherited (fork()) without a word on it: the socket is shared
 * with the parent, whose TLS session must go on. */
void msgr_net_forget(msgr_net_t *n);

#endif
