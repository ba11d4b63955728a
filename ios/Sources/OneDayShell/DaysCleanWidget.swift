// The home-screen widget: days clean of the first running counter, from WidgetText (the same core
// computation as the Today screen), naming no counter. Apple only; not compiled on Linux.
#if canImport(WidgetKit) && canImport(SwiftUI) && canImport(UIKit)
import Foundation
import OneDay
import OneDayViewModels
import SwiftUI
import WidgetKit

/// One entry: the text to show.
public struct DaysCleanEntry: TimelineEntry {
    /// When it is valid from.
    public let date: Date
    /// `12 days`, `One Day` or `Unlock One Day`.
    public let text: String
}

/// Reads the vault with the device key (only while the phone is unlocked) and refreshes after midnight.
public struct DaysCleanProvider: TimelineProvider {
    /// The provider.
    public init() {}

    /// A neutral placeholder.
    public func placeholder(in context: Context) -> DaysCleanEntry { DaysCleanEntry(date: Date(), text: WidgetText.noCounter) }

    /// The current text.
    public func getSnapshot(in context: Context, completion: @escaping (DaysCleanEntry) -> Void) { completion(entry()) }

    /// Today's text, refreshed at the next midnight in the user's zone.
    public func getTimeline(in context: Context, completion: @escaping (Timeline<DaysCleanEntry>) -> Void) {
        let midnight = Calendar.current.nextDate(after: Date(), matching: DateComponents(hour: 0), matchingPolicy: .nextTime) ?? Date()
        completion(Timeline(entries: [entry()], policy: .after(midnight)))
    }

    private func entry() -> DaysCleanEntry {
        let today = UserDay.of(Date(), in: .current)
        guard case .opened(let vault) = VaultHolder.open(createIfMissing: false) else {
            return DaysCleanEntry(date: Date(), text: UserMessage.unlockText)
        }
        defer { vault.lock() }
        return DaysCleanEntry(date: Date(), text: (try? WidgetText(vault: vault, today: today).text()) ?? WidgetText.noCounter)
    }
}

/// The widget.
public struct DaysCleanWidget: Widget {
    /// The widget.
    public init() {}

    /// Its configuration.
    public var body: some WidgetConfiguration {
        StaticConfiguration(kind: "org.oneday.days-clean", provider: DaysCleanProvider()) { entry in
            Text(entry.text).font(.title.bold()).containerBackground(.background, for: .widget)
        }
        .configurationDisplayName("One Day")
        .description("Your days, nothing else.")
        .supportedFamilies([.systemSmall, .accessoryRectangular])
    }
}
#endif
