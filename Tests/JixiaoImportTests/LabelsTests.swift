import Testing
@testable import JixiaoImport

struct LabelsTests {
    @Test func pointsAndWrappedLabels() {
        #expect(Labels.splitPoints("产出指标 (40分)").label == "产出指标")
        #expect(Labels.splitPoints("（30分）").points?.description == "30")
        #expect(Labels.continues("社会效", with: "益指标"))
        #expect(!Labels.continues("经济成本", with: "社会成本"))
    }
}
