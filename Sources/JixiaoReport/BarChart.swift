import Foundation
import JixiaoBase
import JixiaoAudit

/// The geometry of a horizontal bar chart, computed here so drawing it only places shapes:
/// one row per label, with several bars side by side below each other (grouped) or one bar cut
/// into segments (stacked). Coordinates are whole pixels of the SVG's view box; the SVG scales
/// to its container's width.
package struct BarChart {
    var id: String
    var title: String
    var width: Int
    var height: Int
    var rows: [Row]
    var legend: [LegendItem]

    struct Row {
        var label: String
        var fullLabel: String
        var labelX: Int
        var labelY: Int
        /// The grey track behind the bars (a category's points), if any.
        var tracks: [Rect]
        var bars: [Rect]
    }

    struct Rect {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        var cssClass: String
        /// The figure written after the bar, if any, at (`valueX`, `valueY`).
        var value: String?
        var valueX: Int
        var valueY: Int
        var tooltip: String
    }

    struct LegendItem {
        var label: String
        var cssClass: String
        var x: Int
        var textX: Int
        var y: Int
    }

    package struct Series {
        var label: String
        var cssClass: String

        package init(label: String, cssClass: String) {
            self.label = label
            self.cssClass = cssClass
        }
    }

    static let barHeight = 14
    static let gap = 4
    static let rowGap = 14
    static let valueWidth = 48

    /// One row per label; `values[i][s]` is row i's value for series s (nil draws no bar).
    /// `limits[i]`, when given, draws a track as long as row i's maximum.
    init(id: String, title: String, labels: [String], series: [Series], values: [[Fixed?]], valueText: (Fixed) -> String,
         limits: [Fixed]? = nil, width: Int = 640) {
        self.id = id
        self.title = title
        self.width = width
        let labelWidth = Self.labelWidth(labels)
        let plotWidth = width - labelWidth - Self.valueWidth - 8
        let maximum = max(values.flatMap { $0.compactMap { $0 } }.max() ?? 0, limits?.max() ?? 0, 1)
        func length(_ value: Fixed) -> Int { max(0, Int((value / maximum * Fixed(plotWidth)).doubleValue.rounded())) }

        var y = 34
        legend = Self.legend(series: series, x: labelWidth)
        rows = []
        for (index, label) in labels.enumerated() {
            let groupHeight = series.count * Self.barHeight + (series.count - 1) * Self.gap
            var tracks: [Rect] = []
            if let limit = limits?[index] {
                tracks.append(Rect(x: labelWidth, y: y - 2, width: length(limit), height: groupHeight + 4, cssClass: "track",
                                   value: nil, valueX: 0, valueY: 0, tooltip: valueText(limit)))
            }
            var bars: [Rect] = []
            for (seriesIndex, item) in series.enumerated() {
                let barY = y + seriesIndex * (Self.barHeight + Self.gap)
                guard let value = values[index][seriesIndex] else { continue }
                let barWidth = length(value)
                bars.append(Rect(x: labelWidth, y: barY, width: barWidth, height: Self.barHeight, cssClass: item.cssClass,
                                 value: valueText(value), valueX: labelWidth + barWidth + 4, valueY: barY + Self.barHeight - 3,
                                 tooltip: "\(label) · \(item.label): \(valueText(value))"))
            }
            rows.append(Row(label: Self.shortened(label), fullLabel: label, labelX: labelWidth - 8, labelY: y + groupHeight / 2 + 4, tracks: tracks, bars: bars))
            y += groupHeight + Self.rowGap
        }
        height = y
    }

    /// One bar per label cut into `series` segments (`values[i][s]`), with the row's sum after it;
    /// labels longer than `labelColumns` are shortened.
    package init(stackedID id: String, title: String, labels: [String], series: [Series], values: [[Int]], width: Int = 640,
                 labelColumns: Int = 32) {
        self.id = id
        self.title = title
        self.width = width
        let labelWidth = Self.labelWidth(labels, columns: labelColumns)
        let plotWidth = width - labelWidth - Self.valueWidth - 8
        let maximum = max(values.map { $0.reduce(0, +) }.max() ?? 0, 1)
        legend = Self.legend(series: series, x: labelWidth)
        rows = []
        var y = 34
        for (index, label) in labels.enumerated() {
            var x = labelWidth
            var bars: [Rect] = []
            for (seriesIndex, item) in series.enumerated() {
                let count = values[index][seriesIndex]
                guard count > 0 else { continue }
                let barWidth = max(2, count * plotWidth / maximum)
                bars.append(Rect(x: x, y: y, width: barWidth, height: Self.barHeight, cssClass: item.cssClass,
                                 value: nil, valueX: 0, valueY: 0, tooltip: "\(label) · \(item.label): \(count)"))
                x += barWidth
            }
            let sum = values[index].reduce(0, +)
            if !bars.isEmpty {
                bars[bars.count - 1].value = String(sum)
                bars[bars.count - 1].valueX = x + 4
                bars[bars.count - 1].valueY = y + Self.barHeight - 3
            }
            rows.append(Row(label: Self.shortened(label, columns: labelColumns), fullLabel: label, labelX: labelWidth - 8, labelY: y + Self.barHeight - 3,
                            tracks: [], bars: bars))
            y += Self.barHeight + Self.rowGap
        }
        height = y
    }

    /// Room for the longest label at 12 px, Chinese characters counting double, within bounds
    /// (230 px for labels of up to 32 columns, 7 more per column allowed beyond).
    private static func labelWidth(_ labels: [String], columns limit: Int = 32) -> Int {
        let columns = labels.map { DisplayWidth.of(shortened($0, columns: limit)) }.max() ?? 0
        return min(230 + max(0, limit - 32) * 7, max(60, columns * 7 + 12))
    }

    /// Labels longer than `columns` (32) end in `…`; the full label is the bar's tooltip.
    private static func shortened(_ label: String, columns: Int = 32) -> String {
        guard DisplayWidth.of(label) > columns else { return label }
        var out = ""
        for character in label {
            if DisplayWidth.of(out + String(character)) > columns - 2 { break }
            out.append(character)
        }
        return out + "…"
    }

    private static func legend(series: [Series], x: Int) -> [LegendItem] {
        var items: [LegendItem] = []
        var position = x
        for item in series {
            items.append(LegendItem(label: item.label, cssClass: item.cssClass, x: position, textX: position + 16, y: 12))
            position += 28 + DisplayWidth.of(item.label) * 7
        }
        return items
    }
}

extension BarChart {
    /// Each level-1 category's claimed against computed points, on a track as long as its points.
    init(_ card: Scorecard, language: Language) {
        let labels = ReportLabels.plain(language)
        let decimals = card.rubric.rounding.decimals
        self.init(
            id: "chart-categories", title: labels[.chart],
            labels: card.categories.map(\.row.name),
            series: [Series(label: labels[.legendClaimed], cssClass: "bar-claimed"),
                     Series(label: labels[.legendComputed], cssClass: "bar-computed")],
            values: card.categories.map { [$0.claimed, $0.computed] },
            valueText: { $0.compact(decimals: decimals) },
            limits: card.categories.map(\.points))
        if let last = legend.last {
            let points = labels[.legendPoints]
            let x = last.textX + DisplayWidth.of(last.label) * 7 + 12
            legend.append(LegendItem(label: points, cssClass: "track", x: x, textX: x + 16, y: 12))
        }
    }
}
