import Foundation
import Testing

/// Runs the built `jixiao` binary and checks stdout, stderr and the exit code.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `jixiao` built beside this test bundle.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("jixiao").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("jixiao")
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: String...) throws -> Output {
        try run(arguments)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

struct AuditCommandTests {
    @Test func auditsTheReadmeExample() throws {
        let output = try CLI.run("audit", "Examples/seed-003-department-2021.yaml")
        #expect(output.status == 1)
        #expect(output.stdout.contains("错误[total-mismatch] total: 总分填为 96"))
        #expect(output.stdout.contains("Examples/seed-003-department-2021.yaml:141"))
        #expect(!output.stdout.contains("\u{1B}["), "no color when piped")
        #expect(output.stderr.isEmpty)
    }

    @Test func englishOnRequest() throws {
        let output = try CLI.run("audit", "--lang", "en", "Examples/seed-002-project-portal-2024.yaml")
        #expect(output.status == 1)
        #expect(output.stdout.contains("error[rate-mismatch] budget.rate: the rate is printed 28.00% but 48.89 / 173 = 28.2601%"))
        #expect(output.stdout.contains("warning[low-execution-full-marks] budget.rate: the execution rate is only 28.26%, below 60%"))
        #expect(output.stdout.contains("1 error, 1 warning, 3 info"))
    }

    @Test func failOnSetsTheThreshold() throws {
        let example = "Examples/seed-000-department-2024.yaml"
        #expect(try CLI.run("audit", example).status == 0)
        #expect(try CLI.run("audit", "--fail-on", "warning", example).status == 1)
        #expect(try CLI.run("audit", "Examples/clean-project-2022.yaml", "--fail-on", "info").status == 0)
    }

    @Test func jsonFollowsTheContract() throws {
        let output = try CLI.run("audit", "--format", "json", "Examples/seed-003-department-2021.yaml", "Examples/seed-002-department-2024.yaml")
        #expect(output.status == 1)
        let document = try CLI.json(output.stdout)
        #expect(document["version"] as? Int == 1)
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["rubric"] as? String == "national-2020")
        #expect(first["year"] as? Int == 2021)
        let total = try #require(first["total"] as? [String: Any])
        #expect((total["claimed"] as? NSNumber)?.intValue == 96)
        #expect((total["computed"] as? NSNumber)?.intValue == 97)
        let findings = try #require(first["findings"] as? [[String: Any]])
        let mismatch = try #require(findings.first { $0["code"] as? String == "total-mismatch" })
        #expect(mismatch["severity"] as? String == "error")
        #expect(mismatch["line"] as? Int == 141)
        #expect(mismatch["path"] as? String == "total")
        // Numbers are written at their precision, never as binary floating point.
        #expect(output.stdout.contains("\"claimed\": 9.68"))
        #expect(output.stdout.contains("\"computed\": 0.9682"))
        #expect(!output.stdout.contains("0000000"))
        let second = results[1]
        let grade = try #require(second["grade"] as? [String: Any])
        #expect(grade["claimed"] is NSNull)
        #expect(grade["computed"] as? String == "优")
    }

    @Test func scorePrintsTheScorecard() throws {
        let output = try CLI.run("score", "Examples/seed-003-department-2021.yaml")
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        let total = try #require(lines.first { $0.hasPrefix("总分") })
        #expect(total.split(separator: " ").prefix(5) == ["总分", "100", "96", "97", "98.41"])
        let output2 = try CLI.run("score", "--lang", "en", "Examples/seed-000-department-2024.yaml")
        #expect(output2.stdout.contains("rate printed 96.3% / computed 96.27%"))
    }
}

struct InputErrorCommandTests {
    private func temporaryFile(_ text: String, name: String = "bad.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        ("level: project\nyear: [2023\n", "yaml-syntax"),
        ("level: project\nyear: 2023\nbudget: 12\ncategories: []\n", "wrong-type"),
        ("level: project\nyear: 2023\ncategories:\n  - name: x\n", "missing-field"),
        ("level: project\nyeer: 2023\n", "unknown-key"),
        ("", "empty-file"),
    ])
    func badSubmissionsExitWithTwoAndAPosition(text: String, code: String) throws {
        let path = try temporaryFile(text)
        let output = try CLI.run("audit", path)
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(path):"))
        #expect(output.stderr.contains("[\(code)]"))
        #expect(!output.stderr.contains("Fatal error") && !output.stderr.contains("Stack dump"))
        #expect(output.stdout.isEmpty)
    }

    @Test func aBadFileDoesNotStopTheOthers() throws {
        let path = try temporaryFile("level: project\nyeer: 2023\n")
        let output = try CLI.run("audit", path, "Examples/clean-project-2022.yaml")
        #expect(output.status == 2)
        #expect(output.stdout.contains("未发现问题"))
    }

    @Test func missingFilesAndBadOptionsExitWithTwo() throws {
        let missing = try CLI.run("audit", "no/such/file.yaml")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/file.yaml"))
        #expect(try CLI.run("audit", "--format", "xml", "Examples/clean-project-2022.yaml").status == 2)
        #expect(try CLI.run("audit", "--rubric", "no-such-rubric", "Examples/clean-project-2022.yaml").status == 2)
        #expect(try CLI.run("explain", "no-such-code").status == 2)
    }
}

struct RubricCommandTests {
    @Test func checkPassesOnEveryBundledRubric() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Rubrics").path)
            .filter { $0.hasSuffix(".yaml") }.map { "Rubrics/\($0)" }
        let output = try CLI.run(["rubric", "check"] + files)
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test func checkReportsEveryProblemWithItsPosition() throws {
        let file = "Tests/Fixtures/rubrics/broken/grade-gap.yaml"
        let output = try CLI.run("rubric", "check", "--lang", "en", file)
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file):35:5: error[invalid-rubric]: grades[0]: grade bands leave a gap between 80 and 85"))
    }

    @Test func listAndShow() throws {
        let list = try CLI.run("rubric", "list")
        #expect(list.status == 0)
        #expect(list.stdout.contains("national-2020") && list.stdout.contains("national-2024"))
        let show = try CLI.run("rubric", "show", "national-2024", "--lang", "en")
        #expect(show.status == 0)
        #expect(show.stdout.contains("成本指标 (成本): 20"))
    }

    @Test func explainDescribesACode() throws {
        let output = try CLI.run("explain", "rate-truncated", "--lang", "en")
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("rate-truncated (info)"))
        let all = try CLI.run("explain")
        #expect(all.stdout.contains("missing-explanation\twarning"))
        #expect(all.stdout.contains("not-checked\tinfo") && all.stdout.hasPrefix("coverage\t"))
        let coverage = try CLI.run("explain", "coverage")
        #expect(coverage.status == 0)
        #expect(coverage.stdout.contains("读取情况") && coverage.stdout.contains("missing-score"))
    }
}

extension CLI {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

struct FillCommandTests {
    @Test func fillRefusesAnotherFormatInsteadOfPrintingYAML() throws {
        let output = try CLI.run("score", "--fill", "--format", "json", "Examples/clean-project-2022.yaml")
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("--fill 输出的是自评表 YAML，不能与 --format json 同用"))
    }

    @Test func fillWritesScoresBackAsLoadableYAML() throws {
        let source = try String(contentsOf: CLI.root.appendingPathComponent("Examples/seed-003-department-2021.yaml"), encoding: .utf8)
        let blank = source.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("        score:") && !$0.hasPrefix("  score:") }.joined(separator: "\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-fill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("blank.yaml").path
        try blank.write(toFile: path, atomically: true, encoding: .utf8)

        let output = try CLI.run("score", "--fill", path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("name: \"慰问困难群众\""))
        #expect(output.stdout.contains("score: 2.55"))   // 85 / 100 × 3, where the table printed 2
        #expect(output.stdout.contains("notes:"))         // 提升 indicators take their band's top
        let filled = directory.appendingPathComponent("filled.yaml").path
        try output.stdout.write(toFile: filled, atomically: true, encoding: .utf8)
        let audit = try CLI.run("audit", "--format", "json", filled)
        let document = try CLI.json(audit.stdout)
        let result = try #require((document["results"] as? [[String: Any]])?.first)
        let total = try #require(result["total"] as? [String: Any])
        #expect((total["claimed"] as? NSNumber)?.stringValue == "98.41")
    }
}
