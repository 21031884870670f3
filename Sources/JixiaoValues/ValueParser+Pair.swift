import JixiaoBase

extension ValueParser {
    /// Parses a 年度指标值: as ``parse(_:)``, except that a template placeholder standing alone
    /// (`一`, `无`, `/`: ``ValueVocabulary/placeholders``) is blank, as an empty cell is.
    public func parse(target text: String) -> ParsedValue {
        let value = parse(text)
        switch value {
        case .qualitative(let words) where words.kind == .noIncident:
            break
        case .unscorable(let unscorable) where unscorable.reason == .unknownWords:
            break
        default:
            return value  // a placeholder with a letter reads as one of the two above
        }
        // Longer texts cannot be a placeholder; the bytes allow spaces and punctuation around it.
        guard text.utf8.count <= index.placeholderBytes + 8, index.placeholders.contains(Self.core(text)) else {
            return value
        }
        return .unscorable(ParsedValue.Unscorable(.empty))
    }

    /// Parses the target and the actual value of one indicator row, each read against the other:
    ///
    /// - a placeholder target is blank (``parse(target:)``), as if the cell were empty;
    /// - an actual with no unit takes the target's (``ParsedValue/resolved(against:)``);
    /// - a unit no list holds (`种`, `台套`, `TB`) or a compound rate (`元/人*月`) is read when
    ///   target and actual print the same one, so `14种` against `不少于12种` compares; printed on
    ///   one side only, both stay as ``parse(_:)`` reads them;
    /// - an actual that no word of the vocabulary reads but that repeats its target exactly
    ///   (after spaces and final punctuation: `是` against `是`) is in the best band.
    public func parse(target targetText: String?, actual actualText: String?) -> (target: ParsedValue?, actual: ParsedValue?) {
        let target = targetText.map { parse(target: $0) }
        guard let actualText else { return (target, nil) }
        guard let targetText, let target else { return (target, parse(actualText)) }
        let actual = parse(actual: actualText, target: target)
        if target.needsSharedUnit || actual.needsSharedUnit,
            let shared = sharedUnit(target: targetText, actual: actualText)
        {
            return (.quantity(shared.target), .quantity(shared.actual))
        }
        if case .unscorable(let goal) = target, goal.reason == .unknownWords,
            case .unscorable(let done) = actual, done.reason == .unknownWords,
            let band = index.achievedBand
        {
            let words = Self.core(actualText)
            if words == Self.core(targetText) {
                return (target, .qualitative(ParsedValue.Qualitative(band: band, word: words.text(words.indices), kind: .repeatsTarget)))
            }
        }
        return (target, actual)
    }

    /// Target and actual read with unlisted units and compound rates, when both are single
    /// quantities in the same unit per the same thing.
    private func sharedUnit(target: String, actual: String) -> (target: ParsedValue.Quantity, actual: ParsedValue.Quantity)? {
        guard case .quantity(let goal)? = try? read(target, readsUnlistedUnits: true),
            case .quantity(let done)? = try? read(actual, readsUnlistedUnits: true),
            let unit = goal.unit, unit == done.unit, goal.per == done.per
        else { return nil }
        return (goal, done)
    }
}

extension ParsedValue {
    /// Unscorable for a reason that a unit shared with the other side may lift: an unlisted unit,
    /// or a compound rate (stopped as a second figure).
    fileprivate var needsSharedUnit: Bool {
        guard case .unscorable(let unscorable) = self else { return false }
        return unscorable.reason == .unknownUnit || unscorable.reason == .severalValues
    }
}
