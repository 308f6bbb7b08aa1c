#!/usr/bin/env bash
# Installs what building and testing need, from Debian 12's own packages.
set -eu
need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
pkgs="php8.2-dev php8.2-cli php-pear php8.2-opcache php8.2-sqlite3 pkg-config libhiredis-dev librabbitmq-dev libcurl4-openssl-dev libssl-dev"
dbs="php8.2-pgsql php8.2-mysql postgresql mariadb-server mariadb-client redis-server redis-tools openssl"
symfony="php-symfony-messenger php-symfony-event-dispatcher php-symfony-serializer php-symfony-property-access php-symfony-doctrine-messenger php-doctrine-dbal php8.2-redis php-symfony-redis-messenger php-symfony-console php-symfony-cache php8.2-intl php8.2-mbstring php8.2-amqp php-symfony-amqp-messenger"
amqp="rabbitmq-server"
case "${1:-build}" in
	amqp) pkgs="$pkgs $amqp" ;;
	test) pkgs="$pkgs libcmocka-dev valgrind clang libclang-rt-14-dev libphp8.2-embed php-parser $dbs $symfony $amqp prometheus chromium systemd php8.2-fpm nginx-light" ;;
	bench) pkgs="$pkgs $dbs $symfony libsqlite3-dev libpq-dev valgrind $amqp nginx-light libnginx-mod-http-echo apache2-utils php8.2-curl php-symfony-http-client php-guzzlehttp-guzzle" ;;
esac
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	need_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
