#!/usr/bin/env bash
# Fuzzes every reader `watch` feeds from the network, and its own two files, with libFuzzer and
# AddressSanitizer: Tests/Fuzz/run.sh [SECONDS PER TARGET, default 60] [TARGET ...]
# Built optimised (about 20x the executions per second of a debug build). Seeds are the corpus's small
# files of each format. A crash stops the run (exit 1) and leaves its
# input in Tests/Fuzz/findings/<target>/: copy it to Tests/Fuzz/regressions/<target>/, where the
# test `FuzzRegressionTests` replays every file through the normal build.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(detect eurlex-html eurlex-consolidated-html formex akn4eu oscal playbook sources lock)
fi
swift build -c release --product regpolicy-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
  -Xswiftc -parse-as-library -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address
binary=.build-fuzz/release/regpolicy-fuzz
c=corpus/official
g=$c/eurlex-generations
declare -A seeds=(
  [eurlex-html]="corpus/samples/synthetic-oj.html $g/oj-2011-2014/12012J-N05-08_Croatia-Accession-AnnexV_EN_OJ-L112-2012.html"
  [eurlex-consolidated-html]="corpus/samples/synthetic-consolidated.html $g/consolidated-early-inline/01974R2988-20040501_FR_consolidated.html"
  [formex]="corpus/samples/synthetic.fmx.xml $g/formex-consolidated-2005/CL1984L0450EN0020010.0001.xml"
  [akn4eu]="corpus/samples/synthetic-akn4eu.xml $c/format-samples/akn4eu/JOIN_2022_19_REG_akn4eu.xml"
  [oscal]="corpus/samples/synthetic-oscal.xml"
  [playbook]="corpus/samples/synthetic-playbook.json"
  [sources]="Tests/Fuzz/seeds/sources/example.yaml"
  [lock]="Tests/Fuzz/seeds/lock/regpolicy.lock"
  [detect]="corpus/samples/synthetic-oj.html corpus/samples/synthetic.fmx.xml corpus/samples/synthetic-akn4eu.xml corpus/samples/synthetic-oscal.xml corpus/samples/synthetic-playbook.json corpus/samples/synthetic-consolidated.html"
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  mkdir -p "$work/$target/seed" "$work/$target/corpus" "Tests/Fuzz/findings/$target"
  for seed in ${seeds[$target]}; do cp "$seed" "$work/$target/seed/"; done
  regressions="Tests/Fuzz/regressions/$target"
  if [ -d "$regressions" ]; then cp "$regressions"/* "$work/$target/seed/" 2>/dev/null || true; fi
  echo "fuzzing $target for ${seconds}s"
  status=0
  REGPOLICY_FUZZ_TARGET=$target "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=131072 -print_final_stats=1 -artifact_prefix="Tests/Fuzz/findings/$target/" \
    "$work/$target/corpus" "$work/$target/seed" > "$work/$target/log" 2>&1 || status=$?
  grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" "$work/$target/log" || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target/log")
  if [ "$status" -ne 0 ] || [ -n "$(ls -A "Tests/Fuzz/findings/$target")" ] || [ "${runs:-0}" -lt 100 ]; then
    tail -40 "$work/$target/log" >&2
    echo "fuzzing $target failed (exit $status, ${runs:-0} inputs run): Tests/Fuzz/findings/$target/" >&2
    exit 1
  fi
  rmdir "Tests/Fuzz/findings/$target"
done
rmdir Tests/Fuzz/findings 2>/dev/null || true
