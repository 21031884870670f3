#!/usr/bin/env bash
# Prints the PDF fixtures from their HTML sources with headless Chromium (and one with LibreOffice):
#   project.pdf        project.html, one page, 执行率 and 总分 misprinted on purpose
#   long.pdf           long.html, an indicator table over three pages, its header repeated and
#                      a running footer (position: fixed) at the bottom of each page
#   two-tables.pdf     two-tables.html, two tables on one page
#   scan.pdf           a page holding only a picture of project.html (a screenshot): no text layer
#   project-lo.pdf     project.html through LibreOffice (.docx, then PDF), when soffice is installed
# and the small seeds of the pdf fuzz target in Tests/Fuzz/pdf.
#   cd Tests/Fixtures/pdf && ./make_fixtures.sh
# With --pages N OUT, prints instead an N-page PDF (long.html's rows repeated) to OUT, for
# measuring the reader (not committed).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

print() {  # print SOURCE.html OUT.pdf
  chromium --headless --no-sandbox --no-pdf-header-footer --user-data-dir="$work/profile" \
    --print-to-pdf="$2" "file://$(realpath "$1")" 2>/dev/null
}

if [ "${1:-}" = --pages ]; then
  pages=${2:?usage: make_fixtures.sh --pages N OUT}
  out=$(realpath -m "${3:?usage: make_fixtures.sh --pages N OUT}")
  # long.html holds about 37 indicator rows over three pages: repeat its body rows.
  python3 - "$pages" "$work/bench.html" <<'PY'
import re, sys
pages, out = int(sys.argv[1]), sys.argv[2]
html = open('long.html').read()
body = re.search(r'<tbody>\n(.*)\n<tr><td>总分', html, re.S).group(1)
rows = [r for r in body.split('\n') if r.startswith('<tr>')]
rows = [re.sub(r'<td rowspan="\d+">[^<]*</td>', '', r) for r in rows]
many = '\n'.join(rows[i % len(rows)] for i in range(pages * 20))
open(out, 'w').write(html.replace(body, many))
PY
  print "$work/bench.html" "$out"
  pdfinfo "$out" | grep Pages
  exit 0
fi

# The fuzz target's seeds (Tests/Fuzz/pdf): a few KB each, so the fuzzer mutates them quickly.
cat > "$work/seed.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: 200mm 80mm; margin: 5mm; } body { font: 9pt "DejaVu Sans", sans-serif; }
td { border: 1px solid #000; padding: 1px 3px; } table { border-collapse: collapse; }
</style></head><body><p>2023 project</p><table border="1">
<tr><td>name</td><td colspan="3">demo</td></tr>
<tr><td rowspan="2">output</td><td>count</td><td>&gt;=30</td><td>10</td></tr>
<tr><td>rate</td><td>95%</td><td>9.5</td></tr>
<tr><td>total</td><td></td><td>100</td><td>19.5</td></tr>
</table><p>- 1 -</p></body></html>
HTML
print "$work/seed.html" ../../Fuzz/pdf/ascii-table.pdf
head -c 1500 ../../Fuzz/pdf/ascii-table.pdf > ../../Fuzz/pdf/truncated.pdf
if command -v soffice >/dev/null; then
  printf '<html><body><table border="1"><tr><td>项目名称</td><td>测试</td></tr><tr><td>总分</td><td>100</td></tr></table></body></html>' > "$work/seed-zh.html"
  soffice --headless --convert-to "docx:MS Word 2007 XML" --outdir "$work" "$work/seed-zh.html" >/dev/null
  soffice --headless --convert-to pdf:writer_pdf_Export --outdir "$work" "$work/seed-zh.docx" >/dev/null
  cp "$work/seed-zh.pdf" ../../Fuzz/pdf/chinese-table-lo.pdf
fi

print project.html project.pdf
print long.html long.pdf
print two-tables.html two-tables.pdf
# The scan: a screenshot of the table, printed as the only thing on a page.
chromium --headless --no-sandbox --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=794,560 --screenshot="$work/scan.png" "file://$(realpath project.html)" 2>/dev/null
printf '<!DOCTYPE html><html><body style="margin:0"><img src="scan.png" style="width:100%%"></body></html>' > "$work/scan.html"
print "$work/scan.html" scan.pdf
if command -v soffice >/dev/null; then
  soffice --headless --convert-to "docx:MS Word 2007 XML" --outdir "$work" project.html >/dev/null
  soffice --headless --convert-to pdf:writer_pdf_Export --outdir "$work" "$work/project.docx" >/dev/null
  cp "$work/project.pdf" project-lo.pdf
fi
ls -l *.pdf
