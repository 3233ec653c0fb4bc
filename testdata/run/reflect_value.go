package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Point struct {
	X, Y int
	name string
	Tags []string
}

type MyInt int

func main() {
	// Getters
	fmt.Println(reflect.ValueOf(42).Int(), reflect.ValueOf(int8(-3)).Int(), reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf(uintptr(9)).Uint())
	fmt.Println(reflect.ValueOf(2.5).Float(), reflect.ValueOf(float32(1.25)).Float(), reflect.ValueOf(complex(1, -2)).Complex())
	fmt.Println(reflect.ValueOf("hey").String(), reflect.ValueOf(true).Bool(), string(reflect.ValueOf([]byte("abc")).Bytes()))
	fmt.Println(reflect.ValueOf(42).String(), reflect.ValueOf(Point{}).String(), reflect.Value{}.String())
	fmt.Println(reflect.ValueOf(MyInt(5)).Int(), reflect.ValueOf(MyInt(5)).Kind(), reflect.ValueOf(MyInt(5)).Type())
	fmt.Println(reflect.ValueOf(42).CanInt(), reflect.ValueOf(42).CanUint(), reflect.ValueOf(1.0).CanFloat(), reflect.ValueOf(1i).CanComplex())

	// Len, Cap, Index, Slice
	s := []int{10, 20, 30, 40}
	sv := reflect.ValueOf(s)
	fmt.Println(sv.Len(), sv.Cap(), sv.Index(2), sv.Slice(1, 3).Interface(), sv.Slice3(0, 1, 2).Cap())
	fmt.Println(reflect.ValueOf("héllo").Len(), reflect.ValueOf("héllo").Index(1).Uint(), reflect.ValueOf("héllo").Slice(0, 3))
	arr := [3]string{"a", "b", "c"}
	fmt.Println(reflect.ValueOf(arr).Index(1), reflect.ValueOf(&arr).Elem().Slice(1, 3).Interface(), reflect.ValueOf(&arr).Len())
	m := map[string]int{"a": 1}
	fmt.Println(reflect.ValueOf(m).Len(), reflect.ValueOf(make(chan int, 5)).Cap())

	// Set through pointers
	p := Point{1, 2, "p", nil}
	pv := reflect.ValueOf(&p).Elem()
	fmt.Println(pv.CanSet(), pv.CanAddr(), reflect.ValueOf(p).CanSet(), reflect.ValueOf(p).CanAddr())
	pv.Field(0).SetInt(100)
	pv.FieldByName("Y").Set(reflect.ValueOf(200))
	pv.Field(3).Set(reflect.ValueOf([]string{"t"}))
	fmt.Println(p, pv.Field(2).CanSet(), pv.Field(2).CanInterface(), pv.Field(2).String())
	pv.Field(3).Index(0).SetString("u")
	fmt.Println(p.Tags, pv.NumField())
	x := 3.5
	reflect.ValueOf(&x).Elem().SetFloat(-1.5)
	var u8 uint8
	reflect.ValueOf(&u8).Elem().SetUint(300)
	var b bool
	reflect.ValueOf(&b).Elem().SetBool(true)
	var c complex64
	reflect.ValueOf(&c).Elem().SetComplex(3 + 4i)
	fmt.Println(x, u8, b, c)
	var bs []byte
	reflect.ValueOf(&bs).Elem().SetBytes([]byte("xyz"))
	fmt.Println(string(bs))
	sl := make([]int, 2, 10)
	slv := reflect.ValueOf(&sl).Elem()
	slv.SetLen(5)
	fmt.Println(len(sl), sl)
	slv.SetCap(6)
	fmt.Println(cap(sl))
	var iface any
	reflect.ValueOf(&iface).Elem().Set(reflect.ValueOf("in iface"))
	fmt.Println(iface)
	var st fmt.Stringer
	fmt.Println(reflect.ValueOf(&st).Elem().Kind(), reflect.ValueOf(&st).Elem().IsNil())

	// Elem, Addr, Interface round trip, Pointer
	ip := &p
	fmt.Println(reflect.ValueOf(ip).Elem().Field(0), reflect.ValueOf(ip).Pointer() == reflect.ValueOf(&p).Pointer())
	fmt.Println(reflect.ValueOf(&p).Elem().Addr().Interface() == any(&p))
	got := reflect.ValueOf(p).Interface().(Point)
	fmt.Println(got.X, got.name)
	var ia any = 17
	iv := reflect.ValueOf(&ia).Elem()
	fmt.Println(iv.Kind(), iv.Elem().Kind(), iv.Elem().Int())

	// IsNil / IsZero / IsValid
	var nilp *Point
	var nilm map[int]int
	var nils []int
	var nilf func()
	var nilc chan int
	for _, v := range []any{nilp, nilm, nils, nilf, nilc} {
		fmt.Print(reflect.ValueOf(v).IsNil(), " ")
	}
	fmt.Println()
	fmt.Println(reflect.ValueOf(0).IsZero(), reflect.ValueOf(Point{}).IsZero(), reflect.ValueOf(p).IsZero(), reflect.ValueOf([2]int{}).IsZero(), reflect.ValueOf("").IsZero())
	fmt.Println(reflect.ValueOf(nil).IsValid(), reflect.ValueOf(0).IsValid(), reflect.ValueOf(nilp).Elem().IsValid())
	z := reflect.ValueOf(&p).Elem()
	z.SetZero()
	fmt.Println(p)

	// Convert
	fmt.Println(reflect.ValueOf(65).Convert(reflect.TypeOf("")).Interface())
	fmt.Println(reflect.ValueOf(3.99).Convert(reflect.TypeOf(0)).Interface(), reflect.ValueOf(-1).Convert(reflect.TypeOf(uint8(0))).Interface())
	fmt.Println(reflect.ValueOf(MyInt(7)).Convert(reflect.TypeOf(0.0)).Interface(), reflect.ValueOf("héllo").Convert(reflect.TypeOf([]rune{})).Interface())
	fmt.Println(reflect.ValueOf([]byte("hi")).Convert(reflect.TypeOf("")).Interface(), reflect.ValueOf(7).Convert(reflect.TypeOf(MyInt(0))).Type())
	fmt.Println(reflect.ValueOf(7).Convert(reflect.TypeOf((*any)(nil)).Elem()).Kind())
	fmt.Println(reflect.ValueOf([]int{1, 2, 3}).Convert(reflect.TypeOf([2]int{})).Interface())
	fmt.Println(reflect.ValueOf(1).CanConvert(reflect.TypeOf("")), reflect.ValueOf("x").CanConvert(reflect.TypeOf(1)), reflect.ValueOf([]int{1}).CanConvert(reflect.TypeOf([2]int{})))

	// Maps
	mv := reflect.ValueOf(map[string]int{"one": 1, "two": 2, "three": 3})
	keys := mv.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		fmt.Print(k, "=", mv.MapIndex(k), " ")
	}
	fmt.Println(mv.MapIndex(reflect.ValueOf("zero")).IsValid())
	mv.SetMapIndex(reflect.ValueOf("four"), reflect.ValueOf(4))
	mv.SetMapIndex(reflect.ValueOf("one"), reflect.Value{})
	var pairs []string
	it := mv.MapRange()
	for it.Next() {
		pairs = append(pairs, fmt.Sprint(it.Key(), ":", it.Value()))
	}
	sort.Strings(pairs)
	fmt.Println(pairs, mv.Len())
	nm := reflect.MakeMap(reflect.TypeOf(map[int][]string{}))
	nm.SetMapIndex(reflect.ValueOf(5), reflect.ValueOf([]string{"five"}))
	fmt.Println(nm.Interface(), nm.Len())
	big := reflect.MakeMapWithSize(reflect.MapOf(reflect.TypeOf([2]int{}), reflect.TypeOf(Point{})), 10)
	big.SetMapIndex(reflect.ValueOf([2]int{1, 2}), reflect.ValueOf(Point{X: 9}))
	fmt.Println(big.MapIndex(reflect.ValueOf([2]int{1, 2})).Field(0), big.Type())
	var mk reflect.Value = reflect.New(reflect.TypeOf(0)).Elem()
	it2 := reflect.ValueOf(map[int]bool{8: true}).MapRange()
	for it2.Next() {
		mk.SetIterKey(it2)
	}
	fmt.Println(mk.Int())

	// New, Zero, MakeSlice, Append, Copy
	nv := reflect.New(reflect.TypeOf(Point{}))
	nv.Elem().Field(1).SetInt(5)
	fmt.Println(nv.Type(), nv.Elem().Interface())
	fmt.Println(reflect.Zero(reflect.TypeOf(Point{})).Interface(), reflect.Zero(reflect.TypeOf((*int)(nil))).IsNil())
	ms := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	ms.Index(0).SetString("first")
	ms = reflect.Append(ms, reflect.ValueOf("third"), reflect.ValueOf("fourth"))
	fmt.Println(ms.Len(), ms.Cap(), ms.Interface())
	ms = reflect.AppendSlice(ms, reflect.ValueOf([]string{"x", "y", "z"}))
	fmt.Println(ms.Len(), ms.Interface())
	dst := make([]string, 3)
	n := reflect.Copy(reflect.ValueOf(dst), ms)
	fmt.Println(n, dst)
	bdst := make([]byte, 4)
	fmt.Println(reflect.Copy(reflect.ValueOf(bdst), reflect.ValueOf("hello")), string(bdst))

	// Channels
	ch := reflect.MakeChan(reflect.TypeOf(make(chan string)), 2)
	ch.Send(reflect.ValueOf("a"))
	fmt.Println(ch.TrySend(reflect.ValueOf("b")), ch.TrySend(reflect.ValueOf("c")), ch.Len())
	r, ok := ch.Recv()
	fmt.Println(r, ok)
	r, ok = ch.TryRecv()
	fmt.Println(r, ok)
	r, ok = ch.TryRecv()
	fmt.Println(r.IsValid(), ok)
	ch.Close()
	r, ok = ch.Recv()
	fmt.Printf("%q %v\n", r.String(), ok)
	done := make(chan int)
	go func() { done <- 99 }()
	r, ok = reflect.ValueOf(done).Recv()
	fmt.Println(r, ok)
	c1 := make(chan int, 1)
	c1 <- 5
	chosen, rv, rok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(make(chan int))},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c1)},
	})
	fmt.Println(chosen, rv, rok)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(make(chan int))},
		{Dir: reflect.SelectDefault},
	})
	fmt.Println(chosen)

	// Swapper
	words := []string{"a", "b", "c"}
	sw := reflect.Swapper(words)
	sw(0, 2)
	fmt.Println(words)

	// Equal / Comparable
	fmt.Println(reflect.ValueOf(Point{X: 1}).Comparable(), reflect.ValueOf(3).Equal(reflect.ValueOf(3)), reflect.ValueOf("a").Equal(reflect.ValueOf("b")))
}
