/// The per-table HTML report (`HTMLReport`): one self-contained page, inline CSS and SVG, no
/// links outside itself. Written as XHTML-compatible HTML5 so an XML parser can check it.
enum HTMLReportTemplate {
    static let text = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{{t.reportTitle}} · {{heading}} · {{year}}</title>
        {{> style}}
        </head>
        <body>
        <main>
        <header>
        <h1>{{heading}}</h1>
        <p class="subtitle">{{t.reportTitle}} · {{year}} · {{level}}</p>
        <dl class="facts">
        <dt>{{t.unit}}</dt><dd>{{unit}}</dd>
        {{#hasProject}}<dt>{{t.project}}</dt><dd>{{project}}</dd>{{/hasProject}}
        <dt>{{t.tableTitle}}</dt><dd>{{title}}</dd>
        <dt>{{t.year}}</dt><dd>{{year}}</dd>
        <dt>{{t.rubric}}</dt><dd><code>{{rubric}}</code> {{rubricTitle}}</dd>
        <dt>{{t.file}}</dt><dd><code>{{file}}</code></dd>
        {{#hasDocument}}<dt>{{t.document}}</dt><dd><code>{{document}}</code></dd>{{/hasDocument}}
        <dt>{{t.money}}</dt><dd>{{money}}</dd>
        </dl>
        </header>

        <section id="headline" aria-labelledby="headline-title">
        <h2 id="headline-title">{{t.headline}}</h2>
        {{#headline}}
        <div class="headline">
        <div class="card {{totalClass}}" id="headline-total">
        <h3>{{t.total}}</h3>
        <div class="figures">
        <span class="figure"><span class="value" id="total-claimed">{{claimedTotal}}</span><span class="what">{{t.claimed}}</span></span>
        <span class="figure"><span class="value" id="total-computed">{{sumTotal}}</span><span class="what">{{t.sumOfParts}}</span></span>
        <span class="figure"><span class="value" id="total-recomputed">{{rulesTotal}}</span><span class="what">{{t.byRules}}</span></span>
        </div>
        </div>
        <div class="card {{gradeClass}}" id="headline-grade">
        <h3>{{t.grade}}</h3>
        <div class="figures">
        <span class="figure"><span class="value">{{claimedGrade}}</span><span class="what">{{t.claimed}}</span></span>
        <span class="figure"><span class="value">{{sumGrade}}</span><span class="what">{{t.sumOfParts}}</span></span>
        <span class="figure"><span class="value">{{rulesGrade}}</span><span class="what">{{t.byRules}}</span></span>
        </div>
        </div>
        </div>
        {{/headline}}
        </section>

        <section id="budget" aria-labelledby="budget-title">
        <h2 id="budget-title">{{t.budget}}</h2>
        {{#budget}}
        <table class="budget cards">
        <thead>
        <tr><th>{{t.initial}}</th><th>{{t.adjusted}}</th><th>{{t.executed}}</th><th>{{t.points}}</th><th>{{t.rate}}（{{t.claimedShort}}）</th><th>{{t.rate}}（{{t.computedShort}}）</th><th>{{t.score}}（{{t.claimedShort}}）</th><th>{{t.score}}（{{t.computedShort}}）</th></tr>
        </thead>
        <tbody>
        <tr class="{{rowClass}}">
        <td class="num" data-label="{{t.initial}}">{{initial}}</td>
        <td class="num" data-label="{{t.adjusted}}">{{adjusted}}</td>
        <td class="num" data-label="{{t.executed}}">{{executed}}</td>
        <td class="num" data-label="{{t.points}}">{{points}}</td>
        <td class="num" data-label="{{t.rate}}（{{t.claimedShort}}）">{{claimedRate}}</td>
        <td class="num" data-label="{{t.rate}}（{{t.computedShort}}）">{{computedRate}}</td>
        <td class="num" data-label="{{t.score}}（{{t.claimedShort}}）">{{claimedScore}}</td>
        <td class="num" data-label="{{t.score}}（{{t.computedShort}}）">{{computedScore}}<span class="src">{{source}}</span></td>
        </tr>
        {{#hasNotes}}
        <tr class="notes"><td colspan="8"><ul class="notes">{{#notes}}<li class="sev-{{severity}}"><span class="badge sev-{{severity}}">{{severityLabel}}</span> <code>{{code}}</code> {{message}}</li>{{/notes}}</ul></td></tr>
        {{/hasNotes}}
        </tbody>
        </table>
        {{/budget}}
        </section>

        <section id="indicators" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{{t.indicators}}</h2>
        <table class="indicators cards">
        <colgroup>
        <col style="width: 8%"/><col style="width: 8%"/><col style="width: 17%"/><col style="width: 12%"/><col style="width: 12%"/>
        <col style="width: 6%"/><col style="width: 7%"/><col style="width: 10%"/><col style="width: 20%"/>
        </colgroup>
        <thead>
        <tr><th>{{t.level1}}</th><th>{{t.level2}}</th><th>{{t.level3}}</th><th>{{t.target}}</th><th>{{t.actual}}</th><th class="num">{{t.points}}</th><th class="num">{{t.claimedScore}}</th><th class="num">{{t.computedScore}}</th><th>{{t.reason}}</th></tr>
        </thead>
        {{#groups}}
        <tbody class="group">
        {{#rows}}
        <tr class="indicator {{rowClass}}">
        {{#first}}<th class="l1" rowspan="{{groupSpan}}" scope="rowgroup">{{groupName}}</th>{{/first}}
        {{#startsSubcategory}}<td class="l2" rowspan="{{subcategorySpan}}">{{subcategory}}</td>{{/startsSubcategory}}
        <td class="l3" data-label="{{t.level3}}">{{name}}<span class="src">{{source}}</span></td>
        <td data-label="{{t.target}}">{{target}}</td>
        <td data-label="{{t.actual}}">{{actual}}</td>
        <td class="num" data-label="{{t.points}}">{{points}}</td>
        <td class="num" data-label="{{t.claimedScore}}">{{claimed}}</td>
        <td class="num" data-label="{{t.computedScore}}">{{computed}}<span class="rule">{{method}}</span></td>
        <td data-label="{{t.reason}}">{{reason}}</td>
        </tr>
        {{#hasNotes}}
        <tr class="notes"><td colspan="7"><ul class="notes">{{#notes}}<li class="sev-{{severity}}"><span class="badge sev-{{severity}}">{{severityLabel}}</span> <code>{{code}}</code> {{message}}</li>{{/notes}}</ul></td></tr>
        {{/hasNotes}}
        {{/rows}}
        <tr class="subtotal {{subtotalClass}}">
        {{^rows}}<th class="l1" rowspan="{{span}}" scope="rowgroup">{{name}}</th>{{/rows}}
        <td colspan="4">{{t.subtotal}}<span class="src">{{source}}</span></td>
        <td class="num" data-label="{{t.points}}">{{points}}</td>
        <td class="num" data-label="{{t.claimedScore}}">{{claimed}}</td>
        <td class="num" data-label="{{t.computedScore}}">{{computed}}</td>
        <td></td>
        </tr>
        {{#hasNotes}}
        <tr class="notes"><td colspan="8"><ul class="notes">{{#notes}}<li class="sev-{{severity}}"><span class="badge sev-{{severity}}">{{severityLabel}}</span> <code>{{code}}</code> {{message}}</li>{{/notes}}</ul></td></tr>
        {{/hasNotes}}
        </tbody>
        {{/groups}}
        {{#total}}
        <tbody class="total">
        <tr class="subtotal {{rowClass}}">
        <th class="l1" scope="row" colspan="5">{{t.total}}<span class="src">{{source}}</span></th>
        <td class="num" data-label="{{t.points}}">{{points}}</td>
        <td class="num" data-label="{{t.claimedScore}}">{{claimed}}</td>
        <td class="num" data-label="{{t.byRules}}">{{computed}}</td>
        <td></td>
        </tr>
        {{#hasNotes}}
        <tr class="notes"><td colspan="9"><ul class="notes">{{#notes}}<li class="sev-{{severity}}"><span class="badge sev-{{severity}}">{{severityLabel}}</span> <code>{{code}}</code> {{message}}</li>{{/notes}}</ul></td></tr>
        {{/hasNotes}}
        </tbody>
        {{/total}}
        </table>
        </section>

        <section id="chart" aria-labelledby="chart-title">
        <h2 id="chart-title">{{t.chart}}</h2>
        {{#chart}}{{> chart}}{{/chart}}
        </section>

        <section id="findings" class="findings" aria-labelledby="findings-title">
        <h2 id="findings-title">{{t.findings}} <span class="muted">· {{summary}}</span></h2>
        {{^hasFindings}}<p>{{t.noFindings}}</p>{{/hasFindings}}
        {{#findings}}
        <article class="sev-{{severity}}" id="{{anchor}}">
        <div><span class="badge sev-{{severity}}">{{severityLabel}}</span> <code>{{code}}</code> <strong>{{title}}</strong></div>
        <div class="where"><code>{{path}}</code> · <code>{{location}}</code></div>
        <p>{{message}}</p>
        <p class="values">{{t.claimedValue}} <strong>{{claimed}}</strong> · {{t.computedValue}} <strong>{{computed}}</strong>{{#hasFormula}} · <span class="formula">{{t.formula}} <code>{{formula}}</code></span>{{/hasFormula}}</p>
        </article>
        {{/findings}}
        </section>
        <footer>{{t.generatedBy}} · {{t.rubric}} {{rubric}} · {{file}}</footer>
        </main>
        </body>
        </html>

        """
}
