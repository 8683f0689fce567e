#!/usr/bin/env bash
# The render benchmark: three-copy application packs in one process (see README.md).
# Usage: bench/render/run.sh [N]   (default 200 packs; release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHENBAO_BENCH=1 SHENBAO_BENCH_N="${1:-200}" swift test -c release --filter RenderBenchmark 2>&1 | grep -E "render bench|passed|failed"
