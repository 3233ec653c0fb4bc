// Package io defines the basic reading and writing interfaces and helpers
// that combine them. rgo: plain Go.
package io

import (
	"errors"
)

// Values for the whence argument of Seek.
const (
	SeekStart   = 0 // offsets count from the start
	SeekCurrent = 1 // offsets count from the current position
	SeekEnd     = 2 // offsets count from the end
)

// ErrShortWrite reports a write that took fewer bytes than it was given
// without saying why.
var ErrShortWrite = errors.New("short write")

// errInvalidWrite reports a Write that claimed a negative count or more
// bytes than it was given.
var errInvalidWrite = errors.New("invalid write result")

// ErrShortBuffer reports a buffer too small for the data a read must
// return.
var ErrShortBuffer = errors.New("short buffer")

// EOF is what Read returns when there is no more input: the normal end of
// a stream, not a failure. Wrapping it defeats the == checks callers use.
var EOF = errors.New("EOF")

// ErrUnexpectedEOF reports input that ended in the middle of something the
// reader needed whole.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

// ErrNoProgress is returned by readers that gave up after many Read calls
// returned neither data nor an error.
var ErrNoProgress = errors.New("multiple Read calls return no data or error")

// Reader is the interface of things that can be read: Read fills up to
// len(p) bytes of p and returns how many it filled, plus an error (EOF at
// the end of input). A call may return data and an error at once; callers
// should use the n bytes before looking at err.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// Writer is the interface of things that can be written: Write takes the
// bytes of p, returns how many it took, and a non-nil error when that is
// fewer than len(p). It must not keep or modify p.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// Closer is the interface of things that can be closed.
type Closer interface {
	Close() error
}

// Seeker is the interface of things with a movable position: Seek sets it
// to offset counted as whence says (SeekStart, SeekCurrent, SeekEnd) and
// returns the new position from the start.
type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

// ReadWriter joins Reader and Writer.
type ReadWriter interface {
	Reader
	Writer
}

// ReadCloser joins Reader and Closer.
type ReadCloser interface {
	Reader
	Closer
}

// WriteCloser joins Writer and Closer.
type WriteCloser interface {
	Writer
	Closer
}

// ReadWriteCloser joins Reader, Writer and Closer.
type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

// ReadSeeker joins Reader and Seeker.
type ReadSeeker interface {
	Reader
	Seeker
}

// ReadSeekCloser joins Reader, Seeker and Closer.
type ReadSeekCloser interface {
	Reader
	Seeker
	Closer
}

// WriteSeeker joins Writer and Seeker.
type WriteSeeker interface {
	Writer
	Seeker
}

// ReadWriteSeeker joins Reader, Writer and Seeker.
type ReadWriteSeeker interface {
	Reader
	Writer
	Seeker
}

// ReaderFrom is implemented by writers that can pull data from a Reader
// themselves, until EOF; Copy prefers it.
type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

// WriterTo is implemented by readers that can push all their data into a
// Writer themselves; Copy prefers it.
type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

// ReaderAt is the interface of things read at explicit offsets: ReadAt
// fills p from offset off, returning an error whenever n < len(p), and
// does not depend on or move any position.
type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

// WriterAt is the interface of things written at explicit offsets.
type WriterAt interface {
	WriteAt(p []byte, off int64) (n int, err error)
}

// ByteReader reads one byte at a time.
type ByteReader interface {
	ReadByte() (byte, error)
}

// ByteScanner is a ByteReader that can step back one byte.
type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

// ByteWriter writes one byte at a time.
type ByteWriter interface {
	WriteByte(c byte) error
}

// RuneReader reads one UTF-8 encoded character at a time, returning it and
// its size in bytes.
type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

// RuneScanner is a RuneReader that can step back over the last rune read.
type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

// StringWriter writes the bytes of a string without converting it first.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// WriteString writes s to w, through w's WriteString method when it has
// one.
func WriteString(w Writer, s string) (n int, err error) {
	if direct, ok := w.(StringWriter); ok {
		return direct.WriteString(s)
	}
	return w.Write([]byte(s))
}

// ReadAtLeast reads from r into buf until at least min bytes are in or a
// read fails. It returns ErrShortBuffer when buf is shorter than min, EOF
// when nothing at all was read, and ErrUnexpectedEOF when input ended
// after some but fewer than min bytes. With min bytes read, err is nil.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if min > len(buf) {
		return 0, ErrShortBuffer
	}
	for err == nil && n < min {
		got, rerr := r.Read(buf[n:])
		n, err = n+got, rerr
	}
	switch {
	case n >= min:
		return n, nil
	case err == EOF && n != 0:
		return n, ErrUnexpectedEOF
	}
	return n, err
}

// ReadFull reads exactly len(buf) bytes from r, with ReadAtLeast's errors.
func ReadFull(r Reader, buf []byte) (n int, err error) {
	n, err = ReadAtLeast(r, buf, len(buf))
	return n, err
}

// CopyN copies n bytes from src to dst; it returns EOF when src ran out
// before n bytes.
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	switch {
	case written == n:
		err = nil
	case written < n && err == nil:
		err = EOF // src ended early: fewer than n bytes exist
	}
	return written, err
}

// Copy copies from src to dst until EOF or an error, and returns the bytes
// written; reaching EOF is not an error. It uses src.WriteTo or
// dst.ReadFrom when available.
func Copy(dst Writer, src Reader) (written int64, err error) {
	return pump(dst, src, nil)
}

// CopyBuffer is Copy with a caller-supplied buffer (nil means allocate one);
// an empty non-nil buf panics.
func CopyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if buf != nil && len(buf) == 0 {
		panic("empty buffer in CopyBuffer")
	}
	return pump(dst, src, buf)
}

// copyChunk is the buffer size Copy allocates, unless the source is a
// LimitedReader with less left (but at least one byte).
const copyChunk = 32 << 10

// pump does the work of Copy and CopyBuffer.
func pump(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if pusher, ok := src.(WriterTo); ok {
		return pusher.WriteTo(dst)
	}
	if puller, ok := dst.(ReaderFrom); ok {
		return puller.ReadFrom(src)
	}
	if buf == nil {
		buf = make([]byte, chunkFor(src))
	}
	for {
		got, rerr := src.Read(buf)
		if got > 0 {
			put, werr := dst.Write(buf[:got])
			if put < 0 || put > got {
				put = 0
				if werr == nil {
					werr = errInvalidWrite
				}
			}
			written += int64(put)
			if werr == nil && put != got {
				werr = ErrShortWrite
			}
			if werr != nil {
				return written, werr
			}
		}
		if rerr == EOF {
			return written, nil
		}
		if rerr != nil {
			return written, rerr
		}
	}
}

// chunkFor is the buffer size pump allocates for reading src.
func chunkFor(src Reader) int {
	lr, ok := src.(*LimitedReader)
	if !ok || lr.N >= copyChunk {
		return copyChunk
	}
	return int(max(lr.N, 1))
}

// LimitReader returns a Reader that stops with EOF after n bytes of r.
func LimitReader(r Reader, n int64) Reader { return &LimitedReader{R: r, N: n} }

// LimitedReader reads from R but at most N more bytes; each Read lowers N.
type LimitedReader struct {
	R Reader // the source
	N int64  // bytes still allowed
}

func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return n, err
}

// NewSectionReader returns a SectionReader over the n bytes of r that
// start at off. When off+n would overflow, the section runs to the
// largest int64 offset.
func NewSectionReader(r ReaderAt, off int64, n int64) *SectionReader {
	const top = int64(^uint64(0) >> 1)
	end := top
	if n <= top-off {
		end = off + n
	}
	return &SectionReader{r: r, base: off, off: off, limit: end, n: n}
}

// SectionReader reads a fixed window of a ReaderAt with Read, Seek and
// ReadAt.
type SectionReader struct {
	r     ReaderAt // the underlying source
	base  int64    // first offset of the window in r
	off   int64    // current position, as an offset in r
	limit int64    // end of the window in r
	n     int64    // window length as given to NewSectionReader
}

func (s *SectionReader) Read(p []byte) (n int, err error) {
	left := s.limit - s.off
	if left <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err = s.r.ReadAt(p, s.off)
	s.off += int64(n)
	return n, err
}

// The errors of Seek and WriteAt on sections and offset writers.
var errWhence = errors.New("Seek: invalid whence")
var errOffset = errors.New("Seek: invalid offset")

// seekIn computes a Seek target for a window starting at base, positioned
// at cur, ending at end (SeekEnd is only valid when hasEnd).
func seekIn(offset int64, whence int, base, cur, end int64, hasEnd bool) (int64, error) {
	var from int64
	switch {
	case whence == SeekStart:
		from = base
	case whence == SeekCurrent:
		from = cur
	case whence == SeekEnd && hasEnd:
		from = end
	default:
		return 0, errWhence
	}
	target := from + offset
	if target < base {
		return 0, errOffset
	}
	return target, nil
}

func (s *SectionReader) Seek(offset int64, whence int) (int64, error) {
	target, err := seekIn(offset, whence, s.base, s.off, s.limit, true)
	if err != nil {
		return 0, err
	}
	s.off = target
	return target - s.base, nil
}

func (s *SectionReader) ReadAt(p []byte, off int64) (n int, err error) {
	if off < 0 || off >= s.Size() {
		return 0, EOF
	}
	at := s.base + off
	left := s.limit - at
	if int64(len(p)) <= left {
		return s.r.ReadAt(p, at)
	}
	n, err = s.r.ReadAt(p[:left], at)
	if err == nil {
		err = EOF // the window ended before p was full
	}
	return n, err
}

// Size returns the window length in bytes.
func (s *SectionReader) Size() int64 { return s.limit - s.base }

// Outer returns the ReaderAt, offset and length s was created with.
func (s *SectionReader) Outer() (r ReaderAt, off int64, n int64) {
	return s.r, s.base, s.n
}

// OffsetWriter turns writes at a moving position, or at offsets relative
// to a base, into WriteAt calls on an underlying WriterAt.
type OffsetWriter struct {
	w    WriterAt
	base int64 // offset in w that counts as 0
	off  int64 // current position, as an offset in w
}

// NewOffsetWriter returns an OffsetWriter writing to w from offset off.
func NewOffsetWriter(w WriterAt, off int64) *OffsetWriter {
	return &OffsetWriter{w: w, base: off, off: off}
}

func (o *OffsetWriter) Write(p []byte) (n int, err error) {
	n, err = o.w.WriteAt(p, o.off)
	o.off += int64(n)
	return n, err
}

func (o *OffsetWriter) WriteAt(p []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errOffset
	}
	return o.w.WriteAt(p, o.base+off)
}

func (o *OffsetWriter) Seek(offset int64, whence int) (int64, error) {
	target, err := seekIn(offset, whence, o.base, o.off, 0, false)
	if err != nil {
		return 0, err
	}
	o.off = target
	return target - o.base, nil
}

// TeeReader returns a Reader that copies to w whatever it reads from r,
// before returning it; a failed write is returned as the read's error.
func TeeReader(r Reader, w Writer) Reader {
	return &teeReader{r: r, w: w}
}

type teeReader struct {
	r Reader
	w Writer
}

func (t *teeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n <= 0 {
		return n, err
	}
	if wn, werr := t.w.Write(p[:n]); werr != nil {
		return wn, werr
	}
	return n, err
}

// Discard is a Writer that accepts everything and keeps nothing.
var Discard Writer = discard{}

type discard struct{}

// discardChunk is the buffer size Discard reads with in ReadFrom.
const discardChunk = 8192

func (discard) Write(p []byte) (int, error)       { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }

func (discard) ReadFrom(r Reader) (n int64, err error) {
	sink := make([]byte, discardChunk)
	for {
		got, rerr := r.Read(sink)
		n += int64(got)
		if rerr == EOF {
			return n, nil
		}
		if rerr != nil {
			return n, rerr
		}
	}
}

// NopCloser wraps r in a ReadCloser whose Close does nothing; when r is a
// WriterTo, so is the result.
func NopCloser(r Reader) ReadCloser {
	if _, ok := r.(WriterTo); !ok {
		return nopCloser{r}
	}
	return nopCloserWriterTo{Reader: r}
}

type nopCloser struct {
	Reader
}

func (nopCloser) Close() error { return nil }

type nopCloserWriterTo struct {
	Reader
}

func (nopCloserWriterTo) Close() error { return nil }

func (c nopCloserWriterTo) WriteTo(w Writer) (n int64, err error) {
	return c.Reader.(WriterTo).WriteTo(w)
}

// ReadAll reads r to its end and returns the data; reaching EOF is
// success, so err is only ever another error.
//
// Buffering, which decides the sizes passed to r.Read and the capacity of
// the result (Go's, reproduced): the first buffer holds 512 bytes. Once a
// buffer has less than 1/16 of its capacity free it is set aside and a new
// one starts, sized by an allocation of `next` bytes, with next starting at
// 256 and growing by half each time. At the end, the set-aside buffers and
// the current one are joined into one allocation of the total size.
func ReadAll(r Reader) ([]byte, error) {
	cur := make([]byte, 0, 512)
	var full [][]byte
	total, next := 0, 256
	for {
		got, err := r.Read(cur[len(cur):cap(cur)])
		cur = cur[:len(cur)+got]
		if err != nil {
			if err == EOF {
				err = nil
			}
			if full == nil {
				return cur, err
			}
			return joinChunks(full, cur, total+len(cur)), err
		}
		if free := cap(cur) - len(cur); free < cap(cur)/16 {
			full = append(full, cur)
			total += len(cur)
			cur = sizedBuffer(next)
			next += next / 2
		}
	}
}

// sizedBuffer returns an empty slice whose capacity is n rounded up to the
// allocator's size class.
func sizedBuffer(n int) []byte {
	return append([]byte(nil), make([]byte, n)...)[:0]
}

// joinChunks concatenates chunks and last into one buffer of size total.
func joinChunks(chunks [][]byte, last []byte, total int) []byte {
	out := sizedBuffer(total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, last...)
}
