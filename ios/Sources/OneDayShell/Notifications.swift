// Local notifications (UNUserNotificationCenter) with neutral text. What shows on the lock screen is
// ReminderText.lockScreen, which names nothing; the app shows the detail once it is open. No push,
// no server: everything is scheduled on the device. Apple only; not compiled on Linux.
#if canImport(UserNotifications)
import Foundation
import OneDayViewModels
import UserNotifications

/// Schedules and clears One Day's reminders.
public enum Notifications {
    /// Asks once for permission to show alerts and play a sound (no badge: a number on the icon says too much).
    public static func requestPermission() async -> Bool {
        (try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound])) ?? false
    }

    /// Schedules one reminder at `date` (the user's zone). Whatever the reminder is about, the
    /// notification carries only the neutral lock-screen text; `kind` and `id` (no user words) let
    /// the app open the right screen.
    public static func schedule(id: String, kind: String, at date: DateComponents) async throws {
        let text = ReminderText.lockScreen
        let content = UNMutableNotificationContent()
        content.title = text.title
        content.body = text.body
        content.sound = .default
        content.userInfo = ["kind": kind]
        let trigger = UNCalendarNotificationTrigger(dateMatching: date, repeats: false)
        try await UNUserNotificationCenter.current().add(UNNotificationRequest(identifier: id, content: content, trigger: trigger))
    }

    /// Removes every pending One Day reminder (before rescheduling, or when the vault is wiped).
    public static func clearAll() {
        UNUserNotificationCenter.current().removeAllPendingNotificationRequests()
        UNUserNotificationCenter.current().removeAllDeliveredNotifications()
    }
}
#endif
