import Foundation
import JixiaoBase
import JixiaoModel

extension Auditor {
    /// Audits every table of an imported document under `rubric` (else the one `catalog` chooses
    /// for each) and adds the findings about the document's own figures: breakdown rows and base
    /// data sheets that do not add up, and narrative claims checked against the tables and against
    /// their own arithmetic.
    ///
    /// Findings about one table go to that table's result (a narrative claim about the whole
    /// department goes to the department table). A document with no table but with narrative
    /// claims gives one narrative-only result: its submission holds what the prose states (the
    /// budget, spending, rate, score and grade of the self-evaluation result, no categories),
    /// its scorecard recomputes nothing but the rate, and its findings are the claims' own.
    public static func audit(_ document: ImportedDocument, catalog: RubricCatalog, rubric: Rubric? = nil) throws -> [AuditResult] {
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: document.file) }
        var results = try document.tables.map { try audit($0, catalog: catalog, rubric: rubric) }
        for (index, breakdown) in zip(results.indices, document.breakdowns) {
            results[index].findings += breakdown.findings(for: document.tables[index].budget, file: document.file)
        }
        var loose: [Finding] = []
        let department = document.tables.firstIndex { $0.level == .department } ?? (results.isEmpty ? nil : 0)
        for sheet in document.baseData {
            if let department { results[department].findings += sheet.findings } else { loose += sheet.findings }
        }
        let hasTables = !results.isEmpty
        if !hasTables {
            guard document.budgetHeading == nil, !document.claims.isEmpty || !loose.isEmpty else { throw document.noTableError() }
            results.append(try narrativeResult(document, catalog: catalog, rubric: rubric))
        }
        var checker = NarrativeChecker(document: document, results: results, hasTables: hasTables)
        checker.run()
        for (index, finding) in checker.findings { results[index].findings.append(finding) }
        // What the import could not read is said where the audit is read, not only by `import`.
        for note in document.notes {
            let finding = Finding(.importNote, note.subject, at: note.location, message: note.message)
            if let table = note.table, table >= 1, table <= document.tables.count, hasTables {
                results[table - 1].findings.append(finding)
            } else {
                loose.append(finding)
            }
        }
        if !loose.isEmpty { results[checker.documentIndex].findings += loose }
        // Findings made from a line number (breakdowns, base data, claims) get its place too.
        if !document.places.isEmpty {
            for index in results.indices {
                results[index].findings = results[index].findings.map { finding in
                    var placed = finding
                    placed.diagnostic.location = document.located(finding.location)
                    return placed
                }
            }
        }
        return results
    }

    /// The result of a document that has narrative claims but no table.
    static func narrativeResult(_ document: ImportedDocument, catalog: RubricCatalog, rubric: Rubric?) throws -> AuditResult {
        let evaluation = document.claims.lazy.compactMap { claim -> (NarrativeClaim.SelfEvaluation, SourceLocation)? in
            if case .selfEvaluation(let value) = claim.kind { return (value, claim.location) } else { return nil }
        }.first
        let location = evaluation?.1 ?? document.claims.first?.location ?? SourceLocation(file: document.file, line: 1)
        guard let year = document.year else {
            throw InputError(.missingField, at: SourceLocation(file: document.file, line: 0), field: "year",
                             message: LocalizedText(zh: "文中找不到年份（如“2024 年度”）", en: "no year (such as 2024 年度) in the document"))
        }
        let claim = evaluation?.0
        let budget = Submission.BudgetRow(
            initial: claim?.budgetIsInitial == true ? claim?.budget : nil,
            adjusted: claim?.budgetIsInitial == true ? nil : claim?.budget,
            executed: claim?.executed, points: nil, rate: claim?.rate.map(Submission.percentage), score: nil,
            location: location, rateLocation: location, scoreLocation: location)
        let submission = Submission(
            file: document.file, unit: nil, title: nil, level: .department, project: nil, department: nil, implementer: nil,
            year: year, region: nil, rubric: nil, money: .wanYuan, budget: budget, goals: nil, categories: [],
            total: Submission.TotalRow(points: nil, score: claim?.score, location: location),
            grade: claim?.grade.map { Submission.Claim(value: $0, location: location) },
            source: Submission.Source(file: document.file, table: nil, firstLine: location.line, lastLine: location.line),
            location: location)
        let chosen = try rubric ?? catalog.choose(for: submission).rubric
        var card = Scorecard(submission, rubric: chosen)
        // Nothing to recompute but the rate: the prose states the score, it does not itemise it.
        card.budget.score = nil
        card.budget.scoreRange = nil
        if let score = claim?.score {
            card.total = Scorecard.TotalScore(claimed: score, computed: score.number, computedRange: Interval(score))
            card.grade.computed = chosen.grade(of: score.number)
        } else {
            card.total = Scorecard.TotalScore(claimed: nil, computed: 0, computedRange: Interval(exactly: 0))
            card.grade.computed = nil
        }
        card.total.recomputed = nil
        card.grade.recomputed = nil
        var result = AuditResult(scorecard: card, findings: [])
        result.narrativeFigures = document.claims.count
        return result
    }
}

/// Checks narrative claims against the tables and against their own arithmetic.
struct NarrativeChecker {
    let document: ImportedDocument
    let results: [AuditResult]
    let hasTables: Bool
    var findings: [(Int, Finding)] = []

    init(document: ImportedDocument, results: [AuditResult], hasTables: Bool) {
        self.document = document
        self.results = results
        self.hasTables = hasTables
    }

    /// The result that findings about the document as a whole go to: the department table's.
    var documentIndex: Int {
        results.firstIndex { $0.scorecard.submission.level == .department } ?? 0
    }

    mutating func run() {
        var evaluations: Set<NarrativeClaim.SelfEvaluation> = []
        var ratios: [NarrativeClaim.Ratio: SourceLocation] = [:]
        var ratioOrder: [NarrativeClaim.Ratio] = []
        var time = TimeLimit.Ticker()
        for claim in document.claims {
            if time.isExpired(1 + results.count) { return }
            switch claim.kind {
            case .selfEvaluation(let evaluation):
                guard evaluations.insert(evaluation).inserted else { continue }
                check(evaluation, at: claim.location)
            case .ratio(let ratio):
                guard ratios[ratio] == nil else { continue }
                ratios[ratio] = claim.location
                ratioOrder.append(ratio)
                check(ratio, at: claim.location)
            case .sum(let sum):
                check(sum, at: claim.location)
            }
        }
        crossCheck(ratioOrder, ratios)
    }

    mutating func add(_ finding: Finding, to index: Int? = nil) {
        findings.append((index ?? documentIndex, finding))
    }

    // MARK: Self-evaluation result

    mutating func check(_ claim: NarrativeClaim.SelfEvaluation, at location: SourceLocation) {
        let target = hasTables ? documentIndex : nil
        let rubric = results[target ?? documentIndex].scorecard.rubric
        if let target { compare(claim, with: results[target], at: location, index: target) }
        if let score = claim.score, let grade = claim.grade, let computed = rubric.grade(of: score.number),
           rubric.grade(named: grade)?.name != computed.name {
            add(Finding(.gradeMismatch, .narrative("grade"), at: location, claimed: .text(grade), computed: .text(computed.name),
                        message: LocalizedText(
                            zh: "正文称评价等级为“\(grade)”，但其所称得分 \(score) 分对应“\(computed.name)”",
                            en: "the text gives the grade '\(grade)' but its own score of \(score) is '\(computed.name)'")),
                to: target)
        }
        if target == nil {
            let rate = claim.rate.map(Submission.percentage)
            let computed = claim.executed.flatMap { executed in
                claim.budget.flatMap { $0.number > 0 ? executed.number / $0.number : nil }
            }
            if let value = rate?.number ?? computed, value > 1 {
                let figures = [claim.executed, claim.budget].allSatisfy { $0 != nil }
                    ? "\(claim.executed!) / \(claim.budget!) = \(((computed ?? value) * 100).formatted(decimals: 2))%" : "\(rate!)"
                add(Finding(.overspend, .narrative("rate"), at: location, claimed: rate.map(FindingValue.printed),
                            computed: computed.map { .computedPercent($0 * 100, decimals: 2) },
                            message: LocalizedText(zh: "正文所称执行率 \(figures)，超过 100%：执行数大于预算数",
                                                   en: "the stated execution rate \(figures) is above 100%: more was spent than budgeted")))
            }
        }
    }

    /// The prose's figures against the table's, each at its printed precision (the table's
    /// figures taken as exact).
    mutating func compare(_ claim: NarrativeClaim.SelfEvaluation, with result: AuditResult, at location: SourceLocation, index: Int) {
        let card = result.scorecard
        let table = card.submission
        // Where the table's budget row is: its page or table row in a PDF, web page or Word file.
        let tableAt = table.budget.location.place.map { LocalizedText(zh: $0.text(.zh), en: $0.text(.en)) }
            ?? LocalizedText(zh: "第 \(table.budget.location.line) 行起", en: "from line \(table.budget.location.line)")
        func mismatch(_ prose: PrintedNumber?, _ printed: PrintedNumber?, computed: Fixed? = nil, truncation: Bool) -> (PrintedNumber, FindingValue)? {
            guard let prose else { return nil }
            if let printed {
                let shown: FindingValue = printed.isPercent ? .printed(printed) : .computed(printed.value, decimals: printed.decimals)
                return Agreement.of(prose, against: Interval(exactly: printed.number), truncation: truncation) == .mismatch
                    ? (prose, shown) : nil
            }
            if let computed {
                return Agreement.of(prose, against: Interval(exactly: computed), truncation: truncation) == .mismatch
                    ? (prose, prose.isPercent ? .computedPercent(computed * 100, decimals: 2) : .computed(computed, decimals: 2)) : nil
            }
            return nil
        }
        // Money in the prose's unit, the table's figures converted to it.
        func yuan(_ unit: String?) -> Fixed { unit == "亿元" ? 100_000_000 : unit == "元" ? 1 : 10_000 }
        let scale = yuan(table.money.rawValue) / yuan(claim.moneyUnit)
        func money(_ value: PrintedNumber?) -> PrintedNumber? {
            value.map { PrintedNumber($0.value * scale, decimals: max(0, $0.decimals - Self.digits(scale)), isPercent: false) }
        }
        let moneyUnit = " " + (claim.moneyUnit ?? "万元")
        let budgetName = claim.budgetIsInitial ? "年初预算数" : "全年预算数"
        let items: [(String, String, String, (PrintedNumber, FindingValue)?, String)] = [
            ("budget", budgetName, "the budget",
             mismatch(claim.budget, money(claim.budgetIsInitial ? table.budget.initial : table.budget.adjusted), truncation: false), moneyUnit),
            ("executed", "执行数", "the amount spent", mismatch(claim.executed, money(table.budget.executed), truncation: false), moneyUnit),
            ("rate", "执行率", "the execution rate",
             mismatch(claim.rate.map(Submission.percentage), table.budget.rate, computed: card.budget.rate, truncation: true), ""),
            // Without a printed total, the sum of the parts stands for it only when every part was read.
            ("score", "自评得分", "the score",
             mismatch(claim.score, table.total.score, computed: card.coverage.totalPartsRead ? card.total.computed : nil, truncation: false), " 分"),
        ]
        for (key, zhName, enName, difference, unit) in items {
            guard let (prose, tableValue) = difference else { continue }
            let proseText = prose.description + (prose.isPercent ? "" : unit)
            add(Finding(.narrativeMismatch, .narrative(key), at: location, claimed: .printed(prose), computed: tableValue,
                        message: LocalizedText(
                            zh: "正文称\(zhName)为 \(proseText)，但自评表（\(tableAt.zh)）为 \(tableValue)\(prose.isPercent ? "%" : unit)",
                            en: "the text gives \(enName) as \(proseText) but the table (\(tableAt.en)) has \(tableValue)\(prose.isPercent ? "%" : unit)")),
                to: index)
        }
        if let grade = claim.grade {
            // The table's printed grade, else the band of its printed total, else of the sum of its
            // parts when every part was read.
            let tableGrade = card.grade.claimedBand ?? card.total.claimed.flatMap { card.rubric.grade(of: $0.number) }
                ?? (card.coverage.totalPartsRead ? card.grade.computed : nil)
            if let tableGrade, card.rubric.grade(named: grade)?.name != tableGrade.name {
                add(Finding(.narrativeMismatch, .narrative("grade"), at: location, claimed: .text(grade), computed: .text(tableGrade.name),
                            message: LocalizedText(
                                zh: "正文称评价等级为“\(grade)”，但自评表的等级为“\(tableGrade.name)”",
                                en: "the text gives the grade '\(grade)' but the table's is '\(tableGrade.name)'")),
                    to: index)
            }
        }
    }

    /// How many decimal places dividing by `scale` (a power of ten above 1) adds: 10000 → 4.
    static func digits(_ scale: Fixed) -> Int {
        var digits = 0
        var value = scale
        while value >= 10 { value /= 10; digits += 1 }
        return scale < 1 ? -Self.digits(1 / scale) : digits
    }

    // MARK: Ratios and sums

    /// The interval a printed figure stands for: whole numbers (counts, whole amounts) are exact.
    static func interval(_ number: PrintedNumber) -> Interval {
        Interval(number, exact: number.isWhole)
    }

    mutating func check(_ ratio: NarrativeClaim.Ratio, at location: SourceLocation) {
        guard ratio.denominator.number > 0,
              let range = Self.interval(ratio.numerator).divided(by: Self.interval(ratio.denominator)) else { return }
        let stated = ratio.stated
        guard Agreement.of(stated, against: range) == .mismatch else { return }
        let value = ratio.numerator.number / ratio.denominator.number
        let exact = (value * 100).formatted(decimals: 4)
        add(Finding(.statedRatioMismatch, .narrative("ratio"), at: location, claimed: .printed(stated),
                    computed: .computedPercent(value * 100, decimals: max(2, stated.decimals)),
                    message: LocalizedText(
                        zh: "正文称\(ratio.name) \(stated)，但 \(ratio.numerator) / \(ratio.denominator) = \(exact)%；按所写精度四舍五入或截断都不能得出 \(stated)",
                        en: "the text states \(ratio.name) \(stated) but \(ratio.numerator) / \(ratio.denominator) = \(exact)%; no rounding or truncation gives \(stated)")))
    }

    /// The same ratio printed two ways in one document (`104.67%` and `104.66%`): the one
    /// farther from the exact quotient is reported.
    mutating func crossCheck(_ order: [NarrativeClaim.Ratio], _ locations: [NarrativeClaim.Ratio: SourceLocation]) {
        var groups: [[Fixed]: [NarrativeClaim.Ratio]] = [:]
        for ratio in order { groups[[ratio.numerator.number, ratio.denominator.number], default: []].append(ratio) }
        for ratio in order {
            guard let group = groups[[ratio.numerator.number, ratio.denominator.number]], ratio.denominator.number > 0 else { continue }
            let exact = ratio.numerator.number / ratio.denominator.number
            func distance(_ r: NarrativeClaim.Ratio) -> Fixed {
                let difference = r.stated.number - exact
                return difference < 0 ? -difference : difference
            }
            guard let closer = group.first(where: { other in
                other.stated.number != ratio.stated.number && other.stated.decimals == ratio.stated.decimals && distance(other) < distance(ratio)
            }), let location = locations[ratio], let otherLocation = locations[closer] else { continue }
            let agreement = Agreement.of(ratio.stated, against: Interval(exactly: exact))
            let how = agreement == .truncated ? LocalizedText(zh: "（\(ratio.stated) 是截断值）", en: " (\(ratio.stated) is truncated)")
                : LocalizedText.empty
            add(Finding(.statedRatioMismatch, severity: .warning, .narrative("ratio"), at: location,
                        claimed: .printed(ratio.stated), computed: .computedPercent(exact * 100, decimals: max(2, ratio.stated.decimals)),
                        message: LocalizedText(
                            zh: "同一比率 \(ratio.numerator) / \(ratio.denominator) = \((exact * 100).formatted(decimals: 4))% 在此写为 \(ratio.stated)，在第 \(otherLocation.line) 行写为 \(closer.stated)\(how.zh)",
                            en: "the same ratio \(ratio.numerator) / \(ratio.denominator) = \((exact * 100).formatted(decimals: 4))% is printed \(ratio.stated) here and \(closer.stated) on line \(otherLocation.line)\(how.en)")))
        }
    }

    mutating func check(_ sum: NarrativeClaim.Sum, at location: SourceLocation) {
        let total = sum.parts.reduce(Fixed(0)) { $0 + $1.number }
        let decimals = max(sum.total.decimals, sum.parts.map(\.decimals).max() ?? 0)
        let list = sum.parts.map(\.description).joined(separator: " + ")
        let unit = sum.unit
        guard let finding = StatedSum.finding(
            total: sum.total, parts: sum.parts, subject: .narrative("sum"), at: location,
            message: LocalizedText(
                zh: "正文称合计 \(sum.total) \(unit)，但所列 \(sum.parts.count) 项之和为 \(list) = \(total.compact(decimals: decimals)) \(unit)",
                en: "the text states a total of \(sum.total) \(unit) but its \(sum.parts.count) listed parts add up to \(list) = \(total.compact(decimals: decimals)) \(unit)"))
        else { return }
        add(finding)
    }
}
