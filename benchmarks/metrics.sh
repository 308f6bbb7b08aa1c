#!/usr/bin/env bash
# What --metrics costs a worker: bin/console messenger:consume with the README's DSNs, without
# and with --metrics (scraped every 1 s meanwhile), alternating, best of ROUNDS each, on Redis
# and SQLite; and the instructions per message under callgrind. Usage: benchmarks/metrics.sh [N] [rounds]
set -eu
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-3}
eval "$(scripts/db.sh start)"
bphp="php -n -d extension=pdo -d extension=pdo_sqlite -d extension=pdo_pgsql -d extension=igbinary -d extension=redis"
field() { echo "$1" | php -r '$o = json_decode(stream_get_contents(STDIN)); echo $o->'"$2"';'; }
printf '%-44s %10s %12s %8s %8s %14s %8s\n' "messenger:consume (N=$n, best of $rounds)" "default" "--metrics" "ratio" "scrapes" "instr/msg" "ratio"
for kind in redis sqlite; do
	line=$($bphp benchmarks/console.php "$kind" "$n" metrics "$rounds")
	printf '%-44s %10s %12s %7.3fx %8s %14s %7.3fx\n' "$kind, $(field "$line" dsn)" "$(field "$line" messenger_per_s)" "$(field "$line" metrics_per_s)" \
		"$(echo "$(field "$line" metrics_per_s) / $(field "$line" messenger_per_s)" | bc -l)" "$(field "$line" scrapes_answered)" \
		"$(field "$line" instructions_per_message_off) / $(field "$line" instructions_per_message_on)" \
		"$(echo "$(field "$line" instructions_per_message_off) / $(field "$line" instructions_per_message_on)" | bc -l)"
done
echo "(msg/s: wall time from process start to exit, which this machine's noise moves by up to a third between runs;"
echo " instr/msg: the worker process's CPU instructions per message under callgrind, the count for 6000 messages less"
echo " the count for 2000, over 4000: default / --metrics, and their ratio)"
