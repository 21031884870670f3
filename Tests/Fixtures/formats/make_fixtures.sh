#!/usr/bin/env bash
# Makes the format fixtures from table.htm with the real programs (no hand-written files):
#
#   cd Tests/Fixtures/formats && ./make_fixtures.sh
#
# LibreOffice (Debian: libreoffice-writer-nogui libreoffice-calc-nogui) writes table.docx,
# table.doc, table.xlsx, table.xls and table-writer.pdf (from the .docx); headless Chromium
# (Debian: chromium) writes table-chromium.pdf. Each program gets a throwaway profile. The PDFs
# are for the PDF reader; nothing else here reads them.
#
# table.yaml is the same table written by hand: the tests check that every file audits like it.
set -euo pipefail
cd "$(dirname "$0")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice=(soffice --headless --norestore "-env:UserInstallation=file://$work/profile")

"${soffice[@]}" --convert-to "docx:MS Word 2007 XML" --outdir "$work" table.htm
"${soffice[@]}" --convert-to "doc:MS Word 97" --outdir "$work" table.htm
# Calc takes an HTML table only through its own HTML filter ("Unspecified Application Error"
# otherwise).
"${soffice[@]}" --infilter="HTML (StarCalc)" --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$work" table.htm
"${soffice[@]}" --infilter="HTML (StarCalc)" --convert-to "xls:MS Excel 97" --outdir "$work" table.htm
"${soffice[@]}" --convert-to "pdf:writer_pdf_Export" --outdir "$work/writer" "$work/table.docx"

chromium --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
  "--user-data-dir=$work/chromium" "--print-to-pdf=$work/table-chromium.pdf" "file://$PWD/table.htm" 2>/dev/null

for name in table.docx table.doc table.xlsx table.xls table-chromium.pdf; do
  test -s "$work/$name" || { echo "make_fixtures.sh: $name was not made" >&2; exit 1; }
  cp "$work/$name" .
done
test -s "$work/writer/table.pdf" || { echo "make_fixtures.sh: table-writer.pdf was not made" >&2; exit 1; }
cp "$work/writer/table.pdf" table-writer.pdf
ls -l table.docx table.doc table.xlsx table.xls table-writer.pdf table-chromium.pdf
