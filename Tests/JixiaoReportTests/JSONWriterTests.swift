import Foundation
import PropertyBased
import Testing
import JixiaoAudit
import JixiaoBase
@testable import JixiaoReport
import JixiaoTestSupport

/// The JSON layout every report and `summary.json` rely on byte for byte: two-space pretty and
/// one-line compact, `[]` and `{}` when empty, and strings escaped only where JSON needs it.
struct JSONWriterTests {
    private static func sample(pretty: Bool) -> String {
        var json = JSONWriter(pretty: pretty)
        json.object { json in
            json.number("version", 1)
            json.array("items") { json in
                json.object { json in
                    json.string("name", "产出指标")
                    json.decimal("points", Fixed("9.630"), decimals: 2)
                    json.bool("met", true)
                    json.string("note", nil)
                }
                json.number("1.50")
                json.array { _ in }
                json.object { _ in }
            }
            json.object("empty") { _ in }
            json.array("none") { _ in }
        }
        return json.text
    }

    @Test func prettyIndentsTwoSpacesPerLevel() {
        #expect(Self.sample(pretty: true) == """
            {
              "version": 1,
              "items": [
                {
                  "name": "产出指标",
                  "points": 9.63,
                  "met": true,
                  "note": null
                },
                1.50,
                [],
                {}
              ],
              "empty": {},
              "none": []
            }
            """)
    }

    @Test func compactIsOneLine() {
        #expect(Self.sample(pretty: false)
            == #"{"version":1,"items":[{"name":"产出指标","points":9.63,"met":true,"note":null},1.50,[],{}],"empty":{},"none":[]}"#)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        var json = JSONWriter(pretty: false)
        json.string("a\"b\\c\nd\re\tf\u{01}g\u{1F}h“单位”\u{7F}")
        #expect(json.text == #""a\"b\\c\nd\re\tf\u0001g\u001fh“单位”\#u{7F}""#)
    }

    static let soup = Gen<String?>.element(of: ReportEscapingTests.pieces + ["\t", "\u{01}", "\u{1F}", "\u{7F}", "/"])
        .map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }

    @Test func stringsReadBackUnchanged() async {
        await propertyCheck(count: 2000, input: Self.soup) { text in
            var json = JSONWriter(pretty: false)
            json.array { $0.string(text) }
            let read = try? JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
            #expect(read == [text])
        }
    }

    @Test func numbersAreWrittenAsTheirText() async {
        await propertyCheck(count: 500, input: Generators.anyFixed, Gen.int(in: 0...6)) { value, decimals in
            let exact = value.formatted(decimals: decimals), compact = value.compact(decimals: decimals)
            var json = JSONWriter(pretty: false)
            json.array { json in
                json.number(value, decimals: decimals)
                json.decimal(value, decimals: decimals)
                json.printed(PrintedNumber(value, decimals: decimals, isPercent: true))
                json.number(nil, decimals: decimals)
            }
            #expect(json.text == "[\(exact),\(compact),\(exact),null]")
        }
    }

    @Test func formulasAreWrittenPieceByPieceAndEscaped() {
        let band = Formula.band(word: "\"完成\"", band: "达成", points: 5, lower: Fixed(8) / 10, upper: 1, range: Interval(4, 5))
        var json = JSONWriter(pretty: false)
        json.object { json in
            json.formula("formula", band)
            json.formula("none", nil)
        }
        #expect(json.text == #"{"formula":"“\"完成\"” → 达成：5 × [80%, 100%] = [4, 5]","none":null}"#)
        #expect(band.text == "“\"完成\"” → 达成：5 × [80%, 100%] = [4, 5]")
    }

    @Test func pathsAreJoinedBySlashesAndEscaped() {
        var json = JSONWriter(pretty: false)
        json.object { json in
            json.path("path", "产出指标", "数量\"指标", "培训/人数")
            json.path("short", "效益指标", nil, "满意度")
        }
        #expect(json.text == #"{"path":"产出指标/数量\"指标/培训/人数","short":"效益指标/满意度"}"#)
    }
}

