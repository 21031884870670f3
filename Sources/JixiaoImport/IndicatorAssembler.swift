import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// What one printed row of the indicator section says, cell by cell, before rows that wrapped
/// are put back together. Every field is optional: a wrapped row may carry only `动` in the
/// level-3 column, or only `(20 分)` in the level-1 column.
struct RowParts: Sendable {
    var line: Int
    var level1: String?
    var level1Points: PrintedNumber?
    var level2: String?
    var name: String?
    var target: String?
    var actual: String?
    var points: PrintedNumber?
    var score: PrintedNumber?
    var reason: String?
    /// Cells the row has but that could not be placed in a column.
    var unplaced: [String] = []
    /// 分值 and 得分 printed as one figure (`1313`), as PDF text fuses them.
    var fused: String?

    init(line: Int) {
        self.line = line
    }

    var hasValues: Bool { points != nil || score != nil }
    var isEmpty: Bool {
        level1 == nil && level1Points == nil && level2 == nil && name == nil && target == nil && actual == nil
            && !hasValues && reason == nil
    }
}

/// Puts the printed rows of an indicator section back together into categories and indicators:
/// joins cells that wrapped onto the next line, carries merged level-1 and level-2 cells down,
/// drops placeholder rows (`无`), and notes what it could not read.
struct IndicatorAssembler: TableParsing {
    struct CategoryDraft {
        var name: String?
        var points: PrintedNumber?
        var line: Int
        var indicators: [Submission.Indicator] = []
        var subcategories: [String] = []
    }

    struct Draft {
        var category: Int
        var subcategory: String?
        var name: String?
        var target: String?
        var actual: String?
        var points: PrintedNumber?
        var score: PrintedNumber?
        var reason: String?
        var line: Int
        var placeholder: Bool

        var hasValues: Bool { points != nil || score != nil }
    }

    let file: String
    let words: TableWords
    var categories: [CategoryDraft] = []
    var draft: Draft?
    /// The level-2 label that merged cells carry down.
    var subcategory: String?
    var notes: [ImportNote] = []
    /// Indicator rows seen but left out (no name, or nothing but a name), each noted.
    var rowsLeftOut = 0

    init(file: String, words: TableWords) {
        self.file = file
        self.words = words
    }

    mutating func add(_ parts: RowParts) {
        if parts.isEmpty { return }
        if !parts.unplaced.isEmpty {
            let cells = parts.unplaced.map { "“\($0)”" }.joined(separator: "、")
            note(parts.line, .indicators, zh: "第 \(parts.line) 行的 \(cells) 无法确定是年度指标值还是实际完成值，未导入",
                 en: "line \(parts.line): \(cells) cannot be told to be the target or the actual value; left out")
        }
        level1(parts)
        var startsRow = false
        if let label = parts.level2 {
            if let current = draft?.subcategory, words.continues(current, with: label) {
                draft?.subcategory = DocumentText.compact(current + label)
                subcategory = draft?.subcategory
            } else {
                subcategory = DocumentText.compact(label)
                startsRow = true
            }
        }
        // A wrapped level-2 label may end up in the level-3 column (`社会效` / `益指标`).
        if !parts.hasValues, !startsRow, parts.level2 == nil, let name = parts.name, parts.target == nil, parts.actual == nil,
           let current = draft?.subcategory, words.continues(current, with: name), name.hasSuffix("指标") || words.isLabelStart(current + name) {
            draft?.subcategory = DocumentText.compact(current + name)
            subcategory = draft?.subcategory
            return
        }
        let placeholder = words.isPlaceholder(parts.name)
        if parts.hasValues, parts.name == nil, !startsRow, var current = draft, current.name != nil, !current.hasValues, !current.placeholder {
            // Values printed on the line after a wrapped name.
            current.target = current.target ?? parts.target
            current.actual = current.actual ?? parts.actual
            current.points = parts.points
            current.score = parts.score
            current.reason = DocumentText.join(current.reason, parts.reason)
            draft = current
            return
        }
        if startsRow || parts.hasValues || placeholder || draft == nil {
            flush()
            guard !categories.isEmpty || parts.name != nil || parts.hasValues else { return }
            if categories.isEmpty { categories.append(CategoryDraft(name: nil, points: nil, line: parts.line)) }
            draft = Draft(category: categories.count - 1, subcategory: subcategory, name: placeholder ? nil : parts.name,
                          target: parts.target, actual: parts.actual, points: parts.points, score: parts.score,
                          reason: parts.reason, line: parts.line, placeholder: placeholder)
            return
        }
        guard var current = draft else { return }
        if current.placeholder { return }
        current.name = DocumentText.join(current.name, parts.name)
        current.target = DocumentText.join(current.target, parts.target)
        current.actual = DocumentText.join(current.actual, parts.actual)
        current.reason = DocumentText.join(current.reason, parts.reason)
        draft = current
    }

    private mutating func level1(_ parts: RowParts) {
        if let label = parts.level1.map(DocumentText.compact), !label.isEmpty {
            if let last = categories.indices.last, let name = categories[last].name, words.continues(name, with: label) {
                categories[last].name = name + label
            } else if let last = categories.indices.last, categories[last].name == nil,
                      categories[last].indicators.isEmpty, draft.map({ !$0.hasValues || $0.category == last }) ?? true,
                      words.level(of: label) != .two {
                categories[last].name = label
            } else {
                flush()
                categories.append(CategoryDraft(name: label, points: nil, line: parts.line))
                subcategory = nil
            }
        }
        if let points = parts.level1Points {
            if let last = categories.indices.last, categories[last].points == nil {
                categories[last].points = points
            } else {
                flush()
                categories.append(CategoryDraft(name: nil, points: points, line: parts.line))
                subcategory = nil
            }
        }
    }

    /// Ends the row in progress: an indicator if it has a name, nothing if it was a placeholder.
    mutating func flush() {
        guard let current = draft else { return }
        draft = nil
        if current.placeholder { return }
        if let sub = current.subcategory, !categories[current.category].subcategories.contains(sub) {
            categories[current.category].subcategories.append(sub)
        }
        guard let name = current.name, !name.isEmpty else {
            if current.hasValues || current.target != nil || current.actual != nil {
                rowsLeftOut += 1
                note(current.line, .indicators, zh: "第 \(current.line) 行的三级指标名称无法读取，该行未导入",
                     en: "the indicator name on line \(current.line) cannot be read; the row is left out")
            }
            return
        }
        if !current.hasValues && current.target == nil && current.actual == nil {
            rowsLeftOut += 1
            note(current.line, .indicators, zh: "第 \(current.line) 行“\(name)”没有指标值、完成值、分值或得分，未导入",
                 en: "'\(name)' on line \(current.line) has no target, actual, points or score; left out")
            return
        }
        categories[current.category].indicators.append(Submission.Indicator(
            subcategory: current.subcategory, name: name, target: current.target, actual: current.actual,
            points: current.points, score: current.score, reason: current.reason,
            location: SourceLocation(file: file, line: current.line)))
    }

    /// Indicator rows seen so far: read or left out.
    var rowsSeen: Int {
        rowsLeftOut + categories.reduce(0) { $0 + $1.indicators.count }
    }

    /// The categories read, with names supplied from their level-2 labels where the level-1
    /// cell lost its text (noted).
    mutating func finish() -> [Submission.CategoryRow] {
        flush()
        var rows: [Submission.CategoryRow] = []
        for category in categories {
            guard !category.indicators.isEmpty else { continue }
            var name = category.name
            if name == nil || !(name!.hasSuffix("指标")) && words.level(of: name!) == nil {
                let parents = Set(category.subcategories.compactMap(words.parent(ofLevel2:)))
                if parents.count == 1, let parent = parents.first, name == nil || parent.hasPrefix(name!) {
                    note(category.line, .field("categories"), zh: "第 \(category.line) 行的一级指标名称\(name.map { "“\($0)”" } ?? "")不完整，按其二级指标推定为“\(parent)”",
                         en: "the level-1 label on line \(category.line)\(name.map { " ('\($0)')" } ?? "") is incomplete; taken as '\(parent)' from its level-2 labels")
                    name = parent
                }
            }
            guard let name else {
                note(category.line, .field("categories"), zh: "第 \(category.line) 行的一级指标名称无法读取", en: "the level-1 label on line \(category.line) cannot be read")
                rows.append(Submission.CategoryRow(name: Submission.CategoryRow.unreadName, points: category.points, indicators: category.indicators,
                                                   location: SourceLocation(file: file, line: category.line)))
                continue
            }
            rows.append(Submission.CategoryRow(name: name, points: category.points, indicators: category.indicators,
                                               location: SourceLocation(file: file, line: category.line)))
        }
        return rows
    }
}
