#!/usr/bin/env bash
# Installs Debian's coturn for the browser test that forces video through a TURN relay
# (e2e/meetings-relay.spec.ts) when `turnserver` is missing. Idempotent: does nothing when
# it is there. The package does not start a service of its own (TURNSERVER_ENABLED is unset
# in /etc/default/coturn); the test starts turnserver on loopback and stops it afterwards.
set -euo pipefail
if command -v turnserver >/dev/null 2>&1 || [ -x /usr/bin/turnserver ]; then exit 0; fi
echo "turnserver saknas: installerar Debians paket coturn …" >&2
sudo_cmd=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "Kör som root eller installera coturn: apt-get install coturn" >&2; exit 1; }
  sudo_cmd="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet; an old list may name versions no longer served.
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends coturn >/dev/null
command -v turnserver >/dev/null 2>&1 || test -x /usr/bin/turnserver
