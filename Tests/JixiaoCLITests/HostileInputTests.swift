import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Inputs written by an attacker: names that carry terminal escapes, files that are not files.
struct HostileInputTests {
    private static func scratch(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "jixiao-hostile/\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the clean example whose unit and first indicator name hold escape sequences
    /// (a window title, a screen erase, a bell), in YAML's own escapes.
    private static func escapingTable(in folder: String) throws -> String {
        let source = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        let hostile = source
            .replacingOccurrences(of: "unit: 某市农业农村局", with: #"unit: "某市农业农村局\e]0;pwned\a\e[2J""#)
            .replacingOccurrences(of: "name: 农村户厕改造户数", with: #"name: "农村户厕改造户数\e[8m""#)
            .replacingOccurrences(of: "score: 9.62", with: "score: 9.5")
        let path = folder + "/escapes.yaml"
        try hostile.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [["audit"], ["score", "--explain"], ["audit", "--lang", "en"]])
    func textOutputNeverSendsControlCharacters(command: [String]) throws {
        let file = try Self.escapingTable(in: try Self.scratch("escapes"))
        let output = try CLI.run(command + [file])
        #expect([0, 1].contains(output.status), "\(output.stderr)")
        #expect(output.stdout.contains("某市农业农村局␛]0;pwned␇␛[2J"))
        for text in [output.stdout, output.stderr] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(text.debugDescription)")
        }
        if command.contains("--explain") { #expect(output.stdout.contains("农村户厕改造户数␛[8m")) }
    }

    /// An input error that echoes the offending value shows it, not its escapes.
    @Test func inputErrorsNeverSendControlCharacters() throws {
        let folder = try Self.scratch("error-escapes")
        let source = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        try source.replacingOccurrences(of: "executed: 336.70", with: #"executed: "\e]0;pwned\a""#)
            .write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let output = try CLI.run("audit", folder + "/bad.yaml")
        #expect(output.status == 2)
        #expect(!output.stderr.isEmpty)
        #expect(!output.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(output.stderr.debugDescription)")
    }
}

/// A named pipe given to `audit` is refused at once instead of waiting for a writer forever.
struct NamedPipeTests {
    @Test func aNamedPipeIsRefusedNotWaitedFor() throws {
        let folder = NSTemporaryDirectory() + "jixiao-hostile/fifo-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(mkfifo(folder + "/pipe.yaml", 0o600) == 0)
        let output = try CLI.run("audit", folder + "/pipe.yaml")
        #expect(output.status == 2)
        #expect(output.stderr.contains("pipe.yaml"))
        #expect(output.stderr.contains("错误[unreadable-file]: 这不是普通文件（命名管道、设备或套接字），未读取"))
    }
}

/// A batch never reads its own outputs back: not its `--out` inside the walked folder, nor a
/// folder where an earlier run wrote (it holds the run's marker file).
struct OutputFolderTests {
    @Test func aBatchInsideItsInputsNeverReadsItsReports() throws {
        let folder = NSTemporaryDirectory() + "jixiao-hostile/self-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        for name in ["seed-003-department-2021.yaml", "clean-project-2022.yaml"] {
            try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("Examples/" + name).path, toPath: folder + "/in/" + name)
        }
        func tables(_ out: String) -> Int {
            let text = (try? String(contentsOfFile: out + "/summary.csv", encoding: .utf8)) ?? ""
            return text.split(separator: "\r\n").count - 1
        }
        for _ in 0..<2 {
            let output = try CLI.run("batch", folder + "/in", "--out", folder + "/in/Reports", "--quiet")
            #expect(output.status == 1, "\(output.stderr)")
            #expect(tables(folder + "/in/Reports") == 2)
        }
        // Another run over the same folder, written elsewhere, skips the first run's folder too.
        let output = try CLI.run("batch", folder + "/in", "--out", folder + "/elsewhere", "--quiet")
        #expect(output.status == 1, "\(output.stderr)")
        #expect(tables(folder + "/elsewhere") == 2)
        let errors = (try? String(contentsOfFile: folder + "/elsewhere/errors.csv", encoding: .utf8)) ?? ""
        #expect(!errors.contains("Reports/"), "\(errors)")
    }
}

/// A link in a walked folder to a file outside it is listed, not read, unless --follow-links;
/// nothing of the file it points to reaches the outputs.
struct LinkTests {
    @Test func linksOutOfTheFolderAreNotFollowed() throws {
        let folder = NSTemporaryDirectory() + "jixiao-hostile/links-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/private", withIntermediateDirectories: true)
        try "root:x:0:0:secret-line-never-echoed:/root:/bin/bash\n".write(toFile: folder + "/private/passwd", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path,
                                         toPath: folder + "/in/clean.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/in/passwd.txt", withDestinationPath: folder + "/private/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder + "/in/same.yaml", withDestinationPath: "clean.yaml")

        let output = try CLI.run("batch", folder + "/in", "--out", folder + "/out", "--quiet")
        #expect(output.status == 0, "\(output.stderr)")
        let errors = try String(contentsOfFile: folder + "/out/errors.csv", encoding: .utf8)
        #expect(errors.contains("passwd.txt,link-outside-folder,0,0,,“passwd.txt”是指向所读文件夹之外的链接，未读取"))
        #expect(try String(contentsOfFile: folder + "/out/summary.csv", encoding: .utf8).contains("same.yaml"), "a link inside is read")
        for name in ["errors.csv", "summary.json", "index.html", "summary.csv", "findings.csv"] {
            #expect(!(try String(contentsOfFile: folder + "/out/" + name, encoding: .utf8)).contains("secret-line"), "\(name)")
        }

        let followed = try CLI.run("batch", folder + "/in", "--out", folder + "/followed", "--quiet", "--follow-links")
        #expect(followed.status == 2, "the linked file is read, and is no table")
        #expect(!(try String(contentsOfFile: folder + "/followed/errors.csv", encoding: .utf8)).contains("link-outside-folder"))
    }
}

/// A value too large to hold does not make its indicator vanish: it is reported, and the
/// number is named as too large.
struct HugeNumberTests {
    @Test func aNumberTooLargeIsNamedAndItsIndicatorReported() throws {
        let folder = NSTemporaryDirectory() + "jixiao-hostile/huge-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        try source.replacingOccurrences(of: "actual: 1260 户", with: "actual: 99999999999999999999999999999 户")
            .replacingOccurrences(of: "target: ≥ 300 人次", with: "target: ≥ 1e308 人次")
            .write(toFile: folder + "/huge.yaml", atomically: true, encoding: .utf8)
        let output = try CLI.run("audit", "--fail-on", "info", folder + "/huge.yaml")
        #expect(output.status == 1)
        #expect(output.stdout.contains("[unscored-indicator] 产出指标/数量指标/农村户厕改造户数"))
        #expect(output.stdout.contains("数字超出可精确计算的范围（至多 18 位，不用科学计数法）「99999999999999999999999999999」"), "\(output.stdout)")
        #expect(output.stdout.contains("[unscored-indicator] 产出指标/数量指标/改厕技术培训人次"))
        #expect(output.stdout.contains("「1e308」"))
    }
}

/// Clear messages, naming the file and the line, where a raw error or a wrong one was given.
struct ClearMessageTests {
    private static func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "jixiao-hostile/clear-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aSymlinkLoopIsNamed() throws {
        let folder = try Self.scratch()
        try FileManager.default.createSymbolicLink(atPath: folder + "/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b.yaml", withDestinationPath: "a.yaml")
        let output = try CLI.run("audit", folder + "/a.yaml")
        #expect(output.status == 2)
        #expect(output.stderr.contains("a.yaml: 错误[unreadable-file]: 符号链接构成循环，指不到文件"), "\(output.stderr)")
    }

    /// A file that is not SQLite, or an SQLite database of something else, is refused in
    /// words, and the foreign database is left exactly as it was.
    @Test func aDatabaseThatIsNoHistoryIsRefused() throws {
        let folder = try Self.scratch()
        try String(repeating: "not a database\n", count: 200).write(toFile: folder + "/text.sqlite", atomically: true, encoding: .utf8)
        for arguments in [["history", "--db", folder + "/text.sqlite"],
                          ["batch", "Examples/clean-project-2022.yaml", "--db", folder + "/text.sqlite", "--out", folder + "/o", "--quiet"]] {
            let output = try CLI.run(arguments)
            #expect(output.status == 2)
            #expect(output.stderr.contains("text.sqlite: 错误[unreadable-file]: 这不是 SQLite 数据库，或已损坏"), "\(output.stderr)")
        }
        // A history made elsewhere, then given a table of another program: no longer a history.
        let foreign = folder + "/foreign.sqlite"
        #expect(try CLI.run("batch", "Examples/clean-project-2022.yaml", "--db", folder + "/mine.sqlite", "--out", folder + "/o1", "--quiet").status == 0)
        if FileManager.default.isExecutableFile(atPath: SharedHistoryTests.sqlite3) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: SharedHistoryTests.sqlite3)
            process.arguments = [foreign, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');"]
            try process.run()
            process.waitUntilExit()
            let before = FileManager.default.contents(atPath: foreign)
            let output = try CLI.run("batch", "Examples/clean-project-2022.yaml", "--db", foreign, "--out", folder + "/o2", "--quiet", "--lang", "en")
            #expect(output.status == 2)
            #expect(output.stderr.contains("foreign.sqlite: error[unreadable-file]: this SQLite database is not a jixiao history; nothing was written to it"), "\(output.stderr)")
            #expect(FileManager.default.contents(atPath: foreign) == before)
        }
    }

    /// A small number is a number; one with more digits than can be held says so.
    @Test func smallAndOverlongNumbers() throws {
        let folder = try Self.scratch()
        let source = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        try source.replacingOccurrences(of: "  points: 10\n  rate: 96.20%", with: "  points: 10.000000000001\n  rate: 96.20%")
            .write(toFile: folder + "/small.yaml", atomically: true, encoding: .utf8)
        let small = try CLI.run("audit", folder + "/small.yaml")
        #expect(small.status != 2, "\(small.stderr)")
        try source.replacingOccurrences(of: "executed: 336.70", with: "executed: 0.0000000000000000001")
            .write(toFile: folder + "/long.yaml", atomically: true, encoding: .utf8)
        let long = try CLI.run("audit", folder + "/long.yaml")
        #expect(long.status == 2)
        #expect(long.stderr.contains("long.yaml:13:13: 错误[invalid-number]: budget.executed: “0.0000000000000000001”的位数超出可精确计算的范围"), "\(long.stderr)")
    }

    @Test func anUnknownRubricIsReportedAtItsLine() throws {
        let folder = try Self.scratch()
        let source = try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/clean-project-2022.yaml").path, encoding: .utf8)
        try source.replacingOccurrences(of: "year: 2022\n", with: "year: 2022\nrubric: no-such-rubric\n")
            .write(toFile: folder + "/rubric.yaml", atomically: true, encoding: .utf8)
        let output = try CLI.run("audit", folder + "/rubric.yaml")
        #expect(output.status == 2)
        #expect(output.stderr.contains("rubric.yaml:9:9: 错误[unknown-rubric]: rubric: 找不到评分规则“no-such-rubric”"), "\(output.stderr)")
    }
}
