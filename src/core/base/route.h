/* Routing arithmetic shared by handler lookup and transport routing: the namespace wildcards a
 * class name matches, and the order of handlers by priority. */
#ifndef MSGR_ROUTE_H
#define MSGR_ROUTE_H

#include <stddef.h>

/* Called once per wildcard; a non-zero return stops the walk and is returned. */
typedef int (*msgr_route_wildcard_fn)(void *ctx, const char *pattern, size_t len);

/* Walks the namespace wildcards of a class name, innermost first:
 * "App\\Message\\Sms" gives "App\\Message\\*", then "App\\*". A class without a namespace
 * gives none. A leading backslash is ignored. */
int msgr_route_wildcards(const char *class_name, size_t len, msgr_route_wildcard_fn fn, void *ctx);

/* What a routing (or allow-list) key is: "*", a namespace wildcard ("App\\Message\\*", the
 * segments PHP identifiers, a leading backslash allowed), a class name (no "*"), or a malformed
 * wildcard ("App*", "App\\*\\Foo", "\\*"). */
typedef enum {
	MSGR_ROUTE_KEY_CLASS,
	MSGR_ROUTE_KEY_ANY,
	MSGR_ROUTE_KEY_NAMESPACE,
	MSGR_ROUTE_KEY_INVALID
} msgr_route_key_t;

msgr_route_key_t msgr_route_key_kind(const char *key, size_t len);

/* Fills order[0..n) with the indices 0..n-1 sorted by descending priority; equal priorities
 * keep their original order (stable). */
void msgr_route_order_by_priority(const int *priorities, size_t n, size_t *order);

#endif
