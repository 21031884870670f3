/// What one message about an input says and where: the shape shared by input errors, findings,
/// import notes and the batch's rows of unreadable files, so that every stage reports the same
/// way (`file:line: field: message`, and a hint when there is something to do about it).
public struct Diagnostic: Sendable, Hashable {
    /// Where it is; `line` 0 when the whole file is concerned.
    public var location: SourceLocation
    /// What it concerns: a field (`budget.rate`, `categories[1].points`) or a part of a table
    /// (`total`, `产出指标/数量指标/培训人数`); nil when the file as a whole.
    public var field: String?
    public var message: LocalizedText
    /// What the user can do about it, if there is something useful to say.
    public var hint: LocalizedText?

    public init(at location: SourceLocation, field: String? = nil, message: LocalizedText, hint: LocalizedText? = nil) {
        self.location = location
        self.field = field
        self.message = message
        self.hint = hint
    }
}
