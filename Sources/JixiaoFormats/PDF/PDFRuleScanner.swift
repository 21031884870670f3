/// Finds the ruling lines in a page rendered by cairo as SVG.
///
/// Cairo writes the glyphs into `<defs>` and then every drawn path as a `<path>` with absolute
/// `M`/`L`/`C`/`Z` commands and, for strokes, a `transform`. Borders come in two shapes:
/// thin filled rectangles or bevelled trapezoids (Chromium: `M 33.75 68.25 L 135.75 68.25 L
/// 135.75 69 …`) and stroked straight segments (LibreOffice, Word). Both become `PDFPage.Rule`s; curves, white paint,
/// shapes inside `<defs>` and anything not parallel to the page's edges are left out.
enum PDFRuleScanner {
    /// The thickest a filled rectangle may be to be taken for a line, in points.
    static let thickness = 3.0
    /// The most rules taken from one page: past it the page is a drawing, not a table.
    static let ruleLimit = 20_000

    static func rules(inSVG svg: [UInt8]) -> [PDFPage.Rule] {
        var rules: [PDFPage.Rule] = []
        var index = 0
        let count = svg.count
        while index < count, rules.count <= ruleLimit {
            guard svg[index] == UInt8(ascii: "<") else { index += 1; continue }
            if matches(svg, at: index, Self.defsStart) {
                index = position(of: Self.defsEnd, in: svg, from: index) ?? count
            } else if matches(svg, at: index, Self.pathStart) {
                let end = svg[index...].firstIndex(of: UInt8(ascii: ">")) ?? count
                let tag = svg[index..<end]
                paths(in: tag, into: &rules)
                index = end
            } else {
                index += 1
            }
        }
        return rules.count > ruleLimit ? [] : rules
    }

    private static let defsStart = Array("<defs>".utf8), defsEnd = Array("</defs>".utf8), pathStart = Array("<path ".utf8)
    private static let fillNone = Array("fill:none".utf8), stroke = Array("stroke:".utf8), strokeNone = Array("stroke:none".utf8)
    private static let fillWhite = Array("fill:rgb(100%,100%,100%)".utf8), strokeWhite = Array("stroke:rgb(100%,100%,100%)".utf8)

    /// The rules one `<path …>` tag draws.
    private static func paths(in tag: ArraySlice<UInt8>, into rules: inout [PDFPage.Rule]) {
        guard let style = attribute("style", in: tag), let d = attribute("d", in: tag) else { return }
        // Bytes, not `String.contains`, which goes through Foundation for every path of every page.
        let styleBytes = style.filter { $0 != UInt8(ascii: " ") }
        func has(_ text: [UInt8]) -> Bool { position(of: text, in: styleBytes, from: 0) != nil }
        let filled = !has(Self.fillNone)
        let stroked = has(Self.stroke) && !has(Self.strokeNone)
        guard filled || stroked else { return }
        // White paint (a cell's background, a blanked-out line) draws no border.
        if filled && !stroked && has(Self.fillWhite) { return }
        if stroked && has(Self.strokeWhite) { return }
        let transform = attribute("transform", in: tag).flatMap(Matrix.init) ?? Matrix.identity
        for subpath in subpaths(d) {
            let points = subpath.points.map(transform.apply)
            if stroked {
                for (a, b) in zip(points, points.dropFirst()) { segment(a, b, into: &rules) }
                if subpath.closed, let first = points.first, let last = points.last { segment(last, first, into: &rules) }
            } else if !subpath.curved, points.count >= 4 {
                thinRectangle(points, into: &rules)
            }
        }
    }

    /// A stroked straight segment parallel to an edge of the page.
    private static func segment(_ a: (Double, Double), _ b: (Double, Double), into rules: inout [PDFPage.Rule]) {
        let (dx, dy) = (abs(a.0 - b.0), abs(a.1 - b.1))
        if dy <= 0.5 && dx >= 1 {
            rules.append(PDFPage.Rule(horizontal: true, at: (a.1 + b.1) / 2, from: a.0, to: b.0))
        } else if dx <= 0.5 && dy >= 1 {
            rules.append(PDFPage.Rule(horizontal: false, at: (a.0 + b.0) / 2, from: a.1, to: b.1))
        }
    }

    /// A filled shape of a few straight sides that fits in a thin, long box: a rectangle, or the
    /// trapezoid of a bevelled border (Chromium draws `border="1"`'s inset and outset borders as
    /// four trapezoids whose ends are cut at 45° where they meet, `M 576.75 35.25 L 576.75 60
    /// L 577.5 60 L 577.5 34.5`, so one corner is off the box's end by the border's width).
    private static func thinRectangle(_ points: [(Double, Double)], into rules: inout [PDFPage.Rule]) {
        // A quadrilateral, maybe with its first point repeated to close it: more corners is a drawing.
        guard points.count <= 6 else { return }
        let xs = points.map(\.0), ys = points.map(\.1)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return }
        let (width, height) = (x1 - x0, y1 - y0)
        if height <= thickness && width >= 2 * max(height, 0.5) {
            rules.append(PDFPage.Rule(horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1))
        } else if width <= thickness && height >= 2 * max(width, 0.5) {
            rules.append(PDFPage.Rule(horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1))
        }
    }

    struct Subpath {
        var points: [(Double, Double)] = []
        var closed = false
        var curved = false
    }

    /// The subpaths of a path's `d`, as cairo writes it (absolute commands, numbers separated by spaces).
    static func subpaths(_ d: ArraySlice<UInt8>) -> [Subpath] {
        var result: [Subpath] = []
        var current = Subpath()
        var numbers: [Double] = []
        var command: UInt8 = 0
        func flushNumbers() {
            switch command {
            case UInt8(ascii: "M"), UInt8(ascii: "L"):
                var pairs = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }[...]
                if command == UInt8(ascii: "M"), let first = pairs.first {
                    if !current.points.isEmpty { result.append(current) }
                    current = Subpath(points: [first])
                    pairs = pairs.dropFirst()
                }
                current.points += pairs
            case UInt8(ascii: "C"):
                current.curved = true
                if numbers.count >= 6 { current.points.append((numbers[numbers.count - 2], numbers[numbers.count - 1])) }
            default:
                break
            }
            numbers.removeAll(keepingCapacity: true)
        }
        var index = d.startIndex
        while index < d.endIndex {
            let byte = d[index]
            if byte == UInt8(ascii: "M") || byte == UInt8(ascii: "L") || byte == UInt8(ascii: "C") || byte == UInt8(ascii: "Z")
                || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "V") || byte == UInt8(ascii: "Q") || byte == UInt8(ascii: "A") {
                flushNumbers()
                command = byte
                if byte == UInt8(ascii: "Z") {
                    current.closed = true
                } else if byte != UInt8(ascii: "M") && byte != UInt8(ascii: "L") {
                    current.curved = true
                }
                index += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                var end = index + 1
                while end < d.endIndex, d[end] == UInt8(ascii: ".") || d[end] == UInt8(ascii: "e") || (d[end] >= UInt8(ascii: "0") && d[end] <= UInt8(ascii: "9")) { end += 1 }
                if let value = number(d[index..<end]), value.isFinite { numbers.append(value) }
                index = end
            } else {
                index += 1
            }
        }
        flushNumbers()
        if !current.points.isEmpty { result.append(current) }
        return result
    }

    /// A number as cairo writes it (`-12.5`, `0.75`): read from the bytes, or by `Double` when it
    /// has an exponent or more digits than a `Double` holds exactly.
    static func number(_ bytes: ArraySlice<UInt8>) -> Double? {
        var integer: Int64 = 0, scale: Int64 = 1, digits = 0, seenPoint = false
        var index = bytes.startIndex
        let negative = index < bytes.endIndex && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 15 {
                integer = integer * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { scale *= 10 }
            } else {
                return Double(String(decoding: bytes, as: UTF8.self))
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        return (negative ? -1 : 1) * Double(integer) / Double(scale)
    }

    /// An SVG `matrix(a,b,c,d,e,f)`.
    struct Matrix {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
        static let identity = Matrix()

        init() {}

        init?(_ text: ArraySlice<UInt8>) {
            let string = String(decoding: text, as: UTF8.self)
            guard string.hasPrefix("matrix("), string.hasSuffix(")") else { return nil }
            let values = string.dropFirst(7).dropLast().split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
            guard values.count == 6, values.allSatisfy(\.isFinite) else { return nil }
            (a, b, c, d, e, f) = (values[0], values[1], values[2], values[3], values[4], values[5])
        }

        func apply(_ point: (Double, Double)) -> (Double, Double) {
            (a * point.0 + c * point.1 + e, b * point.0 + d * point.1 + f)
        }
    }

    /// The value of `name="…"` in a tag.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let key = Array((" " + name + "=\"").utf8)
        guard let start = position(of: key, in: tag, from: tag.startIndex) else { return nil }
        let valueStart = start + key.count
        guard let end = tag[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return tag[valueStart..<end]
    }

    private static func matches<C: Collection<UInt8>>(_ bytes: C, at index: C.Index, _ pattern: [UInt8]) -> Bool where C.Index == Int {
        guard index + pattern.count <= bytes.endIndex else { return false }
        return bytes[index..<index + pattern.count].elementsEqual(pattern)
    }

    private static func position<C: Collection<UInt8>>(of pattern: [UInt8], in bytes: C, from start: Int) -> Int? where C.Index == Int, C.SubSequence: Collection<UInt8> {
        guard let first = pattern.first else { return nil }
        var index = start
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
