/* The messenger extension: module entry and MINIT. Each area registers its classes in
 * dependency order (interfaces before the classes implementing them). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"

#include "php_messenger.h"
#include "php/console/console.h"

PHP_MINIT_FUNCTION(messenger)
{
	php_messenger_register_envelope();
	php_messenger_register_stamps();
	php_messenger_register_exceptions();
	php_messenger_register_middleware();
	php_messenger_register_bus();
	php_messenger_register_acknowledger();
	php_messenger_register_handlers();
	php_messenger_register_transport();
	php_messenger_register_serializer();
	php_messenger_register_worker();
	php_messenger_register_traits();
	php_messenger_register_console();
	php_messenger_register_dashboard();
	php_messenger_register_messenger();
#ifdef MSGR_HAVE_CURL
	php_messenger_register_webhook();
#endif
	return SUCCESS;
}

PHP_MSHUTDOWN_FUNCTION(messenger)
{
	php_messenger_shutdown_transport();
	return SUCCESS;
}

PHP_RSHUTDOWN_FUNCTION(messenger)
{
	php_messenger_worker_request_shutdown();
	php_messenger_phpwire_request_shutdown();
	return SUCCESS;
}

PHP_MINFO_FUNCTION(messenger)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "messenger support", "enabled");
	php_info_print_table_row(2, "version", PHP_MESSENGER_VERSION);
	zend_string *kinds = php_messenger_transport_kinds();
	php_info_print_table_row(2, "transports", ZSTR_VAL(kinds));
	zend_string_release(kinds);
	php_info_print_table_end();
}

static const zend_module_dep messenger_deps[] = {
	ZEND_MOD_REQUIRED("date")
	ZEND_MOD_REQUIRED("json")
	/* loaded before us when present: their request shutdown comes after ours, which may still
	 * use a connection (a batch given back after a fatal error in a handler) */
	ZEND_MOD_OPTIONAL("pdo")
	ZEND_MOD_OPTIONAL("pdo_sqlite")
	ZEND_MOD_OPTIONAL("pdo_pgsql")
	ZEND_MOD_OPTIONAL("pdo_mysql")
	ZEND_MOD_END
};

zend_module_entry messenger_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	messenger_deps,
	"messenger",
	NULL,
	PHP_MINIT(messenger),
	PHP_MSHUTDOWN(messenger),
	NULL,
	PHP_RSHUTDOWN(messenger),
	PHP_MINFO(messenger),
	PHP_MESSENGER_VERSION,
	STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_MESSENGER
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(messenger)
#endif
