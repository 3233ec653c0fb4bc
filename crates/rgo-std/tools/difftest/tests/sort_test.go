package tests

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand"
	"slices"
	"sort"
	"testing"

	xmaps "difftest/x/maps"
	xslices "difftest/x/slices"
	xsort "difftest/x/sort"
)

type item struct{ key, id int }

// byKey sorts by key only, so equal keys expose the algorithm's order.
type byKey []item

func (s byKey) Len() int           { return len(s) }
func (s byKey) Less(i, j int) bool { return s[i].key < s[j].key }
func (s byKey) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// inputs returns slices shaped to hit every pdqsort path: random with
// few distinct keys, sorted, reversed, sawtooth, organ pipe, nearly sorted
// and large enough for ninthers and pattern breaking.
func inputs() [][]item {
	r := rand.New(rand.NewSource(4))
	var out [][]item
	for _, n := range []int{0, 1, 2, 5, 12, 13, 20, 49, 50, 51, 100, 257, 1000, 5000} {
		for shape := 0; shape < 8; shape++ {
			s := make([]item, n)
			for i := range s {
				var k int
				switch shape {
				case 0:
					k = r.Intn(n/4 + 1)
				case 1:
					k = i / 3
				case 2:
					k = (n - i) / 2
				case 3:
					k = i % 7
				case 4:
					k = min(i, n-i)
				case 5:
					k = i
					if r.Intn(20) == 0 {
						k = r.Intn(n + 1)
					}
				case 6:
					k = r.Intn(3)
				case 7:
					k = r.Int()
				}
				s[i] = item{k, i}
			}
			out = append(out, s)
		}
	}
	return out
}

func TestSortSameOrderAsGo(t *testing.T) {
	for n, in := range inputs() {
		id := fmt.Sprint("input ", n, " len ", len(in))
		a, b := slices.Clone(in), slices.Clone(in)
		xsort.Sort(byKey(a))
		sort.Sort(byKey(b))
		same(t, "Sort "+id, a, b)
		a, b = slices.Clone(in), slices.Clone(in)
		xsort.Stable(byKey(a))
		sort.Stable(byKey(b))
		same(t, "Stable "+id, a, b)
		a, b = slices.Clone(in), slices.Clone(in)
		xsort.Slice(a, func(i, j int) bool { return a[i].key < a[j].key })
		sort.Slice(b, func(i, j int) bool { return b[i].key < b[j].key })
		same(t, "Slice "+id, a, b)
		a, b = slices.Clone(in), slices.Clone(in)
		xsort.SliceStable(a, func(i, j int) bool { return a[i].key < a[j].key })
		sort.SliceStable(b, func(i, j int) bool { return b[i].key < b[j].key })
		same(t, "SliceStable "+id, a, b)
		byk := func(x, y item) int { return cmp.Compare(x.key, y.key) }
		a, b = slices.Clone(in), slices.Clone(in)
		xslices.SortFunc(a, byk)
		slices.SortFunc(b, byk)
		same(t, "SortFunc "+id, a, b)
		a, b = slices.Clone(in), slices.Clone(in)
		xslices.SortStableFunc(a, byk)
		slices.SortStableFunc(b, byk)
		same(t, "SortStableFunc "+id, a, b)
		same(t, "IsSorted "+id, xsort.IsSorted(byKey(a)), sort.IsSorted(byKey(a)))
		same(t, "IsSortedFunc "+id, xslices.IsSortedFunc(in, byk), slices.IsSortedFunc(in, byk))
		keys := make([]float64, len(in))
		for i, it := range in {
			keys[i] = float64(it.key % 100)
			if it.key%17 == 0 {
				keys[i] = math.NaN()
			}
		}
		k1, k2 := slices.Clone(keys), slices.Clone(keys)
		xslices.Sort(k1)
		slices.Sort(k2)
		same(t, "Sort floats "+id, fmt.Sprint(k1), fmt.Sprint(k2))
		k1, k2 = slices.Clone(keys), slices.Clone(keys)
		xsort.Float64s(k1)
		sort.Float64s(k2)
		same(t, "Float64s "+id, fmt.Sprint(k1), fmt.Sprint(k2))
		for _, target := range []float64{-1, 0, 5, 50, 99, 1000, math.NaN()} {
			i1, f1 := xslices.BinarySearch(k1, target)
			i2, f2 := slices.BinarySearch(k2, target)
			same(t, "BinarySearch", []any{i1, f1}, []any{i2, f2})
			same(t, "SearchFloat64s", xsort.SearchFloat64s(k1, target), sort.SearchFloat64s(k2, target))
		}
	}
	samePanic(t, "Slice non-slice", func() any { xsort.Slice(3, nil); return nil }, func() any { sort.Slice(3, nil); return nil })
}

func TestSlicesFuncs(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for n := 0; n < 300; n++ {
		s := make([]int, r.Intn(12))
		for i := range s {
			s[i] = r.Intn(5)
		}
		i, j := r.Intn(len(s)+1), r.Intn(len(s)+1)
		v := []int{9, 8, 7}[:r.Intn(4)]
		id := fmt.Sprint(s, i, j, v)
		samePanic(t, "Insert "+id, func() any { return xslices.Insert(slices.Clone(s), i, v...) }, func() any { return slices.Insert(slices.Clone(s), i, v...) })
		samePanic(t, "Delete "+id, func() any { return xslices.Delete(slices.Clone(s), i, j) }, func() any { return slices.Delete(slices.Clone(s), i, j) })
		samePanic(t, "Replace "+id, func() any { return xslices.Replace(slices.Clone(s), i, j, v...) }, func() any { return slices.Replace(slices.Clone(s), i, j, v...) })
		// Aliasing: insert a sub-slice of s into s itself (with spare capacity).
		big1 := append(make([]int, 0, 32), s...)
		big2 := append(make([]int, 0, 32), s...)
		if len(s) > 2 {
			same(t, "Insert alias "+id, xslices.Insert(big1, 1, big1[1:3]...), slices.Insert(big2, 1, big2[1:3]...))
			b1 := append(make([]int, 0, 32), s...)
			b2 := append(make([]int, 0, 32), s...)
			same(t, "Replace alias "+id, xslices.Replace(b1, 0, 1, b1[1:]...), slices.Replace(b2, 0, 1, b2[1:]...))
		}
		c1, c2 := slices.Clone(s), slices.Clone(s)
		same(t, "Compact "+id, xslices.Compact(c1), slices.Compact(c2))
		same(t, "Compact backing "+id, c1, c2)
		c1, c2 = slices.Clone(s), slices.Clone(s)
		same(t, "DeleteFunc "+id, xslices.DeleteFunc(c1, func(x int) bool { return x == 2 }), slices.DeleteFunc(c2, func(x int) bool { return x == 2 }))
		same(t, "DeleteFunc backing "+id, c1, c2)
		same(t, "Index "+id, xslices.Index(s, 3), slices.Index(s, 3))
		same(t, "Compare "+id, xslices.Compare(s, v), slices.Compare(s, v))
		same(t, "Equal "+id, xslices.Equal(s, v), slices.Equal(s, v))
		samePanic(t, "Min "+id, func() any { return xslices.Min(s) }, func() any { return slices.Min(s) })
		samePanic(t, "MaxFunc "+id, func() any { return xslices.MaxFunc(s, cmp.Compare[int]) }, func() any { return slices.MaxFunc(s, cmp.Compare[int]) })
		same(t, "Concat "+id, xslices.Concat(s, v, s), slices.Concat(s, v, s))
		same(t, "Repeat "+id, xslices.Repeat(s, i), slices.Repeat(s, i))
		g1, g2 := xslices.Grow(s, j), slices.Grow(s, j)
		same(t, "Grow cap "+id, cap(g1), cap(g2))
		same(t, "Clone "+id, xslices.Clone(s), slices.Clone(s))
		if i > 0 {
			same(t, "Chunk "+id, xslices.Collect(xslices.Chunk(s, i)), slices.Collect(slices.Chunk(s, i)))
		}
		same(t, "Sorted "+id, xslices.Sorted(xslices.Values(s)), slices.Sorted(slices.Values(s)))
		m := map[int]int{}
		for k, x := range s {
			m[k] = x
		}
		same(t, "maps.Clone "+id, xmaps.Clone(m), maps.Clone(m))
		same(t, "maps.Collect "+id, xmaps.Collect(xmaps.All(m)), maps.Collect(maps.All(m)))
	}
	samePanic(t, "Repeat neg", func() any { return xslices.Repeat([]int{1}, -1) }, func() any { return slices.Repeat([]int{1}, -1) })
	samePanic(t, "Grow neg", func() any { return xslices.Grow([]int{1}, -1) }, func() any { return slices.Grow([]int{1}, -1) })
	samePanic(t, "Chunk 0", func() any { return xslices.Chunk([]int{1}, 0) }, func() any { return slices.Chunk([]int{1}, 0) })
	samePanic(t, "Min empty", func() any { return xslices.Min([]int{}) }, func() any { return slices.Min([]int{}) })
	same(t, "Clone nil", xmaps.Clone(map[int]int(nil)) == nil, true)
}
