import Foundation
import JixiaoBase
import JixiaoValues
import JixiaoModel
import JixiaoAudit

/// The JSON contract of `score` and `audit` (README, "JSON output"): version 1.
public enum JSONReport {
    public static let version = 1

    /// The document `--format json` prints: every result, then the input errors if any.
    public static func document(_ results: [AuditResult], errors: [InputError], language: Language) -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.number("version", version)
            json.array("results") { json in
                for result in results { write(result, language: language, into: &json) }
            }
            if !errors.isEmpty {
                json.array("errors") { json in
                    for error in errors { write(error, language: language, into: &json) }
                }
            }
        }
        return json.text
    }

    /// One result on one line, as `summary.json` holds it.
    public static func result(_ result: AuditResult, language: Language) -> [UInt8] {
        // A result is about 10 KB (10–40 indicators): room for most without growing; `bytes`
        // copies out only what was written.
        var json = JSONWriter(pretty: false, capacity: 16 << 10)
        write(result, language: language, into: &json)
        return json.bytes
    }

    static func write(_ result: AuditResult, language: Language, into json: inout JSONWriter) {
        // The parts each member needs, taken out first: a closure that captured the whole
        // scorecard would copy it (a reference count per text in it) for each nested object.
        let submission = result.scorecard.submission
        let budget = result.scorecard.budget, categories = result.scorecard.categories
        let total = result.scorecard.total, grade = result.scorecard.grade
        let decimals = result.scorecard.rubric.rounding.decimals
        let coverage = result.scorecard.coverage
        json.object { json in
            json.string("file", submission.source?.file ?? submission.file)
            json.string("unit", submission.unitName)
            json.string("title", submission.project ?? submission.title)
            json.string("level", submission.level.rawValue)
            json.number("year", submission.year)
            json.string("rubric", result.scorecard.rubric.id)
            if let figures = result.narrativeFigures { json.number("narrativeFigures", figures) }
            json.object("budget") { json in
                json.printed("initial", submission.budget.initial)
                json.printed("adjusted", submission.budget.adjusted)
                json.printed("executed", submission.budget.executed)
                json.object("rate") { json in
                    json.number("claimed", budget.claimedRate?.number, decimals: budget.claimedRate?.numberDecimals ?? 0)
                    json.decimal("computed", budget.rate, decimals: 4)
                }
                json.object("score") { json in
                    json.printed("claimed", budget.claimedScore)
                    json.decimal("computed", budget.score, decimals: decimals)
                }
            }
            json.array("categories") { json in
                for category in categories {
                    json.object { json in
                        json.string("name", category.row.name)
                        json.decimal("points", category.points, decimals: decimals)
                        json.decimal("claimed", category.claimed, decimals: decimals)
                        json.decimal("computed", category.computed, decimals: decimals)
                    }
                }
            }
            json.array("indicators") { json in
                for category in categories {
                    for indicator in category.indicators { write(indicator, category: category.row, decimals: decimals, into: &json) }
                }
            }
            json.object("total") { json in
                json.printed("claimed", total.claimed)
                json.decimal("computed", total.computed, decimals: decimals)
                json.decimal("recomputed", total.recomputed, decimals: decimals)
            }
            json.object("grade") { json in
                json.string("claimed", grade.claimed)
                json.string("computed", grade.computed?.name)
                json.string("recomputed", grade.recomputed?.name)
            }
            write(coverage, into: &json)
            json.array("findings") { json in
                for finding in result.findings { write(finding, language: language, into: &json) }
            }
        }
    }

    /// `coverage`: what of the table was read, and so what its findings rest on.
    static func write(_ coverage: Coverage, into json: inout JSONWriter) {
        json.object("coverage") { json in
            json.bool("checked", coverage.isChecked)
            json.string("budget", coverage.budget.rawValue)
            json.object("indicators") { json in
                json.number("read", coverage.indicatorsRead)
                json.number("seen", coverage.indicatorRowsSeen)
                json.bool("headerFound", coverage.indicatorHeaderFound)
            }
            json.string("total", coverage.total.rawValue)
            json.bool("totalPartsRead", coverage.totalPartsRead)
            json.key("columns")
            if let columns = coverage.columns {
                json.array { json in
                    for column in columns { json.string(column.rawValue) }
                }
            } else {
                json.null()
            }
            json.object("unverified") { json in
                json.number("indicators", coverage.unverifiedIndicators)
                json.decimal("points", coverage.unverifiedPoints, decimals: 2)
            }
        }
    }

    static func write(_ scored: Scorecard.IndicatorScore, category: Submission.CategoryRow, decimals: Int, into json: inout JSONWriter) {
        let indicator = scored.indicator, assessment = scored.assessment
        // Written with `beginObject`/`endObject`: a closure here would capture a copy of both.
        json.beginObject()
        // `category.path(of: indicator)`, written without building it.
        json.path("path", category.name, indicator.subcategory, indicator.name)
        json.number("line", indicator.location.line)
        write(place: indicator.location.place, into: &json)
        json.string("target", indicator.target)
        json.string("actual", indicator.actual)
        json.key("parsed")
        json.beginObject()
        json.key("target")
        write(assessment.target, into: &json)
        json.key("actual")
        write(assessment.actual, into: &json)
        json.endObject()
        json.string("rule", assessment.method.rawValue)
        json.bool("met", assessment.met)
        json.printed("weight", indicator.points)
        json.printed("claimed", indicator.score)
        json.decimal("computed", assessment.computed, decimals: decimals)
        json.key("computedRange")
        if let band = assessment.band {
            json.array { json in
                json.decimal(band.points.lower, decimals: decimals)
                json.decimal(band.points.upper, decimals: decimals)
            }
        } else {
            json.null()
        }
        json.formula("formula", assessment.formula)
        json.endObject()
    }

    /// A parsed target or actual value: its kind and parts; `null` when there is none.
    static func write(_ value: ParsedValue?, into json: inout JSONWriter) {
        guard let value else { return json.null() }
        json.object { json in
            switch value {
            case .quantity(let quantity):
                json.string("kind", "quantity")
                json.string("comparator", quantity.comparator.rawValue)
                json.number("amount", quantity.amount, decimals: quantity.decimals)
                json.string("unit", quantity.unit?.symbol)
                json.string("per", quantity.per)
            case .range(let range):
                json.string("kind", "range")
                json.number("lower", range.lower, decimals: range.lowerDecimals)
                json.number("upper", range.upper, decimals: range.upperDecimals)
                json.string("unit", range.unit?.symbol)
                json.string("per", range.per)
            case .date(let date):
                json.string("kind", "date")
                json.string("comparator", date.comparator.rawValue)
                json.number("year", date.year)
                json.number("month", date.month)
                json.number("day", date.day)
            case .deadline(.dayOfMonth(let day)):
                json.string("kind", "deadline")
                json.number("dayOfMonth", day)
            case .deadline(.within(let amount, let decimals, let unit)):
                json.string("kind", "deadline")
                json.number("within", amount, decimals: decimals)
                json.string("unit", unit.symbol)
            case .qualitative(let words):
                json.string("kind", "qualitative")
                json.string("band", words.band)
                json.string("word", words.word)
            case .unscorable(let reason):
                json.string("kind", "unscorable")
                json.string("reason", reason.reason.rawValue)
                json.string("message", reason.message.zh)
            }
        }
    }

    static func write(_ finding: Finding, language: Language, into json: inout JSONWriter) {
        json.object { json in
            json.string("code", finding.code.rawValue)
            json.string("severity", finding.severity.rawValue)
            json.string("path", finding.path)
            json.string("file", finding.location.file)
            json.number("line", finding.location.line)
            write(place: finding.location.place, into: &json)
            json.key("claimed")
            write(finding.claimed, into: &json)
            json.key("computed")
            write(finding.computed, into: &json)
            json.string("message", finding.message.text(language))
        }
    }

    /// `"place": {"page": 3}` or `"place": {"table": 1, "row": 9}` where `line` counts text
    /// rendered from a PDF, web page or Word document; nothing otherwise (the key is left out, so
    /// the reports of YAML, text and workbooks are as they were).
    static func write(place: SourceLocation.Place?, into json: inout JSONWriter) {
        switch place {
        case nil:
            break
        case .page(let page):
            json.object("place") { $0.number("page", page) }
        case .tableRow(let table, let row):
            json.object("place") { json in
                json.number("table", table)
                json.number("row", row)
            }
        }
    }

    /// A finding's claimed or computed value: a number, a text or `null`.
    static func write(_ value: FindingValue?, into json: inout JSONWriter) {
        switch value {
        case nil: json.null()
        case .number(let number, let decimals), .percent(let number, let decimals): json.number(number, decimals: decimals)
        case .text(let text): json.string(text)
        }
    }

    /// An input error in the same envelope, for `--format json` runs that fail on input.
    static func write(_ error: InputError, language: Language, into json: inout JSONWriter) {
        json.object { json in
            json.string("code", error.code.rawValue)
            json.string("file", error.location.file)
            json.number("line", error.location.line)
            json.number("column", error.location.column)
            json.string("field", error.field)
            json.string("message", error.message.text(language))
            json.string("hint", error.hint?.text(language))
        }
    }
}
