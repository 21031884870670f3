import JixiaoBase

/// What the table report and the dashboard pages share: their start and their inline CSS (system fonts only, no web fonts,
/// A4 print rules, and a phone layout where the wide tables become one card per row).
enum ReportStyle {
    /// A page's start, up to its title's text: doctype, language, charset and viewport.
    static func pageStart(_ language: Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
        """
    }

    /// The `<style>` element, without a line break after it.
    static let element = """
        <style>
        :root {
          --ink: #1d2733; --muted: #5b6776; --line: #d5dbe3; --paper: #ffffff; --band: #f4f6f9;
          --error: #b42318; --error-bg: #fdecea; --warning: #9a5b00; --warning-bg: #fff5e0;
          --info: #1d5d90; --info-bg: #e8f2fb; --good: #21703a; --good-bg: #e8f5ec;
          --claimed: #8fa3bf; --computed: #1f4e79;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; padding: 24px; color: var(--ink); background: var(--paper);
          font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
          overflow-wrap: anywhere; word-break: normal; line-break: strict;
        }
        main { max-width: 1100px; margin: 0 auto; }
        h1 { font-size: 22px; margin: 0 0 4px; line-height: 1.3; }
        h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        .muted, .src, .rule { color: var(--muted); }
        .src, .rule { display: block; font-size: 11px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; }
        thead th { background: var(--band); font-weight: 600; font-size: 13px; }
        .headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
        .card h3 { margin: 0 0 6px; font-size: 14px; color: var(--muted); font-weight: 600; }
        .figures { display: flex; flex-wrap: wrap; gap: 8px 22px; }
        .figure { min-width: 72px; }
        .figure .value { display: block; font-size: 26px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
        .figure .what { display: block; font-size: 12px; color: var(--muted); }
        .card.sev-error { border-color: var(--error); background: var(--error-bg); }
        .card.sev-warning { border-color: var(--warning); background: var(--warning-bg); }
        .card.ok { border-color: var(--good); background: var(--good-bg); }
        table.indicators { table-layout: fixed; font-size: 13px; }
        table.indicators .l1, table.indicators .l2 { background: var(--band); font-weight: 600; }
        tr.sev-error > td, tr.sev-error > th.row-head { box-shadow: inset 0 0 0 9999px var(--error-bg); }
        tr.sev-warning > td { box-shadow: inset 0 0 0 9999px var(--warning-bg); }
        tr.sev-info > td { box-shadow: inset 0 0 0 9999px var(--info-bg); }
        tr.subtotal td { font-weight: 600; background: var(--band); }
        tr.notes td { padding: 3px 7px 6px; border-top: none; }
        ul.notes { list-style: none; margin: 0; padding: 0; }
        ul.notes li { margin: 2px 0; padding: 2px 6px; border-left: 4px solid var(--line); font-size: 12px; }
        li.sev-error, article.sev-error { border-left-color: var(--error) !important; }
        li.sev-warning, article.sev-warning { border-left-color: var(--warning) !important; }
        li.sev-info, article.sev-info { border-left-color: var(--info) !important; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; font-weight: 700; color: #fff; white-space: nowrap; }
        .badge.sev-error { background: var(--error); }
        .badge.sev-warning { background: var(--warning); }
        .badge.sev-info { background: var(--info); }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
        .findings article { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 4px; padding: 8px 12px; margin: 0 0 8px; break-inside: avoid; }
        .findings .where { color: var(--muted); font-size: 12px; }
        .findings p { margin: 4px 0; }
        .findings .values { font-size: 13px; }
        .findings .formula code { background: var(--band); padding: 1px 4px; border-radius: 3px; }
        figure.chart { margin: 0; }
        figure.chart svg { display: block; max-width: 720px; height: auto; }
        svg text { font-size: 12px; fill: var(--ink); font-family: inherit; }
        svg text.value { fill: var(--muted); }
        svg .bar-claimed { fill: var(--claimed); }
        svg .bar-computed { fill: var(--computed); }
        svg .track { fill: #eceff3; stroke: #c8cfd8; }
        svg .sev-error { fill: var(--error); }
        svg .sev-warning { fill: #d18a00; }
        svg .sev-info { fill: var(--info); }
        .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 10px; }
        .stat { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        .stat .value { display: block; font-size: 26px; font-weight: 700; }
        .stat .what { color: var(--muted); font-size: 12px; }
        .stat.sev-error .value { color: var(--error); }
        .stat.sev-warning .value { color: var(--warning); }
        .stat.sev-info .value { color: var(--info); }
        table.sortable th button { all: inherit; cursor: pointer; border: none; padding: 0; }
        table.sortable th button::after { content: " ↕"; color: var(--muted); font-weight: 400; }
        table.sortable th[aria-sort="ascending"] button::after { content: " ↑"; }
        table.sortable th[aria-sort="descending"] button::after { content: " ↓"; }
        .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 20px; align-items: start; }
        td.link { white-space: nowrap; }
        td.differs { color: var(--warning); font-weight: 700; }
        footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
        @media (max-width: 700px) {
          body { padding: 12px; font-size: 14px; }
          table.cards, table.cards tbody, table.cards tr, table.cards td, table.cards th { display: block; width: 100%; }
          table.cards thead, table.cards colgroup { display: none; }
          table.cards tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 6px; }
          table.cards td, table.cards th { border: none; border-bottom: 1px dotted var(--line); }
          table.cards td[data-label]::before { content: attr(data-label); display: block; color: var(--muted); font-size: 11px; }
          table.cards td.num { text-align: left; white-space: normal; }
          table.cards tr.notes { border: none; margin-top: -6px; }
          table.cards th.l1 { background: var(--ink); color: #fff; border-radius: 4px 4px 0 0; }
          table.cards td:empty { display: none; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { padding: 0; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          main { max-width: none; }
          table.indicators { font-size: 9pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          h2 { margin-top: 18px; }
          a { color: inherit; text-decoration: none; }
          table.sortable th button::after { content: ""; }
        }
        </style>
        """
}
