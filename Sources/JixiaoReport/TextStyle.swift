import JixiaoAudit

/// ANSI styling for terminal text; plain when output is not a terminal.
public struct TextStyle: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: paint(text, "31;1")
        case .warning: paint(text, "33")
        case .info: paint(text, "36")
        }
    }

    public func bold(_ text: String) -> String { paint(text, "1") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    public func good(_ text: String) -> String { paint(text, "32") }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
