#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for building and testing Khcn.
# Idempotent and quiet when everything is already there; needs root for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
    python3-grpcio   # interop peer: Python client on Debian's grpcio
    python3-protobuf # runtime message classes for the Python peers
    postgresql       # database tests (Khcn.Data.Tests, service tests) start their own throwaway clusters
    redis-server     # cache tests (Khcn.Redis.Tests, Khcn.Caching.Tests) start their own servers
    redis-tools      # redis-benchmark for bench/redis
    python3-jwt      # token peer: signs the JWTs Khcn.Security.Tests validates
    python3-cryptography # RSA/EC signing for python3-jwt
    chromium         # headless browser for the dashboard's page tests (driven over the DevTools protocol)
)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-prerequisites: installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-prerequisites: need root for apt-get (run with sudo)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
    echo "install-prerequisites: the .NET 10 SDK is required (dotnet not on PATH)" >&2
    exit 1
fi

# Node peers for the interop tests (@grpc/grpc-js, @grpc/proto-loader), from the lock file.
for dir in tests/Khcn.Grpc.Interop.Tests/peers/node; do
    if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
        echo "install-prerequisites: npm ci in $dir"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
done
