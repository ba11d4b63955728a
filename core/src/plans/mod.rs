//! Plans the user writes on a good day for a bad one: the Stanley-Brown safety plan and the
//! relapse-prevention plan, with revisions and plain-text / Markdown export.
