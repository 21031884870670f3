/// The text of a PDF in the shape of a document pasted as text: each line of prose one line,
/// each table row one line of tab-separated cells, page after page (`HTMLText`'s shape).
///
/// Between pages, what the printer repeats is left out so it does not cut a table in two: page
/// numbers at the top or bottom of a page (`- 3 -`, `第 3 页`, `第3页 共10页`, `3/10`, `Page 3`)
/// and a running header or footer: a line first or last on every page that changes only in its
/// digits, or stays the same in print smaller than the body (`runningLines`).
/// A table that ends one page and starts the next is one table, and the header rows it repeats
/// at the top of the next page (a `<thead>`, Word's 标题行重复) are dropped.
package struct PDFText: Sendable {
    /// What a line of `text` holds.
    package enum Place: Sendable, Hashable {
        /// Row `row` (1-based, counted over all its pages) of table `table` (1-based, a table
        /// continued over pages counted once), printed on page `page` (1-based).
        case tableRow(page: Int, table: Int, row: Int)
        /// A line of prose on page `page`.
        case prose(page: Int)

        /// The page the line is printed on, 1-based.
        package var page: Int {
            switch self {
            case .tableRow(let page, _, _), .prose(let page): page
            }
        }
    }

    package var text: String
    /// The place of each line: `places[n - 1]` for line n.
    package var places: [Place]

    package init(_ pages: [PDFPage]) {
        self.init(laidOut: pages.map { ($0.number, PDFLayout.blocks(of: $0)) }, bodyHeight: Self.bodyHeight(pages))
    }

    /// The text of pages already laid out: each page's number and its blocks, top to bottom, and
    /// the height of the document's body text (infinite: every line counts as small print).
    package init(laidOut pages: [(number: Int, blocks: [PDFLayout.Block])], bodyHeight: Double = .infinity) {
        let running = Self.runningLines(pages.map(\.blocks), bodyHeight: bodyHeight)
        var lines: [String] = []
        var places: [Place] = []
        var tableNumber = 0
        // The table that ended the previous page, if it did end with one, and its rows so far.
        var openTable: PDFLayout.Table?
        var openRowCount = 0
        for page in pages {
            var blocks = page.blocks[...]
            while let first = blocks.first, Self.isRepeated(first, running) { blocks.removeFirst() }
            while let last = blocks.last, Self.isRepeated(last, running) { blocks.removeLast() }
            for (index, block) in blocks.enumerated() {
                switch block {
                case .prose(let line, _):
                    lines.append(line)
                    places.append(.prose(page: page.number))
                    openTable = nil
                case .table(var table):
                    if index == 0, let previous = openTable, let lined = Self.aligned(table, with: previous) {
                        // The same table going on: its rows lined up with the columns it had, and
                        // the header rows it repeats left out (compared by their cells with text).
                        table = lined
                        let seen = Set(previous.rows.map(Self.filled))
                        var dropped = 0
                        while dropped < 3, let first = table.rows.first, seen.contains(Self.filled(first)) {
                            table.rows.removeFirst()
                            dropped += 1
                        }
                        openTable = PDFLayout.Table(rows: previous.rows + table.rows, columns: table.columns)
                    } else {
                        if openTable != nil {
                            // Two tables one after the other: an empty line keeps them apart.
                            lines.append("")
                            places.append(.prose(page: page.number))
                        }
                        tableNumber += 1
                        openRowCount = 0
                        openTable = table
                    }
                    for row in table.rows {
                        openRowCount += 1
                        lines.append(row.allSatisfy(\.isEmpty) ? "" : (row.count == 1 ? row + [""] : row).joined(separator: "\t"))
                        places.append(.tableRow(page: page.number, table: tableNumber, row: openRowCount))
                    }
                }
            }
            // A page that ends in prose ends the table; a page that ends in a table leaves it open.
            if case .table = blocks.last {} else { openTable = nil }
        }
        text = lines.joined(separator: "\n")
        self.places = places
    }

    /// What line `line` (1-based) of `text` holds, or nil past the end.
    package func place(ofLine line: Int) -> Place? {
        line >= 1 && line <= places.count ? places[line - 1] : nil
    }

    /// `table`'s rows spread over the columns of `previous`, the table that ended the page before,
    /// when each of its column borders is one of `previous`'s (within 3 points): a page's grid has
    /// the borders of every table drawn on it, so the first page of a table printed under another
    /// may have more columns than the next. Nil when its borders are not `previous`'s: another
    /// table. Tables read from gaps have no borders to compare and always go on.
    static func aligned(_ table: PDFLayout.Table, with previous: PDFLayout.Table) -> PDFLayout.Table? {
        guard !table.columns.isEmpty, !previous.columns.isEmpty else { return table }
        guard table.columns != previous.columns else { return table }
        var targets: [Int] = []
        for left in table.columns {
            guard let nearest = previous.columns.indices.min(by: { abs(previous.columns[$0] - left) < abs(previous.columns[$1] - left) }),
                  abs(previous.columns[nearest] - left) <= 3, nearest > (targets.last ?? -1) else { return nil }
            targets.append(nearest)
        }
        let rows = table.rows.map { row in
            var spread = Array(repeating: "", count: previous.columns.count)
            for (column, text) in zip(targets, row) { spread[column] = text }
            return spread
        }
        return PDFLayout.Table(rows: rows, columns: previous.columns)
    }

    /// The cells of `row` that hold text.
    private static func filled(_ row: [String]) -> [String] {
        row.filter { !$0.isEmpty }
    }

    /// A block the printer puts on every page: a page number, or a running header or footer.
    private static func isRepeated(_ block: PDFLayout.Block, _ running: Set<String>) -> Bool {
        guard case .prose(let line, _) = block else { return false }
        let shape = pattern(line)
        return pageNumberPatterns.contains(shape.lowercased()) || running.contains(shape)
    }

    /// The running headers and footers: prose lines first or last on every page (two pages or
    /// more), compared with their digits masked, that either change from page to page only in
    /// their digits (a page number) or are the same on every page in print smaller than the
    /// page's body text. The same title at the top of every page, one table a page, is not
    /// running: it is printed larger than the body.
    static func runningLines(_ pages: [[PDFLayout.Block]], bodyHeight: Double) -> Set<String> {
        let withText = pages.indices.filter { !pages[$0].isEmpty }
        guard withText.count >= 2 else { return [] }
        // Each page's first and last prose lines by their pattern: their texts, and whether small.
        func edges(_ page: Int) -> [String: (text: String, small: Bool)] {
            var found: [String: (text: String, small: Bool)] = [:]
            for block in [pages[page].first, pages[page].last].compactMap({ $0 }) {
                if case .prose(let line, let height) = block {
                    found[pattern(line)] = (line, height < 0.95 * bodyHeight)
                }
            }
            return found
        }
        let all = withText.map(edges)
        var running: Set<String> = []
        for (shape, first) in all[0] {
            let occurrences = all.compactMap { $0[shape] }
            guard occurrences.count == all.count else { continue }
            let varies = occurrences.contains { $0.text != first.text }
            if varies || occurrences.allSatisfy(\.small) { running.insert(shape) }
        }
        return running
    }

    /// The middle height of the document's characters (of the first 100,000): its body text's.
    /// The whole document's, not a page's: a last page with a line of notes and the footer has
    /// as much small print as body.
    static func bodyHeight(_ pages: [PDFPage]) -> Double {
        let heights = PDFLayout.normalized(Array(pages.lazy.flatMap(\.glyphs).prefix(100_000))).map(\.box.height).sorted()
        return heights.isEmpty ? .infinity : heights[heights.count / 2]
    }

    /// `line` without spaces and dashes, each run of digits as one `#`: `第 3 页` → `第#页`.
    static func pattern(_ line: String) -> String {
        var result = ""
        for character in line where !character.isWhitespace && !"-–—－".contains(character) {
            if character.isASCII, character.isNumber {
                if result.last != "#" { result.append("#") }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Page numbers as `pattern` gives them, lowercased.
    static let pageNumberPatterns: Set<String> = [
        "#", "第#页", "第#页共#页", "第#页,共#页", "第#页，共#页", "共#页第#页", "第#页/共#页", "#/#", "page#", "page#of#", "#of#",
    ]
}
