// Package ring provides circular doubly linked lists. rgo: plain Go.
package ring

// Ring is one element of a circular list. Any element stands for the whole
// ring; nil is the empty ring, and a zero Ring is a ring of one element
// whose Value is nil.
type Ring struct {
	next, prev *Ring
	Value      any // the caller's data; the package never reads it
}

// self makes a zero Ring into a proper one-element ring.
func (r *Ring) self() *Ring {
	r.prev, r.next = r, r
	return r
}

// Next returns the element after r. r must not be nil.
func (r *Ring) Next() *Ring {
	if r.next == nil {
		return r.self()
	}
	return r.next
}

// Prev returns the element before r. r must not be nil.
func (r *Ring) Prev() *Ring {
	if r.next == nil {
		return r.self()
	}
	return r.prev
}

// Move walks |n| elements from r, forwards when n > 0 and backwards when
// n < 0, and returns where it stopped. r must not be nil.
func (r *Ring) Move(n int) *Ring {
	if r.next == nil {
		return r.self()
	}
	at := r
	for ; n > 0; n-- {
		at = at.next
	}
	for ; n < 0; n++ {
		at = at.prev
	}
	return at
}

// New returns a ring of n zero-valued elements, or nil when n <= 0.
func New(n int) *Ring {
	if n <= 0 {
		return nil
	}
	nodes := make([]Ring, n)
	for k := range nodes {
		nodes[k].next = &nodes[(k+1)%n]
		nodes[k].prev = &nodes[(k+n-1)%n]
	}
	return &nodes[0]
}

// Link splices ring s in right after r and returns the element that used to
// follow r. When s is already part of r's ring, the elements strictly
// between r and s are cut out instead, and the returned value is that cut
// subring. r must not be nil.
func (r *Ring) Link(s *Ring) *Ring {
	after := r.Next()
	if s == nil {
		return after
	}
	sLast := s.Prev()
	r.next, s.prev = s, r
	sLast.next, after.prev = after, sLast
	return after
}

// Unlink cuts the n % r.Len() elements following r out of the ring and
// returns them as a ring of their own (nil when n <= 0). r must not be nil.
func (r *Ring) Unlink(n int) *Ring {
	if n > 0 {
		return r.Link(r.Move(n + 1))
	}
	return nil
}

// Len counts the elements of r, in time linear in that count.
func (r *Ring) Len() int {
	if r == nil {
		return 0
	}
	count := 1
	for at := r.Next(); at != r; at = at.next {
		count++
	}
	return count
}

// Do calls f with each element's Value, starting at r and going forwards.
// f must not change the ring.
func (r *Ring) Do(f func(any)) {
	if r == nil {
		return
	}
	f(r.Value)
	for at := r.Next(); at != r; at = at.next {
		f(at.Value)
	}
}
