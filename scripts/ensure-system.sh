#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond npm packages: Debian's chromium and CJK
# fonts for the browser tests, and a running PostgreSQL on 127.0.0.1:5432 for the data tests.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[ensure-system] installing: ${missing[*]}"
  apt_install "${missing[@]}"
fi

PG_URL="${PAICHA_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! pg_isready -q -d "$PG_URL"; then
  echo "[ensure-system] starting PostgreSQL"
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -d "$PG_URL" && break
    sleep 1
  done
fi
if ! pg_isready -q -d "$PG_URL"; then
  echo "[ensure-system] PostgreSQL is not reachable at $PG_URL" >&2
  exit 1
fi
echo "[ensure-system] chromium: $(chromium --version 2>/dev/null | head -n 1); PostgreSQL ready"
