#!/usr/bin/env bash
# Builds modules/messenger.so in developer mode (warnings are errors) and checks it loads.
set -eu
cd "$(dirname "$0")/.."
if [ ! -f Makefile ] || [ config.m4 -nt Makefile ]; then
	phpize >/dev/null
	./configure --enable-messenger --enable-messenger-dev >/dev/null
fi
make -j"$(nproc)" >/dev/null
if ! php -n -d extension="$PWD/modules/messenger.so" -m | grep -qx messenger; then
	echo "modules/messenger.so does not load:" >&2
	php -n -d extension="$PWD/modules/messenger.so" -r '' >&2
	exit 1
fi
echo "built modules/messenger.so"
