import Foundation
import Testing
@testable import JixiaoCore

/// The event reader either leaves an input to the tree reader or reads exactly what it reads;
/// `Submission.parse` answers as `Submission.parseTree` does, submission or error.
struct SubmissionEventReaderTests {
    /// What a reader made of an input.
    enum Outcome: Equatable, CustomStringConvertible {
        case read(Submission)
        case failed(InputError)

        init(_ read: () throws(InputError) -> Submission) {
            do { self = .read(try read()) } catch { self = .failed(error) }
        }

        var description: String {
            switch self {
            case .read(let submission): "read \(submission)"
            case .failed(let error): "failed \(error.code.rawValue) at \(error.location) \(error.field ?? "") \(error.message.en)"
            }
        }
    }

    /// Checks both readers on `bytes` and returns whether the event reader answered.
    @discardableResult
    static func compare(_ bytes: [UInt8], file: String = "test.yaml", _ comment: Comment? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let tree = Outcome { () throws(InputError) in try Submission.parseTree(bytes, file: file) }
        let fast: Submission?
        do {
            fast = try SubmissionEventReader.read(bytes, file: file)
        } catch {
            Issue.record("the event reader threw \(error.code.rawValue): \(error.message.en)", sourceLocation: sourceLocation)
            return false
        }
        if let fast {
            #expect(tree == .read(fast), comment, sourceLocation: sourceLocation)
        }
        #expect(Outcome { () throws(InputError) in try Submission.parse(bytes, file: file) } == tree, comment,
                sourceLocation: sourceLocation)
        return fast != nil
    }

    static func yamlFiles(under folder: String) -> [String] {
        let root = Project.path(folder)
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
    }

    static var examples: [String] { yamlFiles(under: "Examples") }

    /// Every YAML file in the repository's tests and rubrics: submissions, rubrics, broken
    /// rubrics and fuzzing seeds, most of which the event reader must leave to the tree reader.
    static var otherYAML: [String] {
        ["Tests/JixiaoCoreTests/Fixtures", "Tests/Fuzz/yaml", "Rubrics"].flatMap(yamlFiles(under:))
    }

    // MARK: Inputs the event reader reads

    @Test(arguments: examples)
    func readsTheExamples(_ path: String) throws {
        let bytes = try InputFile.read(Project.path(path))
        #expect(Self.compare(bytes, file: path), "fell back on \(path)")
    }

    @Test func readsSynthesisedTables() {
        let synth = Synth(seed: 20_000, mistakeRate: 0.5)
        for index in 0..<300 {
            let table = synth.generate(index: index)
            #expect(Self.compare(Array(table.yaml.utf8), file: "t\(index).yaml"), "fell back on table \(index)")
        }
    }

    /// Imported tables: a `source` block, `line:` on the rows, `notes` as a list.
    @Test(arguments: ["seed-000.txt", "seed-002.txt", "seed-003.txt", "tabbed-department.txt", "piped-project.txt",
                      "one-cell-per-line-project.txt", "pdf-project.txt"])
    func readsImportedTables(_ name: String) throws {
        let document = try Documents.imported(name)
        for (index, table) in document.tables.enumerated() {
            let yaml = SubmissionWriter.yaml(table, notes: document.notes.filter { $0.table == index + 1 })
            #expect(Self.compare(Array(yaml.utf8), file: "imported.yaml"), "fell back on \(name) table \(index + 1)")
        }
    }

    @Test(arguments: otherYAML)
    func agreesOnTheOtherYAMLFiles(_ path: String) throws {
        Self.compare(try InputFile.read(Project.path(path)), file: path)
    }

    // MARK: Hand-written cases

    static let base = """
        # a comment
        unit: 某单位   # a trailing comment
        level: project
        year: 2023
        budget:
          initial: 100
          adjusted: 100
          executed: 96.5
          points: 10
          rate: 96.50%
          score: 9.65
        categories:
          - name: 产出指标
            points: 50
            indicators:
              - subcategory: 数量指标
                name: 指标一
                target: 10 次
                actual: 10 次
                points: 90
                score: 90
                reason: 无
        total: {points: 100, score: 99.65}
        grade: 优
        """

    /// Edits of `base` the event reader reads itself.
    static let readEdits: [(String, String)] = [
        ("unit: 某单位   # a trailing comment", "unit: \"某单位\""),
        ("unit: 某单位   # a trailing comment", "unit: '某''单位'"),
        ("unit: 某单位   # a trailing comment", "unit: ~"),
        ("unit: 某单位   # a trailing comment", "unit: null"),
        ("unit: 某单位   # a trailing comment", "unit: Null"),
        ("unit: 某单位   # a trailing comment", "unit: NULL"),
        ("unit: 某单位   # a trailing comment", "unit:"),
        ("unit: 某单位   # a trailing comment", "unit: \"null\""),
        ("unit: 某单位   # a trailing comment", "unit: ''"),
        ("unit: 某单位   # a trailing comment", "unit: \"~\""),
        ("unit: 某单位   # a trailing comment", "unit: true"),
        ("unit: 某单位   # a trailing comment", "unit: 123"),
        ("unit: 某单位   # a trailing comment", "unit: \"a\\tb\\u00e9\""),
        ("unit: 某单位   # a trailing comment", "unit: |\n  第一行\n  第二行\n"),
        ("unit: 某单位   # a trailing comment", "unit: >\n  第一行\n  第二行\n"),
        ("unit: 某单位   # a trailing comment", "unit: |-\n  a\n\n  b\n\n"),
        ("unit: 某单位   # a trailing comment", "unit: >+\n  a\n  b\n\n"),
        ("unit: 某单位   # a trailing comment", "unit: a\n  continued plain"),
        ("unit: 某单位   # a trailing comment", "\"unit\": 某单位"),
        ("unit: 某单位   # a trailing comment", "? unit\n: 某单位"),
        ("unit: 某单位   # a trailing comment", "title: t\nproject: p\ndepartment: d\nimplementer: i\nregion: r\nrubric: national-2020"),
        ("unit: 某单位   # a trailing comment", "notes: just text"),
        ("unit: 某单位   # a trailing comment", "notes: [a, {b: [1, 2]}, [[c]]]"),
        ("unit: 某单位   # a trailing comment", "notes:\n  - one\n  - two: {three: 3}"),
        ("level: project", "level: department"),
        ("level: project", "level: \"project\""),
        ("year: 2023", "year: \"2023\""),
        ("year: 2023", "year: 2,023"),
        ("year: 2023", "year: ２０２３"),
        ("year: 2023", "year: 1990"),
        ("year: 2023", "year: 2100"),
        ("grade: 优", "grade: ~"),
        ("grade: 优", "grade: '良'"),
        ("grade: 优", "money: 元"),
        ("grade: 优", "money: 万元"),
        ("grade: 优", "money: ~"),
        ("grade: 优", "goals:\n  expected: 目标\n  achieved: |\n    完成"),
        ("grade: 优", "goals: ~"),
        ("grade: 优", "goals: {}"),
        ("grade: 优", "source: ~"),
        ("  rate: 96.50%", "  rate: 1"),
        ("  rate: 96.50%", "  rate: 0.9627"),
        ("  rate: 96.50%", "  rate: 96.27"),
        ("  rate: 96.50%", "  rate: \"96.3%\""),
        ("  rate: 96.50%", "  rate: 96.3 %"),
        ("  rate: 96.50%", "  rate: ~"),
        ("  rate: 96.50%", "  rate:"),
        ("  rate: 96.50%", ""),
        ("  score: 9.65", "  score: '9.65'"),
        ("  score: 9.65", "  score: ~"),
        ("  score: 9.65", ""),
        ("  adjusted: 100", "  adjusted: 1,234.5"),
        ("  adjusted: 100", "  adjusted: \"1,234.50\""),
        ("  adjusted: 100", "  adjusted: +100.00"),
        ("  adjusted: 100", "  adjusted: -0"),
        ("  adjusted: 100", "  adjusted: １００"),
        ("  initial: 100", "  initial: ~"),
        ("  initial: 100", "  line: 7"),
        ("  initial: 100", "  line: seven"),
        ("  initial: 100", "  line: [7]"),
        ("    points: 50\n", "    points: 50\n    line: {a: b}\n"),
        ("        reason: 无", "        reason: ~"),
        ("        reason: 无", "        reason: \"\""),
        ("        reason: 无", "        line: 3"),
        ("        score: 90", "        score: 90.0"),
        ("total: {points: 100, score: 99.65}", "total: ~"),
        ("total: {points: 100, score: 99.65}", "total:"),
        ("total: {points: 100, score: 99.65}", ""),
        ("total: {points: 100, score: 99.65}", "total: {}"),
        ("total: {points: 100, score: 99.65}", "total: {points: 100}"),
        ("total: {points: 100, score: 99.65}", "total: {points: 100, score: ~, line: 9}"),
        ("    indicators:\n", "    indicators: ~\n    line:\n"),
    ]

    @Test func readsEditsOfAPlainSubmission() {
        #expect(Self.compare(Array(Self.base.utf8)))
        for (from, to) in Self.readEdits {
            let text = Self.base.replacingOccurrences(of: from, with: to)
            #expect(text != Self.base, "\(from) → \(to)")
            let wasRead = Self.compare(Array(text.utf8), "\(from) → \(to)")
            let tree = try? Submission.parseTree(Array(text.utf8), file: "test.yaml")
            // What the tree reader reads without an error, the event reader reads too.
            #expect(wasRead == (tree != nil), "\(from) → \(to)")
        }
    }

    @Test func readsEverySpellingOfTheSameFile() {
        let spellings = [
            "\u{FEFF}" + Self.base,
            Self.base.replacingOccurrences(of: "\n", with: "\r\n"),
            "\u{FEFF}" + Self.base.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n",
            "---\n" + Self.base + "\n...\n",
            "%YAML 1.1\n---\n" + Self.base,
            Self.base + "\n# the end\n\n",
            """
            {unit: 某单位, level: project, year: 2023,
             budget: {adjusted: 100, executed: 96.5, points: 10, rate: 96.50%, score: 9.65},
             categories: [{name: 产出指标, indicators: [{name: 指标一, points: 90, score: 90}]}],
             total: {points: 100, score: 99.65}}
            """,
        ]
        for text in spellings {
            let wasRead = Self.compare(Array(text.utf8), "\(text.prefix(40).debugDescription)")
            #expect(wasRead, "fell back on \(text.prefix(40).debugDescription)")
        }
    }

    /// A `source` block makes rows' `line:` point into the document, wherever it is written.
    @Test func placesRowsInTheSourceDocument() {
        let source = "source: {file: doc.txt, table: 2, lines: \"10 - 40\"}\n"
        let lined = Self.base
            .replacingOccurrences(of: "  initial: 100", with: "  line: 12")
            .replacingOccurrences(of: "    points: 50\n", with: "    points: 50\n    line: 20\n")
            .replacingOccurrences(of: "        reason: 无", with: "        line: 21")
            .replacingOccurrences(of: "total: {points: 100, score: 99.65}", with: "total: {points: 100, score: 99.65, line: 30}")
        #expect(Self.compare(Array((source + lined).utf8)))
        #expect(Self.compare(Array(Self.base.replacingOccurrences(of: "grade: 优", with: source).utf8)))
        let placed = try? Submission.parse(Array((source + lined).utf8), file: "test.yaml")
        #expect(placed?.categories.first?.indicators.first?.location == SourceLocation(file: "doc.txt", line: 21))
        #expect(placed?.budget.rateLocation == SourceLocation(file: "doc.txt", line: 12))
        #expect(placed?.source?.firstLine == 10 && placed?.source?.lastLine == 40)
        // After the rows, or with a line that is not a number: left to the tree reader.
        Self.compare(Array((lined + "\n" + source).utf8))
        Self.compare(Array((source + lined.replacingOccurrences(of: "line: 20", with: "line: twenty")).utf8))
        Self.compare(Array((source + lined.replacingOccurrences(of: "line: 20", with: "line: [20]")).utf8))
        Self.compare(Array((source + lined.replacingOccurrences(of: "line: 20", with: "line: ~")).utf8))
        Self.compare(Array((lined.replacingOccurrences(of: "line: 20", with: "line: [20]") + "\n" + source).utf8))
        Self.compare(Array(("source: {table: 1}\n" + lined).utf8))
        Self.compare(Array(("source: {file: [a]}\n" + lined).utf8))
        Self.compare(Array(("source: {file: a, table: x}\n" + lined).utf8))
        Self.compare(Array(("source: {file: a, lines: [1]}\n" + lined).utf8))
        Self.compare(Array(("source: a\n" + lined).utf8))
    }

    /// Edits of `base` that the event reader leaves to the tree reader, whose error must stand.
    static let fallBackEdits: [(String, String)] = [
        ("unit: 某单位   # a trailing comment", "unit: &u 某单位"),
        ("unit: 某单位   # a trailing comment", "unit: &u 某单位\ntitle: *u"),
        ("unit: 某单位   # a trailing comment", "title: *nowhere"),
        ("unit: 某单位   # a trailing comment", "unit: !!str 123"),
        ("unit: 某单位   # a trailing comment", "unit: [a]"),
        ("unit: 某单位   # a trailing comment", "unit: {a: 1}"),
        ("unit: 某单位   # a trailing comment", "unitt: 某单位"),
        ("unit: 某单位   # a trailing comment", "Unit: 某单位"),
        ("unit: 某单位   # a trailing comment", "unit: a\nunit: b"),
        ("unit: 某单位   # a trailing comment", "? [unit]\n: 某单位"),
        ("unit: 某单位   # a trailing comment", "~: 某单位"),
        ("unit: 某单位   # a trailing comment", "unit: \"unclosed"),
        ("unit: 某单位   # a trailing comment", "unit:\t某单位\n\tbad: indent"),
        ("unit: 某单位   # a trailing comment", "notes: &n [a]"),
        ("unit: 某单位   # a trailing comment", "notes: [*n]"),
        ("unit: 某单位   # a trailing comment", "notes: !!seq [a]"),
        ("unit: 某单位   # a trailing comment", "notes: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)),
        ("level: project", "level: programme"),
        ("level: project", "level: ~"),
        ("level: project", ""),
        ("level: project", "level: [project]"),
        ("year: 2023", "year: 1989"),
        ("year: 2023", "year: 2101"),
        ("year: 2023", "year: 2023.0"),
        ("year: 2023", "year: 2023%"),
        ("year: 2023", "year: 二〇二三"),
        ("year: 2023", "year: 99999999999999999999"),
        ("year: 2023", "year: ~"),
        ("year: 2023", ""),
        ("grade: 优", "money: 美元"),
        ("grade: 优", "money: [元]"),
        ("grade: 优", "grade: [优]"),
        ("grade: 优", "goals: 目标"),
        ("grade: 优", "goals: {expected: [a]}"),
        ("grade: 优", "goals: {expect: a}"),
        ("grade: 优", "goals: {expected: a, expected: b}"),
        ("grade: 优", "budget: {adjusted: 1}"),
        ("grade: 优", "year: 2023"),
        ("  rate: 96.50%", "  rate: 96.50%%"),
        ("  rate: 96.50%", "  rate: [1]"),
        ("  rate: 96.50%", "  rates: 1"),
        ("  rate: 96.50%", "  rate: 1\n  rate: 2"),
        ("  adjusted: 100", "  adjusted: -100"),
        ("  adjusted: 100", "  adjusted: 1,2.3"),
        ("  adjusted: 100", "  adjusted: 1e400"),
        ("  adjusted: 100", "  adjusted: .inf"),
        ("  adjusted: 100", "  adjusted: \"\""),
        ("  initial: 100", "  initial: -0.01"),
        ("  initial: 100", "  line: *x"),
        ("budget:\n", "budget: ~\nx:\n"),
        ("budget:\n", "budget: 5\nx:\n"),
        ("budget:\n", "budget: [1]\nx:\n"),
        ("categories:\n", "categories: ~\nx:\n"),
        ("categories:\n", "categories: []\nx:\n"),
        ("categories:\n", "categories: {}\nx:\n"),
        ("categories:\n", "categories: text\nx:\n"),
        ("  - name: 产出指标\n", "  - text\n  - name: 产出指标\n"),
        ("  - name: 产出指标\n", "  - [a]\n  - name: 产出指标\n"),
        ("  - name: 产出指标\n", "  - name: ~\n"),
        ("  - name: 产出指标\n", "  - names: 产出指标\n"),
        ("  - name: 产出指标\n", "  - name: [产出指标]\n"),
        ("    points: 50\n", "    points: 五十\n"),
        ("    indicators:\n", "    indicators: 5\n    x:\n"),
        ("    indicators:\n", "    indicators: {a: 1}\n    x:\n"),
        ("      - subcategory: 数量指标\n", "      - 5\n      - subcategory: 数量指标\n"),
        ("        name: 指标一\n", ""),
        ("        name: 指标一\n", "        name: ~\n"),
        ("        name: 指标一\n", "        name: {a: 1}\n"),
        ("        name: 指标一\n", "        name: 指标一\n        name: 指标二\n"),
        ("        name: 指标一\n", "        name: 指标一\n        title: 指标二\n"),
        ("        score: 90", "        score: 满分"),
        ("        score: 90", "        score: [90]"),
        ("        target: 10 次", "        target: [10]"),
        ("total: {points: 100, score: 99.65}", "total: 100"),
        ("total: {points: 100, score: 99.65}", "total: [100]"),
        ("total: {points: 100, score: 99.65}", "total: {points: 100, scores: 99.65}"),
        ("total: {points: 100, score: 99.65}", "total: {points: 100, score: x}"),
        ("total: {points: 100, score: 99.65}", "total: &t {points: 100}"),
        ("total: {points: 100, score: 99.65}", "total: !!map {points: 100}"),
        ("grade: 优", "grade: 优\n---\nunit: again"),
        ("grade: 优", "grade: 优\n--- ~"),
        ("grade: 优", "grade: 优\n---\n"),
        ("grade: 优", "grade: 优\n]"),
    ]

    @Test func leavesUnusualInputToTheTreeReader() {
        for (from, to) in Self.fallBackEdits {
            let text = Self.base.replacingOccurrences(of: from, with: to)
            #expect(text != Self.base, "\(from) → \(to)")
            let wasRead = Self.compare(Array(text.utf8), "\(from) → \(to)")
            #expect(!wasRead, "read \(from) → \(to)")
        }
    }

    @Test(arguments: ["", " ", "\n\n", "# only a comment\n", "~\n", "null", "---\n", "---\n...\n", "--- ~\n--- ~\n",
                      "a scalar", "[a, list]", "- a\n- list\n", "\u{FEFF}", "{}", "{unit: x}", "...", "%YAML 1.1\n",
                      "\"unclosed", "key: [", "\u{1}", "unit: x\n---\nunit: y\n", "--- !!map\nunit: x\n"])
    func leavesOddFilesToTheTreeReader(_ text: String) {
        let wasRead = Self.compare(Array(text.utf8), "\(text.debugDescription)")
        #expect(!wasRead, "read \(text.debugDescription)")
    }

    @Test func leavesBytesThatAreNotUTF8ToTheTreeReader() throws {
        var bytes = Array(Self.base.utf8)
        let at = try #require(bytes.firstIndex { $0 >= 0x80 })
        bytes[at] = 0xFF
        let wasRead = Self.compare(bytes)
        #expect(!wasRead)
    }

    /// Out of time, the event reader stops with the tree reader's error instead of handing the
    /// file over to it.
    @Test func stopsWhenTimeRunsOut() {
        let yaml = Array((Self.base + "\nnotes:\n" + String(repeating: "  - a\n", count: 2 * Deadline.Ticker.interval)).utf8)
        #expect(Self.compare(yaml))
        #expect {
            try Deadline.$current.withValue(Deadline(timeout: .zero)) { try SubmissionEventReader.read(yaml, file: "long.yaml") }
        } throws: {
            ($0 as? InputError) == Deadline(timeout: .zero).error(file: "long.yaml")
        }
    }

    /// Line-level mutations of real tables (a line dropped, repeated, moved, or its value
    /// replaced with something unusual): whatever the result, both readers agree.
    @Test func agreesOnMutatedTables() throws {
        let values = ["~", "\"\"", "[1]", "{a: 1}", "&x 1", "*x", "!!str 1", "1,234.5", "5%", "-3", "|\n  text",
                      "'quoted'", "true", "2023", "２０２３", "1e3", "\"", "[", "x: y"]
        var random = SplitMix64(seed: 5)
        var sources = try Self.examples.map { String(decoding: try InputFile.read(Project.path($0)), as: UTF8.self) }
        sources += (0..<10).map { Synth(seed: 3).generate(index: $0).yaml }
        var read = 0
        for round in 0..<600 {
            var lines = sources[round % sources.count].components(separatedBy: "\n")
            let at = random.below(lines.count)
            switch random.below(4) {
            case 0: lines.remove(at: at)
            case 1: lines.insert(lines[at], at: at)
            case 2: lines.swapAt(at, random.below(lines.count))
            default:
                if let colon = lines[at].firstIndex(of: ":") {
                    lines[at] = String(lines[at][...colon]) + " " + values[random.below(values.count)]
                }
            }
            if Self.compare(Array(lines.joined(separator: "\n").utf8), "round \(round)") { read += 1 }
        }
        // Most mutants still read; enough fall back to make the comparison count.
        #expect(read > 100 && read < 550, "\(read) of 600 read by the event reader")
    }
}
