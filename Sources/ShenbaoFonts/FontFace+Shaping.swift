import CHarfBuzz

extension FontFace {
    /// Shapes `text` as one run with HarfBuzz (direction, script and language guessed; Chinese by default).
    ///
    /// Each call makes its own buffer, so many threads may shape with the same face at once.
    public func shape(_ text: String) -> [ShapedGlyph] {
        let scalars = text.unicodeScalars.map { $0.value }
        if scalars.isEmpty { return [] }
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        // Adding code points (not UTF-8) makes each cluster value a scalar index.
        scalars.withUnsafeBufferPointer {
            hb_buffer_add_codepoints(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count))
        }
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_buffer_set_language(buffer, FontFace.chinese)
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(font, buffer, nil, 0)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        var result: [ShapedGlyph] = []
        result.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            result.append(ShapedGlyph(gid: infos[i].codepoint, cluster: Int(infos[i].cluster),
                                      xAdvance: positions[i].x_advance,
                                      xOffset: positions[i].x_offset, yOffset: positions[i].y_offset))
        }
        return result
    }

    /// Width of `text` set in this face at `size` points, in points (shaped, so kerning counts).
    public func advance(of text: String, size: Double) -> Double {
        let units = shape(text).reduce(Int64(0)) { $0 + Int64($1.xAdvance) }
        return Double(units) * size / Double(unitsPerEm)
    }

    /// Converts font units to points at `size`.
    public func points(_ units: Int32, size: Double) -> Double {
        Double(units) * size / Double(unitsPerEm)
    }

    nonisolated(unsafe) static let chinese: hb_language_t = hb_language_from_string("zh-cn", -1)
}
