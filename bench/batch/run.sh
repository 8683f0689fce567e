#!/usr/bin/env bash
# The batch benchmark (see README.md): `shenbao batch` over N generated records (a three-copy
# pack and a DOCX each), the median of RUNS runs, side by side with typst + docxtpl doing the
# same serially; then peak memory (/usr/bin/time -v) at N = 100, 1,000 and 5,000.
# Usage: bench/batch/run.sh [N] [RUNS]   (default 1,000 records, 3 runs; release build)
# SHENBAO_BIN=path skips the build (a binary already built elsewhere).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
RUNS=${2:-3}
if [ -z "${SHENBAO_BIN:-}" ]; then
  swift build -c release --product shenbao >/dev/null
  SHENBAO_BIN=.build/release/shenbao
fi
python3 -c "import typst, docxtpl" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check "typst==0.15.*" "docxtpl==0.20.*" || true
python3 bench/batch/compare.py --bin "$SHENBAO_BIN" --n "$N" --runs "$RUNS" --memory 100,1000,5000
