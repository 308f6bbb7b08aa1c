/* What the harnesses that run inside PHP share: the embed SAPI started with this extension
 * compiled in, no php.ini and no extension of the system's (a harness loads the ones it needs),
 * and PHP's allocator off so that the sanitizers see every allocation. Include after php.h and
 * sapi/embed/php_embed.h. */
#ifndef MESSENGER_FUZZ_EMBED_H
#define MESSENGER_FUZZ_EMBED_H

#include <stdlib.h>

extern zend_module_entry messenger_module_entry;

static int startup_with_messenger(sapi_module_struct *sapi)
{
	return php_module_startup(sapi, &messenger_module_entry);
}

static void fuzz_embed_start(void)
{
	setenv("USE_ZEND_ALLOC", "0", 1);
	setenv("PHP_INI_SCAN_DIR", "", 1);
	php_embed_module.php_ini_ignore = 1;
	php_embed_module.startup = startup_with_messenger;
	if (php_embed_init(0, NULL) != SUCCESS) {
		abort();
	}
}

#endif
