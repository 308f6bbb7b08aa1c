#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ with clang (ASan + UBSan) and runs each for a
# bounded time (MESSENGER_FUZZ_SECONDS, default 60) from its seed corpus. Prints
# "fuzz: N passed, N failed"; a crash leaves its input in build/fuzz/ and fails.
set -u
cd "$(dirname "$0")/.."
seconds=${MESSENGER_FUZZ_SECONDS:-60}
passed=0 failed=0
mkdir -p build/fuzz
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	target=${name#fuzz_}
	bin=build/fuzz/$name
	# a harness that includes the binding runs inside PHP's embed SAPI, with the whole extension
	# compiled in; the others build the core alone
	if grep -q '"sapi/embed/php_embed.h"' "$src"; then
		inc=$(php-config --includes)
		sources="src/php_messenger.c $(find src/php -name '*.c' | sort | xargs) src/core/*/*.c"
		extra="$inc -I/usr/include/hiredis -Iphp_stubs -DMSGR_HAVE_REDIS=1 -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -lphp8.2"
	else
		sources="src/core/*/*.c"
		extra=""
	fi
	if ! clang -std=gnu11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Isrc -o "$bin" "$src" $sources $extra -lm -lpthread -lhiredis -lrabbitmq -lssl -lcrypto -lcurl; then
		echo "fuzz $target: does not build"
		failed=$((failed + 1))
		continue
	fi
	work=build/fuzz/corpus-$target
	mkdir -p "$work"
	dict=tests/fuzz/$target.dict
	log=build/fuzz/$target.log
	if LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" "$bin" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix=build/fuzz/ ${dict:+$( [ -f "$dict" ] && echo "-dict=$dict")} \
		"$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
		echo "fuzz $target: $(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)s, no failure"
		passed=$((passed + 1))
	else
		echo "fuzz $target: FAILED"
		grep -E 'ERROR|SUMMARY|abort|Test unit written' "$log" | head -20
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
