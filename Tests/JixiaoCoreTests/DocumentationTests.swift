import Foundation
import Testing
import JixiaoAudit
import JixiaoCore
import JixiaoTestSupport

/// The rules users read are in the repository (`Sources/JixiaoCore/Documentation.docc`), and
/// its catalogue of findings is the one the code explains (`jixiao explain`), so it cannot drift.
/// Regenerate the catalogue with `JIXIAO_RECORD_DOCS=1 swift test --filter DocumentationTests`.
struct DocumentationTests {
    static let catalogue = Project.path("Sources/JixiaoCore/Documentation.docc/Findings.md")

    static func render() -> String {
        var text = """
            # Findings

            Every finding code, its default severity, what it means and how to fix it.

            ## Overview

            The same text as `jixiao explain CODE` (generated from the code by `DocumentationTests`).
            A rubric or a context may raise or lower a severity; the codes never change.


            """
        for code in FindingCode.allCases {
            text += "### `\(code.rawValue)` — \(code.title.zh)\n\n"
            text += "\(code.title.en.prefix(1).uppercased() + code.title.en.dropFirst()). Severity: \(code.severity.rawValue) (\(code.severity.label.zh)).\n\n"
            text += code.explanation.zh.replacingOccurrences(of: "\n", with: "\n\n") + "\n\n"
            text += code.explanation.en.replacingOccurrences(of: "\n", with: "\n\n") + "\n\n"
        }
        return text
    }

    @Test func theFindingCatalogueIsTheCodes() throws {
        let rendered = Self.render()
        if ProcessInfo.processInfo.environment["JIXIAO_RECORD_DOCS"] == "1" {
            try rendered.write(toFile: Self.catalogue, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: Self.catalogue, encoding: .utf8)
        #expect(committed == rendered, "regenerate with JIXIAO_RECORD_DOCS=1 swift test --filter DocumentationTests")
    }

    /// Users follow the references they are given: none may point outside the repository.
    @Test func nothingUsersReadCitesAFileOutsideTheRepository() throws {
        var files = [Project.path("README.md")]
        for folder in ["Rubrics", "Rubrics/vocabulary", "Sources/JixiaoCore/Documentation.docc"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Project.path(folder))
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }.map { Project.path("\(folder)/\($0)") }
        }
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("DOMAIN.md"), "\(file) cites DOMAIN.md, which is not in the repository")
        }
    }
}

/// History times are stored in UTC and shown in the local time zone.
@Test func storedTimesAreShownInLocalTime() {
    let shown = LocalTime.display("2026-12-07T11:06:37Z")
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    formatter.timeZone = .current
    #expect(shown == formatter.string(from: Date(timeIntervalSince1970: 1_796_641_597)))
    #expect(LocalTime.display("not a time") == "not a time")
}
