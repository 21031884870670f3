import Foundation
import Testing

/// Every item of the input-error catalogue: the exact code, the position, exit code 2, no stack
/// trace and nothing on standard output.
struct InputCatalogueTests {
    private static let valid = """
        level: project
        year: 2023
        budget:
          adjusted: 100
          executed: 90
          points: 10
          rate: 90%
          score: 9
        categories:
          - name: 产出指标
            indicators:
              - {name: 指标一, target: ≥ 10 次, actual: 10 次, points: 90, score: 90}
        total: {points: 100, score: 99}

        """

    private static func file(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private static func replacing(_ from: String, _ to: String) -> [UInt8] {
        precondition(valid.contains(from))
        return Array(valid.replacingOccurrences(of: from, with: to).utf8)
    }

    /// (what, file contents, error code, line:column, or "" when the whole file is concerned)
    static let cases: [(String, [UInt8], String, String)] = [
        ("syntax", replacing("year: 2023", "year: [2023"), "yaml-syntax", "3:7"),
        ("wrong type", replacing("  executed: 90", "  executed: [90]"), "wrong-type", "5:13"),
        ("missing field", replacing("level: project\n", ""), "missing-field", "1:1"),
        ("unknown key", replacing("  points: 10", "  pionts: 10"), "unknown-key", "6:3"),
        ("五十", replacing("adjusted: 100", "adjusted: 五十"), "invalid-number", "4:13"),
        ("1,2.3", replacing("adjusted: 100", "adjusted: 1,2.3"), "invalid-number", "4:13"),
        ("--5", replacing("adjusted: 100", "adjusted: --5"), "invalid-number", "4:13"),
        ("NaN", replacing("adjusted: 100", "adjusted: NaN"), "invalid-number", "4:13"),
        ("1e400", replacing("adjusted: 100", "adjusted: 1e400"), "invalid-number", "4:13"),
        ("negative budget", replacing("adjusted: 100", "adjusted: -100"), "invalid-number", "4:13"),
        ("empty", [], "empty-file", ""),
        ("binary", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00], "binary-file", ""),
        ("neither UTF-8 nor GB18030", [0x80, 0x80, 0xFF, 0xFE, 0x61], "unknown-encoding", ""),
        ("alias bomb", Array(("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "bcdefghij".enumerated().map { index, name in
            let previous = index == 0 ? "a" : String(Array("bcdefghij")[index - 1])
            return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }.joined()).utf8), "yaml-alias-limit", "4:36"),
        ("deep nesting", Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8), "yaml-too-deep", "1:65"),
        ("unknown rubric", replacing("year: 2023\n", "year: 2023\nrubric: province-zz\n"), "unknown-rubric", "1:1"),
    ]

    @Test(arguments: cases.indices)
    func eachBadInputHasItsCodeAndPosition(index: Int) throws {
        let (what, bytes, code, position) = Self.cases[index]
        let path = try Self.file(bytes, name: "input.yaml")
        let output = try CLI.run(["audit", path])
        #expect(output.status == 2, "\(what)")
        #expect(output.stdout.isEmpty, "\(what)")
        #expect(output.stderr.contains("\(path)\(position.isEmpty ? "" : ":" + position): 错误[\(code)]"), "\(what): \(output.stderr)")
        #expect(!output.stderr.contains("Fatal error") && !output.stderr.contains("Stack dump"), "\(what)")
        let english = try CLI.run(["audit", "--lang", "en", path])
        #expect(english.stderr.contains("error[\(code)]"), "\(what)")
    }

    @Test func filesOverTheSizeLimitAreRefused() throws {
        let path = try Self.file(Array(Self.valid.utf8) + Array(repeating: UInt8(ascii: "#"), count: 1_100_000), name: "large.yaml")
        let output = try CLI.run(["audit", path], environment: ["JIXIAO_MAX_FILE_MB": "1"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(path): 错误[file-too-large]"))
    }

    @Test func badRubricsAreRefusedWithTheirPositions() throws {
        let root = "Tests/JixiaoCoreTests/Fixtures/rubrics/broken"
        let points = try CLI.run(["audit", "--rubric", "\(root)/points-dont-add.yaml", "Examples/clean-project-2022.yaml"])
        #expect(points.status == 2)
        #expect(points.stderr.contains("\(root)/points-dont-add.yaml:15:3: 错误[invalid-rubric]"))
        let bands = try CLI.run(["rubric", "check", "\(root)/band-overlap.yaml"])
        #expect(bands.status == 2)
        #expect(bands.stderr.contains("\(root)/band-overlap.yaml:28:7: 错误[invalid-rubric]"))
    }
}
