#!/usr/bin/env bash
# The sheet-reading benchmark (see README.md).
# Usage: bench/sheets/run.sh [N] [FILE.xlsx]   (default 5,000 rows; release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-sheets >/dev/null
.build/release/bench-sheets "${1:-5000}" ${2:+"$2"}
