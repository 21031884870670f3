import JixiaoBase

/// What a document gave: its self-evaluation tables as submissions with the breakdowns printed
/// beside their budget rows, its base data sheets, the figures its prose states, and notes on
/// what could not be read. The audit checks each against the others (`DocumentAudit`).
public struct ImportedDocument: Sendable {
    public var file: String
    /// The tables in document order; `source.table` is each one's 1-based index.
    public var tables: [Submission]
    /// The breakdown of each table's 年度资金总额, by the table's index.
    public var breakdowns: [BudgetBreakdown]
    public var baseData: [BaseDataSheet]
    public var claims: [NarrativeClaim]
    /// The year the document is about: its tables' year, else the year its headings state most.
    public var year: Int?
    public var notes: [ImportNote]
    /// When no table was found: the nearest thing to one, for the error that says so.
    public var nearestTable: NearestTable? = nil
    /// The heading that shows the document is a budget (部门预算), which plans and does not
    /// evaluate: its line and text.
    public var budgetHeading: (line: Int, text: String)? = nil
    /// The place of each line of the text the document was read as, in the file the user holds
    /// (`places[n - 1]` for line n; `place(_:)`); empty when the lines are the file's own.
    public internal(set) var places: [SourceLocation.Place?] = []

    package init(file: String, tables: [Submission], breakdowns: [BudgetBreakdown], baseData: [BaseDataSheet],
        claims: [NarrativeClaim], year: Int? = nil, notes: [ImportNote], nearestTable: NearestTable? = nil) {
        self.file = file
        self.tables = tables
        self.breakdowns = breakdowns
        self.baseData = baseData
        self.claims = claims
        self.year = year
        self.notes = notes
        self.nearestTable = nearestTable
    }
}

/// Something the importer could not read, or read with a caveat: an absent name cell, a value
/// it could not place, a label it completed from the form's structure. The field is left
/// absent (never guessed) and the note says so.
public struct ImportNote: Sendable {
    /// 1-based index of the table in the document, if the note concerns one.
    public var table: Int?
    /// The part of the table it concerns (`unit`, `budget.rate`, `indicators`…).
    public var subject: Subject
    /// Where, the subject's path and what.
    public var diagnostic: Diagnostic

    public init(table: Int?, location: SourceLocation, subject: Subject, message: LocalizedText) {
        self.table = table
        self.subject = subject
        diagnostic = Diagnostic(at: location, field: subject.path, message: message)
    }

    public var location: SourceLocation { diagnostic.location }
    public var field: String { diagnostic.field ?? "" }
    public var message: LocalizedText { diagnostic.message }
}

/// What a document without a self-evaluation table holds that comes closest to one, so that the
/// "no table" error can say where to look and what is missing.
///
/// In order of closeness: a table that was found but not imported (it has no year); a
/// self-evaluation title with no table after it, or with a table that lacks the indicator
/// headers; a table-like run of rows with some of the headers but no title; a line that
/// mentions a self-evaluation (绩效自评, 自评表); any other table-like run; else nothing.
public struct NearestTable: Sendable, Hashable {
    /// The line it starts on; 0 when nothing in the document resembles a table.
    public var line: Int
    public var description: LocalizedText

    public init(line: Int, description: LocalizedText) {
        self.line = line
        self.description = description
    }
}

extension ImportedDocument {
    /// The error for a document in which no self-evaluation table was found: what comes closest
    /// and where, and whether the prose has figures that `audit` can still check.
    public func noTableError() -> InputError {
        if let budgetHeading {
            return InputError(
                .unknownFormat, at: location(line: budgetHeading.line),
                message: LocalizedText(zh: "这是预算文件（“\(budgetHeading.text)”），不是决算或绩效自评报告：预算只有计划数，没有自评表可审核",
                                       en: "this is a budget document ('\(budgetHeading.text)'), not a final account or a self-evaluation: a budget states plans and has no self-evaluation table to audit"),
                hint: LocalizedText(zh: "审核同一单位的部门决算或绩效自评报告", en: "audit the unit's final account (部门决算) or self-evaluation report instead"))
        }
        let nearest = nearestTable ?? NearestTable(line: 0, description: LocalizedText(zh: "无", en: "nothing"))
        let zh = claims.isEmpty ? "文中没有找到绩效自评表，也没有可核对的绩效自评数据"
            : "文中没有找到绩效自评表（正文中的 \(claims.count) 处数据可用 jixiao audit 核对）"
        let en = claims.isEmpty ? "no self-evaluation table and no checkable self-evaluation figures in the document"
            : "no self-evaluation table in the document (its \(claims.count) narrative claims can be checked with jixiao audit)"
        return InputError(
            .unknownFormat, at: location(line: nearest.line),
            message: LocalizedText(zh: "\(zh)。最接近的是：\(nearest.description.zh)", en: "\(en); the closest: \(nearest.description.en)"),
            hint: LocalizedText(zh: "自评表要有“……自评表”标题，其后是带“一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分”等表头的表格",
                                en: "a table is read from a “…自评表” title followed by rows under headers such as 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分"))
    }
}
