package io

import (
	"errors"
	"sync"
)

// ErrClosedPipe is returned by reads and writes on a pipe after their own
// side has been closed.
var ErrClosedPipe = errors.New("io: read/write on closed pipe")

// firstError keeps the first non-nil error stored in it.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) set(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// pipe is the state both ends share. A Write holds turn for its whole
// duration and offers its unsent bytes on offers, once per Read that takes
// some; the Read answers on taken with the count it copied. shut is closed
// when either end closes; readSide and writeSide record why.
type pipe struct {
	turn   sync.Mutex
	offers chan []byte
	taken  chan int

	shutOnce  sync.Once
	shut      chan struct{}
	readSide  firstError // error the reader closed with
	writeSide firstError // error the writer closed with
}

// isShut reports, without waiting, whether an end has been closed.
func (p *pipe) isShut() bool {
	select {
	case <-p.shut:
		return true
	default:
		return false
	}
}

// closeEnd records why one end closed and marks the pipe shut.
func (p *pipe) closeEnd(side *firstError, err error) {
	side.set(err)
	p.shutOnce.Do(func() { close(p.shut) })
}

// failure is the error an end sees once the pipe is shut: the other end's
// close error when only the other end closed, ErrClosedPipe otherwise.
func failure(mine, theirs *firstError) error {
	if mine.get() == nil {
		if err := theirs.get(); err != nil {
			return err
		}
	}
	return ErrClosedPipe
}

func (p *pipe) read(b []byte) (int, error) {
	if p.isShut() {
		return 0, failure(&p.readSide, &p.writeSide)
	}
	select {
	case offer := <-p.offers:
		n := copy(b, offer)
		p.taken <- n
		return n, nil
	case <-p.shut:
		return 0, failure(&p.readSide, &p.writeSide)
	}
}

func (p *pipe) write(b []byte) (sent int, err error) {
	if p.isShut() {
		return 0, failure(&p.writeSide, &p.readSide)
	}
	p.turn.Lock()
	defer p.turn.Unlock()
	// An empty Write still waits for one Read to take it.
	for {
		select {
		case p.offers <- b[sent:]:
			sent += <-p.taken
		case <-p.shut:
			return sent, failure(&p.writeSide, &p.readSide)
		}
		if sent == len(b) {
			return sent, nil
		}
	}
}

// PipeReader is the reading end of a Pipe.
type PipeReader struct{ pipe }

// Read waits for a Write and copies as much of its data into data as fits.
// Once the writer has closed, Read returns its close error (EOF by
// default); once the reader has closed, ErrClosedPipe.
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.pipe.read(data) }

// Close closes the reading end: writes then fail with ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reading end so that writes fail with err
// (ErrClosedPipe when err is nil). Only the first close error counts; the
// result is always nil.
func (r *PipeReader) CloseWithError(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	r.pipe.closeEnd(&r.pipe.readSide, err)
	return nil
}

// PipeWriter is the writing end of a Pipe.
type PipeWriter struct{ r PipeReader }

// Write blocks until readers have taken all of data, or an end is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.r.pipe.write(data) }

// Close closes the writing end: reads then return EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writing end so that reads fail with err (EOF
// when err is nil). Only the first close error counts; the result is
// always nil.
func (w *PipeWriter) CloseWithError(err error) error {
	if err == nil {
		err = EOF
	}
	w.r.pipe.closeEnd(&w.r.pipe.writeSide, err)
	return nil
}

// Pipe returns the two ends of a synchronous in-memory pipe: every Write
// waits until Reads have consumed it, with no buffering in between.
func Pipe() (*PipeReader, *PipeWriter) {
	w := new(PipeWriter)
	w.r.pipe = pipe{
		offers: make(chan []byte),
		taken:  make(chan int),
		shut:   make(chan struct{}),
	}
	return &w.r, w
}
