#!/usr/bin/env bash
# The deploy/ layout on 127.0.0.1 without Docker: nginx (Debian's package) in front of two web
# processes, two scheduler processes, and the bot by long polling when TELEGRAM_BOT_TOKEN is set
# (in webhook mode the web processes take the updates), all on one PostgreSQL database.
#
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/starscalendars deploy/loopback.sh
#
# Runs in the foreground until SIGTERM or SIGINT, then stops every process it started. Like
# compose's `restart: unless-stopped` and systemd's `Restart=always`, a role process that ends
# is started again after a second: kill one (its pid is in $LOOPBACK_DIR/<name>.pid) to watch
# the others carry on. Every other setting (TELEGRAM_*, SCHEDULER_*...) passes through the
# environment to every process.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database}"
DEPLOY_DIR=$(cd "$(dirname "$0")" && pwd)
LOOPBACK_DIR=$(mkdir -p "${LOOPBACK_DIR:-./var/loopback}" && cd "${LOOPBACK_DIR:-./var/loopback}" && pwd)
PROXY_PORT=${PROXY_PORT:-8080}
read -r -a WEB_PORTS <<<"${WEB_PORTS:-8081 8082}"
read -r -a SCHEDULER_METRICS_PORTS <<<"${SCHEDULER_METRICS_PORTS:-9101 9102}"
BOT_METRICS_PORT=${BOT_METRICS_PORT:-9103}
# The command that runs a role, e.g. "python -m app.cli" in a checkout.
read -r -a STARSCALENDARS <<<"${STARSCALENDARS:-starscalendars}"
NGINX=${NGINX:-nginx}

export DATABASE_URL
export JWT_KEYS_DIR=${JWT_KEYS_DIR:-$LOOPBACK_DIR/keys}
export SCHEDULER_WORKER_PROCESSES=${#SCHEDULER_METRICS_PORTS[@]}
export LOG_FORMAT=${LOG_FORMAT:-json}

say() {
    echo "loopback: $*"
}

# Runs one role, started again whenever it ends, until the layout stops.
supervise() {
    local name=$1
    shift
    while [ ! -e "$LOOPBACK_DIR/stopping" ]; do
        "$@" >>"$LOOPBACK_DIR/$name.log" 2>&1 &
        echo $! >"$LOOPBACK_DIR/$name.pid"
        say "$name started (pid $!)"
        local code=0
        wait $! || code=$?
        if [ ! -e "$LOOPBACK_DIR/stopping" ]; then
            say "$name ended with code $code, starting it again"
            sleep 1
        fi
    done
}

stop_layout() {
    trap - TERM INT
    touch "$LOOPBACK_DIR/stopping"
    say "stopping"
    local pidfile
    for pidfile in "$LOOPBACK_DIR"/*.pid; do
        [ -e "$pidfile" ] && kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
    done
    wait
    rm -f "$LOOPBACK_DIR"/*.pid "$LOOPBACK_DIR/stopping"
    say "stopped"
    exit 0
}

write_nginx_conf() {
    local port
    {
        echo "# Written by deploy/loopback.sh; the locations are deploy/nginx/proxy.conf's."
        # A root master would hand the workers to "nobody", who cannot write below $LOOPBACK_DIR.
        [ "$(id -u)" = 0 ] && echo "user root;"
        echo "worker_processes 1;"
        echo "pid $LOOPBACK_DIR/nginx-master.pid;"
        echo "error_log $LOOPBACK_DIR/nginx-error.log warn;"
        echo "events { worker_connections 16384; }"
        echo "worker_rlimit_nofile 40000;"
        echo "http {"
        echo "    access_log off;"
        for dir in client_body proxy fastcgi uwsgi scgi; do
            echo "    ${dir}_temp_path $LOOPBACK_DIR/nginx-tmp/$dir;"
        done
        echo "    include $DEPLOY_DIR/nginx/upgrade-map.conf;"
        echo "    upstream starscalendars_web {"
        for port in "${WEB_PORTS[@]}"; do
            # max_fails=0, as in deploy/nginx/compose.conf (which says why).
            echo "        server 127.0.0.1:$port max_fails=0;"
        done
        echo "        keepalive 32;"
        echo "    }"
        echo "    server {"
        echo "        listen 127.0.0.1:$PROXY_PORT;"
        echo "        include $DEPLOY_DIR/nginx/proxy.conf;"
        echo "    }"
        echo "}"
    } >"$LOOPBACK_DIR/nginx.conf"
    mkdir -p "$LOOPBACK_DIR/nginx-tmp"
}

# The same scrape targets as deploy/prometheus.yml, on this layout's ports.
write_prometheus_conf() {
    local port web_targets="" scheduler_targets=""
    for port in "${WEB_PORTS[@]}"; do
        web_targets+="\"127.0.0.1:$port\", "
    done
    for port in "${SCHEDULER_METRICS_PORTS[@]}"; do
        scheduler_targets+="\"127.0.0.1:$port\", "
    done
    {
        echo "# Written by deploy/loopback.sh: every process of every role on this layout."
        echo "global:"
        echo "  scrape_interval: 15s"
        echo "scrape_configs:"
        echo "  - job_name: starscalendars-web"
        echo "    static_configs:"
        echo "      - targets: [${web_targets%, }]"
        echo "        labels: {role: web}"
        echo "  - job_name: starscalendars-scheduler"
        echo "    static_configs:"
        echo "      - targets: [${scheduler_targets%, }]"
        echo "        labels: {role: scheduler}"
        if bot_polls; then
            echo "  - job_name: starscalendars-bot"
            echo "    static_configs:"
            echo "      - targets: [\"127.0.0.1:$BOT_METRICS_PORT\"]"
            echo "        labels: {role: bot}"
        fi
    } >"$LOOPBACK_DIR/prometheus.yml"
}

bot_polls() {
    [ -n "${TELEGRAM_BOT_TOKEN:-}" ] && [ "${TELEGRAM_USE_WEBHOOK:-false}" != "true" ]
}

rm -f "$LOOPBACK_DIR/stopping"
say "migrating"
"${STARSCALENDARS[@]}" migrate >>"$LOOPBACK_DIR/migrate.log" 2>&1 || {
    say "migration failed, see $LOOPBACK_DIR/migrate.log"
    exit 1
}
write_nginx_conf
write_prometheus_conf
trap stop_layout TERM INT

index=0
for port in "${WEB_PORTS[@]}"; do
    index=$((index + 1))
    WEB_HOST=127.0.0.1 WEB_PORT=$port WEB_TRUST_PROXY=true \
        supervise "web-$index" "${STARSCALENDARS[@]}" web &
done
index=0
for port in "${SCHEDULER_METRICS_PORTS[@]}"; do
    index=$((index + 1))
    METRICS_HOST=127.0.0.1 METRICS_PORT=$port \
        supervise "scheduler-$index" "${STARSCALENDARS[@]}" scheduler &
done
if bot_polls; then
    METRICS_HOST=127.0.0.1 METRICS_PORT=$BOT_METRICS_PORT \
        supervise bot "${STARSCALENDARS[@]}" bot &
fi
supervise nginx "$NGINX" -p "$LOOPBACK_DIR" -c "$LOOPBACK_DIR/nginx.conf" -g "daemon off;" &
say "proxy on http://127.0.0.1:$PROXY_PORT/, logs and pids in $LOOPBACK_DIR"

# Until a signal: `wait` returns early when one arrives, and the trap stops the layout.
wait
