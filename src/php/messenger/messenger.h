/* Messenger\Messenger: the configuration made into buses, transports and workers. Includes the
 * worker area. */
#ifndef PHP_MESSENGER_MESSENGER_H
#define PHP_MESSENGER_MESSENGER_H

#include "php/worker/worker.h"

void php_messenger_register_messenger(void);

extern zend_class_entry *php_messenger_ce_Messenger;

/* ---- messenger (messenger/messenger.c), for the console ---- */
/* A configured transport's handle (borrowed), or NULL. */
struct php_messenger_transport;
struct php_messenger_transport *php_messenger_messenger_transport(zend_object *messenger, zend_string *name);
/* The failure transport of a transport (its own, else the global one), or NULL. */
zend_string *php_messenger_messenger_failure(zend_object *messenger, zend_string *transport);
/* The transports of a Messenger, in configuration order (borrowed table of name => handle). */
HashTable *php_messenger_messenger_transports(zend_object *messenger);
/* name => Bus */
HashTable *php_messenger_messenger_buses(zend_object *messenger);
/* The absolute folder relative paths resolve against (borrowed). */
zend_string *php_messenger_messenger_project_dir(zend_object *messenger);

#endif
