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
printf '%-36s %9s %9s %7s %9s %9s %7s %11s %7s %7s\n' "consume (N=$n, $rounds rounds)" "best" "--metrics" "ratio" "mean" "--metrics" "ratio" "cpu us/msg" "ratio" "instr"
for kind in redis sqlite; do
	line=$($bphp benchmarks/console.php "$kind" "$n" metrics "$rounds")
	ratio() { echo "$(field "$line" "$1") / $(field "$line" "$2")" | bc -l; }
	printf '%-36s %9s %9s %6.3fx %9s %9s %6.3fx %11s %6.3fx %6.3fx\n' "$kind, $(field "$line" dsn)" \
		"$(field "$line" messenger_per_s)" "$(field "$line" metrics_per_s)" "$(ratio metrics_per_s messenger_per_s)" \
		"$(field "$line" messenger_mean_per_s)" "$(field "$line" metrics_mean_per_s)" "$(ratio metrics_mean_per_s messenger_mean_per_s)" \
		"$(field "$line" cpu_us_per_message_off)/$(field "$line" cpu_us_per_message_on)" "$(ratio cpu_us_per_message_on cpu_us_per_message_off)" \
		"$(ratio instructions_per_message_on instructions_per_message_off)"
	echo "  scrapes answered: $(field "$line" scrapes_answered); instructions per message: $(field "$line" instructions_per_message_off) / $(field "$line" instructions_per_message_on)"
done
echo "(best and mean msg/s: wall time from process start to exit, which this machine's noise moves by up to"
echo " a third between runs; cpu: the CPU time of each side's processes per message, --metrics / default;"
echo " instr: the worker's CPU instructions per message under callgrind (6000 messages less 2000, over 4000),"
echo " --metrics / default)"
