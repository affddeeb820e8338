#!/usr/bin/env bash
# Reproducible ingest and extraction benchmark (release build). Prints tool versions, in-process timings with
# result counts, whole-process timings (hyperfine) and peak RSS. Needs: hyperfine, GNU time
# (apt-get install hyperfine time). Usage: Benchmarks/run.sh [corpus-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-${REGPOLICY_CORPUS:-../shared/corpus}}"
swift build -c release >/dev/null
bin=.build/release/regpolicy
echo "# $(swift --version 2>&1 | head -1); libxml2 $(xml2-config --version); $(uname -srm); $(nproc) cores"

html="$corpus/eu-ai-act/html/32024R1689_EN_OJ.html"
formex="$corpus/eu-ai-act/formex"
echo "## in-process: ingest to the provision tree (--ingest-only) and with JSON rendering"
$bin bench "$html" "$formex" --iterations 100 --warmup 10 --ingest-only
$bin bench "$html" "$formex" --iterations 50 --warmup 5

echo "## in-process: tokenizer and extraction (AI Act EN, GDPR)"
$bin bench "$html" --iterations 100 --warmup 10 --tokenizer-only
$bin bench "$html" "$corpus/gdpr/32016R0679_EN_OJ.html" --iterations 30 --warmup 5 --extract-only

echo "## in-process: every markup file of the corpus"
mapfile -t files < <(find "$corpus" \( -name '*.html' -o -name '*.xml' -o -name '*.json' \) \
  ! -name '*.doc.fmx.xml' ! -name '*.toc.fmx.xml' ! -name '*.doc.xml' ! -path '*/eu-ai-act/formex/*' \
  ! -path '*/reg-2024-903/L_*' | sort)
files+=("$formex" "$corpus/format-samples/reg-2024-903/L_202400903EN.doc.fmx.xml")
$bin bench "${files[@]}" --iterations 10 --warmup 2 --ingest-only | tail -2
echo "files: ${#files[@]}, bytes: $(du -cb "${files[@]}" | tail -1 | cut -f1)"

echo "## whole process"
hyperfine -N --warmup 5 --runs 50 \
  "$bin ingest $html --format json --out /tmp/regpolicy-bench" \
  "$bin ingest $formex --format json --out /tmp/regpolicy-bench" \
  "$bin ingest ${files[*]} --format json --out /tmp/regpolicy-bench"
hyperfine -N --warmup 5 --runs 30 --output /dev/null "$bin extract $html"
$bin extract "$html" | wc -l | sed 's/$/ statements (AI Act)/'

echo "## peak RSS (KiB)"
for input in "$html" "$formex"; do
  /usr/bin/time -f "%M KiB  $input" $bin ingest "$input" > /dev/null
done
