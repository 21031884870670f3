import JixiaoBase

/// The batch dashboard (`index.html`): counts, grades claimed against recomputed, findings by
/// code and severity, a sortable table of every table linking to its report, and the inputs
/// that could not be read. Self-contained like the table reports; a little inline JavaScript
/// sorts the table.
public enum Dashboard {
    public static func render(_ summary: DashboardSummary, language: Language) -> String {
        let page = Page(DashboardTotals(summary.tables), unreadable: summary.unreadable.count, language: language)
        var out = page.head
        for table in summary.tables { out.append(row(table, language: language)) }
        out.append(page.tailOpening)
        for input in summary.unreadable { out.append(unreadableRow(input, language: language)) }
        return out + page.tailClosing
    }

    /// The page around the table of tables and the list of unreadable inputs: the table rows
    /// (`row`) go between `head` and `tailOpening`, the unreadable inputs (`unreadableRow`)
    /// between `tailOpening` and `tailClosing`. A batch writes both kinds of row as they come,
    /// to scratch files, and the rest once it has counted them all.
    public struct Page {
        public var head: String
        public var tailOpening: String
        public var tailClosing: String

        public init(_ totals: DashboardTotals, unreadable: Int, run: Run? = nil, language: Language) {
            let model = DashboardModel(totals, unreadable: unreadable, language: language)
            head = Dashboard.head(model, run: run, language: language)
            tailOpening = Dashboard.tailOpening(unreadable: unreadable, language: language)
            tailClosing = Dashboard.tailClosing(unreadable: unreadable, language: language)
        }
    }

    /// What the dashboard's header says of the run it shows.
    public struct Run: Sendable {
        public var name: String
        /// When it started, as people read it (`2026-12-07 19:06`).
        public var started: String
        public var inputs: [String]
        public var rubrics: [String]

        public init(name: String, started: String, inputs: [String], rubrics: [String]) {
            self.name = name
            self.started = started
            self.inputs = inputs
            self.rubrics = rubrics
        }
    }

    /// The page up to the first row of the table of tables, every text HTML-escaped.
    static func head(_ model: DashboardModel, run: Run? = nil, language: Language) -> String {
        let t = ReportLabels.html(language)
        var out = TextBuffer(capacity: 20_480 + model.codeRows.count * 512)

        out.append(ReportStyle.pageStart(language))
        out.append(t[.dashboardTitle])
        out += "</title>\n"
        out.append(ReportStyle.element)
        out += "</head>\n<body>\n<main>\n<header>\n<h1>"
        out.append(t[.dashboardTitle])
        out += "</h1>\n"
        if let run {
            out += "<dl class=\"facts\">\n"
            let separator = language == .zh ? "、" : ", "
            HTMLReport.appendFact(t[.runName], run.name, to: &out)
            HTMLReport.appendFact(t[.runStarted], run.started, to: &out)
            HTMLReport.appendFact(t[.runInputs], run.inputs.joined(separator: separator), to: &out)
            HTMLReport.appendFact(t[.rubric], run.rubrics.joined(separator: separator), to: &out)
            out += "</dl>\n"
        }
        out += "</header>\n\n<section id=\"counts\" aria-label=\""
        out.append(t[.count])
        out += "\">\n<div class=\"stats\">\n"
        for stat in model.stats {
            out += "<div class=\"stat "
            out.append(html: stat.cssClass)
            out += "\"><span class=\"value\">"
            out.append(html: stat.value)
            out += "</span><span class=\"what\">"
            out.append(html: stat.label)
            out += "</span></div>\n"
        }
        out += "</div>\n</section>\n\n"

        out += #"<section id="grades" aria-labelledby="grades-title">"#
        out += "\n<h2 id=\"grades-title\">"
        out.append(t[.gradesChart])
        out += "</h2>\n"
        model.grades.appendSVG(to: &out)
        out += "\n</section>\n\n"

        out += #"<section id="codes" aria-labelledby="codes-title">"#
        out += "\n<h2 id=\"codes-title\">"
        out.append(t[.codesChart])
        out += "</h2>\n"
        if model.codeRows.isEmpty {
            out += "<p>"
            out.append(t[.noFindings])
            out += "</p>"
        }
        out += "\n"
        if !model.codeRows.isEmpty {
            out += "<div class=\"grid2\">\n"
            model.codes.appendSVG(to: &out)
            out += "\n<table class=\"codes cards\">\n<thead><tr><th>"
            out.append(t[.code])
            out += "</th><th>"
            out.append(t[.severity])
            out += "</th><th class=\"num\">"
            out.append(t[.count])
            out += "</th><th class=\"num\">"
            out.append(t[.tables])
            out += "</th></tr></thead>\n<tbody>\n"
            for row in model.codeRows {
                out += "<tr><td data-label=\""
                out.append(t[.code])
                out += "\"><code>"
                out.append(html: row.code)
                out += "</code><span class=\"src\">"
                out.append(html: row.title)
                out += "</span></td><td data-label=\""
                out.append(t[.severity])
                out += "\"><span class=\"badge sev-"
                out.append(html: row.severity)
                out += "\">"
                out.append(html: row.severityLabel)
                out += "</span></td><td class=\"num\" data-label=\""
                out.append(t[.count])
                out += "\">"
                out.append(String(row.count))
                out += "</td><td class=\"num\" data-label=\""
                out.append(t[.tables])
                out += "\">"
                out.append(String(row.tables))
                out += "</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        out += "</section>\n\n"

        appendTablesHead(t, to: &out)
        return out.text
    }

    /// The page after the last row of the table of tables, up to the first unreadable input.
    static func tailOpening(unreadable: Int, language: Language) -> String {
        let t = ReportLabels.html(language)
        var out = TextBuffer(capacity: 1_024)
        out += "</tbody>\n</table>\n</section>\n\n"
        out += #"<section id="unreadable" aria-labelledby="unreadable-title">"#
        out += "\n<h2 id=\"unreadable-title\">"
        out.append(t[.unreadable])
        out += "</h2>\n"
        if unreadable == 0 {
            out += "<p>"
            out.append(t[.noUnreadable])
            out += "</p>"
        }
        out += "\n"
        if unreadable > 0 {
            out += "<table class=\"unreadable cards\">\n<thead><tr><th>"
            out.append(t[.file])
            out += "</th><th>"
            out.append(t[.unreadableReason])
            out += "</th></tr></thead>\n<tbody>\n"
        }
        return out.text
    }

    /// One input that could not be read, a row of the list after the table of tables.
    public static func unreadableRow(_ input: DashboardSummary.Unreadable, language: Language) -> String {
        let t = ReportLabels.html(language)
        var out = TextBuffer(capacity: 256)
        out += "<tr><td data-label=\""
        out.append(t[.file])
        out += "\"><code>"
        out.append(html: input.file)
        out += "</code></td><td data-label=\""
        out.append(t[.unreadableReason])
        out += "\">"
        if let code = input.code {
            out += "<code>"
            out.append(html: code)
            out += "</code> "
        }
        out.append(html: input.reason.text(language))
        out += "</td></tr>\n"
        return out.text
    }

    /// The page after the last unreadable input: the end of its list, and the script.
    static func tailClosing(unreadable: Int, language: Language) -> String {
        let t = ReportLabels.html(language)
        var out = TextBuffer(capacity: 8_192)
        if unreadable > 0 { out += "</tbody>\n</table>\n" }
        out += "</section>\n<footer>"
        out.append(t[.generatedBy])
        out += "</footer>\n</main>\n"
        out.append(script)
        out += "</body>\n</html>\n"
        return out.text
    }

    /// The headings of the claimed and recomputed total columns: `总分（表中所填）`, `总分（按规则重算）`.
    private static func totalHeadings(_ t: ReportLabels) -> (claimed: String, computed: String) {
        (t[.total] + t[.openParen] + t[.claimedShort] + t[.closeParen], t[.total] + t[.openParen] + t[.byRules] + t[.closeParen])
    }

    /// The same, made once per language for the rows.
    private static let totalHeadingsZh = totalHeadings(ReportLabels.html(.zh))
    private static let totalHeadingsEn = totalHeadings(ReportLabels.html(.en))

    /// The heading and column heads of the sortable table of every table.
    private static func appendTablesHead(_ t: ReportLabels, to out: inout TextBuffer) {
        let (claimedTotal, computedTotal) = totalHeadings(t)
        out += #"<section id="all-tables" aria-labelledby="all-tables-title">"#
        out += "\n<h2 id=\"all-tables-title\">"
        out.append(t[.allTables])
        out += "</h2>\n<p class=\"muted\">"
        out.append(t[.sortHint])
        out += "</p>\n<table class=\"sortable cards\" id=\"tables\">\n<thead>\n<tr>\n"
        for (type, numeric, label) in [("text", false, t[.unit]), ("text", false, t[.project]), ("number", false, t[.year]),
                                       ("number", true, claimedTotal), ("number", true, computedTotal), ("number", true, t[.gap]),
                                       ("text", false, t[.grade]), ("number", true, t[.findingCount])] {
            out += "<th data-type=\""
            out.append(type)
            out.append(numeric ? "\" class=\"num\"><button type=\"button\">" : "\"><button type=\"button\">")
            out.append(label)
            out += "</button></th>\n"
        }
        out += "<th>"
        out.append(t[.report])
        out += "</th>\n</tr>\n</thead>\n<tbody>\n"
    }

    /// One table's row in the table of tables, each cell with the value it sorts by.
    public static func row(_ table: DashboardSummary.Table, language: Language) -> String {
        let t = ReportLabels.html(language)
        let (claimedTotal, computedTotal) = language == .zh ? totalHeadingsZh : totalHeadingsEn
        let row = DashboardModel.TableRow(table)
        var out = TextBuffer(capacity: 2_048)
        out += "<tr>\n<td data-label=\""
        out.append(t[.unit])
        out += "\" data-value=\""
        out.append(html: row.unit)
        out += "\">"
        out.append(html: row.unit)
        out += "</td>\n<td data-label=\""
        out.append(t[.project])
        out += "\" data-value=\""
        out.append(html: row.project)
        out += "\">"
        out.append(html: row.project)
        out += "<span class=\"src\">"
        out.append(html: row.source)
        out += "</span></td>\n<td data-label=\""
        out.append(t[.year])
        out += "\" data-value=\""
        out.append(String(row.year))
        out += "\">"
        out.append(String(row.year))
        out += "</td>\n<td class=\"num\" data-label=\""
        out.append(claimedTotal)
        out += "\" data-value=\""
        out.append(html: row.claimedSort)
        out += "\">"
        out.append(html: row.claimedTotal)
        out += "</td>\n<td class=\"num\" data-label=\""
        out.append(computedTotal)
        out += "\" data-value=\""
        out.append(html: row.computedSort)
        out += "\">"
        out.append(html: row.computedTotal)
        out += "</td>\n<td class=\"num "
        out.append(html: row.gapClass)
        out += "\" data-label=\""
        out.append(t[.gap])
        out += "\" data-value=\""
        out.append(html: row.gapSort)
        out += "\">"
        out.append(html: row.gap)
        out += "</td>\n<td class=\""
        out.append(html: row.gradeClass)
        out += "\" data-label=\""
        out.append(t[.grade])
        out += "\" data-value=\""
        out.append(html: row.claimedGrade)
        out.append(html: row.computedGrade)
        out += "\">"
        out.append(html: row.claimedGrade)
        out += " → "
        out.append(html: row.computedGrade)
        out += "</td>\n<td class=\"num\" data-label=\""
        out.append(t[.findingCount])
        out += "\" data-value=\""
        out.append(String(row.findings))
        out += "\">"
        out.append(String(row.findings))
        out += "<span class=\"src\"><span class=\"badge sev-error\">"
        out.append(String(row.errors))
        out += "</span> <span class=\"badge sev-warning\">"
        out.append(String(row.warnings))
        out += "</span> <span class=\"badge sev-info\">"
        out.append(String(row.infos))
        out += "</span></span></td>\n<td class=\"link\" data-label=\""
        out.append(t[.report])
        out += "\"><a href=\""
        out.append(html: row.report)
        out += "\">"
        out.append(t[.open])
        out += "</a></td>\n</tr>\n"
        return out.text
    }

    /// The script that sorts the table of tables; it avoids `<` and `&` so the page stays
    /// well-formed XML.
    private static let script = """
        <script>
        (function () {
          var table = document.getElementById("tables");
          if (!table) { return; }
          var body = table.tBodies[0];
          var buttons = table.querySelectorAll("th[data-type] button");
          Array.prototype.forEach.call(buttons, function (button) {
            button.addEventListener("click", function () {
              var head = button.parentNode;
              var column = head.cellIndex;
              var numeric = head.getAttribute("data-type") === "number";
              var ascending = head.getAttribute("aria-sort") !== "ascending";
              Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (other) {
                other.removeAttribute("aria-sort");
              });
              head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-value");
                var y = b.cells[column].getAttribute("data-value");
                var order = numeric ? (x === "" ? -1e9 : Number(x)) - (y === "" ? -1e9 : Number(y))
                                    : x.localeCompare(y, document.documentElement.lang);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        }());
        </script>

        """
}
