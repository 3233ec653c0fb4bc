package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Point struct{ X, Y int16 }

func main() {
	// Types that the program never spells: built at run time.
	at := reflect.ArrayOf(7, reflect.TypeOf(int16(0)))
	av := reflect.New(at).Elem()
	for i := 0; i < at.Len(); i++ {
		av.Index(i).SetInt(int64(i * i))
	}
	fmt.Println(at, at.Size(), av.Interface(), av.Index(6))
	other := reflect.New(at).Elem()
	reflect.Copy(other, av)
	fmt.Println(av.Interface() == other.Interface(), reflect.ArrayOf(7, reflect.TypeOf(int16(0))) == at)

	st := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: reflect.TypeOf(""), Tag: `k:"n"`},
		{Name: "Pos", Type: reflect.TypeOf(Point{})},
		{Name: "Flag", Type: reflect.TypeOf(true)},
	})
	sv := reflect.New(st).Elem()
	sv.Field(0).SetString("origin")
	sv.Field(1).Set(reflect.ValueOf(Point{3, -4}))
	sv.FieldByName("Flag").SetBool(true)
	fmt.Printf("%v | %+v | %s\n", sv.Interface(), sv.Interface(), st)
	fmt.Println(st.Size(), st.Align(), st.Field(1).Offset, st.Field(2).Offset, st.Comparable())

	mt := reflect.MapOf(st, reflect.SliceOf(at))
	m := reflect.MakeMap(mt)
	m.SetMapIndex(sv, reflect.MakeSlice(reflect.SliceOf(at), 2, 2))
	key2 := reflect.New(st).Elem()
	key2.Field(0).SetString("other")
	m.SetMapIndex(key2, reflect.Append(reflect.MakeSlice(reflect.SliceOf(at), 0, 0), av))
	fmt.Println(mt, m.Len(), m.MapIndex(sv).Len(), m.MapIndex(key2).Index(0).Index(2))
	var names []string
	for it := m.MapRange(); it.Next(); {
		names = append(names, it.Key().Field(0).String())
	}
	sort.Strings(names)
	fmt.Println(names)

	ct := reflect.ChanOf(reflect.BothDir, st)
	ch := reflect.MakeChan(ct, 1)
	ch.Send(sv)
	got, ok := ch.Recv()
	fmt.Println(ct, got.Field(1).Interface(), ok)

	ft := reflect.FuncOf([]reflect.Type{at, reflect.TypeOf("")}, []reflect.Type{reflect.TypeOf(0), st}, false)
	fn := reflect.MakeFunc(ft, func(in []reflect.Value) []reflect.Value {
		sum := 0
		for i := 0; i < in[0].Len(); i++ {
			sum += int(in[0].Index(i).Int())
		}
		out := reflect.New(st).Elem()
		out.Field(0).SetString(in[1].String() + "!")
		return []reflect.Value{reflect.ValueOf(sum), out}
	})
	res := fn.Call([]reflect.Value{av, reflect.ValueOf("sum")})
	fmt.Println(ft, res[0], res[1].Field(0))

	pt := reflect.PointerTo(st)
	p := reflect.New(st)
	fmt.Println(pt == p.Type(), pt, p.Elem().Field(0).CanSet())
	keys := reflect.ValueOf(map[Point]string{{1, 2}: "a", {0, 0}: "b"}).MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].Field(0).Int() < keys[j].Field(0).Int() })
	fmt.Println(keys)
}
