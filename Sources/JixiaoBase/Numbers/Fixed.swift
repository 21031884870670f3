/// An exact decimal number for money, rates and scores: a count of 10⁻¹² units in an `Int128`.
///
/// Tables print at most a handful of decimals, and every figure Jixiao derives (a rate, a
/// ratio, a score) is compared at a few decimals more, so twelve fractional digits keep every
/// sum and product of printed figures exact and every quotient far below any printed place.
/// Magnitudes up to 10²⁶ are held; arithmetic that would go beyond saturates at ±`max`
/// instead of trapping, so a hostile input never crashes a run (readers refuse figures with
/// more than twenty integer digits long before that).
///
/// Foundation's `Decimal` did this job before; on Linux each of its operations costs
/// hundreds of nanoseconds and each conversion to text microseconds, which made number
/// handling a third of an audit's time. Integer arithmetic makes it a rounding error.
public struct Fixed: Sendable, Hashable, Comparable {
    /// The value in units of 10⁻¹².
    public var units: Int128

    /// Fractional digits held.
    public static let scaleDigits = 12
    static let scale: Int128 = 1_000_000_000_000
    /// The largest magnitude held; results beyond saturate here.
    public static let max = Fixed(units: Int128.max / 2)
    public static let zero = Fixed(units: 0)

    public init(units: Int128) {
        self.units = units
    }

    public init(_ value: Int) {
        units = Int128(value) * Self.scale
    }

    /// `significand × 10^-decimals`: `Fixed(significand: 955, decimals: 2)` is 9.55. Places
    /// beyond twelve are rounded half away from zero.
    public init(significand: Int128, decimals: Int) {
        if decimals <= Self.scaleDigits {
            let factor = Self.power(Swift.min(Self.scaleDigits - decimals, 38))
            let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
            units = overflow ? Self.saturated(negative: significand < 0) : Self.clamp(product)
        } else {
            units = Self.divideRounded(significand, by: Self.power(Swift.min(decimals - Self.scaleDigits, 38)))
        }
    }

    /// Reads plain decimal notation, `-2305.17` or `0.6`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        var significand: Int128 = 0
        var decimals = 0
        var negative = false
        var seenDigit = false
        var seenPoint = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "+") where index == 0: break
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Digits past what can be held change nothing a table prints.
                guard significand < Self.power(30) else {
                    if !seenPoint { return nil }
                    continue
                }
                significand = significand * 10 + Int128(byte - UInt8(ascii: "0"))
                if seenPoint { decimals += 1 }
                seenDigit = true
            default:
                return nil
            }
        }
        guard seenDigit else { return nil }
        self.init(significand: negative ? -significand : significand, decimals: decimals)
        guard abs(self) < Self.max else { return nil }
    }

    public var doubleValue: Double { Double(units) / 1e12 }

    /// The value rounded to `decimals` places, half away from zero (`2.345` → `2.35`).
    public func rounded(_ decimals: Int) -> Fixed {
        guard decimals < Self.scaleDigits else { return self }
        let step = Self.power(Self.scaleDigits - Swift.max(decimals, -20))
        return Fixed(units: Self.divideRounded(units, by: step) * step)
    }

    /// The value truncated toward zero to `decimals` places.
    public func truncated(_ decimals: Int) -> Fixed {
        guard decimals < Self.scaleDigits else { return self }
        let step = Self.power(Self.scaleDigits - Swift.max(decimals, -20))
        return Fixed(units: units / step * step)
    }

    /// Exactly `decimals` places, rounded half away from zero: `9.6` with 2 → `9.60`.
    public func formatted(decimals: Int) -> String {
        withText(decimals: decimals, compact: false) { String(decoding: $0, as: UTF8.self) }
    }

    /// At most `decimals` places, trailing zeros dropped: `9.630` → `9.63`, `1.0000` → `1`.
    public func compact(decimals: Int) -> String {
        withText(decimals: decimals, compact: true) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the value's text as ASCII bytes: `formatted(decimals:)`, or
    /// `compact(decimals:)` when `compact`. Writers copy the bytes straight into their output
    /// instead of making a `String` of each number; the bytes are valid only inside `body`.
    /// Inlinable, so that the other modules' calls are specialized (a generic call costs a
    /// metadata lookup each).
    @inlinable
    public func withText<Result>(decimals: Int, compact: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.textCapacity(decimals: decimals)) { buffer in
            let start = writeText(decimals: decimals, compact: compact, into: buffer)
            return body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// The room `writeText` needs: 39 digits (128 bits), the point, a leading 0 and a sign, and
    /// the zeros of the places past the twelve held.
    @usableFromInline
    static func textCapacity(decimals: Int) -> Int {
        48 + Swift.max(0, decimals - scaleDigits)
    }

    /// Writes the text at the end of `buffer` and returns where it starts.
    @usableFromInline
    func writeText(decimals: Int, compact: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let places = Swift.max(0, decimals)
        // The usual figure (under nine million, at most twelve places) is worked in 64 bits.
        if places <= Self.scaleDigits, let small = Int64(exactly: units) {
            var held = places
            var value = Self.divideRounded(small, by: Int64(truncatingIfNeeded: Self.power(Self.scaleDigits - places)))
            if compact { Self.dropTrailingZeros(&value, places: &held) }
            return Self.writeDigits(value.magnitude, places: held, negative: value < 0, endingAt: buffer.count, in: buffer)
        }
        var held = Swift.min(places, Self.scaleDigits)
        var value = Self.divideRounded(units, by: Self.power(Self.scaleDigits - held))
        // Compact figures drop their trailing zeros before any digit is written.
        if compact { Self.dropTrailingZeros(&value, places: &held) }
        // Places beyond those held are zeros, written after the digits (which come out last first).
        let zeros = compact ? 0 : places - held
        let digitsEnd = buffer.count - zeros
        if zeros > 0 {
            UnsafeMutableBufferPointer(rebasing: buffer[digitsEnd...]).initialize(repeating: UInt8(ascii: "0"))
        }
        return Self.writeDigits(value.magnitude, places: held, negative: value < 0, endingAt: digitsEnd, in: buffer)
    }

    // MARK: Arithmetic (saturating)

    public static func + (a: Fixed, b: Fixed) -> Fixed {
        let (sum, overflow) = a.units.addingReportingOverflow(b.units)
        return Fixed(units: overflow ? saturated(negative: a.units < 0) : clamp(sum))
    }

    public static func - (a: Fixed, b: Fixed) -> Fixed {
        let (difference, overflow) = a.units.subtractingReportingOverflow(b.units)
        return Fixed(units: overflow ? saturated(negative: a.units < 0) : clamp(difference))
    }

    public static prefix func - (a: Fixed) -> Fixed {
        Fixed(units: -a.units)
    }

    public static func * (a: Fixed, b: Fixed) -> Fixed {
        let (product, overflow) = a.units.multipliedReportingOverflow(by: b.units)
        if !overflow { return Fixed(units: clamp(divideRounded(product, by: scale))) }
        return Fixed(units: wideDivide(a.units.multipliedFullWidth(by: b.units), by: scale))
    }

    /// The quotient, rounded half away from zero at the twelfth place; dividing by zero
    /// saturates (with the dividend's sign), as no reading of a table can come from it.
    public static func / (a: Fixed, b: Fixed) -> Fixed {
        guard b.units != 0 else { return a.units == 0 ? .zero : Fixed(units: saturated(negative: a.units < 0)) }
        let (scaled, overflow) = a.units.multipliedReportingOverflow(by: scale)
        if !overflow { return Fixed(units: clamp(divideRounded(scaled, by: b.units))) }
        return Fixed(units: wideDivide(a.units.multipliedFullWidth(by: scale), by: b.units))
    }

    public static func += (a: inout Fixed, b: Fixed) { a = a + b }
    public static func -= (a: inout Fixed, b: Fixed) { a = a - b }
    public static func *= (a: inout Fixed, b: Fixed) { a = a * b }
    public static func /= (a: inout Fixed, b: Fixed) { a = a / b }

    public static func < (a: Fixed, b: Fixed) -> Bool { a.units < b.units }

    // MARK: Helpers

    private static let powers: [Int128] = (0...38).map { exponent in
        (0..<exponent).reduce(Int128(1)) { value, _ in value * 10 }
    }

    /// 10^exponent, for 0 ≤ exponent ≤ 38.
    static func power(_ exponent: Int) -> Int128 { powers[exponent] }

    private static func saturated(negative: Bool) -> Int128 { negative ? -max.units : max.units }

    private static func clamp(_ units: Int128) -> Int128 {
        Swift.min(Swift.max(units, -max.units), max.units)
    }

    /// Takes the zeros off the end of `value`, a figure with `places` decimal places:
    /// 9630 with 3 places is 963 with 2.
    private static func dropTrailingZeros<Value: BinaryInteger>(_ value: inout Value, places: inout Int) {
        while places > 0 && value % 10 == 0 {
            value /= 10
            places -= 1
        }
    }

    /// `value / divisor`, rounded half away from zero.
    private static func divideRounded<Value: FixedWidthInteger & SignedInteger>(_ value: Value, by divisor: Value) -> Value {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        guard remainder != 0, remainder.magnitude >= divisor.magnitude - remainder.magnitude else { return quotient }
        return (value < 0) == (divisor < 0) ? quotient + 1 : quotient - 1
    }

    /// A 256-bit `dividend / divisor`, rounded half away from zero, saturating when the
    /// quotient does not fit.
    private static func wideDivide(_ dividend: (high: Int128, low: UInt128), by divisor: Int128) -> Int128 {
        let negative = (dividend.high < 0) != (divisor < 0)
        // Work on magnitudes: negate the 256-bit dividend when needed.
        var high = UInt128(bitPattern: dividend.high), low = dividend.low
        if dividend.high < 0 {
            low = ~low &+ 1
            high = ~high &+ (low == 0 ? 1 : 0)
        }
        let magnitude = divisor.magnitude
        guard high < magnitude / 2 else { return saturated(negative: negative) }
        let (quotient, remainder) = magnitude.dividingFullWidth((high: high, low: low))
        var result = quotient
        if remainder >= magnitude - remainder { result += 1 }
        guard result <= UInt128(max.units) else { return saturated(negative: negative) }
        return negative ? -Int128(result) : Int128(result)
    }

    /// Writes `magnitude` as digits with a point before the last `places` (`955`, 2 → `9.55`),
    /// after a `-` when `negative`, so that they end just before `end` in `buffer`; returns
    /// where they start.
    private static func writeDigits<Magnitude: FixedWidthInteger & UnsignedInteger>(
        _ magnitude: Magnitude, places: Int, negative: Bool, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var position = end
        func put(_ byte: UInt8) {
            position -= 1
            buffer[position] = byte
        }
        var written = 0
        func putDigit(_ digit: UInt8) {
            if written == places && places > 0 { put(UInt8(ascii: ".")) }
            put(UInt8(ascii: "0") + digit)
            written += 1
        }
        // Digits beyond 64 bits one 128-bit division each; the rest in 64 bits.
        var wide = magnitude
        while wide > UInt64.max {
            let (next, digit) = wide.quotientAndRemainder(dividingBy: 10)
            putDigit(UInt8(digit))
            wide = next
        }
        var narrow = UInt64(wide)
        while narrow > 0 || written <= places {
            let (next, digit) = narrow.quotientAndRemainder(dividingBy: 10)
            putDigit(UInt8(digit))
            narrow = next
        }
        if negative { put(UInt8(ascii: "-")) }
        return position
    }
}

extension Fixed: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Fixed: CustomStringConvertible {
    /// Every held digit that matters: `9.6`, `2305.17`, `-0.25`, `100`.
    public var description: String { compact(decimals: Self.scaleDigits) }
}

/// The magnitude of `value`.
public func abs(_ value: Fixed) -> Fixed {
    value.units < 0 ? -value : value
}
