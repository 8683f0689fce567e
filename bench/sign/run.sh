#!/usr/bin/env bash
# Signing, endorsement and verification speed (issue 9's budgets: signing adds < 5 ms, endorse
# < 20 ms, verify < 10 ms a signature), with an RSA-2048 key made here by openssl.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-sign >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/k.pem" -out "$tmp/c.pem" -days 30 -utf8 \
  -subj "/CN=上海市浦东新区市场监督管理局/O=测试" -addext "keyUsage=digitalSignature,nonRepudiation" 2>/dev/null
.build/release/bench-sign "$tmp/k.pem" "$tmp/c.pem" "${1:-50}"
