// Package heap keeps a user collection ordered as a binary min-heap: the
// element at index 0 is the least by Less. rgo: plain Go.
//
// Facts kept from Go so that call sequences and resulting orders match:
// children of index k live at 2k+1 and 2k+2; sifting down takes the right
// child only when it is strictly less than the left one and stops as soon
// as the chosen child is not less than the parent; sifting up stops when
// the element is not less than its parent; Init sifts down every inner
// node from the last one to the root.
package heap

import "sort"

// Interface is what a collection must offer to be kept as a heap: the
// sort.Interface methods, plus Push, which appends at index Len(), and Pop,
// which removes and returns the element at index Len()-1.
type Interface interface {
	sort.Interface
	Push(x any) // append x at index Len()
	Pop() any   // take away and return the last element
}

// Init arranges h into heap order in O(h.Len()) steps.
func Init(h Interface) {
	size := h.Len()
	for node := size/2 - 1; node >= 0; node-- {
		siftDown(h, node, size)
	}
}

// Push adds x to the heap in O(log n) steps.
func Push(h Interface, x any) {
	h.Push(x)
	siftUp(h, h.Len()-1)
}

// Pop takes the least element out of the heap and returns it.
func Pop(h Interface) any {
	last := h.Len() - 1
	h.Swap(0, last)
	siftDown(h, 0, last)
	return h.Pop()
}

// Remove takes the element at index i out of the heap and returns it.
func Remove(h Interface, i int) any {
	last := h.Len() - 1
	if i != last {
		h.Swap(i, last)
		restore(h, i, last)
	}
	return h.Pop()
}

// Fix restores heap order after the element at index i changed.
func Fix(h Interface, i int) {
	restore(h, i, h.Len())
}

// restore moves the element at pos down, or up when it cannot go down.
func restore(h Interface, pos, size int) {
	if !siftDown(h, pos, size) {
		siftUp(h, pos)
	}
}

// siftUp swaps the element at pos with its parent while it is less.
func siftUp(h Interface, pos int) {
	for pos > 0 {
		parent := (pos - 1) / 2
		if !h.Less(pos, parent) {
			return
		}
		h.Swap(parent, pos)
		pos = parent
	}
}

// siftDown swaps the element at start with its least child while that child
// is less, within the first size elements; it reports whether it moved.
func siftDown(h Interface, start, size int) bool {
	pos := start
	for {
		left := 2*pos + 1
		if left < 0 || left >= size { // left < 0: the index overflowed
			return pos > start
		}
		least := left
		if right := left + 1; right < size && h.Less(right, left) {
			least = right
		}
		if !h.Less(least, pos) {
			return pos > start
		}
		h.Swap(pos, least)
		pos = least
	}
}
