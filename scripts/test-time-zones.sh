#!/usr/bin/env bash
# Runs the time-sensitive tests under several machine zones (and locales): results must not depend
# on the process's TZ or LANG. The main `vitest run` covers the machine's own zone.
set -euo pipefail
files="test/time- test/window- test/frequency- test/cooldowns test/contact-order test/blocks- test/engine- test/decisions- test/compliance-"
for tz in UTC America/New_York Asia/Shanghai Asia/Kolkata Australia/Lord_Howe; do
  echo "== TZ=$tz"
  TZ="$tz" LANG=C npx vitest run --typecheck.enabled=false --reporter=dot $files
done
echo "== TZ=Asia/Kolkata LANG=zh_CN.UTF-8"
TZ=Asia/Kolkata LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 npx vitest run --typecheck.enabled=false --reporter=dot $files
