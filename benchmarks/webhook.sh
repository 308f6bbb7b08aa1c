#!/usr/bin/env bash
# Webhook deliveries per second against their peers in one run, on one local server: Debian's nginx
# on 127.0.0.1 (a port of its own, a config of its own in a temp dir: one worker process, the
# other core is the clients'; keep-alive up to 100000 requests; /hook answers 200 "ok" to a POST,
# /slow after 2 s through the echo module's echo_sleep; access log off; stub_status counts what
# each side delivered). Each side sends N POSTs of the same ~300-byte JSON body, 32 at a time:
#   ab -k -c 32 (apache2-utils): the physical limit of this server and loopback, unsigned;
#   Symfony HttpClient 5.4 (CurlHttpClient, 32 connections, stream() refilled) and Guzzle 7.4's
#   Pool (concurrency 32), each request signed in PHP with the Standard Webhooks headers
#   (benchmarks/webhook_clients.php, timed in the process);
#   ours: `bin/console messenger:consume webhooks --limit=N` over a Redis queue filled with N
#   WebhookMessage::json() by dispatchAll, 'webhook' => ['concurrency' => 32], timed from the
#   worker's start to its exit (benchmarks/webhook.php).
# Then the fan-out: one event to 50 endpoints, one of which answers after 2 s; the time until the
# 49 others are delivered (target < 200 ms).
# Redis: MESSENGER_REDIS_DSN's (eval "$(scripts/db.sh start)"), else a redis-server of its own on
# a free port. Needs nginx (nginx-light, with libnginx-mod-http-echo), ab (apache2-utils),
# php8.2-curl, php-symfony-http-client, php-guzzlehttp-guzzle; ours needs modules/messenger.so.
# Usage: benchmarks/webhook.sh [N] [rounds]      (best of rounds for each side; default 20000 3)
set -eu
cd "$(dirname "$0")/.."
n=${1:-20000}
rounds=${2:-3}
ext="-d extension=$PWD/modules/messenger.so"

missing=""
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || missing="$missing nginx-light"
command -v ab >/dev/null 2>&1 || missing="$missing apache2-utils"
php -n -d extension=curl -r 'exit(function_exists("curl_multi_init") ? 0 : 1);' >/dev/null 2>&1 || missing="$missing php8.2-curl"
[ -f /usr/share/php/Symfony/Component/HttpClient/autoload.php ] || missing="$missing php-symfony-http-client"
[ -f /usr/share/php/GuzzleHttp/autoload.php ] || missing="$missing php-guzzlehttp-guzzle"
modules=$("$nginx_bin" -V 2>&1 | tr ' ' '\n' | sed -n 's/^--modules-path=//p')
echo_module=${modules:-/usr/lib/nginx/modules}/ngx_http_echo_module.so
[ -z "$missing" ] && ! [ -f "$echo_module" ] && missing="$missing libnginx-mod-http-echo"
if [ -n "$missing" ]; then
	echo "webhook benchmark: missing packages: apt-get install$missing" >&2
	exit 1
fi

field() { echo "$1" | php -r '$o = json_decode(stream_get_contents(STDIN)); echo $o->'"$2"' ?? "";'; }
free_port() { php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo substr(strrchr(stream_socket_get_name($s, false), ":"), 1);'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/messenger-webhook-bench.XXXXXX")
chmod 755 "$tmp" # nginx's worker runs as nobody under a root master
nginx_pid="" redis_pid=""
cleanup() {
	local pid
	for pid in $nginx_pid $redis_pid; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a server in a background job of this script (its pid is ours to stop) on a free port:
# $1 is a function that runs it in the foreground on port $1 (exec). A port taken between
# free_port and the server's bind makes it exit: another is tried. Sets started_port and
# started_pid, or returns 1.
start_listening() {
	local pid
	for _ in 1 2 3 4 5; do
		started_port=$(free_port)
		"$1" "$started_port" &
		pid=$!
		for _ in $(seq 50); do
			if listening "$started_port"; then started_pid=$pid; return 0; fi
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	return 1
}

run_nginx() {
	mkdir -p "$tmp/nginx"
	cat > "$tmp/nginx/nginx.conf" <<EOF
load_module $echo_module;
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	keepalive_requests 100000;
	keepalive_timeout 60s;
	server {
		listen 127.0.0.1:$1;
		location /hook { return 200 "ok"; }
		location /slow { echo_sleep 2; echo -n "ok"; }
		location = /status { stub_status; }
	}
}
EOF
	exec "$nginx_bin" -p "$tmp/nginx/" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf"
}
if ! start_listening run_nginx; then
	echo "nginx did not start:" >&2
	cat "$tmp/nginx/error.log" >&2
	exit 1
fi
port=$started_port nginx_pid=$started_pid
url="http://127.0.0.1:$port/hook"
status_url="http://127.0.0.1:$port/status"

# Redis for our queue: scripts/db.sh's, else one of our own
run_redis() {
	exec redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp" --logfile "$tmp/redis.log"
}
redis_port=""
if [ -n "${MESSENGER_REDIS_DSN:-}" ]; then
	redis_port=${MESSENGER_REDIS_DSN##*:}
elif command -v redis-server >/dev/null 2>&1 && start_listening run_redis; then
	redis_port=$started_port redis_pid=$started_pid
fi

php -n benchmarks/webhook_clients.php body > "$tmp/body.json"
body_bytes=$(wc -c < "$tmp/body.json")

# ab: best of $rounds
ab_rate=0
for _ in $(seq "$rounds"); do
	out=$(ab -q -k -c 32 -n "$n" -p "$tmp/body.json" -T application/json "$url" 2>&1) || { echo "ab failed: $out" >&2; exit 1; }
	rate=$(echo "$out" | sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p')
	bad=$(echo "$out" | sed -n 's/^Failed requests: *\([0-9]*\).*/\1/p')
	non2xx=$(echo "$out" | sed -n 's/^Non-2xx responses: *\([0-9]*\).*/\1/p')
	if [ "${bad:-0}" != 0 ] || [ -n "$non2xx" ]; then
		echo "ab: ${bad:-0} failed requests, ${non2xx:-0} non-2xx responses" >&2
	fi
	rate=${rate%.*}
	if [ "${rate:-0}" -gt "$ab_rate" ]; then ab_rate=$rate; fi
done

# a PHP client: best of $rounds by deliveries/s; a failed round is told and left out
cbest() {
	local side=$1 out best_line="" best_rate=0 rate rc
	for _ in $(seq "$rounds"); do
		rc=0
		out=$(php -n -d extension=curl -d memory_limit=-1 -d display_errors=stderr benchmarks/webhook_clients.php "$side" "$url" "$n" "$status_url") || rc=$?
		rate=$(field "$out" deliveries_per_s)
		if [ "$rc" != 0 ] || [ -z "$rate" ]; then
			echo "benchmarks/webhook_clients.php $side exited $rc: $out" >&2
			continue
		fi
		if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; best_line=$out; fi
	done
	echo "$best_line"
}
# the raw libcurl probe (benchmarks/limits/curl_post.c: no PHP, no queue, the same signing in C):
# the physical limit of a libcurl client here; best of $rounds
mkdir -p build/limits
cc -O2 -o build/limits/curl_post benchmarks/limits/curl_post.c -lcurl -lcrypto
probe_rate=0
for _ in $(seq "$rounds"); do
	out=$(build/limits/curl_post "$url" "$tmp/body.json" "$n" 32) || { echo "curl_post failed: $out" >&2; exit 1; }
	[ "$(field "$out" failed)" = 0 ] || echo "curl_post: $(field "$out" failed) failed requests" >&2
	rate=$(field "$out" deliveries_per_s)
	if [ "${rate:-0}" -gt "$probe_rate" ]; then probe_rate=$rate; fi
done

sf=$(cbest symfony)
gz=$(cbest guzzle)

# ours: best of $rounds of benchmarks/webhook.php MODE; until the build has webhooks, the line says
# why (obest prints the best JSON line, or "error: ..." for the first round that failed)
phpredis=""
php -n -d extension=igbinary -d extension=redis -r 'exit(class_exists("Redis") ? 0 : 1);' >/dev/null 2>&1 && phpredis="-d extension=igbinary -d extension=redis"
obest() {
	local mode=$1 out best_line="" best_rate=0 rate rc err
	for _ in $(seq "$rounds"); do
		rc=0
		out=$(php -n -d memory_limit=-1 -d display_errors=stderr $phpredis $ext benchmarks/webhook.php "$mode" "${redis_port:-0}" "$url" "$n" "$status_url" 2>&1) || rc=$?
		rate=$(field "$(echo "$out" | tail -1)" deliveries_per_s 2>/dev/null || true)
		if [ "$rc" != 0 ] || [ -z "$rate" ]; then
			err=$(echo "$out" | tail -1 | php -r '$s = stream_get_contents(STDIN); $o = json_decode($s); echo $o->error ?? trim($s);')
			echo "error: exited $rc: ${err:0:400}"
			return
		fi
		if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; best_line=$(echo "$out" | tail -1); fi
	done
	echo "$best_line"
}
ours="" ours_error=""
if ! [ -f modules/messenger.so ]; then
	ours_error="no modules/messenger.so (scripts/build.sh)"
else
	if [ -z "$redis_port" ]; then
		ours_error="no Redis: MESSENGER_REDIS_DSN unset (eval \"\$(scripts/db.sh start)\") and no redis-server (apt-get install redis-server)"
	else
		ours=$(obest consume)
		case "$ours" in error:*) ours_error=${ours#error: } ours="" ;; esac
	fi
fi

row() { printf '%-58s %12s %8s %9s %9s\n' "$@"; }
rowof() { row "$1" "$(field "$2" deliveries_per_s)" "$(field "$2" cpu_s)" "$(field "$2" nginx_counted)" "$(field "$2" nginx_connections)"; }
row "webhook deliveries (N=$n, $body_bytes-byte JSON, best of $rounds)" "deliveries/s" "CPU s" "requests" "conns"
row "ab -k -c 32 (unsigned POSTs: the server's limit)" "$ab_rate" "-" "-" "-"
row "raw libcurl probe in C, signed, 32 in flight" "$probe_rate" "-" "-" "-"
[ -z "$sf" ] || rowof "symfony/http-client 5.4, CurlHttpClient, 32 in flight" "$sf"
[ -z "$gz" ] || rowof "guzzle 7.4 Pool, concurrency 32" "$gz"
if [ -n "$ours" ]; then
	rowof "messenger, bin/console messenger:consume (redis, 32)" "$ours"
else
	row "messenger, bin/console messenger:consume (redis, 32)" "-" "-" "-" "-"
	echo "  (not measured: $ours_error)"
fi
for line in "$sf" "$gz" "$ours"; do
	[ -n "$line" ] || continue
	counted=$(field "$line" nginx_counted)
	if [ "$counted" != -1 ] && [ "$counted" != "$n" ]; then
		echo "  (!) $(field "$line" side): nginx counted $counted requests for $n deliveries"
	fi
done
echo "(Symfony and Guzzle sign each request in PHP (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256) and are timed from their first request to their last response; ours from the worker's process start to its exit, reading the queue from Redis. CPU s: the client's user + system time (bin/console: the worker process's); requests and conns: what nginx's stub_status counted during the run)"

# the fan-out: one event to 50 endpoints, the first of them slow; the worst of $rounds runs
if [ -n "$redis_port" ] && [ -n "$ours" ]; then
	worst="" runs=""
	for _ in $(seq "$rounds"); do
		rc=0
		out=$(php -n -d display_errors=stderr $phpredis $ext benchmarks/webhook.php fanout "$redis_port" "$url" "http://127.0.0.1:$port/slow" 2>&1) || rc=$?
		ms=$(field "$(echo "$out" | tail -1)" fast_max_ms 2>/dev/null || true)
		if [ "$rc" != 0 ] || [ -z "$ms" ]; then
			echo "fan-out: not measured: $(echo "$out" | tail -1 | cut -c1-400)"
			worst=""
			break
		fi
		runs="$runs${runs:+, }$ms"
		last=$(echo "$out" | tail -1)
		if [ -z "$worst" ] || [ "$(echo "$ms > $worst" | bc -l)" = 1 ]; then worst=$ms; fan=$last; fi
	done
	if [ -n "$worst" ]; then
		echo
		printf 'fan-out, one event to 50 endpoints, one answering after 2 s: the 49 others delivered %s ms after the first receive (worst of %s: %s; median of the worst run %s ms; the slow one at %s ms); target < 200 ms\n' \
			"$worst" "$rounds" "$runs" "$(field "$fan" fast_median_ms)" "$(field "$fan" slow_ms)"
	fi
fi

echo
sfr=$(field "$sf" deliveries_per_s) gzr=$(field "$gz" deliveries_per_s)
if [ -n "$ours" ]; then
	php -r 'printf("ratios: ours / Symfony HttpClient %s (target >= 3x); ours / Guzzle Pool %s (target >= 3x); ours / ab %s (target >= 50%%); ours / raw libcurl probe %s (probe / ab %s, probe / Symfony %s)\n",
		$argv[2] > 0 ? sprintf("%.1fx", $argv[1] / $argv[2]) : "-", $argv[3] > 0 ? sprintf("%.1fx", $argv[1] / $argv[3]) : "-", $argv[4] > 0 ? sprintf("%.0f%%", 100 * $argv[1] / $argv[4]) : "-",
		$argv[5] > 0 ? sprintf("%.0f%%", 100 * $argv[1] / $argv[5]) : "-", $argv[4] > 0 ? sprintf("%.0f%%", 100 * $argv[5] / $argv[4]) : "-", $argv[2] > 0 ? sprintf("%.1fx", $argv[5] / $argv[2]) : "-");' \
		"$(field "$ours" deliveries_per_s)" "${sfr:-0}" "${gzr:-0}" "$ab_rate" "$probe_rate"
fi
if [ -z "$ours" ]; then
	php -r 'printf("ratios (ours not measured): Symfony HttpClient / ab %s, Guzzle Pool / ab %s\n",
		$argv[1] > 0 ? sprintf("%.0f%%", 100 * $argv[1] / $argv[3]) : "-", $argv[2] > 0 ? sprintf("%.0f%%", 100 * $argv[2] / $argv[3]) : "-");' \
		"${sfr:-0}" "${gzr:-0}" "$ab_rate"
fi
