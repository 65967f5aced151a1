#!/bin/sh
# Installs the Debian packages Chronicle builds against, when missing.
# Uses sudo when not root. Downloads nothing else.
set -e
PKGS="build-essential pkg-config libxml2-dev libutf8proc-dev libsqlite3-dev zlib1g-dev libjansson-dev libxxhash-dev libzstd-dev time wamerican wbritish"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing
