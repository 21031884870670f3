/// The batch dashboard (`Dashboard`): self-contained like the table reports, with a small inline
/// script that sorts the table of tables. The script avoids `<` and `&` so the page stays
/// well-formed XML.
enum DashboardTemplate {
    static let text = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{{t.dashboardTitle}}</title>
        {{> style}}
        </head>
        <body>
        <main>
        <header>
        <h1>{{t.dashboardTitle}}</h1>
        </header>

        <section id="counts" aria-label="{{t.count}}">
        <div class="stats">
        {{#stats}}
        <div class="stat {{cssClass}}"><span class="value">{{value}}</span><span class="what">{{label}}</span></div>
        {{/stats}}
        </div>
        </section>

        <section id="grades" aria-labelledby="grades-title">
        <h2 id="grades-title">{{t.gradesChart}}</h2>
        {{#grades}}{{> chart}}{{/grades}}
        </section>

        <section id="codes" aria-labelledby="codes-title">
        <h2 id="codes-title">{{t.codesChart}}</h2>
        {{^hasCodes}}<p>{{t.noFindings}}</p>{{/hasCodes}}
        {{#hasCodes}}
        <div class="grid2">
        {{#codes}}{{> chart}}{{/codes}}
        <table class="codes cards">
        <thead><tr><th>{{t.code}}</th><th>{{t.severity}}</th><th class="num">{{t.count}}</th><th class="num">{{t.tables}}</th></tr></thead>
        <tbody>
        {{#codeRows}}
        <tr><td data-label="{{t.code}}"><code>{{code}}</code><span class="src">{{title}}</span></td><td data-label="{{t.severity}}"><span class="badge sev-{{severity}}">{{severityLabel}}</span></td><td class="num" data-label="{{t.count}}">{{count}}</td><td class="num" data-label="{{t.tables}}">{{tables}}</td></tr>
        {{/codeRows}}
        </tbody>
        </table>
        </div>
        {{/hasCodes}}
        </section>

        <section id="all-tables" aria-labelledby="all-tables-title">
        <h2 id="all-tables-title">{{t.allTables}}</h2>
        <p class="muted">{{t.sortHint}}</p>
        <table class="sortable cards" id="tables">
        <thead>
        <tr>
        <th data-type="text"><button type="button">{{t.unit}}</button></th>
        <th data-type="text"><button type="button">{{t.project}}</button></th>
        <th data-type="number"><button type="button">{{t.year}}</button></th>
        <th data-type="number" class="num"><button type="button">{{t.total}}（{{t.claimedShort}}）</button></th>
        <th data-type="number" class="num"><button type="button">{{t.total}}（{{t.byRules}}）</button></th>
        <th data-type="number" class="num"><button type="button">{{t.gap}}</button></th>
        <th data-type="text"><button type="button">{{t.grade}}</button></th>
        <th data-type="number" class="num"><button type="button">{{t.findingCount}}</button></th>
        <th>{{t.report}}</th>
        </tr>
        </thead>
        <tbody>
        {{#tables}}
        <tr>
        <td data-label="{{t.unit}}" data-value="{{unit}}">{{unit}}</td>
        <td data-label="{{t.project}}" data-value="{{project}}">{{project}}<span class="src">{{source}}</span></td>
        <td data-label="{{t.year}}" data-value="{{year}}">{{year}}</td>
        <td class="num" data-label="{{t.total}}（{{t.claimedShort}}）" data-value="{{claimedSort}}">{{claimedTotal}}</td>
        <td class="num" data-label="{{t.total}}（{{t.byRules}}）" data-value="{{computedSort}}">{{computedTotal}}</td>
        <td class="num {{gapClass}}" data-label="{{t.gap}}" data-value="{{gapSort}}">{{gap}}</td>
        <td class="{{gradeClass}}" data-label="{{t.grade}}" data-value="{{claimedGrade}}{{computedGrade}}">{{claimedGrade}} → {{computedGrade}}</td>
        <td class="num" data-label="{{t.findingCount}}" data-value="{{findings}}">{{findings}}<span class="src"><span class="badge sev-error">{{errors}}</span> <span class="badge sev-warning">{{warnings}}</span> <span class="badge sev-info">{{infos}}</span></span></td>
        <td class="link" data-label="{{t.report}}"><a href="{{report}}">{{t.open}}</a></td>
        </tr>
        {{/tables}}
        </tbody>
        </table>
        </section>

        <section id="unreadable" aria-labelledby="unreadable-title">
        <h2 id="unreadable-title">{{t.unreadable}}</h2>
        {{^hasUnreadable}}<p>{{t.noUnreadable}}</p>{{/hasUnreadable}}
        {{#hasUnreadable}}
        <table class="unreadable cards">
        <thead><tr><th>{{t.file}}</th><th>{{t.unreadableReason}}</th></tr></thead>
        <tbody>
        {{#unreadable}}
        <tr><td data-label="{{t.file}}"><code>{{file}}</code></td><td data-label="{{t.unreadableReason}}">{{#hasCode}}<code>{{code}}</code> {{/hasCode}}{{reason}}</td></tr>
        {{/unreadable}}
        </tbody>
        </table>
        {{/hasUnreadable}}
        </section>
        <footer>{{t.generatedBy}}</footer>
        </main>
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
        </body>
        </html>

        """
}
