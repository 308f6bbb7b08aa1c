#!/usr/bin/env bash
# What --metrics costs a worker: bin/console messenger:consume with the README's DSNs, without
# and with --metrics (scraped every 0.5 s meanwhile), alternating, best of ROUNDS each, on Redis
# and SQLite. Usage: benchmarks/metrics.sh [N] [rounds]
set -eu
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-3}
eval "$(scripts/db.sh start)"
bphp="php -n -d extension=pdo -d extension=pdo_sqlite -d extension=pdo_pgsql -d extension=igbinary -d extension=redis"
field() { echo "$1" | php -r '$o = json_decode(stream_get_contents(STDIN)); echo $o->'"$2"';'; }
printf '%-44s %10s %12s %8s %8s\n' "messenger:consume (N=$n, best of $rounds)" "default" "--metrics" "ratio" "scrapes"
for kind in redis sqlite; do
	line=$($bphp benchmarks/console.php "$kind" "$n" metrics "$rounds")
	printf '%-44s %10s %12s %7.3fx %8s\n' "$kind, $(field "$line" dsn)" "$(field "$line" messenger_per_s)" "$(field "$line" metrics_per_s)" \
		"$(echo "$(field "$line" metrics_per_s) / $(field "$line" messenger_per_s)" | bc -l)" "$(field "$line" scrapes_answered)"
done
