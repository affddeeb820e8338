#!/usr/bin/env bash
# Reproducible benchmark of every stage, from ingest to serve (release build, Swift runtime linked
# statically as for distribution). Prints tool versions, in-process timings with result counts,
# whole-process timings (hyperfine), requests per second (wrk) and peak RSS. Needs: hyperfine, GNU
# time, wrk, curl (apt-get install hyperfine time wrk curl). Usage: Benchmarks/run.sh [corpus-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-${REGPOLICY_CORPUS:-corpus/official}}"
swift build -c release --static-swift-stdlib >/dev/null
bin=.build/release/regpolicy
echo "# $(swift --version 2>&1 | head -1); libxml2 $(xml2-config --version); $(uname -srm); $(nproc) cores"

html="$corpus/eu-ai-act/html/32024R1689_EN_OJ.html"
formex="$corpus/eu-ai-act/formex"
echo "## in-process: ingest to the provision tree (--stage ingest) and with JSON rendering"
$bin bench "$html" "$formex" --iterations 100 --warmup 10 --stage ingest
$bin bench "$html" "$formex" --iterations 50 --warmup 5

echo "## in-process: tokenizer and extraction (AI Act EN, GDPR)"
$bin bench "$html" --iterations 100 --warmup 10 --stage tokenizer
$bin bench "$html" "$corpus/gdpr/32016R0679_EN_OJ.html" --iterations 30 --warmup 5 --stage extract

echo "## in-process: every markup file of the corpus"
# The older EUR-Lex generations (eurlex-generations/) are not all read yet; they join this set once
# the readers hold on them.
mapfile -t files < <(find "$corpus" \( -name '*.html' -o -name '*.xml' -o -name '*.json' \) \
  ! -name '*.doc.fmx.xml' ! -name '*.toc.fmx.xml' ! -name '*.doc.xml' ! -path '*/eu-ai-act/formex/*' \
  ! -path '*/reg-2024-903/L_*' ! -path '*/eurlex-generations/*' | sort)
files+=("$formex" "$corpus/format-samples/reg-2024-903/L_202400903EN.doc.fmx.xml")
$bin bench "${files[@]}" --iterations 10 --warmup 2 --stage ingest | tail -2
echo "files: ${#files[@]}, bytes: $(du -cb "${files[@]}" | tail -1 | cut -f1)"

echo "## whole process"
hyperfine -N --warmup 5 --runs 50 \
  "$bin ingest $html --format json --out /tmp/regpolicy-bench" \
  "$bin ingest $formex --format json --out /tmp/regpolicy-bench" \
  "$bin ingest ${files[*]} --format json --out /tmp/regpolicy-bench"
hyperfine -N --warmup 5 --runs 30 --output /dev/null "$bin extract $html"
$bin extract "$html" | wc -l | sed 's/$/ statements (AI Act)/'

echo "## policy generation (AI Act, shipped rules, templates/profile.example.yaml)"
profile=templates/profile.example.yaml
# Fresh output folder on tmpfs and on disk, and a re-run over an unchanged tree (writes nothing).
hyperfine --warmup 3 --runs 30 \
  --prepare "rm -rf /dev/shm/regpolicy-policies" "$bin generate $html --profile $profile --out /dev/shm/regpolicy-policies" \
  --prepare "rm -rf /tmp/regpolicy-policies" "$bin generate $html --profile $profile --out /tmp/regpolicy-policies"
hyperfine -N --warmup 3 --runs 30 "$bin generate $html --profile $profile --out /tmp/regpolicy-policies"
find /tmp/regpolicy-policies -type f | wc -l | sed 's/$/ files generated/'

echo "## oscal: the AI Act tree as catalog, profile and component definition (new --out; unchanged --out)"
hyperfine -N --warmup 5 --runs 50 --prepare "rm -rf /tmp/regpolicy-oscal-new" \
  "$bin oscal --policies /tmp/regpolicy-policies --out /tmp/regpolicy-oscal-new"
$bin oscal --policies /tmp/regpolicy-policies --out /tmp/regpolicy-oscal 2>/dev/null
hyperfine -N --warmup 5 --runs 50 "$bin oscal --policies /tmp/regpolicy-policies --out /tmp/regpolicy-oscal"
grep -c '"control-id"' /tmp/regpolicy-oscal/component-definition.json | sed 's/$/ implemented requirements/'

echo "## check: 10,000 manifests (the sample manifests repeated with unique names)"
python3 - <<'PY'
import re
docs = []
for name in ["compliant", "noncompliant", "edge-cases"]:
    text = open("corpus/manifests/%s.yaml" % name, encoding="utf-8").read()
    docs += [d.strip("\n") for d in re.split(r"^---\s*$", text, flags=re.M) if "kind:" in d and "name:" in d]
out = [re.sub(r"^(  name: )(\S+)", lambda m: m.group(1) + m.group(2) + "-%d" % i, docs[i % len(docs)], count=1, flags=re.M)
       for i in range(10000)]
open("/tmp/regpolicy-manifests-10k.yaml", "w", encoding="utf-8").write("\n---\n".join(out) + "\n")
PY
hyperfine -N -i --warmup 2 --runs 10 "$bin check --policies /tmp/regpolicy-policies /tmp/regpolicy-manifests-10k.yaml"
{ $bin check --policies /tmp/regpolicy-policies /tmp/regpolicy-manifests-10k.yaml || true; } | tail -1

echo "## report: AI Act tree, coverage, 10,000 manifests (corpus/fleet repeated), the three FOCUS 1.3 files"
python3 - <<'PY'
import glob, re
docs = []
for path in sorted(glob.glob("corpus/fleet/manifests/*.yaml")):
    text = open(path, encoding="utf-8").read()
    docs += [d.strip("\n") for d in re.split(r"^---\s*$", text, flags=re.M) if "kind:" in d]
out = [re.sub(r"^(  name: )(\S+)", lambda m: m.group(1) + m.group(2) + "-%d" % i, docs[i % len(docs)], count=1, flags=re.M)
       for i in range(10000)]
open("/tmp/regpolicy-fleet-10k.yaml", "w", encoding="utf-8").write("\n---\n".join(out) + "\n")
PY
focus=("$corpus"/finops/focus-1.3/*.csv)
report="$bin report --policies /tmp/regpolicy-policies --profile corpus/fleet/profile.yaml --source $html \
  --manifests /tmp/regpolicy-fleet-10k.yaml --costs ${focus[*]}"
hyperfine -N -i --warmup 2 --runs 10 "$report --format markdown" "$report --format html" "$report --format json"
for format in markdown html json sarif; do
  /usr/bin/time -f "%M KiB peak RSS, $format" $report --format $format --out /tmp/regpolicy-report.$format || true
  wc -c < /tmp/regpolicy-report.$format | sed "s/$/ bytes, $format/"
done

echo "## diff: GDPR OJ → consolidated 2016-05-04 (HTML and Formex)"
gdpr="$corpus/gdpr"
hyperfine -N -i --warmup 3 --runs 20 \
  "$bin diff $gdpr/32016R0679_EN_OJ.html $gdpr/02016R0679-20160504_EN_consolidated.html" \
  "$bin diff $gdpr/32016R0679_EN_OJ.html $gdpr/02016R0679-20160504_EN_consolidated.fmx.xml"
{ $bin diff "$gdpr/32016R0679_EN_OJ.html" "$gdpr/02016R0679-20160504_EN_consolidated.html" 2>/dev/null || true; } | head -1

echo "## run: the AI Act into a fresh repository, then again (no change, exit 5)"
hyperfine -i --warmup 1 --runs 10 \
  --prepare "rm -rf /tmp/regpolicy-bench-repo && git init -q /tmp/regpolicy-bench-repo && git -C /tmp/regpolicy-bench-repo -c user.name=b -c user.email=b@b commit -q --allow-empty -m init" \
  "$bin run $html --repo /tmp/regpolicy-bench-repo --profile $profile"
hyperfine -N -i --warmup 2 --runs 10 "$bin run $html --repo /tmp/regpolicy-bench-repo --profile $profile"

echo "## peak RSS (KiB)"
for input in "$html" "$formex"; do
  /usr/bin/time -f "%M KiB  $input" $bin ingest "$input" > /dev/null
done

echo "## trace, search and serve (AI Act and the tree generated above; needs wrk and curl)"
index=/tmp/regpolicy-bench-trace.sqlite
# The review branch `run` made, merged as a reviewer would: its tree is the repository's HEAD.
repo=/tmp/regpolicy-bench-repo
git -C $repo merge -q --ff-only "$(git -C $repo for-each-ref --format='%(refname:short)' refs/heads/regpolicy/ | head -1)"
$bin bench "$html" --iterations 50 --warmup 5 --stage search
# Cold: the index is built from the source and the tree; warm: it is only opened.
hyperfine -N --warmup 2 --runs 20 --prepare "rm -f $index" \
  "$bin trace AIA-12 --source $html --policies /tmp/regpolicy-policies --index $index"
hyperfine -N --warmup 5 --runs 50 \
  "$bin trace AIA-12 --source $html --policies /tmp/regpolicy-policies --index $index" \
  "$bin trace 'Art. 12(1)' --source $html --policies /tmp/regpolicy-policies --index $index" \
  "$bin trace AIA-12 --source $html --repo $repo" \
  "$bin search 'human oversight' --source $html --policies /tmp/regpolicy-policies --index $index"
$bin serve --source "$html" --policies /tmp/regpolicy-policies --index $index --port 18080 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:18080/ && break; sleep 0.1; done
for page in /clause/art_12.par_1 /control/AIA-12 /; do
  wrk -t2 -c32 -d10s --latency "http://127.0.0.1:18080$page" | grep -E "^Running|Requests/sec| 99%"
done
