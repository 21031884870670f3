import Foundation
import JixiaoBase

/// One self-evaluation table (绩效自评表) as it was printed, numbers at their printed precision.
public struct Submission: Sendable, Equatable {
    /// Where the submission was read from (a YAML file, or a document it was imported from).
    public var file: String
    /// 单位名称
    public var unit: String?
    public var title: String?
    public var level: EvaluationLevel
    /// 项目支出名称
    public var project: String?
    /// 主管部门
    public var department: String?
    /// 实施单位
    public var implementer: String?
    public var year: Int
    /// The unit the table is by: its unit, else (a project table often names none) its 实施单位,
    /// else its 主管部门.
    public var unitName: String? { unit ?? implementer ?? department }
    public var region: String?
    /// Rubric id or path named by the file, if any.
    public var rubric: String?
    /// Where `rubric` is written, when it is.
    public var rubricLocation: SourceLocation?
    public var money: MoneyUnit
    public var budget: BudgetRow
    public var goals: Goals?
    public var categories: [CategoryRow]
    public var total: TotalRow
    public var grade: Claim<String>?
    /// The document a table was imported from, if any.
    public var source: Source?
    /// What the importer found of the printed table; nil for a submission written as YAML.
    public var imported: ImportCoverage?
    /// Where the submission itself starts.
    public var location: SourceLocation

    public enum MoneyUnit: String, Sendable, CaseIterable {
        case wanYuan = "万元"
        case yuan = "元"
    }

    /// 年度资金总额 row.
    public struct BudgetRow: Sendable, Equatable {
        /// 年初预算数
        public var initial: PrintedNumber?
        /// 全年预算数
        public var adjusted: PrintedNumber?
        /// 全年执行数
        public var executed: PrintedNumber?
        /// 分值
        public var points: PrintedNumber?
        /// 执行率 as printed, read as a percentage (`1` and `100` both mean 100%).
        public var rate: PrintedNumber?
        /// 得分
        public var score: PrintedNumber?
        public var location: SourceLocation
        /// Positions of the rate and score cells, for findings about them.
        public var rateLocation: SourceLocation
        public var scoreLocation: SourceLocation

        package init(initial: PrintedNumber? = nil, adjusted: PrintedNumber? = nil, executed: PrintedNumber? = nil,
            points: PrintedNumber? = nil, rate: PrintedNumber? = nil, score: PrintedNumber? = nil,
            location: SourceLocation, rateLocation: SourceLocation, scoreLocation: SourceLocation) {
            self.initial = initial
            self.adjusted = adjusted
            self.executed = executed
            self.points = points
            self.rate = rate
            self.score = score
            self.location = location
            self.rateLocation = rateLocation
            self.scoreLocation = scoreLocation
        }
    }

    /// 年度总体目标
    public struct Goals: Sendable, Equatable {
        public var expected: String?
        public var achieved: String?

        package init(expected: String? = nil, achieved: String? = nil) {
            self.expected = expected
            self.achieved = achieved
        }
    }

    /// A level-1 category (一级指标) and its indicators.
    public struct CategoryRow: Sendable, Equatable {
        /// The level-1 label as printed (`产出指标`).
        public var name: String
        /// Points printed in the level-1 cell (`(40分)`), if any.
        public var points: PrintedNumber?
        public var indicators: [Indicator]
        public var location: SourceLocation

        /// The name an imported category gets when its level-1 label could not be read (an import
        /// note says so): no rubric category has it, and no finding accuses it of being unknown.
        public static let unreadName = "?"

        /// Whether the level-1 label could not be read.
        public var isUnread: Bool { name == Self.unreadName }

        /// Points printed in the level-1 cell, else the sum of its indicators' printed points.
        public var printedOrSummedPoints: Fixed {
            points?.number ?? indicators.compactMap(\.points).reduce(Fixed(0)) { $0 + $1.number }
        }

        /// The path findings about one of its indicators carry: `一级/二级/三级` names.
        public func path(of indicator: Indicator) -> String {
            guard let subcategory = indicator.subcategory else { return name + "/" + indicator.name }
            return name + "/" + subcategory + "/" + indicator.name
        }

        package init(name: String, points: PrintedNumber? = nil, indicators: [Indicator], location: SourceLocation) {
            self.name = name
            self.points = points
            self.indicators = indicators
            self.location = location
        }
    }

    /// A level-3 indicator (三级指标) row.
    public struct Indicator: Sendable, Equatable {
        /// 二级指标
        public var subcategory: String?
        /// 三级指标
        public var name: String
        /// 年度指标值, as printed
        public var target: String?
        /// 实际完成值, as printed
        public var actual: String?
        /// 分值
        public var points: PrintedNumber?
        /// 得分; nil when the table is not scored yet
        public var score: PrintedNumber?
        /// 偏差原因分析及改进措施
        public var reason: String?
        public var location: SourceLocation

        /// What a blank reason cell is filled with.
        private static let noReason = ["无", "/", "-", "—", "——", "不适用"]

        /// Whether a deviation reason is stated (blank cells and dashes do not count).
        public var hasReason: Bool {
            guard let reason else { return false }
            let scalars = reason.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return false }
            let text = scalars[first...last]
            return !Self.noReason.contains { $0.unicodeScalars.elementsEqual(text) }
        }

        package init(subcategory: String? = nil, name: String, target: String? = nil, actual: String? = nil,
            points: PrintedNumber? = nil, score: PrintedNumber? = nil, reason: String? = nil, location: SourceLocation) {
            self.subcategory = subcategory
            self.name = name
            self.target = target
            self.actual = actual
            self.points = points
            self.score = score
            self.reason = reason
            self.location = location
        }
    }

    /// 总分 row.
    public struct TotalRow: Sendable, Equatable {
        public var points: PrintedNumber?
        public var score: PrintedNumber?
        public var location: SourceLocation

        package init(points: PrintedNumber? = nil, score: PrintedNumber? = nil, location: SourceLocation) {
            self.points = points
            self.score = score
            self.location = location
        }
    }

    /// A printed value and where it is.
    public struct Claim<Value: Sendable>: Sendable {
        public var value: Value
        public var location: SourceLocation

        package init(value: Value, location: SourceLocation) {
            self.value = value
            self.location = location
        }
    }

    /// The published document a table came from.
    public struct Source: Sendable, Equatable {
        public var file: String
        /// 1-based index of the table within the document.
        public var table: Int?
        public var firstLine: Int?
        public var lastLine: Int?
        /// Where the first and last lines are in a PDF, web page or Word file (`SourceLocation.place`).
        public var firstPlace: SourceLocation.Place?
        public var lastPlace: SourceLocation.Place?

        package init(file: String, table: Int? = nil, firstLine: Int? = nil, lastLine: Int? = nil) {
            self.file = file
            self.table = table
            self.firstLine = firstLine
            self.lastLine = lastLine
        }
    }

    /// Every indicator with its level-1 category, in table order.
    public var indicators: [(category: CategoryRow, indicator: Indicator)] {
        categories.flatMap { category in category.indicators.map { (category, $0) } }
    }

    package init(file: String, unit: String? = nil, title: String? = nil, level: EvaluationLevel,
        project: String? = nil, department: String? = nil, implementer: String? = nil, year: Int,
        region: String? = nil, rubric: String? = nil, money: MoneyUnit, budget: BudgetRow, goals: Goals? = nil,
        categories: [CategoryRow], total: TotalRow, grade: Claim<String>? = nil, source: Source? = nil,
        imported: ImportCoverage? = nil, location: SourceLocation) {
        self.file = file
        self.unit = unit
        self.title = title
        self.level = level
        self.project = project
        self.department = department
        self.implementer = implementer
        self.year = year
        self.region = region
        self.rubric = rubric
        self.money = money
        self.budget = budget
        self.goals = goals
        self.categories = categories
        self.total = total
        self.grade = grade
        self.source = source
        self.imported = imported
        self.location = location
    }
}

extension Submission.Claim: Equatable where Value: Equatable {}
