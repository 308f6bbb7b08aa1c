#!/usr/bin/env bash
# Regenerates every *_arginfo.h from its stub in a scratch copy and compares it with the
# committed one: the stubs and the headers must agree.
set -eu
cd "$(dirname "$0")/.."
gen=/usr/lib/php/20220829/build/gen_stub.php
[ -f "$gen" ] || gen=$(php-config --extension-dir | sed 's#/lib/php/.*#/lib/php/build/gen_stub.php#')
version=$(grep -oE 'version = "[0-9.]+"' "$gen" | head -1 | grep -oE '[0-9.]+')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$gen" "$tmp/gen_stub.php"
mkdir -p "$tmp/PHP-Parser-$version"
ln -s /usr/share/php "$tmp/PHP-Parser-$version/lib"
cp -r php_stubs "$tmp/stubs"
rm -f "$tmp"/stubs/*_arginfo.h
php "$tmp/gen_stub.php" "$tmp/stubs" >/dev/null
status=0
for stub in php_stubs/*.stub.php; do
	h=$(basename "${stub%.stub.php}")_arginfo.h
	if ! cmp -s "$tmp/stubs/$h" "php_stubs/$h"; then
		echo "php_stubs/$h does not match its stub: run php build/gen_stub.php php_stubs" >&2
		status=1
	fi
done
[ $status -eq 0 ] && echo "arginfo headers match their stubs"
exit $status
