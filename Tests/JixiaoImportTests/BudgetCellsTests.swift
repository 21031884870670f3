import JixiaoBase
import JixiaoModel
import Testing
@testable import JixiaoImport

/// The budget row read by its anchors (DOMAIN.md §8): collapsed blank cells are placed only when
/// one placement makes the figures agree; otherwise none is taken.
struct BudgetCellsTests {
    static let order: [Submission.BudgetFigure] = [.initial, .adjusted, .executed, .points, .rate, .score]

    static func numbers(_ texts: [String]) -> [PrintedNumber] { texts.compactMap(PrintedNumber.init(parsing:)) }

    static func described(_ placement: BudgetCells.Placement) -> [String: String]? {
        switch placement {
        case .inOrder(let values), .collapsed(let values):
            Dictionary(uniqueKeysWithValues: values.map { ("\($0.key)", $0.value.description) })
        case .unplaced:
            nil
        }
    }

    @Test func aFullRowIsPlacedInTheHeadersOrder() {
        let placement = BudgetCells.place(Self.numbers(["50", "45.2", "44.87", "10", "99.27%", "9.93"]), in: Self.order)
        guard case .inOrder = placement else { Issue.record("\(placement)"); return }
        #expect(Self.described(placement)?["initial"] == "50")
    }

    @Test func aBlankInitialBudgetCollapsedIsPlacedByTheRate() {
        // | 年度资金总额 | 45.2 | 44.87 | 10 | 99.27% | 9.93 | under six headers.
        let placement = BudgetCells.place(Self.numbers(["45.2", "44.87", "10", "99.27%", "9.93"]), in: Self.order)
        guard case .collapsed = placement else { Issue.record("\(placement)"); return }
        #expect(Self.described(placement) == ["adjusted": "45.2", "executed": "44.87", "points": "10", "rate": "99.27%", "score": "9.93"])
    }

    @Test func aCollapsedRowWhoseFiguresDisagreeIsNotRead() {
        // 44.87 / 45.2 is 99.27%, not 95.00%: no placement vouches for itself.
        #expect(BudgetCells.place(Self.numbers(["45.2", "44.87", "10", "95.00%", "9.93"]), in: Self.order) == .unplaced)
    }

    @Test func twoPlacementsThatBothFitAreNotRead() {
        // Amounts equal, no points: the blank could be any of the first two columns' neighbours.
        let order: [Submission.BudgetFigure] = [.initial, .adjusted, .executed, .rate, .points, .score]
        let placement = BudgetCells.place(Self.numbers(["10", "10", "100.00%", "10"]), in: order)
        #expect(placement == .unplaced)
    }

    @Test func aPercentageUnderAnAmountIsNotInOrder() {
        #expect(BudgetCells.place(Self.numbers(["45.2", "99.27%", "44.87", "10", "9.93", "1"]), in: Self.order) == .unplaced)
    }
}
