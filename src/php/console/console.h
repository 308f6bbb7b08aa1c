/* Messenger\Console: the operator's commands. Includes the messenger area. */
#ifndef PHP_MESSENGER_CONSOLE_H
#define PHP_MESSENGER_CONSOLE_H

#include "php/messenger/messenger.h"

void php_messenger_register_console(void);
void php_messenger_register_dashboard(void);
extern zend_class_entry *php_messenger_ce_Dashboard;
/* a failed message's id (its TransportMessageIdStamp's, or "-") and when it last failed (its
 * RedeliveryStamp's time in a DateTime format, or "-") */
zend_string *php_messenger_console_id_text(zend_object *envelope);
zend_string *php_messenger_console_failed_at(zend_object *envelope, const char *format);
/* where workers started by messenger:consume report themselves to the dashboard */
zend_string *php_messenger_console_status_dir(zend_object *messenger);
/* messenger:dashboard: serves until SIGINT or SIGTERM; the exit code */
int php_messenger_console_dashboard(zend_object *messenger, const char *listen, const char *token, const char *path);

#endif
