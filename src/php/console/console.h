/* Messenger\Console: the operator's commands. Includes the messenger area. */
#ifndef PHP_MESSENGER_CONSOLE_H
#define PHP_MESSENGER_CONSOLE_H

#include "php/messenger/messenger.h"

void php_messenger_register_console(void);

#endif
