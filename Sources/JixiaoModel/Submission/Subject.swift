/// What part of a table a finding or an import note concerns. Reports place a finding by it;
/// its `path` is the name they and the JSON contract print (`budget.rate`, `total`,
/// `产出指标/数量指标/培训人数`).
public enum Subject: Sendable, Hashable {
    /// The rubric the table was scored by.
    case rubric
    /// The budget row (年度资金总额), or one of its figures.
    case budget(Submission.BudgetFigure?)
    /// A level-1 category's subtotal, by its name.
    case category(String)
    /// One indicator, by its path: `一级/二级/三级` names.
    case indicator(String)
    /// Every indicator of the table at once.
    case indicators
    /// 总分.
    case total
    /// The points of every part of the table, which add up to the rubric's total.
    case totalPoints
    /// The grade (等级).
    case grade
    /// A figure the document's text states (`rate`, `grade`, `ratio`…).
    case narrative(String)
    /// A row of the base data sheet (基础数据表), or its staffing's control rate.
    case baseData(String)
    /// Another field of the table, by its key in the submission schema: `unit`, `year`, `goals`…
    case field(String)

    public var path: String {
        switch self {
        case .rubric: "rubric"
        case .budget(nil): "budget"
        case .budget(let figure?): "budget.\(figure)"
        case .category(let name): name
        case .indicator(let path): path
        case .indicators: "indicators"
        case .total: "total"
        case .totalPoints: "total.points"
        case .grade: "grade"
        case .narrative(let key): "narrative.\(key)"
        case .baseData(let key): "base-data.\(key)"
        case .field(let key): key
        }
    }
}

extension Submission {
    /// One of the budget row's figures, named as in the submission schema.
    public enum BudgetFigure: String, Sendable, Hashable, CaseIterable {
        case initial, adjusted, executed, points, rate, score

        /// The column's header as the national forms print it.
        public var header: String {
            switch self {
            case .initial: "年初预算数"
            case .adjusted: "全年预算数"
            case .executed: "全年执行数"
            case .points: "分值"
            case .rate: "执行率"
            case .score: "得分"
            }
        }
    }
}
