// The ShenbaoForms module; see README "Design".
