/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0dff72f2d9320233c5e5f9744c1621a1fc316ff3 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, dsn, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, serializer, Messenger\\Serializer\\SerializerInterface, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_send, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_sendAll, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, envelopes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_RedisTransport_get, 0, 0, Traversable, MAY_BE_ARRAY)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_RedisTransport_reject arginfo_class_Messenger_Transport_RedisTransport_ack

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_keepalive, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, seconds, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_getMessageCount, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_RedisTransport_all, 0, 0, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_find, 0, 1, Messenger\\Envelope, 1)
	ZEND_ARG_TYPE_INFO(0, id, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_RedisTransport_setup, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Transport_RedisTransport, __construct);
ZEND_METHOD(Messenger_Transport_RedisTransport, send);
ZEND_METHOD(Messenger_Transport_RedisTransport, sendAll);
ZEND_METHOD(Messenger_Transport_RedisTransport, get);
ZEND_METHOD(Messenger_Transport_RedisTransport, ack);
ZEND_METHOD(Messenger_Transport_RedisTransport, reject);
ZEND_METHOD(Messenger_Transport_RedisTransport, keepalive);
ZEND_METHOD(Messenger_Transport_RedisTransport, getMessageCount);
ZEND_METHOD(Messenger_Transport_RedisTransport, all);
ZEND_METHOD(Messenger_Transport_RedisTransport, find);
ZEND_METHOD(Messenger_Transport_RedisTransport, setup);


static const zend_function_entry class_Messenger_Transport_RedisTransport_methods[] = {
	ZEND_ME(Messenger_Transport_RedisTransport, __construct, arginfo_class_Messenger_Transport_RedisTransport___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, send, arginfo_class_Messenger_Transport_RedisTransport_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, sendAll, arginfo_class_Messenger_Transport_RedisTransport_sendAll, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, get, arginfo_class_Messenger_Transport_RedisTransport_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, ack, arginfo_class_Messenger_Transport_RedisTransport_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, reject, arginfo_class_Messenger_Transport_RedisTransport_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, keepalive, arginfo_class_Messenger_Transport_RedisTransport_keepalive, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, getMessageCount, arginfo_class_Messenger_Transport_RedisTransport_getMessageCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, all, arginfo_class_Messenger_Transport_RedisTransport_all, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, find, arginfo_class_Messenger_Transport_RedisTransport_find, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_RedisTransport, setup, arginfo_class_Messenger_Transport_RedisTransport_setup, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_RedisTransport(zend_class_entry *class_entry_Messenger_Transport_TransportInterface, zend_class_entry *class_entry_Messenger_Transport_BatchSenderInterface, zend_class_entry *class_entry_Messenger_Transport_MessageCountAwareInterface, zend_class_entry *class_entry_Messenger_Transport_ListableReceiverInterface, zend_class_entry *class_entry_Messenger_Transport_SetupableTransportInterface, zend_class_entry *class_entry_Messenger_Transport_KeepaliveReceiverInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "RedisTransport", class_Messenger_Transport_RedisTransport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 6, class_entry_Messenger_Transport_TransportInterface, class_entry_Messenger_Transport_BatchSenderInterface, class_entry_Messenger_Transport_MessageCountAwareInterface, class_entry_Messenger_Transport_ListableReceiverInterface, class_entry_Messenger_Transport_SetupableTransportInterface, class_entry_Messenger_Transport_KeepaliveReceiverInterface);

	return class_entry;
}
