// Package path manipulates slash-separated paths such as URL paths; for
// operating-system paths use path/filepath. rgo: plain Go.
package path

import "strings"

// Clean returns the shortest lexically equivalent form of path: runs of
// slashes become one, "." elements go, each ".." removes the element
// before it (and disappears at the root of an absolute path). Only "/"
// ends in a slash; an empty result is ".".
func Clean(path string) string {
	if path == "" {
		return "."
	}
	abs := strings.HasPrefix(path, "/")
	var kept []string
	for _, part := range strings.Split(path, "/") {
		switch {
		case part == "" || part == ".":
		case part != "..":
			kept = append(kept, part)
		case len(kept) > 0 && kept[len(kept)-1] != "..":
			kept = kept[:len(kept)-1]
		case !abs:
			kept = append(kept, part)
		}
	}
	joined := strings.Join(kept, "/")
	switch {
	case abs:
		return "/" + joined
	case joined == "":
		return "."
	}
	return joined
}

// Split cuts path after its last slash: dir keeps the slash, file is the
// rest. Without a slash dir is empty.
func Split(path string) (dir, file string) {
	cut := strings.LastIndexByte(path, '/') + 1
	return path[:cut], path[cut:]
}

// Join joins the non-empty elements with slashes and cleans the result;
// with no non-empty element it returns "".
func Join(elem ...string) string {
	var parts []string
	for _, part := range elem {
		if part != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return Clean(strings.Join(parts, "/"))
}

// Ext returns the extension of the last element of path: from its last
// dot on, or "" when it has none.
func Ext(path string) string {
	base := path[strings.LastIndexByte(path, '/')+1:]
	if dot := strings.LastIndexByte(base, '.'); dot >= 0 {
		return base[dot:]
	}
	return ""
}

// Base returns the last element of path, ignoring trailing slashes: "."
// for an empty path and "/" for a path of slashes only.
func Base(path string) string {
	if path == "" {
		return "."
	}
	path = strings.TrimRight(path, "/")
	if path == "" {
		return "/"
	}
	return path[strings.LastIndexByte(path, '/')+1:]
}

// IsAbs reports whether path starts with a slash.
func IsAbs(path string) bool {
	return strings.HasPrefix(path, "/")
}

// Dir returns path without its last element, cleaned.
func Dir(path string) string {
	head, _ := Split(path)
	return Clean(head)
}
