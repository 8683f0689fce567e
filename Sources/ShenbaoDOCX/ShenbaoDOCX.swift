// The ShenbaoDOCX module; see README "Design".
