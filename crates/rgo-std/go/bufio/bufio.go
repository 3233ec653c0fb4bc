// Package bufio implements buffered I/O. It wraps an io.Reader or
// io.Writer object, creating another object (Reader or Writer) that also
// implements the interface but provides buffering and some help for
// textual I/O.
//
// rgo: plain Go. Buffer sizes, when the underlying Read is called and
// when its errors surface follow Go exactly, since programs observe them.
package bufio

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

const defaultBufSize = 4096

var (
	ErrInvalidUnreadByte = errors.New("bufio: invalid use of UnreadByte")
	ErrInvalidUnreadRune = errors.New("bufio: invalid use of UnreadRune")
	ErrBufferFull        = errors.New("bufio: buffer full")
	ErrNegativeCount     = errors.New("bufio: negative count")
)

var (
	errNegativeRead  = errors.New("bufio: reader returned negative count from Read")
	errNegativeWrite = errors.New("bufio: writer returned negative count from Write")
)

// Reader adds a buffer in front of an io.Reader.
//
// Invariants: 0 <= head <= tail <= len(buf); buf[head:tail] is unread;
// pending is the source's error, handed out once the buffered bytes before
// it are consumed. prevByte and prevRune (-1 when unknown) describe the
// last read, for UnreadByte and UnreadRune.
type Reader struct {
	buf        []byte
	src        io.Reader
	head, tail int
	pending    error
	prevByte   int
	prevRune   int
}

const (
	minReadBufferSize        = 16
	maxConsecutiveEmptyReads = 100
)

// NewReaderSize returns a new Reader whose buffer has at least the
// specified size. If the argument io.Reader is already a Reader with
// large enough size, it returns the underlying Reader.
func NewReaderSize(rd io.Reader, size int) *Reader {
	if br, ok := rd.(*Reader); ok && len(br.buf) >= size {
		return br
	}
	if size < minReadBufferSize {
		size = minReadBufferSize
	}
	br := new(Reader)
	br.reset(make([]byte, size), rd)
	return br
}

// NewReader returns a new Reader whose buffer has the default size.
func NewReader(rd io.Reader) *Reader { return NewReaderSize(rd, defaultBufSize) }

// Size returns the buffer size.
func (b *Reader) Size() int { return len(b.buf) }

// Reset discards any buffered data, resets all state, and switches the
// buffered reader to read from r. Resetting a Reader to itself does
// nothing; on a zero Reader it allocates the default-size buffer.
func (b *Reader) Reset(r io.Reader) {
	if b == r {
		return
	}
	if b.buf == nil {
		b.buf = make([]byte, defaultBufSize)
	}
	b.reset(b.buf, r)
}

func (b *Reader) reset(buf []byte, r io.Reader) {
	*b = Reader{buf: buf, src: r, prevByte: -1, prevRune: -1}
}

// forgetLast invalidates UnreadByte and UnreadRune.
func (b *Reader) forgetLast() {
	b.prevByte = -1
	b.prevRune = -1
}

// fill moves the unread data to the front and performs Reads until one
// returns data or an error (at most maxConsecutiveEmptyReads tries).
// readSrc reads from the source into p, panicking on a negative count.
func (b *Reader) readSrc(p []byte) (int, error) {
	n, err := b.src.Read(p)
	if n < 0 {
		panic(errNegativeRead)
	}
	return n, err
}

func (b *Reader) fill() {
	if b.head > 0 {
		copy(b.buf, b.buf[b.head:b.tail])
		b.tail -= b.head
		b.head = 0
	}
	if b.tail >= len(b.buf) {
		panic("bufio: tried to fill full buffer")
	}
	for tries := 0; tries < maxConsecutiveEmptyReads; tries++ {
		n, err := b.readSrc(b.buf[b.tail:])
		b.tail += n
		if err != nil {
			b.pending = err
			return
		}
		if n > 0 {
			return
		}
	}
	b.pending = io.ErrNoProgress
}

// takeErr returns the pending error and clears it.
func (b *Reader) takeErr() error {
	err := b.pending
	b.pending = nil
	return err
}

// Peek returns the next n bytes without advancing the reader. If Peek
// returns fewer than n bytes, it also returns an error explaining why the
// read is short. The error is ErrBufferFull if n is larger than b's
// buffer size.
func (b *Reader) Peek(n int) ([]byte, error) {
	if n < 0 {
		return nil, ErrNegativeCount // nothing else is touched
	}
	b.forgetLast()
	for b.Buffered() < n && b.Buffered() < len(b.buf) && b.pending == nil {
		b.fill()
	}
	if n > len(b.buf) {
		return b.buf[b.head:b.tail], ErrBufferFull
	}
	if have := b.Buffered(); have < n {
		err := b.takeErr()
		if err == nil {
			err = ErrBufferFull
		}
		return b.buf[b.head:b.tail], err
	}
	return b.buf[b.head : b.head+n], nil
}

// Discard skips the next n bytes, returning the number of bytes
// discarded. If Discard skips fewer than n bytes, it also returns an
// error.
func (b *Reader) Discard(n int) (discarded int, err error) {
	if n < 0 {
		return 0, ErrNegativeCount
	}
	if n == 0 {
		return 0, nil
	}
	b.forgetLast()
	for {
		if b.Buffered() == 0 {
			b.fill()
		}
		skip := min(b.Buffered(), n-discarded)
		b.head += skip
		discarded += skip
		if discarded == n {
			return n, nil
		}
		if b.pending != nil {
			return discarded, b.takeErr()
		}
	}
}

// Read reads data into p. It returns the number of bytes read into p. The
// bytes are taken from at most one Read on the underlying Reader, hence n
// may be less than len(p). At EOF, the count will be zero and err will be
// io.EOF.
func (b *Reader) Read(p []byte) (n int, err error) {
	if len(p) == 0 {
		if b.Buffered() > 0 {
			return 0, nil
		}
		return 0, b.takeErr()
	}
	if b.head == b.tail {
		if b.pending != nil {
			return 0, b.takeErr()
		}
		if len(p) >= len(b.buf) {
			// Nothing buffered and p is large: read straight into p.
			n, b.pending = b.readSrc(p)
			if n > 0 {
				b.prevByte = int(p[n-1])
				b.prevRune = -1
			}
			return n, b.takeErr()
		}
		// Exactly one Read into the emptied buffer.
		b.head, b.tail = 0, 0
		n, b.pending = b.readSrc(b.buf)
		if n == 0 {
			return 0, b.takeErr()
		}
		b.tail = n
	}
	n = copy(p, b.buf[b.head:b.tail])
	b.head += n
	b.prevByte = int(b.buf[b.head-1])
	b.prevRune = -1
	return n, nil
}

// ReadByte reads and returns a single byte. If no byte is available,
// returns an error.
func (b *Reader) ReadByte() (byte, error) {
	b.prevRune = -1
	for b.head == b.tail {
		if b.pending != nil {
			return 0, b.takeErr()
		}
		b.fill()
	}
	c := b.buf[b.head]
	b.head++
	b.prevByte = int(c)
	return c, nil
}

// UnreadByte unreads the last byte. Only the most recently read byte can
// be unread.
func (b *Reader) UnreadByte() error {
	if b.prevByte < 0 || b.head == 0 && b.tail > 0 {
		return ErrInvalidUnreadByte
	}
	if b.head > 0 {
		b.head--
	} else {
		b.tail = 1 // the buffer was emptied: put the byte back alone
	}
	b.buf[b.head] = byte(b.prevByte)
	b.forgetLast()
	return nil
}

// ReadRune decodes the next UTF-8 character and returns it with its byte
// size; an invalid byte yields U+FFFD of size 1.
func (b *Reader) ReadRune() (r rune, size int, err error) {
	for b.head+utf8.UTFMax > b.tail && !utf8.FullRune(b.buf[b.head:b.tail]) && b.pending == nil && b.Buffered() < len(b.buf) {
		b.fill()
	}
	b.prevRune = -1
	if b.head == b.tail {
		return 0, 0, b.takeErr()
	}
	r, size = rune(b.buf[b.head]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRune(b.buf[b.head:b.tail])
	}
	b.head += size
	b.prevByte = int(b.buf[b.head-1])
	b.prevRune = size
	return r, size, nil
}

// UnreadRune gives back the rune just read; it fails unless the previous
// call was a ReadRune.
func (b *Reader) UnreadRune() error {
	if b.prevRune < 0 || b.head < b.prevRune {
		return ErrInvalidUnreadRune
	}
	b.head -= b.prevRune
	b.forgetLast()
	return nil
}

// Buffered returns the number of bytes that can be read from the current
// buffer.
func (b *Reader) Buffered() int { return b.tail - b.head }

// ReadSlice returns the input up to and including the next delim as a view
// into the buffer, valid until the next read. Without delim before the
// input ends it returns the rest with the error; when the buffer fills up
// first, the full buffer with ErrBufferFull.
func (b *Reader) ReadSlice(delim byte) (line []byte, err error) {
	scanned := 0 // bytes of buf[r:w] already known to hold no delim
	for {
		if i := bytes.IndexByte(b.buf[b.head+scanned:b.tail], delim); i >= 0 {
			end := b.head + scanned + i + 1
			line = b.buf[b.head:end]
			b.head = end
			break
		}
		if b.pending != nil {
			line = b.buf[b.head:b.tail]
			b.head = b.tail
			err = b.takeErr()
			break
		}
		if b.Buffered() >= len(b.buf) {
			b.head = b.tail
			line = b.buf
			err = ErrBufferFull
			break
		}
		scanned = b.Buffered()
		b.fill()
	}
	if len(line) > 0 {
		b.prevByte = int(line[len(line)-1])
		b.prevRune = -1
	}
	return line, err
}

// ReadLine returns the next line without its "\n" or "\r\n"; a line longer
// than the buffer comes in pieces, all but the last with isPrefix set.
// Most code is better served by a Scanner or ReadString('\n').
func (b *Reader) ReadLine() (line []byte, isPrefix bool, err error) {
	line, err = b.ReadSlice('\n')
	if err == ErrBufferFull {
		// Keep a trailing '\r' for the next call: it may start "\r\n".
		if n := len(line); n > 0 && line[n-1] == '\r' {
			if b.head == 0 {
				panic("bufio: tried to rewind past start of buffer")
			}
			b.head--
			line = line[:n-1]
		}
		return line, true, nil
	}
	if len(line) == 0 {
		if err != nil {
			line = nil
		}
		return line, false, err
	}
	err = nil
	if line[len(line)-1] == '\n' {
		line = line[:len(line)-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	return line, false, err
}

// readUntil gathers everything up to and including delim: copies of the
// full buffers met on the way, the final piece (aliasing the buffer), and
// their total length.
func (b *Reader) readUntil(delim byte) (full [][]byte, last []byte, total int, err error) {
	for {
		piece, e := b.ReadSlice(delim)
		if e != ErrBufferFull {
			last, err = piece, e
			break
		}
		full = append(full, bytes.Clone(piece))
		total += len(piece)
	}
	return full, last, total + len(last), err
}

// ReadBytes returns a copy of the input up to and including the next
// delim; when the input ends first it returns the rest and the error.
func (b *Reader) ReadBytes(delim byte) ([]byte, error) {
	full, last, total, err := b.readUntil(delim)
	out := make([]byte, 0, total)
	for _, f := range full {
		out = append(out, f...)
	}
	return append(out, last...), err
}

// ReadString is ReadBytes returning a string.
func (b *Reader) ReadString(delim byte) (string, error) {
	full, last, total, err := b.readUntil(delim)
	var sb strings.Builder
	sb.Grow(total)
	for _, f := range full {
		sb.Write(f)
	}
	sb.Write(last)
	return sb.String(), err
}

// WriteTo implements io.WriterTo. This may make multiple calls to the
// Read method of the underlying Reader.
func (b *Reader) WriteTo(w io.Writer) (n int64, err error) {
	b.forgetLast()
	if n, err = b.flushTo(w); err != nil {
		return n, err
	}
	if wt, ok := b.src.(io.WriterTo); ok {
		m, err := wt.WriteTo(w)
		return n + m, err
	}
	if rf, ok := w.(io.ReaderFrom); ok {
		m, err := rf.ReadFrom(b.src)
		return n + m, err
	}
	if b.Buffered() < len(b.buf) {
		b.fill()
	}
	for b.head < b.tail {
		m, err := b.flushTo(w)
		n += m
		if err != nil {
			return n, err
		}
		b.fill()
	}
	if b.pending == io.EOF {
		b.pending = nil
	}
	return n, b.takeErr()
}

// flushTo writes the buffered data to w.
func (b *Reader) flushTo(w io.Writer) (int64, error) {
	n, err := w.Write(b.buf[b.head:b.tail])
	if n < 0 {
		panic(errNegativeWrite)
	}
	b.head += n
	return int64(n), err
}
