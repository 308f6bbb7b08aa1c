#!/usr/bin/env bash
# Regenerates every php_stubs/*_arginfo.h from its stub, offline (Debian's php-parser).
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
php "$tmp/gen_stub.php" --force-regeneration php_stubs
