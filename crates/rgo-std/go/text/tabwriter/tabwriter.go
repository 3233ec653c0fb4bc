// Package tabwriter implements a write filter (*Writer) that translates
// tabbed columns in input into properly aligned text.
//
// rgo: written for rgo after Go's documented behaviour (the "elastic
// tabstops" layout): cells are runs of text ended by a horizontal tab
// '\t' or a vertical tab '\v'; the cells in column k of adjacent lines
// that all have a cell there form a column block, padded to the block's
// widest cell plus padding. The text after a line's last tab belongs to
// no column. A newline ends a line; a formfeed '\f' also ends every
// column block and flushes. Text is buffered until a line can no longer
// influence the layout of what follows (or Flush).
package tabwriter

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// Formatting flags of a Writer.
const (
	// FilterHTML: HTML tags take no width, an entity (from '&' to ';')
	// is one wide.
	FilterHTML uint = 1 << iota

	// StripEscape: drop the Escape bytes around escaped segments from
	// the output (they are kept by default).
	StripEscape

	// AlignRight: pad cells on the left (the default pads on the right).
	AlignRight

	// DiscardEmptyColumns: a column block whose cells are all empty and
	// ended by '\v' takes no width.
	DiscardEmptyColumns

	// TabIndent: pad the leading empty cells of a line with tabs,
	// whatever the pad character.
	TabIndent

	// Debug: write '|' between the cells of a line.
	Debug
)

// Escape brackets a segment of text whose tabs, line breaks and other
// special bytes are taken literally; it counts as width 0 (with the
// segment's runes counting normally).
const Escape = '\xff'

// cell is one cell of buffered text.
type cell struct {
	size  int  // length of its text in bytes
	width int  // display width: runes, without escapes and HTML tags
	htab  bool // ended by '\t' rather than '\v'
}

// A Writer pads the tab-separated cells of the text written to it so
// that columns line up in its output. Call Init (or use NewWriter)
// before writing.
type Writer struct {
	out      io.Writer
	minwidth int
	tabwidth int
	padding  int
	padchar  [8]byte // padchar repeated, written in chunks
	flags    uint

	text    []byte   // the text of every buffered cell, in order
	counted int      // text[:counted] is accounted for in cur.width
	cur     cell     // the cell being collected
	closing byte     // the byte that ends the escape being read, or 0
	rows    [][]cell // buffered lines; the last one is being collected
	colw    []int    // widths of the columns left of the block being laid out
}

// tabRun is written in chunks when padding with tabs.
var tabRun = []byte("\t\t\t\t\t\t\t\t")

// writeFailure carries an error of the output writer out of the
// formatting code to Write or Flush.
type writeFailure struct{ err error }

// clear drops all buffered text and starts an empty line.
func (b *Writer) clear() {
	b.text = b.text[:0]
	b.counted = 0
	b.cur = cell{}
	b.closing = 0
	b.rows = append(b.rows[:0], nil)
	b.colw = b.colw[:0]
}

// Init sets b up to write to output and returns b. A cell is at least
// minwidth wide, padding included; padding is added to the width of the
// widest cell of a column block; tabwidth is how wide a tab is taken to
// be when padding with tabs. padchar is the byte padding is made of: with
// '\t', cells are padded with tabs to tab stops every tabwidth columns
// and always aligned left. flags are the formatting flags above.
func (b *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	b.out = output
	b.minwidth, b.tabwidth, b.padding = minwidth, tabwidth, padding
	for i := range b.padchar {
		b.padchar[i] = padchar
	}
	if padchar == '\t' {
		// Tab padding cannot align to the right.
		flags &^= AlignRight
	}
	b.flags = flags
	b.clear()
	return b
}

// NewWriter returns a new Writer set up as Init does.
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

// emit writes p to the output; a failure unwinds to Write or Flush.
func (b *Writer) emit(p []byte) {
	n, err := b.out.Write(p)
	if err == nil && n != len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		panic(writeFailure{err})
	}
}

// emitRepeat writes count bytes of chunk's kind, a chunk at a time.
func (b *Writer) emitRepeat(chunk []byte, count int) {
	for ; count > len(chunk); count -= len(chunk) {
		b.emit(chunk)
	}
	b.emit(chunk[:count])
}

// pad fills a cell whose text is textw wide up to cellw, with the pad
// character, or with tabs (each tabwidth wide) when that is the pad
// character or tabs is set.
func (b *Writer) pad(textw, cellw int, tabs bool) {
	if b.padchar[0] != '\t' && !tabs {
		b.emitRepeat(b.padchar[:], cellw-textw)
		return
	}
	if b.tabwidth == 0 {
		return // a tab has no width here: nothing can pad
	}
	stops := (cellw + b.tabwidth - 1) / b.tabwidth
	gap := stops*b.tabwidth - textw
	if gap < 0 {
		panic("internal error")
	}
	b.emitRepeat(tabRun, (gap+b.tabwidth-1)/b.tabwidth)
}

// emitRows writes the buffered lines from..to-1, whose text starts at
// offset at, padding each cell to its column's width; it returns the
// offset after their text.
func (b *Writer) emitRows(at, from, to int) int {
	for r := from; r < to; r++ {
		// Leading empty cells are indentation: tabs under TabIndent.
		indent := b.flags&TabIndent != 0
		for k, c := range b.rows[r] {
			if k > 0 && b.flags&Debug != 0 {
				b.emit([]byte{'|'})
			}
			inColumn := k < len(b.colw)
			if c.size == 0 {
				if inColumn {
					b.pad(c.width, b.colw[k], indent)
				}
				continue
			}
			indent = false
			text := b.text[at : at+c.size]
			at += c.size
			if b.flags&AlignRight != 0 {
				if inColumn {
					b.pad(c.width, b.colw[k], false)
				}
				b.emit(text)
			} else {
				b.emit(text)
				if inColumn {
					b.pad(c.width, b.colw[k], false)
				}
			}
		}
		if r == len(b.rows)-1 {
			// The line being collected: its unfinished cell, no newline.
			b.emit(b.text[at : at+b.cur.size])
			at += b.cur.size
		} else {
			b.emit([]byte{'\n'})
		}
	}
	return at
}

// layout writes lines from..to-1, whose text starts at offset at, given
// the widths of the columns left of column len(b.colw): each block of
// adjacent lines with a cell in that column gets its width, then the
// block is laid out for the next column. It returns the offset after
// the lines' text.
func (b *Writer) layout(at, from, to int) int {
	col := len(b.colw)
	done := from // lines before done are written
	for r := from; r < to; r++ {
		if len(b.rows[r])-1 <= col {
			continue // no cell of line r is in this column
		}
		at = b.emitRows(at, done, r)
		width, blank := b.minwidth, true
		end := r
		for ; end < to && len(b.rows[end])-1 > col; end++ {
			c := b.rows[end][col]
			if c.width+b.padding > width {
				width = c.width + b.padding
			}
			if c.width > 0 || c.htab {
				blank = false
			}
		}
		if blank && b.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		b.colw = append(b.colw, width)
		at = b.layout(at, r, end)
		b.colw = b.colw[:col]
		done, r = end, end
	}
	return b.emitRows(at, done, to)
}

// count adds the runes read since the last count to the cell's width.
func (b *Writer) count() {
	b.cur.width += utf8.RuneCount(b.text[b.counted:])
	b.counted = len(b.text)
}

// take appends text to the cell being collected.
func (b *Writer) take(text []byte) {
	b.text = append(b.text, text...)
	b.cur.size += len(text)
}

// endCell closes the cell being collected (htab: ended by '\t') and
// returns how many cells its line has.
func (b *Writer) endCell(htab bool) int {
	b.cur.htab = htab
	last := len(b.rows) - 1
	b.rows[last] = append(b.rows[last], b.cur)
	b.cur = cell{}
	return len(b.rows[last])
}

// openEscape starts an escaped segment, an HTML tag or an entity.
func (b *Writer) openEscape(c byte) {
	switch c {
	case Escape:
		b.closing = Escape
	case '<':
		b.closing = '>'
	case '&':
		b.closing = ';'
	}
}

// closeEscape ends the segment started by openEscape: an escaped text
// counts its runes (not the Escape bytes), a tag nothing, an entity one.
func (b *Writer) closeEscape() {
	switch b.closing {
	case Escape:
		b.count()
		if b.flags&StripEscape == 0 {
			b.cur.width -= 2
		}
	case ';':
		b.cur.width++
	}
	b.counted = len(b.text)
	b.closing = 0
}

// flushAll lays out and writes everything buffered.
func (b *Writer) flushAll() {
	if b.cur.size > 0 {
		if b.closing != 0 {
			b.closeEscape() // an unterminated escape ends here
		}
		b.endCell(false)
	}
	b.layout(0, 0, len(b.rows))
	b.clear()
}

// recoverFailure turns a failure of the output writer into the error of
// op; other panics are reported as Go's tabwriter reports them.
func (b *Writer) recoverFailure(err *error, op string) {
	e := recover()
	if e == nil {
		return
	}
	if op == "Flush" {
		b.clear()
	}
	if f, ok := e.(writeFailure); ok {
		*err = f.err
		return
	}
	panic(fmt.Sprintf("tabwriter: panic during %s (%v)", op, e))
}

// Flush lays out and writes all buffered text; call it after the last
// Write. An escaped segment still open at the end is closed first.
func (b *Writer) Flush() error { return b.flush() }

// flush is Flush with its error named for recoverFailure.
func (b *Writer) flush() (err error) {
	defer b.recoverFailure(&err, "Flush")
	b.flushAll()
	return nil
}

// Write buffers buf and writes the lines whose layout is settled. Its
// errors are those of the output writer.
func (b *Writer) Write(buf []byte) (n int, err error) {
	defer b.recoverFailure(&err, "Write")
	// n: buf[:n] has been taken into the buffer.
	for i, c := range buf {
		if b.closing != 0 {
			if c != b.closing {
				continue
			}
			upto := i + 1
			if c == Escape && b.flags&StripEscape != 0 {
				upto = i
			}
			b.take(buf[n:upto])
			n = i + 1
			b.closeEscape()
			continue
		}
		switch c {
		case '\t', '\v', '\n', '\f':
			b.take(buf[n:i])
			b.count()
			n = i + 1
			cells := b.endCell(c == '\t')
			if c == '\t' || c == '\v' {
				break
			}
			b.rows = append(b.rows, nil)
			// A formfeed always flushes; so does a line of one cell,
			// which cannot affect the layout of later lines.
			if c == '\f' || cells == 1 {
				b.flushAll()
				if c == '\f' && b.flags&Debug != 0 {
					b.emit([]byte("---\n"))
				}
			}
		case Escape:
			b.take(buf[n:i])
			b.count()
			n = i
			if b.flags&StripEscape != 0 {
				n++
			}
			b.openEscape(c)
		case '<', '&':
			if b.flags&FilterHTML != 0 {
				b.take(buf[n:i])
				b.count()
				n = i
				b.openEscape(c)
			}
		}
	}
	b.take(buf[n:])
	return len(buf), nil
}
