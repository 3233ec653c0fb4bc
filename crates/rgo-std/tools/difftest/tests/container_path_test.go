package tests

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"math/rand"
	"path"
	"testing"

	xheap "difftest/x/container/heap"
	xlist "difftest/x/container/list"
	xring "difftest/x/container/ring"
	xpath "difftest/x/path"
)

func listVals(l *list.List) []any {
	var v []any
	for e := l.Front(); e != nil; e = e.Next() {
		v = append(v, e.Value)
	}
	for e := l.Back(); e != nil; e = e.Prev() {
		v = append(v, e.Value)
	}
	return v
}

func xlistVals(l *xlist.List) []any {
	var v []any
	for e := l.Front(); e != nil; e = e.Next() {
		v = append(v, e.Value)
	}
	for e := l.Back(); e != nil; e = e.Prev() {
		v = append(v, e.Value)
	}
	return v
}

func TestList(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	var a xlist.List
	b := list.New()
	var ea []*xlist.Element
	var eb []*list.Element
	other := list.New()
	xother := xlist.New()
	oe, xoe := other.PushBack("other"), xother.PushBack("other")
	for step := 0; step < 3000; step++ {
		op := r.Intn(13)
		i, j := 0, 0
		if len(ea) > 0 {
			i, j = r.Intn(len(ea)), r.Intn(len(ea))
		}
		switch {
		case op == 0 || len(ea) == 0:
			ea = append(ea, a.PushBack(step))
			eb = append(eb, b.PushBack(step))
		case op == 1:
			ea = append(ea, a.PushFront(step))
			eb = append(eb, b.PushFront(step))
		case op == 2:
			same(t, "Remove", a.Remove(ea[i]), b.Remove(eb[i]))
		case op == 3:
			ea = append(ea, a.InsertBefore(step, ea[i]))
			eb = append(eb, b.InsertBefore(step, eb[i]))
			if ea[len(ea)-1] == nil {
				ea, eb = ea[:len(ea)-1], eb[:len(eb)-1]
			}
		case op == 4:
			ea = append(ea, a.InsertAfter(step, ea[i]))
			eb = append(eb, b.InsertAfter(step, eb[i]))
			if ea[len(ea)-1] == nil {
				ea, eb = ea[:len(ea)-1], eb[:len(eb)-1]
			}
		case op == 5:
			a.MoveToFront(ea[i])
			b.MoveToFront(eb[i])
		case op == 6:
			a.MoveToBack(ea[i])
			b.MoveToBack(eb[i])
		case op == 7:
			a.MoveBefore(ea[i], ea[j])
			b.MoveBefore(eb[i], eb[j])
		case op == 8:
			a.MoveAfter(ea[i], ea[j])
			b.MoveAfter(eb[i], eb[j])
		case op == 9 && a.Len() < 50:
			a.PushBackList(&a)
			b.PushBackList(b)
		case op == 10 && a.Len() < 50:
			a.PushFrontList(xother)
			b.PushFrontList(other)
		case op == 11:
			a.MoveAfter(ea[i], xoe)
			b.MoveAfter(eb[i], oe)
			same(t, "Remove foreign", a.Remove(xoe), b.Remove(oe))
		case op == 12 && r.Intn(50) == 0:
			a.Init()
			b.Init()
		}
		same(t, fmt.Sprint("list step ", step), xlistVals(&a), listVals(b))
		same(t, "Len", a.Len(), b.Len())
	}
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func TestHeap(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	a, b := &intHeap{}, &intHeap{}
	for i := 0; i < 40; i++ {
		v := r.Intn(30)
		*a, *b = append(*a, v), append(*b, v)
	}
	xheap.Init(a)
	heap.Init(b)
	same(t, "Init", *a, *b)
	for step := 0; step < 2000; step++ {
		switch op := r.Intn(4); {
		case op == 0 || a.Len() == 0:
			v := r.Intn(100)
			xheap.Push(a, v)
			heap.Push(b, v)
		case op == 1:
			same(t, "Pop", xheap.Pop(a), heap.Pop(b))
		case op == 2:
			i := r.Intn(a.Len())
			same(t, "Remove", xheap.Remove(a, i), heap.Remove(b, i))
		case op == 3:
			i, v := r.Intn(a.Len()), r.Intn(100)
			(*a)[i], (*b)[i] = v, v
			xheap.Fix(a, i)
			heap.Fix(b, i)
		}
		same(t, "heap state", *a, *b)
	}
}

func ringVals(r *ring.Ring) []any {
	var v []any
	r.Do(func(x any) { v = append(v, x) })
	return v
}

func xringVals(r *xring.Ring) []any {
	var v []any
	r.Do(func(x any) { v = append(v, x) })
	return v
}

func TestRing(t *testing.T) {
	for n := 0; n < 8; n++ {
		a, b := xring.New(n), ring.New(n)
		for i := 0; i < n; i++ {
			a.Value, b.Value = i, i
			a, b = a.Next(), b.Next()
		}
		same(t, "Len", a.Len(), b.Len())
		same(t, "Do", xringVals(a), ringVals(b))
		for _, k := range []int{-9, -1, 0, 1, 3, 10} {
			if n == 0 {
				break
			}
			same(t, "Move", a.Move(k).Value, b.Move(k).Value)
			u1, u2 := a.Unlink(k), b.Unlink(k)
			same(t, "Unlink", xringVals(u1), ringVals(u2))
			same(t, "after Unlink", xringVals(a), ringVals(b))
			if u1 != nil {
				a.Link(u1)
				b.Link(u2)
			}
			same(t, "after Link", xringVals(a), ringVals(b))
		}
	}
	var z1 xring.Ring
	var z2 ring.Ring
	same(t, "zero Ring", z1.Len(), z2.Len())
	same(t, "zero Ring Next", z1.Next() == &z1, z2.Next() == &z2)
}

func TestPath(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	parts := []string{"", "/", "a", "b", ".", "..", "//", "c.txt", "x.y.z", "...", "d/"}
	var paths []string
	for i := 0; i < 3000; i++ {
		p := ""
		for k := r.Intn(6); k > 0; k-- {
			p += parts[r.Intn(len(parts))]
		}
		paths = append(paths, p)
	}
	for _, p := range paths {
		same(t, "Clean "+p, xpath.Clean(p), path.Clean(p))
		same(t, "Base "+p, xpath.Base(p), path.Base(p))
		same(t, "Dir "+p, xpath.Dir(p), path.Dir(p))
		same(t, "Ext "+p, xpath.Ext(p), path.Ext(p))
		same(t, "IsAbs "+p, xpath.IsAbs(p), path.IsAbs(p))
		d1, f1 := xpath.Split(p)
		d2, f2 := path.Split(p)
		same(t, "Split "+p, []string{d1, f1}, []string{d2, f2})
		same(t, "Join "+p, xpath.Join(p, p, "", "q"), path.Join(p, p, "", "q"))
	}
	same(t, "Join empty", xpath.Join("", ""), path.Join("", ""))
	patParts := []string{"*", "?", "a", "b", "/", "[ab]", "[^a]", "[a-c]", "\\*", "\\", "[", "]", "-", "[]", "[a-]", "[\\]]", "é", "[é-ü]", "\xff", "[^]", "**"}
	names := []string{"", "a", "b", "ab", "ba", "a/b", "abc", "/", "é", "*", "\xff", "a*b", "aa/bb", "[", "]", "-", "c/a", "abab/ab"}
	for i := 0; i < 20000; i++ {
		p := ""
		for k := r.Intn(5); k > 0; k-- {
			p += patParts[r.Intn(len(patParts))]
		}
		n := names[r.Intn(len(names))] + names[r.Intn(len(names))]
		m1, e1 := xpath.Match(p, n)
		m2, e2 := path.Match(p, n)
		same(t, fmt.Sprintf("Match(%q, %q)", p, n), []any{m1, e1 != nil}, []any{m2, e2 != nil})
	}
}
