#!/usr/bin/env bash
# Runs each benchmark for this extension and for its peer in the same run, on the same machine,
# and prints msg/s and the ratio. Usage: benchmarks/run.sh [N] [rounds]
set -eu
cd "$(dirname "$0")/.."
n=${1:-300000}
rounds=${2:-3}
ext="-d extension=$PWD/modules/messenger.so"
best() { # best of $rounds runs of a benchmark script, by msg/s
	local script=$1 side=$2 count=$3 out best_line="" best_rate=0
	for _ in $(seq "$rounds"); do
		out=$(php -n -d opcache.enable_cli=0 $ext "benchmarks/$script" "$side" "$count")
		rate=$(echo "$out" | php -r 'echo json_decode(stream_get_contents(STDIN))->msg_per_s;')
		if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; best_line=$out; fi
	done
	echo "$best_line"
}
field() { echo "$1" | php -r '$o = json_decode(stream_get_contents(STDIN)); echo $o->'"$2"';'; }
# the worker as users run it: bin/console messenger:consume with the README's DSNs and no option,
# against Symfony 5.4's ConsumeMessagesCommand wired as FrameworkBundle wires it, on the same
# queue; ours tuned (get_batch_size=50) beside; and the raw C probes of what the engine allows
eval "$(scripts/db.sh start)"
cn=20000
mkdir -p build/limits
cc -O2 -o build/limits/redis_consume benchmarks/limits/redis_consume.c -lhiredis
cc -O2 -o build/limits/sqlite_consume benchmarks/limits/sqlite_consume.c -lsqlite3
cc -O2 -I/usr/include/postgresql -o build/limits/pgsql_consume benchmarks/limits/pgsql_consume.c -lpq
pg_conninfo="$(echo "${MESSENGER_PGSQL_DSN#pgsql:}" | tr ';' ' ') user=$MESSENGER_DB_USER password=$MESSENGER_DB_PASSWORD"
bphp="php -n -d extension=pdo -d extension=pdo_pgsql -d extension=igbinary -d extension=redis"
printf '%-44s %10s %10s %8s %10s %10s\n' "bin/console messenger:consume (N=$cn)" "default" "symfony" "ratio" "tuned" "raw probe"
for kind in redis sqlite pgsql; do
	line=$($bphp benchmarks/console.php "$kind" "$cn")
	probe="-"
	if [ "$kind" = redis ]; then
		probe=$(field "$(build/limits/redis_consume "${MESSENGER_REDIS_DSN##*:}" "$cn" 50 "$(field "$line" entry_bytes)")" msg_per_s)
	elif [ "$kind" = sqlite ]; then
		probe=$(field "$(build/limits/sqlite_consume "${TMPDIR:-/tmp}/messenger-probe.sqlite" "$cn" 50 300)" msg_per_s)
	else
		probe=$(field "$(build/limits/pgsql_consume "$pg_conninfo" "$cn" 50 300)" msg_per_s)
	fi
	printf '%-44s %10s %10s %7.1fx %10s %10s\n' "$kind, $(field "$line" dsn)" "$(field "$line" messenger_per_s)" "$(field "$line" symfony_per_s)" \
		"$(echo "$(field "$line" messenger_per_s) / $(field "$line" symfony_per_s)" | bc -l)" "$(field "$line" messenger_tuned_per_s)" "$probe"
done
echo "(raw probes: hiredis XREADGROUP COUNT 50 with the XACK/XDEL of the batch before in the same write; libsqlite3 and libpq: the claim of 50 and the DELETE of the batch before in one transaction)"
for db in sqlite pgsql; do
	echo "claim cost as the queue grows, $db: $(php -n -d extension=pdo.so -d extension=pdo_sqlite.so -d extension=pdo_pgsql.so $ext benchmarks/claims.php "$db")"
done
echo

ours=$(best dispatch.php messenger "$n")
oursmin=$(best dispatch.php messenger-minimal "$n")
sf=$(best dispatch.php symfony "$n")
sfmin=$(best dispatch.php symfony-minimal "$n")
printf '%-48s %12s %12s\n' "dispatch to one handler (N=$n, best of $rounds)" "msg/s" "peak MiB"
for line in "$ours" "$oursmin" "$sf" "$sfmin"; do
	printf '%-48s %12s %12.1f\n' "$(field "$line" side)" "$(field "$line" msg_per_s)" "$(echo "$(field "$line" peak_memory) / 1048576" | bc -l)"
done
php -r 'printf("ratio, both with the four-middleware chain (messenger / symfony): %.1fx\n"
	. "ratio, both with HandleMessageMiddleware only (messenger-minimal / symfony-minimal): %.1fx\n"
	. "ratio, our four-middleware chain against Symfony with HandleMessageMiddleware only (messenger / symfony-minimal): %.1fx\n",
	$argv[1] / $argv[3], $argv[2] / $argv[4], $argv[1] / $argv[4]);' \
	"$(field "$ours" msg_per_s)" "$(field "$oursmin" msg_per_s)" "$(field "$sf" msg_per_s)" "$(field "$sfmin" msg_per_s)"

# serializers: encode + decode of a typical message (fewer rounds: Symfony's JSON is slow)
sn=$((n / 6))
echo
printf '%-48s %12s %12s\n' "encode+decode (N=$sn, best of $rounds)" "msg/s" "body bytes"
for side in php symfony-php floor-php json symfony-json; do
	line=$(best serializer.php "$side" "$sn")
	printf '%-48s %12s %12s\n' "$side" "$(field "$line" msg_per_s)" "$(field "$line" body_bytes)"
	eval "rate_${side//-/_}=$(field "$line" msg_per_s)"
done
php -r 'printf("ratio PhpSerializer / Symfony PhpSerializer: %.2fx\nfloor (serialize + unserialize of the same bytes unescaped) / PhpSerializer: %.2fx\nratio JsonSerializer / Symfony Serializer (JSON): %.1fx\n", $argv[1] / $argv[2], $argv[3] / $argv[1], $argv[4] / $argv[5]);' \
	"$rate_php" "$rate_symfony_php" "$rate_floor_php" "$rate_json" "$rate_symfony_json"

# the table transport against Symfony's Doctrine transport (needs scripts/db.sh's PostgreSQL)
eval "$(scripts/db.sh start)"
tn=$((n / 150))
echo
printf '%-40s %10s %10s %10s %10s\n' "table transport (N=$tn; dispatchAll N=10000)" "send/s" "consume/s" "one-by-one" "dispatchAll"
for db in sqlite pgsql; do
	ours=$(php -n -d extension=pdo.so -d extension=pdo_sqlite.so -d extension=pdo_pgsql.so $ext benchmarks/table.php messenger "$db" "$tn")
	theirs=$(php -n -d extension=pdo.so -d extension=pdo_sqlite.so -d extension=pdo_pgsql.so $ext benchmarks/table.php symfony "$db" "$tn")
	all=$(php -n -d extension=pdo.so -d extension=pdo_sqlite.so -d extension=pdo_pgsql.so $ext benchmarks/table.php messenger "$db" 10000)
	printf '%-40s %10s %10s %10s %10s\n' "messenger, $db (get_batch_size=50)" "$(field "$ours" send_per_s)" "$(field "$ours" consume_per_s)" \
		"$(field "$all" dispatch_one_by_one_per_s)" "$(field "$all" dispatch_all_per_s)"
	printf '%-40s %10s %10s\n' "symfony 5.4 doctrine, $db" "$(field "$theirs" send_per_s)" "$(field "$theirs" consume_per_s)"
	php -r 'printf("ratios on %s: send %.1fx, consume %.1fx, dispatchAll of 10000 / one by one %.1fx\n", $argv[1], $argv[2] / $argv[3], $argv[4] / $argv[5], $argv[6] / $argv[7]);' \
		"$db" "$(field "$ours" send_per_s)" "$(field "$theirs" send_per_s)" "$(field "$ours" consume_per_s)" "$(field "$theirs" consume_per_s)" \
		"$(field "$all" dispatch_all_per_s)" "$(field "$all" dispatch_one_by_one_per_s)"
done

# the worker: consume N messages from the in-memory transport (PHP's cycle collector on, as
# configured by default; and off, which takes the collector's scans of the retained messages out)
wn=$((n / 3))
echo
printf '%-48s %12s %12s\n' "worker, in-memory transport (N=$wn)" "msg/s" "gc off"
for side in messenger symfony; do
	on=$(php -n -d memory_limit=-1 $ext benchmarks/worker.php "$side" "$wn")
	off=$(php -n -d memory_limit=-1 -d zend.enable_gc=0 $ext benchmarks/worker.php "$side" "$wn")
	printf '%-48s %12s %12s\n' "$side" "$(field "$on" msg_per_s)" "$(field "$off" msg_per_s)"
	eval "w_on_$side=$(field "$on" msg_per_s) w_off_$side=$(field "$off" msg_per_s)"
done
php -r 'printf("ratio our Worker / Symfony Worker: %.1fx (collector off: %.1fx)\n", $argv[1] / $argv[2], $argv[3] / $argv[4]);' \
	"$w_on_messenger" "$w_on_symfony" "$w_off_messenger" "$w_off_symfony"
pdo="-d extension=pdo.so -d extension=pdo_sqlite.so"
ws=$(php -n $pdo -d memory_limit=-1 $ext benchmarks/worker.php messenger-sqlite "$tn")
wsf=$(php -n $pdo -d memory_limit=-1 $ext benchmarks/worker.php symfony-sqlite "$tn")
printf '%-48s %12s\n' "worker, SQLite table (N=$tn): messenger" "$(field "$ws" msg_per_s)"
printf '%-48s %12s\n' "worker, SQLite table (N=$tn): symfony" "$(field "$wsf" msg_per_s)"
php -r 'printf("ratio our Worker / Symfony Worker on SQLite: %.1fx\n", $argv[1] / $argv[2]);' "$(field "$ws" msg_per_s)" "$(field "$wsf" msg_per_s)"
rss=$(php -n $ext benchmarks/worker.php messenger-rss 1000000)
echo "our worker over 1000000 messages of an endless transport: $(field "$rss" msg_per_s) msg/s, RSS growth $(field "$rss" rss_growth_kb) KiB"

# the Redis streams transport against Symfony's Redis transport (phpredis), on scripts/db.sh's
# Redis; dispatchAll against redis-benchmark's pipelined XADD of the same payload (one connection)
rn=10000
redis_port=${MESSENGER_REDIS_DSN##*:}
echo
printf '%-48s %10s %10s %12s\n' "Redis streams (N=$rn)" "send/s" "consume/s" "dispatchAll/s"
rbest() { # best of $rounds runs of redis.php for one side, by the field $2
	local side=$1 key=$2 out best_line="" best_rate=0 rate
	for _ in $(seq "$rounds"); do
		out=$(php -n -d extension=igbinary -d extension=redis $ext benchmarks/redis.php "$side" "$rn")
		rate=$(field "$out" "$key")
		if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; best_line=$out; fi
	done
	echo "$best_line"
}
ro=$(rbest messenger consume_per_s)
rs=$(rbest symfony consume_per_s)
ros=$(rbest messenger send_per_s)
rss_=$(rbest symfony send_per_s)
printf '%-48s %10s %10s %12s\n' "messenger (get_batch_size=50)" "$(field "$ros" send_per_s)" "$(field "$ro" consume_per_s)" "$(field "$ro" dispatch_all_per_s)"
printf '%-48s %10s %10s\n' "symfony 5.4 redis (phpredis)" "$(field "$rss_" send_per_s)" "$(field "$rs" consume_per_s)"
payload=$(head -c "$(field "$ro" entry_bytes)" /dev/zero | tr '\0' x)
rb=$(redis-benchmark -p "$redis_port" -c 1 -P 100 -n 200000 --csv XADD rb_bench '*' message "$payload" 2>/dev/null | tail -1 | cut -d, -f2 | tr -d '"')
redis-cli -p "$redis_port" del rb_bench >/dev/null
php -r 'printf("ratios: send %.1fx, consume %.1fx; dispatchAll %d msg/s = %.0f%% of redis-benchmark -c 1 -P 100 XADD of the same %d bytes (%d/s)\n",
	$argv[1] / $argv[2], $argv[3] / $argv[4], $argv[5], 100 * $argv[5] / $argv[6], $argv[7], $argv[6]);' \
	"$(field "$ros" send_per_s)" "$(field "$rss_" send_per_s)" "$(field "$ro" consume_per_s)" "$(field "$rs" consume_per_s)" \
	"$(field "$ro" dispatch_all_per_s)" "${rb%.*}" "$(field "$ro" entry_bytes)"

# AMQP (issue 16): bin/console against Symfony's worker, a plain-PHP consume loop and the raw
# librabbitmq probe, and publishing with confirms; needs scripts/deps.sh amqp. Also runs alone:
# benchmarks/amqp.sh [N] [rounds]
if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
	echo
	benchmarks/amqp.sh "$cn" "$rounds"
fi

# Webhooks (issue 17): bin/console delivering to a local nginx against Symfony HttpClient, Guzzle's
# Pool, ab and the raw libcurl probe, and the fan-out; needs scripts/deps.sh bench. Also runs
# alone: benchmarks/webhook.sh [N] [rounds]
if command -v ab >/dev/null 2>&1 && { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }; then
	echo
	benchmarks/webhook.sh 20000 "$rounds"
fi

# What --metrics costs the worker (issue 18: under 5%); also runs alone: benchmarks/metrics.sh [N] [rounds]
echo
benchmarks/metrics.sh 100000 "$rounds"
