#!/usr/bin/env bash
# Starts (or stops) the database servers the tests use, on 127.0.0.1, with their data under
# $MESSENGER_DB_DIR (default /tmp/messenger-db), and prints the environment the tests read:
#   . <(scripts/db.sh start)      # MESSENGER_PGSQL_DSN, MESSENGER_MYSQL_DSN, users and passwords
#   scripts/db.sh stop
# PostgreSQL 15 on port 55432, MariaDB on port 33306; user "messenger" (and "messenger_faults",
# whose connections a test kills), password "s3cret-pw", database "messenger". Needs root (the servers run as the postgres and mysql users).
# Redis 7: an open server on port 56379 and on the unix socket $dir/redis-run/redis.sock, and a
# locked one on port 56380 (default user's password "s3cret-pw", ACL user "messenger" with it),
# and a TLS one on port 56381 that wants a client certificate (a CA, server and client
# certificates generated under $dir/redis-run/tls).
# RabbitMQ 3.10 (also alone: scripts/db.sh start-amqp): a node
# of its own, messenger@localhost, on 127.0.0.1:55672 (distribution 55673, its own epmd on
# 55674) and with TLS on 55675 (certificates under $dir/rabbit/tls), vhosts "messenger" and "messenger_faults", user "messenger" with the same password;
# scripts/db.sh amqpctl ARGS runs rabbitmqctl on it.
set -eu
dir=${MESSENGER_DB_DIR:-/tmp/messenger-db}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=55432
my_port=33306
redis_port=56379
redis_locked_port=56380
redis_tls_port=56381
amqp_port=55672
amqp_tls_port=55675
password=s3cret-pw

# A CA of its own in $1 (each server its own: one's CA does not verify another's certificate)
# signs a server certificate (127.0.0.1, localhost) and a client's.
make_certs() {
	local tls=$1
	if ! [ -f "$tls/client.pem" ]; then
		mkdir -p "$tls"
		(cd "$tls" &&
			openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj "/CN=messenger test CA" &&
			openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" &&
			printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > server.ext &&
			openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 3650 -extfile server.ext &&
			openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=messenger client" &&
			openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 3650) >/dev/null 2>&1
	fi
}

start_pgsql() {
	if ! [ -f "$dir/pg/PG_VERSION" ]; then
		mkdir -p "$dir/pg"
		chown postgres:postgres "$dir/pg"
		echo "$password" > "$dir/pgpw"
		chown postgres "$dir/pgpw"
		su postgres -s /bin/sh -c "$pg_bin/initdb -D $dir/pg -U postgres --auth=scram-sha-256 --pwfile=$dir/pgpw" >/dev/null
		rm -f "$dir/pgpw"
	fi
	if ! su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $dir/pg status" >/dev/null 2>&1; then
		mkdir -p "$dir/pg-run"
		chown postgres:postgres "$dir/pg-run"
		su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $dir/pg -l $dir/pg-run/server.log -w -o '-p $pg_port -k $dir/pg-run -c listen_addresses=127.0.0.1' start" >/dev/null
	fi
	PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'messenger'" | grep -q 1 ||
		{ PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -qc "CREATE ROLE messenger LOGIN PASSWORD '$password'" &&
		  PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -qc "CREATE DATABASE messenger OWNER messenger"; }
	# a second user for the test that kills its own connections (tests run two at a time)
	PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'messenger_faults'" | grep -q 1 ||
		{ PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -qc "CREATE ROLE messenger_faults LOGIN PASSWORD '$password'" &&
		  PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -qc "GRANT messenger TO messenger_faults" &&
		  PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -qc "ALTER ROLE messenger_faults SET role = 'messenger'" &&
		  PGPASSWORD=$password psql -h 127.0.0.1 -p $pg_port -U postgres -qc "GRANT pg_signal_backend TO messenger"; }
}

start_mysql() {
	mkdir -p "$dir/my" "$dir/my-run"
	chown mysql:mysql "$dir/my" "$dir/my-run"
	if ! [ -d "$dir/my/mysql" ]; then
		mariadb-install-db --datadir="$dir/my" --user=mysql --auth-root-authentication-method=socket >/dev/null 2>&1
	fi
	if ! [ -S "$dir/my-run/my.sock" ] || ! mariadb --socket="$dir/my-run/my.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
		(mariadbd --datadir="$dir/my" --socket="$dir/my-run/my.sock" --port=$my_port --bind-address=127.0.0.1 --user=mysql \
			--pid-file="$dir/my-run/my.pid" --log-error="$dir/my-run/my.log" --skip-log-bin >/dev/null 2>&1 &)
		for _ in $(seq 60); do
			mariadb --socket="$dir/my-run/my.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
			sleep 0.5
		done
	fi
	mariadb --socket="$dir/my-run/my.sock" -uroot -e "CREATE DATABASE IF NOT EXISTS messenger;
		CREATE USER IF NOT EXISTS 'messenger'@'127.0.0.1' IDENTIFIED BY '$password';
		CREATE USER IF NOT EXISTS 'messenger'@'localhost' IDENTIFIED BY '$password';
		GRANT ALL ON messenger.* TO 'messenger'@'127.0.0.1'; GRANT ALL ON messenger.* TO 'messenger'@'localhost';
		CREATE USER IF NOT EXISTS 'messenger_faults'@'127.0.0.1' IDENTIFIED BY '$password';
		CREATE USER IF NOT EXISTS 'messenger_faults'@'localhost' IDENTIFIED BY '$password';
		GRANT ALL ON messenger.* TO 'messenger_faults'@'127.0.0.1'; GRANT ALL ON messenger.* TO 'messenger_faults'@'localhost';"
}

start_redis() {
	mkdir -p "$dir/redis-run"
	if ! redis-cli -p $redis_port ping >/dev/null 2>&1; then
		redis-server --port $redis_port --bind 127.0.0.1 --unixsocket "$dir/redis-run/redis.sock" --unixsocketperm 777 \
			--save '' --appendonly no --daemonize yes --dir "$dir/redis-run" --pidfile "$dir/redis-run/open.pid" \
			--logfile "$dir/redis-run/open.log" >/dev/null
	fi
	if ! redis-cli -p $redis_locked_port -a "$password" --no-auth-warning ping >/dev/null 2>&1; then
		printf 'user default on >%s ~* &* +@all\nuser messenger on >%s ~* &* +@all\n' "$password" "$password" > "$dir/redis-run/users.acl"
		redis-server --port $redis_locked_port --bind 127.0.0.1 --aclfile "$dir/redis-run/users.acl" \
			--save '' --appendonly no --daemonize yes \
			--dir "$dir/redis-run" --pidfile "$dir/redis-run/locked.pid" --logfile "$dir/redis-run/locked.log" >/dev/null
	fi
	# TLS: a CA of its own signs the server's certificate (127.0.0.1, localhost) and a client's;
	# the server wants a client certificate
	tls="$dir/redis-run/tls"
	make_certs "$tls"
	if ! redis-cli -p $redis_tls_port --tls --cacert "$tls/ca.pem" --cert "$tls/client.pem" --key "$tls/client.key" ping >/dev/null 2>&1; then
		redis-server --port 0 --tls-port $redis_tls_port --bind 127.0.0.1 --tls-cert-file "$tls/server.pem" --tls-key-file "$tls/server.key" \
			--tls-ca-cert-file "$tls/ca.pem" --tls-auth-clients yes --save '' --appendonly no --daemonize yes \
			--dir "$dir/redis-run" --pidfile "$dir/redis-run/tls.pid" --logfile "$dir/redis-run/tls.log" >/dev/null
	fi
	for _ in $(seq 40); do
		redis-cli -p $redis_port ping >/dev/null 2>&1 && redis-cli -p $redis_locked_port -a "$password" --no-auth-warning ping >/dev/null 2>&1 &&
			redis-cli -p $redis_tls_port --tls --cacert "$tls/ca.pem" --cert "$tls/client.pem" --key "$tls/client.key" ping >/dev/null 2>&1 && return 0
		sleep 0.25
	done
	echo "redis-server did not start" >&2
	return 1
}

# rabbitmqctl and the server of our node, run as the rabbitmq user with the node's environment
rabbit_env() {
	local r="$dir/rabbit"
	echo "HOME=$r RABBITMQ_NODENAME=messenger@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$amqp_port" \
		"RABBITMQ_DIST_PORT=$((amqp_port + 1)) ERL_EPMD_PORT=$((amqp_port + 2)) ERL_EPMD_ADDRESS=127.0.0.1" \
		"RABBITMQ_MNESIA_BASE=$r/mnesia RABBITMQ_LOG_BASE=$r/log RABBITMQ_ENABLED_PLUGINS_FILE=$r/enabled_plugins" \
		"RABBITMQ_PID_FILE=$r/rabbit.pid RABBITMQ_CONFIG_FILE=$r/rabbitmq"
}
rabbitmqctl_() {
	su rabbitmq -s /bin/sh -c "env $(rabbit_env) RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='' /usr/lib/rabbitmq/bin/rabbitmqctl -q -n messenger@localhost $*"
}

start_amqp() {
	local r="$dir/rabbit"
	mkdir -p "$r/mnesia" "$r/log"
	[ -f "$r/enabled_plugins" ] || echo "[]." > "$r/enabled_plugins"
	# TLS on port 55675: a CA of its own, a client certificate asked for but not required
	make_certs "$r/tls"
	printf '%s\n' "listeners.ssl.default = 127.0.0.1:$amqp_tls_port" "ssl_options.cacertfile = $r/tls/ca.pem" \
		"ssl_options.certfile = $r/tls/server.pem" "ssl_options.keyfile = $r/tls/server.key" \
		"ssl_options.verify = verify_peer" "ssl_options.fail_if_no_peer_cert = false" > "$r/rabbitmq.conf"
	chown -R rabbitmq:rabbitmq "$r"
	# a node started before it had a TLS listener: started again with it
	if rabbitmqctl_ status >/dev/null 2>&1 && ! (exec 3<>/dev/tcp/127.0.0.1/$amqp_tls_port) 2>/dev/null; then
		rabbitmqctl_ stop >/dev/null 2>&1 || true
	fi
	if ! rabbitmqctl_ status >/dev/null 2>&1; then
		su rabbitmq -s /bin/sh -c "env $(rabbit_env) RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}' /usr/lib/rabbitmq/bin/rabbitmq-server -detached" >/dev/null 2>&1
	fi
	for _ in $(seq 120); do
		rabbitmqctl_ await_startup --timeout 1 >/dev/null 2>&1 && break
		sleep 0.5
	done
	if ! rabbitmqctl_ status >/dev/null 2>&1; then
		echo "rabbitmq-server did not start (log: $r/log)" >&2
		return 1
	fi
	rabbitmqctl_ list_vhosts | grep -qx messenger || rabbitmqctl_ add_vhost messenger >/dev/null
	rabbitmqctl_ list_users | grep -q '^messenger\b' || rabbitmqctl_ add_user messenger "$password" >/dev/null
	rabbitmqctl_ set_permissions -p messenger messenger "'.*'" "'.*'" "'.*'" >/dev/null
	# a vhost whose connections a test closes under its workers (tests run two at a time)
	rabbitmqctl_ list_vhosts | grep -qx messenger_faults || rabbitmqctl_ add_vhost messenger_faults >/dev/null
	rabbitmqctl_ set_permissions -p messenger_faults messenger "'.*'" "'.*'" "'.*'" >/dev/null
}

case "${1:-start}" in
start)
	start_pgsql >&2
	start_mysql >&2
	start_redis >&2
	start_amqp >&2
	echo "export MESSENGER_PGSQL_DSN='pgsql:host=127.0.0.1;port=$pg_port;dbname=messenger'"
	echo "export MESSENGER_MYSQL_DSN='mysql:host=127.0.0.1;port=$my_port;dbname=messenger'"
	echo "export MESSENGER_DB_USER=messenger MESSENGER_DB_PASSWORD='$password'"
	echo "export MESSENGER_REDIS_DSN='redis://127.0.0.1:$redis_port' MESSENGER_REDIS_SOCKET='$dir/redis-run/redis.sock'"
	echo "export MESSENGER_REDIS_LOCKED_DSN='redis://127.0.0.1:$redis_locked_port'"
	echo "export MESSENGER_REDIS_TLS_DSN='rediss://127.0.0.1:$redis_tls_port' MESSENGER_REDIS_TLS_DIR='$dir/redis-run/tls'"
	echo "export MESSENGER_AMQP_DSN='amqp://messenger:$password@127.0.0.1:$amqp_port/messenger'"
	echo "export MESSENGER_AMQP_TLS_DSN='amqps://messenger:$password@127.0.0.1:$amqp_tls_port/messenger' MESSENGER_AMQP_TLS_DIR='$dir/rabbit/tls'"
	;;
start-amqp)
	start_amqp >&2
	echo "export MESSENGER_AMQP_DSN='amqp://messenger:$password@127.0.0.1:$amqp_port/messenger'"
	echo "export MESSENGER_AMQP_TLS_DSN='amqps://messenger:$password@127.0.0.1:$amqp_tls_port/messenger' MESSENGER_AMQP_TLS_DIR='$dir/rabbit/tls'"
	;;
amqpctl)
	# rabbitmqctl on the test node: scripts/db.sh amqpctl close_all_connections -p messenger_faults why
	shift
	rabbitmqctl_ "$@"
	;;
stop)
	if [ -f "$dir/rabbit/rabbit.pid" ]; then rabbitmqctl_ stop >/dev/null 2>&1 || true; fi
	su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $dir/pg -m fast stop" >/dev/null 2>&1 || true
	[ -f "$dir/my-run/my.pid" ] && kill "$(cat "$dir/my-run/my.pid")" 2>/dev/null || true
	for f in open locked tls; do [ -f "$dir/redis-run/$f.pid" ] && kill "$(cat "$dir/redis-run/$f.pid")" 2>/dev/null || true; done
	;;
*)
	echo "usage: $0 start|start-amqp|amqpctl ARGS|stop" >&2
	exit 2
	;;
esac
