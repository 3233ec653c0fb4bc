// Package bytealg holds the byte-search primitives that strings and bytes
// build on. rgo: every function is a Rust native (memchr-class code), as
// in Go they are assembly.
package bytealg

// MaxBruteForce is the length below which Index uses brute force; kept
// for callers that mirror Go's heuristics.
const MaxBruteForce = 64

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int

// IndexByteString returns the index of the first c in s, or -1.
func IndexByteString(s string, c byte) int

// LastIndexByte returns the index of the last c in b, or -1.
func LastIndexByte(b []byte, c byte) int

// LastIndexByteString returns the index of the last c in s, or -1.
func LastIndexByteString(s string, c byte) int

// Count returns the number of c in b.
func Count(b []byte, c byte) int

// CountString returns the number of c in s.
func CountString(s string, c byte) int

// Index returns the index of the first instance of sep in s, or -1.
func Index(s, sep []byte) int

// IndexString returns the index of the first instance of sep in s, or -1.
func IndexString(s, sep string) int

// LastIndex returns the index of the last instance of sep in s, or -1.
func LastIndex(s, sep []byte) int

// LastIndexString returns the index of the last instance of sep in s, or -1.
func LastIndexString(s, sep string) int

// Compare returns an integer comparing a and b lexicographically.
func Compare(a, b []byte) int

// CompareString returns an integer comparing a and b lexicographically.
func CompareString(a, b string) int

// Equal reports whether a and b are the same length and contain the same bytes.
func Equal(a, b []byte) bool
