/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b1ea1c79664c7b1120575b1da74138a7378b3fe2 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_Sync_SyncTransport___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, bus, Messenger\\MessageBusInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_Sync_SyncTransport_send, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_Messenger_Transport_Sync_SyncTransport_get, 0, 0, Traversable, MAY_BE_ARRAY)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_Sync_SyncTransport_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_Sync_SyncTransport_reject arginfo_class_Messenger_Transport_Sync_SyncTransport_ack


ZEND_METHOD(Messenger_Transport_Sync_SyncTransport, __construct);
ZEND_METHOD(Messenger_Transport_Sync_SyncTransport, send);
ZEND_METHOD(Messenger_Transport_Sync_SyncTransport, get);
ZEND_METHOD(Messenger_Transport_Sync_SyncTransport, ack);
ZEND_METHOD(Messenger_Transport_Sync_SyncTransport, reject);


static const zend_function_entry class_Messenger_Transport_Sync_SyncTransport_methods[] = {
	ZEND_ME(Messenger_Transport_Sync_SyncTransport, __construct, arginfo_class_Messenger_Transport_Sync_SyncTransport___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Sync_SyncTransport, send, arginfo_class_Messenger_Transport_Sync_SyncTransport_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Sync_SyncTransport, get, arginfo_class_Messenger_Transport_Sync_SyncTransport_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Sync_SyncTransport, ack, arginfo_class_Messenger_Transport_Sync_SyncTransport_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Sync_SyncTransport, reject, arginfo_class_Messenger_Transport_Sync_SyncTransport_reject, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_Sync_SyncTransport(zend_class_entry *class_entry_Messenger_Transport_TransportInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Sync", "SyncTransport", class_Messenger_Transport_Sync_SyncTransport_methods);
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
