import Foundation
import JixiaoBase

/// The lines of a published document (部门决算, 绩效自评报告) as text, each split into cells
/// according to its shape.
///
/// Real text comes in several shapes: tab-separated cells (tables copied from Word or Excel),
/// `|`-separated cells (tables flattened from web pages), and plain lines (prose, PDF text
/// whose columns came out space-separated, or one cell per line). Line numbers are 1-based and
/// count the lines of the original file, so that findings point back into it.
///
/// Every line is normalised by `ChineseText.normalized` before it is split: traditional
/// characters become simplified (績效指標 → 绩效指标) and pinyin annotations go (`項(xiàng)目` →
/// `项目`), so `text`, `cells` and `compact` all hold simplified Chinese, and names and values
/// read from a traditional document are reported in simplified characters. The conversion is
/// per line and keeps line breaks, so line numbers are the original file's.
public struct DocumentText: Sendable {
    public enum Shape: Sendable, Hashable {
        case tabbed
        case piped
        case plain
    }

    public struct Line: Sendable {
        /// 1-based line number in the document.
        public var number: Int
        /// The line without its line end and without Markdown emphasis (`**`).
        public var text: String
        public var shape: Shape
        /// The cells of a tabbed or piped line, normalised (see `DocumentText.clean`); one cell
        /// holding the whole cleaned line for a plain line.
        public var cells: [String]

        /// Whether no cell has any text.
        public var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
        /// The non-empty cells, in order.
        public var filledCells: [String] { cells.filter { !$0.isEmpty } }
        /// The whole line with every space removed: for matching labels printed with stray spaces.
        public var compact: String { DocumentText.compact(text) }
    }

    public var file: String
    public var lines: [Line]

    /// Splits `text` into lines (LF, CRLF or CR line ends) and each line into cells. Under a
    /// `TimeLimit` that passes, it stops early (the batch then drops the document).
    public init(_ text: String, file: String) {
        self.file = file
        var result: [Line] = []
        var number = 0
        var time = TimeLimit.Ticker()
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for raw in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            if time.isExpired(1 + raw.utf8.count / 64) { break }
            number += 1
            var line = String(raw)
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            line = ChineseText.normalized(line)
            line = line.replacingOccurrences(of: "**", with: "")
            result.append(Self.split(line, number: number))
        }
        lines = result
    }

    /// The line numbered `number` (1-based).
    public func line(_ number: Int) -> Line? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    package static func split(_ text: String, number: Int) -> Line {
        if text.contains("\t") {
            return Line(number: number, text: text, shape: .tabbed,
                        cells: text.split(separator: "\t", omittingEmptySubsequences: false).map { clean(String($0)) })
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // A cell per line ends in ` |` (`单位名称 |`), and a lone `|` is a blank cell.
        if trimmed.hasPrefix("|") || trimmed.hasSuffix("|") || trimmed.filter({ $0 == "|" }).count >= 2 {
            var body = Substring(trimmed)
            if body.hasPrefix("|") { body = body.dropFirst() }
            if body.hasSuffix("|") { body = body.dropLast() }
            let cells = body.split(separator: "|", omittingEmptySubsequences: false).map { clean(String($0)) }
            // A Markdown separator row (`|---|:--:|`) carries no cells.
            if cells.allSatisfy({ $0.allSatisfy { "-:— ".contains($0) } }) {
                return Line(number: number, text: text, shape: .piped, cells: [])
            }
            return Line(number: number, text: text, shape: .piped, cells: cells)
        }
        return Line(number: number, text: text, shape: .plain, cells: [clean(text)])
    }

    // MARK: Normalising text

    /// A cell's text as a reader would write it: trimmed, runs of spaces collapsed, and spaces
    /// between two Chinese characters removed (PDF and Word extraction put them where a cell
    /// wrapped: `降低全市政 府服务热线` → `降低全市政府服务热线`). Spaces beside digits and Latin
    /// letters are kept (`224 人次`, `≥ 100%`).
    public static func clean(_ text: String) -> String {
        let scalars = Array(plainSpaces(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                var end = index
                while end < scalars.count, scalars[end].properties.isWhitespace { end += 1 }
                let before = out.last
                let after = end < scalars.count ? scalars[end] : nil
                if let before, let after, !(isTight(before) && isTight(after)) {
                    out.append(" ")
                }
                index = end
                continue
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    /// `text` with every whitespace removed.
    public static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{3000}" }))
    }

    /// Joins two pieces of a cell that wrapped onto two lines: directly between Chinese
    /// characters, with a space otherwise.
    public static func join(_ first: String?, _ second: String?) -> String? {
        guard let first, !first.isEmpty else { return second }
        guard let second, !second.isEmpty else { return first }
        if let last = first.unicodeScalars.last, let next = second.unicodeScalars.first,
           (isTight(last) && !isASCIIAlphanumeric(next)) || (isTight(next) && !isASCIIAlphanumeric(last)) {
            return first + second
        }
        return first + " " + second
    }

    /// Chinese characters, Chinese punctuation and full-width forms: text that is written
    /// without spaces.
    package static func isTight(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3001...0x303F, 0xFF01...0xFF0F,
             0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2E80...0x2FDF:
            true
        default:
            false
        }
    }
}

extension DocumentText {
    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    /// Ideographic and no-break spaces as plain spaces, so that they collapse like any other.
    package static func plainSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3000, 0x00A0, 0x2002...0x200B: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
