import JixiaoBase

/// CSV as Excel reads it: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark
/// (added by `OutputFile(bom: true)`) so Chinese text opens intact.
public enum CSV {
    /// One record: every field quoted only when it must be.
    public static func row(_ fields: [String]) -> String {
        var line: [UInt8] = []
        append(fields, to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    /// Appends one record, CRLF included, straight to `out`: no text is made of its cells.
    static func append(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            field.withUTF8Bytes { appendCell($0, to: &out) }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// The field as a CSV cell: neutralised against formula injection (OWASP: a cell that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
    /// spreadsheet shows it as text instead of running it), then quoted, its quotes doubled, if
    /// it holds a comma, a quote or a line break. A plain number (`-1`, `-12.50`, `+3%`) is kept
    /// as it is: it runs nothing.
    private static func appendCell(_ field: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let guarded = if let first = field.first { startsFormula(first) && !isPlainNumber(field) } else { false }
        let quoted = field.contains(where: needsQuotes)
        if quoted { out.append(0x22) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in field {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: field)
        }
    }

    /// `=`, `+`, `-`, `@`, TAB, CR.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
        default: false
        }
    }

    /// A comma, a quote or a line break.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x22, 0x0A, 0x0D: true
        default: false
        }
    }

    /// A sign, digits with at most one decimal point, and an optional `%`: nothing else.
    private static func isPlainNumber(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var bytes = field.dropFirst()
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
