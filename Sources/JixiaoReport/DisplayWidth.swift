/// Terminal column arithmetic that counts Chinese characters as two columns wide.
public enum DisplayWidth {
    /// Columns `text` takes in a terminal: East Asian wide and full-width characters take two.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    /// `text` padded with spaces to `columns` (left-aligned, or right-aligned for numbers).
    public static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, columns - of(text)))
        return right ? padding + text : text + padding
    }

    /// `text` broken into lines at most `columns` wide, for a terminal: at spaces, and between
    /// two characters of which one is Chinese (which has no spaces to break at). A closing mark
    /// (，。）” …) never starts a line and an opening one (（“ …) never ends one; a run that fits no
    /// line is left whole. Line breaks already in `text` stay.
    public static func wrap(_ text: String, to columns: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapped(Array($0), columns).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    private static func wrapped(_ characters: [Character], _ columns: Int) -> [String] {
        var lines: [String] = []
        var line: [Character] = []
        var width = 0
        var lineBreak: Int?  // where the next line may start
        for character in characters {
            if character == " " {
                guard !line.isEmpty else { continue }
                line.append(character)
                width += 1
                lineBreak = line.count
                continue
            }
            let characterWidth = of(String(character))
            if let previous = line.last, previous != " ", breaks(between: previous, and: character) { lineBreak = line.count }
            if width + characterWidth > columns, let at = lineBreak, at > 0 {
                lines.append(trimmed(line[..<at]))
                line = Array(line[at...].drop { $0 == " " })
                width = of(String(line))
                lineBreak = nil
            }
            line.append(character)
            width += characterWidth
        }
        lines.append(trimmed(line[...]))
        return lines
    }

    private static func trimmed(_ characters: ArraySlice<Character>) -> String {
        var characters = characters
        while characters.last == " " { characters.removeLast() }
        return String(characters)
    }

    private static let closing = Set("，。、；：？！）》」』”’…%,.;:?!)]")
    private static let opening = Set("（《「『“‘([")

    private static func breaks(between before: Character, and after: Character) -> Bool {
        guard !closing.contains(after), !opening.contains(before) else { return false }
        return isWide(before) || isWide(after)
    }

    private static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { width($0) == 2 } ?? false
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD: 2
        default: 1
        }
    }
}
