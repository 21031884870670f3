import Foundation
import JixiaoAudit
import JixiaoBase
import JixiaoFormats
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport
import Testing

/// Issue 19: a random clean table written out in each layout of DOMAIN.md §8 imports back to the
/// same facts and audits without an error or a warning. Tables and figures are invented
/// (`LayoutTable`), the text is written by `LayoutRenderer`.
///
/// Facts compared: year, level, unit and project names; the budget row's figures; the category
/// names and points; each indicator's sub-category, name, target, actual, points, score and
/// reason; the total's points and score. Numbers are compared as printed (`45.20` is not `45.2`).
/// Targets and actuals are compared with every space removed, so that a target printed in three
/// columns (`≥ | 200 | 人次`) may come back as `≥200人次` or `≥ 200 人次`: both are the printed
/// `≥ 200 人次`. Comparator, amount and unit must all be there, in that order.
///
/// Two layouts print other facts (`Comparison`): a form with no 分值 column (`onlyScore`) has no
/// points to read, so every points fact must come back absent. Where figures are fused without
/// spaces (`fused`), issue 19 asks the importer to split a fused figure only where one reading
/// is certain, and otherwise not to read it: each budget figure, indicator 分值 and 得分 and total
/// figure must come back as printed or absent, never as another number; every other fact, and
/// the absence of error and warning findings, is compared as for any layout.
///
/// `JIXIAO_LAYOUT_REPORT=1 swift test --filter LayoutRoundTripTests` prints each layout's count
/// of seeds read back and the first difference.
@Suite struct LayoutRoundTripTests {
    static let seeds: [UInt64] = Array(1...20)

    @Test(arguments: TextLayout.allCases, seeds)
    func readsBack(_ layout: TextLayout, _ seed: UInt64) {
        let problems = Self.problems(LayoutTable(seed: seed), layout)
        guard let first = problems.first else { return }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        Issue.record("\(layout) seed \(seed): \(first)\(more)")
    }

    // MARK: The comparison

    /// What importing and auditing the table written in `layout` gives that it should not: the
    /// facts that differ, in reading order, then error and warning findings.
    static func problems(_ table: LayoutTable, _ layout: TextLayout) -> [String] {
        let file = "layout-\(layout)-\(table.seed).txt"
        let document = DocumentImporter.parse(LayoutRenderer.text(table, layout), file: file, options: Project.importOptions)
        var problems = factDifferences(document, table, Comparison(layout))
        do {
            for result in try Auditor.audit(document, catalog: Project.catalog) {
                problems += result.findings.filter { $0.severity == .error || $0.severity == .warning }
                    .map { "finding \($0.code.rawValue) \($0.path): \($0.message.zh)" }
            }
        } catch {
            problems.append("audit: \(error)")
        }
        return problems
    }

    /// How a layout's facts are compared (see the suite's comment).
    struct Comparison {
        /// The form prints 分值 (权重): points facts are expected as printed, else absent.
        var printsPoints = true
        /// Figures may be fused: each budget figure, indicator 分值 and 得分 and total figure is
        /// expected as printed or absent.
        var figuresMayBeAbsent = false

        init(printsPoints: Bool = true, figuresMayBeAbsent: Bool = false) {
            self.printsPoints = printsPoints
            self.figuresMayBeAbsent = figuresMayBeAbsent
        }

        init(_ layout: TextLayout) {
            self.init(printsPoints: layout != .onlyScore, figuresMayBeAbsent: layout == .fused)
        }
    }

    /// Targets and actuals without spaces (see the suite's comment).
    static func normalised(_ text: String?) -> String? {
        text.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { !$0.properties.isWhitespace })) }
    }

    /// The facts of `document`'s one table that differ from `table`'s, as `what: expected …, read …`.
    static func factDifferences(_ document: ImportedDocument, _ table: LayoutTable,
                                _ comparison: Comparison = Comparison()) -> [String] {
        guard document.tables.count == 1, let read = document.tables.first else {
            return ["tables: expected 1, read \(document.tables.count)"]
        }
        var out: [String] = []
        func check(_ what: String, _ expected: String?, _ got: String?) {
            if expected != got { out.append("\(what): expected \(expected ?? "nil"), read \(got ?? "nil")") }
        }
        /// A figure that may be fused: as printed, or (when the comparison allows it) absent.
        func figure(_ what: String, _ expected: String?, _ got: String?) {
            if comparison.figuresMayBeAbsent, got == nil { return }
            check(what, expected, got)
        }
        func points(_ text: String) -> String? { comparison.printsPoints ? text : nil }
        check("year", String(table.year), String(read.year))
        check("level", table.kind == .project ? "project" : "department", read.level.rawValue)
        check("unit", table.unit, read.unit)
        check("project", table.project, read.project)
        figure("budget.initial", table.initial, read.budget.initial?.description)
        figure("budget.adjusted", table.adjusted, read.budget.adjusted?.description)
        figure("budget.executed", table.executed, read.budget.executed?.description)
        figure("budget.points", points(table.budgetPoints), read.budget.points?.description)
        figure("budget.rate", table.rate, read.budget.rate?.description)
        figure("budget.score", table.budgetScore, read.budget.score?.description)
        check("categories", table.categories.map(\.name).joined(separator: " "), read.categories.map(\.name).joined(separator: " "))
        for (category, got) in zip(table.categories, read.categories) {
            check("\(category.name).points", points(category.points), got.points?.description)
            check("\(category.name).indicators", category.indicators.map(\.name).joined(separator: " "),
                  got.indicators.map(\.name).joined(separator: " "))
            for (indicator, gotIndicator) in zip(category.indicators, got.indicators) {
                let path = "\(category.name)/\(indicator.name)"
                check("\(path).subcategory", indicator.subcategory, gotIndicator.subcategory)
                check("\(path).target", normalised(indicator.target.printed), normalised(gotIndicator.target))
                check("\(path).actual", normalised(indicator.actual), normalised(gotIndicator.actual))
                figure("\(path).points", points(indicator.points), gotIndicator.points?.description)
                figure("\(path).score", indicator.score, gotIndicator.score?.description)
                check("\(path).reason", indicator.reason, gotIndicator.reason)
            }
        }
        figure("total.points", points(table.totalPoints), read.total.points?.description)
        figure("total.score", table.totalScore, read.total.score?.description)
        return out
    }

    // MARK: The test can fail

    /// The tab layout reads back to exactly the generated table, field for field, for every
    /// seed; and the seeds cover blank 年初预算数, deductions with reasons, 成本 caps, both levels.
    @Test func tabReadsBackToExactlyTheTable() throws {
        for seed in Self.seeds {
            let table = LayoutTable(seed: seed)
            let document = DocumentImporter.parse(LayoutRenderer.text(table, .tab), file: "tab.txt", options: Project.importOptions)
            let read = try #require(document.tables.first)
            #expect(document.tables.count == 1)
            #expect(differences(read, table.submission(file: "tab.txt")) == [], "seed \(seed)")
            #expect(Self.factDifferences(document, table) == [], "seed \(seed)")
        }
        let tables = Self.seeds.map(LayoutTable.init(seed:))
        #expect(tables.contains { $0.initial == nil } && tables.contains { $0.initial != nil })
        #expect(tables.contains { $0.kind == .project } && tables.contains { $0.kind == .department })
        #expect(tables.contains { $0.indicators.contains { $0.reason != nil } })
        #expect(tables.contains { $0.indicators.contains { $0.target.comparator == "≤" } })
        #expect(tables.contains { $0.indicators.contains { $0.target.unit == "%" } })
    }

    /// The comparison sees a fact that differs, and the audit sees a table that does not add up.
    @Test func aChangedFactIsSeen() {
        let table = LayoutTable(seed: 3)
        let document = DocumentImporter.parse(LayoutRenderer.text(table, .tab), file: "tab.txt", options: Project.importOptions)
        var changed = table
        changed.adjusted += "1"
        #expect(Self.factDifferences(document, changed).first?.hasPrefix("budget.adjusted") == true)
        changed = table
        changed.categories[0].indicators[0].target.amount += "0"
        #expect(Self.factDifferences(document, changed).count == 1)
        changed = table
        changed.categories[2].indicators[0].actual = "0%"
        #expect(Self.factDifferences(document, changed).count == 1)
        changed = table
        changed.totalScore = "0.00"
        #expect(Self.factDifferences(document, changed) == ["total.score: expected 0.00, read \(table.totalScore)"])

        // Where figures may be fused, a figure not read passes and a wrong one does not; on a
        // form with no 分值, a points figure read is a difference.
        var unread = document
        unread.tables[0].budget.adjusted = nil
        #expect(Self.factDifferences(unread, table).count == 1)
        #expect(Self.factDifferences(unread, table, Comparison(figuresMayBeAbsent: true)).isEmpty)
        changed = table
        changed.adjusted += "1"
        #expect(Self.factDifferences(document, changed, Comparison(figuresMayBeAbsent: true)).count == 1)
        #expect(Self.factDifferences(document, table, Comparison(printsPoints: false)).count
            == 2 + table.categories.count + table.indicators.count)

        // A total printed one point higher is an error of the audit.
        var wrong = table
        wrong.totalScore = LayoutTable.fixed(LayoutTable.cents(table.totalScore) + 100)
        #expect(Self.problems(wrong, .tab).contains { $0.hasPrefix("finding total-mismatch") })
        #expect(Self.problems(table, .tab).isEmpty)
    }

    /// Every generated table adds up: the scheme's points, the rate, the budget score, the total.
    @Test(arguments: seeds) func generatedTablesAddUp(_ seed: UInt64) {
        let table = LayoutTable(seed: seed)
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(table.categories.map(\.points) == ["50", "30", "10"])
        for category in table.categories {
            #expect((1...4).contains(category.indicators.count))
            #expect(category.indicators.map { LayoutTable.cents($0.points) }.reduce(0, +) == LayoutTable.cents(category.points))
        }
        let adjusted = LayoutTable.cents(table.adjusted), executed = LayoutTable.cents(table.executed)
        #expect(executed <= adjusted)
        #expect(LayoutTable.cents(String(table.rate.dropLast())) == LayoutTable.divideRounded(executed * 10_000, adjusted))
        #expect(LayoutTable.cents(table.budgetScore) == LayoutTable.divideRounded(executed * 1_000, adjusted))
        #expect(LayoutTable.cents(table.totalScore) == LayoutTable.cents(table.budgetScore) + table.indicators.map { LayoutTable.cents($0.score) }.reduce(0, +))
        #expect(Set(table.indicators.map(\.name)).count == table.indicators.count)
    }

    /// Each layout's text differs from the tab text in the way the layout says, shown on a table
    /// whose 年初预算数 is blank.
    @Test(arguments: TextLayout.allCases.filter { $0 != .tab })
    func layoutsDifferAsTheySay(_ layout: TextLayout) throws {
        let table = try #require(Self.seeds.lazy.map(LayoutTable.init(seed:)).first { $0.initial == nil })
        let text = LayoutRenderer.text(table, layout)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text != LayoutRenderer.text(table, .tab))
        let figures = [table.adjusted, table.executed, table.budgetPoints, table.rate, table.budgetScore]
        let first = table.indicators[0]
        switch layout {
        case .tab:
            break
        case .pipe:
            let document = DocumentText(text, file: "pipe.txt")
            #expect(document.lines.allSatisfy { $0.text.isEmpty || $0.shape == .piped })
            #expect(document.lines.allSatisfy { $0.text.isEmpty || !$0.cells.contains("") })
            let header = try #require(document.lines.first { $0.text.contains("年初预算数") })
            let budget = try #require(document.lines.first { $0.text.contains("年度资金总额") })
            #expect(budget.cells == ["年度资金总额"] + figures)
            #expect(budget.cells.count < header.cells.count)
        case .labelAlone:
            let label = try #require(lines.firstIndex(of: "年度资金总额 |"))
            #expect(lines[label + 1] == "| " + figures.joined(separator: " | ") + " |")
            let total = try #require(lines.firstIndex(of: "总分 |"))
            #expect(lines[total + 1] == "| \(table.totalPoints) | \(table.totalScore) |")
            #expect(lines.contains("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |"))
        case .cellPerLine:
            #expect(!text.contains("\t"))
            #expect(lines.allSatisfy { $0.isEmpty || $0 == "\u{00A0}" || $0.hasSuffix("|") })
            #expect(lines.contains("|") && lines.contains("\u{00A0}"))
            let label = try #require(lines.firstIndex(of: "年度资金总额 |"))
            // The blank 年初预算数 is a cell of its own: a lone `|` or a no-break space.
            #expect(["|", "\u{00A0}"].contains(lines[label + 1]))
            #expect(Array(lines[(label + 2)...(label + 6)]) == figures.map { $0 + " |" })
        case .cellPerLineBare:
            #expect(!text.contains("\t") && !text.contains("|"))
            let label = try #require(lines.firstIndex(of: "年度资金总额"))
            #expect(Array(lines[(label + 1)...(label + 5)]) == figures)
            #expect(lines[label + 6].isEmpty)
        case .runTogether:
            #expect(!text.contains("\t") && !text.contains("|") && !text.contains("  "))
            #expect(lines.contains((["年度资金总额"] + figures).joined(separator: " ")))
            #expect(lines.contains("总分 \(table.totalPoints) \(table.totalScore)"))
        case .threeColumnTarget:
            #expect(lines.contains { $0.hasPrefix("一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t") })
            let target = [first.target.comparator, first.target.amount, first.target.unit].joined(separator: "\t")
            #expect(lines.contains { $0.contains("\t\(first.name)\t\(target)\t\(first.actual)\t") })
            #expect(!text.contains(first.target.printed))
        case .spacedHeaders:
            #expect(lines.contains { $0.hasPrefix("一级 指标\t二级 指标\t三级 指标\t年度 指标值\t") })
            #expect(text.contains("\t权重\t") && text.contains("\t自评得分\t"))
            #expect(!text.contains("一级指标") && !text.contains("年度资金总额") && !lines.contains { $0.hasPrefix("总分\t") })
            #expect(lines.contains { $0.hasPrefix("\t资金总额\t") || $0.hasPrefix("\t年度财政资金总额\t") })
            #expect(lines.contains { $0.hasPrefix("自评总分\t") || $0.hasPrefix("合计\t") })
        case .traditional:
            for word in ["績效自評表", "單位名稱", "年度資金總額", "執行率", "一級指標", "實際完成值", "產出指標", "總分"] {
                #expect(text.contains(word), "\(word)")
            }
            for word in ["绩效", "资金总额", "执行率", "一级指标", "实际完成值", "总分", "产出指标"] {
                #expect(!text.contains(word), "\(word)")
            }
            #expect(text.contains(table.unit) && text.contains(first.name))
        case .fused:
            #expect(!text.contains("\t") && !text.contains("|"))
            #expect(lines.contains("年度资金总额 " + figures.joined()))
            #expect(lines.contains("总分 \(table.totalPoints)\(table.totalScore)"))
            // Some indicator rows fuse 分值 and 得分, others keep the space.
            let rows = table.indicators.map { indicator in
                lines.first { $0.contains("\(indicator.name) \(indicator.target.printed) ") } ?? ""
            }
            let fused = zip(table.indicators, rows).filter { $0.1.contains("\($0.0.actual) \($0.0.points)\($0.0.score)") }
            let spaced = zip(table.indicators, rows).filter { $0.1.contains("\($0.0.actual) \($0.0.points) \($0.0.score)") }
            #expect(!fused.isEmpty && !spaced.isEmpty && fused.count + spaced.count == table.indicators.count)
            // DOMAIN.md §8's own example: 50 | 50 | 10 | 100.00% | 10.
            var round = table
            (round.adjusted, round.executed, round.rate, round.budgetScore) = ("50", "50", "100.00%", "10")
            #expect(LayoutRenderer.text(round, .fused).contains("\n年度资金总额 505010100.00%10\n"))
        case .titleInLine:
            let next = table.project.map { "项目名称 \($0)" } ?? "单位名称 \(table.unit)"
            let line = try #require(lines.first { $0.contains(table.title) })
            #expect(line == table.title + " " + next || (line.hasPrefix("附件") && line.hasSuffix(" " + table.title + " " + next)))
            #expect(!lines.contains(next))
            let annexed = Self.seeds.map { LayoutRenderer.text(LayoutTable(seed: $0), .titleInLine) }.filter { $0.hasPrefix("附件") }
            #expect(!annexed.isEmpty && annexed.count < Self.seeds.count)
        case .noTitle:
            #expect(!text.contains("自评表") && !text.contains(table.title))
            #expect(lines[0].hasPrefix("一、\(table.year)年度") && lines[0].hasSuffix("绩效自评情况"))
            #expect(lines[1].hasPrefix(table.kind == .project ? "项目名称\t" : "单位名称\t"))
        case .yearInBrackets:
            #expect(!text.contains(table.title))
            let titles = Self.seeds.map { LayoutRenderer.text(LayoutTable(seed: $0), .yearInBrackets).prefix { $0 != "\n" } }
            for (seed, title) in zip(Self.seeds, titles) {
                let year = LayoutTable(seed: seed).year
                #expect(["（\(year)年度）", "(\(year)年度)"].contains { title.contains($0) } && title.contains("自评表"), "\(title)")
            }
            #expect(titles.contains { $0.hasPrefix("附件") } && titles.contains { $0.hasPrefix("(") || $0.hasPrefix("（") })
            #expect(titles.contains { $0.hasSuffix(")") || $0.hasSuffix("）") } && titles.contains { $0.contains("绩效目标自评表") })
        case .subRows:
            let total = try #require(lines.firstIndex { $0.hasPrefix("\t年度资金总额\t") })
            let parts = lines[(total + 1)...(total + 3)].map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            #expect(parts.map { $0[1] } == ["其中：当年财政拨款", "上年结转资金", "其他资金"])
            #expect(parts.allSatisfy { $0[5] == table.budgetPoints && $0[7] == table.budgetScore })
            #expect(parts.map { LayoutTable.cents($0[3]) }.reduce(0, +) == LayoutTable.cents(table.adjusted))
            #expect(parts.map { LayoutTable.cents($0[4]) }.reduce(0, +) == LayoutTable.cents(table.executed))
        case .onlyScore:
            #expect(!text.contains("分值") && !text.contains("权重") && !text.contains("分)"))
            #expect(lines.contains("\t年度资金总额\t\t" + [table.adjusted, table.executed, table.rate, table.budgetScore].joined(separator: "\t")))
            #expect(lines.contains("总分\t\t\t\t\t\(table.totalScore)\t"))
        case .reviewScore:
            #expect(lines.contains { $0.contains("\t实际完成值\t分值\t自评分\t复核分\t") })
            let total = try #require(lines.first { $0.hasPrefix("总分\t") })
            #expect(total.hasPrefix("总分\t\t\t\t\t\(table.totalPoints)\t\(table.totalScore)\t"))
            #expect(!total.hasSuffix("\t\(table.totalScore)\t\(table.totalScore)\t"))
            // The reviewer takes a point off some rows and agrees with the others.
            let rows = table.indicators.map { indicator in lines.first { $0.contains("\t\(indicator.name)\t") } ?? "" }
            let agreeing = zip(table.indicators, rows).filter { $0.1.contains("\t\($0.0.points)\t\($0.0.score)\t\($0.0.score)\t") }
            #expect(!agreeing.isEmpty && agreeing.count < table.indicators.count)
        case .splitHeader:
            let header = try #require(lines.firstIndex(of: "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析"))
            #expect(lines[header + 1] == "指标值 完成值 及改进措施")
            #expect(!text.contains("年度指标值") && !text.contains("\t"))
        case .twoHeaderRows:
            let header = try #require(lines.firstIndex(of: "一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施"))
            #expect(lines[header + 1] == "\t\t\t指标性质\t指标值\t度量单位\t\t\t\t")
            let target = [first.target.comparator, first.target.amount, first.target.unit].joined(separator: "\t")
            #expect(lines.contains { $0.contains("\t\(first.name)\t\(target)\t\(first.actual)\t") })
        }
    }

    // MARK: A report for the developer who teaches the importer a layout

    @Test(.enabled(if: ProcessInfo.processInfo.environment["JIXIAO_LAYOUT_REPORT"] != nil))
    func report() {
        for layout in TextLayout.allCases {
            let results = Self.seeds.map { seed in (seed, Self.problems(LayoutTable(seed: seed), layout)) }
            print("\(layout): \(results.filter { $0.1.isEmpty }.count)/\(results.count) seeds read back")
            for (seed, problems) in results where !problems.isEmpty {
                print("  seed \(seed): \(problems[0])" + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""))
            }
        }
    }
}
