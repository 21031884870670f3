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
}
