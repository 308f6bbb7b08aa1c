/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 169773f400dfb64638c78bd7703a9ebc2b401143 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport___construct, 0, 0, 1)
	ZEND_ARG_OBJ_TYPE_MASK(0, connection, PDO, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, serializer, Messenger\\Serializer\\SerializerInterface, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_send, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_sendAll, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, envelopes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_DoctrineTransport_get, 0, 0, Traversable, MAY_BE_ARRAY)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_DoctrineTransport_getFromQueues, 0, 1, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO(0, queueNames, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_DoctrineTransport_reject arginfo_class_Messenger_Transport_DoctrineTransport_ack

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_keepalive, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, seconds, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_getMessageCount, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_DoctrineTransport_all, 0, 0, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_find, 0, 1, Messenger\\Envelope, 1)
	ZEND_ARG_TYPE_INFO(0, id, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_DoctrineTransport_setup, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Transport_DoctrineTransport, __construct);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, send);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, sendAll);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, get);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, getFromQueues);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, ack);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, reject);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, keepalive);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, getMessageCount);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, all);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, find);
ZEND_METHOD(Messenger_Transport_DoctrineTransport, setup);


static const zend_function_entry class_Messenger_Transport_DoctrineTransport_methods[] = {
	ZEND_ME(Messenger_Transport_DoctrineTransport, __construct, arginfo_class_Messenger_Transport_DoctrineTransport___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, send, arginfo_class_Messenger_Transport_DoctrineTransport_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, sendAll, arginfo_class_Messenger_Transport_DoctrineTransport_sendAll, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, get, arginfo_class_Messenger_Transport_DoctrineTransport_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, getFromQueues, arginfo_class_Messenger_Transport_DoctrineTransport_getFromQueues, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, ack, arginfo_class_Messenger_Transport_DoctrineTransport_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, reject, arginfo_class_Messenger_Transport_DoctrineTransport_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, keepalive, arginfo_class_Messenger_Transport_DoctrineTransport_keepalive, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, getMessageCount, arginfo_class_Messenger_Transport_DoctrineTransport_getMessageCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, all, arginfo_class_Messenger_Transport_DoctrineTransport_all, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, find, arginfo_class_Messenger_Transport_DoctrineTransport_find, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_DoctrineTransport, setup, arginfo_class_Messenger_Transport_DoctrineTransport_setup, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_DoctrineTransport(zend_class_entry *class_entry_Messenger_Transport_TransportInterface, zend_class_entry *class_entry_Messenger_Transport_BatchSenderInterface, zend_class_entry *class_entry_Messenger_Transport_MessageCountAwareInterface, zend_class_entry *class_entry_Messenger_Transport_ListableReceiverInterface, zend_class_entry *class_entry_Messenger_Transport_SetupableTransportInterface, zend_class_entry *class_entry_Messenger_Transport_QueueReceiverInterface, zend_class_entry *class_entry_Messenger_Transport_KeepaliveReceiverInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "DoctrineTransport", class_Messenger_Transport_DoctrineTransport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 7, class_entry_Messenger_Transport_TransportInterface, class_entry_Messenger_Transport_BatchSenderInterface, class_entry_Messenger_Transport_MessageCountAwareInterface, class_entry_Messenger_Transport_ListableReceiverInterface, class_entry_Messenger_Transport_SetupableTransportInterface, class_entry_Messenger_Transport_QueueReceiverInterface, class_entry_Messenger_Transport_KeepaliveReceiverInterface);

	return class_entry;
}
