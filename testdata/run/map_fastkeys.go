// Map keys of every kind the compiler gives a fast path (4- and 8-byte
// memory keys, strings) next to ones that take the generic path, through
// every map operation: lookups (both forms), assignment, op-assignment,
// delete, growth, iteration, and the nil-map panic.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

type ID int64
type Pair32 struct{ A, B int32 }
type Pair16 struct{ A, B int16 }
type Bytes8 [8]byte
type Small struct {
	A int8
	B int16
}
type Big struct{ X [20]int64 }

const k32 = 2654435761

func ints() {
	m32 := map[int32]string{}
	mu32 := map[uint32]int{}
	m64 := map[int64]int{}
	mid := map[ID]bool{}
	for i := int32(-500); i < 500; i++ {
		m32[i*3] = strconv.Itoa(int(i))
		mu32[uint32(i)*k32] += int(i)
		m64[int64(i)<<33] = int(i)
		mid[ID(i)] = i%2 == 0
	}
	hits := 0
	for i := int32(-1500); i < 1500; i++ {
		if v, ok := m32[i]; ok {
			hits++
			if v != strconv.Itoa(int(i/3)) {
				fmt.Println("bad int32 value", i, v)
			}
		}
		if _, ok := m64[int64(i)<<33]; ok {
			hits++
		}
		if mid[ID(i)] {
			hits++
		}
	}
	fmt.Println("int hits", hits, len(m32), len(mu32), len(m64), len(mid))
	fmt.Println(m32[-3], m32[4] == "", mu32[7*k32%(1<<32)], m64[1<<33], m64[1])
	for i := int64(0); i < 500; i += 2 {
		delete(m64, i<<33)
		delete(m32, int32(i))
	}
	delete(m64, 12345)
	fmt.Println("after delete", len(m64), len(m32), m64[2<<33], m64[3<<33])
	m64[7<<33] *= 10
	m64[8<<33]++
	m64[9<<33] -= 4
	fmt.Println(m64[7<<33], m64[8<<33], m64[9<<33])
	// Small maps (one bucket) and a presized one.
	sm := map[uint64]int{1: 10, 2: 20}
	pm := make(map[uint64]int, 1000)
	for i := uint64(0); i < 1000; i++ {
		pm[i*i] = int(i)
	}
	v, ok := sm[2]
	w, ok2 := sm[3]
	fmt.Println(v, ok, w, ok2, pm[999*999], len(pm))
}

func composite() {
	mp := map[Pair32]int{}
	m16 := map[Pair16]string{}
	mb := map[Bytes8]int{}
	ms := map[Small]int{}
	ma := map[[2]int32]int{}
	for i := 0; i < 300; i++ {
		mp[Pair32{int32(i), int32(-i)}] = i
		m16[Pair16{int16(i), 7}] = fmt.Sprint(i)
		mb[Bytes8{byte(i), 1, 2, 3, 4, 5, 6, byte(i >> 8)}] = i
		ms[Small{int8(i), int16(i * 3)}] = i
		ma[[2]int32{int32(i), 5}] = i
	}
	fmt.Println(mp[Pair32{10, -10}], mp[Pair32{10, 10}], m16[Pair16{299, 7}], m16[Pair16{1, 8}] == "")
	fmt.Println(mb[Bytes8{200, 1, 2, 3, 4, 5, 6, 0}], ms[Small{5, 15}], ms[Small{5, 16}], ma[[2]int32{42, 5}])
	_, ok := ma[[2]int32{42, 6}]
	delete(mp, Pair32{10, -10})
	_, ok2 := mp[Pair32{10, -10}]
	fmt.Println(ok, ok2, len(mp), len(m16), len(mb), len(ms), len(ma))
}

func generic() {
	// Pointer, float, interface keys and big elements keep the generic path.
	a, b := new(int), new(int)
	mptr := map[*int]int{a: 1, b: 2}
	mf := map[float64]int{}
	mf[0.5] = 1
	mf[-0.0] = 2
	mf[0.0]++
	mi := map[any]int{1: 1, "x": 2, 2.5: 3}
	mbig := map[int]Big{}
	for i := 0; i < 100; i++ {
		var v Big
		v.X[19] = int64(i)
		mbig[i] = v
	}
	mbs := map[string]Big{"k": {X: [20]int64{1}}}
	fmt.Println(mptr[a], mptr[b], mf[0], mf[0.5], len(mf), mi[1], mi["x"], mi[2.5], mi[3])
	fmt.Println(mbig[42].X[19], mbs["k"].X[0], len(mbig))
}

func strs() {
	m := map[string]int{}
	var keys []string
	for i := 0; i < 2000; i++ {
		k := "k" + strconv.Itoa(i*7)
		if i%3 == 0 {
			k += "-a-much-longer-suffix-beyond-sixteen-bytes"
		}
		keys = append(keys, k)
		m[k] = i
	}
	m[""] = -1
	sum := 0
	for _, k := range keys {
		// A copy with different backing bytes: compared by content.
		c := string([]byte(k))
		sum += m[c]
	}
	v, ok := m[""]
	_, ok2 := m["nope"]
	m["k7"] += 100
	delete(m, "k14")
	delete(m, "absent")
	fmt.Println(sum, v, ok, ok2, m["k7"], m["k14"], len(m))
	var names []string
	for k, v := range map[string]int{"b": 2, "a": 1, "c": 3} {
		names = append(names, k+strconv.Itoa(v))
	}
	sort.Strings(names)
	fmt.Println(names)
}

func grow() {
	// Insert while iterating: growth and evacuation under an iterator.
	m := map[int]int{}
	for i := 0; i < 64; i++ {
		m[i] = i
	}
	seen := 0
	for k := range m {
		if k < 64 {
			seen++
		}
		m[k+1000] = k
	}
	fmt.Println(seen, len(m) >= 64+seen)
}

func nilmap() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var m map[string]int
	fmt.Println(m["x"], len(m))
	_, ok := m["y"]
	fmt.Println(ok)
	delete(m, "z")
	var mi map[int32]int
	fmt.Println(mi[5])
	m["x"] = 1
}

func main() {
	ints()
	composite()
	generic()
	strs()
	grow()
	nilmap()
	var m map[uint64]bool
	m[1] = true
}
