// The ShenbaoTemplate module; see README "Design".
