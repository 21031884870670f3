import Foundation
import JixiaoBase
import JixiaoAudit
import JixiaoCore
import ZIPFoundation

/// The filtered findings as a spreadsheet: CSV (as `CSV` writes it, with a byte order mark)
/// and a real .xlsx workbook. Both are formula-safe: a cell that starts with = + - @, a tab or
/// a carriage return is prefixed with ' so a spreadsheet shows it as text and never runs it.
package enum FindingExport {
    package static func header(_ language: Language) -> [String] {
        language == .zh
            ? ["文件", "表", "单位", "层级", "项目", "年度", "代码", "严重程度", "位置", "行", "所填", "计算", "说明"]
            : ["file", "table", "unit", "level", "project", "year", "code", "severity", "path", "line", "claimed", "computed", "message"]
    }

    /// Column widths of the workbook, in characters.
    static let widths = [28, 6, 28, 10, 28, 7, 24, 10, 36, 7, 12, 12, 80]

    package static func cells(_ row: FindingRow, language: Language) -> [String] {
        let severity = Severity(rawValue: row.severity)?.label.text(language) ?? row.severity
        return [row.file, String(row.table), row.unit, row.level, row.project, String(row.year), row.code, severity, row.path,
                row.line.map(String.init) ?? "", row.claimed, row.computed, row.message]
    }

    /// `text` as a spreadsheet shows it without evaluating it.
    package static func formulaSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// UTF-8 with a byte order mark and CRLF line ends, so Excel opens the Chinese text intact.
    package static func csv(_ rows: [FindingRow], language: Language) -> Data {
        var text = "\u{FEFF}" + CSV.row(header(language))
        for row in rows { text += CSV.row(cells(row, language: language).map(formulaSafe)) }
        return Data(text.utf8)
    }

    /// A workbook of one sheet: the header row in bold, frozen below it, column widths set,
    /// every cell an inline string (numbers too, as they were printed).
    package static func xlsx(_ rows: [FindingRow], language: Language) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(language == .zh ? "问题" : "findings")" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        try add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """)
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (index, width) in widths.enumerated() {
            sheet += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        sheet += "</cols><sheetData>"
        func append(row number: Int, _ cells: [String], style: Int) {
            sheet += "<row r=\"\(number)\">"
            for (column, text) in cells.enumerated() {
                let reference = columnName(column) + String(number)
                sheet += "<c r=\"\(reference)\" t=\"inlineStr\"\(style > 0 ? " s=\"\(style)\"" : "")><is><t xml:space=\"preserve\">"
                sheet += xmlEscaped(formulaSafe(text))
                sheet += "</t></is></c>"
            }
            sheet += "</row>"
        }
        append(row: 1, header(language), style: 1)
        for (index, row) in rows.enumerated() { append(row: index + 2, cells(row, language: language), style: 0) }
        sheet += "</sheetData>"
        if !rows.isEmpty { sheet += "<autoFilter ref=\"A1:\(columnName(widths.count - 1))\(rows.count + 1)\"/>" }
        sheet += "</worksheet>"
        try add("xl/worksheets/sheet1.xml", sheet)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// `A`, `B`, … `Z`, `AA` for a 0-based column.
    static func columnName(_ column: Int) -> String {
        var name = ""
        var number = column + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Text for XML content: the five entities escaped, and control characters XML 1.0 forbids dropped.
    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
