#!/usr/bin/env bash
# Installs what ReplicaLab needs besides the Swift toolchain: libcmark (Debian's libcmark-dev) and pkg-config.
# Does nothing when they are already there, so it is safe to run before every build.
set -euo pipefail

if [ -f /usr/include/cmark.h ] && { [ -f /usr/lib/x86_64-linux-gnu/pkgconfig/libcmark.pc ] \
    || pkg-config --exists libcmark 2>/dev/null; }; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: libcmark is missing; install it with your package manager (Debian/Ubuntu: libcmark-dev, Homebrew: cmark)" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "bootstrap: installing libcmark-dev and pkg-config" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libcmark-dev pkg-config >/dev/null
