#!/usr/bin/env bash
# The README's `pecl package && pecl install messenger-<version>.tgz`, as written: the package
# builds from what package.xml lists alone, installs, and loads; then it is uninstalled again so
# the machine is left as it was. Needs root (pecl install writes to PHP's extension folder).
set -eu
cd "$(dirname "$0")/.."
need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
version=$(php -r 'echo simplexml_load_file("package.xml")->version->release;')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r . "$tmp/src"
cd "$tmp/src"
# the package must not depend on files of the working tree that it does not list
git clean -qfdx >/dev/null 2>&1 || true
pecl package >"$tmp/package.log" 2>&1 || { cat "$tmp/package.log" >&2; exit 1; }
[ -f "messenger-$version.tgz" ] || { echo "pecl package did not write messenger-$version.tgz" >&2; exit 1; }
cd "$tmp"
need_root pecl uninstall messenger >/dev/null 2>&1 || true
if ! need_root pecl install "src/messenger-$version.tgz" </dev/null >"$tmp/install.log" 2>&1; then
	tail -30 "$tmp/install.log" >&2
	echo "pecl install messenger-$version.tgz failed" >&2
	exit 1
fi
loaded=$(php -n -d extension=messenger -r 'echo phpversion("messenger");' 2>&1 || true)
need_root pecl uninstall messenger >/dev/null 2>&1 || true
if [ "$loaded" != "$version" ]; then
	echo "the extension pecl installed does not load: $loaded" >&2
	exit 1
fi
echo "pecl: messenger-$version.tgz packaged, installed and loaded ($(tar -tzf "src/messenger-$version.tgz" | wc -l) files), then uninstalled"
