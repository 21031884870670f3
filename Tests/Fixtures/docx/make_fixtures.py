#!/usr/bin/env python3
"""Writes the .docx fixtures: WordprocessingML written here and zipped (no LibreOffice).

    cd Tests/Fixtures/docx && python3 make_fixtures.py

LibreOffice was not installed where these were made, so document.xml is written by hand with
the minimal parts a .docx needs ([Content_Types].xml, _rels/.rels, word/document.xml).

- department-merged.docx: a prose paragraph, one self-evaluation table (CoverageTests' clean
  department table: budget 100/90, four indicators) whose title row spans all eight columns
  (w:gridSpan), whose 产出指标 cell runs down two rows (w:vMerge restart/continue) and whose
  总分 label spans five columns, then a closing paragraph whose 绩效自评得分 (98) is not the
  table's total (99).
- no-table.docx: prose only, nothing to check.
- not-a-zip.docx, no-document.docx, bad-xml.docx, truncated.docx: damaged documents.

All units and figures are made up.
"""
import html
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>
"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

OPENING = "2023年度，某市测试局认真开展部门整体支出绩效自评，结果如下表。"
CLOSING = "2023年度本单位全年预算数100万元，执行数90万元，绩效自评得分98分。"

# A row is a list of cells; a cell is text or (text, gridSpan, vMerge) with vMerge None,
# "restart" or "continue" (written as <w:vMerge/>, no value, as Word does).
TABLE = [
    [("2023年度部门整体支出绩效自评表", 8, None)],
    ["单位名称", ("某市测试局", 7, None)],
    [("项目资金（万元）", 2, None), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "100", "90", "10", "90.00%", "9"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [("产出指标 (50分)", 1, "restart"), "数量指标", "培训场次", "≥ 10 次", "12 次", "25", "25", ""],
    [("", 1, "continue"), "质量指标", "合格率", "≥ 95%", "96%", "25", "25", ""],
    ["效益指标 (30分)", "社会效益指标", "覆盖人数", "≥ 1000 人", "1200 人", "30", "30", ""],
    ["满意度指标 (10分)", "服务对象满意度指标", "满意度", "≥ 90%", "92%", "10", "10", ""],
    [("总分", 5, None), "100", "99", ""],
]


def paragraph(text):
    if not text:
        return "<w:p/>"
    return f'<w:p><w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r></w:p>'


def cell(spec):
    text, span, merge = spec if isinstance(spec, tuple) else (spec, 1, None)
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    props = f"<w:tcPr>{props}</w:tcPr>" if props else ""
    return f"<w:tc>{props}{paragraph(text)}</w:tc>"


def table(rows):
    grid = "".join('<w:gridCol w:w="1100"/>' for _ in range(8))
    body = "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>\n" for row in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>\n{body}</w:tbl>'


def document(blocks):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>\n'
            + "\n".join(blocks) + "\n<w:sectPr/></w:body></w:document>\n")


def write_docx(name, parts):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in parts.items():
            info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def package(document_xml):
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": document_xml}


def main():
    merged = document([paragraph(OPENING), table(TABLE), paragraph(CLOSING)])
    write_docx("department-merged.docx", package(merged))

    write_docx("no-table.docx", package(document([
        paragraph("关于做好绩效管理工作的通知"), paragraph(""), paragraph("各科室：请按时提交材料。"),
    ])))
    with open("not-a-zip.docx", "w", encoding="utf-8") as f:
        f.write("这不是 Word 文档，只是改了扩展名的文本。\n")
    write_docx("no-document.docx", {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS})
    write_docx("bad-xml.docx", package(merged[: len(merged) // 2]))
    with open("department-merged.docx", "rb") as f:
        whole = f.read()
    with open("truncated.docx", "wb") as f:
        f.write(whole[: len(whole) // 2])


if __name__ == "__main__":
    main()
