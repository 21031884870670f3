import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoReport
import Testing

struct InputErrorReportTests {
    private let valid = """
        unit: 某单位
        level: project
        year: 2023
        budget:
          adjusted: 100
          executed: 96.5
          points: 10
          rate: 96.50%
          score: 9.65
        categories:
          - name: 产出指标
            indicators:
              - {name: 指标一, target: 10 次, actual: 10 次, points: 90, score: 90}
        total: {points: 100, score: 99.65}
        """

    @Test func errorsRenderCompilerStyleWithACaret() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yaml").path
        try valid.replacingOccurrences(of: "  executed: 96.5", with: "  executed: 九十").write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: InputError.self) { try Submission.load(path: path) }
        if let error {
            let text = InputErrorReport.render(error, language: .en)
            #expect(text == """
                \(path):6:13: error[invalid-number]: budget.executed: '九十' is not a number
                 6 |   executed: 九十
                   |             ^
                hint: write the number as printed, e.g. 2305.17, 87.5%, 2,305.17
                """)
        }
    }
}
