import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoReport
import JixiaoSynth
import JixiaoTestSupport

/// A fresh folder under the temporary directory.
func scratchFolder(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "jixiao-batch-tests/\(name)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func runBatch(_ paths: [String], out: String, jobs: Int = 2, name: String = "test", history: HistoryStore? = nil,
              reports: BatchOptions.ReportFormat = .markdown) async throws -> BatchSummary {
    let options = BatchOptions(outputDirectory: out, jobs: jobs, language: .zh, reports: reports, runName: name, tool: "jixiao test",
                               hashInputs: history != nil)
    let collected = BatchInputs.collect(paths)
    return try await Batch(engine: Engine(catalog: Project.catalog, words: Project.words), options: options).run(collected.files, unsupported: collected.unsupported, history: history)
}

func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

struct SynthManifestTests {
    /// Every planted mistake is found at its path, and clean tables have no finding but the notes
    /// on values the rules cannot measure, which synthetic tables have in realistic shares.
    @Test func findsEveryPlantedMistakeAndNothingElse() async throws {
        let folder = try scratchFolder("synth")
        let manifest = try Synth(seed: 42, mistakeRate: 0.5).write(count: 100, to: folder + "/in")
        #expect(manifest.planted.count > 30)
        #expect(Set(manifest.planted.map(\.mistake)) == Set(Synth.Mistake.allCases))
        let summary = try await runBatch([folder + "/in"], out: folder + "/out", reports: .none)
        #expect(summary.tables == 100)
        #expect(summary.errors == 0)

        let rows = CSVText.rows(try read(folder + "/out/findings.csv"))
        let header = try #require(rows.first)
        let file = try #require(header.firstIndex(of: "file")), code = try #require(header.firstIndex(of: "code"))
        let path = try #require(header.firstIndex(of: "path"))
        var found: [String: Set<String>] = [:]
        var notes = 0
        for row in rows.dropFirst() {
            if ["unmeasurable-target", "unmeasured-actual"].contains(row[code]) {
                notes += 1
                continue
            }
            found[row[file], default: []].insert(row[code] + " " + row[path])
        }
        #expect(notes > 0, "synthetic tables hold some values the rules cannot measure")
        let planted = try Synth.readManifest(folder + "/in")
        #expect(planted.count == manifest.planted.count)
        for item in planted {
            for expected in item.codes {
                #expect(found[folder + "/in/" + item.file]?.contains(expected.rawValue + " " + item.path) == true,
                        "\(item.file): \(item.mistake.rawValue) not found as \(expected.rawValue) at \(item.path)")
            }
        }
        let plantedFiles = Set(planted.map { folder + "/in/" + $0.file })
        for (file, findings) in found where !plantedFiles.contains(file) {
            Issue.record("clean table \(file) has findings: \(findings.sorted())")
        }
    }

    @Test func theSameSeedWritesTheSameFiles() throws {
        let folder = try scratchFolder("seed")
        try Synth(seed: 9).write(count: 5, to: folder + "/a")
        try Synth(seed: 9).write(count: 5, to: folder + "/b")
        for file in BatchInputs.collect([folder + "/a"]).files {
            #expect(try read(file) == read(file.replacingOccurrences(of: folder + "/a", with: folder + "/b")))
        }
    }
}

struct BatchOutputTests {
    /// The reports folder is written under a temporary name and replaces the previous run's
    /// whole: nothing of the old one is left, and no temporary folder either.
    @Test func aRerunReplacesTheReportsFolderWhole() async throws {
        let out = try scratchFolder("rerun")
        _ = try await runBatch([Project.path("Examples")], out: out)
        // `reports` is a link through `current`; listings go through the run's real folder.
        let first = try FileManager.default.subpathsOfDirectory(atPath: out + "/current/reports").sorted()
        #expect(first.contains { $0.hasSuffix(".md") })
        try "stale".write(toFile: out + "/reports/stale.md", atomically: true, encoding: .utf8)
        _ = try await runBatch([Project.path("Examples")], out: out)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out + "/current/reports").sorted() == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.contains(OutputFile.partialSuffix) })
    }

    /// Two runs of one process started in the same second (the server's, a test's) get
    /// folders of their own: the second is made current and the first is removed.
    @Test func runsStartedInTheSameSecondGetFoldersOfTheirOwn() throws {
        let folders = RunFolders(out: try scratchFolder("same-second"))
        let started = Date()
        var ids: [String] = []
        for _ in 0..<3 {
            let (id, staging) = try folders.prepare(started: started)
            try "run \(id)".write(toFile: staging + "/summary.csv", atomically: false, encoding: .utf8)
            try folders.commit(staging: staging, id: id)
            #expect(folders.current == RunFolders.runsFolder + "/" + id)
            #expect(try String(contentsOfFile: folders.out + "/current/summary.csv", encoding: .utf8) == "run \(id)")
            ids.append(id)
        }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 != $1 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.runs) == [ids[2]])
    }

    /// A folder of mixed downloads: every file is audited or listed in errors.csv with its reason.
    @Test func filesOfNoReadableKindAreListed() async throws {
        let folder = try scratchFolder("mixed")
        try FileManager.default.copyItem(atPath: Project.example("clean-project-2022.yaml"), toPath: folder + "/table.yaml")
        #expect(FileManager.default.createFile(atPath: folder + "/photo.jpg", contents: Data([0xFF, 0xD8, 0xFF, 0xE0])))
        #expect(FileManager.default.createFile(atPath: folder + "/report.pdf", contents: Data("%PDF-1.7\n".utf8)))
        let summary = try await runBatch([folder], out: folder + "/out")
        #expect(summary.tables == 1)
        let rows = CSVText.rows(try read(folder + "/out/errors.csv"))
        // The PDF is read (and found damaged); the picture is of no kind the tool reads.
        let codes = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (($0[0] as NSString).lastPathComponent, $0[1]) })
        #expect(codes == ["photo.jpg": "unsupported-format", "report.pdf": "unreadable-file"])
    }

    /// A table of which nothing could be read is counted apart, as not checked, in every output.
    @Test func aTableReadNotAtAllIsCountedAsNotChecked() async throws {
        let folder = try scratchFolder("not-checked")
        let table = ["2023年度项目支出绩效自评表", "\t年度资金总额\t\t\t", "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"]
        #expect(FileManager.default.createFile(atPath: folder + "/table.txt", contents: Data(table.joined(separator: "\n").utf8)))
        let summary = try await runBatch([folder + "/table.txt"], out: folder + "/out")
        #expect(summary.tables == 1 && summary.notChecked == 1)
        #expect(BatchReport.summary(summary, language: .zh).contains("1 张未能读取、未核查"))
        let rows = CSVText.rows(try read(folder + "/out/summary.csv"))
        #expect(rows[1][rows[0].firstIndex(of: "checked")!] == "no")
        let json = try read(folder + "/out/summary.json")
        #expect(json.contains("\"coverage\":{\"checked\":false,\"budget\":\"not-read\""))
        #expect(json.contains("\"notChecked\":1"))
    }

    /// A batch over the examples writes every output; the CSVs read back with Chinese intact.
    @Test func writesEveryOutputReadableAsCSV() async throws {
        let out = try scratchFolder("examples")
        let summary = try await runBatch([Project.path("Examples")], out: out)
        #expect(summary.tables >= 6)
        for name in ["summary.csv", "findings.csv", "errors.csv", "summary.json", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) is missing")
        }
        // The dashboard links every table's report.
        let dashboard = try read(out + "/index.html")
        #expect(dashboard.contains("市委老干部局"))
        #expect(dashboard.contains("href=\"reports/"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a BOM for Excel")
        let rows = CSVText.rows(try read(out + "/summary.csv"))
        #expect(rows.first == TableRecord.summaryHeader)
        #expect(rows.count == summary.tables + 1)
        #expect(rows.contains { $0.contains("市委老干部局") })
        let seed003 = try #require(rows.first { $0[0].hasSuffix("seed-003-department-2021.yaml") })
        let header = rows[0]
        #expect(seed003[header.firstIndex(of: "total_claimed")!] == "96")
        #expect(seed003[header.firstIndex(of: "total_computed")!] == "97")
        #expect(Int(seed003[header.firstIndex(of: "errors")!])! >= 1)
        for (column, value) in [("checked", "yes"), ("budget_read", "read"), ("indicators_read", "19"),
                                ("indicators_seen", "19"), ("total_read", "read"), ("unverified_points", "0")] {
            #expect(seed003[header.firstIndex(of: column)!] == value, "\(column)")
        }
        let report = seed003[header.firstIndex(of: "report")!]
        #expect(try read(out + "/" + report).contains("市委老干部局"))

        let findings = CSVText.rows(try read(out + "/findings.csv"))
        #expect(findings.first == TableRecord.findingsHeader)
        let message = try #require(TableRecord.findingsHeader.firstIndex(of: "message"))
        #expect(findings.contains { $0.contains("total-mismatch") && $0[message].contains("总分填为 96") })
        // A YAML table's lines are its own: no place.
        #expect(findings.dropFirst().allSatisfy { $0.last == "" })

        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
        #expect((json["results"] as? [Any])?.count == summary.tables)
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["tool"] as? String == "jixiao test")
        #expect((run["rubrics"] as? [[String: Any]])?.allSatisfy { ($0["sha256"] as? String)?.count == 64 } == true)
    }

    /// Unreadable inputs are listed in errors.csv and the rest is audited.
    @Test func unreadableInputsAreListedAndTheRestAudited() async throws {
        let folder = try scratchFolder("bad")
        let good = Project.example("clean-project-2022.yaml")
        let text = try read(good)
        try text.prefix(text.count / 2).appending("\n  - [unclosed").write(toFile: folder + "/truncated.yaml", atomically: true, encoding: .utf8)
        try "".write(toFile: folder + "/empty.yaml", atomically: true, encoding: .utf8)
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]).write(to: URL(fileURLWithPath: folder + "/binary.yaml"))
        try "a,b\n1,2\n".write(toFile: folder + "/table.csv", atomically: true, encoding: .utf8)
        let inputs = [folder + "/truncated.yaml", folder + "/empty.yaml", good, folder + "/binary.yaml", folder + "/table.csv",
                      Project.example("seed-003-department-2021.yaml")]
        let out = folder + "/out"
        let options = BatchOptions(outputDirectory: out, jobs: 2, runName: "bad", tool: "test")
        let summary = try await Batch(engine: Engine(catalog: Project.catalog, words: Project.words), options: options).run(inputs)
        #expect(summary.tables == 2)
        #expect(summary.errors == 4)
        let rows = CSVText.rows(try read(out + "/errors.csv"))
        #expect(rows.dropFirst().map { ($0[0] as NSString).lastPathComponent } == ["truncated.yaml", "empty.yaml", "binary.yaml", "table.csv"])
        #expect(rows.dropFirst().map { $0[1] } == ["yaml-syntax", "empty-file", "unsupported-format", "unknown-format"])
        // The dashboard lists the unreadable inputs too.
        let dashboard = try read(out + "/index.html")
        #expect(["truncated.yaml", "empty.yaml", "binary.yaml", "table.csv"].allSatisfy { dashboard.contains($0) })
    }

    /// The dashboard a batch writes row by row is the page rendered in one piece from the same
    /// tables and unreadable inputs.
    @Test func theStreamedDashboardIsTheWholePage() async throws {
        let folder = try scratchFolder("dashboard")
        try "".write(toFile: folder + "/empty.yaml", atomically: true, encoding: .utf8)
        let inputs = BatchInputs.collect([Project.path("Examples"), folder + "/empty.yaml"]).files
        let out = folder + "/out"
        _ = try await runBatch(inputs, out: out, reports: .none)
        let engine = Engine(catalog: Project.catalog, words: Project.words)
        var summary = DashboardSummary(tables: [])
        for file in inputs {
            do {
                summary.tables += try engine.audit(path: file).map { DashboardSummary.Table($0, report: "") }
            } catch let error as InputError {
                summary.unreadable.append(DashboardSummary.Unreadable(ErrorRecord(error, file: file, language: .zh)))
            }
        }
        #expect(summary.tables.count > 5 && summary.unreadable.count == 1)
        // The batch's page also names its run (name, start, inputs, rubrics) under the title.
        var streamed = try read(out + "/index.html")
        let facts = try #require(streamed.range(of: #"<dl class="facts">[\s\S]*?</dl>\n"#, options: .regularExpression))
        #expect(streamed[facts].contains("<dt>开始时间</dt>"))
        streamed.removeSubrange(facts)
        #expect(streamed == Dashboard.render(summary, language: .zh))
    }

    /// Rows come in input order whatever the scheduling; a rerun writes the same bytes.
    @Test func outputsAreStableAcrossRunsAndJobCounts() async throws {
        let folder = try scratchFolder("stable")
        try Synth(seed: 5, mistakeRate: 0.4).write(count: 20, to: folder + "/in")
        _ = try await runBatch([folder + "/in", Project.path("Examples")], out: folder + "/one", jobs: 1)
        _ = try await runBatch([folder + "/in", Project.path("Examples")], out: folder + "/four", jobs: 4)
        for name in ["summary.csv", "findings.csv", "errors.csv"] {
            #expect(try read(folder + "/one/" + name) == read(folder + "/four/" + name), "\(name) differs")
        }
        func withoutRun(_ text: String) -> String { String(text[..<text.range(of: "\"run\":")!.lowerBound]) }
        #expect(withoutRun(try read(folder + "/one/summary.json")) == withoutRun(try read(folder + "/four/summary.json")))
        let reports = BatchInputs.collect([folder + "/one/reports"]).files
        #expect(reports.count == 20 + 6)
        for report in reports {
            #expect(try read(report) == read(report.replacingOccurrences(of: folder + "/one/", with: folder + "/four/")))
        }
    }

    @Test func anUncommittedFileNeverAppearsUnderItsName() throws {
        let folder = try scratchFolder("atomic")
        do {
            let file = try OutputFile(path: folder + "/summary.csv")
            file.write("half a row")
            #expect(!FileManager.default.fileExists(atPath: folder + "/summary.csv"))
            #expect(FileManager.default.fileExists(atPath: folder + "/.summary.csv" + OutputFile.partialSuffix))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/.summary.csv" + OutputFile.partialSuffix), "dropped uncommitted file is removed")
        #expect(FileManager.default.createFile(atPath: folder + "/.left.csv" + OutputFile.partialSuffix, contents: Data("x".utf8)))
        #expect(OutputFile.removePartials(in: folder) == 1)
    }

    @Test func csvRoundTripsQuotesCommasAndLineBreaks() {
        let fields = ["市委老干部局", "a,b", "say \"hi\"", "two\nlines", "", "-1"]
        #expect(CSVText.rows("\u{FEFF}" + CSV.row(fields) + CSV.row(["x"])) == [fields, ["x"]])
    }

    /// OWASP's rule against formula injection: a cell that starts with = + - @, a tab or a
    /// carriage return is prefixed with `'`, also when it is quoted; plain numbers are kept.
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-1+1", "'-1+1"), ("\t=1+1", "'\t=1+1"),
        ("\r=1", "\"'\r=1\""), ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("-", "'-"), ("-1", "-1"), ("-12.50", "-12.50"), ("-3%", "-3%"), ("+2.5", "+2.5"), ("a=b", "a=b"), ("", ""),
    ])
    func csvCellsNeverRunAsFormulas(field: String, written: String) {
        #expect(CSV.row([field]) == written + "\r\n")
        let neutralised = written.hasPrefix("'") || written.hasPrefix("\"'") ? "'" + field : field
        #expect(CSVText.rows(CSV.row([field, "x"])) == [[neutralised, "x"]])
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

struct BatchInputsTests {
    /// A folder walk takes the files with a known extension, sorted by path, skips hidden files
    /// and folders, takes a link to a file but does not follow a link to a folder (links can
    /// loop), and keeps non-regular files (a named pipe) so they are reported, not ignored.
    /// A file reached twice, however its path is written, is taken once.
    @Test func aFolderWalkTakesWhatABatchReads() throws {
        let folder = try scratchFolder("walk")
        let manager = FileManager.default
        for name in ["sub/deeper", ".hidden-folder"] {
            try manager.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
        }
        for name in ["b.yaml", "A.TXT", ".hidden.yaml", "notes.pdf", "yaml", "sub/c.yml", "sub/deeper/d.xlsx", ".hidden-folder/e.yaml"] {
            #expect(manager.createFile(atPath: folder + "/" + name, contents: Data("x".utf8)))
        }
        try manager.createSymbolicLink(atPath: folder + "/link-to-b.yaml", withDestinationPath: folder + "/b.yaml")
        try manager.createSymbolicLink(atPath: folder + "/loop", withDestinationPath: folder)
        #expect(mkfifo(folder + "/pipe.yaml", 0o600) == 0)

        let found = BatchInputs.collect([folder]).files.map { String($0.dropFirst(folder.count + 1)) }
        #expect(found == ["A.TXT", "b.yaml", "link-to-b.yaml", "notes.pdf", "pipe.yaml", "sub/c.yml", "sub/deeper/d.xlsx"])
        // The others are listed, never skipped in silence.
        #expect(BatchInputs.collect([folder]).unsupported.map { String($0.dropFirst(folder.count + 1)) } == ["yaml"])

        let twice = BatchInputs.collect([
            folder + "/b.yaml", folder + "/sub/../b.yaml", folder + "//./b.yaml", folder + "/sub", folder + "/./sub/deeper/",
        ]).files
        #expect(twice == [folder + "/b.yaml", folder + "/sub/c.yml", folder + "/sub/deeper/d.xlsx"])
    }

    /// Every input has its own place in the reports folder: the usual one without the
    /// extension, the extension kept where two inputs would otherwise share a place, and no
    /// place that another input's later tables (`e-2`) could take.
    @Test func everyInputHasItsOwnReportPlace() {
        let bases = BatchInputs.reportBases(for: [
            "in/a.yaml", "in/a.txt", "in/b.yaml", "/in/c.yaml", "in/c.yaml", "in/d", "in/d.yaml", "in/a.yaml.txt",
            "in/e.txt", "in/e-2.yaml", "in/f-1.yaml", "in/g-.yaml",
        ])
        // Relative to the folder they all share (`in`).
        #expect(bases == ["a.yaml", "a.txt", "b", "c.yaml", "c.yaml_", "d", "d.yaml", "a.yaml_",
                          "e", "e-2_", "f-1", "g-"])
        #expect(Set(bases).count == bases.count)
        // An absolute path is not mirrored whole; inputs in several folders keep what tells them apart.
        #expect(BatchInputs.reportBases(for: ["/data/2024/a.yaml"]) == ["a"])
        #expect(BatchInputs.reportBases(for: ["/data/2024/x/a.yaml", "/data/2024/y/b.yaml"]) == ["x/a", "y/b"])
        #expect(BatchInputs.reportBases(for: ["/data/a.yaml", "other/b.yaml"]) == ["data/a", "other/b"])
    }

    /// The byte reading of the usual paths gives the general reading's place, and leaves the
    /// others (dot components, hidden names, a dot before a combining mark) to it.
    @Test func reportPlacesReadOnBytesAgree() {
        let paths = [
            "in/a.yaml", "/dev/shm/2024/t00001.yaml", "//a//b.c", "a.b.c", "a.", "a..b", "年度/岳阳市体育局.yaml", "x.\u{301}y",
            "./a.yaml", "a/../b.yaml", "a/./b", ".hidden.yaml", "in/.x", ".", "..", "/", "", "a/..", "noext", "a.yaml/",
            "é/ü.txt", "a/b.\u{301}", "d.\u{200D}x.yaml",
        ]
        var plain = 0
        for path in paths {
            guard let base = BatchInputs.plainReportBase(for: path) else { continue }
            plain += 1
            #expect(base == BatchInputs.generalReportBase(for: path), "\(path)")
        }
        #expect(plain >= 10)
        for path in ["./a.yaml", "a/../b.yaml", ".hidden.yaml", "x.\u{301}y", "", "/"] {
            #expect(BatchInputs.plainReportBase(for: path) == nil, "\(path)")
        }
    }

    /// Two inputs that differ only by their extension keep both reports.
    @Test func inputsDifferingByExtensionKeepBothReports() async throws {
        let folder = try scratchFolder("same-stem")
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Project.example("clean-project-2022.yaml"), toPath: folder + "/in/a.yaml")
        try FileManager.default.copyItem(atPath: Project.example("seed-003-department-2021.yaml"), toPath: folder + "/in/a.yml")
        _ = try await runBatch([folder + "/in"], out: folder + "/out")
        let reports = try FileManager.default.subpathsOfDirectory(atPath: folder + "/out/current/reports").filter { $0.hasSuffix(".md") }
        #expect(reports.count == 2)
        let pages = try reports.map { try String(contentsOfFile: folder + "/out/reports/" + $0, encoding: .utf8) }
        #expect(pages.contains { $0.contains("某市农业农村局") } && pages.contains { $0.contains("市委老干部局") })
    }
}

/// An error row echoes no more than a short excerpt of a message, control characters shown.
struct ErrorExcerptTests {
    @Test func errorRowsKeepAShortSanitisedExcerpt() {
        let value = String(repeating: "值", count: 100_000) + "\u{1B}[2J"
        let error = InputError(.invalidNumber, at: SourceLocation(file: "a.yaml", line: 3), field: "budget.executed",
                               message: LocalizedText(zh: "“\u{1B}]0;x\u{07}\(value)”不是数字", en: "'\(value)' is not a number"))
        let record = ErrorRecord(error, file: "a.yaml", language: .zh)
        #expect(record.message.count == ErrorRecord.excerptLength + 1)
        #expect(record.message.hasPrefix("“␛]0;x␇值值"))
        #expect(record.message.hasSuffix("…"))
        #expect(!record.message.unicodeScalars.contains { $0.value < 0x20 })
    }
}

/// Many unreadable inputs cost disk, not memory: their rows for the JSON and the dashboard
/// wait in scratch files, each with a short excerpt of its message.
struct StreamedErrorTests {
    @Test func errorRowsWaitOnDiskNotInMemory() throws {
        let out = try scratchFolder("stream-errors")
        var writer = try BatchWriter(options: BatchOptions(outputDirectory: out, runName: "t", tool: "t"), started: Date())
        let value = String(repeating: "值", count: 100_000)
        for index in 0..<300 {
            let file = "bad-\(index).yaml"
            let error = InputError(.invalidNumber, at: SourceLocation(file: file, line: 3), field: "budget.executed",
                                   message: LocalizedText(zh: "“\(value)”不是数字", en: "'\(value)' is not a number"))
            try writer.write(FileOutcome(index: index, file: file, sha256: nil, bytes: 0, tables: [],
                                         errors: [ErrorRecord(error, file: file, language: .zh)]))
        }
        // Written out past the scratch files' 64 KB buffers.
        for name in ["summary.json.errors", "index.html.unreadable"] {
            let size = (try FileManager.default.attributesOfItem(atPath: out + "/." + name + OutputFile.partialSuffix)[.size] as? Int) ?? 0
            #expect(size > 0 && size < 300 * 2_000, "\(name): \(size) bytes")
        }
        let summary = try writer.finish(duration: 0, rubrics: [])
        #expect(summary.errors == 300)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read(out + "/summary.json").utf8)) as? [String: Any])
        #expect((json["errors"] as? [[String: Any]])?.count == 300)
        #expect(try read(out + "/index.html").components(separatedBy: "<code>invalid-number</code>").count == 301)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasSuffix(OutputFile.partialSuffix) })
    }
}
