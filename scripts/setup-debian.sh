#!/usr/bin/env bash
# Installs everything tagwerk needs to build and test, from Debian (bookworm) packages.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config python3 time zstd
  libboost-dev libboost-program-options-dev libboost-filesystem-dev
  libicu-dev libspdlog-dev libfmt-dev libtbb-dev libtomlplusplus-dev libsimdjson-dev
  zlib1g-dev libzstd-dev libcld2-dev libsqlite3-dev
  libfasttext-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libjs-chart.js
)
sudo=()
if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all ${#packages[@]} packages are installed"
  exit 0
fi
echo "setup-debian: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
