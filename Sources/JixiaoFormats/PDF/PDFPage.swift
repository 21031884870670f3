/// One page of a PDF as the reader takes it from poppler: the characters it shows, each with its
/// box, and the ruling lines drawn on it. Coordinates are PDF points from the page's top-left
/// corner, y growing downwards (poppler's text layout and cairo's rendering agree on this).
///
/// Geometry is `Double`: these are positions on paper, never figures that are reported.
package struct PDFPage: Sendable, Hashable {
    /// A rectangle on the page.
    package struct Box: Sendable, Hashable {
        package var x0, y0, x1, y1: Double

        package init(x0: Double, y0: Double, x1: Double, y1: Double) {
            self.x0 = min(x0, x1)
            self.y0 = min(y0, y1)
            self.x1 = max(x0, x1)
            self.y1 = max(y0, y1)
        }

        package var width: Double { x1 - x0 }
        package var height: Double { y1 - y0 }
        package var midX: Double { (x0 + x1) / 2 }
        package var midY: Double { (y0 + y1) / 2 }
    }

    /// A character shown on the page (never a space or a line end: gaps stand for those).
    package struct Glyph: Sendable, Hashable {
        package var scalar: Unicode.Scalar
        package var box: Box

        package init(_ scalar: Unicode.Scalar, _ box: Box) {
            self.scalar = scalar
            self.box = box
        }
    }

    /// A straight line drawn across or down the page: a table's border.
    package struct Rule: Sendable, Hashable {
        /// Across the page (a row border) or down it (a column border).
        package var isHorizontal: Bool
        /// y of a horizontal rule, x of a vertical one.
        package var position: Double
        /// Where it starts and ends along its direction (x for a horizontal rule, y for a vertical one).
        package var start: Double
        package var end: Double

        package init(horizontal: Bool, at position: Double, from start: Double, to end: Double) {
            isHorizontal = horizontal
            self.position = position
            self.start = min(start, end)
            self.end = max(start, end)
        }

        package var length: Double { end - start }
    }

    /// The page's number in the document, 1-based.
    package var number: Int
    package var glyphs: [Glyph]
    package var rules: [Rule]

    package init(number: Int, glyphs: [Glyph], rules: [Rule]) {
        self.number = number
        self.glyphs = glyphs
        self.rules = rules
    }
}
