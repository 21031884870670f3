import Foundation
import Testing
import JixiaoBase
@testable import JixiaoModel
import JixiaoTestSupport

/// How a submission file may be written: every spelling of the same table reads to the same
/// submission, rows point into the document named by `source`, and reading stops in time.
struct SubmissionReadingTests {
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

    @Test func readsEverySpellingOfTheSameFile() throws {
        let expected = try Project.submission(Self.base)
        let spellings = [
            "\u{FEFF}" + Self.base,
            Self.base.replacingOccurrences(of: "\n", with: "\r\n"),
            "\u{FEFF}" + Self.base.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n",
            "---\n" + Self.base + "\n...\n",
            "%YAML 1.1\n---\n" + Self.base,
            Self.base + "\n# the end\n\n",
            Self.base.replacingOccurrences(of: "unit: 某单位   # a trailing comment", with: "\"unit\": '某单位'"),
            Self.base.replacingOccurrences(of: "unit: 某单位   # a trailing comment", with: "? unit\n: 某单位"),
        ]
        for text in spellings {
            let bytes = try InputFile.decode(Array(text.utf8), file: "test.yaml")
            let read = try Submission.parse(bytes, file: "test.yaml")
            #expect(differences(read, expected) == [], "\(text.prefix(40).debugDescription)")
        }
        let flow = """
            {unit: 某单位, level: project, year: 2023,
             budget: {initial: 100, adjusted: 100, executed: 96.5, points: 10, rate: 96.50%, score: 9.65},
             categories: [{name: 产出指标, points: 50, indicators: [{subcategory: 数量指标, name: 指标一,
               target: 10 次, actual: 10 次, points: 90, score: 90, reason: 无}]}],
             total: {points: 100, score: 99.65}, grade: 优}
            """
        #expect(differences(try Project.submission(flow), expected) == [])
    }

    /// A `source` block makes rows' `line:` point into the document, wherever it is written.
    @Test func placesRowsInTheSourceDocument() throws {
        let source = "source: {file: doc.txt, table: 2, lines: \"10 - 40\"}\n"
        let lined = Self.base
            .replacingOccurrences(of: "  initial: 100", with: "  line: 12")
            .replacingOccurrences(of: "    points: 50\n", with: "    points: 50\n    line: 20\n")
            .replacingOccurrences(of: "        reason: 无", with: "        line: 21")
            .replacingOccurrences(of: "total: {points: 100, score: 99.65}", with: "total: {points: 100, score: 99.65, line: 30}")
        for text in [source + lined, lined + "\n" + source] {
            let placed = try Project.submission(text)
            #expect(placed.categories.first?.location == SourceLocation(file: "doc.txt", line: 20))
            #expect(placed.categories.first?.indicators.first?.location == SourceLocation(file: "doc.txt", line: 21))
            #expect(placed.budget.rateLocation == SourceLocation(file: "doc.txt", line: 12))
            #expect(placed.total.location == SourceLocation(file: "doc.txt", line: 30))
            #expect(placed.source?.table == 2 && placed.source?.firstLine == 10 && placed.source?.lastLine == 40)
        }
        // Without a source, rows are placed in the YAML file itself.
        let unplaced = try Project.submission(lined)
        #expect(unplaced.categories.first?.indicators.first?.location == SourceLocation(file: "test.yaml", line: 17, column: 9))
        #expect {
            _ = try Project.submission(source + lined.replacingOccurrences(of: "line: 20", with: "line: twenty"))
        } throws: { ($0 as? InputError)?.field == "categories[0].line" }
        #expect {
            _ = try Project.submission("source: {table: 1}\n" + lined)
        } throws: { ($0 as? InputError)?.field == "source.file" }
    }

    /// Out of time, the reader stops with the timed-out error.
    @Test func stopsWhenTimeRunsOut() {
        let yaml = Array((Self.base + "\nnotes:\n" + String(repeating: "  - a\n", count: 2 * TimeLimit.Ticker.interval)).utf8)
        #expect(throws: Never.self) { try Submission.parse(yaml, file: "long.yaml") }
        #expect {
            try TimeLimit.$current.withValue(TimeLimit(timeout: .zero)) { try Submission.parse(yaml, file: "long.yaml") }
        } throws: {
            ($0 as? InputError) == TimeLimit(timeout: .zero).error(file: "long.yaml")
        }
    }

    /// A value of the wrong kind is passed over whole: what follows it is still read as keys.
    @Test func aValueOfTheWrongKindIsPassedOverWhole() {
        let text = Self.base.replacingOccurrences(of: "level: project", with: "level: [project, {a: [b]}]")
        #expect {
            _ = try Project.submission(text)
        } throws: { error in
            let error = error as? InputError
            return error?.code == .wrongType && error?.field == "level" && error?.location.line == 3
        }
    }

    /// Of several problems, the one a reader of the schema meets first is reported, wherever it
    /// is written: the top mapping's keys, the year, the budget, the indicators, then the rest.
    @Test func theFirstProblemInTheSchemasOrderIsReported() {
        let late = Self.base
            .replacingOccurrences(of: "grade: 优", with: "grade: [优]")
            .replacingOccurrences(of: "        name: 指标一", with: "        nmae: 指标一")
        #expect { _ = try Project.submission(late) } throws: { ($0 as? InputError)?.field == "categories[0].indicators[0].nmae" }
        let noYear = late.replacingOccurrences(of: "year: 2023\n", with: "")
        #expect { _ = try Project.submission(noYear) } throws: { ($0 as? InputError)?.field == "year" }
        let unknownTop = noYear + "\nextra: 1\n"
        #expect { _ = try Project.submission(unknownTop) } throws: { ($0 as? InputError)?.code == .unknownKey }
        let badSyntax = unknownTop + "]\n"
        #expect { _ = try Project.submission(badSyntax) } throws: { ($0 as? InputError)?.code == .yamlSyntax }
    }

    @Test func anEmptyOrSeveralDocumentFileIsRefused() {
        for text in ["# only a comment\n", "~\n", "---\n"] {
            #expect { _ = try Project.submission(text) } throws: { ($0 as? InputError)?.code == .emptyFile }
        }
        #expect { _ = try Project.submission(Self.base + "\n---\nunit: again\n") } throws: { error in
            (error as? InputError)?.code == .yamlSyntax && (error as? InputError)?.location.line == 26
        }
    }

    /// An aliased indicator reads as a copy of its anchor's row.
    @Test func aliasesReadAsCopies() throws {
        let text = Self.base.replacingOccurrences(of: "      - subcategory: 数量指标", with: "      - &row\n        subcategory: 数量指标")
            .replacingOccurrences(of: "total: {", with: "  - name: 效益指标\n    indicators: [*row]\ntotal: {")
        let submission = try Project.submission(text)
        #expect(submission.categories.count == 2)
        #expect(submission.categories[1].indicators.first?.name == "指标一")
        #expect(submission.categories[1].indicators.first?.location.line == 25)
    }
}
