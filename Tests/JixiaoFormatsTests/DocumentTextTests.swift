import JixiaoFormats
import Testing

struct DocumentTextTests {
    /// Spaces that extraction put inside words go; spaces beside digits and Latin letters stay.
    @Test func cellCleaning() {
        #expect(DocumentText.clean("降低全市政 府服务热线 平台") == "降低全市政府服务热线平台")
        #expect(DocumentText.clean("  224   人次 ") == "224 人次")
        #expect(DocumentText.clean("参加率达 ≥ 100%") == "参加率达 ≥ 100%")
        #expect(DocumentText.join("开展学习活", "动") == "开展学习活动")
        #expect(DocumentText.join("每日 0.8", "条以上") == "每日 0.8 条以上")
    }
}
