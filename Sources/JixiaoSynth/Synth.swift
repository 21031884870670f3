import Foundation
import JixiaoAudit
import JixiaoReport
import JixiaoCore

/// Writes realistic synthetic submissions for benchmarks and tests (`jixiao synth`).
///
/// Tables follow the two national schemes (2020: 10/50/30/10 with 成本 under 产出; 2024:
/// 10/40/20/10/20 with 成本 as level 1), department and project level, with 10–40 indicators
/// whose targets and actuals are written the way real tables write them (`≥ 95%`, `不少于 1200 户`,
/// `≤ 350.00 万元`, `按计划完成`). Clean tables are consistent to the cent; a share of tables gets
/// one planted mistake, recorded with the finding codes it must raise in `manifest.json`.
/// The same seed writes the same files, byte for byte.
public struct Synth: Sendable {
    public static let manifestName = "manifest.json"

    public var seed: UInt64
    /// Share of tables with a planted mistake.
    public var mistakeRate: Double

    public init(seed: UInt64, mistakeRate: Double = 0.3) {
        self.seed = seed
        self.mistakeRate = min(1, max(0, mistakeRate))
    }

    /// A mistake planted in one table and what the audit must say about it.
    public struct Planted: Sendable, Hashable {
        public var file: String
        public var mistake: Mistake
        /// Codes the audit must report, each at `path`.
        public var codes: [FindingCode]
        public var path: String
    }

    public enum Mistake: String, Sendable, CaseIterable {
        case totalInflated = "total-inflated"
        case rateMiscopied = "rate-miscopied"
        case budgetScoreWrong = "budget-score-wrong"
        case gradeWrong = "grade-wrong"
        case deductedWithoutReason = "deducted-without-reason"
        case missedButFull = "missed-but-full"
        case scoreOverPoints = "score-over-points"
        case duplicateIndicator = "duplicate-indicator"
        case overspent = "overspent"
    }

    public struct Manifest: Sendable {
        public var seed: UInt64
        public var files: [String]
        public var planted: [Planted]
    }

    /// Writes `count` tables under `folder` (`<year>/t00001.yaml`, …) and the manifest.
    @discardableResult
    public func write(count: Int, to folder: String) throws -> Manifest {
        var manifest = Manifest(seed: seed, files: [], planted: [])
        var years: Set<Int> = []
        for index in 0..<count {
            var table = generate(index: index)
            let relative = "\(table.year)/t\(String(index + 1).leftPadded(5)).yaml"
            if years.insert(table.year).inserted {
                try FileManager.default.createDirectory(atPath: folder + "/\(table.year)", withIntermediateDirectories: true)
            }
            try OutputFile.write(table.yaml, to: folder + "/" + relative)
            manifest.files.append(relative)
            if var planted = table.planted {
                planted.file = relative
                table.planted = planted
                manifest.planted.append(planted)
            }
        }
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.number("seed", String(seed))
            json.number("count", count)
            json.array("planted") { json in
                for planted in manifest.planted {
                    json.object { json in
                        json.string("file", planted.file)
                        json.string("mistake", planted.mistake.rawValue)
                        json.array("codes") { json in
                            for code in planted.codes { json.string(code.rawValue) }
                        }
                        json.string("path", planted.path)
                    }
                }
            }
        }
        try OutputFile.write(json.text + "\n", to: folder + "/" + Self.manifestName)
        return manifest
    }

    /// Reads a manifest written by `write`.
    public static func readManifest(_ folder: String) throws -> [Planted] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + manifestName))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = object["planted"] as? [[String: Any]] else { return [] }
        return items.compactMap { item in
            guard let file = item["file"] as? String, let mistake = (item["mistake"] as? String).flatMap(Mistake.init(rawValue:)),
                  let codes = item["codes"] as? [String], let path = item["path"] as? String else { return nil }
            return Planted(file: file, mistake: mistake, codes: codes.compactMap(FindingCode.init(rawValue:)), path: path)
        }
    }

    // MARK: Generation

    struct Table {
        var year: Int
        var yaml: String
        var planted: Planted?
    }

    struct Row {
        var category: Int
        var subcategory: String
        var name: String
        var target: String
        var actual: String
        var points: Int
        /// Score in hundredths.
        var score: Int
    }

    /// The table at `index`: a function of the seed and the index alone.
    func generate(index: Int) -> Table {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xBF58_476D_1CE4_E5B9 &+ 1)
        let year = [2022, 2023, 2024, 2024][random.below(4)]
        let modern = year >= 2024
        let project = random.chance(0.4)
        let unit = Self.cities[random.below(Self.cities.count)] + Self.bureaus[random.below(Self.bureaus.count)]
        let projectName = project ? Self.projects[random.below(Self.projects.count)] + "专项" : nil

        // Categories: (name, points, subcategories).
        let categories: [(String, Int, [String])] = modern
            ? [("产出指标", 40, ["数量指标", "质量指标", "时效指标"]),
               ("效益指标", 20, ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
               ("满意度指标", 10, ["服务对象满意度指标"]),
               ("成本指标", 20, ["经济成本指标"])]
            : [("产出指标", 50, ["数量指标", "质量指标", "时效指标", "成本指标"]),
               ("效益指标", 30, ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
               ("满意度指标", 10, ["服务对象满意度指标"])]
        let total = 10 + random.below(31)
        var counts = categories.map { _ in 1 }
        counts[2] = 1 + random.below(3)
        if modern { counts[3] = 2 + random.below(4) }
        let rest = max(4, total - counts.reduce(0, +))
        counts[0] = max(2, rest * 6 / 10)
        counts[1] = max(2, rest - counts[0])

        var rows: [Row] = []
        var used: [String: Int] = [:]
        for (position, category) in categories.enumerated() {
            let n = min(counts[position], category.1)
            for k in 0..<n {
                let points = category.1 / n + (k < category.1 % n ? 1 : 0)
                let subcategory = category.2[k % category.2.count]
                var row = indicator(subcategory: subcategory, category: category.0, random: &random)
                row.category = position
                row.points = points
                row.score = points * 100
                let seen = used[row.name, default: 0]
                used[row.name] = seen + 1
                if seen > 0 { row.name += "（\(seen + 1)）" }
                rows.append(row)
            }
        }

        // Budget in hundredths of 万元; the rate and score follow by half-up rounding.
        let adjusted = 5_000 + random.below(500_000)
        let initial = adjusted - random.below(adjusted / 10 + 1)
        var executed = adjusted - random.below(adjusted * 15 / 100 + 1)
        var rateShift = 0, scoreShift = 0, totalShift = 0, wrongGrade = false
        var planted: Planted?
        let mistake: Mistake? = random.chance(mistakeRate) ? Mistake.allCases[random.below(Mistake.allCases.count)] : nil
        func path(_ row: Row) -> String { "\(categories[row.category].0)/\(row.subcategory)/\(row.name)" }
        switch mistake {
        case .totalInflated?:
            totalShift = 100 + random.below(400)
            planted = Planted(file: "", mistake: .totalInflated, codes: [.totalMismatch], path: "total")
        case .rateMiscopied?:
            rateShift = (random.chance(0.5) ? 1 : -1) * (100 + random.below(400))
            planted = Planted(file: "", mistake: .rateMiscopied, codes: [.rateMismatch], path: "budget.rate")
        case .budgetScoreWrong?:
            scoreShift = -(30 + random.below(70))
            planted = Planted(file: "", mistake: .budgetScoreWrong, codes: [.budgetScoreMismatch], path: "budget.score")
        case .gradeWrong?:
            wrongGrade = true
            planted = Planted(file: "", mistake: .gradeWrong, codes: [.gradeMismatch], path: "grade")
        case .deductedWithoutReason?:
            let k = random.below(rows.count)
            rows[k].score -= 100 * (1 + random.below(max(1, rows[k].points - 1)))
            rows[k].score = max(0, rows[k].score)
            planted = Planted(file: "", mistake: .deductedWithoutReason, codes: [.missingExplanation], path: path(rows[k]))
        case .missedButFull?:
            let candidates = rows.indices.filter { rows[$0].target.hasPrefix("≥") || rows[$0].target.hasPrefix("不少于") }
            if let k = candidates.isEmpty ? nil : candidates[random.below(candidates.count)] {
                rows[k].actual = Self.missed(rows[k])
                planted = Planted(file: "", mistake: .missedButFull, codes: [.unmetButFull], path: path(rows[k]))
            }
        case .scoreOverPoints?:
            let k = random.below(rows.count)
            rows[k].score += 100
            planted = Planted(file: "", mistake: .scoreOverPoints, codes: [.scoreOverWeight], path: path(rows[k]))
        case .duplicateIndicator?:
            if rows.count >= 2 {
                let k = 1 + random.below(rows.count - 1)
                let first = rows[random.below(k)]
                rows[k].name = first.name
                rows[k].category = first.category
                rows[k].subcategory = first.subcategory
                // Keep the points where they were: only the label moves.
                let moved = rows.remove(at: k)
                let insertAt = rows.firstIndex { $0.category > moved.category } ?? rows.count
                rows.insert(moved, at: insertAt)
                planted = Planted(file: "", mistake: .duplicateIndicator, codes: [.duplicateIndicator], path: path(moved))
                // The moved row changes its category's points: keep each category's sum by swapping points.
                rows = Self.rebalance(rows, categories: categories.map(\.1))
            }
        case .overspent?:
            executed = adjusted + 1 + random.below(adjusted / 10 + 1)
            planted = Planted(file: "", mistake: .overspent, codes: [.overspend], path: "budget.rate")
        case nil:
            break
        }

        // 执行率 in hundredths of a percent, half-up; 得分 = 10 × min(rate, 100%) in hundredths.
        let rateBasis = Self.divideRounded(executed * 10_000, adjusted)
        let scoreBasis = Self.divideRounded(min(executed, adjusted) * 1_000, adjusted)
        let printedRate = rateBasis + rateShift
        let printedScore = scoreBasis + scoreShift
        let partsSum = printedScore + rows.reduce(0) { $0 + $1.score }
        let printedTotal = partsSum + (partsSum + totalShift > 10_000 ? -totalShift : totalShift)
        var grade = Self.grade(partsSum)
        if wrongGrade { grade = grade == "优" ? "良" : "优" }

        var yaml = "# Synthetic table \(index + 1) (seed \(seed)): made up by jixiao synth\n"
        yaml += "unit: \(unit)\n"
        yaml += "title: \(year) 年度\(project ? "项目支出" : "部门整体支出")绩效自评表\n"
        yaml += "level: \(project ? "project" : "department")\n"
        if let projectName { yaml += "project: \(projectName)\n" }
        yaml += "department: \(unit)\nimplementer: \(unit)\nyear: \(year)\nregion: 某省\(Self.cities[index % Self.cities.count])\n"
        yaml += "budget:\n"
        yaml += "  initial: \(Self.fixed(initial, 2))\n  adjusted: \(Self.fixed(adjusted, 2))\n  executed: \(Self.fixed(executed, 2))\n"
        yaml += "  points: 10\n  rate: \(Self.fixed(printedRate, 2))%\n  score: \(Self.fixed(printedScore, 2))\n"
        yaml += "goals:\n  expected: 按年度计划完成\(projectName ?? "各项")工作任务，提升服务质量和群众满意度。\n"
        yaml += "  achieved: 已按计划完成年度工作任务，服务质量和群众满意度进一步提升。\n"
        yaml += "categories:\n"
        for (position, category) in categories.enumerated() {
            let members = rows.filter { $0.category == position }
            guard !members.isEmpty else { continue }
            yaml += "  - name: \(category.0)\n    points: \(members.reduce(0) { $0 + $1.points })\n    indicators:\n"
            for row in members {
                yaml += "      - subcategory: \(row.subcategory)\n        name: \(row.name)\n"
                yaml += "        target: \(row.target)\n        actual: \(row.actual)\n"
                yaml += "        points: \(row.points)\n        score: \(Self.fixed(row.score, 2, trim: true))\n"
            }
        }
        yaml += "total:\n  points: 100\n  score: \(Self.fixed(printedTotal, 2))\ngrade: \(grade)\n"
        return Table(year: year, yaml: yaml, planted: planted)
    }

    /// An indicator of the given kind, met, with full marks.
    func indicator(subcategory: String, category: String, random: inout SplitMix64) -> Row {
        func row(_ name: String, _ target: String, _ actual: String) -> Row {
            Row(category: 0, subcategory: subcategory, name: name, target: target, actual: actual, points: 0, score: 0)
        }
        func percent(_ names: [String]) -> Row {
            let target = 80 + random.below(18)
            let actual = target + random.below(min(100 - target, 6) + 1)
            return row(names[random.below(names.count)], "≥ \(target)%", "\(actual)%")
        }
        switch subcategory {
        case "数量指标", "经济效益指标", "社会效益指标":
            let (name, unit) = Self.counts[random.below(Self.counts.count)]
            let target = [12, 20, 50, 100, 150, 224, 300, 500, 1200, 3000][random.below(10)]
            let actual = target + random.below(target / 5 + 1)
            let phrase = random.chance(0.5) ? "≥ \(target) \(unit)" : "不少于 \(target) \(unit)"
            // As in real tables, now and then a numeric target is answered in words only.
            if random.chance(0.04) { return row(name, phrase, ["已完成", "完成目标", "达到预期"][random.below(3)]) }
            return row(name, phrase, "\(actual) \(unit)")
        case "质量指标":
            return percent(["验收合格率", "项目完成率", "资料归档完整率", "设备完好率", "检查覆盖率", "问题整改率", "服务达标率"])
        case "时效指标":
            if random.chance(0.5) {
                let months = 6 + random.below(6)
                return row(["任务完成时限", "项目实施周期", "整改完成时限"][random.below(3)], "≤ \(months) 个月", "\(months - random.below(3)) 个月")
            }
            return percent(["资金拨付及时率", "任务按时完成率", "信息公开及时率"])
        case "成本指标", "经济成本指标":
            let cap = 1_000 + random.below(200_000)
            let actual = cap - random.below(cap / 10 + 1)
            return row(["项目总成本", "人均培训成本", "设备购置成本", "运行维护费用", "宣传费用", "印刷费用"][random.below(6)],
                       "≤ \(Self.fixed(cap, 2)) 万元", "\(Self.fixed(actual, 2)) 万元")
        case "服务对象满意度指标":
            return percent(["服务对象满意度", "群众满意度", "受益对象满意度", "参训人员满意度"])
        default:
            if random.chance(0.5) {
                return percent(["政策知晓率", "设施使用率", "长效机制覆盖率", "环境达标率"])
            }
            let kinds = random.chance(0.15) ? Self.unmeasurable : Self.qualitative
            let (name, target) = kinds[random.below(kinds.count)]
            return row(name, target, ["完成", "达到预期目标", "按计划完成", "已完成"][random.below(4)])
        }
    }

    /// An actual value that misses its target by 5–30%.
    static func missed(_ row: Row) -> String {
        let parts = row.actual.split(separator: " ")
        let digits = row.target.filter(\.isNumber)
        guard let target = Int(digits), target > 0 else { return row.actual }
        let missed = max(1, target * 80 / 100)
        if row.target.hasSuffix("%") { return "\(missed)%" }
        return parts.count > 1 ? "\(missed) \(parts[1])" : "\(missed)"
    }

    /// Restores each category's points sum after a row moved between categories.
    static func rebalance(_ rows: [Row], categories: [Int]) -> [Row] {
        var rows = rows
        for (position, points) in categories.enumerated() {
            let members = rows.indices.filter { rows[$0].category == position }
            guard !members.isEmpty else { continue }
            let n = members.count
            for (k, index) in members.enumerated() {
                let share = points / n + (k < points % n ? 1 : 0)
                let full = rows[index].score == rows[index].points * 100
                rows[index].points = share
                if full { rows[index].score = share * 100 }
            }
        }
        return rows
    }

    static func grade(_ hundredths: Int) -> String {
        switch hundredths {
        case 9_000...: "优"
        case 8_000..<9_000: "良"
        case 6_000..<8_000: "中"
        default: "差"
        }
    }

    /// a / b rounded half up, for non-negative integers.
    static func divideRounded(_ a: Int, _ b: Int) -> Int { (a * 2 + b) / (b * 2) }

    /// `12345` with 2 decimals is `123.45`; `trim` drops `.00` (whole indicator scores).
    static func fixed(_ value: Int, _ decimals: Int, trim: Bool = false) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = magnitude / scale, fraction = magnitude % scale
        if trim && fraction == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + String(fraction).leftPadded(decimals)
    }

    static let cities = ["南平市", "湘潭市", "衡阳市", "岳阳市", "常德市", "益阳市", "郴州市", "永州市", "怀化市", "娄底市",
                         "合肥市", "芜湖市", "蚌埠市", "保定市", "邯郸市", "唐山市"]
    static let bureaus = ["教育局", "民政局", "财政局", "人力资源和社会保障局", "农业农村局", "卫生健康委员会", "文化旅游广电局",
                          "交通运输局", "水利局", "住房和城乡建设局", "生态环境局", "市场监督管理局", "退役军人事务局", "统计局",
                          "人民政府办公室", "机关事务服务中心", "自然资源和规划局", "应急管理局", "医疗保障局", "体育局"]
    static let projects = ["农村人居环境整治", "老旧小区改造", "政务服务热线运维", "政务网站运维", "城乡义务教育补助", "困难群众救助",
                           "高标准农田建设", "公共文化服务", "基层医疗卫生机构能力提升", "农村公路养护", "河道综合治理",
                           "就业创业补贴", "食品安全抽检", "退役军人服务保障", "智慧城市建设"]
    static let counts: [(String, String)] = [
        ("开展业务培训人次", "人次"), ("走访慰问人次", "人次"), ("改造农户数", "户"), ("开展宣传活动次数", "次"),
        ("监督检查次数", "次"), ("新建服务站点数", "个"), ("办理事项数", "件"), ("举办讲座场次", "场"),
        ("发布信息篇数", "篇"), ("实施项目数", "项"), ("帮扶企业数", "家"), ("受益人数", "人"),
    ]
    static let qualitative: [(String, String)] = [
        ("工作机制建设", "按计划完成"), ("制度执行情况", "严格落实制度"), ("年度任务完成情况", "按目标完成"), ("档案管理规范性", "符合要求"),
    ]
    /// Targets that state no measure at all, as real tables now and then do.
    static let unmeasurable: [(String, String)] = [("部门协作机制", "进一步加强"), ("宣传引导工作", "持续推进")]
}

/// A small, fast, seedable generator (SplitMix64), so synthetic runs repeat exactly.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }
}
