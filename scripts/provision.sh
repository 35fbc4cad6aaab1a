#!/usr/bin/env bash
# `npm run provision`: what the test tiers need from the machine, installed from Debian when missing
# (each step is a no-op when already done), so that `npm ci && npm test` pass on a new machine:
# - python3, make and g++, which `npm ci` needs to compile better-sqlite3;
# - PostgreSQL answering postgres://postgres@127.0.0.1:5432/test (trust) and MariaDB answering
#   mysql://root@127.0.0.1:3306/test (empty password), for the engine's server tiers;
# - Debian's Chromium (the real-editor tier drives it) and libkrb5-dev (code-server's native modules
#   build against it). Node 24, code-server and Lucid 22 come from npm: `npm test` installs those.
# Without root or apt-get it installs nothing and says, in one line, what is missing.
set -euo pipefail

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
pg_works() {
  have psql && PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p 5432 -U postgres -d test -tAc 'select 1' >/dev/null 2>&1
}
mysql_works() {
  have mysql && mysql --protocol=TCP -h 127.0.0.1 -P 3306 -u root --connect-timeout=3 -e 'select 1' test >/dev/null 2>&1
}
krb5_present() {
  if have dpkg; then dpkg -s libkrb5-dev >/dev/null 2>&1; else [ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ]; fi
}

for tool in python3 make g++; do have "$tool" || missing+=("$tool"); done
pg_works || missing+=("PostgreSQL at 127.0.0.1:5432 (user postgres, trust, database test)")
mysql_works || missing+=("MariaDB at 127.0.0.1:3306 (root, empty password, database test)")
[ -x "${LUCID_LENS_CHROMIUM:-/usr/bin/chromium}" ] || missing+=("Chromium at ${LUCID_LENS_CHROMIUM:-/usr/bin/chromium}")
krb5_present || missing+=("libkrb5-dev")

if [ ${#missing[@]} -eq 0 ]; then
  echo "provision: everything the tests need from the machine is here"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! have apt-get; then
  list=$(printf '%s; ' "${missing[@]}")
  echo "provision: the tests need ${list%; }. Install them (on Debian: apt-get install python3 make g++ postgresql mariadb-server mariadb-client chromium libkrb5-dev), or run \`npm run provision\` as root on Debian." >&2
  exit 1
fi

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -q
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# Polls a readiness check for up to 60 s; servers start asynchronously.
wait_until() {
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "provision: timed out waiting for: $*" >&2
  return 1
}

ensure_postgres() {
  pg_works && return 0
  have pg_ctlcluster || apt_install postgresql
  local version hba
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  # First matching line wins: trust loopback TCP for the tests (a test machine only).
  grep -q 'lucid-lens tests' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust # lucid-lens tests' "$hba"
  if pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$version" main reload
  else
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  wait_until pg_isready -h 127.0.0.1 -p 5432
  su postgres -c "psql -tAc \"select 1 from pg_database where datname = 'test'\"" | grep -q 1 ||
    su postgres -c 'createdb test'
  pg_works || {
    echo 'provision: PostgreSQL runs but postgres@127.0.0.1/test is not reachable' >&2
    exit 1
  }
}

ensure_mariadb() {
  mysql_works && return 0
  [ -x /usr/sbin/mariadbd ] && have mysql || apt_install mariadb-server mariadb-client
  if ! mysqladmin --protocol=socket -u root ping >/dev/null 2>&1; then
    install -d -o mysql -g mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    wait_until mysqladmin --protocol=socket -u root ping
  fi
  # Over the socket, the OS root is MariaDB's root (unix_socket). TCP from 127.0.0.1 may match either
  # root account, so both accept the empty password the tests use (a test machine only).
  mysql --protocol=socket -u root <<'SQL'
ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS test;
FLUSH PRIVILEGES;
SQL
  mysql_works || {
    echo 'provision: MariaDB runs but root@127.0.0.1/test is not reachable' >&2
    exit 1
  }
}

packages=()
for tool in python3 make g++; do have "$tool" || packages+=("$tool"); done
[ -x /usr/bin/chromium ] || [ -n "${LUCID_LENS_CHROMIUM:-}" ] || packages+=(chromium)
krb5_present || packages+=(libkrb5-dev)
if [ ${#packages[@]} -gt 0 ]; then apt_install "${packages[@]}"; fi
ensure_postgres
ensure_mariadb
echo "provision: done"
