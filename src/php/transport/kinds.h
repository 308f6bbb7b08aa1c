/* The registry of native transports: one line per kind, each defined in its own folder as
 * php_messenger_transport_kind_<name>. Included by transport.c only. */
PHP_MESSENGER_TRANSPORT_KIND(in_memory)
PHP_MESSENGER_TRANSPORT_KIND(sync)
PHP_MESSENGER_TRANSPORT_KIND(doctrine)
#ifdef MSGR_HAVE_REDIS
PHP_MESSENGER_TRANSPORT_KIND(redis)
#endif
#ifdef MSGR_HAVE_AMQP
PHP_MESSENGER_TRANSPORT_KIND(amqp)
#endif
