import Foundation
import OneDay

/// A key tag or chip as the view draws it: the milestone's name and colour from core, and the colour
/// as a hex value the view can paint.
public struct KeyTag: Equatable, Sendable {
    /// The milestone's label from core: `Welcome`, `30 days`, `1 year`.
    public let name: String
    /// The colour's name from core (`orange`, `glow-in-the-dark`), or the user's own for AA chips;
    /// `nil` when the profile has none.
    public let colourName: String?
    /// `#RRGGBB` for a colour name ``KeyTagColours`` knows; `nil` for none or an unknown name (the
    /// view then shows ``colourName`` as text).
    public let colourHex: String?

    /// How to say it: `1 year (glow-in-the-dark)`, or just `24 hours` without a colour.
    public var text: String { colourName.map { "\(name) (\($0))" } ?? name }

    /// The key tag of a milestone core computed.
    public static func of(_ milestone: Milestone) -> KeyTag {
        KeyTag(name: milestone.label, colourName: milestone.colour, colourHex: milestone.colour.flatMap(KeyTagColours.hex))
    }
}

/// Paint for the colour names of key tags and chips. A colour name is core's (NA key tags) or the
/// user's (AA chips); this only says how to draw it.
public enum KeyTagColours {
    private static let byName: [String: String] = [
        "white": "#FFFFFF", "orange": "#F28C28", "green": "#2E8B57", "red": "#C62828",
        "blue": "#1E5AA8", "yellow": "#F4C430", "glow-in-the-dark": "#D4F7C5", "grey": "#8C8C8C",
        "gray": "#8C8C8C", "black": "#000000", "bronze": "#CD7F32", "silver": "#C0C0C0",
        "gold": "#D4AF37", "purple": "#6A3D9A", "pink": "#E91E63",
    ]

    /// `#RRGGBB` for a name (any case, surrounding blanks ignored), or `nil` when unknown.
    public static func hex(_ name: String) -> String? {
        byName[name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()]
    }
}
