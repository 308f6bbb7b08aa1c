/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5f0d520e4a29525767f0b2abbfe8a68e0bd52e07 */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_Sender_SenderInterface_send, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_Sender_BatchSenderInterface_sendAll, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, envelopes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_get, 0, 0, Traversable, MAY_BE_ARRAY)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_reject arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_ack

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_Receiver_MessageCountAwareInterface_getMessageCount, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_Receiver_ListableReceiverInterface_all, 0, 0, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_Receiver_ListableReceiverInterface_find, 0, 1, Messenger\\Envelope, 1)
	ZEND_ARG_TYPE_INFO(0, id, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_Receiver_QueueReceiverInterface_getFromQueues, 0, 1, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO(0, queueNames, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_Receiver_KeepaliveReceiverInterface_keepalive, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, seconds, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_SetupableTransportInterface_setup, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_Transport___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_Transport_fromDsn, 0, 1, Messenger\\Transport\\TransportInterface, 0)
	ZEND_ARG_TYPE_INFO(0, dsn, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, serializer, Messenger\\Transport\\Serialization\\SerializerInterface, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, connections, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Transport_Transport, __construct);
ZEND_METHOD(Messenger_Transport_Transport, fromDsn);


static const zend_function_entry class_Messenger_Transport_Sender_SenderInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Sender_SenderInterface, send, arginfo_class_Messenger_Transport_Sender_SenderInterface_send, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Sender_BatchSenderInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Sender_BatchSenderInterface, sendAll, arginfo_class_Messenger_Transport_Sender_BatchSenderInterface_sendAll, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Receiver_ReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_ReceiverInterface, get, arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_get, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_ReceiverInterface, ack, arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_ack, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_ReceiverInterface, reject, arginfo_class_Messenger_Transport_Receiver_ReceiverInterface_reject, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Receiver_MessageCountAwareInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_MessageCountAwareInterface, getMessageCount, arginfo_class_Messenger_Transport_Receiver_MessageCountAwareInterface_getMessageCount, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Receiver_ListableReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_ListableReceiverInterface, all, arginfo_class_Messenger_Transport_Receiver_ListableReceiverInterface_all, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_ListableReceiverInterface, find, arginfo_class_Messenger_Transport_Receiver_ListableReceiverInterface_find, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Receiver_QueueReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_QueueReceiverInterface, getFromQueues, arginfo_class_Messenger_Transport_Receiver_QueueReceiverInterface_getFromQueues, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Receiver_KeepaliveReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Receiver_KeepaliveReceiverInterface, keepalive, arginfo_class_Messenger_Transport_Receiver_KeepaliveReceiverInterface_keepalive, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_TransportInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_SetupableTransportInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_SetupableTransportInterface, setup, arginfo_class_Messenger_Transport_SetupableTransportInterface_setup, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Transport_methods[] = {
	ZEND_ME(Messenger_Transport_Transport, __construct, arginfo_class_Messenger_Transport_Transport___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Messenger_Transport_Transport, fromDsn, arginfo_class_Messenger_Transport_Transport_fromDsn, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_Sender_SenderInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Sender", "SenderInterface", class_Messenger_Transport_Sender_SenderInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Sender_BatchSenderInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Sender", "BatchSenderInterface", class_Messenger_Transport_Sender_BatchSenderInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Receiver_ReceiverInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Receiver", "ReceiverInterface", class_Messenger_Transport_Receiver_ReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Receiver_MessageCountAwareInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Receiver", "MessageCountAwareInterface", class_Messenger_Transport_Receiver_MessageCountAwareInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Receiver_ListableReceiverInterface(zend_class_entry *class_entry_Messenger_Transport_Receiver_ReceiverInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Receiver", "ListableReceiverInterface", class_Messenger_Transport_Receiver_ListableReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Transport_Receiver_ReceiverInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Receiver_QueueReceiverInterface(zend_class_entry *class_entry_Messenger_Transport_Receiver_ReceiverInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Receiver", "QueueReceiverInterface", class_Messenger_Transport_Receiver_QueueReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Transport_Receiver_ReceiverInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Receiver_KeepaliveReceiverInterface(zend_class_entry *class_entry_Messenger_Transport_Receiver_ReceiverInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Receiver", "KeepaliveReceiverInterface", class_Messenger_Transport_Receiver_KeepaliveReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Transport_Receiver_ReceiverInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_TransportInterface(zend_class_entry *class_entry_Messenger_Transport_Receiver_ReceiverInterface, zend_class_entry *class_entry_Messenger_Transport_Sender_SenderInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "TransportInterface", class_Messenger_Transport_TransportInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 2, class_entry_Messenger_Transport_Receiver_ReceiverInterface, class_entry_Messenger_Transport_Sender_SenderInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_SetupableTransportInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "SetupableTransportInterface", class_Messenger_Transport_SetupableTransportInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Transport(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "Transport", class_Messenger_Transport_Transport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
