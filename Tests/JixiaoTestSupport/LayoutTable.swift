import JixiaoBase
import JixiaoModel

/// An invented self-evaluation table under the national 2020 scheme (budget 10 · 产出 50 ·
/// 效益 30 · 满意度 10), made from a seed, and clean: the rate and the budget score follow from
/// the budget figures, the indicators' points add up to their category's, every deduction is
/// proportional and has a reason, and the total is the sum of the printed parts.
///
/// Every figure is kept as the text a table prints (`45.20`, `99.27%`, `≥ 200 人次`): what
/// `LayoutRenderer` writes and what an import must give back. Names and figures are made up.
package struct LayoutTable: Sendable {
    package enum Kind: Sendable { case department, project }

    /// A level-3 target with a comparator: `≥ 200 人次`, `≥ 95%`, `≤ 120.50 万元`.
    package struct Target: Sendable, Equatable {
        /// `≥` or `≤`.
        package var comparator: String
        package var amount: String
        package var unit: String

        /// As one cell: a space after the comparator, a space before a unit word, none before `%`.
        package var printed: String {
            comparator + " " + amount + (unit == "%" ? "%" : " " + unit)
        }
    }

    package struct Indicator: Sendable {
        package var subcategory: String
        package var name: String
        package var target: Target
        package var actual: String
        package var points: String
        package var score: String
        package var reason: String?
    }

    package struct Category: Sendable {
        package var name: String
        package var points: String
        package var indicators: [Indicator]
    }

    package var seed: UInt64
    package var year: Int
    package var kind: Kind
    package var unit: String
    /// 项目名称, for a project table.
    package var project: String?
    /// 年初预算数; nil when the cell is left blank, as many tables leave it.
    package var initial: String?
    package var adjusted: String
    package var executed: String
    package var budgetPoints = "10"
    /// 执行率 = 全年执行数 / 全年预算数, half-up to 2 decimals, with `%`.
    package var rate: String
    /// 得分 = 分值 × 执行率, half-up to 2 decimals.
    package var budgetScore: String
    package var categories: [Category]
    package var totalPoints = "100"
    package var totalScore: String

    package var title: String {
        "\(year)年度\(kind == .project ? "项目支出" : "部门整体支出")绩效自评表"
    }

    package var indicators: [Indicator] { categories.flatMap(\.indicators) }

    /// The table of `seed`: a function of the seed alone.
    package init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        self.seed = seed
        year = 2021 + random.below(3)
        kind = random.chance(0.4) ? .project : .department
        unit = Self.places[random.below(Self.places.count)] + Self.offices[random.below(Self.offices.count)]
        project = kind == .project ? Self.projects[random.below(Self.projects.count)] + "专项" : nil

        // Budget in hundredths of 万元; executed 86–100% of the adjusted budget, never more.
        let adjustedCents = 1_000 + random.below(900_000)
        let executedCents = adjustedCents - random.below(adjustedCents * 14 / 100 + 1)
        adjusted = Self.fixed(adjustedCents)
        executed = Self.fixed(executedCents)
        initial = random.chance(0.35) ? nil : Self.fixed(adjustedCents - (random.chance(0.5) ? 0 : random.below(adjustedCents / 10 + 1)))
        rate = Self.fixed(Self.divideRounded(executedCents * 10_000, adjustedCents)) + "%"
        let budgetScoreCents = Self.divideRounded(executedCents * 1_000, adjustedCents)
        budgetScore = Self.fixed(budgetScoreCents)

        var used: Set<String> = []
        var scoreCents = budgetScoreCents
        categories = []
        for (name, points, subcategories) in Self.scheme {
            let count = 1 + random.below(4)
            var picked = (0..<count).map { _ in subcategories[random.below(subcategories.count)] }
            // Rows of one sub-category are printed together (its cell is merged).
            picked.sort { subcategories.firstIndex(of: $0)! < subcategories.firstIndex(of: $1)! }
            var indicators: [Indicator] = []
            for (position, subcategory) in picked.enumerated() {
                let share = points / count + (position < points % count ? 1 : 0)
                let indicator = Self.indicator(subcategory: subcategory, points: share, used: &used, random: &random)
                scoreCents += indicator.scoreCents
                indicators.append(indicator.indicator)
            }
            categories.append(Category(name: name, points: String(points), indicators: indicators))
        }
        totalScore = Self.fixed(scoreCents)
    }

    /// The submission an import of this table must give, field for field (no goals, no grade,
    /// amounts in 万元).
    package func submission(file: String) -> Submission {
        let here = SourceLocation(file: file, line: 0)
        func number(_ text: String?) -> PrintedNumber? { text.flatMap(PrintedNumber.init(parsing:)) }
        let budget = Submission.BudgetRow(
            initial: number(initial), adjusted: number(adjusted), executed: number(executed), points: number(budgetPoints),
            rate: number(rate), score: number(budgetScore), location: here, rateLocation: here, scoreLocation: here)
        let categories = categories.map { category in
            Submission.CategoryRow(name: category.name, points: number(category.points), indicators: category.indicators.map { indicator in
                Submission.Indicator(subcategory: indicator.subcategory, name: indicator.name, target: indicator.target.printed,
                                     actual: indicator.actual, points: number(indicator.points), score: number(indicator.score),
                                     reason: indicator.reason, location: here)
            }, location: here)
        }
        return Submission(file: file, unit: unit, title: title, level: kind == .project ? .project : .department, project: project,
                          year: year, money: .wanYuan, budget: budget, categories: categories,
                          total: Submission.TotalRow(points: number(totalPoints), score: number(totalScore), location: here),
                          location: here)
    }

    // MARK: Indicators

    /// One indicator of `subcategory`, worth `points`: met with full marks, or (a count, one time
    /// in five) missed by 3–15% and scored 分值 × 实际/目标 with a reason.
    static func indicator(subcategory: String, points: Int, used: inout Set<String>,
                          random: inout SeededRandom) -> (indicator: Indicator, scoreCents: Int) {
        func pick(_ names: [(String, String)]) -> (String, String) {
            let free = names.filter { !used.contains($0.0) }
            let chosen = free.isEmpty ? names[0] : free[random.below(free.count)]
            used.insert(chosen.0)
            return chosen
        }
        var indicator = Indicator(subcategory: subcategory, name: "", target: Target(comparator: "≥", amount: "", unit: ""),
                                  actual: "", points: String(points), score: String(points), reason: nil)
        var scoreCents = points * 100
        switch Self.measure(of: subcategory) {
        case .count:
            let (name, unit) = pick(Self.counts)
            let target = [12, 20, 36, 50, 120, 200, 350, 800, 1500][random.below(9)]
            var actual = target + random.below(target / 10 + 1)
            if random.chance(0.2) {
                actual = target * (85 + random.below(13)) / 100
                scoreCents = divideRounded(points * 100 * actual, target)
                indicator.score = fixed(scoreCents)
                indicator.reason = Self.reasons[random.below(Self.reasons.count)]
            }
            indicator.name = name
            indicator.target = Target(comparator: "≥", amount: String(target), unit: unit)
            indicator.actual = "\(actual) \(unit)"
        case .percent(let names):
            let target = 85 + random.below(14)
            let actual = target + random.below(min(100 - target, 4) + 1)
            indicator.name = pick(names.map { ($0, "%") }).0
            indicator.target = Target(comparator: "≥", amount: String(target), unit: "%")
            indicator.actual = "\(actual)%"
        case .cost:
            let capCents = 5_000 + random.below(500_000)
            let actualCents = capCents - random.below(capCents / 10 + 1)
            indicator.name = pick(Self.costs.map { ($0, "万元") }).0
            indicator.target = Target(comparator: "≤", amount: fixed(capCents), unit: "万元")
            indicator.actual = fixed(actualCents) + " 万元"
        }
        return (indicator, scoreCents)
    }

    enum Measure {
        case count
        case percent([String])
        case cost
    }

    static func measure(of subcategory: String) -> Measure {
        switch subcategory {
        case "数量指标", "经济效益指标": .count
        case "社会效益指标": .count
        case "质量指标": .percent(["验收合格率", "资料归档完整率", "设备完好率", "抽查合格率"])
        case "时效指标": .percent(["资金拨付及时率", "任务按时完成率", "信息报送及时率"])
        case "成本指标": .cost
        case "生态效益指标": .percent(["绿化养护达标率", "垃圾分类覆盖率", "污水收集处理率"])
        case "可持续影响指标": .percent(["长效机制覆盖率", "设施持续使用率", "制度执行到位率"])
        default: .percent(["服务对象满意度", "参训人员满意度", "受益群众满意度", "来访群众满意度"])
        }
    }

    /// The national 2020 scheme's level-1 categories with their points and level-2 labels.
    static let scheme: [(String, Int, [String])] = [
        ("产出指标", 50, ["数量指标", "质量指标", "时效指标", "成本指标"]),
        ("效益指标", 30, ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
        ("满意度指标", 10, ["服务对象满意度指标"]),
    ]

    static let places = ["青川市", "云溪县", "白石区", "临江市", "松岭县", "柳塘区", "北泉市", "南屏县"]
    static let offices = ["文化服务中心", "农技推广站", "社区事务局", "水务管理处", "就业服务局", "档案馆", "林业工作站", "救助管理站"]
    static let projects = ["乡村书屋提升", "农田灌溉维护", "社区助餐服务", "职业技能培训", "河道保洁", "档案数字化"]
    static let counts: [(String, String)] = [
        ("开展技能培训人次", "人次"), ("举办宣讲活动场次", "场"), ("走访服务对象户数", "户"), ("新建便民站点数", "个"),
        ("办结群众诉求件数", "件"), ("编印宣传资料份数", "份"), ("组织专项检查次数", "次"), ("带动就业人数", "人"),
    ]
    static let costs = ["项目总成本", "设备购置成本", "运行维护费用", "宣传印刷费用"]
    static let reasons = ["受天气影响部分活动顺延", "部分服务对象外出，入户数减少", "场地改造延期，下半年集中开展"]

    /// a / b rounded half up, for non-negative integers.
    package static func divideRounded(_ a: Int, _ b: Int) -> Int { (a * 2 + b) / (b * 2) }

    /// Hundredths printed with 2 decimals: `4520` is `45.20`.
    package static func fixed(_ cents: Int) -> String {
        let fraction = cents % 100
        return "\(cents / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `45.20` → 4520, `5` → 500: hundredths of a figure printed with at most 2 decimals.
    package static func cents(_ text: String) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        guard parts.count == 2 else { return whole * 100 }
        let fraction = parts[1].count == 1 ? Int(parts[1])! * 10 : Int(parts[1])!
        return whole * 100 + fraction
    }
}

/// A small seedable generator (SplitMix64), so a seed gives the same table every time.
/// (`JixiaoSynth` has one too, internal to that tool; the test support does not depend on it.)
/// Also a `RandomNumberGenerator`, for the standard library's `random(in:using:)`.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64

    /// Neighbouring seeds start far apart: the seed is scrambled once, so that seed n + 1 is not
    /// seed n one step on.
    package init(seed: UInt64) {
        state = seed
        state = next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    package mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    package mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }
}
