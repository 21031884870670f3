import Foundation
import JixiaoBase

/// The rubrics a run can choose from: every file of a rubric folder.
public struct RubricCatalog: Sendable {
    public var rubrics: [Rubric]

    public init(rubrics: [Rubric]) {
        self.rubrics = rubrics
    }

    /// Loads every `.yaml`/`.yml` file of `directory`, in name order. Duplicate ids are an error.
    public static func load(directory: String) throws -> RubricCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(.unreadableFile, at: SourceLocation(file: directory, line: 0),
                             message: LocalizedText(zh: "无法读取评分规则目录", en: "cannot read the rubric folder"))
        }
        // Every rubric is read before any problem is thrown, so that one run lists them all.
        var rubrics: [Rubric] = []
        var problems: [InputError] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let rubric: Rubric
            do {
                rubric = try Rubric.load(path: (directory as NSString).appendingPathComponent(name))
            } catch let error as InputError {
                problems.append(error)
                continue
            } catch let errors as InputErrors {
                problems += errors.errors
                continue
            }
            if let other = rubrics.first(where: { $0.id == rubric.id }) {
                problems.append(InputError(.invalidRubric, at: SourceLocation(file: rubric.file, line: 1), field: "id",
                                           message: LocalizedText(zh: "评分规则 id“\(rubric.id)”与 \(other.file) 重复",
                                                                  en: "rubric id '\(rubric.id)' is also used by \(other.file)")))
                continue
            }
            rubrics.append(rubric)
        }
        if !problems.isEmpty { throw InputErrors(problems) }
        return RubricCatalog(rubrics: rubrics)
    }

    public func rubric(id: String) -> Rubric? {
        rubrics.first { $0.id == id }
    }

    /// A rubric named by id, or loaded from a path when the name is a file.
    public func resolve(_ reference: String, at location: SourceLocation) throws -> Rubric {
        if let rubric = rubric(id: reference) { return rubric }
        if FileManager.default.fileExists(atPath: reference) { return try Rubric.load(path: reference) }
        let known = rubrics.map(\.id)
        throw InputError(
            .unknownRubric, at: location, field: "rubric",
            message: LocalizedText(zh: "找不到评分规则“\(reference)”", en: "no rubric '\(reference)'"),
            hint: YAMLMapping.closest(to: reference, in: known).map { LocalizedText(zh: "是否想用“\($0)”？", en: "did you mean '\($0)'?") }
                ?? LocalizedText(zh: "可用规则：\(known.joined(separator: "、"))", en: "known rubrics: \(known.joined(separator: ", "))"))
    }

    /// The rubric a submission is scored under, why, and whether any rubric fits its weights.
    ///
    /// A rubric named by the submission wins. Otherwise the candidates are those for its level and
    /// region. The table's printed level-1 points choose first: among the candidates that fit them,
    /// the closest fit (every figure equal, then within a range, then a scheme whose weights each
    /// form sets), then a region-specific one, then one chosen by year (`match: year`, the national
    /// schemes), then one whose years cover the table, then file order. A table that prints no
    /// points to compare gets the regional, then national, rubric for its year. A table whose
    /// points fit no rubric also gets the rubric for its year, with `fits` false: its arithmetic is
    /// checked against its own printed weights, and where it departs from the rubric is a note.
    public func choose(for submission: Submission) throws -> RubricChoice {
        if let reference = submission.rubric {
            return RubricChoice(rubric: try resolve(reference, at: submission.rubricLocation ?? submission.location), note: nil, fits: true)
        }
        let candidates = rubrics.indices.filter {
            rubrics[$0].applies.levels.contains(submission.level) && rubrics[$0].applies.covers(region: submission.region)
        }
        // The rubric for the table's year: regional first, among those chosen by year.
        let chosenByYear = candidates.filter { rubrics[$0].applies.match == .year }
        let byYear = chosenByYear.first { rubrics[$0].applies.covers(year: submission.year) && !rubrics[$0].applies.regions.isEmpty }
            ?? chosenByYear.first { rubrics[$0].applies.covers(year: submission.year) }
        let regionalFirst = chosenByYear.first(where: { !rubrics[$0].applies.regions.isEmpty }) ?? chosenByYear.first
        guard let fallback = byYear ?? regionalFirst ?? candidates.first else {
            throw InputError(.noRubric, at: submission.location,
                             message: LocalizedText(zh: "没有适用于该表（\(submission.level.label.zh)，\(submission.year) 年）的评分规则",
                                                    en: "no rubric applies to this table (\(submission.level.label.en), \(submission.year))"),
                             hint: LocalizedText(zh: "用 --rubric 指定规则", en: "name one with --rubric"))
        }
        // The year's rubric fitting the printed points exactly ranks first unless a regional
        // rubric could rank above it: the others need not be weighed (most tables end here).
        if let byYear, Self.fit(submission, rubrics[byYear]) == .fits(.exact),
           !rubrics[byYear].applies.regions.isEmpty || !candidates.contains(where: { !rubrics[$0].applies.regions.isEmpty }) {
            return RubricChoice(rubric: rubrics[byYear], note: nil, fits: true)
        }
        let fits = candidates.map { (index: $0, fit: Self.fit(submission, rubrics[$0])) }
        let best = fits.compactMap { candidate -> (index: Int, quality: Fit.Quality)? in
            guard case .fits(let quality) = candidate.fit else { return nil }
            return (candidate.index, quality)
        }.min { a, b in
            let left = rubrics[a.index], right = rubrics[b.index]
            let ranks = [(b.quality.rawValue, a.quality.rawValue),
                         (left.applies.regions.isEmpty ? 1 : 0, right.applies.regions.isEmpty ? 1 : 0),
                         (left.applies.match == .year ? 0 : 1, right.applies.match == .year ? 0 : 1),
                         (left.applies.covers(year: submission.year) ? 0 : 1, right.applies.covers(year: submission.year) ? 0 : 1),
                         (a.index, b.index)]
            return ranks.first { $0.0 != $0.1 }.map { $0.0 < $0.1 } ?? false
        }
        if let best {
            let rubric = rubrics[best.index]
            guard best.index != byYear else { return RubricChoice(rubric: rubric, note: nil, fits: true) }
            let words = rubric.applies.words.isEmpty ? LocalizedText.empty
                : LocalizedText(zh: "，标题含“\(rubric.applies.words.joined(separator: "”或“"))”",
                                en: ", and its title names \(rubric.applies.words.joined(separator: " or "))")
            let reason = LocalizedText(
                zh: "按年份应适用“\(byYear.map { rubrics[$0].id } ?? "无")”，但表中一级指标分值（\(Self.printedPoints(submission, .zh))）与“\(rubric.id)”相符\(words.zh)，故按“\(rubric.id)”评分",
                en: "by its year the table falls under '\(byYear.map { rubrics[$0].id } ?? "none")', but its level-1 points (\(Self.printedPoints(submission, .en))) fit '\(rubric.id)'\(words.en), so it is scored under '\(rubric.id)'")
            return RubricChoice(rubric: rubric, note: reason, fits: true)
        }
        // Nothing fits: the year's rubric, and a table that printed points to compare is checked
        // against its own weights.
        let compared = fits.contains { $0.fit == .no }
        return RubricChoice(rubric: rubrics[fallback], note: nil, fits: !compared)
    }

    /// How a table's printed weights compare with a rubric's.
    enum Fit: Equatable {
        /// The table prints no level-1 points to compare.
        case unknown
        /// A printed figure, label or word rules the rubric out.
        case no
        case fits(Quality)

        /// How closely: ordered from the loosest to the closest.
        enum Quality: Int, Comparable {
            /// Some category's points are whatever the table prints.
            case asPrinted
            /// Some category's points are within a range.
            case withinRange
            /// Every compared figure equals the rubric's.
            case exact

            static func < (a: Quality, b: Quality) -> Bool { a.rawValue < b.rawValue }
        }
    }

    /// Whether the table's printed weights fit a rubric: every level-1 category names one of the
    /// rubric's with points it allows (printed in the level-1 cell, else the sum of its
    /// indicators'), the budget row's printed 分值 is the rubric's, every indicator carries the
    /// rubric's points when it gives each the same, and the title holds one of its words.
    static func fit(_ submission: Submission, _ rubric: Rubric) -> Fit {
        if !rubric.applies.words.isEmpty {
            let title = submission.title.map(LabelKey.init)?.text ?? ""
            guard rubric.applies.words.contains(where: { title.contains(LabelKey($0).text) }) else { return .no }
        }
        if let points = submission.budget.points, points.number != rubric.budget.points { return .no }
        var quality = Fit.Quality.exact
        var compared = false
        for row in submission.categories {
            guard let category = rubric.category(named: row.name) else { return .no }
            if let each = rubric.indicatorPoints, row.indicators.contains(where: { $0.points.map { $0.number != each } ?? false }) {
                return .no
            }
            let points = row.printedOrSummedPoints
            guard points > 0 else { continue }
            compared = true
            guard category.allowed.allows(points) else { return .no }
            switch category.allowed {
            case .fixed: break
            case .range: quality = min(quality, .withinRange)
            case .asPrinted: quality = min(quality, .asPrinted)
            }
        }
        return compared ? .fits(quality) : .unknown
    }

    /// The table's level-1 points as printed, for a note: `预算执行 10 · 产出指标 50 · …`.
    static func printedPoints(_ submission: Submission, _ language: Language) -> String {
        var parts: [String] = []
        if let points = submission.budget.points { parts.append((language == .en ? "budget " : "预算执行 ") + points.description) }
        for row in submission.categories {
            let points = row.printedOrSummedPoints
            if points > 0 { parts.append("\(row.name) \(points.compact(decimals: 2))") }
        }
        return parts.joined(separator: " · ")
    }

    /// The folder holding the rubric files: `JIXIAO_RUBRICS` if set, else the first `Rubrics`
    /// folder found walking up from the working directory and from the executable's folder.
    public static func defaultDirectory(executable: String = CommandLine.arguments.first ?? ".") -> String? {
        if let path = ProcessInfo.processInfo.environment["JIXIAO_RUBRICS"] { return path }
        let starts = [FileManager.default.currentDirectoryPath,
                      URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path]
        for start in starts {
            var url = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = url.appendingPathComponent("Rubrics").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }
}

/// The rubric chosen for a table and why.
public struct RubricChoice: Sendable {
    public var rubric: Rubric
    /// Why, when the table's printed points chose it rather than its year.
    public var note: LocalizedText?
    /// False when the table printed level-1 points that no rubric fits: its own weights are then
    /// the reference, and where it departs from `rubric` is a note, not a warning.
    public var fits: Bool

    public init(rubric: Rubric, note: LocalizedText? = nil, fits: Bool = true) {
        self.rubric = rubric
        self.note = note
        self.fits = fits
    }
}
