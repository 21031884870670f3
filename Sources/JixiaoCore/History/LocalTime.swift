import Foundation

/// Times are stored in the history as ISO 8601 in UTC; people read them in their own time zone.
public enum LocalTime {
    /// `2026-12-07T11:06:37Z` as `2026-12-07 19:06` in this computer's time zone; the text itself
    /// when it is no such time.
    public static func display(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
