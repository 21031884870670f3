extension BarChart {
    /// The chart's `<figure>` as text, for pages written as strings (`jixiao serve`).
    package var svg: String {
        var out = TextBuffer(capacity: 1_024)
        appendSVG(to: &out)
        return out.text
    }

    /// Appends the chart as an inline SVG in a `<figure>`, as the table report and the dashboard
    /// show it; a chart without rows is an empty figure.
    func appendSVG(to out: inout TextBuffer) {
        out += #"<figure class="chart" id=""#
        out.append(html: id)
        out += "\">\n"
        if !rows.isEmpty {
            out += #"<svg viewBox="0 0 "#
            out.append(String(width))
            out += " "
            out.append(String(height))
            out += #"" width="100%" role="img" aria-labelledby=""#
            out.append(html: id)
            out += #"-title" preserveAspectRatio="xMinYMin meet">"#
            out += "\n<title id=\""
            out.append(html: id)
            out += "-title\">"
            out.append(html: title)
            out += "</title>\n"
            for item in legend {
                out += #"<rect class=""#
                out.append(html: item.cssClass)
                out += #"" x=""#
                out.append(String(item.x))
                out += #"" y="2" width="12" height="12" rx="2"></rect><text class="legend" x=""#
                out.append(String(item.textX))
                out += #"" y=""#
                out.append(String(item.y))
                out += "\">"
                out.append(html: item.label)
                out += "</text>\n"
            }
            for row in rows {
                out += "<g class=\"row\">\n"
                out += #"<text class="label" x=""#
                out.append(String(row.labelX))
                out += #"" y=""#
                out.append(String(row.labelY))
                out += #"" text-anchor="end"><title>"#
                out.append(html: row.fullLabel)
                out += "</title>"
                out.append(html: row.label)
                out += "</text>\n"
                for track in row.tracks {
                    track.appendSVG(to: &out)
                }
                for bar in row.bars {
                    bar.appendSVG(to: &out)
                    if let value = bar.value {
                        out += #"<text class="value" x=""#
                        out.append(String(bar.valueX))
                        out += #"" y=""#
                        out.append(String(bar.valueY))
                        out += "\">"
                        out.append(html: value)
                        out += "</text>"
                    }
                    out += "\n"
                }
                out += "</g>\n"
            }
            out += "</svg>\n"
        }
        out += "</figure>\n"
    }
}

extension BarChart.Rect {
    /// The bar or track with its tooltip, on a line of its own.
    func appendSVG(to out: inout TextBuffer) {
        out += #"<rect class=""#
        out.append(html: cssClass)
        out += #"" x=""#
        out.append(String(x))
        out += #"" y=""#
        out.append(String(y))
        out += #"" width=""#
        out.append(String(width))
        out += #"" height=""#
        out.append(String(height))
        out += #"" rx="2"><title>"#
        out.append(html: tooltip)
        out += "</title></rect>\n"
    }
}
