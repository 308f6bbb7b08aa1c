#!/usr/bin/env bash
# Builds the extension in a scratch copy without its optional libraries (hiredis, librabbitmq,
# libcurl) and checks that it links none of them and that a redis:// DSN says which library the
# build left out.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git ls-files -z | (cd "$tmp" && xargs -0 -I{} sh -c 'mkdir -p "$(dirname "{}")"') 
git ls-files -z | xargs -0 -I{} cp {} "$tmp/{}"
# uncommitted changes too: what is tested is the working tree
cp -r src php_stubs config.m4 "$tmp/"
find "$tmp/src" \( -name '*.o' -o -name '*.lo' -o -name '*.dep' -o -name .libs \) -prune -exec rm -rf {} +
(cd "$tmp" && phpize >/dev/null && ./configure --enable-messenger --enable-messenger-dev --without-messenger-redis --without-messenger-amqp --without-messenger-curl >/dev/null && make -j"$(nproc)" >/dev/null) 2>&1 | grep -vE 'AC_PROG_LIBTOOL|libtool.m4|configure.ac|^$' || true
so="$tmp/modules/messenger.so"
[ -f "$so" ] || { echo "without optional libraries: the build failed"; exit 1; }
if ldd "$so" | grep -qE 'hiredis|rabbitmq|curl'; then
	echo "without optional libraries: messenger.so still links $(ldd "$so" | grep -oE 'hiredis|rabbitmq|curl' | sort -u | xargs)"
	exit 1
fi
got=$(php -n -d extension="$so" -r '
	try { new Messenger\Messenger(["transports" => ["a" => "redis://127.0.0.1"]]); echo "no exception\n"; }
	catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
	try { new Messenger\Messenger(["transports" => ["a" => "in-memory://"]]); echo "in-memory ok\n"; }
	catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }')
want='transports["a"]: redis:// needs hiredis, which this build of the messenger extension left out (configure --with-messenger-redis)
in-memory ok'
if [ "$got" != "$want" ]; then
	echo "without optional libraries: expected"; echo "$want"; echo "got"; echo "$got"
	exit 1
fi
echo "without optional libraries: builds, links none of them, and redis:// names hiredis"
