/// Text read from an input, made safe to print on a terminal: a file's unit or indicator name
/// could hold escape sequences that retitle, recolour or erase the user's terminal.
public enum TerminalText {
    /// `text` with every control character shown instead of sent: C0 characters and DEL as
    /// their Unicode control pictures (ESC as `␛`), C1 characters as `�`; a tab becomes a
    /// space. Newlines are kept only when `keepingNewlines` (a multi-line message), else
    /// shown as `␊`. Costs one pass; text without control characters is returned as it is.
    public static func safe(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingNewlines: keepingNewlines) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar, keepingNewlines: keepingNewlines) else {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x7F: out.append("\u{2421}")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            default: out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingNewlines
        case 0x00..<0x20, 0x7F..<0xA0: true
        default: false
        }
    }
}
