/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b12f9786542392b581ce68eaea3126f764a8268e */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport___construct, 0, 0, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, serializer, Messenger\\Transport\\Serialization\\SerializerInterface, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_send, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_sendAll, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, envelopes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_get, 0, 0, Traversable, MAY_BE_ARRAY)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_reject arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_ack

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getMessageCount, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getSent, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getAcknowledged arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getSent

#define arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getRejected arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getSent

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_reset, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, __construct);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, send);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, sendAll);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, get);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, ack);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, reject);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, getMessageCount);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, getSent);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, getAcknowledged);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, getRejected);
ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, reset);


static const zend_function_entry class_Messenger_Transport_InMemory_InMemoryTransport_methods[] = {
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, __construct, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, send, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, sendAll, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_sendAll, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, get, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, ack, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, reject, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, getMessageCount, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getMessageCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, getSent, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getSent, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, getAcknowledged, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getAcknowledged, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, getRejected, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_getRejected, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_InMemory_InMemoryTransport, reset, arginfo_class_Messenger_Transport_InMemory_InMemoryTransport_reset, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_InMemory_InMemoryTransport(zend_class_entry *class_entry_Messenger_Transport_TransportInterface, zend_class_entry *class_entry_Messenger_Transport_Sender_BatchSenderInterface, zend_class_entry *class_entry_Messenger_Transport_Receiver_MessageCountAwareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\InMemory", "InMemoryTransport", class_Messenger_Transport_InMemory_InMemoryTransport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 3, class_entry_Messenger_Transport_TransportInterface, class_entry_Messenger_Transport_Sender_BatchSenderInterface, class_entry_Messenger_Transport_Receiver_MessageCountAwareInterface);

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

	zend_string *property_serializer_class_Messenger_Transport_Serialization_SerializerInterface = zend_string_init("Messenger\\Transport\\Serialization\\SerializerInterface", sizeof("Messenger\\Transport\\Serialization\\SerializerInterface")-1, 1);
	zval property_serializer_default_value;
	ZVAL_NULL(&property_serializer_default_value);
	zend_string *property_serializer_name = zend_string_init("serializer", sizeof("serializer") - 1, 1);
	zend_declare_typed_property(class_entry, property_serializer_name, &property_serializer_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_serializer_class_Messenger_Transport_Serialization_SerializerInterface, 0, MAY_BE_NULL));
	zend_string_release(property_serializer_name);

	return class_entry;
}
