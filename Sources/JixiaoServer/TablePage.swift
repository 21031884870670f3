import Foundation
import Hummingbird
import JixiaoBase
import JixiaoAudit
import JixiaoCore

/// A finding with where it is in the file the reviewer holds, as a table's page lists it.
package struct PlacedFinding: Sendable {
    package var severity: String
    package var code: String
    package var path: String
    /// `第 12 行` of a text or YAML file or a workbook, `第 3 页` of a PDF, `表 1 第 9 行` of a
    /// web page or Word document; another file's name and line; `—` for the whole file.
    package var place: String
    package var message: String

    /// `file` is the path the table was read from: a location in it is shown without the path,
    /// and the path in a message as `shown` (the client's or generated name, never the data folder).
    package init(_ finding: Finding, file: String, shown: String, language: Language) {
        severity = finding.severity.rawValue
        code = finding.code.rawValue
        path = finding.path
        message = finding.message.text(language).replacingOccurrences(of: file, with: shown)
        place = Self.place(finding.location, file: file, language: language)
    }

    static func place(_ location: SourceLocation, file: String, language: Language) -> String {
        guard location.line > 0 else { return "—" }
        guard location.file == file else { return (location.file as NSString).lastPathComponent + ":" + String(location.line) }
        if let place = location.place { return place.text(language) }
        return language == .zh ? "第 \(location.line) 行" : "line \(location.line)"
    }
}

/// The original file of a table, served for download: only a file inside the data folder
/// (an upload, under its generated name); a path from a client is never used.
package enum OriginalFile {
    /// Whether `path` lies inside `folder`, after resolving `..` and symbolic links.
    package static func isInside(_ path: String, folder: String) -> Bool {
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        return file.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The file as an attachment named by its generated name, or nil when it is not in the data folder or gone.
    package static func response(_ path: String, dataDirectory: String) -> Response? {
        guard isInside(path, folder: dataDirectory), let data = FileManager.default.contents(atPath: path) else { return nil }
        let name = (path as NSString).lastPathComponent
        let ascii = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }))
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        var fields = Page.headers("application/octet-stream")
        fields[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Views {
    /// What a table's page adds above its report: a link to the original file, each finding's
    /// place in it, and the table's totals in the other years the history has.
    package static func tablePanel(original: String?, name: String, findings: [PlacedFinding], years: [UnitYear], language: Language) -> String {
        let zh = language == .zh
        let cell = "border-bottom:1px solid #d1d9e0;padding:.25rem .5rem;text-align:left;vertical-align:top"
        // Folded, so the report's conclusion stays at the top of the page.
        var out = "<section class=\"jixiao-serve-table\" style=\"max-width:1200px;margin:.8rem auto;padding:0 1rem;font:14px/1.5 system-ui,sans-serif\">"
        out += "<p>\(zh ? "原文件" : "Original file")：<code>\(e(name))</code>"
        if let original {
            out += " <a id=\"original\" href=\"\(e(original))\" download>\(zh ? "下载原文件" : "Download the original")</a>"
        }
        out += "</p>"
        if !findings.isEmpty {
            out += "<details id=\"places\"><summary>\(zh ? "问题在原文件中的位置（\(findings.count) 个）" : (findings.count == 1 ? "Where the finding is in the original file" : "Where the \(findings.count) findings are in the original file"))</summary>"
            out += "<table style=\"border-collapse:collapse;width:100%\"><thead><tr><th style=\"\(cell)\">\(zh ? "位置" : "Where")</th><th style=\"\(cell)\">\(zh ? "严重程度" : "Severity")</th><th style=\"\(cell)\">\(zh ? "问题" : "Finding")</th><th style=\"\(cell)\">\(zh ? "指标" : "Field")</th><th style=\"\(cell)\">\(zh ? "说明" : "Message")</th></tr></thead><tbody>"
            for finding in findings {
                out += "<tr><td style=\"\(cell);white-space:nowrap\">\(e(finding.place))</td><td style=\"\(cell)\">\(severity(finding.severity, language))</td><td style=\"\(cell)\">\(code(finding.code, language))</td><td style=\"\(cell)\">\(e(finding.path))</td><td style=\"\(cell)\">\(e(finding.message))</td></tr>"
            }
            out += "</tbody></table></details>"
        }
        if Set(years.map(\.year)).count > 1 {
            out += "<details id=\"years\"><summary>\(zh ? "本表历年总分（历史数据库，\(Set(years.map(\.year)).count) 个年度）" : "This table's totals across \(Set(years.map(\.year)).count) years (history)")</summary>"
            out += trend(years, language: language)
            out += "<table style=\"border-collapse:collapse\"><tbody>"
            for year in years {
                out += "<tr><td style=\"\(cell)\">\(year.year)</td><td style=\"\(cell)\">\(zh ? "所填" : "claimed") \(e(year.totalClaimed ?? "—"))</td><td style=\"\(cell)\">\(zh ? "按规则" : "by the rules") \(e(year.totalRecomputed ?? year.totalComputed ?? "—"))</td><td style=\"\(cell)\">\(e(year.gradeClaimed ?? "—")) → \(e(year.gradeRecomputed ?? "—"))</td><td style=\"\(cell)\"><a href=\"/runs/\(year.run)\">\(zh ? "运行" : "run") \(year.run)</a></td></tr>"
            }
            out += "</tbody></table></details>"
        }
        return out + "</section>\n"
    }

    /// `page` (a report with the link bar of `report(_:links:caption:)`) with `panel` after the bar.
    package static func withPanel(_ page: String, _ panel: String) -> String {
        guard let bar = page.range(of: "</nav>\n") else { return panel + page }
        return page.replacingCharacters(in: bar, with: "</nav>\n" + panel)
    }

    /// The years of the history whose table is this one: the same unit, level and project.
    package static func sameTable(_ years: [UnitYear], unit: String, level: String, project: String?) -> [UnitYear] {
        years.filter { $0.unit == unit && $0.level == level && ($0.project ?? "") == (project ?? "") }.sorted { $0.year < $1.year }
    }
}
