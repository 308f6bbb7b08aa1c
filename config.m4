dnl config.m4 for the messenger extension

PHP_ARG_ENABLE([messenger],
  [whether to enable messenger support],
  [AS_HELP_STRING([--enable-messenger], [Enable the messenger message bus])],
  [no])

PHP_ARG_ENABLE([messenger-dev],
  [whether to build messenger in developer mode],
  [AS_HELP_STRING([--enable-messenger-dev], [messenger: warnings are errors (-Wall -Wextra -Werror)])],
  [no], [no])

PHP_ARG_WITH([messenger-redis],
  [whether messenger has the Redis transport (hiredis, OpenSSL)],
  [AS_HELP_STRING([--without-messenger-redis], [messenger: build without the Redis transport])],
  [yes], [no])

PHP_ARG_WITH([messenger-amqp],
  [whether messenger may use librabbitmq],
  [AS_HELP_STRING([--without-messenger-amqp], [messenger: build without librabbitmq])],
  [auto], [no])

PHP_ARG_WITH([messenger-curl],
  [whether messenger may use libcurl],
  [AS_HELP_STRING([--without-messenger-curl], [messenger: build without libcurl])],
  [auto], [no])

dnl The sources, one list per part; scripts/check-build-lists.sh checks config.w32 builds the same.
MESSENGER_CORE="src/core/base/alloc.c src/core/base/args.c src/core/base/buf.c src/core/base/dsn.c src/core/base/error.c src/core/base/message.c src/core/base/option.c src/core/base/pool.c src/core/base/prefetch.c src/core/base/rate.c src/core/base/retry.c src/core/base/route.c src/core/base/tick.c src/core/base/utf8.c src/core/codec/json.c src/core/codec/phpser.c src/core/table/table.c src/core/http/server.c src/core/metrics/metrics.c"
MESSENGER_CORE_REDIS="src/core/redis/net.c src/core/redis/redis.c src/core/redis/topology.c"
MESSENGER_CORE_AMQP="src/core/amqp/amqp.c src/core/amqp/options.c src/core/amqp/topology.c"
MESSENGER_BINDING_AMQP="src/php/transport/amqp/amqp.c"
MESSENGER_BINDING="src/php_messenger.c src/php/base/exceptions.c src/php/base/util.c src/php/bus/envelope.c src/php/bus/stamps.c src/php/bus/middleware.c src/php/bus/bus.c src/php/bus/handlers.c src/php/bus/traits.c src/php/bus/acknowledger.c src/php/bus/failures.c src/php/bus/events.c src/php/serialization/serializer.c src/php/serialization/json.c src/php/serialization/phpwire.c src/php/transport/transport.c src/php/transport/adapter.c src/php/transport/in_memory.c src/php/transport/sync.c src/php/transport/send.c src/php/transport/doctrine/doctrine.c src/php/worker/worker.c src/php/worker/retry.c src/php/worker/observe.c src/php/messenger/messenger.c src/php/console/console.c src/php/console/dashboard.c"
MESSENGER_BINDING_REDIS="src/php/transport/redis/redis.c"
MESSENGER_CORE_CURL="src/core/http/http.c src/core/http/webhook.c"
MESSENGER_BINDING_CURL="src/php/worker/webhook/webhook.c"

if test "$PHP_MESSENGER" != "no"; then
  PKG_PROG_PKG_CONFIG
  MESSENGER_SOURCES="$MESSENGER_CORE $MESSENGER_BINDING"
  MESSENGER_DEFS=""

  if test "$PHP_MESSENGER_REDIS" != "no"; then
    PKG_CHECK_MODULES([HIREDIS], [hiredis >= 0.14], [],
      [AC_MSG_ERROR([messenger: hiredis not found (Debian: libhiredis-dev); or configure --without-messenger-redis])])
    PHP_EVAL_INCLINE([$HIREDIS_CFLAGS])
    PHP_EVAL_LIBLINE([$HIREDIS_LIBS], [MESSENGER_SHARED_LIBADD])
    PKG_CHECK_MODULES([OPENSSL], [openssl >= 1.1.1], [],
      [AC_MSG_ERROR([messenger: OpenSSL not found (Debian: libssl-dev); or configure --without-messenger-redis])])
    PHP_EVAL_INCLINE([$OPENSSL_CFLAGS])
    PHP_EVAL_LIBLINE([$OPENSSL_LIBS], [MESSENGER_SHARED_LIBADD])
    MESSENGER_SOURCES="$MESSENGER_SOURCES $MESSENGER_CORE_REDIS $MESSENGER_BINDING_REDIS"
    MESSENGER_DEFS="$MESSENGER_DEFS -DMSGR_HAVE_REDIS=1"
  fi

  if test "$PHP_MESSENGER_AMQP" != "no"; then
    PKG_CHECK_MODULES([LIBRABBITMQ], [librabbitmq >= 0.10], [messenger_amqp=yes], [messenger_amqp=no])
    if test "$messenger_amqp" = "yes"; then
      PHP_EVAL_INCLINE([$LIBRABBITMQ_CFLAGS])
      PHP_EVAL_LIBLINE([$LIBRABBITMQ_LIBS], [MESSENGER_SHARED_LIBADD])
      dnl librabbitmq >= 0.12 moved its headers to rabbitmq-c/; older releases keep amqp.h at the top.
      old_CPPFLAGS=$CPPFLAGS
      CPPFLAGS="$CPPFLAGS $LIBRABBITMQ_CFLAGS"
      AC_CHECK_HEADER([rabbitmq-c/amqp.h],
        [AC_DEFINE([MSGR_HAVE_RABBITMQ_C_DIR], [1], [librabbitmq headers live in rabbitmq-c/])],
        [AC_CHECK_HEADER([amqp.h], [],
          [AC_MSG_ERROR([librabbitmq headers not found: neither rabbitmq-c/amqp.h nor amqp.h])])])
      CPPFLAGS=$old_CPPFLAGS
      MESSENGER_SOURCES="$MESSENGER_SOURCES $MESSENGER_CORE_AMQP $MESSENGER_BINDING_AMQP"
      MESSENGER_DEFS="$MESSENGER_DEFS -DMSGR_HAVE_AMQP=1"
    elif test "$PHP_MESSENGER_AMQP" = "yes"; then
      AC_MSG_ERROR([messenger: librabbitmq not found (Debian: librabbitmq-dev); or configure --without-messenger-amqp])
    fi
  fi

  if test "$PHP_MESSENGER_CURL" != "no"; then
    PKG_CHECK_MODULES([LIBCURL], [libcurl >= 7.68], [messenger_curl=yes], [messenger_curl=no])
    if test "$messenger_curl" = "yes"; then
      PHP_EVAL_INCLINE([$LIBCURL_CFLAGS])
      PHP_EVAL_LIBLINE([$LIBCURL_LIBS], [MESSENGER_SHARED_LIBADD])
      dnl webhook signatures: HMAC-SHA256 from OpenSSL's libcrypto
      PKG_CHECK_MODULES([LIBCRYPTO], [libcrypto >= 1.1.1], [],
        [AC_MSG_ERROR([messenger: OpenSSL libcrypto not found (Debian: libssl-dev); or configure --without-messenger-curl])])
      PHP_EVAL_INCLINE([$LIBCRYPTO_CFLAGS])
      PHP_EVAL_LIBLINE([$LIBCRYPTO_LIBS], [MESSENGER_SHARED_LIBADD])
      MESSENGER_SOURCES="$MESSENGER_SOURCES $MESSENGER_CORE_CURL $MESSENGER_BINDING_CURL"
      MESSENGER_DEFS="$MESSENGER_DEFS -DMSGR_HAVE_CURL=1"
    elif test "$PHP_MESSENGER_CURL" = "yes"; then
      AC_MSG_ERROR([messenger: libcurl not found (Debian: libcurl4-openssl-dev); or configure --without-messenger-curl])
    fi
  fi

  MESSENGER_CFLAGS="-std=gnu11 -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 $MESSENGER_DEFS"
  if test "$PHP_MESSENGER_DEV" != "no"; then
    MESSENGER_CFLAGS="$MESSENGER_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare"
  fi

  PHP_ADD_LIBRARY(pthread, 1, MESSENGER_SHARED_LIBADD)
  PHP_SUBST(MESSENGER_SHARED_LIBADD)

  PHP_NEW_EXTENSION(messenger, $MESSENGER_SOURCES, $ext_shared,, $MESSENGER_CFLAGS)
  PHP_ADD_INCLUDE([$ext_srcdir/src])
  PHP_ADD_INCLUDE([$ext_srcdir/php_stubs])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/amqp])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/base])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/codec])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/http])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/metrics])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/redis])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core/table])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/base])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/bus])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/serialization])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/transport])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/transport/doctrine])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/transport/redis])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/transport/amqp])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/worker])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/worker/webhook])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/messenger])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/console])
fi
