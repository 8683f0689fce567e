// The ShenbaoZip module; see README "Design".
