import Foundation
import Testing
import JixiaoAudit
@testable import JixiaoCore
import JixiaoTestSupport

/// Random invented tables (`LayoutTable`) as web pages (`LayoutRenderer.html`), converted by
/// LibreOffice to .docx and .xlsx as users' files are made, audit exactly like their page: the
/// same findings, rate, budget score, total and grade, every indicator read. One soffice run
/// converts all the pages to .docx and one to .xlsx (a few seconds each); skipped without soffice.
struct ConvertedLayoutTests {
    /// Fixed seeds, and four drawn for this run (named in any failure, to replay it).
    static let seeds: [UInt64] = [3, 8, 13, 21] + (0..<4).map { _ in UInt64.random(in: 1...1_000_000) }

    @Test(.enabled(if: Formats.soffice != nil))
    func convertedTablesAuditLikeTheirPage() throws {
        let folder = try scratchFolder("layouts")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pages = try Self.seeds.map { seed in
            let page = folder + "/seed-\(seed).htm"
            try LayoutRenderer.html(LayoutTable(seed: seed)).write(toFile: page, atomically: true, encoding: .utf8)
            return page
        }
        try Self.soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", folder + "/docx"] + pages, profile: folder + "/profile")
        try Self.soffice(["--infilter=HTML (StarCalc)", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder + "/xlsx"] + pages,
                         profile: folder + "/profile")

        let engine = Engine(catalog: Project.catalog, words: Project.words)
        for (seed, page) in zip(Self.seeds, pages) {
            let table = LayoutTable(seed: seed)
            let source = try #require(try engine.audit(path: page).first, "seed \(seed)")
            #expect(source.scorecard.coverage.indicatorsRead == table.indicators.count, "seed \(seed): the page reads whole")
            #expect(source.findings.allSatisfy { $0.severity == .info }, "seed \(seed): a clean table")
            for kind in ["docx", "xlsx"] {
                let converted = "\(folder)/\(kind)/seed-\(seed).\(kind)"
                let results = try engine.audit(path: converted)
                #expect(results.count == 1, "seed \(seed) .\(kind)")
                guard let result = results.first else { continue }
                #expect(result.positionFree == source.positionFree, "seed \(seed) .\(kind)")
                #expect(result.scorecard.coverage.indicatorsRead == table.indicators.count, "seed \(seed) .\(kind)")
            }
        }
    }

    /// Runs soffice headless with a profile of its own; fails on a non-zero exit.
    static func soffice(_ arguments: [String], profile: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Formats.soffice))
        process.arguments = ["--headless", "--norestore", "-env:UserInstallation=" + URL(fileURLWithPath: profile).absoluteString] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "soffice \(arguments.prefix(2).joined(separator: " ")) failed")
    }
}
