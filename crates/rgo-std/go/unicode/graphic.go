package unicode

// Bits of latin1Props (the table is generated in tables.go with these
// names): one per category of the Latin-1 range, plus Go's printable bit.
const (
	pC     = 1 << iota // control
	pP                 // punctuation
	pN                 // number
	pS                 // symbol
	pZ                 // space separator
	pLu                // upper-case letter
	pLl                // lower-case letter
	pp                 // printable in Go's sense (IsPrint)
	pg     = pp | pZ   // graphic in Unicode's sense (IsGraphic)
	pLo    = pLl | pLu // other letter: both bits set
	pLmask = pLo
)

// GraphicRanges lists the categories IsGraphic accepts: letters, marks,
// numbers, punctuation, symbols and space separators.
var GraphicRanges = []*RangeTable{
	L, M, N, P, S, Zs,
}

// PrintRanges lists the categories IsPrint accepts; the only space it
// accepts is U+0020, handled separately.
var PrintRanges = []*RangeTable{
	L, M, N, P, S,
}

// latin1 returns the property bits of r and true when r is in Latin-1.
func latin1(r rune) (uint8, bool) {
	if r < 0 || r > MaxLatin1 {
		return 0, false
	}
	return latin1Props[r], true
}

// category reports whether r is in the category that bit marks in Latin-1
// and table lists elsewhere.
func category(r rune, bit uint8, table *RangeTable) bool {
	if props, ok := latin1(r); ok {
		return props&bit != 0
	}
	return isExcludingLatin(table, r)
}

// IsGraphic reports whether r is a graphic character: a letter, mark,
// number, punctuation, symbol or space separator.
func IsGraphic(r rune) bool {
	if props, ok := latin1(r); ok {
		return props&pg != 0
	}
	return IsOneOf(GraphicRanges, r)
}

// IsPrint reports whether Go prints r as itself: IsGraphic, except that
// U+0020 is the only space accepted.
func IsPrint(r rune) bool {
	if props, ok := latin1(r); ok {
		return props&pp != 0
	}
	return IsOneOf(PrintRanges, r)
}

// IsOneOf is In with the arguments the other way round.
func IsOneOf(ranges []*RangeTable, r rune) bool {
	return In(r, ranges...)
}

// In reports whether r belongs to any of the tables.
func In(r rune, ranges ...*RangeTable) bool {
	for _, table := range ranges {
		if Is(table, r) {
			return true
		}
	}
	return false
}

// IsControl reports whether r is a control character (category Cc, all
// of which are in Latin-1). Surrogates and private-use runes are not.
func IsControl(r rune) bool {
	props, ok := latin1(r)
	return ok && props&pC != 0
}

// IsLetter reports whether r is a letter (category L).
func IsLetter(r rune) bool {
	return category(r, pLmask, Letter)
}

// IsMark reports whether r is a mark (category M); Latin-1 has none.
func IsMark(r rune) bool {
	return category(r, 0, Mark)
}

// IsNumber reports whether r is a number (category N).
func IsNumber(r rune) bool {
	return category(r, pN, Number)
}

// IsDigit reports whether r is a decimal digit (category Nd).
func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return r >= '0' && r <= '9'
	}
	return isExcludingLatin(Digit, r)
}

// IsPunct reports whether r is punctuation (category P).
func IsPunct(r rune) bool {
	if props, ok := latin1(r); ok {
		return props&pP != 0
	}
	return Is(Punct, r)
}

// IsSpace reports whether r is white space: in Latin-1 '\t', '\n', '\v',
// '\f', '\r', ' ', U+0085 and U+00A0; elsewhere the White_Space property.
func IsSpace(r rune) bool {
	if _, ok := latin1(r); !ok {
		return category(r, 0, White_Space)
	}
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0:
		return true
	}
	return false
}

// IsSymbol reports whether r is a symbol (category S).
func IsSymbol(r rune) bool {
	return category(r, pS, Symbol)
}
