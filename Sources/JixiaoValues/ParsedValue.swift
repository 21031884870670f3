import Foundation
import JixiaoBase

/// A 年度指标值 (target) or 实际完成值 (actual) read into a typed value.
///
/// The parser says ``unscorable(_:)`` rather than guess: a wrong reading produces a false
/// accusation (DOMAIN.md §4).
public indirect enum ParsedValue: Sendable, Hashable {
    /// `224 人次`, `≥ 100%`, `≤1200.50万元`, `每日 0.8 条以上`, a bare `500`.
    case quantity(Quantity)
    /// `90%-100%`, `90～100%`, `10 至 20 万元`.
    case range(QuantityRange)
    /// `2021 年 12`, `2021年12月`, `12月底前`, `2021.12`.
    case date(DateValue)
    /// `每月 10 号前`, `5 个工作日`, `三个工作日内`, `24 小时内`.
    case deadline(Deadline)
    /// `完成`, `达到预期目标`, `按时发放`, `提升`, `无安全生产事故`.
    case qualitative(Qualitative)
    /// A text that cannot be read with confidence, and why.
    case unscorable(Unscorable)

    /// The unit of a quantity or range, if any.
    public var unit: ValueUnit? {
        switch self {
        case .quantity(let quantity): quantity.unit
        case .range(let range): range.unit
        case .deadline(.within(_, _, let unit)): unit
        default: nil
        }
    }

    /// This value read against `target`: a number printed with no unit takes the target's unit
    /// (and its 每日/每月 period when it has none), so actual `227` against target `220 篇` is
    /// `227 篇` (DOMAIN.md §4); a bare 万 or 亿 takes the target's noun (`40万` against `40 万次`
    /// is 40 万次). Anything else is returned unchanged.
    public func resolved(against target: ParsedValue) -> ParsedValue {
        // Most actuals print their own unit: nothing to take from the target, nothing to copy.
        switch self {
        case .quantity(let quantity) where quantity.unit == nil || quantity.unit?.base.isEmpty == true: break
        case .range(let range) where range.unit == nil || range.unit?.base.isEmpty == true: break
        default: return self
        }
        let targetUnit: ValueUnit?
        let targetPer: String?
        switch target {
        case .quantity(let quantity):
            (targetUnit, targetPer) = (quantity.unit, quantity.per)
        case .range(let range):
            (targetUnit, targetPer) = (range.unit, range.per)
        default:
            return self
        }
        func resolve(_ unit: ValueUnit?) -> ValueUnit? {
            guard let unit else { return targetUnit }
            guard unit.dimension == .count, unit.base.isEmpty, let targetUnit,
                targetUnit.dimension != .percent, targetUnit.dimension != .time
            else { return unit }
            // 万 against 万次: 万 + the base noun, in the target's base.
            return ValueUnit(
                symbol: unit.symbol + targetUnit.base, dimension: targetUnit.dimension, base: targetUnit.base,
                factor: unit.factor)
        }
        switch self {
        case .quantity(var quantity):
            if quantity.unit == nil, quantity.per == nil { quantity.per = targetPer }
            quantity.unit = resolve(quantity.unit)
            return .quantity(quantity)
        case .range(var range):
            if range.unit == nil, range.per == nil { range.per = targetPer }
            range.unit = resolve(range.unit)
            return .range(range)
        default:
            return self
        }
    }
}
