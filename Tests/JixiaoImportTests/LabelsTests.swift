import Foundation
import JixiaoBase
import JixiaoTestSupport
import Testing
@testable import JixiaoImport

struct LabelsTests {
    @Test func pointsAndWrappedLabels() {
        #expect(Labels.splitPoints("产出指标 (40分)").label == "产出指标")
        #expect(Labels.splitPoints("（30分）").points?.description == "30")
        #expect(Project.words.continues("社会效", with: "益指标"))
        #expect(!Project.words.continues("经济成本", with: "社会成本"))
    }

    @Test func aUnitIsReadFromAHeadingOnlyWhenItEndsAsAUnitDoes() {
        #expect(Labels.unit(inHeading: "某市农业农村局2024年度部门决算", words: Project.words) == "某市农业农村局")
        #expect(Labels.unit(inHeading: "附件2：某县 教育局 2023 年度部门整体支出绩效自评表", words: Project.words) == "某县教育局")
        #expect(Labels.unit(inHeading: "2024年度项目支出绩效自评表", words: Project.words) == nil)
        #expect(Labels.unit(inHeading: "表3 部门整体支出2024年度", words: Project.words) == nil)
        #expect(Labels.unit(inHeading: "某市农业农村局部门决算", words: Project.words) == nil)  // no year
    }

    @Test func wholeNameLabelsComeBeforeTheSuffixRule() {
        #expect(Project.words.nameField("主管部门名称") == .department)
        #expect(Project.words.nameField("实施单位名称") == .implementer)
        #expect(Project.words.nameField("单位名称") == .unit)
        #expect(Project.words.nameField("项目名称") == .project)
    }

    /// The words are data: a province's header word added to the file is read with no code change.
    @Test func aWordAddedToTheVocabularyIsRecognised() throws {
        let file = Project.path("Rubrics/vocabulary/tables.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(Project.words.indicatorColumn("考核得分") == nil)
        let edited = text.replacingOccurrences(of: "score: {starts: [得分, 自评得分, 自评分]}", with: "score: {starts: [得分, 自评得分, 自评分, 考核得分]}")
        #expect(edited != text)
        let words = try TableWords.parse(Array(edited.utf8), file: file)
        #expect(words.indicatorColumn("考核 得分") == .score)
    }

    @Test func aBrokenVocabularyNamesItsFileLineAndField() throws {
        let file = Project.path("Rubrics/vocabulary/tables.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "  level3: {contains: [三级指标]}\n", with: "  level3: {contains: [三级指标]}\n  levle4: [四级指标]\n")
        #expect(broken != text)
        do {
            _ = try TableWords.parse(Array(broken.utf8), file: file)
            Issue.record("an unknown column was accepted")
        } catch let error as InputError {
            #expect(error.code == .unknownKey)
            #expect(error.location.line > 1)
            #expect(error.field == "columns.levle4")
        }
    }
}
