import Foundation
import JixiaoFormats
@testable import JixiaoImport
import JixiaoModel
import JixiaoTestSupport
import Testing

/// A table published in traditional characters (and with pinyin on some labels) reads as its
/// simplified twin, Fixtures/documents/piped-project.txt: same figures, same lines.
struct TraditionalChineseImportTests {
    /// piped-project.txt in traditional characters, with `項(xiàng)目` and `績(jì)效` annotated.
    static let traditional = """
        | 2023年度項目支出績效自評表 |
        | --- |

        | 項(xiàng)目名稱 | 城區綠化提升 | | |
        | --- | --- | --- | --- |
        | 主管部門 | 某市園林局 | 實施單位 | 某市園林綠化中心 |
        | 項目資金（萬元） | | 年初預算數 | 全年預算數 | 全年執行數 | 分值 | 執行率 | 得分 |
        | | 年度資金總額 | 60 | 60 | 54 | 10 | 90.00% | 9 |
        | 績(jì)效指標 | 一級指標 | 二級指標 | 三級指標 | 年度指標值 | 實際完成值 | 分值 | 得分 | 偏差原因分析及改進措施 |
        | | 產出指標 (50分) | 數量指標 | 新增綠地面積 | 2萬平方米 | 2萬平方米 | 25 | 25 | |
        | | | 時效指標 | 完工時間 | 2023年10月 | 2023年9月 | 25 | 25 | |
        | | 效益指標 (30分) | 生態效益指標 | 綠化覆蓋率 | 提高1個百分點 | 提高1.2個百分點 | 30 | 30 | |
        | | 滿意度指標 (10分) | 服務對象滿意度指標 | 市民滿意度 | ≥85% | 88% | 10 | 10 | |
        | | 總分 | | | | | 100 | 99 | |

        """

    static func simplifiedTwin() throws -> String {
        try String(contentsOfFile: Documents.path("piped-project.txt"), encoding: .utf8)
    }

    @Test func readsAsItsSimplifiedTwin() throws {
        let traditional = try #require(DocumentImporter.parse(Self.traditional, file: "traditional.txt", options: Project.importOptions).tables.first)
        let simplified = try #require(try Documents.imported("piped-project.txt").tables.first)
        #expect(differences(traditional, simplified) == [])
        #expect(traditional.project == "城区绿化提升")
        #expect(traditional.budget.executed?.description == "54")
        #expect(traditional.budget.rate?.description == "90.00%")
        #expect(traditional.categories.flatMap(\.indicators).map(\.name) == ["新增绿地面积", "完工时间", "绿化覆盖率", "市民满意度"])
        #expect(traditional.total.score?.description == "99")
        #expect(traditional.budget.location.line == simplified.budget.location.line)
        #expect(traditional.total.location.line == simplified.total.location.line)
        #expect(traditional.indicators.map(\.indicator.location.line) == simplified.indicators.map(\.indicator.location.line))
    }

    /// An .xlsx sheet becomes text through `XLSXText` and is read like a document, so its
    /// traditional cells are converted the same way.
    @Test func aWorkbookSheetReadsAsItsSimplifiedTwin() throws {
        func sheetText(_ piped: String) -> String {
            let rows = piped.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [String] in
                var body = line.trimmingCharacters(in: .whitespaces)
                guard !body.isEmpty, !body.hasPrefix("| ---") else { return [] }
                body = String(body.dropFirst().dropLast())
                return body.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            return XLSXText([XLSXSheet(name: "Sheet1", rows: rows)]).text
        }
        let traditional = try #require(DocumentImporter.parse(sheetText(Self.traditional), file: "t.xlsx", options: Project.importOptions).tables.first)
        let simplified = try #require(DocumentImporter.parse(sheetText(try Self.simplifiedTwin()), file: "s.xlsx", options: Project.importOptions).tables.first)
        #expect(differences(traditional, simplified) == [])
        #expect(traditional.total.score?.description == "99")
        #expect(traditional.total.location.line == simplified.total.location.line)
    }
}
