#!/usr/bin/env bash
# Regenerates Reports/examples/ from Examples/: the HTML and Markdown report of every example,
# an English pair (en/), the dashboard (index.html), and — when chromium is installed — the
# screenshots the README links to. Review the diff before committing.
#
#   Reports/examples/regenerate.sh                        # from anywhere
#   SCRATCH=.build-report Reports/examples/regenerate.sh  # with another build folder
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${SCRATCH:-.build}

JIXIAO_RECORD_REPORTS=1 swift test --scratch-path "$scratch" --filter GoldenReportTests

if ! command -v chromium >/dev/null; then
  echo "chromium not found: screenshots left as they are" >&2
  exit 0
fi
out=$PWD/Reports/examples
shot() { # shot OUTPUT WIDTH,HEIGHT ABSOLUTE-PATH
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$1" --window-size="$2" "file://$3" 2>/dev/null
}
shot "$out/screenshot-report.png" 1240,1754 "$out/seed-003-department-2021.html"
shot "$out/screenshot-dashboard.png" 1240,1400 "$out/index.html"
# A very long indicator name, at A4 print width (210 mm at 96 dpi is 794 px) and at a phone's.
long=$(mktemp -d)
name=$(printf '离休干部一人一策精准化个性化服务保障%.0s' 1 2 3 4)
sed "s/扶持单位数/$name/" "$out/seed-003-department-2021.html" > "$long/long-name.html"
shot "$out/screenshot-long-name-a4.png" 794,1123 "$long/long-name.html"
shot "$out/screenshot-long-name-phone.png" 390,1700 "$long/long-name.html"
rm -rf "$long"
