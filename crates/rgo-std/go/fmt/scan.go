package fmt

import (
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// ScanState is the view of the input that a custom Scanner's Scan method
// gets.
type ScanState interface {
	// ReadRune returns the next input character.
	ReadRune() (r rune, size int, err error)
	// UnreadRune pushes back the character just read.
	UnreadRune() error
	// SkipSpace moves past white space.
	SkipSpace()
	// Token optionally skips white space, then returns the longest run of
	// characters that f accepts.
	Token(skipSpace bool, f func(rune) bool) (token []byte, err error)
	// Width returns the verb's width, and whether one was given.
	Width() (wid int, ok bool)
	// Read exists so that ScanState is an io.Reader; custom scanners
	// should use ReadRune instead.
	Read(buf []byte) (n int, err error)
}

// Scanner is a type that parses its own textual form: its Scan method
// reads from state for the verb and stores into the (pointer) receiver.
type Scanner interface {
	Scan(state ScanState, verb rune) error
}

// Scanning is plain Go. Input is taken one rune at a time: from the
// reader itself when it can unread (an io.RuneScanner), otherwise through
// a byteReader that asks for a single byte per read, so that a scan never
// consumes input past the text it used (only the one rune it looked at
// and gave back, which is lost with the byteReader at the end of the
// call). Errors inside a scan travel as a panic of scanFailure and become
// the err result at the entry point.
//
// Naming: the S forms read a string, the F forms an io.Reader, the plain
// forms standard input. The plain variants treat newlines as white space;
// the ln variants stop at a newline and require one (or EOF) after the
// last operand; the f variants follow a format string. Each returns how
// many operands it filled and the first error.

// Scan reads white-space separated values from standard input into a.
func Scan(a ...any) (n int, err error) { return Fscan(os.Stdin, a...) }

// Scanln is Scan ending at the end of the line.
func Scanln(a ...any) (n int, err error) { return Fscanln(os.Stdin, a...) }

// Scanf reads standard input into a as format directs.
func Scanf(format string, a ...any) (n int, err error) {
	return Fscanf(os.Stdin, format, a...)
}

// Sscan reads white-space separated values from str into a.
func Sscan(str string, a ...any) (n int, err error) {
	src := textSource{text: str}
	return Fscan(&src, a...)
}

// Sscanln is Sscan ending at the end of the line.
func Sscanln(str string, a ...any) (n int, err error) {
	src := textSource{text: str}
	return Fscanln(&src, a...)
}

// Sscanf reads str into a as format directs.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	src := textSource{text: str}
	return Fscanf(&src, format, a...)
}

// Fscan reads white-space separated values from r into a.
func Fscan(r io.Reader, a ...any) (n int, err error) {
	return startScan(r, true, false).operands(a)
}

// Fscanln is Fscan ending at the end of the line.
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	return startScan(r, false, true).operands(a)
}

// Fscanf reads r into a as format directs.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return startScan(r, false, false).formatted(format, a)
}

// textSource hands out the runes of a string and can take the last one
// back.
type textSource struct {
	text string
	pos  int
	last int // size of the rune read last; 0 when it cannot be unread
}

func (t *textSource) Read(b []byte) (int, error) {
	if t.pos >= len(t.text) {
		return 0, io.EOF
	}
	k := copy(b, t.text[t.pos:])
	t.pos += k
	t.last = 0
	return k, nil
}

func (t *textSource) ReadRune() (rune, int, error) {
	if t.pos >= len(t.text) {
		t.last = 0
		return 0, 0, io.EOF
	}
	r, size := utf8.DecodeRuneInString(t.text[t.pos:])
	t.pos += size
	t.last = size
	return r, size, nil
}

func (t *textSource) UnreadRune() error {
	if t.last == 0 {
		return errNoUnread
	}
	t.pos -= t.last
	t.last = 0
	return nil
}

var errNoUnread = errors.New("fmt: scanning called UnreadRune with no rune available")

// byteReader reads runes from a plain io.Reader one byte per Read call.
// It remembers the rune it returned last so that it can be unread, and
// the bytes that followed an invalid encoding so that they are read again.
type byteReader struct {
	from    io.Reader
	one     [1]byte
	spare   [utf8.UTFMax]byte
	nspare  int
	last    rune
	hasLast bool // last was returned and not unread
	replay  bool // last was unread: hand it out again
}

func (b *byteReader) nextByte() (byte, error) {
	if b.nspare > 0 {
		c := b.spare[0]
		copy(b.spare[:], b.spare[1:b.nspare])
		b.nspare--
		return c, nil
	}
	if k, err := io.ReadFull(b.from, b.one[:]); k < 1 {
		return 0, err
	}
	return b.one[0], nil
}

func (b *byteReader) ReadRune() (rune, int, error) {
	if b.replay {
		b.replay, b.hasLast = false, true
		return b.last, utf8.RuneLen(b.last), nil
	}
	lead, err := b.nextByte()
	if err != nil {
		return 0, 0, err
	}
	if lead < utf8.RuneSelf {
		b.last, b.hasLast = rune(lead), true
		return b.last, 1, nil
	}
	var enc [utf8.UTFMax]byte
	enc[0] = lead
	got := 1
	for !utf8.FullRune(enc[:got]) {
		c, err := b.nextByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, 0, err
		}
		enc[got] = c
		got++
	}
	r, size := utf8.DecodeRune(enc[:got])
	for k := size; k < got; k++ { // bytes after a bad encoding come back
		b.spare[b.nspare] = enc[k]
		b.nspare++
	}
	b.last, b.hasLast = r, true
	return r, size, nil
}

func (b *byteReader) UnreadRune() error {
	if !b.hasLast {
		return errNoUnread
	}
	b.hasLast, b.replay = false, true
	return nil
}

// scanFailure carries a scanning error up to the entry point.
type scanFailure struct{ err error }

const (
	endOfInput = -1      // what getRune returns at the end of the input
	noWidth    = 1 << 30 // "no width given" / "no limit"
	intSize    = 32 << (^uint(0) >> 63)
)

// ss is the scanning state; it is also the ScanState custom scanners get.
type ss struct {
	src       io.RuneScanner
	tok       []byte // the token being collected
	count     int    // runes consumed so far
	atEOF     bool
	nlIsSpace bool // newlines are white space (Scan, Fscan, Sscan)
	nlIsEnd   bool // a newline ends the input (the ln forms)
	argLimit  int  // count may not pass this while scanning one operand
	maxWid    int  // the operand's width, noWidth if none
}

func startScan(r io.Reader, nlIsSpace, nlIsEnd bool) *ss {
	s := &ss{nlIsSpace: nlIsSpace, nlIsEnd: nlIsEnd, argLimit: noWidth, maxWid: noWidth}
	if rs, ok := r.(io.RuneScanner); ok {
		s.src = rs
	} else {
		s.src = &byteReader{from: r}
	}
	return s
}

func (s *ss) fail(err error) { panic(scanFailure{err}) }

func (s *ss) failText(msg string) { panic(scanFailure{errors.New(msg)}) }

// catchScan ends a scanning call: a scanFailure or io.EOF panic becomes
// *err, anything else keeps unwinding.
func catchScan(err *error) {
	p := recover()
	if p == nil {
		return
	}
	if f, ok := p.(scanFailure); ok {
		*err = f.err
		return
	}
	if e, ok := p.(error); ok && e == io.EOF {
		*err = e
		return
	}
	panic(p)
}

// Read is there to make ScanState an io.Reader; it always fails.
func (s *ss) Read(buf []byte) (n int, err error) {
	return 0, errors.New("ScanState's Read should not be called. Use ReadRune")
}

// ReadRune returns the next rune, or io.EOF at the end of the input, of
// the line (ln forms) or of the operand's width.
func (s *ss) ReadRune() (r rune, size int, err error) {
	if s.atEOF || s.count >= s.argLimit {
		return 0, 0, io.EOF
	}
	r, size, err = s.src.ReadRune()
	switch {
	case err == nil:
		s.count++
		s.atEOF = s.nlIsEnd && r == '\n'
	case err == io.EOF:
		s.atEOF = true
	}
	return r, size, err
}

// UnreadRune gives the rune read last back to the input.
func (s *ss) UnreadRune() error {
	s.src.UnreadRune()
	s.count--
	s.atEOF = false
	return nil
}

// Width reports the operand's width from the format, if it had one.
func (s *ss) Width() (wid int, ok bool) {
	if s.maxWid != noWidth {
		return s.maxWid, true
	}
	return 0, false
}

// getRune is ReadRune with endOfInput for io.EOF and a panic for other
// errors.
func (s *ss) getRune() rune {
	r, _, err := s.ReadRune()
	if err == io.EOF {
		return endOfInput
	}
	if err != nil {
		s.fail(err)
	}
	return r
}

// needRune is getRune where the end of the input is an error.
func (s *ss) needRune() rune {
	r := s.getRune()
	if r == endOfInput {
		s.fail(io.ErrUnexpectedEOF)
	}
	return r
}

// notEOF panics with io.EOF (the "nothing left" result) when no input
// remains.
func (s *ss) notEOF() {
	if s.getRune() == endOfInput {
		panic(io.EOF)
	}
	s.UnreadRune()
}

// SkipSpace moves past white space; a newline is an error unless
// newlines count as space.
func (s *ss) SkipSpace() {
	for {
		switch r := s.getRune(); {
		case r == endOfInput:
			return
		case r == '\r' && s.peek("\n"):
		case r == '\n':
			if !s.nlIsSpace {
				s.failText("unexpected newline")
				return
			}
		case !isSpace(r):
			s.UnreadRune()
			return
		}
	}
}

// Token returns the run of runes f accepts (non-space ones for a nil f),
// after white space if skipSpace.
func (s *ss) Token(skipSpace bool, f func(rune) bool) (token []byte, err error) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		if failure, ok := p.(scanFailure); ok {
			err = failure.err
			return
		}
		panic(p)
	}()
	if f == nil {
		f = notSpace
	}
	s.tok = s.tok[:0]
	return s.collect(skipSpace, f), nil
}

func (s *ss) collect(skipSpace bool, f func(rune) bool) []byte {
	if skipSpace {
		s.SkipSpace()
	}
	for r := s.getRune(); r != endOfInput; r = s.getRune() {
		if !f(r) {
			s.UnreadRune()
			break
		}
		s.tok = utf8.AppendRune(s.tok, r)
	}
	return s.tok
}

// isSpace is fmt's notion of white space (Unicode's, minus the few that
// Go's scanner leaves alone).
func isSpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r == ' ', r == 0x85, r == 0xA0, r == 0x1680:
		return true
	case r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x2029:
		return true
	case r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

func notSpace(r rune) bool { return !isSpace(r) }

func runeIn(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// consume reads one rune and reports whether it is in set; keep adds an
// accepted rune to the token and gives a refused one back (a refused rune
// is dropped otherwise).
func (s *ss) consume(set string, keep bool) bool {
	r := s.getRune()
	switch {
	case r == endOfInput:
		return false
	case runeIn(set, r):
		if keep {
			s.tok = utf8.AppendRune(s.tok, r)
		}
		return true
	case keep:
		s.UnreadRune()
	}
	return false
}

func (s *ss) accept(set string) bool { return s.consume(set, true) }

// peek reports whether the next rune is in set, leaving it unread.
func (s *ss) peek(set string) bool {
	r := s.getRune()
	if r == endOfInput {
		return false
	}
	s.UnreadRune()
	return runeIn(set, r)
}

// checkVerb fails unless verb is one of verbs.
func (s *ss) checkVerb(verb rune, verbs, what string) {
	if !runeIn(verbs, verb) {
		s.failText("bad verb '%" + string(verb) + "' for " + what)
	}
}

const (
	floatVerbs = "beEfFgGv"
)

var (
	errBool    = errors.New("syntax error scanning boolean")
	errComplex = errors.New("syntax error scanning complex number")
)

func (s *ss) scanBool(verb rune) bool {
	s.SkipSpace()
	s.notEOF()
	s.checkVerb(verb, "tv", "boolean")
	// The rest of a spelled-out word must follow once its second letter
	// did: "t" and "f" alone are fine, "tr" is not.
	var rest []string
	value := false
	switch s.getRune() {
	case '1':
		return true
	case 't', 'T':
		rest, value = []string{"rR", "uU", "eE"}, true
	case 'f', 'F':
		rest = []string{"aA", "lL", "sS", "eE"}
	default:
		return false
	}
	if s.accept(rest[0]) {
		for _, set := range rest[1:] {
			if !s.accept(set) {
				s.fail(errBool)
			}
		}
	}
	return value
}

// A digitSet is the digits a number may hold: those of the radix in its
// low byte, and '_' with withUnderscore.
type digitSet int

const withUnderscore digitSet = 1 << 8

func (d digitSet) has(r rune) bool {
	radix := int(d & 0xFF)
	switch {
	case r == '_':
		return d&withUnderscore != 0
	case '0' <= r && r <= '9':
		return int(r-'0') < radix
	case 'a' <= r && r <= 'f', 'A' <= r && r <= 'F':
		return radix == 16
	}
	return false
}

// acceptDigit adds the next rune to the token if it is in d, and gives it
// back otherwise.
func (s *ss) acceptDigit(d digitSet) bool {
	r := s.getRune()
	if r == endOfInput {
		return false
	}
	if !d.has(r) {
		s.UnreadRune()
		return false
	}
	s.tok = append(s.tok, byte(r))
	return true
}

// intDigits checks verb for an integer and returns its base and digits.
func (s *ss) intDigits(verb rune) (int, digitSet) {
	s.checkVerb(verb, "bdoUxXv", "integer")
	switch verb {
	case 'b':
		return 2, 2
	case 'o':
		return 8, 8
	case 'x', 'X', 'U':
		return 16, 16
	}
	return 10, 10
}

// prefixed reads a %v integer's base prefix. Base 0 lets strconv read the
// prefix (and underscores) again; sawZero says a digit is already in.
func (s *ss) prefixed() (base int, digits digitSet, sawZero bool) {
	if !s.peek("0") {
		return 0, 10 | withUnderscore, false
	}
	s.accept("0")
	digits = 8
	for _, p := range [...]struct {
		letters string
		radix   digitSet
	}{{"bB", 2}, {"oO", 8}, {"xX", 16}} {
		if s.peek(p.letters) {
			s.accept(p.letters)
			digits = p.radix
			break
		}
	}
	return 0, digits | withUnderscore, true
}

// digitRun adds a run of digits to the token (at least one unless
// haveOne) and returns the token.
func (s *ss) digitRun(digits digitSet, haveOne bool) string {
	if !haveOne {
		s.notEOF()
		if !s.acceptDigit(digits) {
			s.failText("expected integer")
		}
	}
	for s.acceptDigit(digits) {
	}
	return string(s.tok)
}

// charCode is %c for integers: the next rune's code point, which must fit
// in bits.
func (s *ss) charCode(bits int) int64 {
	s.notEOF()
	r := int64(s.getRune())
	if shift := 64 - uint(bits); r<<shift>>shift != r {
		s.failText("overflow on character value " + string(rune(r)))
	}
	return r
}

// integerToken reads the text of an integer for verb, after checking it.
func (s *ss) integerToken(verb rune, signed bool) (string, int) {
	s.SkipSpace()
	s.notEOF()
	base, digits := s.intDigits(verb)
	sawZero := false
	switch {
	case verb == 'U':
		if !s.consume("U", false) || !s.consume("+", false) {
			s.failText("bad unicode format ")
		}
	default:
		if signed {
			s.accept("+-")
		}
		if verb == 'v' {
			base, digits, sawZero = s.prefixed()
		}
	}
	return s.digitRun(digits, sawZero), base
}

func (s *ss) scanInt(verb rune, bits int) int64 {
	if verb == 'c' {
		return s.charCode(bits)
	}
	text, base := s.integerToken(verb, true)
	v, err := strconv.ParseInt(text, base, 64)
	if err != nil {
		s.fail(err)
	}
	if shift := 64 - uint(bits); v<<shift>>shift != v {
		s.failText("integer overflow on token " + text)
	}
	return v
}

func (s *ss) scanUint(verb rune, bits int) uint64 {
	if verb == 'c' {
		return uint64(s.charCode(bits))
	}
	text, base := s.integerToken(verb, false)
	v, err := strconv.ParseUint(text, base, 64)
	if err != nil {
		s.fail(err)
	}
	if shift := 64 - uint(bits); v<<shift>>shift != v {
		s.failText("unsigned integer overflow on token " + text)
	}
	return v
}

// floatToken reads the text of a float: nan, [sign]inf, or decimal or
// hexadecimal digits with an optional point and exponent.
func (s *ss) floatToken() string {
	s.tok = s.tok[:0]
	if s.accept("nN") && s.accept("aA") && s.accept("nN") {
		return string(s.tok)
	}
	s.accept("+-")
	if s.accept("iI") && s.accept("nN") && s.accept("fF") {
		return string(s.tok)
	}
	mantissa, exp := 10|withUnderscore, "eEpP"
	if s.accept("0") && s.accept("xX") {
		mantissa, exp = 16|withUnderscore, "pP"
	}
	s.allDigits(mantissa)
	if s.accept(".") {
		s.allDigits(mantissa)
	}
	if s.accept(exp) {
		s.accept("+-")
		s.allDigits(10 | withUnderscore)
	}
	return string(s.tok)
}

func (s *ss) allDigits(d digitSet) {
	for s.acceptDigit(d) {
	}
}

// toFloat converts a float token at the given precision; a decimal
// mantissa may carry a binary exponent ("1.5p3").
func (s *ss) toFloat(text string, bits int) float64 {
	p := -1
	for i := 0; i < len(text); i++ {
		if text[i] == 'x' || text[i] == 'X' {
			p = -1
			break
		}
		if text[i] == 'p' && p < 0 {
			p = i
		}
	}
	if p < 0 {
		f, err := strconv.ParseFloat(text, bits)
		if err != nil {
			s.fail(err)
		}
		return f
	}
	mant, err := strconv.ParseFloat(text[:p], bits)
	if err == nil {
		var e int
		if e, err = strconv.Atoi(text[p+1:]); err == nil {
			return math.Ldexp(mant, e)
		}
	}
	if ne, ok := err.(*strconv.NumError); ok {
		ne.Num = text
	}
	s.fail(err)
	return 0
}

func (s *ss) scanFloat(bits int) float64 {
	s.SkipSpace()
	s.notEOF()
	return s.toFloat(s.floatToken(), bits)
}

func (s *ss) scanComplex(verb rune, bits int) complex128 {
	s.checkVerb(verb, floatVerbs, "complex")
	s.SkipSpace()
	s.notEOF()
	paren := s.accept("(")
	re := s.floatToken()
	s.tok = s.tok[:0]
	if !s.accept("+-") {
		s.fail(errComplex)
	}
	sign := string(s.tok)
	im := s.floatToken()
	if !s.accept("i") || paren && !s.accept(")") {
		s.fail(errComplex)
	}
	return complex(s.toFloat(re, bits/2), s.toFloat(sign+im, bits/2))
}

func (s *ss) scanString(verb rune) string {
	s.checkVerb(verb, "svqxX", "string")
	s.SkipSpace()
	s.notEOF()
	switch verb {
	case 'q':
		return s.quoted()
	case 'x', 'X':
		return s.hexBytes()
	}
	return string(s.collect(true, notSpace))
}

// quoted reads a Go string literal, back-quoted or double-quoted.
func (s *ss) quoted() string {
	s.notEOF()
	switch open := s.getRune(); open {
	case '`':
		for r := s.needRune(); r != '`'; r = s.needRune() {
			s.tok = utf8.AppendRune(s.tok, r)
		}
		return string(s.tok)
	case '"':
		s.tok = append(s.tok, '"')
		for {
			r := s.needRune()
			s.tok = utf8.AppendRune(s.tok, r)
			if r == '"' {
				break
			}
			if r == '\\' {
				s.tok = utf8.AppendRune(s.tok, s.needRune())
			}
		}
		text, err := strconv.Unquote(string(s.tok))
		if err != nil {
			s.fail(err)
		}
		return text
	}
	s.failText("expected quoted string")
	return ""
}

func hexValue(r rune) (byte, bool) {
	switch {
	case '0' <= r && r <= '9':
		return byte(r - '0'), true
	case 'a' <= r && r <= 'f':
		return byte(r-'a') + 10, true
	case 'A' <= r && r <= 'F':
		return byte(r-'A') + 10, true
	}
	return 0, false
}

// hexBytes reads pairs of hex digits as bytes (%x for strings).
func (s *ss) hexBytes() string {
	s.notEOF()
	for {
		r := s.getRune()
		if r == endOfInput {
			break
		}
		hi, ok := hexValue(r)
		if !ok {
			s.UnreadRune()
			break
		}
		lo, ok := hexValue(s.needRune())
		if !ok {
			s.failText("illegal hex digit")
		}
		s.tok = append(s.tok, hi<<4|lo)
	}
	if len(s.tok) == 0 {
		s.failText("no hex data for %x string")
	}
	return string(s.tok)
}

// rtype is the head of the runtime's type descriptor (rgo-runtime's
// typedesc.rs Type); operands that are pointers to named types are
// scanned through it instead of through reflect.
type rtype struct {
	size    uintptr
	ptrdata uintptr
	hash    uint32
	tflag   uint8
	align   [2]uint8
	kind    uint8
	equal   unsafe.Pointer
	gcdata  unsafe.Pointer
	str     string
	ptrTo   unsafe.Pointer
	extra   unsafe.Pointer
}

// elemRtype is the descriptor of a pointer or slice type.
type elemRtype struct {
	rtype
	elem *rtype
}

// Kinds, numbered as reflect numbers them.
const (
	kBool       = 1
	kInt        = 2
	kInt64      = 6
	kUint       = 7
	kUint8      = 8
	kUintptr    = 12
	kFloat32    = 13
	kFloat64    = 14
	kComplex64  = 15
	kComplex128 = 16
	kPointer    = 22
	kSlice      = 23
	kString     = 24
)

// scanOne scans one operand for verb.
func (s *ss) scanOne(verb rune, arg any) {
	s.tok = s.tok[:0]
	if sc, ok := arg.(Scanner); ok {
		if err := sc.Scan(s, verb); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			s.fail(err)
		}
		return
	}
	switch p := arg.(type) {
	case *float32:
		s.checkVerb(verb, floatVerbs, "float32")
		*p = float32(s.scanFloat(32))
		return
	case *float64:
		s.checkVerb(verb, floatVerbs, "float64")
		*p = s.scanFloat(64)
		return
	case *[]byte:
		*p = []byte(s.scanString(verb))
		return
	}
	face := (*struct {
		t    *elemRtype
		data unsafe.Pointer
	})(unsafe.Pointer(&arg))
	t := face.t
	if t == nil {
		panic(errors.New("reflect: call of reflect.Value.Type on zero Value"))
	}
	if t.kind != kPointer {
		s.failText("type not a pointer: " + t.str)
	}
	at, elem := face.data, t.elem
	if at == nil && !predeclaredPointer(t) {
		s.failText("can't scan type: " + t.str)
	}
	bits := int(elem.size) * 8
	switch k := elem.kind; {
	case k == kBool:
		*(*bool)(at) = s.scanBool(verb)
	case k >= kInt && k <= kInt64:
		storeInt(at, bits, uint64(s.scanInt(verb, bits)))
	case k >= kUint && k <= kUintptr:
		storeInt(at, bits, s.scanUint(verb, bits))
	case k == kString:
		*(*string)(at) = s.scanString(verb)
	case k == kFloat32:
		*(*float32)(at) = float32(s.scanFloat(32))
	case k == kFloat64:
		*(*float64)(at) = s.scanFloat(64)
	case k == kComplex64:
		*(*complex64)(at) = complex64(s.scanComplex(verb, 64))
	case k == kComplex128:
		*(*complex128)(at) = s.scanComplex(verb, 128)
	case k == kSlice && (*elemRtype)(unsafe.Pointer(elem)).elem.kind == kUint8:
		text := s.scanString(verb)
		b := make([]byte, len(text))
		copy(b, text)
		*(*[]byte)(at) = b
	default:
		s.failText("can't scan type: " + t.str)
	}
}

// predeclaredPointer reports whether t is *T for a predeclared T: Go
// stores through such a pointer (nil faults) instead of refusing it.
func predeclaredPointer(t *elemRtype) bool {
	if len(t.str) == 0 || t.str[0] != '*' || t.elem.kind == kSlice {
		return false
	}
	for i := 0; i < len(t.elem.str); i++ {
		if t.elem.str[i] == '.' {
			return false
		}
	}
	return true
}

// storeInt stores the low bits of v at p.
func storeInt(p unsafe.Pointer, bits int, v uint64) {
	switch bits {
	case 8:
		*(*uint8)(p) = uint8(v)
	case 16:
		*(*uint16)(p) = uint16(v)
	case 32:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}

// operands scans each of a for %v, then for the ln forms checks that the
// line ends after them.
func (s *ss) operands(a []any) (n int, err error) {
	defer catchScan(&err)
	for _, arg := range a {
		s.scanOne('v', arg)
		n++
	}
	for s.nlIsEnd {
		r := s.getRune()
		if r == '\n' || r == endOfInput {
			break
		}
		if !isSpace(r) {
			s.failText("expected newline")
		}
	}
	return n, nil
}

// formatted scans a as format directs.
func (s *ss) formatted(format string, a []any) (n int, err error) {
	defer catchScan(&err)
	last := len(format) - 1
	for i := 0; i <= last; {
		used := s.literal(format[i:])
		if used > 0 {
			i += used
			continue
		}
		if format[i] != '%' {
			if used < 0 {
				s.failText("input does not match format")
			}
			break
		}
		wid, ok, next := widthAt(format, i+1, last)
		s.maxWid = noWidth
		if ok {
			s.maxWid = wid
		}
		verb, size := utf8.DecodeRuneInString(format[next:])
		i = next + size
		if verb != 'c' {
			s.SkipSpace()
		}
		if verb == '%' {
			s.SkipSpace()
			s.notEOF()
			if !s.accept("%") {
				s.failText("missing literal %")
			}
			continue
		}
		s.argLimit = noWidth
		if s.count+s.maxWid < noWidth {
			s.argLimit = s.count + s.maxWid
		}
		if n == len(a) {
			s.failText("too few operands for format '%" + format[next:] + "'")
		}
		s.scanOne(verb, a[n])
		n++
		s.argLimit = noWidth
	}
	if n < len(a) {
		s.failText("too many operands")
	}
	return n, nil
}

// widthAt reads the decimal width starting at format[i], stopping before
// format[end]; an absurd width counts as none and skips to end.
func widthAt(format string, i, end int) (wid int, ok bool, next int) {
	if i >= end {
		return 0, false, end
	}
	for next = i; next < end && '0' <= format[next] && format[next] <= '9'; next++ {
		if wid > 1e6 {
			return 0, false, end
		}
		wid = wid*10 + int(format[next]-'0')
		ok = true
	}
	return wid, ok, next
}

// literal matches the input against the format text before its next
// verb: runs of space, newlines, ordinary runes and %%. It returns the
// bytes of format used, or -1 when an ordinary rune does not match (the
// input rune is given back).
func (s *ss) literal(format string) int {
	i := 0
	for i < len(format) {
		c, size := utf8.DecodeRuneInString(format[i:])
		if isSpace(c) {
			newlines, spaceAfter := 0, false
			for ; i < len(format) && isSpace(c); c, size = utf8.DecodeRuneInString(format[i:]) {
				spaceAfter = c != '\n'
				if !spaceAfter {
					newlines++
				}
				i += size
			}
			s.spaceRun(newlines, spaceAfter)
			continue
		}
		if c == '%' {
			if i+size == len(format) {
				s.failText("missing verb: % at end of format string")
			}
			if format[i+size] != '%' {
				return i
			}
			i += size
		}
		if in := s.needRune(); in != c {
			s.UnreadRune()
			return -1
		}
		i += size
	}
	return i
}

// spaceRun matches a run of white space in a format: each of its newlines
// needs a newline in the input (or its end), after optional blanks; blanks
// after the last newline (or a run without newlines) skip the input's
// blanks, and without newlines need at least one.
func (s *ss) spaceRun(newlines int, spaceAfter bool) {
	skipBlanks := func(r rune) rune {
		for r != '\n' && isSpace(r) {
			r = s.getRune()
		}
		return r
	}
	for k := 0; k < newlines; k++ {
		if r := skipBlanks(s.getRune()); r != '\n' && r != endOfInput {
			s.failText("newline in format does not match input")
		}
	}
	if !spaceAfter {
		return
	}
	r := s.getRune()
	if newlines == 0 {
		if r != endOfInput && !isSpace(r) {
			s.failText("expected space in input to match format")
		}
		if r == '\n' {
			s.failText("newline in input does not match format")
		}
	}
	if skipBlanks(r) != endOfInput {
		s.UnreadRune()
	}
}
