// The ShenbaoPDF module; see README "Design".
