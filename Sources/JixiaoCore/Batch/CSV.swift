import JixiaoReport

/// CSV as Excel reads it: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark
/// (added by `OutputFile(bom: true)`) so Chinese text opens intact.
public enum CSV {
    /// One record: every field quoted only when it must be.
    public static func row(_ fields: [String]) -> String {
        var line = TextBuffer(capacity: 256)
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(escape(field))
        }
        line.append(literal: "\r\n")
        return line.text
    }

    public static func escape(_ field: String) -> String {
        var needsQuotes = false
        for byte in field.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        // A leading = + - @ would run as a formula in a spreadsheet; numbers such as -1 are kept.
        if !needsQuotes, let first = field.utf8.first, first == 0x3D || first == 0x2B || first == 0x40 {
            return "'" + field
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses CSV text (quoted fields, doubled quotes, CRLF or LF); a leading BOM is skipped.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        var sawAny = false
        while let c = next() {
            sawAny = true
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""; sawAny = false
            default: field.unicodeScalars.append(c)
            }
        }
        if sawAny { row.append(field); rows.append(row) }
        return rows
    }
}
