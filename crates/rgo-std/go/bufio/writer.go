package bufio

import (
	"io"
	"unicode/utf8"
)

// Writer buffers output for an io.Writer. After a write to the underlying
// writer fails, every later call returns that error; call Flush at the end
// to push out what is still buffered.
//
// buf[:used] is pending output; fail is the sticky error.
type Writer struct {
	fail error
	buf  []byte
	used int
	dst  io.Writer
}

// NewWriterSize returns a Writer with a buffer of size bytes (the default
// size when size <= 0). A *Writer with at least that much buffer is
// returned as it is.
func NewWriterSize(w io.Writer, size int) *Writer {
	if already, ok := w.(*Writer); ok && len(already.buf) >= size {
		return already
	}
	if size <= 0 {
		size = defaultBufSize
	}
	return &Writer{buf: make([]byte, size), dst: w}
}

// NewWriter returns a Writer with the default buffer size.
func NewWriter(w io.Writer) *Writer { return NewWriterSize(w, defaultBufSize) }

// Size returns the buffer size.
func (b *Writer) Size() int { return len(b.buf) }

// Reset drops pending output and the error and makes b write to w. A
// Writer reset to itself is left alone.
func (b *Writer) Reset(w io.Writer) {
	if b == w {
		return
	}
	if b.buf == nil {
		b.buf = make([]byte, defaultBufSize)
	}
	b.fail, b.used, b.dst = nil, 0, w
}

// Flush writes the pending output. A short write keeps the unwritten rest
// at the front of the buffer and becomes the sticky error.
func (b *Writer) Flush() error {
	if b.fail != nil || b.used == 0 {
		return b.fail
	}
	wrote, err := b.dst.Write(b.buf[:b.used])
	if err == nil && wrote < b.used {
		err = io.ErrShortWrite
	}
	if err == nil {
		b.used = 0
		return nil
	}
	if wrote > 0 && wrote < b.used {
		copy(b.buf, b.buf[wrote:b.used])
	}
	b.used -= wrote
	b.fail = err
	return err
}

// Available returns the free space in the buffer.
func (b *Writer) Available() int { return len(b.buf) - b.used }

// AvailableBuffer returns an empty slice over the free space, for
// appending to and passing to the next Write.
func (b *Writer) AvailableBuffer() []byte { return b.buf[b.used:][:0] }

// Buffered returns the number of pending bytes.
func (b *Writer) Buffered() int { return b.used }

// Write buffers p. Data that does not fit is flushed in buffer-sized
// pieces, or written straight through when nothing is pending. n < len(p)
// comes with the error that stopped it.
func (b *Writer) Write(p []byte) (nn int, err error) {
	for b.fail == nil && len(p) > b.Available() {
		var step int
		if b.used == 0 {
			step, b.fail = b.dst.Write(p) // skip the copy
		} else {
			step = copy(b.buf[b.used:], p)
			b.used += step
			b.Flush()
		}
		nn += step
		p = p[step:]
	}
	if b.fail != nil {
		return nn, b.fail
	}
	return nn + b.stash(p), nil
}

// stash copies p, which fits, into the buffer.
func (b *Writer) stash(p []byte) int {
	n := copy(b.buf[b.used:], p)
	b.used += n
	return n
}

// WriteByte buffers c.
func (b *Writer) WriteByte(c byte) error {
	if b.fail != nil {
		return b.fail
	}
	if b.used >= len(b.buf) && b.Flush() != nil {
		return b.fail
	}
	b.buf[b.used] = c
	b.used++
	return nil
}

// WriteRune buffers the UTF-8 form of r and returns its size.
func (b *Writer) WriteRune(r rune) (size int, err error) {
	if uint32(r) < utf8.RuneSelf {
		if err := b.WriteByte(byte(r)); err != nil {
			return 0, err
		}
		return 1, nil
	}
	if b.fail != nil {
		return 0, b.fail
	}
	if b.Available() < utf8.UTFMax {
		b.Flush()
		if b.fail != nil {
			return 0, b.fail
		}
		if b.Available() < utf8.UTFMax {
			// The whole buffer is smaller than a rune can be.
			return b.WriteString(string(r))
		}
	}
	size = utf8.EncodeRune(b.buf[b.used:], r)
	b.used += size
	return size, nil
}

// WriteString is Write for a string; when nothing is pending and the
// underlying writer has WriteString, large strings go straight to it.
func (b *Writer) WriteString(s string) (int, error) {
	var direct io.StringWriter
	maybeDirect := true // until the type assertion has said otherwise
	done := 0
	for b.fail == nil && len(s) > b.Available() {
		if maybeDirect {
			direct, maybeDirect = b.dst.(io.StringWriter)
		}
		var step int
		if maybeDirect && b.used == 0 {
			step, b.fail = direct.WriteString(s)
		} else {
			step = copy(b.buf[b.used:], s)
			b.used += step
			b.Flush()
		}
		done += step
		s = s[step:]
	}
	if b.fail != nil {
		return done, b.fail
	}
	n := copy(b.buf[b.used:], s)
	b.used += n
	return done + n, nil
}

// ReadFrom fills the buffer from r until EOF, flushing as it fills; with
// an empty buffer and a ReaderFrom underneath, it hands r over to that.
// EOF is not an error.
func (b *Writer) ReadFrom(r io.Reader) (n int64, err error) {
	if b.fail != nil {
		return 0, b.fail
	}
	pull, canPull := b.dst.(io.ReaderFrom)
	for {
		if b.Available() == 0 {
			if ferr := b.Flush(); ferr != nil {
				return n, ferr
			}
		}
		if canPull && b.used == 0 {
			got, perr := pull.ReadFrom(r)
			b.fail = perr
			return n + got, perr
		}
		got, stalled, rerr := b.readSome(r)
		if stalled {
			return n, io.ErrNoProgress
		}
		b.used += got
		n += int64(got)
		if rerr != nil {
			err = rerr
			break
		}
	}
	if err != io.EOF {
		return n, err
	}
	if b.Available() == 0 {
		return n, b.Flush()
	}
	return n, nil
}

// readSome reads into the free space, retrying empty reads; stalled means
// maxConsecutiveEmptyReads reads returned nothing.
func (b *Writer) readSome(r io.Reader) (got int, stalled bool, err error) {
	for tries := 0; tries < maxConsecutiveEmptyReads; tries++ {
		got, err = r.Read(b.buf[b.used:])
		if got != 0 || err != nil {
			return got, false, err
		}
	}
	return 0, true, nil
}

// ReadWriter joins a *Reader and a *Writer into an io.ReadWriter.
type ReadWriter struct {
	*Reader
	*Writer
}

// NewReadWriter returns a ReadWriter using r and w.
func NewReadWriter(r *Reader, w *Writer) *ReadWriter {
	return &ReadWriter{Reader: r, Writer: w}
}
