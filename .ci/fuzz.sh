#!/usr/bin/env bash
# Runs one libFuzzer target for a while: .ci/fuzz.sh TARGET SECONDS
#   TARGET: yaml (YAML reader, submissions, rubrics), values (target/actual value parser),
#           document (published-document text importer), xlsx (workbook reader),
#           docx (Word reader and import), html (web page reader and import),
#           pdf (PDF reader: poppler, the page layout, import)
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
# Foundation's XMLParser leaks a string for every XML error it reports
# (_CFErrorCreateFromXMLInterface, swift-corelibs-foundation), so leak detection is off for the
# workbook and Word readers, both libFuzzer's after each input and LeakSanitizer's at exit
# (which would otherwise fail a clean run); crashes, hangs and memory errors still count. For the other
# targets .ci/lsan-suppressions.txt says which reports are not leaks (the value parser's memo).
leaks=1
[ "$target" = xlsx ] || [ "$target" = docx ] && leaks=0
# A workbook or Word document cut short loses its zip directory at the end, so let libFuzzer
# mutate whole seeds from the start instead of growing the input length slowly (its default).
lengths=1
[ "$target" = xlsx ] || [ "$target" = docx ] && lengths=0
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=$leaks" \
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$PWD/.ci/lsan-suppressions.txt" \
JIXIAO_FUZZ_TARGET=$target JIXIAO_RUBRICS=$PWD/Rubrics \
  .build-fuzz/debug/jixiao-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=$leaks -len_control=$lengths \
  -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 \
  ".build-fuzz/corpus/$target" "Tests/Fuzz/$target"
