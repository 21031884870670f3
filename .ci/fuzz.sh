#!/usr/bin/env bash
# Runs one libFuzzer target for a while: .ci/fuzz.sh TARGET SECONDS
#   TARGET: yaml (YAML reader, submissions, rubrics), values (target/actual value parser),
#           document (published-document text importer), xlsx (workbook reader)
# The corpus grows in .build-fuzz/corpus/TARGET (not committed); the seeds are committed in
# Tests/Fuzz/TARGET. A crash leaves crash-* in .build-fuzz/ and exits non-zero: copy it into
# Tests/Fuzz/TARGET and add a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: .ci/fuzz.sh TARGET SECONDS}
seconds=${2:-30}
[ -d "Tests/Fuzz/$target" ] || { echo "no seed corpus Tests/Fuzz/$target"; exit 2; }

swift build -c debug --scratch-path .build-fuzz --product jixiao-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DJIXIAO_FUZZING
mkdir -p ".build-fuzz/corpus/$target" .build-fuzz/artifacts
# ZIPFoundation leaks a few bytes per archive it opens (Foundation's fileSystemRepresentation,
# never freed), so leak detection is off for the workbook reader; crashes still count.
leaks=1
[ "$target" = xlsx ] && leaks=0
JIXIAO_FUZZ_TARGET=$target JIXIAO_RUBRICS=$PWD/Rubrics \
  .build-fuzz/debug/jixiao-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=$leaks \
  -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 \
  ".build-fuzz/corpus/$target" "Tests/Fuzz/$target"
