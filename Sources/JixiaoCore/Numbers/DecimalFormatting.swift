import Foundation

extension Decimal {
    /// Rounded to `decimals` places, half away from zero (`NSDecimalNumber`'s `.plain`).
    public func rounded(_ decimals: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, decimals, .plain)
        return result
    }

    /// Truncated (toward zero) to `decimals` places.
    public func truncated(_ decimals: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, decimals, self < 0 ? .up : .down)
        return result
    }

    /// Exactly `decimals` places: `9.6` with 2 → `9.60`. Never scientific notation.
    public func formatted(decimals: Int) -> String {
        let rounded = self.rounded(decimals)
        let negative = rounded < 0
        var text = "\(negative ? -rounded : rounded)"
        var integer = text
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            integer = String(text[..<dot])
            fraction = String(text[text.index(after: dot)...])
        }
        if decimals > 0 {
            fraction = String((fraction + String(repeating: "0", count: decimals)).prefix(decimals))
            text = integer + "." + fraction
        } else {
            text = integer
        }
        return (negative && rounded != 0 ? "-" : "") + text
    }

    /// At most `decimals` places, trailing zeros dropped: `9.630` → `9.63`, `1.0000` → `1`.
    public func compact(decimals: Int) -> String {
        var text = formatted(decimals: decimals)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }
}
