package inner

// This file lives in a directory whose name ends in .go: it must be walked into.
func F() {}
