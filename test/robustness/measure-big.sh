#!/usr/bin/env bash
# Wall time and peak memory (max RSS, from GNU time) of drafting the big
# bureau of test/robustness/big-stats.ts — 500 schools' projects, 2,000 aid
# rows — with the built CLI, each format alone and all three; the small
# examples/bureau.json alongside for the fixed cost (start-up, fonts).
# Median of three runs. Usage: bash test/robustness/measure-big.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -f dist/cli.js ] || npm run build >/dev/null

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npx tsx -e "import { bigStats } from './test/robustness/big-stats.ts'; process.stdout.write(JSON.stringify(bigStats()))" >"$dir/big.json"

measure() { # input formats → "seconds kib" of the median run by time
  local runs=()
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$dir/time" node dist/cli.js draft "$1" -f "$2" -o "$dir/out" >/dev/null 2>&1
    runs+=("$(cat "$dir/time")")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

echo "node $(node --version), $(nproc) cores, $(uname -m)"
printf '| input | formats | wall time | peak RSS |\n|---|---|---:|---:|\n'
for input in examples/bureau.json "$dir/big.json"; do
  for formats in md docx pdf docx,pdf,md; do
    read -r secs kib <<<"$(measure "$input" "$formats")"
    printf '| %s | %s | %.1f s | %d MiB |\n' "$(basename "$input")" "$formats" "$secs" $((kib / 1024))
  done
done
