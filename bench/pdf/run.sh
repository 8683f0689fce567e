#!/usr/bin/env bash
# Builds the PDF benchmark in release mode and runs it (medians of repeated runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-pdf >/dev/null
.build/release/bench-pdf
