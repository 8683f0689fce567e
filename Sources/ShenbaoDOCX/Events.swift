/// A piece of a `w:t`'s text once tags are found: literal text, or the tag (by index in the
/// part's tag list) that starts there.
enum TextSegment {
    case text(String)
    case tag(Int)
}

/// Section boundaries placed in the compiled stream (by section index in the part).
enum PieceEvent {
    case open(Int)
    case close(Int)
}
