package bufio

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// Scanner cuts a stream into tokens (lines by default) with a SplitFunc.
// Scanning stops at EOF, at the first I/O or split error, or when a token
// does not fit in the buffer; Err tells which.
//
// Buffering facts kept from Go (they decide the sizes passed to Read):
// the first buffer has 4096 bytes and each growth doubles it, capped at
// the maximum token size; before reading, pending bytes slide to the front
// when the buffer is full or more than half of it has been consumed.
type Scanner struct {
	src     io.Reader
	split   SplitFunc
	limit   int    // largest buffer, hence largest token
	tok     []byte // the last token
	buf     []byte // buf[lo:hi] holds bytes not yet split off
	lo      int
	hi      int
	err     error // first error, io.EOF included
	idle    int   // tokens in a row that consumed nothing at EOF
	started bool  // Scan has run; Buffer and Split are locked
	over    bool  // ErrFinalToken was returned
}

// SplitFunc finds the next token in data. atEOF says no more data will
// come. It returns how many bytes to consume, the token (nil for none
// yet) and an error that stops scanning; ErrFinalToken stops it cleanly
// after delivering token. Returning 0, nil, nil asks for more data.
type SplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)

// The errors Scanner reports.
var (
	ErrTooLong         = errors.New("bufio.Scanner: token too long")
	ErrNegativeAdvance = errors.New("bufio.Scanner: SplitFunc returns negative advance count")
	ErrAdvanceTooFar   = errors.New("bufio.Scanner: SplitFunc returns advance count beyond input")
	ErrBadReadCount    = errors.New("bufio.Scanner: Read returned impossible count")
)

// ErrFinalToken, returned by a SplitFunc, makes its token the last one;
// Scan then reports false without an error.
var ErrFinalToken = errors.New("final token")

const (
	// MaxScanTokenSize is the default token size limit.
	MaxScanTokenSize = 64 * 1024

	firstBuffer = 4096 // size of the first buffer
)

// NewScanner returns a Scanner reading r line by line.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{src: r, split: ScanLines, limit: MaxScanTokenSize}
}

// Err returns the error that stopped scanning, or nil for EOF.
func (s *Scanner) Err() error {
	if s.err != io.EOF {
		return s.err
	}
	return nil
}

// Bytes returns the last token; the next Scan may overwrite it.
func (s *Scanner) Bytes() []byte { return s.tok }

// Text returns the last token as a new string.
func (s *Scanner) Text() string { return string(s.tok) }

// Scan moves to the next token and reports whether there is one.
func (s *Scanner) Scan() bool {
	if s.over {
		return false
	}
	s.started = true
	for {
		if s.hi > s.lo || s.err != nil {
			found, stop := s.trySplit()
			if stop || found {
				return found
			}
		}
		if s.err != nil {
			s.lo, s.hi = 0, 0
			return false
		}
		if !s.ensureSpace() {
			return false
		}
		s.fill()
	}
}

// trySplit runs the split function once on the pending bytes. found means
// a token was produced; stop means Scan must return found as it is.
func (s *Scanner) trySplit() (found, stop bool) {
	atEOF := s.err != nil
	n, tok, err := s.split(s.buf[s.lo:s.hi], atEOF)
	if err == ErrFinalToken {
		s.tok, s.over = tok, true
		return tok != nil, true
	}
	if err != nil {
		s.fail(err)
		return false, true
	}
	switch {
	case n < 0:
		s.fail(ErrNegativeAdvance)
		return false, true
	case n > s.hi-s.lo:
		s.fail(ErrAdvanceTooFar)
		return false, true
	}
	s.lo += n
	s.tok = tok
	if tok == nil {
		return false, false
	}
	if atEOF && n == 0 {
		s.idle++
		if s.idle > maxConsecutiveEmptyReads {
			panic("bufio.Scan: too many empty tokens without progressing")
		}
	} else {
		s.idle = 0
	}
	return true, true
}

// ensureSpace makes room after hi for a read: it slides the pending bytes
// to the front, or moves them to a larger buffer; it fails with ErrTooLong
// when the buffer may not grow any more.
func (s *Scanner) ensureSpace() bool {
	if s.lo > 0 && (s.hi == len(s.buf) || s.lo > len(s.buf)/2) {
		s.hi = copy(s.buf, s.buf[s.lo:s.hi])
		s.lo = 0
	}
	if s.hi < len(s.buf) {
		return true
	}
	if len(s.buf) >= s.limit || len(s.buf) > int(^uint(0)>>1)/2 {
		s.fail(ErrTooLong)
		return false
	}
	size := firstBuffer
	if len(s.buf) != 0 {
		size = 2 * len(s.buf)
	}
	bigger := make([]byte, min(size, s.limit))
	s.hi = copy(bigger, s.buf[s.lo:s.hi])
	s.lo = 0
	s.buf = bigger
	return true
}

// fill reads once into the free space, retrying reads that return nothing
// up to the empty-read limit.
func (s *Scanner) fill() {
	for empty := 0; ; {
		room := len(s.buf) - s.hi
		n, err := s.src.Read(s.buf[s.hi:])
		if n < 0 || n > room {
			s.fail(ErrBadReadCount)
			return
		}
		s.hi += n
		if err != nil {
			s.fail(err)
			return
		}
		if n > 0 {
			s.idle = 0
			return
		}
		if empty++; empty > maxConsecutiveEmptyReads {
			s.fail(io.ErrNoProgress)
			return
		}
	}
}

// fail records err unless a real error (not EOF) is already recorded.
func (s *Scanner) fail(err error) {
	if s.err == nil || s.err == io.EOF {
		s.err = err
	}
}

// Buffer sets the first buffer (its whole capacity is used) and the largest
// buffer size, hence token size. It panics after Scan has started.
func (s *Scanner) Buffer(buf []byte, max int) {
	if s.started {
		panic("Buffer called after Scan")
	}
	s.buf = buf[:cap(buf)]
	s.limit = max
}

// Split sets the split function. It panics after Scan has started.
func (s *Scanner) Split(split SplitFunc) {
	if s.started {
		panic("Split called after Scan")
	}
	s.split = split
}

// ScanBytes is a SplitFunc yielding each byte as a token.
func ScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if len(data) == 0 && atEOF {
		return 0, nil, nil
	}
	return 1, data[:1], nil
}

// replacement is the UTF-8 form of utf8.RuneError, the token ScanRunes
// yields for an invalid byte.
var replacement = []byte(string(utf8.RuneError))

// ScanRunes is a SplitFunc yielding each UTF-8 character as a token; an
// invalid byte yields the encoding of U+FFFD.
func ScanRunes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if len(data) == 0 && atEOF {
		return 0, nil, nil
	}
	if data[0] < utf8.RuneSelf {
		return 1, data[:1], nil
	}
	if _, size := utf8.DecodeRune(data); size > 1 {
		return size, data[:size], nil
	}
	// A lone bad byte, or the start of a sequence still arriving.
	if !atEOF && !utf8.FullRune(data) {
		return 0, nil, nil
	}
	return 1, replacement, nil
}

// trimCR drops one trailing carriage return.
func trimCR(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		return line[:n-1]
	}
	return line
}

// ScanLines is a SplitFunc yielding lines without their "\n" or "\r\n"
// ending; the last line may lack the "\n". Empty input yields no token.
func ScanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if len(data) == 0 && atEOF {
		return 0, nil, nil
	}
	if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
		return nl + 1, trimCR(data[:nl]), nil
	}
	if !atEOF {
		return 0, nil, nil
	}
	return len(data), trimCR(data), nil
}

// isSpace is unicode.IsSpace without importing unicode.
func isSpace(r rune) bool {
	switch {
	case r == ' ', '\t' <= r && r <= '\r', r == 0x85, r == 0xA0:
		return true
	case r < 0x1680:
		return false
	case 0x2000 <= r && r <= 0x200A:
		return true
	}
	switch r {
	case 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return false
}

// ScanWords is a SplitFunc yielding runs of non-space characters.
func ScanWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	from := 0
	for from < len(data) {
		r, size := utf8.DecodeRune(data[from:])
		if !isSpace(r) {
			break
		}
		from += size
	}
	for at := from; at < len(data); {
		r, size := utf8.DecodeRune(data[at:])
		if isSpace(r) {
			return at + size, data[from:at], nil
		}
		at += size
	}
	if atEOF && from < len(data) {
		return len(data), data[from:], nil
	}
	return from, nil, nil
}
