extension PDFLayout {
    /// A table drawn with borders: the x of its column borders and the y of its row borders, and
    /// which of the grid's inner borders are drawn.
    struct Lattice {
        /// Column borders, left to right, and row borders, top to bottom.
        var xs: [Double]
        var ys: [Double]
        /// The rules the table is made of.
        var horizontals: [PDFPage.Rule]
        var verticals: [PDFPage.Rule]

        /// How far apart two lines may be and still be one border, in points (a double border,
        /// a rule drawn by two cells side by side).
        static let tolerance = 2.0
        /// The most grid cells of one table, so a page of hatching is not taken for a table.
        static let cellLimit = 100_000

        var top: Double { ys.first ?? 0 }

        func contains(_ box: PDFPage.Box) -> Bool {
            guard let left = xs.first, let right = xs.last, let top = ys.first, let bottom = ys.last else { return false }
            return box.midX > left && box.midX < right && box.midY > top && box.midY < bottom
        }

        /// The tables the rules of a page draw: the groups of rules that cross or touch, with at
        /// least two row borders and two column borders.
        static func find(in rules: [PDFPage.Rule]) -> [Lattice] {
            let horizontals = merged(rules.filter(\.isHorizontal))
            let verticals = merged(rules.filter { !$0.isHorizontal })
            guard horizontals.count >= 2, verticals.count >= 2, horizontals.count * verticals.count <= 4_000_000 else { return [] }
            // Union-find over horizontals (0..<h) and verticals (h..<h+v).
            var parent = Array(0..<(horizontals.count + verticals.count))
            func root(_ index: Int) -> Int {
                var index = index
                while parent[index] != index {
                    parent[index] = parent[parent[index]]
                    index = parent[index]
                }
                return index
            }
            for (h, horizontal) in horizontals.enumerated() {
                for (v, vertical) in verticals.enumerated() where touches(horizontal, vertical) {
                    parent[root(h)] = root(horizontals.count + v)
                }
            }
            var groups: [Int: (horizontals: [PDFPage.Rule], verticals: [PDFPage.Rule])] = [:]
            for (h, rule) in horizontals.enumerated() { groups[root(h), default: ([], [])].horizontals.append(rule) }
            for (v, rule) in verticals.enumerated() { groups[root(horizontals.count + v), default: ([], [])].verticals.append(rule) }
            return groups.values.compactMap { group in
                let ys = positions(group.horizontals), xs = positions(group.verticals)
                guard ys.count >= 2, xs.count >= 2, (ys.count - 1) * (xs.count - 1) <= cellLimit else { return nil }
                return Lattice(xs: xs, ys: ys, horizontals: group.horizontals, verticals: group.verticals)
            }.sorted { $0.top < $1.top }
        }

        /// Rules on one line that overlap or nearly meet, as one rule each.
        static func merged(_ rules: [PDFPage.Rule]) -> [PDFPage.Rule] {
            var result: [PDFPage.Rule] = []
            let sorted = rules.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
            var index = 0
            while index < sorted.count {
                // The rules within `tolerance / 2` of one another are on one line.
                var end = index + 1
                while end < sorted.count, sorted[end].position - sorted[end - 1].position <= tolerance / 2 { end += 1 }
                let line = sorted[index..<end]
                let position = line.map(\.position).reduce(0, +) / Double(line.count)
                var current: PDFPage.Rule?
                for rule in line.sorted(by: { $0.start < $1.start }) {
                    if var open = current, rule.start <= open.end + tolerance {
                        open.end = max(open.end, rule.end)
                        current = open
                    } else {
                        if let open = current { result.append(open) }
                        current = PDFPage.Rule(horizontal: rule.isHorizontal, at: position, from: rule.start, to: rule.end)
                    }
                }
                if let open = current { result.append(open) }
                index = end
            }
            // Short strokes are underlines, ticks or dashes, not borders.
            return result.filter { $0.length >= 4 }
        }

        static func touches(_ horizontal: PDFPage.Rule, _ vertical: PDFPage.Rule) -> Bool {
            vertical.position >= horizontal.start - tolerance && vertical.position <= horizontal.end + tolerance
                && horizontal.position >= vertical.start - tolerance && horizontal.position <= vertical.end + tolerance
        }

        /// The distinct positions of `rules`, those within `tolerance` taken as one.
        static func positions(_ rules: [PDFPage.Rule]) -> [Double] {
            var result: [Double] = []
            for position in rules.map(\.position).sorted() {
                if let last = result.last, position - last <= tolerance { continue }
                result.append(position)
            }
            return result
        }

        /// Whether a rule of `rules` lies on `position` and runs across `point` (along it).
        private static func drawn(_ rules: [PDFPage.Rule], at position: Double, across point: Double) -> Bool {
            rules.contains { abs($0.position - position) <= tolerance && $0.start - 1 <= point && point <= $0.end + 1 }
        }

        /// The table's rows of cell texts, or nil when it holds fewer than two rows or columns
        /// with text (a frame around prose).
        func table(of glyphs: [PDFPage.Glyph]) -> Table? {
            let rowCount = ys.count - 1, columnCount = xs.count - 1
            // Grid cells joined where the border between them is not drawn.
            var parent = Array(0..<(rowCount * columnCount))
            func root(_ index: Int) -> Int {
                var index = index
                while parent[index] != index {
                    parent[index] = parent[parent[index]]
                    index = parent[index]
                }
                return index
            }
            func join(_ a: Int, _ b: Int) {
                let (ra, rb) = (root(a), root(b))
                // The top-left cell stays the root: the merged cell's text goes there.
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            for row in 0..<rowCount {
                let middle = (ys[row] + ys[row + 1]) / 2
                for column in 1..<max(columnCount, 1) where !Self.drawn(verticals, at: xs[column], across: middle) {
                    join(row * columnCount + column - 1, row * columnCount + column)
                }
            }
            for column in 0..<columnCount {
                let middle = (xs[column] + xs[column + 1]) / 2
                for row in 1..<max(rowCount, 1) where !Self.drawn(horizontals, at: ys[row], across: middle) {
                    join((row - 1) * columnCount + column, row * columnCount + column)
                }
            }
            var members: [Int: [PDFPage.Glyph]] = [:]
            for glyph in glyphs {
                let row = Self.slot(glyph.box.midY, in: ys), column = Self.slot(glyph.box.midX, in: xs)
                members[root(row * columnCount + column), default: []].append(glyph)
            }
            var grid = Array(repeating: Array(repeating: "", count: columnCount), count: rowCount)
            for (cell, glyphs) in members {
                grid[cell / columnCount][cell % columnCount] = PDFLayout.joined(PDFLayout.lines(glyphs).map { PDFLayout.text($0.glyphs) })
            }
            let rows = grid.filter { $0.contains { !$0.isEmpty } }
            let used = (0..<columnCount).filter { column in rows.contains { !$0[column].isEmpty } }
            guard rows.count >= 2, used.count >= 2 else { return nil }
            return Table(rows: rows.map { row in used.map { row[$0] } }, columns: used.map { xs[$0] })
        }

        /// The index of the gap between `borders` that `value` falls in.
        static func slot(_ value: Double, in borders: [Double]) -> Int {
            var low = 0, high = borders.count - 1
            // borders[low] <= value < borders[high], narrowed down.
            while high - low > 1 {
                let middle = (low + high) / 2
                if borders[middle] <= value { low = middle } else { high = middle }
            }
            return low
        }
    }
}
