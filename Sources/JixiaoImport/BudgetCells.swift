import JixiaoBase
import JixiaoModel

extension Submission.BudgetRow {
    /// The row's figures from their placement in the header's columns (执行率 as a percentage).
    mutating func set(_ values: [Submission.BudgetFigure: PrintedNumber]) {
        initial = values[.initial]
        adjusted = values[.adjusted]
        executed = values[.executed]
        points = values[.points]
        rate = values[.rate].map(Submission.percentage)
        score = values[.score]
    }
}

/// Places the figures of a 年度资金总额 row in the columns its header names (DOMAIN.md §8: read
/// the budget row by its anchors, tolerate blank and missing cells, and when the cells can be
/// assigned more than one way, assign none).
enum BudgetCells {
    /// How the figures were placed.
    enum Placement: Equatable {
        /// One figure per column, in the header's order.
        case inOrder([Submission.BudgetFigure: PrintedNumber])
        /// Fewer figures than columns (blank cells collapsed, as a flattened web table does): the
        /// one placement whose figures agree with each other (the rate with the amounts, the
        /// score with the points and the rate). A wrong figure makes every placement disagree,
        /// and then none is taken: a collapsed row is read only when its own figures vouch for it.
        case collapsed([Submission.BudgetFigure: PrintedNumber])
        /// No placement, or more than one that fits.
        case unplaced
    }

    /// Places `numbers` (in printed order) in `order` (the header's columns, in printed order).
    static func place(_ numbers: [PrintedNumber], in order: [Submission.BudgetFigure]) -> Placement {
        guard !numbers.isEmpty, numbers.count <= order.count else { return .unplaced }
        if numbers.count == order.count {
            let values = Dictionary(uniqueKeysWithValues: zip(order, numbers))
            return fitsColumns(values) ? .inOrder(values) : .unplaced
        }
        var fits: [[Submission.BudgetFigure: PrintedNumber]] = []
        for kept in combinations(of: Array(order.indices), choosing: numbers.count) {
            let values = Dictionary(uniqueKeysWithValues: zip(kept.map { order[$0] }, numbers))
            if fitsColumns(values), agree(values) { fits.append(values) }
        }
        return fits.count == 1 ? .collapsed(fits[0]) : .unplaced
    }

    /// Percentages only under 执行率, and no amount or score above what a column can hold.
    static func fitsColumns(_ values: [Submission.BudgetFigure: PrintedNumber]) -> Bool {
        values.allSatisfy { column, number in
            switch column {
            case .rate: true
            case .points, .score: !number.isPercent && number.value <= 100
            case .initial, .adjusted, .executed: !number.isPercent
            }
        }
    }

    /// Whether the figures vouch for each other: 全年执行数 / 全年预算数 is the printed rate, and
    /// the score, when printed with its points, is points × rate (capped at 100%), each at the
    /// printed precision, rounded or truncated.
    static func agree(_ values: [Submission.BudgetFigure: PrintedNumber]) -> Bool {
        guard let executed = values[.executed], let budget = values[.adjusted], budget.value > 0,
              let printedRate = values[.rate].map(Submission.percentage),
              let rate = Interval(executed).divided(by: Interval(budget)) else { return false }
        guard Agreement.of(printedRate, against: rate) != .mismatch else { return false }
        if let points = values[.points], let score = values[.score] {
            let capped = rate.clamped(to: Interval(0, 1))
            return Agreement.of(score, against: Interval(exactly: points.number) * capped) != .mismatch
        }
        return true
    }

    /// Every way of choosing `count` of `items`, in order.
    static func combinations(of items: [Int], choosing count: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        guard items.count >= count else { return [] }
        let first = items[0], rest = Array(items.dropFirst())
        return combinations(of: rest, choosing: count - 1).map { [first] + $0 } + combinations(of: rest, choosing: count)
    }
}
