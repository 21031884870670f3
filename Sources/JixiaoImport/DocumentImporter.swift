import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Settings of an import.
public struct ImportOptions: Sendable {
    /// The words tables are found and read by (`Rubrics/vocabulary/tables.yaml`).
    public var words: TableWords
    /// Stamped on every imported table (`region:`): documents rarely print their province.
    public var region: String?

    public init(words: TableWords, region: String? = nil) {
        self.words = words
        self.region = region
    }
}

/// Reads a published document's text: every self-evaluation table, the base data sheet and the
/// narrative claims (README, "Importing documents").
public enum DocumentImporter {
    /// Reads `path` (UTF-8 with or without BOM, or GBK/GB18030; any line ends).
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let bytes = try InputFile.read(path)
        let document = parse(String(decoding: bytes, as: UTF8.self), file: path, options: options)
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return document
    }

    /// Reads the document `text`. Under a `TimeLimit` that passes, it stops early and returns
    /// what it has read (the batch then drops it; `read(path:)` throws `timed-out`).
    public static func parse(_ text: String, file: String, options: ImportOptions) -> ImportedDocument {
        let deadline = TimeLimit.current
        var time = TimeLimit.Ticker(deadline)
        let document = DocumentText(text, file: file)
        let year = documentYear(document, time: &time)
        var tables: [Submission] = []
        var breakdowns: [BudgetBreakdown] = []
        var sheets: [BaseDataSheet] = []
        var notes: [ImportNote] = []
        var claimed: [ClosedRange<Int>] = []
        var skipped: [TableRegion] = []
        for region in TableImporter.regions(in: document, words: options.words, time: &time) {
            if time.isExpired(region.endLine - region.titleLine) { break }
            if region.kind == .baseData {
                if let sheet = BaseDataSheet.read(region, in: document, words: options.words) {
                    sheets.append(sheet)
                    claimed.append(sheet.firstLine...sheet.lastLine)
                }
                continue
            }
            guard let table = TableImporter.read(region, in: document, documentYear: year, words: options.words) else {
                skipped.append(region)
                // Only a table with no year anywhere is left out.
                notes.append(ImportNote(table: nil, location: SourceLocation(file: file, line: region.titleLine), subject: .field("year"),
                                        message: LocalizedText(zh: "第 \(region.titleLine) 行的表没有年份，文中也找不到，未导入",
                                                               en: "the table on line \(region.titleLine) has no year, nor does the document; not imported")))
                continue
            }
            var submission = table.submission
            let index = tables.count
            submission.source?.table = index + 1
            submission.region = options.region
            tables.append(submission)
            notes += table.notes.map { var note = $0; note.table = index + 1; return note }
            breakdowns.append(table.breakdown)
            if let first = submission.source?.firstLine, let last = submission.source?.lastLine {
                claimed.append(first...max(first, last))
            }
        }
        // A table that names no unit (nor 实施单位, 主管部门): the unit its title or the
        // document's first heading names.
        let heading = document.lines.first { !$0.compact.isEmpty }
        for index in tables.indices where tables[index].unitName == nil {
            tables[index].unit = tables[index].title.flatMap { Labels.unit(inHeading: $0, words: options.words) }
                ?? heading.flatMap { Labels.unit(inHeading: $0.text, words: options.words) }
        }
        let prose = document.lines.filter { line in
            line.shape == .plain && !claimed.contains { $0.contains(line.number) }
        }
        let claims = time.isExpired() ? [] : NarrativeClaim.extract(from: prose, file: file, words: options.words, deadline: deadline)
        var nearest: NearestTable?
        if tables.isEmpty, !time.isExpired() { nearest = NearestTable.find(in: document, skipped: skipped, words: options.words, time: &time) }
        var imported = ImportedDocument(file: file, tables: tables, breakdowns: breakdowns, baseData: sheets, claims: claims,
                                        year: tables.first?.year ?? year, notes: notes, nearestTable: nearest)
        if tables.isEmpty { imported.budgetHeading = budgetHeading(document, words: options.words) }
        return imported
    }

    /// The first heading that names a budget (部门预算) and no final account (决算) or evaluation,
    /// among the document's first lines of text; nil when a heading names one of those first.
    static func budgetHeading(_ document: DocumentText, words: TableWords) -> (line: Int, text: String)? {
        for line in document.lines.lazy.filter({ !$0.compact.isEmpty }).prefix(40) {
            if words.finalDocument.contains(where: line.compact.contains) { return nil }
            if words.budgetDocument.contains(where: line.compact.contains) { return (line.number, line.text) }
        }
        return nil
    }

    /// The year most headings name (`2024 年度`), for tables whose title has none.
    static func documentYear(_ document: DocumentText, time: inout TimeLimit.Ticker) -> Int? {
        var counts: [Int: Int] = [:]
        for line in document.lines {
            // One pass over the line: a regular expression searched again after each match
            // costs the whole line each time, which a line of repeats makes quadratic.
            let scalars = Array(line.compact.unicodeScalars)
            if time.isExpired(1 + scalars.count / 64) { break }
            var index = 4
            while index + 1 < scalars.count {
                defer { index += 1 }
                guard scalars[index] == "年", scalars[index + 1] == "度" else { continue }
                let digits = scalars[(index - 4)..<index]
                guard digits.allSatisfy({ ("0"..."9").contains($0) }), ["19", "20"].contains(String(String.UnicodeScalarView(digits.prefix(2)))),
                      let year = Int(String(String.UnicodeScalarView(digits))) else { continue }
                counts[year, default: 0] += 1
            }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
    }
}
