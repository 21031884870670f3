#!/usr/bin/env bash
# Makes the .docx fixtures with LibreOffice from the web pages beside them:
#
#   cd Tests/Fixtures/docx && ./make_fixtures.sh
#
# - department-merged.docx, from department-merged.htm: a prose paragraph, one self-evaluation
#   table (CoverageTests' clean department table: budget 100/90, four indicators) whose title row
#   spans all eight columns (w:gridSpan), whose 产出指标 cell runs down two rows (w:vMerge) and
#   whose 总分 label spans five columns, then a closing paragraph whose 绩效自评得分 (98) is not
#   the table's total (99).
# - no-table.docx, from no-table.htm: prose only, nothing to check.
# - damaged documents derived from department-merged.docx: not-a-zip.docx (text under a .docx
#   name), no-document.docx (word/document.xml left out), bad-xml.docx (word/document.xml cut in
#   half), truncated.docx (the first half of the file's bytes).
#
# Needs soffice (Debian: libreoffice-writer-nogui), zip and unzip. All units and figures are made up.
set -euo pipefail
cd "$(dirname "$0")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for page in department-merged no-table; do
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to "docx:MS Word 2007 XML" --outdir "$work" "$page.htm" >/dev/null 2>&1
  test -s "$work/$page.docx" || { echo "make_fixtures.sh: $page.docx was not made" >&2; exit 1; }
  cp "$work/$page.docx" .
done

printf '这不是 Word 文档，只是改了扩展名的文本。\n' > not-a-zip.docx

cp department-merged.docx "$work/no-document.docx"
zip -q -d "$work/no-document.docx" word/document.xml
cp "$work/no-document.docx" .

mkdir "$work/parts"
unzip -q department-merged.docx -d "$work/parts"
size=$(wc -c < "$work/parts/word/document.xml")
head -c $((size / 2)) "$work/parts/word/document.xml" > "$work/half.xml"
mv "$work/half.xml" "$work/parts/word/document.xml"
(cd "$work/parts" && zip -q -X -r ../bad-xml.docx .)
cp "$work/bad-xml.docx" .

size=$(wc -c < department-merged.docx)
head -c $((size / 2)) department-merged.docx > truncated.docx
ls -l ./*.docx
