/// Rebuilds a page's lines, tables and cells from where its characters and lines are.
///
/// Two ways, as Camelot names them. **Lattice**: ruling lines that cross one another are a
/// table's borders; every row and column border drawn makes a grid, a border missing inside it
/// joins two grid cells into one merged cell (its text goes to the merged cell's top-left
/// position, the positions it covers are blank, as `HTMLText` writes a `rowspan`), and the
/// lines of text inside one cell join into that cell however many they are. **Stream**: the
/// characters outside any ruled table become lines by their baselines (tolerant of small
/// offsets), a line with wide gaps is a row of cells split at those gaps, and a line whose only
/// text sits under one cell of the row above, right under it, is that cell's wrapped text.
///
/// The page's blocks come out from top to bottom.
package enum PDFLayout {
    package enum Block: Sendable, Hashable {
        /// A line of prose, and the size it is printed in (`Line.height`; 0 when not known).
        case prose(String, height: Double = 0)
        case table(Table)
    }

    package struct Table: Sendable, Hashable {
        /// The cell texts, row by row (rows may be shorter in a table read from gaps).
        package var rows: [[String]]
        /// The x of each column's left border, for a table read from its borders (empty for one
        /// read from gaps): how the rows of its continuation on the next page line up with it.
        package var columns: [Double]

        package init(rows: [[String]], columns: [Double] = []) {
            self.rows = rows
            self.columns = columns
        }
    }

    package static func blocks(of page: PDFPage) -> [Block] {
        let lattices = Lattice.find(in: page.rules)
        var members = Array(repeating: [PDFPage.Glyph](), count: lattices.count)
        var loose: [PDFPage.Glyph] = []
        for glyph in normalized(page.glyphs) {
            if let index = lattices.firstIndex(where: { $0.contains(glyph.box) }) {
                members[index].append(glyph)
            } else {
                loose.append(glyph)
            }
        }
        var placed: [(top: Double, block: Block)] = []
        for (lattice, glyphs) in zip(lattices, members) {
            if let table = lattice.table(of: glyphs) {
                placed.append((lattice.top, .table(table)))
            } else {
                loose += glyphs
            }
        }
        placed += stream(loose)
        return placed.enumerated().sorted { ($0.element.top, $0.offset) < ($1.element.top, $1.offset) }.map(\.element.block)
    }

    // MARK: Lines of text

    /// `glyphs` with their boxes no taller than their print: poppler gives a Type 3 font's
    /// characters (Chromium's, for fonts in a collection) the font's whole bounding box, 2.6 times
    /// the font size, which would run the lines of a wrapped cell into one. A Chinese character is
    /// as tall as it is wide, so its box is cut to 1.3 times its width; another character to 1.3
    /// times the page's usual Chinese width. The middle of each box stays where it was.
    static func normalized(_ glyphs: [PDFPage.Glyph]) -> [PDFPage.Glyph] {
        let widths = glyphs.lazy.filter { isCJK($0.scalar) }.prefix(10_000).map(\.box.width).sorted()
        let usual = widths.isEmpty ? Double.infinity : widths[widths.count / 2]
        return glyphs.map { glyph in
            let limit = 1.3 * (isCJK(glyph.scalar) && glyph.box.width > 0 ? glyph.box.width : usual)
            guard glyph.box.height > limit else { return glyph }
            var cut = glyph
            cut.box.y0 = glyph.box.midY - limit / 2
            cut.box.y1 = glyph.box.midY + limit / 2
            return cut
        }
    }

    /// A line of text: its characters from left to right.
    struct Line {
        var glyphs: [PDFPage.Glyph]
        var top: Double { glyphs.map(\.box.y0).min() ?? 0 }
        var bottom: Double { glyphs.map(\.box.y1).max() ?? 0 }
        /// The middle height of its characters: the size it is printed in, whatever a few
        /// characters of another font (figures among Chinese) measure.
        var height: Double {
            let heights = glyphs.map(\.box.height).sorted()
            return heights.isEmpty ? 0 : heights[heights.count / 2]
        }
    }

    /// `glyphs` grouped into lines by their vertical middles (a character within a third of the
    /// line's height of the line's middle is on it: superscripts and small shifts stay), each
    /// line sorted from left to right, lines from top to bottom.
    static func lines(_ glyphs: [PDFPage.Glyph]) -> [Line] {
        var lines: [Line] = []
        var middleSum = 0.0
        var height = 0.0
        for glyph in glyphs.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = lines.indices.last {
                let middle = middleSum / Double(lines[last].glyphs.count)
                if abs(glyph.box.midY - middle) <= 0.35 * max(height, glyph.box.height) {
                    lines[last].glyphs.append(glyph)
                    middleSum += glyph.box.midY
                    height = max(height, glyph.box.height)
                    continue
                }
            }
            lines.append(Line(glyphs: [glyph]))
            middleSum = glyph.box.midY
            height = glyph.box.height
        }
        for index in lines.indices { lines[index].glyphs.sort { $0.box.x0 < $1.box.x0 } }
        return lines
    }

    /// The text of characters on one line, a space where the gap between two is a word space.
    static func text(_ glyphs: some Collection<PDFPage.Glyph>) -> String {
        var text = ""
        var previous: PDFPage.Glyph?
        for glyph in glyphs {
            if let previous, glyph.box.x0 - previous.box.x1 > 0.2 * max(previous.box.height, glyph.box.height) {
                text.append(" ")
            }
            text.unicodeScalars.append(glyph.scalar)
            previous = glyph
        }
        return text
    }

    /// The text of a cell's lines joined as one: wrapped Chinese and wrapped figures (`95.00` then
    /// `%`) join without a space, wrapped Latin words with one.
    static func joined(_ parts: [String]) -> String {
        var result = ""
        for part in parts where !part.isEmpty {
            if let last = result.unicodeScalars.last, let first = part.unicodeScalars.first,
               isLatinLetter(last) || isLatinLetter(first), !isCJK(last), !isCJK(first) {
                result.append(" ")
            }
            result += part
        }
        return result
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Chinese characters and full-width punctuation, which wrap without a space.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x2E80...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
            || (0x20000...0x3FFFF).contains(scalar.value)
    }

    // MARK: Stream: tables from gaps

    /// A line cut where its gaps are wide: each piece with the x range it covers.
    struct Piece {
        var text: String
        var x0: Double
        var x1: Double
    }

    static func pieces(_ line: Line) -> [Piece] {
        // A column gap is wider than a character: wider than a word space by far.
        let gap = line.height
        var pieces: [Piece] = []
        var start = line.glyphs.startIndex
        for index in line.glyphs.indices.dropFirst() where line.glyphs[index].box.x0 - line.glyphs[index - 1].box.x1 > gap {
            pieces.append(piece(line.glyphs[start..<index]))
            start = index
        }
        pieces.append(piece(line.glyphs[start...]))
        return pieces
    }

    private static func piece(_ glyphs: ArraySlice<PDFPage.Glyph>) -> Piece {
        Piece(text: text(glyphs), x0: glyphs.first?.box.x0 ?? 0, x1: glyphs.last?.box.x1 ?? 0)
    }

    /// The blocks of the characters outside any ruled table.
    static func stream(_ glyphs: [PDFPage.Glyph]) -> [(top: Double, block: Block)] {
        var blocks: [(top: Double, block: Block)] = []
        // The table being collected: its rows, each cell's x range, and the last row's bottom.
        var rows: [[Piece]] = []
        var tableTop = 0.0
        var lastBottom = 0.0
        func flush() {
            if !rows.isEmpty { blocks.append((tableTop, .table(Table(rows: aligned(rows))))) }
            rows = []
        }
        for line in lines(glyphs) {
            let cut = pieces(line)
            if cut.count >= 2 {
                if rows.isEmpty { tableTop = line.top }
                rows.append(cut)
                lastBottom = line.bottom
            } else if let last = rows.last, let column = wrappedColumn(cut[0], under: last),
                      line.top - lastBottom < 0.5 * line.height {
                // The rest of a cell's text, wrapped onto a line of its own.
                rows[rows.count - 1][column].text = joined([last[column].text, cut[0].text])
                lastBottom = line.bottom
            } else {
                flush()
                blocks.append((line.top, .prose(cut[0].text, height: line.height)))
            }
        }
        flush()
        return blocks
    }

    /// The rows of a table read from gaps, each row's pieces put under the columns of the table's
    /// widest row among its first three (its header): a column whose cell is blank in a row
    /// stays a blank cell there instead of shifting the cells after it. A row whose pieces do not
    /// fall one each into distinct columns is kept as it was cut.
    static func aligned(_ rows: [[Piece]]) -> [[String]] {
        guard let header = rows.prefix(3).max(by: { $0.count < $1.count }), header.count >= 2 else {
            return rows.map { $0.map(\.text) }
        }
        // Column i runs from halfway between header cells i-1 and i to halfway between i and i+1.
        let borders = zip(header, header.dropFirst()).map { ($0.x1 + $1.x0) / 2 }
        return rows.map { row in
            let columns = row.map { piece in borders.firstIndex { (piece.x0 + piece.x1) / 2 < $0 } ?? borders.count }
            guard zip(columns, columns.dropFirst()).allSatisfy({ $0 < $1 }) else { return row.map(\.text) }
            var cells = Array(repeating: "", count: header.count)
            for (column, piece) in zip(columns, row) { cells[column] = piece.text }
            return cells
        }
    }

    /// The cell of `row` that `piece` is the wrapped rest of: the piece lies under that cell only,
    /// and is not a figure (a figure alone on a line is a row whose other cells are blank).
    static func wrappedColumn(_ piece: Piece, under row: [Piece]) -> Int? {
        guard !piece.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        let overlapping = row.indices.filter { row[$0].x0 < piece.x1 && piece.x0 < row[$0].x1 }
        return overlapping.count == 1 ? overlapping[0] : nil
    }
}
