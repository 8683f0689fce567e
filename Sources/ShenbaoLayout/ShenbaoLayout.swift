// The ShenbaoLayout module; see README "Design".
