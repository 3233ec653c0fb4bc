package strings

import (
	"io"
	"sync"
)

// Replacer substitutes strings for other strings; it may be used by
// several goroutines at once.
//
// rgo: one algorithm for every Replacer: at each byte position of the
// input, the first pair (in argument order) whose old string is a prefix
// there wins; after an empty old string matched, the same position is
// tried again for non-empty ones only, then one byte is copied.
type Replacer struct {
	once   sync.Once
	r      any // *replaceTable, built on first use (an interface, as Go's, so Sizeof matches)
	oldnew []string
}

// replaceTable is the prepared form of a Replacer.
type replaceTable struct {
	first [256]bool // first[c]: some old string starts with byte c
}

// NewReplacer returns a Replacer for the pairs old1, new1, old2, new2, ...
// Matches do not overlap; where several olds match at one position the
// earliest pair wins. An odd number of arguments panics.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{oldnew: append([]string(nil), oldnew...)}
}

func (r *Replacer) build() {
	t := &replaceTable{}
	for i := 0; i < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if old != "" {
			t.first[old[0]] = true
		}
	}
	r.r = t
}

// match returns the replacement for the pair matching at s[i:] and the
// matched length; ok is false if nothing matches. Empty matches are not
// considered when noEmpty is set.
func (r *Replacer) match(s string, i int, noEmpty bool) (repl string, n int, ok bool) {
	canByte := i < len(s) && r.r.(*replaceTable).first[s[i]]
	for k := 0; k < len(r.oldnew); k += 2 {
		old := r.oldnew[k]
		if old == "" {
			if !noEmpty {
				return r.oldnew[k+1], 0, true
			}
			continue
		}
		if canByte && HasPrefix(s[i:], old) {
			return r.oldnew[k+1], len(old), true
		}
	}
	return "", 0, false
}

// Replace returns s with every match replaced.
func (r *Replacer) Replace(s string) string {
	var b Builder
	r.replace(&b, s)
	return b.String()
}

// WriteString writes s with every match replaced to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	var b Builder
	r.replace(&b, s)
	return io.WriteString(w, b.String())
}

func (r *Replacer) replace(b *Builder, s string) {
	r.once.Do(r.build)
	last := 0
	prevEmpty := false
	for i := 0; i <= len(s); {
		// After an empty match, look again at the same position for a
		// non-empty one; only then step over one byte.
		repl, n, ok := r.match(s, i, prevEmpty)
		prevEmpty = ok && n == 0
		if ok {
			b.WriteString(s[last:i])
			b.WriteString(repl)
			i += n
			last = i
			continue
		}
		i++
	}
	b.WriteString(s[last:])
}
