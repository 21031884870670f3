import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoAudit
import JixiaoReport
import JixiaoCore

/// The pages, written as HTML text: every value from a table, a file or a request goes through `Page.e`.
package enum Views {
    package enum Message {
        case noSuchUpload, noSuchTable, noSuchRun, noSuchRubric, nothingUploaded, alreadyStarted

        var text: LocalizedText {
            switch self {
            case .noSuchUpload: LocalizedText(zh: "没有这次上传（服务重启后，之前的上传结果需要重新上传）",
                                              en: "no such upload (after a restart, upload the files again)")
            case .noSuchTable: LocalizedText(zh: "没有这张表", en: "no such table")
            case .noSuchRun: LocalizedText(zh: "历史数据库中没有这次运行", en: "no such run in the history")
            case .noSuchRubric: LocalizedText(zh: "没有这个评分规则", en: "no such rubric")
            case .nothingUploaded: LocalizedText(zh: "没有上传任何可读取的文件", en: "no readable file was uploaded")
            case .alreadyStarted: LocalizedText(zh: "这次上传已经开始审核", en: "this upload is already being audited")
            }
        }
    }

    static let e = Page.e

    static func severity(_ raw: String, _ language: Language) -> String {
        let label = Severity(rawValue: raw)?.label.text(language) ?? raw
        return "<span class=\"sev-\(e(raw))\">\(e(label))</span>"
    }

    /// 部门整体支出 / 项目支出 for a stored level.
    static func level(_ raw: String, _ language: Language) -> String {
        EvaluationLevel(rawValue: raw)?.label.text(language) ?? raw
    }

    /// A finding code's name, the code itself in small type beside it.
    static func code(_ raw: String, _ language: Language) -> String {
        guard let code = FindingCode(rawValue: raw) else { return "<code>\(e(raw))</code>" }
        return "\(e(code.title.text(language))) <small><code>\(e(raw))</code></small>"
    }


    // MARK: Upload

    package static func upload(_ configuration: ServeConfiguration) -> String {
        let zh = configuration.language == .zh
        let accept = (UploadStore.tableExtensions.sorted() + ["zip"]).map { "." + $0 }.joined(separator: ",")
        let known = UploadStore.tableExtensions.sorted().map { "." + $0 }.joined(separator: " ")
        let main = """
            <form id="upload" class="panel" data-api="/api/jobs" data-max-files="\(configuration.maxFiles)" \
            data-none="\(zh ? "请先选择文件或文件夹" : "choose files or a folder first")" \
            data-too-many="\(zh ? "一次最多上传 \(configuration.maxFiles) 个文件" : "at most \(configuration.maxFiles) files at once")" \
            data-uploading="\(zh ? "正在上传" : "uploading")" data-auditing="\(zh ? "正在审核……" : "auditing…")" \
            data-failed="\(zh ? "上传失败：服务没有响应" : "the upload failed: the server did not answer")">
            <p><label>\(zh ? "选择文件（可多选）" : "Files (one or many)")<br><input type="file" id="files" name="files" multiple accept="\(accept)"></label></p>
            <p><label>\(zh ? "或选择一个文件夹" : "Or a folder")<br><input type="file" id="folder" name="folder" webkitdirectory multiple></label></p>
            <p><label><input type="checkbox" id="batch" name="batch"> \(zh ? "作为批量运行（写入历史数据库，可筛选、导出）" : "Run as a batch (stored in the history; filter and export)")</label></p>
            <p><button type="submit">\(zh ? "上传并审核" : "Upload and audit")</button></p>
            <p id="status" role="status" aria-live="polite"></p>
            </form>
            <noscript><p class="error">\(zh ? "上传文件需要启用 JavaScript。" : "Uploading needs JavaScript.")</p></noscript>
            <p class="muted">\(zh
                ? "可读取：\(known)，或装有这些文件的 .zip。每个文件最大 \(configuration.maxFileBytes >> 20) MB。不超过 \(configuration.smallFiles) 个文件时立即审核并显示报告；更多文件作为批量运行，显示进度，完成后可按单位、年度、层级、严重程度、问题代码筛选并导出。文件只保存在本机的数据目录中。"
                : "Reads \(known), or a .zip of them, at most \(configuration.maxFileBytes >> 20) MB each. Up to \(configuration.smallFiles) files are audited at once and their report shown; more run as a batch with a progress bar, then filter by unit, year, level, severity and finding code, and export. Files stay in this computer's data folder.")</p>
            """
        return Page.frame(zh ? "上传自评表" : "Upload tables", main, language: configuration.language)
    }

    // MARK: A job: its audited tables, or its batch's progress

    package static func progressText(_ progress: BatchProgress?, files: Int, language: Language) -> String {
        let done = progress?.filesDone ?? 0
        let tables = progress?.tablesDone ?? 0
        let errors = progress?.errors ?? 0
        return language == .zh ? "已审核 \(done) / \(files) 个文件，\(tables) 张表，\(errors) 个无法读取"
                               : "\(done) of \(files) files audited, \(tables) tables, \(errors) unreadable"
    }

    package static func job(_ job: Job, language: Language) -> String {
        let zh = language == .zh
        var out = ""
        switch job.state {
        case .collecting, .auditing, .running:
            out += """
                <div class="panel"><progress id="progress" data-job="\(e(job.id))" max="\(max(1, job.files.count))" value="\(job.progress?.filesDone ?? 0)"></progress>
                <p id="progress-text" role="status">\(e(progressText(job.progress, files: job.files.count, language: language)))</p>
                <p class="muted">\(zh ? "可以离开本页，稍后从“历史”页面查看结果。" : "You can leave this page and find the run on the History page later.")</p></div>
                """
        case .failed(let message):
            out += "<p class=\"error\">\(e(message))</p>"
        case .finished(let run):
            if let run { out += "<p><a class=\"button\" href=\"/runs/\(run)\">\(zh ? "查看运行结果" : "Open the run")</a></p>" }
        case .audited:
            break
        }
        if !job.refused.isEmpty {
            out += "<h2>\(zh ? "未接收的文件" : "Files refused")</h2><ul>"
            for refused in job.refused { out += "<li><code>\(e(refused.name))</code>: \(e(refused.reason))</li>" }
            out += "</ul>"
        }
        if !job.errors.isEmpty {
            out += "<h2>\(zh ? "无法读取" : "Could not be read")</h2>"
            for error in job.errors { out += "<pre class=\"error\">\(e(error))</pre>" }
        }
        if case .audited = job.state {
            let findings = job.tables.reduce(0) { $0 + $1.findings.count }
            out += "<p>\(zh ? "共 \(job.tables.count) 张表，\(findings) 个问题。" : "\(job.tables.count) tables, \(findings) findings.")"
            if findings > 0 {
                out += " <a class=\"button secondary\" href=\"/jobs/\(e(job.id))/findings.xlsx\" download>\(zh ? "导出 Excel" : "Export Excel")</a>"
                out += " <a class=\"button secondary\" href=\"/jobs/\(e(job.id))/findings.csv\" download>\(zh ? "导出 CSV" : "Export CSV")</a>"
            }
            out += "</p>"
            for (index, table) in job.tables.enumerated() {
                out += "<section class=\"card\"><h3><a href=\"/jobs/\(e(job.id))/tables/\(index + 1)\">\(e(table.heading.isEmpty ? table.clientName : table.heading))</a></h3>"
                out += "<p class=\"muted\">\(e(table.clientName)) · \(table.year) · \(e(level(table.level, language)))"
                if !table.totalClaimed.isEmpty { out += " · \(zh ? "总分" : "total") \(e(table.totalClaimed))" }
                if !table.grade.isEmpty { out += " · \(e(table.grade))" }
                out += "</p>"
                if table.findings.isEmpty {
                    out += "<p>\(zh ? "未发现问题" : "No finding")</p>"
                } else {
                    out += "<table><thead><tr><th>\(zh ? "严重程度" : "Severity")</th><th>\(zh ? "代码" : "Code")</th><th>\(zh ? "位置" : "Where")</th><th>\(zh ? "说明" : "Message")</th></tr></thead><tbody>"
                    for finding in table.findings {
                        out += "<tr><td>\(severity(finding.severity, language))</td><td>\(code(finding.code, language))</td><td>\(e(finding.path))</td><td>\(e(finding.message))</td></tr>"
                    }
                    out += "</tbody></table>"
                }
                out += "</section>"
            }
        }
        return Page.frame(zh ? "审核结果" : "Audit", out, language: language)
    }

    /// The `HTMLReport` page of a table, as written, with a bar of links put after `<body>`.
    package static func report(_ page: String, links: [(href: String, label: String)], caption: String) -> String {
        let style = "display:flex;flex-wrap:wrap;gap:1rem;padding:.5rem 1rem;background:#24292f;font:14px system-ui,sans-serif"
        var bar = "<nav class=\"jixiao-serve\" style=\"\(style)\">"
        for link in links {
            let download = link.href.hasSuffix(".xlsx") || link.href.hasSuffix(".csv") ? " download" : ""
            bar += "<a style=\"color:#fff\" href=\"\(e(link.href))\"\(download)>\(e(link.label))</a>"
        }
        bar += "<span style=\"color:#c9d1d9\">\(e(caption))</span></nav>\n"
        guard let body = page.range(of: "<body>") else { return bar + page }
        return page.replacingCharacters(in: body, with: "<body>\n" + bar)
    }

    package static func report(_ page: String, job: Job, table: Int, language: Language) -> String {
        let zh = language == .zh
        return report(page, links: [("/", zh ? "上传" : "Upload"), ("/jobs/\(job.id)", zh ? "本次上传" : "This upload"),
                                    ("/jobs/\(job.id)/findings.xlsx", zh ? "导出 Excel" : "Export Excel"),
                                    ("/jobs/\(job.id)/findings.csv", zh ? "导出 CSV" : "Export CSV")],
                      caption: job.tables[table - 1].clientName)
    }

    // MARK: A run

    /// A finding with its file shown by name when it lies in the data folder (the generated name).
    package static func shortened(_ row: FindingRow, dataDirectory: String) -> FindingRow {
        var row = row
        if row.file.hasPrefix(dataDirectory) { row.file = (row.file as NSString).lastPathComponent }
        return row
    }

    package static func run(_ header: RunHeader, filter: FindingFilter, page: FindingPage, dataDirectory: String, language: Language) -> String {
        let zh = language == .zh
        var out = "<p class=\"muted\">\(e(LocalTime.display(header.started))) · \(header.files) \(zh ? "个文件" : "files") · \(header.tables) \(zh ? "张表" : "tables") · \(header.errors) \(zh ? "个无法读取" : "unreadable")"
        if !header.complete { out += " · <span class=\"error\">\(zh ? "未完成" : "incomplete")</span>" }
        out += "</p>"

        func options(_ values: [String], selected: String, label: (String) -> String) -> String {
            (["<option value=\"\">\(zh ? "全部" : "all")</option>"] + values.map {
                "<option value=\"\(e($0))\"\($0 == selected ? " selected" : "")>\(e(label($0)))</option>"
            }).joined()
        }
        out += """
            <form class="panel filters" method="get" action="/runs/\(header.id)">
            <label>\(zh ? "单位 / 主管部门" : "Unit")<input type="search" name="unit" value="\(e(filter.unit))"></label>
            <label>\(zh ? "年度" : "Year")<select name="year">\(options(page.years.map(String.init), selected: filter.year.map(String.init) ?? "", label: { $0 }))</select></label>
            <label>\(zh ? "层级" : "Level")<select name="level">\(options(page.levels, selected: filter.level, label: { level($0, language) }))</select></label>
            <label>\(zh ? "严重程度" : "Severity")<select name="severity" id="severity">\(options(Severity.allCases.reversed().map(\.rawValue), selected: filter.severity, label: { Severity(rawValue: $0)?.label.text(language) ?? $0 }))</select></label>
            <label>\(zh ? "问题代码" : "Finding code")<select name="code">\(options(page.codes, selected: filter.code, label: { raw in FindingCode(rawValue: raw).map { "\($0.title.text(language))（\(raw)）" } ?? raw }))</select></label>
            <label>\(zh ? "名称搜索（文件、项目、单位）" : "Search (file, project, unit)")<input type="search" name="q" value="\(e(filter.search))"></label>
            <label>\(zh ? "等级" : "Grade")<select name="grade"><option value="">\(zh ? "全部" : "all")</option><option value="changed"\(filter.gradeChanged ? " selected" : "")>\(zh ? "所填等级与按规则不同" : "printed grade differs from the rules'")</option></select></label>
            <label>\(zh ? "排序" : "Sort")<select name="sort">\(FindingFilter.Sort.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == filter.sort ? " selected" : "")>\(e(sortLabel($0, language)))</option>" }.joined())</select></label>
            <button type="submit">\(zh ? "筛选" : "Filter")</button> <a href="/runs/\(header.id)">\(zh ? "清除" : "Clear")</a>
            </form>
            """
        let query = filter.queryString()
        out += "<div class=\"counts\" id=\"counts\"><span id=\"total\" data-total=\"\(page.total)\">\(zh ? "问题 \(page.total) 个，涉及 \(page.tables) 张表" : "\(page.total) findings in \(page.tables) tables")</span>"
        for severity in Severity.allCases.reversed() {
            out += "<span>\(Views.severity(severity.rawValue, language)) \(page.bySeverity[severity.rawValue] ?? 0)</span>"
        }
        out += "<a class=\"button secondary\" id=\"export-xlsx\" href=\"/runs/\(header.id)/findings.xlsx\(query.isEmpty ? "" : "?" + e(query))\" download>\(zh ? "导出 Excel" : "Export Excel")</a>"
        out += "<a class=\"button secondary\" id=\"export-csv\" href=\"/runs/\(header.id)/findings.csv\(query.isEmpty ? "" : "?" + e(query))\" download>\(zh ? "导出 CSV" : "Export CSV")</a></div>"

        out += charts(page, language: language)

        if page.rows.isEmpty {
            out += "<p>\(zh ? "没有符合条件的问题。" : "No finding matches.")</p>"
        } else {
            out += "<table id=\"findings\"><thead><tr><th>\(zh ? "单位" : "Unit")</th><th>\(zh ? "项目" : "Project")</th><th class=\"num\">\(zh ? "年度" : "Year")</th><th>\(zh ? "层级" : "Level")</th><th>\(zh ? "严重程度" : "Severity")</th><th>\(zh ? "代码" : "Code")</th><th>\(zh ? "位置" : "Where")</th><th>\(zh ? "说明" : "Message")</th><th>\(zh ? "文件" : "File")</th></tr></thead><tbody>"
            for row in page.rows.map({ shortened($0, dataDirectory: dataDirectory) }) {
                out += "<tr><td>\(e(row.unit))</td><td>\(e(row.project))</td><td class=\"num\">\(row.year)</td><td>\(e(level(row.level, language)))</td><td>\(severity(row.severity, language))</td><td>\(code(row.code, language))</td><td>\(e(row.path))</td><td>\(e(row.message))</td><td><a href=\"/runs/\(header.id)/results/\(row.result)\"><code>\(e(row.file))</code>\(row.table > 1 ? " #\(row.table)" : "")</a></td></tr>"
            }
            out += "</tbody></table>"
        }
        let pages = max(1, (page.total + FindingFilter.pageSize - 1) / FindingFilter.pageSize)
        out += "<div class=\"pager\">"
        if filter.page > 1 { out += "<a href=\"/runs/\(header.id)?\(e(filter.queryString(page: filter.page - 1)))\">← \(zh ? "上一页" : "previous")</a>" }
        out += "<span>\(zh ? "第 \(filter.page) / \(pages) 页" : "page \(filter.page) of \(pages)")</span>"
        if filter.page < pages { out += "<a href=\"/runs/\(header.id)?\(e(filter.queryString(page: filter.page + 1)))\">\(zh ? "下一页" : "next") →</a>" }
        out += "</div>"
        if !header.unreadable.isEmpty {
            out += "<h2>\(zh ? "无法读取的文件" : "Files that could not be read")</h2><table><tbody>"
            for item in header.unreadable {
                let file = item.file.hasPrefix(dataDirectory) ? (item.file as NSString).lastPathComponent : item.file
                out += "<tr><td><code>\(e(file))</code></td><td><code>\(e(item.code))</code></td><td>\(e(item.message))</td></tr>"
            }
            out += "</tbody></table>"
        }
        return Page.frame((zh ? "运行 " : "Run ") + "\(header.id) · " + header.name, out, language: language)
    }

    /// The findings matching the filter by severity and by finding code (named, the code beside),
    /// as the reports' inline SVG bar charts: drawn from the same query as the table, so they
    /// change with every filter.
    package static func charts(_ page: FindingPage, language: Language) -> String {
        let zh = language == .zh
        let severities = Severity.allCases.reversed().map(\.self)
        let series = severities.map { BarChart.Series(label: $0.label.text(language), cssClass: "sev-\($0.rawValue)") }
        var bySeverity: [String: Int] = [:]
        var byCode: [String: [String: Int]] = [:]
        for item in page.byCode {
            bySeverity[item.severity, default: 0] += item.count
            byCode[item.code, default: [:]][item.severity, default: 0] += item.count
        }
        let shownSeverities = severities.filter { bySeverity[$0.rawValue] != nil }
        let severityChart = BarChart(
            stackedID: "chart-severity", title: zh ? "问题按严重程度" : "Findings by severity",
            labels: shownSeverities.map { $0.label.text(language) }, series: series,
            values: shownSeverities.map { shown in severities.map { $0 == shown ? bySeverity[shown.rawValue] ?? 0 : 0 } })
        func total(_ code: String) -> Int { byCode[code]?.values.reduce(0, +) ?? 0 }
        let codes = byCode.keys.sorted { (total($0), $1) > (total($1), $0) }
        let codeChart = BarChart(
            stackedID: "chart-codes", title: zh ? "问题按代码" : "Findings by code",
            labels: codes.map { raw in FindingCode(rawValue: raw).map { zh ? "\($0.title.text(language))（\(raw)）" : "\($0.title.text(language)) (\(raw))" } ?? raw },
            series: series,
            values: codes.map { code in severities.map { byCode[code]?[$0.rawValue] ?? 0 } }, labelColumns: 48)
        return "<div class=\"charts\" id=\"charts\">" + severityChart.svg + codeChart.svg + "</div>"
    }

    static func sortLabel(_ sort: FindingFilter.Sort, _ language: Language) -> String {
        let zh = language == .zh
        switch sort {
        case .severity: return zh ? "严重程度" : "severity"
        case .unit: return zh ? "单位" : "unit"
        case .year: return zh ? "年度（新→旧）" : "year (newest first)"
        case .code: return zh ? "问题代码" : "finding code"
        case .file: return zh ? "文件" : "file"
        }
    }

    // MARK: History

    package static func history(runs: [StoredRun], unit: String, years: [UnitYear], language: Language) -> String {
        let zh = language == .zh
        var out = "<h2>\(zh ? "运行" : "Runs")</h2>"
        if runs.isEmpty {
            out += "<p>\(zh ? "历史数据库中还没有运行。" : "No run in the history yet.")</p>"
        } else {
            out += "<table><thead><tr><th class=\"num\">\(zh ? "运行" : "Run")</th><th>\(zh ? "名称" : "Name")</th><th>\(zh ? "开始时间" : "Started")</th><th>\(zh ? "年度" : "Years")</th><th class=\"num\">\(zh ? "文件" : "Files")</th><th class=\"num\">\(zh ? "表" : "Tables")</th><th class=\"num\">\(zh ? "无法读取" : "Unreadable")</th><th></th></tr></thead><tbody>"
            for run in runs.reversed() {
                out += "<tr><td class=\"num\"><a href=\"/runs/\(run.id)\">\(run.id)</a></td><td>\(e(run.name))</td><td>\(e(LocalTime.display(run.started)))</td><td>\(run.years.map(String.init).joined(separator: ", "))</td><td class=\"num\">\(run.files)</td><td class=\"num\">\(run.tables)</td><td class=\"num\">\(run.errors)</td><td>\(run.complete ? "" : (zh ? "未完成" : "incomplete"))</td></tr>"
            }
            out += "</tbody></table>"
        }
        out += """
            <h2>\(zh ? "单位历年情况" : "A unit across years")</h2>
            <form class="panel filters" method="get" action="/history"><label>\(zh ? "单位名称（全称或部分）" : "Unit (full name or part)")<input type="search" name="unit" value="\(e(unit))"></label><button type="submit">\(zh ? "查看" : "Show")</button></form>
            """
        if !unit.isEmpty {
            if years.isEmpty {
                out += "<p>\(zh ? "历史中没有单位“\(e(unit))”" : "no unit '\(e(unit))' in the history")</p>"
            } else {
                out += trend(years, language: language)
                out += "<table><thead><tr><th class=\"num\">\(zh ? "年度" : "Year")</th><th>\(zh ? "单位" : "Unit")</th><th>\(zh ? "项目" : "Project")</th><th class=\"num\">\(zh ? "总分（自评）" : "Total claimed")</th><th class=\"num\">\(zh ? "核定" : "By the rules")</th><th>\(zh ? "等级" : "Grade")</th><th class=\"num\">\(zh ? "问题" : "Findings")</th><th>\(zh ? "与往年对比" : "Across years")</th><th class=\"num\">\(zh ? "运行" : "Run")</th></tr></thead><tbody>"
                for year in years {
                    // The year-over-year checks' findings: copied from last year, full marks every year.
                    let across = [FindingCode.copiedFromLastYear, .alwaysFullMarks]
                        .filter { code in year.findings.contains { $0.code == code.rawValue } }
                        .map { "<span class=\"sev-info\">\(e($0.title.text(language)))</span>" }.joined(separator: " ")
                    out += "<tr><td class=\"num\">\(year.year)</td><td>\(e(year.unit))</td><td>\(e(year.project ?? "—"))</td><td class=\"num\">\(e(year.totalClaimed ?? "—"))</td><td class=\"num\">\(e(year.totalRecomputed ?? year.totalComputed ?? "—"))</td><td>\(e(year.gradeClaimed ?? "—")) → \(e(year.gradeRecomputed ?? "—"))</td><td class=\"num\">\(year.findings.count)</td><td>\(across)</td><td class=\"num\"><a href=\"/runs/\(year.run)\">\(year.run)</a></td></tr>"
                }
                out += "</tbody></table>"
            }
        }
        return Page.frame(zh ? "历史" : "History", out, language: language)
    }

    /// The claimed total of each table (unit, level, project) across years, as an inline SVG line chart.
    static func trend(_ years: [UnitYear], language: Language) -> String {
        let series = Dictionary(grouping: years) { "\($0.unit) · \($0.level)\($0.project.map { " · \($0)" } ?? "")" }
        let allYears = Array(Set(years.map(\.year))).sorted()
        guard let first = allYears.first, let last = allYears.last else { return "" }
        let width = 640.0, height = 220.0, left = 40.0, right = 16.0, top = 12.0, bottom = 28.0
        func x(_ year: Int) -> Double { last == first ? left + (width - left - right) / 2 : left + Double(year - first) / Double(last - first) * (width - left - right) }
        // The scale starts a little below the lowest total, so close scores stay apart.
        let totals = years.compactMap { ($0.totalClaimed ?? $0.totalRecomputed).flatMap(Double.init) }
        let low = max(0, ((totals.min() ?? 0) - 2) / 5).rounded(.down) * 5
        let step = max(1, ((100 - low) / 5).rounded(.up))
        func y(_ score: Double) -> Double { top + (1 - (score - low) / (100 - low)) * (height - top - bottom) }
        let colours = ["#1f6feb", "#b42318", "#1a7f37", "#9a6700", "#8250df", "#0b5cad"]
        var svg = "<svg role=\"img\" aria-label=\"\(language == .zh ? "历年总分" : "total by year")\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" style=\"max-width:\(Int(width))px\">"
        for score in stride(from: low, through: 100, by: step) {
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(score))\" y2=\"\(y(score))\" stroke=\"#d1d9e0\"/><text x=\"4\" y=\"\(y(score) + 4)\">\(Int(score))</text>"
        }
        for year in allYears { svg += "<text x=\"\(x(year) - 14)\" y=\"\(height - 8)\">\(year)</text>" }
        var legend = ""
        for (index, name) in series.keys.sorted().enumerated() {
            let colour = colours[index % colours.count]
            let points = (series[name] ?? []).sorted { $0.year < $1.year }.compactMap { year -> (Int, Double)? in
                guard let total = (year.totalClaimed ?? year.totalRecomputed).flatMap(Double.init) else { return nil }
                return (year.year, min(100, max(low, total)))
            }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " "))\"/>"
            for point in points {
                svg += "<circle cx=\"\(x(point.0))\" cy=\"\(y(point.1))\" r=\"3.5\" fill=\"\(colour)\"><title>\(e(name)) \(point.0): \(point.1)</title></circle>"
            }
            legend += "<li><span style=\"color:\(colour)\">●</span> \(e(name))</li>"
        }
        return svg + "</svg><ul class=\"muted\">\(legend)</ul>"
    }

    // MARK: Rubrics

    package static func rubrics(_ catalog: RubricCatalog, language: Language) -> String {
        let zh = language == .zh
        var out = "<table><thead><tr><th>\(zh ? "编号" : "Id")</th><th>\(zh ? "适用" : "Applies to")</th><th>\(zh ? "名称" : "Title")</th><th>\(zh ? "文件" : "File")</th></tr></thead><tbody>"
        for rubric in catalog.rubrics {
            out += "<tr><td><a href=\"/rubrics/\(e(rubric.id))\"><code>\(e(rubric.id))</code></a></td><td>\(e(RubricText.applies(rubric, language)))</td><td>\(e(rubric.title(language)))</td><td><code>\(e((rubric.file as NSString).lastPathComponent))</code></td></tr>"
        }
        out += "</tbody></table>"
        out += """
            <h2>\(zh ? "检查评分规则文件" : "Check a rubric file")</h2>
            <form id="rubric-check" class="panel" data-none="\(zh ? "请先选择文件" : "choose a file first")">
            <p><input type="file" id="rubric-file" accept=".yaml,.yml"> <button type="submit">\(zh ? "检查" : "Check")</button></p>
            <pre id="rubric-output" role="status"></pre>
            </form>
            <p class="muted">\(zh ? "与 jixiao rubric check 的输出相同：每个问题带行号、列号和提示。" : "The same output as jixiao rubric check: every problem with its line, column and hint.")</p>
            """
        return Page.frame(zh ? "评分规则" : "Rubrics", out, language: language)
    }
}
