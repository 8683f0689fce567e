#!/usr/bin/env bash
# The render benchmark: three-copy application packs in one process (see README.md).
# Usage: bench/render/run.sh [N]   (default 200 packs; release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-render >/dev/null
.build/release/bench-render "${1:-200}"
