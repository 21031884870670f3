import Foundation
import JixiaoBase
import JixiaoModel

/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    /// Quality notes.
    case info
    /// Rule violations.
    case warning
    /// Arithmetic that no rounding explains.
    case error

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var label: LocalizedText {
        switch self {
        case .info: LocalizedText(zh: "提示", en: "info")
        case .warning: LocalizedText(zh: "警告", en: "warning")
        case .error: LocalizedText(zh: "错误", en: "error")
        }
    }
}

/// A value a finding compares: a number at its precision, or a text such as a grade.
public enum FindingValue: Sendable, Hashable, CustomStringConvertible {
    /// A number and the decimals it is shown with.
    case number(Fixed, decimals: Int)
    /// A rate in percent (96.39 for 96.39%), shown with its `%`.
    case percent(Fixed, decimals: Int)
    case text(String)

    public static func printed(_ number: PrintedNumber) -> FindingValue {
        number.isPercent ? .percent(number.value, decimals: number.decimals) : .number(number.value, decimals: number.decimals)
    }

    /// A computed number, shown with at most `decimals` places.
    public static func computed(_ value: Fixed, decimals: Int) -> FindingValue {
        let (rounded, shown) = Self.shown(value, decimals)
        return .number(rounded, decimals: shown)
    }

    /// A computed rate in percent, shown with at most `decimals` places and its `%`.
    public static func computedPercent(_ value: Fixed, decimals: Int) -> FindingValue {
        let (rounded, shown) = Self.shown(value, decimals)
        return .percent(rounded, decimals: shown)
    }

    /// `value` rounded to `decimals` places and the places it then needs (trailing zeros dropped).
    private static func shown(_ value: Fixed, _ decimals: Int) -> (Fixed, Int) {
        let text = value.compact(decimals: decimals)
        return (value.rounded(decimals), text.split(separator: ".").dropFirst().first?.count ?? 0)
    }

    public var description: String {
        switch self {
        case .number(let value, let decimals): value.formatted(decimals: decimals)
        case .percent(let value, let decimals): value.formatted(decimals: decimals) + "%"
        case .text(let text): text
        }
    }
}

/// Something an audit found in a usable table.
public struct Finding: Sendable {
    public var code: FindingCode
    public var severity: Severity
    /// What part of the table it concerns.
    public var subject: Subject
    /// Where in which file, the subject's path and the message.
    public var diagnostic: Diagnostic
    public var claimed: FindingValue?
    public var computed: FindingValue?

    public init(
        _ code: FindingCode, severity: Severity? = nil, _ subject: Subject, at location: SourceLocation,
        claimed: FindingValue? = nil, computed: FindingValue? = nil, message: LocalizedText
    ) {
        self.code = code
        self.severity = severity ?? code.severity
        self.subject = subject
        diagnostic = Diagnostic(at: location, field: subject.path, message: message)
        self.claimed = claimed
        self.computed = computed
    }

    /// The subject's path: `budget.rate`, `total`, `grade`, a category's or an indicator's path.
    public var path: String { diagnostic.field ?? "" }
    public var location: SourceLocation { diagnostic.location }
    public var message: LocalizedText { diagnostic.message }
}
