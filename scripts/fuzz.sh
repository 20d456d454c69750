#!/usr/bin/env bash
# The long fuzz run (`npm run fuzz`): the fuzz suite (test/fuzz-*.test.ts) with 20x the CI budget
# and a random seed, printed first, so a failure can be replayed exactly:
#   ARREARS_FUZZ_SEED=<seed> ARREARS_FUZZ_RUNS=<runs> npm run fuzz [-- test/fuzz-decide]
# CI runs the same files within `vitest run`, with a fixed seed and ARREARS_FUZZ_RUNS unset (40).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${ARREARS_FUZZ_RUNS:-800}"
seed="${ARREARS_FUZZ_SEED:-$(node -e 'process.stdout.write(String(Math.floor(Math.random() * 2 ** 31)))')}"
export ARREARS_FUZZ_RUNS="$runs" ARREARS_FUZZ_SEED="$seed"
if [ "$#" -gt 0 ]; then files=("$@"); else files=(test/fuzz-); fi
echo "arrears fuzz: ARREARS_FUZZ_RUNS=$runs ARREARS_FUZZ_SEED=$seed ${files[*]}"
start=$(date +%s)
if ! npx vitest run --typecheck.enabled=false --testTimeout=3600000 "${files[@]}"; then
  echo "arrears fuzz: FAILED. Replay with: ARREARS_FUZZ_SEED=$seed ARREARS_FUZZ_RUNS=$runs npm run fuzz -- ${files[*]}" >&2
  exit 1
fi
echo "arrears fuzz: passed in $(($(date +%s) - start)) s (ARREARS_FUZZ_RUNS=$runs ARREARS_FUZZ_SEED=$seed)"
