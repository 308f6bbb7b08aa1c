#!/usr/bin/env bash
# The whole test suite: cmocka (core), the fuzz harnesses for a bounded time, the stub/arginfo
# check, phpt, and phpt under valgrind.
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

# runs a command whose result is its last line "LABEL: N passed, N failed" (none: one failure);
# shows its output, less the lines matching HIDE
summary() {
	local label=$1 hide=$2 out line
	shift 2
	out=$("$@" 2>&1)
	if [ -n "$hide" ]; then echo "$out" | grep -vE "$hide"; else echo "$out"; fi
	line=$(echo "$out" | grep -E "^$label: [0-9]+ passed, [0-9]+ failed\$" | tail -1)
	if [ -n "$line" ]; then
		line=${line#"$label: "}
		count "$(echo "$line" | awk '{print $1}')" "$(echo "$line" | awk '{print $3}')"
	else
		count 0 1
	fi
}

summary cmocka '^\[ (RUN|      OK) ' tests/c/run.sh
summary fuzz '' scripts/fuzz.sh

for check in scripts/check-arginfo.sh "scripts/gen-dashboard.sh --check" scripts/check-layers.sh scripts/check-build-lists.sh scripts/check-without-libs.sh "php scripts/package-xml.php --check" scripts/check-pecl.sh; do
	if $check; then count 1 0; else count 0 1; fi
done
if php -n -d extension="$PWD/modules/messenger.so" -m | grep -qx messenger; then
	echo "module loads: php -m lists messenger"; count 1 0
else
	echo "module does not load"; count 0 1
fi

# the database servers of the table-transport tests, on 127.0.0.1
if env_lines=$(scripts/db.sh start); then
	eval "$env_lines"
	echo "databases: PostgreSQL and MariaDB started"
else
	echo "databases: could not start PostgreSQL and MariaDB"
	count 0 1
fi

[ -f run-tests.php ] || cp "$(php-config --prefix)/lib/php/build/run-tests.php" . 2>/dev/null || cp /usr/lib/php/20220829/build/run-tests.php .
phpt() {
	local label=$1; shift
	local log
	log=$(mktemp)
	php run-tests.php -P -q --show-diff -j2 "$@" -d extension="$PWD/modules/messenger.so" tests/ >"$log" 2>&1
	grep -E 'FAIL|LEAK|SKIP|BORK|^Tests ' "$log"
	grep -A30 '========DIFF' "$log" | head -200
	local p f s
	p=$(grep -E '^Tests passed' "$log" | awk '{print $4}')
	f=$(grep -E '^Tests failed' "$log" | awk '{print $4}')
	s=$(grep -E '^Tests skipped' "$log" | awk '{print $4}')
	l=$(grep -E '^Tests leaked' "$log" | awk '{print $4}')
	w=$(grep -E '^Tests warned' "$log" | awk '{print $4}')
	b=$(grep -cE '^BORK' "$log")
	grep -E 'WARN' "$log" | grep -v '^Tests warned' | head -5
	echo "phpt ($label): ${p:-0} passed, ${f:-0} failed, ${s:-0} skipped, ${l:-0} leaked, ${w:-0} warned, $b borked"
	# a skipped, leaked, warned (passed only when run again) or borked test is not a pass; no
	# tests at all is a failure
	[ -n "$p" ] && [ "$p" -gt 0 ] || f=$(( ${f:-0} + 1 ))
	count "${p:-0}" $(( ${f:-0} + ${s:-0} + ${l:-0} + ${w:-0} + b ))
	rm -f "$log"
}
phpt plain
summary drain '' php -d extension="$PWD/modules/messenger.so" tests/big/drain.php "$PWD/modules/messenger.so"
summary chaos '' php -d extension="$PWD/modules/messenger.so" tests/big/chaos.php "$PWD/modules/messenger.so"
summary "big garbage" '' php -n -d memory_limit=-1 -d extension="$PWD/modules/messenger.so" tests/big/garbage_1gb.php
if [ "${MESSENGER_SKIP_VALGRIND:-0}" != 1 ]; then
	# run-tests.php -m alone runs valgrind without a leak check, so it reports memory errors but
	# never a leak: ask for definite leaks to count as errors. PCRE's JIT reads past its buffers in
	# ways valgrind reports (Symfony's code uses preg_*): off under valgrind. run-tests.php traces the
	# children (the workers a test starts), but not the browser nor Prometheus: they are not ours
	VALGRIND_OPTS="--leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --trace-children-skip=*/chromium*,*/prometheus,*/promtool,*/redis-server,*/redis-cli" phpt valgrind -m -d pcre.jit=0
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
