#!/usr/bin/env bash
# Runs the whole suite again under other machine zones and locales: results must not depend on
# the process's TZ, LANG or LC_ALL (LC_ALL also sets Node's default Intl locale: its digits,
# calendar and week). The main `vitest run` covers the machine's own zone and locale, and
# test/decisions-identical-across-tz-and-locale.test.ts compares decisions, explanations and CLI
# output byte for byte across six zone × locale pairs in child processes.
#
# Each run pairs a zone with a locale (not every combination: the pairs cover DST on both
# hemispheres, a half-hour DST shift, half- and three-quarter-hour offsets, Arabic and Thai digits,
# the Buddhist calendar). Type checks are not repeated (they do not depend on the zone). UTC and
# the C locale are what CI's main run uses.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=(
  "America/New_York en_US.UTF-8"
  "Asia/Shanghai zh_CN.UTF-8"
  "Australia/Lord_Howe de_DE.UTF-8"
  "Asia/Kolkata ar_EG.UTF-8"
  "Pacific/Chatham th_TH.UTF-8"
)
start=$(date +%s)
for run in "${runs[@]}"; do
  read -r tz locale <<<"$run"
  echo "== TZ=$tz LANG=$locale LC_ALL=$locale"
  TZ="$tz" LANG="$locale" LC_ALL="$locale" LANGUAGE='' npx vitest run --typecheck.enabled=false --reporter=dot
done
echo "== ${#runs[@]} zone/locale runs in $(($(date +%s) - start)) s"
