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

    /// The field as a CSV cell: neutralised against formula injection (OWASP: a cell that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
    /// spreadsheet shows it as text instead of running it), then quoted if it must be. A plain
    /// number (`-1`, `-12.50`, `+3%`) is kept as it is: it runs nothing.
    public static func escape(_ field: String) -> String {
        var cell = field
        if let first = field.utf8.first, formulaStarts.contains(first), !isPlainNumber(field) { cell = "'" + field }
        var needsQuotes = false
        for byte in cell.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `=`, `+`, `-`, `@`, TAB, CR.
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// A sign, digits with at most one decimal point, and an optional `%`: nothing else.
    private static func isPlainNumber(_ field: String) -> Bool {
        var bytes = field.utf8.dropFirst()
        if bytes.last == UInt8(ascii: "%") { bytes = bytes.dropLast() }
        var digits = 0, points = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }
}
