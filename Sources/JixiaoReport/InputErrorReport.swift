import Foundation
import JixiaoBase

/// Input errors written compiler-style: `file:line:column: 错误[code]: field: message`, then the
/// offending source line with a caret under the column, then the hint. Where the line is a
/// page or table row of a PDF, web page or Word file, `file:第3页: …` and no source line.
public enum InputErrorReport {
    public static func render(_ error: InputError, language: Language, style: TextStyle = TextStyle(color: false)) -> String {
        let label = language == .zh ? "错误" : "error"
        let field = error.field.map { "\(TerminalText.safe($0)): " } ?? ""
        var lines = [
            "\(style.bold(TerminalText.safe(error.location.text(language)))): \(style.severity(.error, "\(label)[\(error.code.rawValue)]")): \(field)\(TerminalText.safe(error.message.text(language)))",
        ]
        // A line of text rendered from a PDF, web page or Word file is not a line of the file.
        if error.location.line > 0, error.location.place == nil, let source = sourceLine(error.location) {
            let number = String(error.location.line)
            let gutter = String(repeating: " ", count: number.count)
            lines.append(" \(number) | \(source)")
            if error.location.column > 0 {
                let prefix = String(source.unicodeScalars.prefix(error.location.column - 1))
                lines.append(" \(gutter) | \(String(repeating: " ", count: DisplayWidth.of(prefix)))^")
            }
        }
        if let hint = error.hint {
            lines.append((language == .zh ? "提示：" : "hint: ") + TerminalText.safe(hint.text(language)))
        }
        return lines.joined(separator: "\n")
    }

    /// The text of the error's line, tabs shown as spaces and control characters as symbols; nil if the file cannot be read.
    private static func sourceLine(_ location: SourceLocation) -> String? {
        guard let bytes = try? InputFile.read(location.file) else { return nil }
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if line == location.line { return text(bytes[start..<index]) }
            line += 1
            start = index + 1
        }
        return line == location.line ? text(bytes[start...]) : nil
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        TerminalText.safe(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: ""))
    }
}
