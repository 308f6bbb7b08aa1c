#!/usr/bin/env bash
# Regenerates every *_arginfo.h from its stub in a scratch copy and compares it with the
# committed one: the stubs and the headers must agree.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r php_stubs "$tmp/stubs"
rm -f "$tmp"/stubs/*_arginfo.h
scripts/gen-arginfo.sh "$tmp/stubs" >/dev/null
status=0
for stub in php_stubs/*.stub.php; do
	h=$(basename "${stub%.stub.php}")_arginfo.h
	if ! cmp -s "$tmp/stubs/$h" "php_stubs/$h"; then
		echo "php_stubs/$h does not match its stub: run scripts/gen-arginfo.sh" >&2
		status=1
	fi
done
[ $status -eq 0 ] && echo "arginfo headers match their stubs"
exit $status
