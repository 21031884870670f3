#!/usr/bin/env python3
"""Writes the sources of the .xlsx fixtures and the workbooks themselves.

    cd Tests/Fixtures/xlsx && python3 make_fixtures.py

- project-merged.html, stacked-one-sheet.html: HTML tables (colspan/rowspan become merged
  cells), converted by LibreOffice:
  soffice --headless --infilter="HTML (StarCalc)" --convert-to xlsx FILE.html
- two-sheets-text.fods: a flat OpenDocument spreadsheet with two sheets whose figures are
  text cells (numbers stored as text), converted the same way (HTML gives only one sheet).
- inline-strings.xlsx, rich-text-phonetic.xlsx: written by hand below (no LibreOffice), for
  what LibreOffice never writes: inline strings without sharedStrings.xml, cells and rows
  without a reference, an absolute sheet path, rich-text runs and a phonetic run.

LibreOffice (apt-get install libreoffice-calc) is needed only to regenerate the converted
workbooks; the tests read the committed .xlsx files. All units and figures are made up.
"""
import html
import os
import subprocess
import zipfile

# A table is a list of rows; a cell is text or (text, colspan, rowspan[, HTML attributes]). As in
# HTML, a row lists only the cells not covered by a rowspan from above. LibreOffice reads a cell's
# `sdval`/`sdnum` attributes as its value and number format: a percentage stored as a number.

PROJECT = [
    [("2023年度项目支出绩效自评表", 9, 1)],
    ["项目名称", ("乡村公路养护补助", 8, 1)],
    ["主管部门", ("某县交通运输局", 3, 1), "实施单位", ("某县公路养护中心", 4, 1)],
    [("项目资金（万元）", 2, 1), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "80", "80", "72", "10", ("90.00%", 1, 1, 'sdval="0.9" sdnum="2052;0;0.00%"'), "9", ""],
    [("年度总体目标", 1, 2), ("预期目标", 4, 1), ("实际完成情况", 4, 1)],
    [("完成乡村公路养护120公里，路面优良率不低于85%", 4, 1), ("完成养护125公里，路面优良率88%", 4, 1)],
    [("绩效指标", 1, 7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [("产出指标（50分）", 1, 3), "数量指标", "公路养护里程", "≥120公里", "125公里", "20", "20", ""],
    ["质量指标", "路面优良率", "≥85%", "88%", "15", "15", ""],
    ["时效指标", "养护完工时间", "2023年11月底前", "2023年11月", "15", "15", ""],
    [("效益指标（30分）", 1, 2), "社会效益指标", "群众出行便利度", "明显改善", "有所改善", "20", "18", "部分路段雨季积水"],
    ["可持续影响指标", "养护长效机制", "建立", "已建立", "10", "10", ""],
    ["满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "10", "10", ""],
    ["", "总分", "", "", "", "", "100", "98", ""],
]

DEPARTMENT = [
    [("2023年度部门（单位）整体支出绩效自评表", 9, 1)],
    [("单位名称", 2, 1), ("某县文化馆", 7, 1)],
    [("年度预算申请（万元）", 2, 1), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "150", "160", "152", "10", ("95%", 1, 1, 'sdval="0.95" sdnum="2052;0;0%"'), "9.5", ""],
    ["", "其中：当年财政拨款", "150", "160", "152", "", "", "", ""],
    [("年度总体目标", 1, 2), ("预期目标", 4, 1), ("实际完成情况", 4, 1)],
    [("举办公益展览不少于10场，群众满意度90%以上", 4, 1), ("举办展览12场，群众满意度95%", 4, 1)],
    [("绩效指标", 1, 6), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [("产出指标（50分）", 1, 3), "数量指标", "公益展览场次", "≥10场", "12场", "20", "20", ""],
    ["质量指标", "活动安全事故", "0起", "0起", "15", "15", ""],
    ["时效指标", "活动按期完成率", "100%", "100%", "15", "15", ""],
    ["效益指标（30分）", "社会效益指标", "群众文化参与人次", "≥5万人次", "5.6万人次", "30", "30", ""],
    ["满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ["", "总分", "", "", "", "", "100", "99.5", ""],
]


def normalise(cell):
    """(text, colspan, rowspan), without the HTML attributes."""
    return cell[:3] if isinstance(cell, tuple) else (cell, 1, 1)


def layout(table):
    """Each anchor cell with its row, column and spans; the grid of covered positions."""
    covered = set()
    anchors = []
    for r, row in enumerate(table):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            text, colspan, rowspan = normalise(cell)
            anchors.append((r, c, text, colspan, rowspan))
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered.add((r + dr, c + dc))
            c += colspan
    return anchors, covered


def html_table(table):
    rows = []
    for row in table:
        cells = []
        for cell in row:
            text, colspan, rowspan = normalise(cell)
            spans = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
            if isinstance(cell, tuple) and len(cell) > 3:
                spans += " " + cell[3]
            cells.append(f"<td{spans}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border=\"1\">\n" + "\n".join(rows) + "\n</table>\n"


def write_html(name, tables):
    body = "<p></p>\n".join(html_table(t) for t in tables)
    with open(name, "w", encoding="utf-8") as f:
        f.write(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{name}</title></head><body>\n{body}</body></html>\n')


def fods_sheet(name, table):
    anchors, covered = layout(table)
    by_position = {(r, c): (text, cs, rs) for r, c, text, cs, rs in anchors}
    height = max(r for r, _ in covered) + 1
    width = max(c for _, c in covered) + 1
    out = [f'<table:table table:name="{html.escape(name)}">']
    for r in range(height):
        out.append("<table:table-row>")
        for c in range(width):
            if (r, c) in by_position:
                text, cs, rs = by_position[(r, c)]
                spans = (f' table:number-columns-spanned="{cs}"' if cs > 1 else "") + \
                        (f' table:number-rows-spanned="{rs}"' if rs > 1 else "")
                if text:
                    # Every cell a text cell: the figures are numbers stored as text.
                    out.append(f'<table:table-cell office:value-type="string"{spans}><text:p>{html.escape(text)}</text:p></table:table-cell>')
                else:
                    out.append(f"<table:table-cell{spans}/>")
            elif (r, c) in covered:
                out.append("<table:covered-table-cell/>")
            else:
                out.append("<table:table-cell/>")
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def write_fods(name, sheets):
    body = "\n".join(fods_sheet(n, t) for n, t in sheets)
    with open(name, "w", encoding="utf-8") as f:
        f.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
            f"<office:body><office:spreadsheet>\n{body}\n</office:spreadsheet></office:body></office:document>\n")


def convert(source):
    # HTML opens in Writer unless Calc's HTML filter is named.
    infilter = ["--infilter=HTML (StarCalc)"] if source.endswith(".html") else []
    subprocess.run(["soffice", "--headless", *infilter, "--convert-to", "xlsx", source], check=True)


# The text-as-numbers variant: the project's 执行率 and score stated wrongly, so an audit
# has something to say (72 / 80 is 90%, not 95%).
PROJECT_TEXT = [list(row) for row in PROJECT]
PROJECT_TEXT[4] = ["", "年度资金总额", "80", "80", "72", "10", "95.00%", "9.5", ""]


# --- Hand-made workbooks --------------------------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target}"/>
{extra}</Relationships>"""


def inline(ref, text):
    r = f' r="{ref}"' if ref else ""
    return f'<c{r} t="inlineStr"><is><t>{html.escape(text, quote=False)}</t></is></c>'


def write_inline_strings():
    """The project table in inline strings, no sharedStrings.xml, an absolute sheet path, some
    rows and cells without `r`, numbers stored as numbers and as text, a merged title."""
    rows = []
    anchors, _ = layout(PROJECT)
    for r in range(1, len(PROJECT) + 1):
        cells = []
        for (ar, ac, text, _, _) in anchors:
            if ar != r - 1 or not text:
                continue
            ref = f"{chr(65 + ac)}{r}"
            if text.replace(".", "", 1).isdigit() and r % 2 == 0:
                cells.append(f'<c r="{ref}"><v>{text}</v></c>')  # a number
            else:
                cells.append(inline(ref, text))  # text, numbers included on odd rows
        # Row 1: no `r` on the row; row 2: no `r` on its cells (they are consecutive from A).
        if r == 2:
            cells = [inline(None, "项目名称"), inline(None, "乡村公路养护补助")]
        row_r = "" if r == 1 else f' r="{r}"'
        rows.append(f"<row{row_r}>{''.join(cells)}</row>")
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(rows)}</sheetData>'
             '<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells></worksheet>')
    with zipfile.ZipFile("inline-strings.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(name="自评表"))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(target="/xl/worksheets/sheet1.xml", extra=""))
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def write_rich_text_phonetic():
    """A hidden sheet; shared strings with rich-text runs, a phonetic run, an entity splitting the text, a
    prefixed namespace (x:), a boolean, an error, a formula's cached value, a number with
    floating-point noise and a percent-formatted number."""
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
              '<x:si><x:t>单位名称</x:t></x:si>'
              '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>某县</x:t></x:r><x:r><x:t xml:space="preserve">文化&amp;旅游</x:t></x:r>'
              '<x:r><x:t>局</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ぼうけん</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>'
              '<x:si><x:t>合计</x:t></x:si>'
              '</x:sst>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs>'
              '</styleSheet>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<x:sheetData>'
             '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>'
             '<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3"><x:f>B4*2</x:f><x:v>96.299999999999997</x:v></x:c>'
             '<x:c r="C3" s="1"><x:v>0.96299999999999997</x:v></x:c><x:c r="D3" s="2"><x:v>1</x:v></x:c>'
             '<x:c r="E3" t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#DIV/0!</x:v></x:c>'
             '<x:c r="G3" t="str"><x:f>"a"</x:f><x:v>0100</x:v></x:c><x:c r="H3" s="1"/></x:row>'
             '</x:sheetData></x:worksheet>')
    extra = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\n'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="./styles.xml"/>\n')
    with zipfile.ZipFile("rich-text-phonetic.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        # A second, hidden sheet (a lookup list): not read.
        z.writestr("xl/workbook.xml", WORKBOOK.format(name="Sheet1").replace(
            "</sheets>", '<sheet name="下拉选项" sheetId="2" state="hidden" r:id="rId1"/></sheets>'))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(target="worksheets/sheet1.xml", extra=extra))
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def write_broken():
    """Workbooks the reader must refuse with an input error, never a crash."""
    with zipfile.ZipFile("not-a-workbook.xlsx", "w") as z:
        z.writestr("readme.txt", "a zip, but no workbook in it")

    def workbook(name, sheet):
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("_rels/.rels", ROOT_RELS)
            z.writestr("xl/workbook.xml", WORKBOOK.format(name="Sheet1"))
            z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(target="worksheets/sheet1.xml", extra=""))
            if sheet is not None:
                z.writestr("xl/worksheets/sheet1.xml", sheet)

    start = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    workbook("missing-sheet.xlsx", None)
    workbook("bad-xml.xlsx", start + '<row r="1"><c r="A1" t="inlineStr"><is><t>未闭合</is></c></row>')
    # One cell in A1 and one in the last cell Excel has: a rectangle of 17 billion cells.
    workbook("huge-grid.xlsx", start + '<row r="1"><c r="A1"><v>1</v></c></row>'
             '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>')
    # 101 MB of spaces that deflate to about 100 KB: over the 100 MB part limit.
    workbook("bomb.xlsx", start + " " * (101 * 1024 * 1024) + "</sheetData></worksheet>")


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    write_html("project-merged.html", [PROJECT])
    write_html("stacked-one-sheet.html", [DEPARTMENT, PROJECT])
    write_fods("two-sheets-text.fods", [("项目支出", PROJECT_TEXT), ("部门整体支出", DEPARTMENT)])
    for source in ["project-merged.html", "stacked-one-sheet.html", "two-sheets-text.fods"]:
        convert(source)
    write_inline_strings()
    write_rich_text_phonetic()
    write_broken()
    with open("corrupt.xlsx", "wb") as f:
        f.write(open("project-merged.xlsx", "rb").read()[:700])  # a workbook cut short
