import JixiaoBase

extension ImportedDocument {
    /// Gives every location in the document (its tables' rows and cells, its claims and notes)
    /// the place of its line in the file the user holds: `places[n - 1]` for line n of the text
    /// the reader rendered (a PDF's page, a web page's or Word document's table row). The places
    /// are kept, so locations made later from a line number (`located`) get theirs too.
    package mutating func place(_ places: [SourceLocation.Place?]) {
        self.places = places
        let placed = self
        let locate = { (location: SourceLocation) in placed.located(location) }
        for index in tables.indices { tables[index].place(by: locate) }
        for index in claims.indices { claims[index].location = locate(claims[index].location) }
        for index in notes.indices { notes[index].diagnostic.location = locate(notes[index].diagnostic.location) }
    }

    /// `location` with the place of its line when it is a line of this document's text and has
    /// none yet; else as it is.
    public func located(_ location: SourceLocation) -> SourceLocation {
        guard location.place == nil, location.file == file, location.line >= 1, location.line <= places.count,
              let place = places[location.line - 1] else { return location }
        var placed = location
        placed.place = place
        return placed
    }

    /// Line `line` of this document's text, with its place.
    public func location(line: Int) -> SourceLocation {
        located(SourceLocation(file: file, line: line))
    }
}

extension Submission {
    /// Every location of the table passed through `locate`.
    package mutating func place(by locate: (SourceLocation) -> SourceLocation) {
        location = locate(location)
        budget.location = locate(budget.location)
        budget.rateLocation = locate(budget.rateLocation)
        budget.scoreLocation = locate(budget.scoreLocation)
        for category in categories.indices {
            categories[category].location = locate(categories[category].location)
            for indicator in categories[category].indicators.indices {
                categories[category].indicators[indicator].location = locate(categories[category].indicators[indicator].location)
            }
        }
        total.location = locate(total.location)
        if let grade { self.grade?.location = locate(grade.location) }
        if let source {
            self.source?.firstPlace = source.firstLine.flatMap { locate(SourceLocation(file: source.file, line: $0)).place }
            self.source?.lastPlace = source.lastLine.flatMap { locate(SourceLocation(file: source.file, line: $0)).place }
        }
    }
}
