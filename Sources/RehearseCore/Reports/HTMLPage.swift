/// One self-contained HTML page: the document shell every exported page shares.
///
/// A page carries its own styles and nothing from outside (no scripts, fonts or style sheets),
/// so it opens the same from a mail attachment or a folder years later.
enum HTMLPage {
  /// The body text every page sets: a readable column that wraps long words.
  static let baseStyle =
    "body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; "
    + "padding: 0 1rem; color: #222; overflow-wrap: anywhere; }"

  /// The page titled `title` (escaped here), holding the HTML lines of `body`, styled by
  /// `baseStyle` and then `style`.
  static func render(title: String, body: [String], style: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(FeedbackHTML.escape(title))</title>
    <style>
    \(baseStyle)
    \(style)
    </style>
    </head>
    <body>
    \(body.joined(separator: "\n"))
    </body>
    </html>

    """
  }
}
