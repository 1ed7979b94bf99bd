#!/usr/bin/env bash
# What the tests need from Debian before they start: Chromium for the end-to-end tests, and redis-server for
# the tests of several instances sharing one Redis (started by the tests themselves, on loopback, never as a
# system service). Checked first, so a
# fresh machine installs it (as root) or stops at once with the exact line to run, instead of failing half
# an hour into the suite.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
if [ ! -x "$chromium" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "system-deps: CHROMIUM_PATH is set to $CHROMIUM_PATH, which is not an executable file" >&2
    exit 1
  fi
  missing+=(chromium)
fi

if ! command -v redis-server >/dev/null 2>&1; then
  missing+=(redis-server)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

line="apt-get update && apt-get install -y ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing Debian packages: ${missing[*]}. Run as root:" >&2
  echo "  $line" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]} from Debian's packages"
apt-get update -qq
# policy-rc.d 101: the package must not start a system-wide Redis of its own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "system-deps: installed ${missing[*]}"
