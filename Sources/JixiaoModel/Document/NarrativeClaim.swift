import JixiaoBase

/// A figure the prose of a document states, with where it says it.
///
/// Three kinds: the self-evaluation result (`全年预算数X万元，执行数Y万元，完成预算的Z%，绩效
/// 自评得分W分，评价等级为“优”`), a ratio stated beside its own figures (`受理…84件，办结72件，
/// 办结率85.71%`, `完成预算的104.67%`), and a total stated with its parts (`…642.50 万元，其中：
/// A 212.50 万元、B 430 万元…`, or a total followed by an enumerated list of its parts).
public struct NarrativeClaim: Sendable {
    public enum Kind: Sendable {
        case selfEvaluation(SelfEvaluation)
        case ratio(Ratio)
        case sum(Sum)
    }

    /// 绩效自评结果 as the prose states it.
    public struct SelfEvaluation: Sendable, Hashable {
        /// The project the sentence is about, when it names one of the document's tables.
        public var about: String?
        public var budget: PrintedNumber?
        /// The budget is the 年初预算数 (not the 全年预算数).
        public var budgetIsInitial: Bool
        public var executed: PrintedNumber?
        public var rate: PrintedNumber?
        public var score: PrintedNumber?
        public var grade: String?
        /// The unit of the budget and spending: `万元`, `元` or `亿元`.
        public var moneyUnit: String?

        package init(about: String? = nil, budget: PrintedNumber? = nil, budgetIsInitial: Bool,
            executed: PrintedNumber? = nil, rate: PrintedNumber? = nil, score: PrintedNumber? = nil,
            grade: String? = nil, moneyUnit: String? = nil) {
            self.about = about
            self.budget = budget
            self.budgetIsInitial = budgetIsInitial
            self.executed = executed
            self.rate = rate
            self.score = score
            self.grade = grade
            self.moneyUnit = moneyUnit
        }
    }

    /// A percentage stated with its numerator and denominator.
    public struct Ratio: Sendable, Hashable {
        /// What the ratio is called in the text (`办结率`, `完成预算`).
        public var name: String
        public var numerator: PrintedNumber
        public var denominator: PrintedNumber
        public var stated: PrintedNumber

        package init(name: String, numerator: PrintedNumber, denominator: PrintedNumber, stated: PrintedNumber) {
            self.name = name
            self.numerator = numerator
            self.denominator = denominator
            self.stated = stated
        }
    }

    /// A total stated with its parts.
    public struct Sum: Sendable {
        public var total: PrintedNumber
        public var unit: String
        public var parts: [PrintedNumber]
        /// Lines of the parts, when they are spread over several paragraphs.
        public var partLines: [Int]

        package init(total: PrintedNumber, unit: String, parts: [PrintedNumber], partLines: [Int]) {
            self.total = total
            self.unit = unit
            self.parts = parts
            self.partLines = partLines
        }
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The sentence, for messages.
    public var sentence: String

    package init(kind: Kind, location: SourceLocation, sentence: String) {
        self.kind = kind
        self.location = location
        self.sentence = sentence
    }
}
