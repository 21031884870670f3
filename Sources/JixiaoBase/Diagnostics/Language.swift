/// The language of user-facing text. Chinese is the default; identifiers stay English.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// A message written once in each language, so the two stay in step.
public struct LocalizedText: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// No text in either language: what an optional part of a message adds when absent.
    public static let empty = LocalizedText(zh: "", en: "")

    public func text(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
