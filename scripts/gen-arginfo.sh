#!/usr/bin/env bash
# Regenerates the *_arginfo.h of every stub in DIR (default php_stubs), offline: gen_stub.php
# with Debian's php-parser instead of the copy it would download.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-php_stubs}
gen=/usr/lib/php/20220829/build/gen_stub.php
[ -f "$gen" ] || gen=$(php-config --extension-dir | sed 's#/lib/php/.*#/lib/php/build/gen_stub.php#')
version=$(grep -oE 'version = "[0-9.]+"' "$gen" | head -1 | grep -oE '[0-9.]+')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$gen" "$tmp/gen_stub.php"
mkdir -p "$tmp/PHP-Parser-$version"
ln -s /usr/share/php "$tmp/PHP-Parser-$version/lib"
php "$tmp/gen_stub.php" --force-regeneration "$dir"
