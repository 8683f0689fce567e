// The ShenbaoFonts module; see README "Design".
