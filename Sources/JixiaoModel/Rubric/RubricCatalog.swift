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
        var rubrics: [Rubric] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let rubric = try Rubric.load(path: (directory as NSString).appendingPathComponent(name))
            if let other = rubrics.first(where: { $0.id == rubric.id }) {
                throw InputError(.invalidRubric, at: SourceLocation(file: rubric.file, line: 1), field: "id",
                                 message: LocalizedText(zh: "评分规则 id“\(rubric.id)”与 \(other.file) 重复",
                                                        en: "rubric id '\(rubric.id)' is also used by \(other.file)"))
            }
            rubrics.append(rubric)
        }
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

    /// The rubric a submission is scored under and, when it was chosen by the table's own weights
    /// rather than by its year, a note saying so.
    ///
    /// A rubric named by the submission wins. Otherwise the candidates are those for its level and
    /// region, the region-specific ones first; among them the one whose years cover the table is
    /// taken, unless the table's printed level-1 points fit another candidate and not it.
    public func select(for submission: Submission) throws -> (rubric: Rubric, note: LocalizedText?) {
        if let reference = submission.rubric {
            return (try resolve(reference, at: submission.location), nil)
        }
        // Positions in `rubrics`, regional ones first: a list of rubrics would copy each.
        let candidates = rubrics.indices
            .filter { rubrics[$0].applies.levels.contains(submission.level) && rubrics[$0].applies.covers(region: submission.region) }
            .sorted { (rubrics[$0].applies.regions.isEmpty ? 1 : 0) < (rubrics[$1].applies.regions.isEmpty ? 1 : 0) }
        guard !candidates.isEmpty else {
            throw InputError(.noRubric, at: submission.location,
                             message: LocalizedText(zh: "没有适用于该表（\(submission.level.label.zh)，\(submission.year) 年）的评分规则",
                                                    en: "no rubric applies to this table (\(submission.level.label.en), \(submission.year))"),
                             hint: LocalizedText(zh: "用 --rubric 指定规则", en: "name one with --rubric"))
        }
        let byYear = candidates.first { rubrics[$0].applies.covers(year: submission.year) }.map { rubrics[$0] }
        if let byYear, Self.fits(submission, byYear) != false { return (byYear, nil) }
        if let fitting = candidates.first(where: { Self.fits(submission, rubrics[$0]) == true }).map({ rubrics[$0] }) {
            let reason = LocalizedText(
                zh: "按年份应适用“\(byYear?.id ?? "无")”，但表中一级指标分值与“\(fitting.id)”相符，故按“\(fitting.id)”评分",
                en: "by its year the table falls under '\(byYear?.id ?? "none")', but its level-1 points fit '\(fitting.id)', so it is scored under '\(fitting.id)'")
            return (fitting, reason)
        }
        return (byYear ?? rubrics[candidates[0]], nil)
    }

    /// Whether every level-1 category of the table names a category of the rubric with the same
    /// points; nil when the table prints no level-1 points to compare.
    static func fits(_ submission: Submission, _ rubric: Rubric) -> Bool? {
        var compared = false
        for row in submission.categories {
            guard let category = rubric.category(named: row.name) else { return false }
            let points = row.points?.number ?? row.indicators.compactMap(\.points).reduce(Fixed(0)) { $0 + $1.number }
            guard points > 0 else { continue }
            compared = true
            if points != category.points { return false }
        }
        return compared ? true : nil
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
