#ifndef PHP_MESSENGER_H
#define PHP_MESSENGER_H

extern zend_module_entry messenger_module_entry;
#define phpext_messenger_ptr &messenger_module_entry

#define PHP_MESSENGER_VERSION "0.1.0"

#if defined(ZTS) && defined(COMPILE_DL_MESSENGER)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
