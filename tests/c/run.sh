#!/usr/bin/env bash
# Builds each cmocka test against the core alone (no PHP header on the include path, which
# is what keeps src/core hermetic) and runs it. Prints "cmocka: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../../src"
out="$here/build"
mkdir -p "$out"
passed=0 failed=0
for test in "$here"/test_msgr_*.c; do
	name=$(basename "$test" .c)
	if ! cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Werror -g -I"$src" -o "$out/$name" "$test" "$src"/core/*/*.c -lcmocka -lm -lpthread -lhiredis -lrabbitmq -lssl -lcrypto -lcurl; then
		echo "[  FAILED  ] $name: does not compile"
		failed=$((failed + 1))
		continue
	fi
	log="$out/$name.log"
	"$out/$name" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(grep -c '^\[       OK \]' "$log")
	f=$(grep '^\[  FAILED  \] test_' "$log" | sort -u | wc -l)
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		failed=$((failed + 1))
	fi
done
echo "cmocka: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
