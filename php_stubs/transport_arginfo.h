/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d453fb1b5c8297a899e9f1ae4660878518e86137 */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_SenderInterface_send, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_ReceiverInterface_get, 0, 0, Traversable, MAY_BE_ARRAY)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_ReceiverInterface_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_ReceiverInterface_reject arginfo_class_Messenger_Transport_ReceiverInterface_ack

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_MessageCountAwareInterface_getMessageCount, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_ListableReceiverInterface_all, 0, 0, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_ListableReceiverInterface_find, 0, 1, Messenger\\Envelope, 1)
	ZEND_ARG_TYPE_INFO(0, id, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_SetupableTransportInterface_setup, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_QueueReceiverInterface_getFromQueues, 0, 1, Traversable, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO(0, queueNames, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_KeepaliveReceiverInterface_keepalive, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, seconds, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_BatchSenderInterface_sendAll, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, envelopes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_InMemoryTransport___construct, 0, 0, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, serializer, Messenger\\Serializer\\SerializerInterface, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_InMemoryTransport_send arginfo_class_Messenger_Transport_SenderInterface_send

#define arginfo_class_Messenger_Transport_InMemoryTransport_sendAll arginfo_class_Messenger_Transport_BatchSenderInterface_sendAll

#define arginfo_class_Messenger_Transport_InMemoryTransport_get arginfo_class_Messenger_Transport_ReceiverInterface_get

#define arginfo_class_Messenger_Transport_InMemoryTransport_ack arginfo_class_Messenger_Transport_ReceiverInterface_ack

#define arginfo_class_Messenger_Transport_InMemoryTransport_reject arginfo_class_Messenger_Transport_ReceiverInterface_ack

#define arginfo_class_Messenger_Transport_InMemoryTransport_getMessageCount arginfo_class_Messenger_Transport_MessageCountAwareInterface_getMessageCount

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_InMemoryTransport_getSent, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_InMemoryTransport_getAcknowledged arginfo_class_Messenger_Transport_InMemoryTransport_getSent

#define arginfo_class_Messenger_Transport_InMemoryTransport_getRejected arginfo_class_Messenger_Transport_InMemoryTransport_getSent

#define arginfo_class_Messenger_Transport_InMemoryTransport_reset arginfo_class_Messenger_Transport_SetupableTransportInterface_setup

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_SyncTransport___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, bus, Messenger\\MessageBusInterface, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_SyncTransport_send arginfo_class_Messenger_Transport_SenderInterface_send

#define arginfo_class_Messenger_Transport_SyncTransport_get arginfo_class_Messenger_Transport_ReceiverInterface_get

#define arginfo_class_Messenger_Transport_SyncTransport_ack arginfo_class_Messenger_Transport_ReceiverInterface_ack

#define arginfo_class_Messenger_Transport_SyncTransport_reject arginfo_class_Messenger_Transport_ReceiverInterface_ack


ZEND_METHOD(Messenger_Transport_InMemoryTransport, __construct);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, send);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, sendAll);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, get);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, ack);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, reject);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, getMessageCount);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, getSent);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, getAcknowledged);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, getRejected);
ZEND_METHOD(Messenger_Transport_InMemoryTransport, reset);
ZEND_METHOD(Messenger_Transport_SyncTransport, __construct);
ZEND_METHOD(Messenger_Transport_SyncTransport, send);
ZEND_METHOD(Messenger_Transport_SyncTransport, get);
ZEND_METHOD(Messenger_Transport_SyncTransport, ack);
ZEND_METHOD(Messenger_Transport_SyncTransport, reject);


static const zend_function_entry class_Messenger_Transport_SenderInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_SenderInterface, send, arginfo_class_Messenger_Transport_SenderInterface_send, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_ReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_ReceiverInterface, get, arginfo_class_Messenger_Transport_ReceiverInterface_get, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_ReceiverInterface, ack, arginfo_class_Messenger_Transport_ReceiverInterface_ack, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_ReceiverInterface, reject, arginfo_class_Messenger_Transport_ReceiverInterface_reject, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_TransportInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_MessageCountAwareInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_MessageCountAwareInterface, getMessageCount, arginfo_class_Messenger_Transport_MessageCountAwareInterface_getMessageCount, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_ListableReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_ListableReceiverInterface, all, arginfo_class_Messenger_Transport_ListableReceiverInterface_all, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_ListableReceiverInterface, find, arginfo_class_Messenger_Transport_ListableReceiverInterface_find, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_SetupableTransportInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_SetupableTransportInterface, setup, arginfo_class_Messenger_Transport_SetupableTransportInterface_setup, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_QueueReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_QueueReceiverInterface, getFromQueues, arginfo_class_Messenger_Transport_QueueReceiverInterface_getFromQueues, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_KeepaliveReceiverInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_KeepaliveReceiverInterface, keepalive, arginfo_class_Messenger_Transport_KeepaliveReceiverInterface_keepalive, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_BatchSenderInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_BatchSenderInterface, sendAll, arginfo_class_Messenger_Transport_BatchSenderInterface_sendAll, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_InMemoryTransport_methods[] = {
	ZEND_ME(Messenger_Transport_InMemoryTransport, __construct, arginfo_class_Messenger_Transport_InMemoryTransport___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, send, arginfo_class_Messenger_Transport_InMemoryTransport_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, sendAll, arginfo_class_Messenger_Transport_InMemoryTransport_sendAll, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, get, arginfo_class_Messenger_Transport_InMemoryTransport_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, ack, arginfo_class_Messenger_Transport_InMemoryTransport_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, reject, arginfo_class_Messenger_Transport_InMemoryTransport_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, getMessageCount, arginfo_class_Messenger_Transport_InMemoryTransport_getMessageCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, getSent, arginfo_class_Messenger_Transport_InMemoryTransport_getSent, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, getAcknowledged, arginfo_class_Messenger_Transport_InMemoryTransport_getAcknowledged, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, getRejected, arginfo_class_Messenger_Transport_InMemoryTransport_getRejected, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemoryTransport, reset, arginfo_class_Messenger_Transport_InMemoryTransport_reset, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_SyncTransport_methods[] = {
	ZEND_ME(Messenger_Transport_SyncTransport, __construct, arginfo_class_Messenger_Transport_SyncTransport___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_SyncTransport, send, arginfo_class_Messenger_Transport_SyncTransport_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_SyncTransport, get, arginfo_class_Messenger_Transport_SyncTransport_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_SyncTransport, ack, arginfo_class_Messenger_Transport_SyncTransport_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_SyncTransport, reject, arginfo_class_Messenger_Transport_SyncTransport_reject, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_SenderInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "SenderInterface", class_Messenger_Transport_SenderInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_ReceiverInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "ReceiverInterface", class_Messenger_Transport_ReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_TransportInterface(zend_class_entry *class_entry_Messenger_Transport_SenderInterface, zend_class_entry *class_entry_Messenger_Transport_ReceiverInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "TransportInterface", class_Messenger_Transport_TransportInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 2, class_entry_Messenger_Transport_SenderInterface, class_entry_Messenger_Transport_ReceiverInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_MessageCountAwareInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "MessageCountAwareInterface", class_Messenger_Transport_MessageCountAwareInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_ListableReceiverInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "ListableReceiverInterface", class_Messenger_Transport_ListableReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_SetupableTransportInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "SetupableTransportInterface", class_Messenger_Transport_SetupableTransportInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_QueueReceiverInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "QueueReceiverInterface", class_Messenger_Transport_QueueReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_KeepaliveReceiverInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "KeepaliveReceiverInterface", class_Messenger_Transport_KeepaliveReceiverInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_BatchSenderInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "BatchSenderInterface", class_Messenger_Transport_BatchSenderInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_InMemoryTransport(zend_class_entry *class_entry_Messenger_Transport_TransportInterface, zend_class_entry *class_entry_Messenger_Transport_BatchSenderInterface, zend_class_entry *class_entry_Messenger_Transport_MessageCountAwareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "InMemoryTransport", class_Messenger_Transport_InMemoryTransport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 3, class_entry_Messenger_Transport_TransportInterface, class_entry_Messenger_Transport_BatchSenderInterface, class_entry_Messenger_Transport_MessageCountAwareInterface);

	zval property_sent_default_value;
	ZVAL_EMPTY_ARRAY(&property_sent_default_value);
	zend_string *property_sent_name = zend_string_init("sent", sizeof("sent") - 1, 1);
	zend_declare_typed_property(class_entry, property_sent_name, &property_sent_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_sent_name);

	zval property_acknowledged_default_value;
	ZVAL_EMPTY_ARRAY(&property_acknowledged_default_value);
	zend_string *property_acknowledged_name = zend_string_init("acknowledged", sizeof("acknowledged") - 1, 1);
	zend_declare_typed_property(class_entry, property_acknowledged_name, &property_acknowledged_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_acknowledged_name);

	zval property_rejected_default_value;
	ZVAL_EMPTY_ARRAY(&property_rejected_default_value);
	zend_string *property_rejected_name = zend_string_init("rejected", sizeof("rejected") - 1, 1);
	zend_declare_typed_property(class_entry, property_rejected_name, &property_rejected_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_rejected_name);

	zval property_queue_default_value;
	ZVAL_EMPTY_ARRAY(&property_queue_default_value);
	zend_string *property_queue_name = zend_string_init("queue", sizeof("queue") - 1, 1);
	zend_declare_typed_property(class_entry, property_queue_name, &property_queue_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_queue_name);

	zval property_availableAt_default_value;
	ZVAL_EMPTY_ARRAY(&property_availableAt_default_value);
	zend_string *property_availableAt_name = zend_string_init("availableAt", sizeof("availableAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_availableAt_name, &property_availableAt_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_availableAt_name);

	zval property_nextId_default_value;
	ZVAL_LONG(&property_nextId_default_value, 1);
	zend_string *property_nextId_name = zend_string_init("nextId", sizeof("nextId") - 1, 1);
	zend_declare_typed_property(class_entry, property_nextId_name, &property_nextId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_nextId_name);

	zend_string *property_serializer_class_Messenger_Serializer_SerializerInterface = zend_string_init("Messenger\\Serializer\\SerializerInterface", sizeof("Messenger\\Serializer\\SerializerInterface")-1, 1);
	zval property_serializer_default_value;
	ZVAL_NULL(&property_serializer_default_value);
	zend_string *property_serializer_name = zend_string_init("serializer", sizeof("serializer") - 1, 1);
	zend_declare_typed_property(class_entry, property_serializer_name, &property_serializer_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_serializer_class_Messenger_Serializer_SerializerInterface, 0, MAY_BE_NULL));
	zend_string_release(property_serializer_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_SyncTransport(zend_class_entry *class_entry_Messenger_Transport_TransportInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport", "SyncTransport", class_Messenger_Transport_SyncTransport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Transport_TransportInterface);

	zend_string *property_bus_class_Messenger_MessageBusInterface = zend_string_init("Messenger\\MessageBusInterface", sizeof("Messenger\\MessageBusInterface")-1, 1);
	zval property_bus_default_value;
	ZVAL_UNDEF(&property_bus_default_value);
	zend_string *property_bus_name = zend_string_init("bus", sizeof("bus") - 1, 1);
	zend_declare_typed_property(class_entry, property_bus_name, &property_bus_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_bus_class_Messenger_MessageBusInterface, 0, 0));
	zend_string_release(property_bus_name);

	return class_entry;
}
