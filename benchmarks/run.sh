#!/usr/bin/env bash
# Runs each benchmark for this extension and for its peer in the same run, on the same machine,
# and prints msg/s and the ratio. Usage: benchmarks/run.sh [N] [rounds]
set -eu
cd "$(dirname "$0")/.."
n=${1:-300000}
rounds=${2:-3}
ext="-d extension=$PWD/modules/messenger.so"
best() { # best of $rounds runs, by msg/s
	local side=$1 out best_line="" best_rate=0
	for _ in $(seq "$rounds"); do
		out=$(php -n -d opcache.enable_cli=0 $ext benchmarks/dispatch.php "$side" "$n")
		rate=$(echo "$out" | php -r 'echo json_decode(stream_get_contents(STDIN))->msg_per_s;')
		if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; best_line=$out; fi
	done
	echo "$best_line"
}
field() { echo "$1" | php -r '$o = json_decode(stream_get_contents(STDIN)); echo $o->'"$2"';'; }
ours=$(best messenger)
oursmin=$(best messenger-minimal)
sf=$(best symfony)
sfmin=$(best symfony-minimal)
printf '%-48s %12s %12s\n' "dispatch to one handler (N=$n, best of $rounds)" "msg/s" "peak MiB"
for line in "$ours" "$oursmin" "$sf" "$sfmin"; do
	printf '%-48s %12s %12.1f\n' "$(field "$line" side)" "$(field "$line" msg_per_s)" "$(echo "$(field "$line" peak_memory) / 1048576" | bc -l)"
done
php -r 'printf("ratio, both with the four-middleware chain (messenger / symfony): %.1fx\n"
	. "ratio, both with HandleMessageMiddleware only (messenger-minimal / symfony-minimal): %.1fx\n"
	. "ratio, our four-middleware chain against Symfony with HandleMessageMiddleware only (messenger / symfony-minimal): %.1fx\n",
	$argv[1] / $argv[3], $argv[2] / $argv[4], $argv[1] / $argv[4]);' \
	"$(field "$ours" msg_per_s)" "$(field "$oursmin" msg_per_s)" "$(field "$sf" msg_per_s)" "$(field "$sfmin" msg_per_s)"
