import Foundation
import Testing
@testable import JixiaoCore

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
        let yaml = Array((Self.base + "\nnotes:\n" + String(repeating: "  - a\n", count: 2 * Deadline.Ticker.interval)).utf8)
        #expect(throws: Never.self) { try Submission.parse(yaml, file: "long.yaml") }
        #expect {
            try Deadline.$current.withValue(Deadline(timeout: .zero)) { try Submission.parse(yaml, file: "long.yaml") }
        } throws: {
            ($0 as? InputError) == Deadline(timeout: .zero).error(file: "long.yaml")
        }
    }
}
