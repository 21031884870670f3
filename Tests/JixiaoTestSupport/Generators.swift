import JixiaoBase
import PropertyBased

/// Generators for property tests shared by several targets.
package enum Generators {
    /// Any figure `Fixed` holds: from a few units to the largest magnitudes, either sign.
    package static let anyFixed = zip(Gen.int64(), Gen.int(in: 0...2)).map { significand, exponent in
        Fixed(units: Int128(significand) * (0..<exponent).reduce(Int128(1)) { product, _ in product * 10_000_000 })
    }
}
