// Package abi holds what the compiler and the library agree on beyond
// the language. rgo: only NoEscape.
package abi

import "unsafe"

// NoEscape returns p, hiding it from escape analysis: the compiler takes
// it that nothing p points to escapes through the call, and knows
// nothing of what the result points to (Go's abi.NoEscape, which it
// builds from a uintptr round trip). The caller must make sure that is
// true. rgo's escape analysis knows the function by name
// (rgo-compile's stackobj.rs); it is not inlined, so that its call
// stays visible there.
//
//go:noinline
func NoEscape(p unsafe.Pointer) unsafe.Pointer {
	return p
}
