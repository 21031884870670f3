/// The per-table Markdown report (`MarkdownReport`): the HTML report's content as GitHub-style
/// pipe tables that paste into an audit memo. Cell text is escaped by the MARKDOWN content type.
enum MarkdownReportTemplate {
    static let text = """
        {{% CONTENT_TYPE: MARKDOWN}}
        # {{t.reportTitle}}：{{heading}}

        | {{t.field}} | {{t.value}} |
        | --- | --- |
        | {{t.unit}} | {{unit}} |
        {{#hasProject}}
        | {{t.project}} | {{project}} |
        {{/hasProject}}
        | {{t.tableTitle}} | {{title}} |
        | {{t.level}} | {{level}} |
        | {{t.year}} | {{year}} |
        | {{t.rubric}} | {{rubric}} {{rubricTitle}} |
        | {{t.file}} | {{file}} |
        {{#hasDocument}}
        | {{t.document}} | {{document}} |
        {{/hasDocument}}
        | {{t.money}} | {{money}} |

        ## {{t.headline}}

        {{#headline}}
        | | {{t.claimed}} | {{t.sumOfParts}} | {{t.byRules}} |
        | --- | ---: | ---: | ---: |
        | {{t.total}} | {{claimedTotal}} | {{sumTotal}} | {{rulesTotal}} |
        | {{t.grade}} | {{claimedGrade}} | {{sumGrade}} | {{rulesGrade}} |
        {{/headline}}

        ## {{t.budget}}

        {{#budget}}
        | {{t.initial}} | {{t.adjusted}} | {{t.executed}} | {{t.points}} | {{t.rate}}（{{t.claimedShort}}） | {{t.rate}}（{{t.computedShort}}） | {{t.score}}（{{t.claimedShort}}） | {{t.score}}（{{t.computedShort}}） | {{t.findings}} | {{t.source}} |
        | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
        | {{initial}} | {{adjusted}} | {{executed}} | {{points}} | {{claimedRate}} | {{computedRate}} | {{claimedScore}} | {{computedScore}} | {{#notes}}{{severityLabel}} {{code}}{{^last()}}; {{/last()}}{{/notes}} | {{source}} |
        {{/budget}}

        ## {{t.indicators}}

        | {{t.level1}} | {{t.level2}} | {{t.level3}} | {{t.target}} | {{t.actual}} | {{t.points}} | {{t.claimedScore}} | {{t.computedScore}} | {{t.reason}} | {{t.findings}} | {{t.source}} |
        | --- | --- | --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |
        {{#groups}}
        {{#rows}}
        | {{groupName}} | {{subcategory}} | {{name}} | {{target}} | {{actual}} | {{points}} | {{claimed}} | {{computed}} | {{reason}} | {{#notes}}{{severityLabel}} {{code}}{{^last()}}; {{/last()}}{{/notes}} | {{source}} |
        {{/rows}}
        | **{{name}}** | **{{t.subtotal}}** | | | | **{{points}}** | **{{claimed}}** | **{{computed}}** | | {{#notes}}{{severityLabel}} {{code}}{{^last()}}; {{/last()}}{{/notes}} | {{source}} |
        {{/groups}}
        {{#total}}
        | **{{t.total}}** | | | | | **{{points}}** | **{{claimed}}** | **{{computed}}** | | {{#notes}}{{severityLabel}} {{code}}{{^last()}}; {{/last()}}{{/notes}} | {{source}} |
        {{/total}}

        ## {{t.chart}}

        {{#chart}}
        | {{t.level1}} | {{t.points}} | {{t.legendClaimed}} | {{t.legendComputed}} |
        | --- | ---: | ---: | ---: |
        {{/chart}}
        {{#categoryPoints}}
        | {{name}} | {{points}} | {{claimed}} | {{computed}} |
        {{/categoryPoints}}

        ## {{t.findings}}（{{summary}}）

        {{#hasFindings}}
        | # | {{t.severity}} | {{t.code}} | {{t.path}} | {{t.location}} | {{t.claimedValue}} | {{t.computedValue}} | {{t.message}} | {{t.formula}} |
        | ---: | --- | --- | --- | --- | ---: | ---: | --- | --- |
        {{/hasFindings}}
        {{#findings}}
        | {{number}} | {{severityLabel}} | {{code}} | {{path}} | {{location}} | {{claimed}} | {{computed}} | {{message}} | {{formula}} |
        {{/findings}}

        """
}
