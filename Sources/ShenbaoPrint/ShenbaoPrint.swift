// The ShenbaoPrint module; see README "Design".
