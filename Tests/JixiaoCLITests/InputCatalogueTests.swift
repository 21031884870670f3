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
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
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
        ("PDF", Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8) + [0x00, 0x01], "unsupported-format", ""),
        ("old Office", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], "unsupported-format", ""),
        ("scan", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "unsupported-format", ""),
        ("alias bomb", Array(("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "bcdefghij".enumerated().map { index, name in
            let previous = index == 0 ? "a" : String(Array("bcdefghij")[index - 1])
            return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }.joined()).utf8), "yaml-alias-limit", "4:36"),
        ("deep nesting", Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8), "yaml-too-deep", "1:65"),
        ("unknown rubric", replacing("year: 2023\n", "year: 2023\nrubric: province-zz\n"), "unknown-rubric", "3:9"),
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

    /// Documents in which no self-evaluation table is found: (what, text, the line of the
    /// closest thing or "" for the whole file, what the Chinese and the English message say).
    static let noTableCases: [(String, String, String, String, String)] = [
        ("a title with no table", "2024年度项目支出绩效自评表\n说明：略。\n", "1",
         "第 1 行有标题“2024年度项目支出绩效自评表”，但其后没有表格", "line 1 has the title “2024年度项目支出绩效自评表”, but no table follows it"),
        ("a title over a table without its headers", "2024年度项目支出绩效自评表\n\n项目\t年度目标\t完成情况\n培训\t10次\t10次\n", "1",
         "第 1 行有标题“2024年度项目支出绩效自评表”，但其后第 3–4 行的表缺少表头：一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分",
         "the table on lines 3–4 after it lacks the headers 一级指标, 二级指标"),
        ("rows without the score headers or a title",
         "工作情况\n\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n产出指标\t数量指标\t培训\t10次\t10次\n", "3",
         "第 3–4 行有一张 2 行的表，但表头缺少分值、得分，前面也没有“……绩效自评表”标题", "its header lacks 分值, 得分 and no “…绩效自评表” title precedes it"),
        ("a table with no year", "项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训\t10次\t10次\t10\t10\n",
         "1", "第 1 行的“项目支出绩效自评表”表没有年份", "has no year"),
        ("a mention in the prose", "说明\n本单位按要求开展了绩效自评工作。\n", "2",
         "第 2 行提到“本单位按要求开展了绩效自评工作。”，但文中没有这样的表格", "line 2 mentions"),
        ("another kind of table", "名称\t数量\t金额\n办公桌\t2\t300\n椅子\t4\t200\n", "1",
         "第 1–3 行有一张 3 行的表，但不是绩效自评表", "not a self-evaluation table"),
        ("nothing like a table", "这是一份普通的说明。\n第二行。\n", "",
         "文中没有任何像表格的内容", "nothing in the document resembles a table"),
    ]

    @Test(arguments: noTableCases.indices)
    func aDocumentWithNoTableSaysWhatComesClosest(index: Int) throws {
        let (what, text, line, zh, en) = Self.noTableCases[index]
        let path = try Self.file(Array(text.utf8), name: "document.txt")
        let position = line.isEmpty ? path : "\(path):\(line)"
        for command in ["audit", "import"] {
            let output = try CLI.run([command, path])
            #expect(output.status == 2, "\(command), \(what)")
            #expect(output.stdout.isEmpty, "\(command), \(what)")
            #expect(output.stderr.contains("\(position): 错误[unknown-format]: 文中没有找到绩效自评表"), "\(command), \(what): \(output.stderr)")
            #expect(output.stderr.contains("最接近的是：" + zh), "\(command), \(what): \(output.stderr)")
            let english = try CLI.run([command, "--lang", "en", path])
            #expect(english.stderr.contains("\(position): error[unknown-format]: no self-evaluation table"), "\(command), \(what)")
            #expect(english.stderr.contains("the closest: ") && english.stderr.contains(en), "\(command), \(what): \(english.stderr)")
        }
    }

    @Test func filesOverTheSizeLimitAreRefused() throws {
        let path = try Self.file(Array(Self.valid.utf8) + Array(repeating: UInt8(ascii: "#"), count: 1_100_000), name: "large.yaml")
        let output = try CLI.run(["audit", path], environment: ["JIXIAO_MAX_FILE_MB": "1"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(path): 错误[file-too-large]"))
    }

    @Test func badRubricsAreRefusedWithTheirPositions() throws {
        let root = "Tests/Fixtures/rubrics/broken"
        let points = try CLI.run(["audit", "--rubric", "\(root)/points-dont-add.yaml", "Examples/clean-project-2022.yaml"])
        #expect(points.status == 2)
        #expect(points.stderr.contains("\(root)/points-dont-add.yaml:15:3: 错误[invalid-rubric]"))
        let bands = try CLI.run(["rubric", "check", "\(root)/band-overlap.yaml"])
        #expect(bands.status == 2)
        #expect(bands.stderr.contains("\(root)/band-overlap.yaml:28:7: 错误[invalid-rubric]"))
    }
}
