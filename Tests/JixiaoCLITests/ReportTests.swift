import Foundation
import Testing

/// `audit --format html|markdown` against the committed examples, and the pages as a browser
/// renders them (headless Chromium, when installed).
struct ReportCommandTests {
    static let examples: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Examples").path)) ?? []
        return all.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test(arguments: examples)
    func htmlAndMarkdownMatchTheCommittedReports(example: String) throws {
        for (format, suffix) in [("html", "html"), ("markdown", "md")] {
            let output = try CLI.run("audit", "--format", format, "Examples/\(example).yaml")
            #expect(output.status <= 1, "\(output.stderr)")
            let committed = try String(contentsOf: CLI.root.appendingPathComponent("Reports/examples/\(example).\(suffix)"), encoding: .utf8)
            #expect(output.stdout == committed, "jixiao audit --format \(format) Examples/\(example).yaml differs from Reports/examples/\(example).\(suffix); run Reports/examples/regenerate.sh")
        }
    }

    @Test func englishOnRequest() throws {
        let output = try CLI.run("audit", "--format", "html", "--lang", "en", "Examples/seed-002-project-portal-2024.yaml")
        let committed = try String(contentsOf: CLI.root.appendingPathComponent("Reports/examples/en/seed-002-project-portal-2024.html"), encoding: .utf8)
        #expect(output.stdout == committed)
    }

    @Test func htmlTakesOneTable() throws {
        let output = try CLI.run("audit", "--format", "html", "Examples/clean-project-2022.yaml", "Examples/seed-000-department-2024.yaml")
        #expect(output.status == 2)
        #expect(output.stderr.contains("batch"))
    }
}

/// Renders the committed reports with headless Chromium: to PNG and PDF, with no console
/// errors, the totals in the page's text, and no horizontal overflow at A4 and phone widths.
@Suite(.serialized)
struct BrowserRenderingTests {
    static let chromium: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        print("BrowserRenderingTests skipped: chromium is not installed (.ci/run installs Debian's chromium package)")
        return nil
    }()

    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-browser-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func chromium(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func page(_ relative: String) -> URL { CLI.root.appendingPathComponent("Reports/examples/\(relative)") }

    /// Console messages Chromium logs with `--enable-logging=stderr`: errors and uncaught exceptions.
    static func consoleErrors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    }

    @Test(.enabled(if: chromium != nil), arguments: ReportCommandTests.examples)
    func reportRendersToPNGAndPDF(example: String) throws {
        let page = Self.page("\(example).html")
        let png = Self.scratch.appendingPathComponent("\(example).png")
        let pdf = Self.scratch.appendingPathComponent("\(example).pdf")
        let shot = try Self.chromium(["--screenshot=\(png.path)", "--window-size=1240,1754", page.absoluteString])
        #expect(shot.status == 0, "\(shot.stderr)")
        let pngBytes = try Data(contentsOf: png)
        #expect(pngBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && pngBytes.count > 20_000)
        let print = try Self.chromium(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString])
        #expect(print.status == 0, "\(print.stderr)")
        let pdfBytes = try Data(contentsOf: pdf)
        #expect(pdfBytes.starts(with: Array("%PDF".utf8)) && pdfBytes.count > 10_000)

        let dom = try Self.chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString])
        #expect(Self.consoleErrors(dom.stderr).isEmpty, "\(Self.consoleErrors(dom.stderr))")
        // The claimed and computed totals are in the page as loaded.
        let json = try CLI.json(try CLI.run("audit", "--format", "json", "Examples/\(example).yaml").stdout)
        let result = try #require((json["results"] as? [[String: Any]])?.first)
        let total = try #require(result["total"] as? [String: Any])
        for key in ["claimed", "computed", "recomputed"] {
            guard let value = total[key] as? NSNumber else { continue }
            let text = "\(value)"
            #expect(dom.stdout.contains(">\(text)</span>"), "\(example): total \(key) \(text) not in the page")
        }
    }

    @Test(.enabled(if: chromium != nil))
    func dashboardLoadsWithoutConsoleErrors() throws {
        let dom = try Self.chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", Self.page("index.html").absoluteString])
        #expect(dom.status == 0)
        #expect(Self.consoleErrors(dom.stderr).isEmpty, "\(Self.consoleErrors(dom.stderr))")
        for example in ReportCommandTests.examples {
            #expect(dom.stdout.contains("href=\"\(example).html\""))
        }
    }

    /// A very long Chinese indicator name and unit wrap inside their cells: the page is never
    /// wider than the window, at A4 print width (794 px) and at a phone's (390 px).
    @Test(.enabled(if: chromium != nil), arguments: [794, 390])
    func longChineseNamesWrap(width: Int) throws {
        let original = try String(contentsOf: Self.page("seed-003-department-2021.html"), encoding: .utf8)
        let long = String(repeating: "离休干部一人一策精准化个性化服务保障", count: 4)
        // Headless Chromium lays a page out at least 500 px wide, so the probe narrows the body
        // itself and compares the width of what is in it to the width it has.
        let probe = """
            <script>
            document.body.style.width = "\(width)px";
            document.title = "width " + document.body.scrollWidth + " of " + document.body.clientWidth;
            </script>
            </body>
            """
        let page = original.replacingOccurrences(of: "扶持单位数", with: long)
            .replacingOccurrences(of: "市委老干部局", with: "市委老干部局" + long)
            .replacingOccurrences(of: "</body>", with: probe)
        let file = Self.scratch.appendingPathComponent("long-\(width).html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let dom = try Self.chromium(["--window-size=\(max(width, 500)),1200", "--dump-dom", file.absoluteString])
        let title = try #require(dom.stdout.range(of: "<title>width ").map { dom.stdout[$0.upperBound...].prefix { $0 != "<" } })
        let numbers = title.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] <= numbers[1], "at \(width) px the page is \(title)")
        #expect(dom.stdout.contains(long))
    }
}

/// The README's JSON sample is real output, cut short: every key and value it shows is in what
/// `audit --format json` prints for the same example, so the sample cannot drift from the code.
@Test func theReadmeJSONSampleIsRealOutput() throws {
    let readme = try String(contentsOfFile: CLI.root.appendingPathComponent("README.md").path, encoding: .utf8)
    let start = try #require(readme.range(of: "```json\n"))
    let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
    let sample = try JSONSerialization.jsonObject(with: Data(readme[start.upperBound..<end.lowerBound].utf8))
    let output = try CLI.run("audit", "--format", "json", "Examples/seed-003-department-2021.yaml")
    let real = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))

    /// Whether `part` is `whole` with keys left out and lists shortened to some of their items.
    func isPart(_ part: Any, of whole: Any) -> Bool {
        switch (part, whole) {
        case (let part as [String: Any], let whole as [String: Any]):
            return part.allSatisfy { key, value in whole[key].map { isPart(value, of: $0) } ?? false }
        case (let part as [Any], let whole as [Any]):
            return part.allSatisfy { item in whole.contains { isPart(item, of: $0) } }
        case (let part as NSNumber, let whole as NSNumber):
            return part == whole
        case (let part as String, let whole as String):
            return part == whole
        case (is NSNull, is NSNull):
            return true
        default:
            return false
        }
    }
    #expect(isPart(sample, of: real), "the README's JSON sample differs from `jixiao audit --format json Examples/seed-003-department-2021.yaml`")
}
