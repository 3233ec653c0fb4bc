// Package list provides a doubly linked list. rgo: plain Go.
//
// Layout: a List holds a root Element; root.next is the first
// element and root.prev the last, so the elements and the root
// form one ring. An Element's list is the List it is on, or nil once it
// has been removed. A zero List has nil root links and is set up on
// first insertion.
package list

// Element is one entry of a List.
type Element struct {
	next, prev *Element
	list       *List

	// Value is the caller's data carried by the element.
	Value any
}

// neighbour returns p unless it is the root of e's list (or e is
// detached), in which case it returns nil.
func (e *Element) neighbour(p *Element) *Element {
	if e.list == nil || p == &e.list.root {
		return nil
	}
	return p
}

// Next returns the element after e, or nil at the end of the list.
func (e *Element) Next() *Element { return e.neighbour(e.next) }

// Prev returns the element before e, or nil at the start of the list.
func (e *Element) Prev() *Element { return e.neighbour(e.prev) }

// List is a doubly linked list; its zero value is an empty list.
type List struct {
	root Element // links only: never handed out as an element
	len  int     // number of elements, the root excluded
}

// Init empties l and returns it.
func (l *List) Init() *List {
	l.root.next, l.root.prev = &l.root, &l.root
	l.len = 0
	return l
}

// New returns a new empty list.
func New() *List { return new(List).Init() }

// Len returns how many elements l holds, in constant time.
func (l *List) Len() int { return l.len }

// Front returns the first element of l, or nil when l is empty.
func (l *List) Front() *Element {
	if l.len != 0 { // n can go negative when stale elements outlive Init
		return l.root.next
	}
	return nil
}

// Back returns the last element of l, or nil when l is empty.
func (l *List) Back() *Element {
	if l.len != 0 {
		return l.root.prev
	}
	return nil
}

// ready sets up the root of a zero List.
func (l *List) ready() {
	if l.root.next == nil {
		l.Init()
	}
}

// link puts the detached e on l, right after pos, and returns e.
func (l *List) link(e, pos *Element) *Element {
	after := pos.next
	e.prev, e.next = pos, after
	pos.next, after.prev = e, e
	e.list = l
	l.len++
	return e
}

// unlink takes e off the ring without touching its list or the count.
func unlink(e *Element) {
	e.prev.next, e.next.prev = e.next, e.prev
}

// relink moves e, which is on l, to right after pos.
func (l *List) relink(e, pos *Element) {
	if e == pos {
		return
	}
	unlink(e)
	after := pos.next
	e.prev, e.next = pos, after
	pos.next, after.prev = e, e
}

// Remove takes e off l when e is on l, and returns e.Value either way.
// e must not be nil.
func (l *List) Remove(e *Element) any {
	if e.list == l {
		unlink(e)
		e.next, e.prev, e.list = nil, nil, nil // drop references early
		l.len--
	}
	return e.Value
}

// PushFront adds a new element holding v at the start of l.
func (l *List) PushFront(v any) *Element {
	l.ready()
	return l.link(&Element{Value: v}, &l.root)
}

// PushBack adds a new element holding v at the end of l.
func (l *List) PushBack(v any) *Element {
	l.ready()
	return l.link(&Element{Value: v}, l.root.prev)
}

// InsertBefore adds a new element holding v just before mark and returns
// it; when mark is not on l nothing happens and the result is nil.
func (l *List) InsertBefore(v any, mark *Element) *Element {
	if mark.list == l {
		return l.link(&Element{Value: v}, mark.prev)
	}
	return nil
}

// InsertAfter adds a new element holding v just after mark and returns it;
// when mark is not on l nothing happens and the result is nil.
func (l *List) InsertAfter(v any, mark *Element) *Element {
	if mark.list == l {
		return l.link(&Element{Value: v}, mark)
	}
	return nil
}

// MoveToFront makes e the first element of l; e must be on l, otherwise
// nothing happens.
func (l *List) MoveToFront(e *Element) {
	if e.list == l && l.root.next != e {
		l.relink(e, &l.root)
	}
}

// MoveToBack makes e the last element of l; e must be on l, otherwise
// nothing happens.
func (l *List) MoveToBack(e *Element) {
	if e.list == l && l.root.prev != e {
		l.relink(e, l.root.prev)
	}
}

// MoveBefore puts e just before mark. Nothing happens unless both are on l
// and differ.
func (l *List) MoveBefore(e, mark *Element) {
	if e.list == l && mark.list == l && e != mark {
		l.relink(e, mark.prev)
	}
}

// MoveAfter puts e just after mark. Nothing happens unless both are on l
// and differ.
func (l *List) MoveAfter(e, mark *Element) {
	if e.list == l && mark.list == l && e != mark {
		l.relink(e, mark)
	}
}

// PushBackList appends copies of other's values to l; other may be l
// itself. Neither may be nil.
func (l *List) PushBackList(other *List) {
	l.ready()
	e := other.Front()
	for left := other.Len(); left > 0; left-- {
		l.link(&Element{Value: e.Value}, l.root.prev)
		e = e.Next()
	}
}

// PushFrontList prepends copies of other's values to l, keeping their
// order; other may be l itself. Neither may be nil.
func (l *List) PushFrontList(other *List) {
	l.ready()
	e := other.Back()
	for left := other.Len(); left > 0; left-- {
		l.link(&Element{Value: e.Value}, &l.root)
		e = e.Prev()
	}
}
