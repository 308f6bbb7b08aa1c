#!/usr/bin/env bash
# The AMQP transport against its peers in one run, on scripts/db.sh's RabbitMQ (needs
# scripts/deps.sh amqp): the worker as users run it (bin/console messenger:consume with the
# README's DSN and no option) against Symfony 5.4's ConsumeMessagesCommand on its AMQP transport,
# ours tuned (prefetch_count=100), a plain-PHP AMQPQueue::consume() loop over php-amqp, and the raw
# librabbitmq probe reading the same number of messages of the same size with prefetch 100; then
# single sends with publisher confirms against Symfony's with confirm_timeout=5 and against the
# probe sending one by one (benchmarks/limits/amqp_send.c), and dispatchAll of 10000 against the
# probe's pipelined publish with confirms of the same 10000 bodies.
# Usage: benchmarks/amqp.sh [N] [rounds] [RSS_N]     (benchmarks/run.sh runs it with N=20000; RSS_N,
# default 1000000, the messages of the memory run, 0 to skip it)
set -eu
cd "$(dirname "$0")/.."
n=${1:-20000}
rounds=${2:-3}
ext="-d extension=$PWD/modules/messenger.so"
if ! [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
	echo "AMQP: no rabbitmq-server (scripts/deps.sh amqp)" >&2
	exit 1
fi
field() { echo "$1" | php -r '$o = json_decode(stream_get_contents(STDIN)); echo $o->'"$2"';'; }
eval "$(scripts/db.sh start-amqp)"
# the probe's arguments from the DSN: PORT VHOST USER PASSWORD
read -r port vhost user password < <(php -r '$u = parse_url($argv[1]); echo $u["port"], " ", urldecode(ltrim($u["path"], "/")), " ", urldecode($u["user"]), " ", urldecode($u["pass"]), "\n";' "$MESSENGER_AMQP_DSN")
mkdir -p build/limits
cc -O2 -o build/limits/amqp_consume benchmarks/limits/amqp_consume.c -lrabbitmq
cc -O2 -o build/limits/amqp_send benchmarks/limits/amqp_send.c -lrabbitmq
probe() { build/limits/amqp_consume "$port" "$vhost" "$user" "$password" "$@"; }

line=$(php -n -d display_errors=stderr -d extension=amqp benchmarks/console.php amqp "$n")
raw=$(probe "$n" 100 "$(field "$line" entry_bytes)")
ours=$(field "$line" messenger_per_s) sf=$(field "$line" symfony_per_s) tuned=$(field "$line" messenger_tuned_per_s)
plain=$(field "$line" php_consume_per_s) rawc=$(field "$raw" msg_per_s)
printf '%-44s %10s %10s %8s %10s %10s\n' "bin/console messenger:consume (N=$n)" "default" "symfony" "ratio" "tuned" "raw probe"
printf '%-44s %10s %10s %7.1fx %10s %10s\n' "amqp, $(field "$line" dsn)" "$ours" "$sf" "$(echo "$ours / $sf" | bc -l)" "$tuned" "$rawc"
echo "(RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server); tuned: ?prefetch_count=100; raw probe: librabbitmq basic.consume, prefetch 100, ack multiple every 50, $(field "$line" entry_bytes)-byte bodies as in the queue)"
php -r 'printf("plain PHP, AMQPQueue::consume() over php-amqp, prefetch 100, Symfony PhpSerializer decode, ack each: %d msg/s (timed from its connect, no interpreter start)\n"
	. "ours / plain PHP: %.1fx default, %.1fx tuned; ours / raw probe: %.0f%% default, %.0f%% tuned\n",
	$argv[3], $argv[1] / $argv[3], $argv[2] / $argv[3], 100 * $argv[1] / $argv[4], 100 * $argv[2] / $argv[4]);' "$ours" "$tuned" "$plain" "$rawc"

# publishing: best of $rounds by the field, each side on its own exchange and queue
sn=10000
abest() {
	local side=$1 key=$2 out best_line="" best_rate=0 rate rc
	for _ in $(seq "$rounds"); do
		rc=0
		out=$(php -n -d display_errors=stderr -d extension=amqp $ext benchmarks/amqp.php "$side" "$sn") || rc=$?
		if ! rate=$(echo "$out" | php -r '$o = json_decode(stream_get_contents(STDIN)); if (!isset($o->'"$key"')) { exit(1); } echo $o->'"$key"';'); then
			echo "benchmarks/amqp.php $side exited $rc: $out" >&2 # a failed round is told and left out
			continue
		fi
		if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; best_line=$out; fi
	done
	[ -n "$best_line" ] || { echo "benchmarks/amqp.php $side: every round failed" >&2; exit 1; }
	echo "$best_line"
}
ao=$(abest messenger send_per_s)
as=$(abest symfony send_per_s)
# the probe's pipelined publish with confirms of the same number of bodies of the same size, best
# of 5 as our dispatchAll is
bytes=$(field "$ao" entry_bytes) pub=0
for _ in 1 2 3 4 5; do
	p=$(field "$(probe "$sn" 100 "$bytes")" publish_per_s)
	if [ "$p" -gt "$pub" ]; then pub=$p; fi
done
# the physical limit of one send waiting for its confirm (the broker's write of a persistent
# message to a durable queue), best of $rounds
single=0
for _ in $(seq "$rounds"); do
	p=$(field "$(build/limits/amqp_send "$port" "$vhost" "$user" "$password" 3000 "$bytes")" send_per_s)
	if [ "$p" -gt "$single" ]; then single=$p; fi
done
echo
printf '%-48s %10s %12s\n' "AMQP publishing with confirms (N=$sn)" "send/s" "dispatchAll/s"
printf '%-48s %10s %12s\n' "messenger (default: confirm_timeout 5 s)" "$(field "$ao" send_per_s)" "$(field "$ao" dispatch_all_per_s)"
printf '%-48s %10s\n' "symfony 5.4 amqp (php-amqp), confirm_timeout=5" "$(field "$as" send_per_s)"
printf '%-48s %10s %12s\n' "raw librabbitmq probe (one by one; pipelined)" "$single" "$pub"
php -r 'printf("single send: %.0f%% of the probe, whose own rate is %.1fx Symfony'"'"'s: each send waits for the broker to store the message\n", 100 * $argv[1] / $argv[3], $argv[3] / $argv[2]);' \
	"$(field "$ao" send_per_s)" "$(field "$as" send_per_s)" "$single"
php -r 'printf("ratios: send %.1fx; dispatchAll %d msg/s = %.0f%% of the raw probe'"'"'s pipelined publish with confirms of %d %d-byte bodies (%d/s)\n",
	$argv[1] / $argv[2], $argv[3], 100 * $argv[3] / $argv[4], $argv[5], $argv[6], $argv[4]);' \
	"$(field "$ao" send_per_s)" "$(field "$as" send_per_s)" "$(field "$ao" dispatch_all_per_s)" "$pub" "$sn" "$bytes"

# the worker's memory over many messages (benchmarks/amqp_rss.php): third argument, 0 skips it
rn=${3:-1000000}
if [ "$rn" -gt 0 ]; then
	r=$(php -n $ext benchmarks/amqp_rss.php "$rn")
	echo
	echo "our worker over $rn AMQP messages (default DSN, in one process): filled in $(field "$r" fill_s) s by dispatchAll, handled at $(field "$r" msg_per_s) msg/s, RSS $(field "$r" rss_kb) KiB after the first 10000, growth $(field "$r" rss_growth_kb) KiB after the rest"
fi
