#include "core/redis/net.h"
#include "core/base/alloc.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

struct msgr_net {
	int fd;
	SSL_CTX *ctx;
	SSL *ssl;
};

static long long elapsed_ns(const struct timespec *since)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long) (t.tv_sec - since->tv_sec) * 1000000000LL + (t.tv_nsec - since->tv_nsec);
}

static struct timeval tv_of(double s)
{
	struct timeval tv = { (time_t) s, (suseconds_t) ((s - (double) (time_t) s) * 1e6) };
	return tv;
}

/* The last OpenSSL error as text (never a secret: file names and reasons). */
static const char *tls_reason(char *buf, size_t size)
{
	unsigned long e = ERR_get_error();
	if (!e) {
		snprintf(buf, size, "the TLS handshake failed");
	} else {
		ERR_error_string_n(e, buf, size);
	}
	ERR_clear_error();
	return buf;
}

/* connect() with a timeout: the socket is non-blocking meanwhile, blocking after. */
static int connect_fd(int fd, const struct sockaddr *addr, socklen_t len, double timeout, msgr_error_t *err)
{
	int flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	int rc = connect(fd, addr, len);
	if (rc != 0 && errno == EINPROGRESS) {
		struct pollfd p = { fd, POLLOUT, 0 };
		int ms = timeout > 0 ? (int) (timeout * 1000) : -1;
		do {
			rc = poll(&p, 1, ms == 0 ? 1 : ms);
		} while (rc < 0 && errno == EINTR);
		if (rc == 0) {
			return msgr_error_set(err, MSGR_ERR_IO, "Connection timed out");
		}
		int so = 0;
		socklen_t so_len = sizeof(so);
		getsockopt(fd, SOL_SOCKET, SO_ERROR, &so, &so_len);
		if (so != 0) {
			errno = so;
			rc = -1;
		} else {
			rc = 0;
		}
	}
	if (rc != 0) {
		return msgr_error_set(err, MSGR_ERR_IO, "%s", strerror(errno));
	}
	fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return MSGR_OK;
}

static int open_socket(const char *host, int port, const char *socket_path, double timeout, int *out, msgr_error_t *err)
{
	*out = -1;
	if (socket_path) {
		struct sockaddr_un sa;
		memset(&sa, 0, sizeof(sa));
		sa.sun_family = AF_UNIX;
		if (strlen(socket_path) >= sizeof(sa.sun_path)) {
			return msgr_error_set(err, MSGR_ERR_IO, "the socket path is too long");
		}
		strcpy(sa.sun_path, socket_path);
		int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0) {
			return msgr_error_set(err, MSGR_ERR_IO, "%s", strerror(errno));
		}
		int rc = connect_fd(fd, (struct sockaddr *) &sa, sizeof(sa), timeout, err);
		if (rc != MSGR_OK) {
			close(fd);
			return rc;
		}
		*out = fd;
		return MSGR_OK;
	}
	char service[16];
	snprintf(service, sizeof(service), "%d", port);
	struct addrinfo hints, *list = NULL;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	int gai = getaddrinfo(host, service, &hints, &list);
	if (gai != 0) {
		return msgr_error_set(err, MSGR_ERR_IO, "cannot resolve the host: %s", gai_strerror(gai));
	}
	int rc = msgr_error_set(err, MSGR_ERR_IO, "no address to connect to");
	for (struct addrinfo *a = list; a; a = a->ai_next) {
		int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
		if (fd < 0) {
			rc = msgr_error_set(err, MSGR_ERR_IO, "%s", strerror(errno));
			continue;
		}
		if ((rc = connect_fd(fd, a->ai_addr, a->ai_addrlen, timeout, err)) == MSGR_OK) {
			int one = 1;
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
			setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
			*out = fd;
			break;
		}
		close(fd);
	}
	freeaddrinfo(list);
	return rc;
}

static int no_passphrase(char *buf, int size, int rwflag, void *data)
{
	(void) buf;
	(void) size;
	(void) rwflag;
	(void) data;
	return 0;
}

static int start_tls(msgr_net_t *n, const char *host, const msgr_tls_t *tls, msgr_error_t *err)
{
	char why[256];
	if (!(n->ctx = SSL_CTX_new(TLS_client_method()))) {
		return msgr_error_set(err, MSGR_ERR_IO, "TLS: %s", tls_reason(why, sizeof(why)));
	}
	SSL_CTX_set_min_proto_version(n->ctx, TLS1_2_VERSION);
	/* an encrypted key is refused with a clear error, never asked for on a terminal */
	SSL_CTX_set_default_passwd_cb(n->ctx, no_passphrase);
	if (tls->cacert || tls->capath ? SSL_CTX_load_verify_locations(n->ctx, tls->cacert, tls->capath) != 1 : SSL_CTX_set_default_verify_paths(n->ctx) != 1) {
		return msgr_error_set(err, MSGR_ERR_IO, "TLS: cannot load the CA file %s: %s", tls->cacert ? tls->cacert : tls->capath ? tls->capath : "(system)",
			tls_reason(why, sizeof(why)));
	}
	if (tls->cert && SSL_CTX_use_certificate_chain_file(n->ctx, tls->cert) != 1) {
		return msgr_error_set(err, MSGR_ERR_IO, "TLS: cannot load the certificate %s: %s", tls->cert, tls_reason(why, sizeof(why)));
	}
	if (tls->key && SSL_CTX_use_PrivateKey_file(n->ctx, tls->key, SSL_FILETYPE_PEM) != 1) {
		return msgr_error_set(err, MSGR_ERR_IO, "TLS: cannot load the private key %s: %s", tls->key, tls_reason(why, sizeof(why)));
	}
	SSL_CTX_set_verify(n->ctx, tls->verify_peer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, NULL);
	if (!(n->ssl = SSL_new(n->ctx)) || SSL_set_fd(n->ssl, n->fd) != 1) {
		return msgr_error_set(err, MSGR_ERR_IO, "TLS: %s", tls_reason(why, sizeof(why)));
	}
	unsigned char ip[16];
	if (tls->peer_name) {
		host = tls->peer_name;
	}
	bool is_ip = inet_pton(AF_INET, host, ip) == 1 || inet_pton(AF_INET6, host, ip) == 1;
	if (!is_ip) {
		SSL_set_tlsext_host_name(n->ssl, host);
	}
	if (tls->verify_peer && tls->verify_name) {
		X509_VERIFY_PARAM *param = SSL_get0_param(n->ssl);
		if (is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, host) != 1 : X509_VERIFY_PARAM_set1_host(param, host, 0) != 1) {
			return msgr_error_set(err, MSGR_ERR_IO, "TLS: cannot check the name %s", host);
		}
	}
	if (SSL_connect(n->ssl) != 1) {
		long verify = SSL_get_verify_result(n->ssl);
		if (verify != X509_V_OK) {
			return msgr_error_set(err, MSGR_ERR_IO, "TLS: the server's certificate is not trusted: %s", X509_verify_cert_error_string(verify));
		}
		return msgr_error_set(err, MSGR_ERR_IO, "TLS: %s", tls_reason(why, sizeof(why)));
	}
	return MSGR_OK;
}

int msgr_net_connect(msgr_net_t **out, const char *host, int port, const char *socket_path, const msgr_tls_t *tls,
	double connect_timeout, double io_timeout, msgr_error_t *err)
{
	*out = NULL;
	msgr_net_t *n = msgr_calloc(1, sizeof(*n));
	if (!n) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	int rc = open_socket(host, port, socket_path, connect_timeout, &n->fd, err);
	if (rc == MSGR_OK) {
		/* every read and write gives up after io_timeout */
		struct timeval tv = tv_of(io_timeout);
		setsockopt(n->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		setsockopt(n->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		if (tls && tls->enabled && !socket_path) {
			rc = start_tls(n, host, tls, err);
		}
	}
	if (rc != MSGR_OK) {
		msgr_net_close(n);
		return rc;
	}
	*out = n;
	return MSGR_OK;
}

static int io_error(msgr_error_t *err, const char *doing)
{
	if (errno == EAGAIN || errno == EWOULDBLOCK) {
		return msgr_error_set(err, MSGR_ERR_IO, "%s timed out", doing);
	}
	return msgr_error_set(err, MSGR_ERR_IO, "%s failed: %s", doing, strerror(errno));
}

int msgr_net_write(msgr_net_t *n, const char *data, size_t len, msgr_error_t *err)
{
	while (len) {
		ssize_t w;
		if (n->ssl) {
			errno = 0;
			int k = SSL_write(n->ssl, data, len > 0x40000000 ? 0x40000000 : (int) len);
			if (k <= 0) {
				if (SSL_get_error(n->ssl, k) == SSL_ERROR_SYSCALL && errno == EINTR) {
					continue; /* a signal (the worker's SIGTERM): the write goes on */
				}
				char why[256];
				return msgr_error_set(err, MSGR_ERR_IO, "writing failed: %s", tls_reason(why, sizeof(why)));
			}
			w = k;
		} else {
			w = send(n->fd, data, len, MSG_NOSIGNAL);
			if (w < 0) {
				if (errno == EINTR) {
					continue;
				}
				return io_error(err, "writing");
			}
		}
		data += w;
		len -= (size_t) w;
	}
	return MSGR_OK;
}

ssize_t msgr_net_read(msgr_net_t *n, char *buf, size_t size, msgr_error_t *err)
{
	for (;;) {
		ssize_t got;
		if (n->ssl) {
			errno = 0;
			int k = SSL_read(n->ssl, buf, size > 0x40000000 ? 0x40000000 : (int) size);
			if (k > 0) {
				return k;
			}
			int e = SSL_get_error(n->ssl, k);
			if (e == SSL_ERROR_SYSCALL && errno == EINTR) {
				continue; /* a signal: the read goes on */
			}
			if (e == SSL_ERROR_ZERO_RETURN) {
				msgr_error_set(err, MSGR_ERR_IO, "the server closed the connection");
			} else if (e == SSL_ERROR_SYSCALL && errno != 0) {
				io_error(err, "reading");
			} else {
				char why[256];
				msgr_error_set(err, MSGR_ERR_IO, "reading failed: %s", tls_reason(why, sizeof(why)));
			}
			return -1;
		}
		got = recv(n->fd, buf, size, 0);
		if (got > 0) {
			return got;
		}
		if (got == 0) {
			msgr_error_set(err, MSGR_ERR_IO, "the server closed the connection");
			return -1;
		}
		if (errno != EINTR) {
			io_error(err, "reading");
			return -1;
		}
	}
}

void msgr_net_await(msgr_net_t *n)
{
	static int cpus;
	if (!cpus) {
		long c = sysconf(_SC_NPROCESSORS_ONLN);
		cpus = c > 0 ? (int) c : 1;
	}
	if (cpus < 2 || (n->ssl && SSL_pending(n->ssl) > 0)) {
		return;
	}
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (int i = 0;; i++) {
		struct pollfd p = { n->fd, POLLIN, 0 };
		if (poll(&p, 1, 0) != 0) {
			return;
		}
		if ((i & 7) == 7 && elapsed_ns(&start) > 100000) {
			return;
		}
	}
}

bool msgr_net_idle_ok(msgr_net_t *n)
{
	struct pollfd p = { n->fd, POLLIN, 0 };
	if (poll(&p, 1, 0) == 0) {
		return true;
	}
	if (!n->ssl || (p.revents & (POLLHUP | POLLERR))) {
		return false;
	}
	/* TLS: the bytes may be a session ticket the server sent after the handshake; read them
	 * without waiting: nothing else may be there */
	int flags = fcntl(n->fd, F_GETFL);
	fcntl(n->fd, F_SETFL, flags | O_NONBLOCK);
	char c;
	int k = SSL_peek(n->ssl, &c, 1);
	int e = k > 0 ? SSL_ERROR_NONE : SSL_get_error(n->ssl, k);
	fcntl(n->fd, F_SETFL, flags);
	ERR_clear_error();
	return k <= 0 && e == SSL_ERROR_WANT_READ;
}

void msgr_net_close(msgr_net_t *n)
{
	if (!n) {
		return;
	}
	if (n->ssl) {
		SSL_free(n->ssl);
	}
	if (n->ctx) {
		SSL_CTX_free(n->ctx);
	}
	if (n->fd >= 0) {
		close(n->fd);
	}
	msgr_free(n);
}

void msgr_net_forget(msgr_net_t *n)
{
	if (!n) {
		return;
	}
	if (n->ssl) {
		/* no close_notify: the parent's session goes on */
		SSL_set_quiet_shutdown(n->ssl, 1);
	}
	msgr_net_close(n);
}
