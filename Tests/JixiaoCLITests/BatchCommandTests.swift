import Foundation
import Testing
import JixiaoTestSupport
#if canImport(Glibc)
import Glibc
#endif

private func scratch(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "jixiao-batch-cli/\(name)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

private func files(under folder: String) -> [String] {
    (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
}

struct BatchCommandTests {
    @Test func batchesTheExamplesAndTheSeedDocuments() throws {
        let out = try scratch("examples")
        var arguments = ["batch", "Examples", "--out", out]
        if FileManager.default.fileExists(atPath: "/work/shared/seeds") { arguments.insert("/work/shared/seeds", at: 2) }
        let output = try CLI.run(arguments)
        #expect([1, 2].contains(output.status), "findings (1), or 2 if a seed document has no table: \(output.stderr)")
        for name in ["summary.csv", "findings.csv", "errors.csv", "summary.json"] {
            #expect(contents(out + "/" + name) != nil, "\(name) is missing")
        }
        #expect(files(under: out + "/current/reports").contains { $0.hasSuffix("seed-003-department-2021.html") })
        #expect(output.stdout.contains("已审核"))
        #expect(output.stdout.contains("total-mismatch"))
        #expect(output.stdout.contains(out))
        #expect(output.stderr.contains("100%"), "one progress line per 10% when piped")
    }

    @Test func exitCodesFollowFailOn() throws {
        let out = try scratch("exit")
        #expect(try CLI.run("batch", "Examples/seed-000-department-2024.yaml", "--out", out, "--quiet").status == 0)
        #expect(try CLI.run("batch", "Examples/seed-000-department-2024.yaml", "--out", out, "--quiet", "--fail-on", "warning").status == 1)
        #expect(try CLI.run("batch", "Examples/seed-000-department-2024.yaml", "no-such-file.yaml", "--out", out, "--quiet").status == 2)
    }

    /// A killed batch leaves no partially written file; a rerun writes the same bytes as an
    /// uninterrupted run.
    @Test func aKilledRunLeavesNoPartialOutput() throws {
        let folder = try scratch("kill")
        #expect(try CLI.run("synth", "--count", "600", "--seed", "3", "--out", folder + "/in").status == 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["batch", folder + "/in", "--out", folder + "/out", "--jobs", "1", "--quiet"]
        process.currentDirectoryURL = CLI.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.6)
        process.terminate()
        process.waitUntilExit()
        let left = files(under: folder + "/out")
        #expect(!left.contains { $0.hasSuffix(".jixiao-partial") }, "temporary files left: \(left.filter { $0.hasSuffix(".jixiao-partial") })")
        // summary.csv appears only complete: a header and one row per table (the run may have
        // finished its outputs just before the kill).
        if let summary = contents(folder + "/out/summary.csv") {
            #expect(String(decoding: summary, as: UTF8.self).split(separator: "\r\n").count == 601, "summary.csv is partial")
        }

        #expect([0, 1].contains(try CLI.run("batch", folder + "/in", "--out", folder + "/out", "--quiet").status))
        #expect([0, 1].contains(try CLI.run("batch", folder + "/in", "--out", folder + "/again", "--quiet", "--jobs", "1").status))
        for name in ["summary.csv", "findings.csv", "errors.csv"] {
            #expect(contents(folder + "/out/" + name) == contents(folder + "/again/" + name), "\(name) differs")
        }
        // Each run's folder is named by its start and process; what is current is the same.
        #expect(files(under: folder + "/out/current/") == files(under: folder + "/again/current/"))
    }

    /// A folder mixing good files with every bad kind of the input-error catalogue, a file over
    /// the size limit, a document with no table and a named pipe no one writes to (refused
    /// before it is opened for reading, which would wait forever). The run finishes, audits every
    /// good table, and lists every bad file in errors.csv with its code.
    @Test func aFolderOfEveryBadKindIsListedAndTheRestAudited() throws {
        let folder = try scratch("hostile")
        let input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let good = ["clean-project-2022.yaml", "seed-003-department-2021.yaml", "seed-002-project-portal-2024.yaml"]
        for name in good {
            try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("Examples/\(name)").path, toPath: "\(input)/\(name)")
        }
        var expected: [String: String] = [:]
        for (index, (_, bytes, code, _)) in InputCatalogueTests.cases.enumerated() {
            let name = "bad-\(index < 10 ? "0" : "")\(index)-\(code).yaml"
            #expect(FileManager.default.createFile(atPath: "\(input)/\(name)", contents: Data(bytes)))
            expected[name] = code
        }
        let valid = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        #expect(FileManager.default.createFile(atPath: input + "/large.yaml", contents: Data((valid + String(repeating: "#", count: 1_100_000)).utf8)))
        expected["large.yaml"] = "file-too-large"
        #expect(FileManager.default.createFile(atPath: input + "/no-table.txt", contents: Data("本单位按要求开展了绩效自评工作。\n".utf8)))
        expected["no-table.txt"] = "unknown-format"
        #expect(mkfifo(input + "/stall.yaml", 0o600) == 0)
        expected["stall.yaml"] = "unreadable-file"
        #expect(Set(expected.values).isSuperset(of: ["yaml-syntax", "wrong-type", "missing-field", "unknown-key", "invalid-number",
                                                      "empty-file", "binary-file", "unknown-encoding", "yaml-alias-limit",
                                                      "yaml-too-deep", "unknown-rubric"]))

        let out = folder + "/out"
        let output = try CLI.run(["batch", input, "--out", out, "--timeout", "2"], environment: ["JIXIAO_MAX_FILE_MB": "1"])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(!output.stderr.contains("Fatal error") && !output.stderr.contains("Stack dump"))
        let errors = Self.rows(out + "/errors.csv")
        var listed: [String: String] = [:]
        for row in errors.dropFirst() { listed[(row[0] as NSString).lastPathComponent] = row[1] }
        #expect(listed == expected)
        #expect(errors.dropFirst().allSatisfy { !$0[5].isEmpty }, "every row gives its reason")
        #expect(errors.dropFirst().first { $0[0].hasSuffix("stall.yaml") }?[5] == "这不是普通文件（命名管道、设备或套接字），未读取")
        let audited = Set(Self.rows(out + "/summary.csv").dropFirst().map { ($0[0] as NSString).lastPathComponent })
        #expect(audited == Set(good))
        #expect(output.stdout.contains("total-mismatch"))
    }

    /// The rows of a CSV the batch wrote (UTF-8 with a byte order mark, CRLF, quoted fields).
    private static func rows(_ path: String) -> [[String]] {
        contents(path).map { CSVText.rows(String(decoding: $0, as: UTF8.self)) } ?? []
    }

    @Test func historyShowsAUnitAcrossTwoYears() throws {
        let folder = try scratch("history")
        let text = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        try text.write(toFile: folder + "/p2022.yaml", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "year: 2022", with: "year: 2023").write(toFile: folder + "/p2023.yaml", atomically: true, encoding: .utf8)
        let db = folder + "/history.sqlite"
        #expect(try CLI.run("batch", folder + "/p2022.yaml", "--db", db, "--out", folder + "/o1", "--quiet").status == 0)
        let second = try CLI.run("batch", folder + "/p2023.yaml", "--db", db, "--out", folder + "/o2", "--fail-on", "info")
        #expect(second.status == 1)
        #expect(second.stdout.contains("copied-from-last-year"))
        let runs = try CLI.run("history", "--db", db)
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("2022") && runs.stdout.contains("2023"))
        let unit = try CLI.run("history", "--db", db, "--unit", "某市农业农村局")
        #expect(unit.status == 0)
        #expect(unit.stdout.contains("农村人居环境整治专项"))
        #expect(unit.stdout.contains("copied-from-last-year") && unit.stdout.contains("always-full-marks"))
        #expect(try CLI.run("history", "--db", folder + "/none.sqlite").status == 2)
    }
}

/// The summary a reviewer reads: quiet means a few lines, times read sensibly, English plurals.
@Test func theBatchSummaryIsShortWhenQuietAndReadsWell() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-summary-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let quiet = try CLI.run("batch", "Examples", "--out", out, "--quiet")
    let lines = quiet.stdout.split(separator: "\n")
    #expect(lines.count == 3, "\(quiet.stdout)")
    #expect(lines.first?.hasPrefix("已审核 6 个文件中的 6 张表") == true)
    #expect(!quiet.stdout.contains("0.00 秒"))
    #expect(!quiet.stdout.contains("张表/秒"), "no rate for a run under a second")
    // html by default, so the dashboard's links open pages.
    #expect(FileManager.default.fileExists(atPath: out + "/current/reports/seed-003-department-2021.html"))
    // The dashboard says which run it shows: name, start, inputs and rubrics.
    let dashboard = try String(contentsOfFile: out + "/current/index.html", encoding: .utf8)
    #expect(dashboard.contains("<dt>运行</dt><dd>Examples</dd>"))
    #expect(dashboard.contains("<dt>输入</dt><dd>Examples</dd>"))
    #expect(dashboard.contains("national-2020"))
    let english = try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--out", out + "-en", "--lang", "en", "--quiet")
    defer { try? FileManager.default.removeItem(atPath: out + "-en") }
    #expect(english.stdout.hasPrefix("audited 1 table in 1 file, 0 unreadable"))
    #expect(english.stdout.contains("1 error, 6 warnings, 2 info"))
}
